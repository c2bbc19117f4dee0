// OpenAPI registration of the settlement import and the statistics endpoints, from the zod
// schemas the route handlers parse with.
import { z } from "zod";
import { jsonResponse, security, standardErrors, type Registrar } from "../http/openapi";
import {
  flowsQuerySchema,
  flowsSchema,
  filtersSchema,
  importResultSchema,
  settlementImportQuerySchema,
  seriesQuerySchema,
  seriesSchema,
  summarySchema,
} from "./schemas";
import { CSV_COLUMNS } from "../settlements/codes";

const { 400: badRequest, 401: unauthenticated, 403: forbidden } = standardErrors;

const DEFINITIONS =
  "Definitions (口径): visits (人次) = SETTLED records not cancelled by a REVERSED one; totalCost and fundPaid = their sums; " +
  "fundRatio = fundPaid ÷ totalCost; failures = FAILED records; YoY = (period − same period last year) ÷ same period last year, " +
  "MoM = (period − the preceding period of the same length) ÷ that period (for a 12-month period both bases are the same months); " +
  "each null when its base is zero or when the period or its base has a month without data (see comparison and coverage). Months are Beijing time. Scope: records whose visit region or home region lies in the caller's bureau region.";

export const registerStatisticsApi: Registrar = (registry) => {
  registry.registerPath({
    method: "post",
    path: "/settlements/import",
    tags: ["Statistics"],
    summary: "Import settlement records (CSV, streamed)",
    description:
      `The body is the CSV file itself (UTF-8 with or without BOM, or GB18030), header row first with the columns ${CSV_COLUMNS.join(", ")} (any order). ` +
      "Idempotent by settlement_id and status: re-sending a file or an overlapping one never double-counts. A REVERSED row cancels the SETTLED " +
      "record with the same settlement_id. Rows touching neither side of the caller's region are rejected. Analysts only.",
    security,
    request: {
      query: settlementImportQuerySchema,
      body: { content: { "text/csv": { schema: z.string().meta({ description: "CSV text" }) } } },
    },
    responses: {
      200: jsonResponse("Import report", importResultSchema),
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
    },
  });

  registry.registerPath({
    method: "get",
    path: "/statistics/summary",
    tags: ["Statistics"],
    summary: "Exact figures of a period, last year's, YoY and MoM",
    description: DEFINITIONS,
    security,
    request: { query: filtersSchema },
    responses: { 200: jsonResponse("Figures", summarySchema), 400: badRequest, 401: unauthenticated, 403: forbidden },
  });

  registry.registerPath({
    method: "get",
    path: "/statistics/series",
    tags: ["Statistics"],
    summary: "Figures by day, month, quarter or year, with last year's",
    description: `${DEFINITIONS} Day grain is available for province- and city-level filters without an institution filter.`,
    security,
    request: { query: seriesQuerySchema },
    responses: { 200: jsonResponse("Series", seriesSchema), 400: badRequest, 401: unauthenticated, 403: forbidden },
  });

  registry.registerPath({
    method: "get",
    path: "/statistics/flows",
    tags: ["Statistics"],
    summary: "Visit region × home region matrix",
    description: DEFINITIONS,
    security,
    request: { query: flowsQuerySchema },
    responses: {
      200: jsonResponse("Region pairs, largest first", flowsSchema),
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
    },
  });
};
