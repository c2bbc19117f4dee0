// The console's home: the workbench (what needs the user today, per role — lib/workbench,
// decision 016), then a compact card per job area the user may open, on the kit's card grid
// (card-grid.tsx, home.module.css); the clickable area stays MUI's CardActionArea.
import { CardActionLink } from "@/components/ui/links";
import { CardGrid, GridCell } from "@/components/ui/card-grid";
import { first, type RawParams } from "@/components/ui/url-query";
import { PageHeader } from "@/components/layout/page-header";
import { requirePageActor } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { canSeeArea, type JobArea } from "@/lib/auth/policy";
import { expiryWindow } from "@/lib/agreements/codes";
import { getWorkbench } from "@/lib/workbench/queries";
import { Workbench } from "./_components/workbench/workbench";
import css from "./home.module.css";

const CARDS: { area: JobArea | "regions"; href: string; title: string; desc: string }[] = [
  { area: "facilities", href: "/facilities", title: "nav.facilities", desc: "home.facilitiesDesc" },
  { area: "agreements", href: "/agreements", title: "nav.agreements", desc: "home.agreementsDesc" },
  { area: "statistics", href: "/statistics", title: "nav.statistics", desc: "home.statisticsDesc" },
  { area: "complaints", href: "/complaints", title: "nav.complaints", desc: "home.complaintsDesc" },
  { area: "admin", href: "/admin/users", title: "nav.admin", desc: "home.adminDesc" },
  { area: "regions", href: "/regions", title: "nav.regions", desc: "home.regionsDesc" },
];

export default async function HomePage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const actor = await requirePageActor();
  const days = expiryWindow(first(await searchParams, "days"));
  const [t, locale, work] = await Promise.all([getT(), getLocale(), getWorkbench(actor, { days })]);
  const cards = CARDS.filter((c) => c.area === "regions" || canSeeArea(actor, c.area));
  return (
    <>
      <PageHeader
        title={t("home.welcome", { name: actor.displayName })}
        subtitle={t("home.intro", {
          bureau: locale === "en" ? actor.bureauNameEn : actor.bureauName,
          region: actor.regionName,
        })}
      />
      <Workbench work={work} t={t} regionCode={actor.regionCode} regionName={actor.regionName} />
      <h2 className={css.heading}>{t("workbench.jobs")}</h2>
      <CardGrid testId="job-cards">
        {cards.map((c) => (
          <GridCell key={c.href} span="third">
            <div className={`yb-paper ${css.card}`}>
              <CardActionLink href={c.href} sx={{ height: "100%", alignItems: "flex-start" }}>
                <div className={css.content}>
                  <h3 className={css.title}>{t(c.title)}</h3>
                  <p className="yb-caption">{t(c.desc)}</p>
                </div>
              </CardActionLink>
            </div>
          </GridCell>
        ))}
      </CardGrid>
    </>
  );
}
