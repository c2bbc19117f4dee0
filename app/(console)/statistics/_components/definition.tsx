"use client";
// The definition (口径) of a figure, one click away: an info button opening a popover.
// The popover is mounted on first use and kept (for its closing transition): the dashboard has a
// dozen of these, and closed popovers still cost render time on every request.
import { useState } from "react";
import IconButton from "@mui/material/IconButton";
import Popover from "@mui/material/Popover";
import Typography from "@mui/material/Typography";
import { Icon } from "@/components/ui/svg-icon";

export function Definition({ label, text, testId }: { label: string; text: string; testId?: string }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [used, setUsed] = useState(false);
  return (
    <>
      <IconButton
        size="small"
        aria-label={label}
        data-testid={testId}
        onClick={(e) => {
          setAnchor(e.currentTarget);
          setUsed(true);
        }}
        sx={{ p: 0.25, color: "text.secondary" }}
      >
        <Icon name="infoOutlined" size={16} />
      </IconButton>
      {used && (
        <Popover
          open={Boolean(anchor)}
          anchorEl={anchor}
          onClose={() => setAnchor(null)}
          anchorOrigin={{ vertical: "bottom", horizontal: "left" }}
          slotProps={{ paper: { sx: { p: 1.5, maxWidth: 360 } } }}
        >
          <Typography variant="body2" role="note" sx={{ whiteSpace: "pre-line" }}>
            {text}
          </Typography>
        </Popover>
      )}
    </>
  );
}
