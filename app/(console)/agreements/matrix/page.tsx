// Region pairs linked by agreements in force on a date: rows home regions, columns visit regions.
import type { Metadata } from "next";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableContainer from "@mui/material/TableContainer";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import { PageHeader } from "@/components/layout/page-header";
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
          <TableContainer>
            <Table size="small" data-testid="region-matrix" sx={{ "& td, & th": { borderRight: 1, borderColor: "divider" } }}>
              <TableHead>
                <TableRow>
                  <TableCell sx={{ whiteSpace: "nowrap", fontWeight: 600 }}>{t("agreements.matrix.home")}</TableCell>
                  {m.regions.map((r) => (
                    <TableCell key={r.code} align="center" sx={{ fontWeight: 600, whiteSpace: "nowrap" }}>
                      {r.name}
                    </TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {m.regions.map((h) => (
                  <TableRow key={h.code} data-home={h.code}>
                    <TableCell component="th" scope="row" sx={{ fontWeight: 600, whiteSpace: "nowrap" }}>
                      {h.name}
                    </TableCell>
                    {m.regions.map((v) => {
                      const c = h.code === v.code ? undefined : cell(h.code, v.code);
                      return (
                        <TableCell key={v.code} align="center" data-visit={v.code} sx={{ bgcolor: h.code === v.code ? "action.hover" : undefined, minWidth: 90 }}>
                          {c && (
                            <Stack spacing={0.5} sx={{ alignItems: "center" }}>
                              {c.agreements.map((a) => (
                                <Tooltip key={a.id} title={`${a.title} · ${t(`agreements.types.${a.type}`)}`}>
                                  <Chip
                                    size="small"
                                    component="a"
                                    href={`/agreements/${a.id}`}
                                    clickable
                                    color={TYPE_COLOR[a.type as keyof typeof TYPE_COLOR]}
                                    variant={a.filingFree ? "filled" : "outlined"}
                                    label={a.number}
                                  />
                                </Tooltip>
                              ))}
                            </Stack>
                          )}
                        </TableCell>
                      );
                    })}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        ) : (
          <Typography color="text.secondary" sx={{ p: 3 }}>
            {t("agreements.matrix.empty")}
          </Typography>
        )}
        <Stack direction="row" spacing={1} useFlexGap sx={{ p: 2, flexWrap: "wrap" }}>
          {Object.entries(TYPE_COLOR).map(([type, color]) => (
            <Chip key={type} size="small" variant="outlined" color={color} label={t(`agreements.types.${type}`)} />
          ))}
        </Stack>
      </Paper>
    </>
  );
}
