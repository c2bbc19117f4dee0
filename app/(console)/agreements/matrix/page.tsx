// Region pairs linked by agreements in force on a date: rows home regions, columns visit regions.
import type { Metadata } from "next";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import { PageHeader } from "@/components/layout/page-header";
import { Tag, TagLink } from "@/components/ui/tag";
import { getT } from "@/components/i18n/server";
import { regionPairMatrix } from "@/lib/agreements/queries";
import { parseDate, todayCn } from "@/lib/facilities/codes";
import { AgreementTabs } from "../_components/agreement-tabs";
import { requireAgreementsArea } from "../_components/guard";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("agreements.matrix.title") };
}

const TYPE_COLOR = { DESIGNATION: "primary", MUTUAL_RECOGNITION: "success", FILING_FREE: "secondary", PHARMACY_PILOT: "info", LTC_EXTENSION: "warning", OTHER: "default" } as const;

export default async function MatrixPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireAgreementsArea();
  const [sp, t] = await Promise.all([searchParams, getT()]);
  const raw = Array.isArray(sp.date) ? sp.date[0] : sp.date;
  const date = raw && parseDate(raw) === raw ? raw : todayCn();
  const m = await regionPairMatrix(actor, date);
  const cell = (home: string, visit: string) => m.cells.find((c) => c.home === home && c.visit === visit);

  return (
    <>
      <PageHeader title={t("agreements.matrix.title")} subtitle={t("agreements.matrix.subtitle", { date })} />
      <AgreementTabs />
      <Paper>
        <Box component="form" method="get" action="/agreements/matrix" sx={{ display: "flex", gap: 1.5, p: 2, borderBottom: 1, borderColor: "divider" }}>
          <TextField type="date" name="date" label={t("agreements.matrix.date")} defaultValue={date} slotProps={{ inputLabel: { shrink: true } }} />
          <Button type="submit" variant="contained">
            {t("common.search")}
          </Button>
        </Box>
        {m.regions.length ? (
          <div className="yb-table-wrap">
            <table className="yb-table yb-grid" data-testid="region-matrix">
              <thead>
                <tr>
                  <th className="yb-nowrap">{t("agreements.matrix.home")}</th>
                  {m.regions.map((r) => (
                    <th key={r.code} className="yb-center yb-nowrap">
                      {r.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {m.regions.map((h) => (
                  <tr key={h.code} data-home={h.code}>
                    <th scope="row" className="yb-strong yb-nowrap">
                      {h.name}
                    </th>
                    {m.regions.map((v) => {
                      const c = h.code === v.code ? undefined : cell(h.code, v.code);
                      return (
                        <td key={v.code} className="yb-center" data-visit={v.code} style={h.code === v.code ? { minWidth: 90, backgroundColor: "var(--yb-hover)" } : { minWidth: 90 }}>
                          {c && (
                            <span className="yb-stack">
                              {c.agreements.map((a) => (
                                <Tooltip key={a.id} title={`${a.title} · ${t(`agreements.types.${a.type}`)}`}>
                                  <TagLink href={`/agreements/${a.id}`} color={TYPE_COLOR[a.type as keyof typeof TYPE_COLOR]} variant={a.filingFree ? "filled" : "outlined"} label={a.number} />
                                </Tooltip>
                              ))}
                            </span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Typography color="text.secondary" sx={{ p: 3 }}>
            {t("agreements.matrix.empty")}
          </Typography>
        )}
        <Stack direction="row" spacing={1} useFlexGap sx={{ p: 2, flexWrap: "wrap" }}>
          {Object.entries(TYPE_COLOR).map(([type, color]) => (
            <Tag key={type} variant="outlined" color={color} label={t(`agreements.types.${type}`)} />
          ))}
        </Stack>
      </Paper>
    </>
  );
}
