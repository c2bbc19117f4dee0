// National counts by level, each with its definition (口径) under the figure.
import Grid from "@mui/material/Grid";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import Box from "@mui/material/Box";
import type { Translate } from "@/lib/i18n";
import type { RegionCounts } from "@/lib/regions/queries";

export function RegionStats({ counts, t, formatNumber }: { counts: RegionCounts; t: Translate; formatNumber: (n: number) => string }) {
  const figures = [
    { id: "provinces", value: counts.provinces, label: t("regions.stats.provinces"), note: t("regions.stats.provincesNote") },
    { id: "cities", value: counts.cities, label: t("regions.stats.cities"), note: t("regions.stats.citiesNote", { groups: counts.cityGroups }) },
    { id: "counties", value: counts.counties, label: t("regions.stats.counties"), note: t("regions.stats.countiesNote") },
    { id: "pooling", value: counts.poolingAreas, label: t("regions.stats.poolingAreas"), note: t("regions.stats.poolingAreasNote") },
  ];
  return (
    <Grid container spacing={2} component="section" aria-label={t("regions.stats.ariaLabel")} sx={{ mb: 3 }}>
      {figures.map((f) => (
        <Grid key={f.id} size={{ xs: 12, sm: 6, lg: 3 }}>
          <Paper sx={{ p: 2.5, height: "100%" }} data-testid={`stat-${f.id}`}>
            <Typography variant="body2" color="text.secondary">
              {f.label}
            </Typography>
            <Box sx={{ display: "flex", alignItems: "baseline", gap: 0.5, my: 0.5 }}>
              <Typography component="span" sx={{ fontSize: "1.9rem", fontWeight: 600, color: "primary.dark", fontVariantNumeric: "tabular-nums" }}>
                {formatNumber(f.value)}
              </Typography>
              {t("regions.stats.unit") && (
                <Typography component="span" variant="body2" color="text.secondary">
                  {t("regions.stats.unit")}
                </Typography>
              )}
            </Box>
            <Typography variant="caption" color="text.secondary" sx={{ display: "block", lineHeight: 1.6 }}>
              {f.note}
            </Typography>
          </Paper>
        </Grid>
      ))}
    </Grid>
  );
}
