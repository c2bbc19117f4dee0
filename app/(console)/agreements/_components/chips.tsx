// Small presentational pieces shared by the agreement pages (server-renderable): kit tags, the
// look of MUI's small chips without a styled component per chip.
import { Tag, Tags } from "@/components/ui/tag";
import type { Translate } from "@/lib/i18n";

const STATUS_COLOR = {
  DRAFT: "default",
  ACTIVE: "success",
  SUSPENDED: "warning",
  EXPIRED: "default",
  TERMINATED: "error",
} as const;

export function StatusChip({ status, t }: { status: keyof typeof STATUS_COLOR; t: Translate }) {
  return (
    <Tag
      label={t(`agreements.statuses.${status}`)}
      color={STATUS_COLOR[status]}
      variant={status === "ACTIVE" || status === "TERMINATED" ? "filled" : "outlined"}
      testId="agreement-status"
    />
  );
}

/** Parties as region tags; the role is marked unless the agreement is mutual. */
export function PartyChips({
  parties,
  mutual,
  t,
}: {
  parties: { regionCode: string; regionName: string; role: string }[];
  mutual: boolean;
  t: Translate;
}) {
  return (
    <Tags>
      {parties.map((p) => (
        <Tag
          key={p.regionCode}
          variant="outlined"
          color={p.role === "HOME" ? "primary" : p.role === "VISIT" ? "secondary" : "default"}
          label={mutual ? p.regionName : `${p.regionName} · ${t(`agreements.roles.${p.role}`)}`}
          testId={`party-${p.regionCode}`}
        />
      ))}
    </Tags>
  );
}
