// "Can this patient settle here?" — open to every signed-in user. The form is a plain GET form,
// so the URL is the question; with `asOf` it is a permalink that replays an earlier answer.
import type { Metadata } from "next";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Paper from "@mui/material/Paper";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { DateField } from "@/components/ui/date-field";
import { pickParams, type RawParams } from "@/components/ui/url-query";
import { PageHeader } from "@/components/layout/page-header";
import { getLocale, getT } from "@/components/i18n/server";
import type { Translate } from "@/lib/i18n";
import { checkEligibility, type EligibilityResult } from "@/lib/agreements/check";
import { CHRONIC_DISEASES, SERVICES, todayCn } from "@/lib/facilities/codes";
import { FILING_TYPES } from "@/lib/agreements/codes";
import { ValidationError } from "@/lib/errors";
import { AgreementTabs } from "../_components/agreement-tabs";
import { requireAgreementReader } from "../_components/guard";
import { HomeRegionField, InstitutionField } from "./_components/check-fields";
import { EligibilityResultView } from "./_components/eligibility-result";

const KEYS = ["institution", "homeRegion", "service", "date", "filingType", "disease", "asOf"] as const;
type Question = Partial<Record<(typeof KEYS)[number], string>>;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getT())("agreements.check.title") };
}

/** The answer, or the refused fields' messages; nothing until an institution and a 参保地 are given. */
async function ask(
  q: Question,
  t: Translate,
): Promise<{ result: EligibilityResult | null; errors: Record<string, string> }> {
  if (!q.institution || !q.homeRegion) return { result: null, errors: {} };
  try {
    return { result: await checkEligibility({ service: "INPATIENT", date: todayCn(), ...q }), errors: {} };
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return {
      result: null,
      errors: Object.fromEntries(
        Object.entries(e.fieldErrors).map(([f, refs]) => [f, t(refs[0]!.key, refs[0]!.params)]),
      ),
    };
  }
}

/** A native select of codes in words: a plain GET form posts it without client code. */
function CodeSelect({
  t,
  name,
  label,
  codes,
  ns,
  defaultValue,
  withEmpty,
  error,
  width,
}: {
  t: Translate;
  name: string;
  label: string;
  codes: readonly string[];
  ns: string;
  defaultValue: string;
  withEmpty?: boolean;
  error?: string;
  width: number;
}) {
  return (
    <TextField
      select
      name={name}
      label={label}
      defaultValue={defaultValue}
      error={Boolean(error)}
      helperText={error}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      sx={{ width }}
    >
      {withEmpty && <option value="">—</option>}
      {codes.map((c) => (
        <option key={c} value={c}>
          {t(`${ns}.${c}`)}
        </option>
      ))}
    </TextField>
  );
}

function CheckForm({ q, errors, t }: { q: Question; errors: Record<string, string>; t: Translate }) {
  return (
    <Paper sx={{ p: 2.5, mb: 2 }}>
      <Box
        component="form"
        action="/agreements/check"
        method="get"
        role="search"
        data-testid="eligibility-form"
        sx={{ display: "flex", flexWrap: "wrap", gap: 1.5, alignItems: "flex-start" }}
      >
        <InstitutionField
          initial={q.institution}
          label={t("agreements.check.institution")}
          error={errors.institution}
        />
        <HomeRegionField initial={q.homeRegion} label={t("agreements.check.homeRegion")} error={errors.homeRegion} />
        <CodeSelect
          t={t}
          name="service"
          label={t("agreements.check.service")}
          codes={SERVICES}
          ns="agreements.services"
          defaultValue={q.service ?? "INPATIENT"}
          width={150}
        />
        <DateField
          name="date"
          label={t("agreements.check.date")}
          defaultValue={q.date ?? todayCn()}
          error={Boolean(errors.date)}
          helperText={errors.date}
          testId="check-date"
        />
        <CodeSelect
          t={t}
          name="filingType"
          label={t("agreements.check.filingType")}
          codes={FILING_TYPES}
          ns="agreements.filingTypes"
          defaultValue={q.filingType ?? ""}
          withEmpty
          width={170}
        />
        <CodeSelect
          t={t}
          name="disease"
          label={t("agreements.check.disease")}
          codes={CHRONIC_DISEASES}
          ns="agreements.diseases"
          defaultValue={q.disease ?? ""}
          withEmpty
          error={errors.disease}
          width={190}
        />
        <Button type="submit" variant="contained" sx={{ mt: 1 }} data-testid="eligibility-submit">
          {t("agreements.check.submit")}
        </Button>
      </Box>
      <Typography variant="caption" color="text.secondary" sx={{ display: "block", mt: 1 }}>
        {t("agreements.check.hint")}
      </Typography>
    </Paper>
  );
}

export default async function CheckPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const { seesArea } = await requireAgreementReader();
  const [sp, t, locale] = await Promise.all([searchParams, getT(), getLocale()]);
  const q: Question = pickParams(sp, KEYS);
  const { result, errors } = await ask(q, t);
  return (
    <>
      <PageHeader title={t("agreements.check.title")} subtitle={t("agreements.check.subtitle")} />
      <AgreementTabs showList={seesArea} />
      <CheckForm q={q} errors={errors} t={t} />
      {result && (
        <EligibilityResultView
          result={result}
          t={t}
          lang={locale === "en" ? "en" : "zh"}
          linked={seesArea}
          filingType={q.filingType}
        />
      )}
    </>
  );
}
