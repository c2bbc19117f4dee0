// "Can this patient settle here?" — open to every signed-in user. The form is a plain GET form,
// so the URL is the question; with `asOf` it is a permalink that replays an earlier answer.
import type { Metadata } from "next";
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import CheckCircleOutlined from "@mui/icons-material/CheckCircleOutlined";
import CancelOutlined from "@mui/icons-material/CancelOutlined";
import { TextLink } from "@/components/ui/links";
import { DateField } from "@/components/ui/date-field";
import { PageHeader } from "@/components/layout/page-header";
import { getLocale, getT } from "@/components/i18n/server";
import { checkEligibility, type EligibilityResult } from "@/lib/agreements/check";
import { CHRONIC_DISEASES, SERVICES, todayCn } from "@/lib/facilities/codes";
import { FILING_TYPES } from "@/lib/agreements/codes";
import { ValidationError } from "@/lib/errors";
import { formatDateTime } from "../../_components/date-time";
import { AgreementTabs } from "../_components/agreement-tabs";
import { requireAgreementReader } from "../_components/guard";
import { HomeRegionField } from "./_components/home-region-field";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const KEYS = ["institution", "homeRegion", "service", "date", "filingType", "disease", "asOf"] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("agreements.check.title") };
}

export default async function CheckPage({ searchParams }: { searchParams: SearchParams }) {
  const { seesArea } = await requireAgreementReader();
  const [sp, t, locale] = await Promise.all([searchParams, getT(), getLocale()]);
  const q: Record<string, string> = {};
  for (const k of KEYS) {
    const v = sp[k];
    const s = (Array.isArray(v) ? v[0] : v)?.trim();
    if (s) q[k] = s;
  }
  const asked = Boolean(q.institution && q.homeRegion);
  let result: EligibilityResult | null = null;
  let errors: Record<string, string> = {};
  if (asked) {
    try {
      result = await checkEligibility({ service: "INPATIENT", date: todayCn(), ...q });
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      errors = Object.fromEntries(Object.entries(e.fieldErrors).map(([f, refs]) => [f, t(refs[0]!.key, refs[0]!.params)]));
    }
  }
  const lang = locale === "en" ? "en" : "zh";
  const native = { select: { native: true }, inputLabel: { shrink: true } } as const;

  return (
    <>
      <PageHeader title={t("agreements.check.title")} subtitle={t("agreements.check.subtitle")} />
      <AgreementTabs showList={seesArea} />
      <Paper sx={{ p: 2.5, mb: 2 }}>
        <Box component="form" action="/agreements/check" method="get" role="search" data-testid="eligibility-form" sx={{ display: "flex", flexWrap: "wrap", gap: 1.5, alignItems: "flex-start" }}>
          <TextField name="institution" label={t("agreements.check.institution")} defaultValue={q.institution ?? ""} error={Boolean(errors.institution)} helperText={errors.institution} sx={{ width: 180 }} slotProps={{ htmlInput: { maxLength: 12 } }} />
          <HomeRegionField initial={q.homeRegion} label={t("agreements.check.homeRegion")} error={errors.homeRegion} />
          <TextField select name="service" label={t("agreements.check.service")} defaultValue={q.service ?? "INPATIENT"} slotProps={native} sx={{ width: 150 }}>
            {SERVICES.map((s) => (
              <option key={s} value={s}>
                {t(`agreements.services.${s}`)}
              </option>
            ))}
          </TextField>
          <DateField name="date" label={t("agreements.check.date")} defaultValue={q.date ?? todayCn()} error={Boolean(errors.date)} helperText={errors.date} testId="check-date" />
          <TextField select name="filingType" label={t("agreements.check.filingType")} defaultValue={q.filingType ?? ""} slotProps={native} sx={{ width: 170 }}>
            <option value="">—</option>
            {FILING_TYPES.map((f) => (
              <option key={f} value={f}>
                {t(`agreements.filingTypes.${f}`)}
              </option>
            ))}
          </TextField>
          <TextField select name="disease" label={t("agreements.check.disease")} defaultValue={q.disease ?? ""} error={Boolean(errors.disease)} helperText={errors.disease} slotProps={native} sx={{ width: 190 }}>
            <option value="">—</option>
            {CHRONIC_DISEASES.map((d) => (
              <option key={d} value={d}>
                {t(`agreements.diseases.${d}`)}
              </option>
            ))}
          </TextField>
          <Button type="submit" variant="contained" sx={{ mt: 1 }} data-testid="eligibility-submit">
            {t("agreements.check.submit")}
          </Button>
        </Box>
        <Typography variant="caption" color="text.secondary" sx={{ display: "block", mt: 1 }}>
          {t("agreements.check.hint")}
        </Typography>
      </Paper>

      {result && (
        <Paper sx={{ p: 2.5 }} data-testid="eligibility-result">
          <Stack direction="row" spacing={1.5} sx={{ alignItems: "center", mb: 1 }}>
            {result.eligible ? <CheckCircleOutlined color="success" fontSize="large" /> : <CancelOutlined color="error" fontSize="large" />}
            <Typography variant="h3" component="h2" data-testid="eligibility-verdict">
              {result.eligible ? t("agreements.check.eligible") : t("agreements.check.notEligible")}
            </Typography>
            {result.eligible && (
              <Chip color={result.filingRequired ? "warning" : "success"} label={result.filingRequired ? t("agreements.check.filingRequired") : t("agreements.check.filingNotRequired")} data-testid="eligibility-filing" />
            )}
            {result.maxRatioReductionPoints !== null && <Chip variant="outlined" label={t("agreements.check.reduction", { points: result.maxRatioReductionPoints })} />}
          </Stack>
          {result.institution && (
            <Typography variant="body2" color="text.secondary">
              {t("agreements.check.institutionLine", {
                name: result.institution.name,
                code: result.institution.code,
                region: result.institution.region.name,
                level: t(`agreements.levels.${result.institution.level}`),
              })}
            </Typography>
          )}
          <Typography variant="caption" color="text.secondary">
            {t("agreements.check.asOf", { at: formatDateTime(result.query.asOf) })}
          </Typography>

          <Typography variant="h4" component="h3" sx={{ mt: 2.5, mb: 1 }}>
            {t("agreements.check.basis")}
          </Typography>
          {result.basis.length ? (
            <Table size="small" data-testid="eligibility-basis">
              <TableHead>
                <TableRow>
                  <TableCell>{t("agreements.list.number")}</TableCell>
                  <TableCell>{t("agreements.list.titleCol")}</TableCell>
                  <TableCell>{t("agreements.list.type")}</TableCell>
                  <TableCell>{t("agreements.detail.scope")}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {result.basis.map((b) => (
                  <TableRow key={b.agreementId}>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>
                      {seesArea ? <TextLink href={`/agreements/${b.agreementId}`}>{b.number}</TextLink> : b.number}
                    </TableCell>
                    <TableCell>{b.title}</TableCell>
                    <TableCell sx={{ whiteSpace: "nowrap" }}>{t(`agreements.types.${b.type}`)}</TableCell>
                    <TableCell>{b.clause[lang]}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : (
            <Typography variant="body2" color="text.secondary">
              {t("agreements.check.none")}
            </Typography>
          )}

          {result.ratioByFilingType && (
            <>
              <Typography variant="h4" component="h3" sx={{ mt: 2.5, mb: 1 }}>
                {t("agreements.check.reductionByType")}
              </Typography>
              <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap" }}>
                {FILING_TYPES.map((f) => (
                  <Chip key={f} size="small" variant={q.filingType === f ? "filled" : "outlined"} label={`${t(`agreements.filingTypes.${f}`)} ${result.ratioByFilingType![f]}`} />
                ))}
              </Stack>
            </>
          )}

          <Typography variant="h4" component="h3" sx={{ mt: 2.5, mb: 1 }}>
            {t("agreements.check.reasons")}
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid="eligibility-reasons">
            {result.reasons.map((r, i) => (
              <Typography component="li" variant="body2" key={i} data-code={r.code} sx={{ mb: 0.5 }}>
                {r[lang]}
              </Typography>
            ))}
          </Box>

          <Alert severity="info" sx={{ mt: 2.5, wordBreak: "break-all" }}>
            {t("agreements.check.permalink")}:{" "}
            <TextLink href={result.permalink} data-testid="eligibility-permalink">
              {result.permalink}
            </TextLink>
          </Alert>
        </Paper>
      )}
    </>
  );
}
