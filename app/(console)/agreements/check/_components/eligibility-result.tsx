// The answer to an eligibility question: verdict, the agreements it rests on, the reduction by
// filing type, the reasons in the reader's language and the permalink (a server component).
import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Chip from "@mui/material/Chip";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import CheckCircleOutlined from "@mui/icons-material/CheckCircleOutlined";
import CancelOutlined from "@mui/icons-material/CancelOutlined";
import { DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/links";
import type { Translate } from "@/lib/i18n";
import type { EligibilityResult } from "@/lib/agreements/check";
import { FILING_TYPES } from "@/lib/agreements/codes";
import { formatDateTime } from "../../../_components/date-time";

type Lang = "zh" | "en";
interface Props {
  result: EligibilityResult;
  t: Translate;
  lang: Lang;
}

function SubHeading({ children }: { children: string }) {
  return (
    <Typography variant="h4" component="h3" sx={{ mt: 2.5, mb: 1 }}>
      {children}
    </Typography>
  );
}

function Verdict({ result, t }: Props) {
  return (
    <Stack direction="row" spacing={1.5} useFlexGap sx={{ alignItems: "center", flexWrap: "wrap", mb: 1 }}>
      {result.eligible ? (
        <CheckCircleOutlined color="success" fontSize="large" />
      ) : (
        <CancelOutlined color="error" fontSize="large" />
      )}
      <Typography variant="h3" component="h2" data-testid="eligibility-verdict">
        {result.eligible ? t("agreements.check.eligible") : t("agreements.check.notEligible")}
      </Typography>
      {result.eligible && (
        <Chip
          color={result.filingRequired ? "warning" : "success"}
          label={result.filingRequired ? t("agreements.check.filingRequired") : t("agreements.check.filingNotRequired")}
          data-testid="eligibility-filing"
        />
      )}
      {result.maxRatioReductionPoints !== null && (
        <Chip variant="outlined" label={t("agreements.check.reduction", { points: result.maxRatioReductionPoints })} />
      )}
    </Stack>
  );
}

function Basis({ result, t, lang, linked }: Props & { linked: boolean }) {
  return (
    <DataTable
      label={t("agreements.check.basis")}
      testId="eligibility-basis"
      hover={false}
      rows={result.basis}
      rowKey={(b) => b.agreementId}
      empty={t("agreements.check.none")}
      columns={[
        {
          key: "number",
          header: t("agreements.list.number"),
          nowrap: true,
          cell: (b) => (linked ? <TextLink href={`/agreements/${b.agreementId}`}>{b.number}</TextLink> : b.number),
        },
        { key: "title", header: t("agreements.list.titleCol"), cell: (b) => b.title },
        { key: "type", header: t("agreements.list.type"), nowrap: true, cell: (b) => t(`agreements.types.${b.type}`) },
        { key: "scope", header: t("agreements.detail.scope"), cell: (b) => b.clause[lang] },
      ]}
    />
  );
}

function RatioByType({ result, t, filingType }: Props & { filingType?: string }) {
  if (!result.ratioByFilingType) return null;
  const ratios = result.ratioByFilingType;
  return (
    <>
      <SubHeading>{t("agreements.check.reductionByType")}</SubHeading>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: "wrap" }}>
        {FILING_TYPES.map((f) => (
          <Chip
            key={f}
            size="small"
            variant={filingType === f ? "filled" : "outlined"}
            label={`${t(`agreements.filingTypes.${f}`)} ${ratios[f]}`}
          />
        ))}
      </Stack>
    </>
  );
}

export function EligibilityResultView({
  result,
  t,
  lang,
  linked,
  filingType,
}: Props & { linked: boolean; filingType?: string }) {
  return (
    <Paper sx={{ p: 2.5 }} data-testid="eligibility-result">
      <Verdict result={result} t={t} lang={lang} />
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
      <SubHeading>{t("agreements.check.basis")}</SubHeading>
      <Basis result={result} t={t} lang={lang} linked={linked} />
      <RatioByType result={result} t={t} lang={lang} filingType={filingType} />
      <SubHeading>{t("agreements.check.reasons")}</SubHeading>
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
  );
}
