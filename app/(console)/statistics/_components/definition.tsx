"use client";
// The definition (口径) of a figure, one click away: an info button opening a popover.
import { useState } from "react";
import IconButton from "@mui/material/IconButton";
import Popover from "@mui/material/Popover";
import Typography from "@mui/material/Typography";
import InfoOutlined from "@mui/icons-material/InfoOutlined";

export function Definition({ label, text, testId }: { label: string; text: string; testId?: string }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <IconButton size="small" aria-label={label} data-testid={testId} onClick={(e) => setAnchor(e.currentTarget)} sx={{ p: 0.25, color: "text.secondary" }}>
        <InfoOutlined sx={{ fontSize: 16 }} />
      </IconButton>
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
    </>
  );
}
