import Grid from "@mui/material/Grid";
import Card from "@mui/material/Card";
import { CardActionLink } from "@/components/ui/links";
import CardContent from "@mui/material/CardContent";
import Typography from "@mui/material/Typography";
import { PageHeader } from "@/components/layout/page-header";
import { requirePageActor } from "@/components/layout/require";
import { getLocale, getT } from "@/components/i18n/server";
import { canSeeArea, type JobArea } from "@/lib/auth/policy";

const CARDS: { area: JobArea | "regions"; href: string; title: string; desc: string }[] = [
  { area: "facilities", href: "/facilities", title: "nav.facilities", desc: "home.facilitiesDesc" },
  { area: "agreements", href: "/agreements", title: "nav.agreements", desc: "home.agreementsDesc" },
  { area: "statistics", href: "/statistics", title: "nav.statistics", desc: "home.statisticsDesc" },
  { area: "complaints", href: "/complaints", title: "nav.complaints", desc: "home.complaintsDesc" },
  { area: "admin", href: "/admin/users", title: "nav.admin", desc: "home.adminDesc" },
  { area: "regions", href: "/regions", title: "nav.regions", desc: "home.regionsDesc" },
];

export default async function HomePage() {
  const actor = await requirePageActor();
  const [t, locale] = await Promise.all([getT(), getLocale()]);
  const cards = CARDS.filter((c) => c.area === "regions" || canSeeArea(actor, c.area));
  return (
    <>
      <PageHeader
        title={t("home.welcome", { name: actor.displayName })}
        subtitle={t("home.intro", { bureau: locale === "en" ? actor.bureauNameEn : actor.bureauName, region: actor.regionName })}
      />
      <Typography variant="h3" component="h2" sx={{ mb: 2 }}>
        {t("home.yourJobs")}
      </Typography>
      <Grid container spacing={2}>
        {cards.map((c) => (
          <Grid key={c.href} size={{ xs: 12, sm: 6, lg: 4 }}>
            <Card sx={{ height: "100%" }}>
              <CardActionLink href={c.href} sx={{ height: "100%", alignItems: "flex-start" }}>
                <CardContent>
                  <Typography variant="h4" component="h3" color="primary.dark" gutterBottom>
                    {t(c.title)}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {t(c.desc)}
                  </Typography>
                </CardContent>
              </CardActionLink>
            </Card>
          </Grid>
        ))}
      </Grid>
    </>
  );
}
