// Visit region × home region matrix (heat-shaded cells); a cell drills down to that pair.
import Box from "@mui/material/Box";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { TextLink } from "@/components/ui/links";
import type { Translate } from "@/lib/i18n";
import type { Flows } from "@/lib/statistics/queries";
import { formatCount } from "@/lib/statistics/decimal";

const MAX_AXIS = 8;

export function FlowMatrix({ flows, t, hrefFor }: { flows: Flows; t: Translate; hrefFor: (visitKey: string, homeKey: string) => string }) {
  if (!flows.cells.length) return <Typography color="text.secondary">{t("statistics.regions.empty")}</Typography>;
  const totals = (pick: (c: Flows["cells"][number]) => string) => {
    const m = new Map<string, bigint>();
    for (const c of flows.cells) m.set(pick(c), (m.get(pick(c)) ?? 0n) + c.figures.visits);
    return [...m.entries()].sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : 0)).slice(0, MAX_AXIS).map(([k]) => k);
  };
  const rows = totals((c) => c.visitKey);
  const cols = totals((c) => c.homeKey);
  const cell = new Map(flows.cells.map((c) => [`${c.visitKey}|${c.homeKey}`, c.figures.visits]));
  const max = flows.cells.reduce((m, c) => (c.figures.visits > m ? c.figures.visits : m), 1n);
  const wan = max >= 100_000n;
  const fmt = (n: bigint) => (wan ? formatCount(n, "wan", 2) : formatCount(n, "one"));
  return (
    <Box sx={{ overflowX: "auto" }}>
      <Table size="small" data-testid="flow-matrix" aria-label={t("statistics.regions.flows")}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ whiteSpace: "nowrap" }}>
              {t("statistics.regions.visitAxis")}
              <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                ({wan ? t("statistics.units.wanVisits") : t("statistics.units.visits")})
              </Typography>
            </TableCell>
            {cols.map((h) => (
              <TableCell key={h} align="right" sx={{ whiteSpace: "nowrap" }}>
                {flows.names[h] ?? h}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((v) => (
            <TableRow key={v} data-visit={v}>
              <TableCell component="th" scope="row" sx={{ whiteSpace: "nowrap", fontWeight: 600 }}>
                {flows.names[v] ?? v}
              </TableCell>
              {cols.map((h) => {
                const n = cell.get(`${v}|${h}`) ?? 0n;
                const alpha = n === 0n ? 0 : 0.08 + 0.72 * Number((n * 1000n) / max) / 1000;
                return (
                  <TableCell key={h} align="right" data-pair={`${v}-${h}`} sx={{ bgcolor: `rgba(26,79,139,${alpha.toFixed(3)})`, fontVariantNumeric: "tabular-nums" }}>
                    {n === 0n ? (
                      <span style={{ color: "#9aa5b1" }}>—</span>
                    ) : (
                      <TextLink href={hrefFor(v, h)} sx={{ color: alpha > 0.45 ? "#fff" : "primary.dark" }}>
                        {fmt(n)}
                      </TextLink>
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
