// Small presentational pieces shared by the agreement pages (server-renderable).
import Chip from "@mui/material/Chip";
import Stack from "@mui/material/Stack";
import type { Translate } from "@/lib/i18n";

const STATUS_COLOR = { DRAFT: "default", ACTIVE: "success", SUSPENDED: "warning", EXPIRED: "default", TERMINATED: "error" } as const;

export function StatusChip({ status, t }: { status: keyof typeof STATUS_COLOR; t: Translate }) {
  return (
    <Chip
      size="small"
      label={t(`agreements.statuses.${status}`)}
      color={STATUS_COLOR[status]}
      variant={status === "ACTIVE" || status === "TERMINATED" ? "filled" : "outlined"}
      data-testid="agreement-status"
    />
  );
}

/** Parties as region chips; the role is marked unless the agreement is mutual. */
export function PartyChips({ parties, mutual, t }: { parties: { regionCode: string; regionName: string; role: string }[]; mutual: boolean; t: Translate }) {
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: "wrap" }}>
      {parties.map((p) => (
        <Chip
          key={p.regionCode}
          size="small"
          variant="outlined"
          color={p.role === "HOME" ? "primary" : p.role === "VISIT" ? "secondary" : "default"}
          label={mutual ? p.regionName : `${p.regionName} · ${t(`agreements.roles.${p.role}`)}`}
          data-testid={`party-${p.regionCode}`}
        />
      ))}
    </Stack>
  );
}
