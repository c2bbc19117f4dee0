import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import Chip from "@mui/material/Chip";
import { PageHeader } from "./page-header";

/** Placeholder for a job area whose module is not built yet: says what will come. */
export function ComingSoon({ title, body, badge }: { title: string; body: string; badge: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Paper sx={{ p: 4 }}>
        <Chip label={badge} color="warning" variant="outlined" sx={{ mb: 2 }} />
        <Typography sx={{ lineHeight: 1.9 }}>{body}</Typography>
      </Paper>
    </>
  );
}
