import { ButtonLink } from "@/components/ui/links";
import { SubNav } from "@/components/ui/sub-nav";
import type { Translate } from "@/lib/i18n";

const ITEMS = [
  { href: "/complaints", key: "queues" },
  { href: "/complaints/downtimes", key: "downtimes" },
  { href: "/complaints/daily", key: "daily" },
  { href: "/complaints/reports", key: "reports" },
] as const;

/** The complaint area's sub-navigation (the kit's SubNav) with "+ new complaint" for handlers. */
export function ComplaintsNav({
  current,
  t,
  canCreate,
}: {
  current: (typeof ITEMS)[number]["href"] | "/complaints/new";
  t: Translate;
  canCreate: boolean;
}) {
  return (
    <SubNav
      label={t("complaints.title")}
      testId="complaints-nav"
      current={current === "/complaints/new" ? false : current}
      items={ITEMS.map((i) => ({ href: i.href, label: t(`complaints.nav.${i.key}`), testId: `nav-${i.key}` }))}
      end={
        canCreate && (
          <ButtonLink
            href="/complaints/new"
            size="small"
            variant={current === "/complaints/new" ? "contained" : "text"}
            data-testid="new-complaint"
            sx={{ flexShrink: 0 }}
          >
            + {t("complaints.nav.new")}
          </ButtonLink>
        )
      }
    />
  );
}
