// A whole-page message (not found, page error): an optional big code, the title, a hint, an
// optional small note and the way out. Plain MUI, usable from server and client pages.
import type { ReactNode } from "react";
import Box from "@mui/material/Box";
import Typography from "@mui/material/Typography";

export function StatusPage({
  code,
  title,
  hint,
  note,
  actions,
}: {
  code?: string;
  title: ReactNode;
  hint: ReactNode;
  note?: ReactNode;
  actions: ReactNode;
}) {
  return (
    <Box sx={{ minHeight: "60vh", display: "grid", placeItems: "center", textAlign: "center", p: 4 }}>
      <Box>
        {code && (
          <Typography variant="h1" component="p" color="primary.dark" sx={{ fontSize: "4rem" }}>
            {code}
          </Typography>
        )}
        <Typography variant="h2" component="h1" gutterBottom>
          {title}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: note ? 1 : 3 }}>
          {hint}
        </Typography>
        {note && (
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 3 }}>
            {note}
          </Typography>
        )}
        {actions}
      </Box>
    </Box>
  );
}
