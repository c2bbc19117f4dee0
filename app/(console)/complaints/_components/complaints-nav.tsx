import Box from "@mui/material/Box";
import { ButtonLink } from "@/components/ui/links";
import type { Translate } from "@/lib/i18n";

const ITEMS = [
  { href: "/complaints", key: "queues" },
  { href: "/complaints/downtimes", key: "downtimes" },
  { href: "/complaints/daily", key: "daily" },
  { href: "/complaints/reports", key: "reports" },
] as const;

/** The complaint area's sub-navigation (server-rendered; links are client wrappers). */
export function ComplaintsNav({ current, t, canCreate }: { current: (typeof ITEMS)[number]["href"] | "/complaints/new"; t: Translate; canCreate: boolean }) {
  return (
    <Box sx={{ display: "flex", gap: 1, flexWrap: "wrap", mb: 2, "@media print": { display: "none" } }} component="nav" data-testid="complaints-nav">
      {ITEMS.map((i) => (
        <ButtonLink key={i.href} href={i.href} size="small" variant={current === i.href ? "contained" : "outlined"}>
          {t(`complaints.nav.${i.key}`)}
        </ButtonLink>
      ))}
      {canCreate && (
        <ButtonLink href="/complaints/new" size="small" variant={current === "/complaints/new" ? "contained" : "text"} data-testid="new-complaint" sx={{ ml: "auto" }}>
          + {t("complaints.nav.new")}
        </ButtonLink>
      )}
    </Box>
  );
}
