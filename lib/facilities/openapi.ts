// OpenAPI registration of /institutions, from the zod schemas the route handlers parse with.
import { z } from "zod";
import {
  conflictError,
  createdResponse,
  invalidStateError,
  jsonBody,
  jsonResponse,
  type Registrar,
  security,
  standardErrors,
} from "../http/openapi";
import {
  changeIdParamsSchema,
  codeParamsSchema,
  coverageQuerySchema,
  createInstitutionSchema,
  decideChangeSchema,
  exportQuerySchema,
  historyQuerySchema,
  importQuerySchema,
  institutionCommandSchema,
  listChangesSchema,
  listInstitutionsSchema,
  servicesOnQuerySchema,
  updateInstitutionSchema,
} from "./schemas";
import {
  changeRequestPageSchema,
  changeRequestSchema,
  coverageSchema,
  historyPageSchema,
  importReportSchema,
  institutionDetailSchema,
  institutionPageSchema,
  institutionSummarySchema,
  pendingResultSchema,
  servicesOnSchema,
} from "./response-schemas";
import { XLSX_CONTENT_TYPE } from "./xlsx";

const { 400: badRequest, 401: unauthenticated, 403: forbidden, 404: notFound } = standardErrors;
const tags = ["Institutions"];
const pending = {
  202: jsonResponse(
    "Maker-checker is on for the caller's bureau: the change waits for a second roster manager",
    pendingResultSchema,
  ),
};
const writeErrors = {
  400: badRequest,
  401: unauthenticated,
  403: forbidden,
  404: notFound,
  ...conflictError,
  ...invalidStateError,
};
const scopeNote =
  " Roster managers only, for institutions in their bureau's region (others: 403 — the roster is public, so the institution's existence is no secret).";

export const registerFacilitiesApi: Registrar = (registry) => {
  registry.registerPath({
    method: "get",
    path: "/institutions",
    tags,
    summary: "Search and filter the roster of designated institutions and pharmacies",
    description:
      "Public to every signed-in caller, for every region. `q` matches a fragment of the code, name or short name (Chinese fragments such as 友谊 work). " +
      "`region` includes everything below it. List filters take comma-separated values.",
    security,
    request: { query: listInstitutionsSchema },
    responses: {
      200: jsonResponse("One page of institutions", institutionPageSchema),
      400: badRequest,
      401: unauthenticated,
    },
  });

  registry.registerPath({
    method: "post",
    path: "/institutions",
    tags,
    summary: "Add an institution to the roster",
    description: "The code is unique and never reused (409 even for a revoked institution's code)." + scopeNote,
    security,
    request: { body: jsonBody(createInstitutionSchema) },
    responses: { 201: createdResponse("The new institution", institutionSummarySchema), ...pending, ...writeErrors },
  });

  registry.registerPath({
    method: "get",
    path: "/institutions/{code}",
    tags,
    summary: "One institution with its service periods, status events, latest history and pending changes",
    description:
      "The roster is public between bureaus: every signed-in user reads every institution. An unknown code is 404.",
    security,
    request: { params: codeParamsSchema },
    responses: { 200: jsonResponse("The institution", institutionDetailSchema), 401: unauthenticated, 404: notFound },
  });

  registry.registerPath({
    method: "patch",
    path: "/institutions/{code}",
    tags,
    summary: "Change an institution's fields",
    description:
      "Send the `version` you read; a stale one gives 409 and nothing changes. The code never changes." + scopeNote,
    security,
    request: { params: codeParamsSchema, body: jsonBody(updateInstitutionSchema) },
    responses: {
      200: jsonResponse("The institution after the change", institutionSummarySchema),
      ...pending,
      ...writeErrors,
    },
  });

  registry.registerPath({
    method: "post",
    path: "/institutions/{code}",
    tags,
    summary: "A command on an institution: change its status, open or close a cross-region service",
    description:
      "`CHANGE_STATUS`: ACTIVE, SUSPENDED or REVOKED (final; closes every service) from `effectiveOn` with a reason. " +
      "`OPEN_SERVICE` / `CLOSE_SERVICE`: a service period from / until a date. History is kept: see /institutions/{code}/services?on=." +
      scopeNote,
    security,
    request: { params: codeParamsSchema, body: jsonBody(institutionCommandSchema) },
    responses: {
      200: jsonResponse("The institution after the command", institutionSummarySchema),
      ...pending,
      ...writeErrors,
    },
  });

  registry.registerPath({
    method: "get",
    path: "/institutions/{code}/services",
    tags,
    summary: "Which services the institution offered on a date, and its status that day",
    description:
      "`on` (YYYY-MM-DD) picks the day, today (Beijing time) by default: the services open that day and the institution's status that day — what the eligibility check reads.",
    security,
    request: { params: codeParamsSchema, query: servicesOnQuerySchema },
    responses: {
      200: jsonResponse("Services in force on the date", servicesOnSchema),
      400: badRequest,
      401: unauthenticated,
      404: notFound,
    },
  });

  registry.registerPath({
    method: "get",
    path: "/institutions/{code}/history",
    tags,
    summary: "Field-level history of applied changes (who, when, before, after), newest first",
    description:
      "Paginated with `page` and `pageSize`. Each entry is one applied change of one field, with the actor and the reason.",
    security,
    request: { params: codeParamsSchema, query: historyQuerySchema },
    responses: {
      200: jsonResponse("One page of history", historyPageSchema),
      400: badRequest,
      401: unauthenticated,
      404: notFound,
    },
  });

  registry.registerPath({
    method: "post",
    path: "/institutions/import",
    tags,
    summary: "Bulk import from CSV (UTF-8 with or without BOM, or GB18030) or XLSX",
    description:
      "The body is the file itself. Columns (header row, any order): code, name, short_name, type, level, grade, ownership, region_code, " +
      "address, phone, status, designated_since, services — services is a ;-separated list of INPATIENT | OUTPATIENT | " +
      "CHRONIC[:HYPERTENSION,DIABETES,CANCER,DIALYSIS,TRANSPLANT] | PHARMACY, each optionally @YYYY-MM-DD (opened on). " +
      "A column left out is left unchanged. `dryRun=true` (default) only reports; `dryRun=false` writes the valid rows in one transaction " +
      "(rows outside the caller's region are rejected). Re-importing the same file changes nothing. With `Accept: application/x-ndjson` the " +
      'response streams progress lines `{"type":"progress",…}` and ends with `{"type":"report","report":…}`. Roster managers only.',
    security,
    request: {
      query: importQuerySchema,
      body: {
        content: {
          "text/csv": { schema: z.string().meta({ description: "CSV file" }) },
          [XLSX_CONTENT_TYPE]: { schema: z.string().meta({ format: "binary", description: "XLSX file" }) },
        },
      },
    },
    responses: {
      200: {
        description: "The report (rows with errors are never written)",
        content: {
          "application/json": { schema: importReportSchema },
          "application/x-ndjson": { schema: z.string().meta({ description: "Progress lines, then the report" }) },
        },
      },
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
      ...conflictError,
    },
  });

  registry.registerPath({
    method: "get",
    path: "/institutions/export",
    tags,
    summary: "Export the filtered roster as CSV (UTF-8 with BOM) or XLSX, in the import format",
    description: "Same filters as GET /institutions. Re-importing an export changes nothing.",
    security,
    request: { query: exportQuerySchema },
    responses: {
      200: {
        description: "The file (Content-Disposition: attachment)",
        content: {
          "text/csv": { schema: z.string() },
          [XLSX_CONTENT_TYPE]: { schema: z.string().meta({ format: "binary" }) },
        },
      },
      400: badRequest,
      401: unauthenticated,
    },
  });

  registry.registerPath({
    method: "get",
    path: "/institutions/coverage",
    tags,
    summary:
      "Coverage of a region: institutions by type and service, per sub-region, counties without a service, changes this month",
    description: "`region` is a 6-digit code (default: the whole country). Counts are of institutions active today.",
    security,
    request: { query: coverageQuerySchema },
    responses: {
      200: jsonResponse("Coverage panel", coverageSchema),
      400: badRequest,
      401: unauthenticated,
      404: notFound,
    },
  });

  registry.registerPath({
    method: "get",
    path: "/institutions/change-requests",
    tags,
    summary: "Change requests of the caller's bureau (maker-checker), pending ones by default",
    description:
      "Roster managers (403 otherwise): the requests on institutions in their region and the ones they made. `state` filters.",
    security,
    request: { query: listChangesSchema },
    responses: {
      200: jsonResponse("One page of change requests", changeRequestPageSchema),
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
    },
  });

  registry.registerPath({
    method: "get",
    path: "/institutions/change-requests/{id}",
    tags,
    summary: "One change request",
    description: "Visible to its maker and to the roster managers whose region covers the institution; others get 404.",
    security,
    request: { params: changeIdParamsSchema },
    responses: { 200: jsonResponse("The change request", changeRequestSchema), 401: unauthenticated, 404: notFound },
  });

  registry.registerPath({
    method: "post",
    path: "/institutions/change-requests/{id}",
    tags,
    summary: "Approve or reject a pending change (another roster manager of the same bureau)",
    description:
      "Approving applies the change now, re-validated against the institution as it is; if it changed since the request (version), 409: reject and redo. " +
      "The maker cannot check their own change (403).",
    security,
    request: { params: changeIdParamsSchema, body: jsonBody(decideChangeSchema) },
    responses: { 200: jsonResponse("The decided change request", changeRequestSchema), ...writeErrors },
  });
};
