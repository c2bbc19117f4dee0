// Boundary schemas of the statistics API and pages: filters (in the URL and query string) and
// the response shapes (OpenAPI). Messages are i18n keys.
import { z } from "zod";
import { SERVICE_TYPES, FILING_TYPES } from "../settlements/codes";
import { checkRange, enumList, regionListParam } from "../http/query";

export const GRAINS = ["DAY", "MONTH", "QUARTER", "YEAR"] as const;
export type Grain = (typeof GRAINS)[number];
export const FLOW_LEVELS = ["PROVINCE", "CITY", "COUNTY"] as const;
export type FlowLevel = (typeof FLOW_LEVELS)[number];
export const FLOW_LEVEL_LENGTH: Record<FlowLevel, 2 | 4 | 6> = { PROVINCE: 2, CITY: 4, COUNTY: 6 };
/** The flow matrix also aggregates to region groups ("京津冀 → 长三角", decision 020). */
export const FLOW_MATRIX_LEVELS = [...FLOW_LEVELS, "GROUP"] as const;
export type FlowMatrixLevel = (typeof FLOW_MATRIX_LEVELS)[number];
/** At most this many months in one request (ten years). */
export const MAX_MONTHS = 120;

const MONTH_RE = /^(20\d{2})-(0[1-9]|1[0-2])$/;

const monthSchema = z
  .string({ error: "validation.required" })
  .regex(MONTH_RE, "statistics.errors.month")
  .meta({ description: "Month YYYY-MM, Beijing time, inclusive", example: "2025-01" });

const optionalList = <T extends z.ZodType>(list: T) =>
  list.optional().transform((v) => (v ?? []) as NonNullable<z.output<T>>);

const filterFields = {
  from: monthSchema,
  to: monthSchema,
  visitRegion: optionalList(
    regionListParam.meta({
      description:
        "Visit regions (就医地): region codes (6 digits, or the 2/4-digit prefix of a province/city), each with everything below it; several are a union",
    }),
  ),
  homeRegion: optionalList(regionListParam.meta({ description: "Home regions (参保地), as visitRegion" })),
  serviceType: optionalList(enumList(SERVICE_TYPES, "Service types")),
  institution: z
    .string()
    .regex(/^[HP]\d{11}$/, "statistics.errors.institution")
    .optional()
    .meta({ description: "Institution code (H/P + 11 digits)", example: "H11010500001" }),
};

function checkPeriod(v: { from: string; to: string }, ctx: z.RefinementCtx) {
  // Only a well-formed pair is compared; a malformed month is reported on its own field.
  if (!MONTH_RE.test(String(v.from)) || !MONTH_RE.test(String(v.to))) return;
  if (v.from > v.to) checkRange(v, ctx, "statistics.errors.toBeforeFrom");
  else if (monthsBetween(v.from, v.to) > MAX_MONTHS)
    ctx.addIssue({ code: "custom", path: ["to"], message: "statistics.errors.rangeTooLong" });
}

export const filtersSchema = z.object(filterFields).superRefine(checkPeriod).meta({ id: "StatisticsFilters" });
export type Filters = z.output<typeof filtersSchema>;

export const seriesQuerySchema = z
  .object({
    ...filterFields,
    grain: z
      .enum(GRAINS, { error: "statistics.errors.grain" })
      .default("MONTH")
      .meta({ description: "Bucket size of the series" }),
  })
  .superRefine(checkPeriod)
  .meta({ id: "StatisticsSeriesQuery" });

export const flowsQuerySchema = z
  .object({
    ...filterFields,
    level: z.enum(FLOW_MATRIX_LEVELS, { error: "statistics.errors.level" }).default("PROVINCE").meta({
      description:
        "Region level of both axes, or `GROUP`: region groups on both axes — those named in visitRegion/homeRegion (group:<slug>), else every group the caller may use",
    }),
    limit: z.coerce
      .number({ error: "validation.number" })
      .int()
      .min(1)
      .max(500)
      .default(100)
      .meta({ description: "Region pairs returned, largest first" }),
  })
  .superRefine(checkPeriod)
  .meta({ id: "StatisticsFlowsQuery" });

export const settlementImportQuerySchema = z.object({
  fileName: z.string().max(200, "validation.tooLong").optional().meta({ description: "Name shown in the import log" }),
});

/** Months from a to b inclusive ("2025-01","2025-03" → 3). */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split("-").map(Number) as [number, number];
  const [yb, mb] = b.split("-").map(Number) as [number, number];
  return (yb - ya) * 12 + (mb - ma) + 1;
}

/** "2025-03" shifted by n months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const idx = y * 12 + (m - 1) + n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, "0")}`;
}

// ---- Responses ----

const amount = z.string().meta({ description: "Yuan, exact, two decimals", example: "952.28" });
const ratio = z
  .number()
  .nullable()
  .meta({ description: "Decimal fraction rounded half-up to 6 places; null when undefined", example: 0.589 });

const figuresSchema = z.object({
  visits: z.int().meta({ description: "人次: SETTLED records not reversed" }),
  totalCost: amount,
  fundPaid: amount,
  fundRatio: ratio,
});

const rangeCoverageSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    complete: z
      .boolean()
      .meta({ description: "Every month of the range has settlement data for the provinces asked about" }),
    missing: z
      .array(z.string())
      .meta({ description: "Months (YYYY-MM) of the range without data", example: ["2024-01", "2024-02"] }),
  })
  .meta({ id: "StatisticsRangeCoverage" });

const comparisonStatusSchema = z.enum(["OK", "INCOMPLETE_PERIOD", "INCOMPLETE_BASE"]).meta({
  description:
    "OK: both ranges have data in every month; INCOMPLETE_PERIOD: some month of the period has none; INCOMPLETE_BASE: some month of the base has none (上年同期/上一期数据不完整). The growth figures are null unless OK.",
});

export const summarySchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    ...figuresSchema.shape,
    failures: z.int().meta({ description: "FAILED records" }),
    failureRate: ratio.meta({ description: "failures ÷ (failures + visits)" }),
    previousYear: figuresSchema.extend({ failures: z.int() }).meta({ description: "Same months one year earlier" }),
    yoy: z.object({ visits: ratio, totalCost: ratio, fundPaid: ratio, failures: ratio }),
    previousPeriod: figuresSchema.extend({ from: z.string(), to: z.string(), failures: z.int() }).meta({
      description: "The same number of months just before `from` (for month-on-month)",
    }),
    mom: z.object({ visits: ratio, totalCost: ratio, fundPaid: ratio, failures: ratio }),
    comparison: z
      .object({ yoy: comparisonStatusSchema, mom: comparisonStatusSchema })
      .meta({ description: "Whether yoy and mom could be computed against a complete base" }),
    dataThrough: z.string().nullable().meta({
      description: "The last month (YYYY-MM) with settlement data for the provinces asked about; null when none",
      example: "2026-10",
    }),
    coverage: z
      .object({ period: rangeCoverageSchema, previousYear: rangeCoverageSchema, previousPeriod: rangeCoverageSchema })
      .meta({
        description:
          "Data coverage of the period and of both bases. A month is covered when every province asked about (of the region filters and the institution, else the caller's province, else any) has data that month",
      }),
  })
  .meta({ id: "StatisticsSummary" });

const pointSchema = z.object({
  bucket: z.string().meta({ description: "2025-03-01 (day), 2025-03 (month), 2025Q1 (quarter), 2025 (year)" }),
  ...figuresSchema.shape,
  failures: z.int(),
  complete: z
    .boolean()
    .meta({ description: "Every month of the bucket has data; otherwise its figures are not the whole bucket's" }),
  lastYear: figuresSchema
    .extend({
      failures: z.int(),
      complete: z.boolean().meta({ description: "Every month of last year's bucket has data" }),
    })
    .meta({ description: "The same bucket one year earlier" }),
  yoyVisits: ratio.meta({ description: "Null unless both buckets are complete and last year's is not zero" }),
});

export const seriesSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    grain: z.enum(GRAINS),
    points: z.array(pointSchema),
  })
  .meta({ id: "StatisticsSeries" });

export const flowsSchema = z
  .object({
    period: z.object({ from: z.string(), to: z.string() }),
    level: z.enum(FLOW_MATRIX_LEVELS),
    regions: z
      .record(z.string(), z.string())
      .meta({ description: "Region names by key (2/4/6-digit prefix, or group:<slug> with the group's Chinese name)" }),
    cells: z.array(
      z.object({
        visitRegion: z
          .string()
          .meta({ description: "Visit-region key (就医地) at `level` (group:<slug> at level group)" }),
        homeRegion: z
          .string()
          .meta({ description: "Home-region key (参保地) at `level` (group:<slug> at level group)" }),
        ...figuresSchema.shape,
      }),
    ),
    truncated: z.boolean(),
  })
  .meta({ id: "StatisticsFlows" });

export const importResultSchema = z
  .object({
    importId: z
      .string()
      .meta({ description: "Id of the import in the import log (a string, as every id of the API)", example: "42" }),
    encoding: z.enum(["utf-8", "gb18030"]).nullable(),
    rowsRead: z.int(),
    accepted: z.int().meta({ description: "New records (SETTLED, FAILED, REVERSED)" }),
    duplicates: z
      .int()
      .meta({ description: "Rows whose settlement_id and status were already imported (or repeated in the file)" }),
    reversals: z.int().meta({ description: "SETTLED records cancelled by REVERSED rows" }),
    rejected: z.array(
      z.object({
        row: z.int().meta({ description: "Line in the file; the header is line 1" }),
        field: z.string(),
        message: z.string(),
      }),
    ),
    rejectedTotal: z.int().meta({ description: "All rejected rows; `rejected` lists the first 1000" }),
  })
  .meta({ id: "SettlementImportResult" });

export { SERVICE_TYPES, FILING_TYPES };
