// The current region: name, chips, and its facts as a definition list.
import type { ReactNode } from "react";
import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { TextLink } from "@/components/ui/links";
import type { Translate } from "@/lib/i18n";
import type { RegionDetail } from "@/lib/regions/schemas";
import { LevelChip, PoolingChip, ScopeChip } from "./region-chips";
import { regionHref } from "./region-href";

export function RegionHeader({ region, isOwnScope, t }: { region: RegionDetail; isOwnScope: boolean; t: Translate }) {
  const parent = region.ancestors[region.ancestors.length - 1];
  const pooling = region.poolingAreaOf;
  const facts: { label: string; value: ReactNode }[] = [
    { label: t("regions.detail.code"), value: <Box component="span" sx={{ fontVariantNumeric: "tabular-nums", letterSpacing: "0.04em" }}>{region.code}</Box> },
    { label: t("regions.detail.level"), value: t(`regions.levels.${region.level}`) },
    {
      label: t("regions.detail.parent"),
      value: parent ? (
        <TextLink href={regionHref(parent.code)}>
          {parent.name}
        </TextLink>
      ) : (
        "—"
      ),
    },
    {
      label: t("regions.detail.poolingAreaOf"),
      value: !pooling ? (
        <Typography component="span" variant="body2" color="text.secondary">
          {t("regions.detail.poolingAreaOfNone")}
        </Typography>
      ) : pooling.code === region.code ? (
        pooling.name
      ) : (
        <TextLink href={regionHref(pooling.code)}>
          {pooling.name}
        </TextLink>
      ),
    },
    { label: t("regions.detail.childCount"), value: t("regions.detail.childCountValue", { count: region.childCount }) },
  ];
  return (
    <Paper sx={{ p: 3, mb: 3 }} data-testid="region-header">
      <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: "center", flexWrap: "wrap", mb: 2.5 }}>
        <Typography variant="h3" component="h2" sx={{ mr: 0.5 }}>
          {region.name}
        </Typography>
        <LevelChip level={region.level} t={t} />
        {region.poolingArea && <PoolingChip t={t} />}
        {isOwnScope && <ScopeChip t={t} />}
      </Stack>
      <Box
        component="dl"
        sx={{
          m: 0,
          display: "grid",
          gridTemplateColumns: { xs: "1fr", sm: "repeat(2, minmax(0, 1fr))", lg: "repeat(5, minmax(0, 1fr))" },
          columnGap: 3,
          rowGap: 2,
        }}
      >
        {facts.map((f) => (
          <Box key={f.label} sx={{ minWidth: 0 }}>
            <Typography component="dt" variant="caption" color="text.secondary" sx={{ display: "block", mb: 0.25 }}>
              {f.label}
            </Typography>
            <Typography component="dd" variant="body1" sx={{ m: 0 }}>
              {f.value}
            </Typography>
          </Box>
        ))}
      </Box>
    </Paper>
  );
}
