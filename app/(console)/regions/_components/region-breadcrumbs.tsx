import Breadcrumbs from "@mui/material/Breadcrumbs";
import Typography from "@mui/material/Typography";
import NavigateNextIcon from "@mui/icons-material/NavigateNext";
import { TextLink } from "@/components/ui/links";
import type { Translate } from "@/lib/i18n";
import type { RegionRef } from "@/lib/regions/schemas";
import { regionHref } from "./region-href";

/** 全国 › 河北省 › 廊坊市: every step a link but the current one. */
export function RegionBreadcrumbs({ path, t }: { path: RegionRef[]; t: Translate }) {
  const current = path[path.length - 1];
  return (
    <Breadcrumbs
      aria-label={t("regions.breadcrumb")}
      separator={<NavigateNextIcon fontSize="small" />}
      sx={{ mb: 2 }}
      data-testid="region-breadcrumb"
    >
      {path.slice(0, -1).map((r) => (
        <TextLink key={r.code} href={regionHref(r.code)} color="inherit">
          {r.name}
        </TextLink>
      ))}
      {current && (
        <Typography color="text.primary" aria-current="page" sx={{ fontWeight: 500 }}>
          {current.name}
        </Typography>
      )}
    </Breadcrumbs>
  );
}
