// Children of the current region, or search results (with each hit's path), as one table.
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import Box from "@mui/material/Box";
import ChevronRightIcon from "@mui/icons-material/ChevronRight";
import { TextLink } from "@/components/ui/links";
import type { Translate } from "@/lib/i18n";
import type { RegionSearchHit, RegionView } from "@/lib/regions/schemas";
import { LevelChip, PoolingChip, ScopeChip } from "./region-chips";
import { regionHref } from "./region-href";

type Row = RegionView & { path?: RegionSearchHit["path"] };

export function RegionTable({
  rows,
  showPath,
  ownCode,
  t,
  formatNumber,
  testId,
}: {
  rows: Row[];
  showPath: boolean;
  ownCode: string;
  t: Translate;
  formatNumber: (n: number) => string;
  testId: string;
}) {
  return (
    <TableContainer>
      <Table size="small" data-testid={testId}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 110 }}>{t("regions.children.code")}</TableCell>
            <TableCell>{t("regions.children.name")}</TableCell>
            {showPath && <TableCell>{t("regions.search.path")}</TableCell>}
            <TableCell sx={{ width: 110 }}>{t("regions.children.level")}</TableCell>
            <TableCell sx={{ width: 130 }}>{t("regions.children.poolingArea")}</TableCell>
            <TableCell align="right" sx={{ width: 120 }}>
              {t("regions.children.childCount")}
            </TableCell>
            <TableCell align="right" sx={{ width: 130 }}>
              {t("common.actions")}
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.code} hover data-code={r.code}>
              <TableCell sx={{ fontVariantNumeric: "tabular-nums", color: "text.secondary" }}>{r.code}</TableCell>
              <TableCell>
                <Box sx={{ display: "flex", alignItems: "center", gap: 1 }}>
                  <TextLink href={regionHref(r.code)} sx={{ fontWeight: 500 }}>
                    {r.name}
                  </TextLink>
                  {r.code === ownCode && <ScopeChip t={t} />}
                </Box>
              </TableCell>
              {showPath && (
                <TableCell>
                  <Typography variant="body2" color="text.secondary">
                    {(r.path ?? []).map((p) => p.name).join(" › ")}
                  </Typography>
                </TableCell>
              )}
              <TableCell>
                <LevelChip level={r.level} t={t} />
              </TableCell>
              <TableCell>{r.poolingArea ? <PoolingChip t={t} /> : <Typography component="span" color="text.disabled">—</Typography>}</TableCell>
              <TableCell align="right" sx={{ fontVariantNumeric: "tabular-nums" }}>
                {r.childCount ? formatNumber(r.childCount) : <Typography component="span" color="text.disabled">—</Typography>}
              </TableCell>
              <TableCell align="right">
                {r.childCount > 0 && (
                  <TextLink
                    href={regionHref(r.code)}
                   
                    aria-label={t("regions.children.drillLabel", { name: r.name })}
                    sx={{ display: "inline-flex", alignItems: "center" }}
                  >
                    {t("regions.children.drill")}
                    <ChevronRightIcon fontSize="small" />
                  </TextLink>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
