// The roster API's answers as zod schemas, for the OpenAPI document (openapi.ts) and the
// route ↔ document test. The inputs and the list filter are in schemas.ts.
import { z } from "zod";
import { pageOf } from "../http/query";
import {
  chronicDiseaseSchema,
  institutionGradeSchema,
  institutionLevelSchema,
  institutionStatusSchema,
  institutionTypeSchema,
  ownershipSchema,
  serviceKindSchema,
} from "./schemas";

const regionRef = z.object({ code: z.string(), name: z.string() }).meta({ id: "InstitutionRegion" });

export const openServiceViewSchema = z
  .object({ service: serviceKindSchema, diseases: z.array(chronicDiseaseSchema), openedOn: z.string() })
  .meta({ id: "OpenServiceView" });

export const institutionSummarySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    type: institutionTypeSchema,
    level: institutionLevelSchema,
    grade: institutionGradeSchema.nullable(),
    ownership: ownershipSchema,
    region: regionRef,
    address: z.string().nullable(),
    phone: z.string().nullable(),
    status: institutionStatusSchema,
    statusSince: z.string(),
    statusReason: z.string().nullable(),
    designatedSince: z.string(),
    services: z.array(openServiceViewSchema).meta({ description: "Services open today" }),
    version: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: "InstitutionSummary" });

export const institutionPageSchema = pageOf(institutionSummarySchema).meta({ id: "InstitutionPage" });

export const servicePeriodSchema = z
  .object({
    id: z.uuid(),
    service: serviceKindSchema,
    diseases: z.array(chronicDiseaseSchema),
    openedOn: z.string(),
    closedOn: z.string().nullable().meta({ description: "First day without the service; null while open" }),
    closeReason: z.string().nullable(),
  })
  .meta({ id: "ServicePeriod" });

export const statusEventSchema = z
  .object({
    status: institutionStatusSchema,
    effectiveOn: z.string(),
    reason: z.string(),
    actorName: z.string(),
    at: z.iso.datetime(),
  })
  .meta({ id: "StatusEvent" });

export const historyEntrySchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    actorName: z.string(),
    requestedBy: z.string().nullable().meta({ description: "The maker, when a checker approved the change" }),
    source: z.string().meta({ description: "CREATE, EDIT, STATUS, SERVICE or IMPORT" }),
    field: z.string().meta({ description: "Field name, `status`, `services.<SERVICE>`, or `*` for the creation" }),
    before: z.unknown(),
    after: z.unknown(),
    changeRequestId: z.string().nullable(),
    importId: z.string().nullable(),
  })
  .meta({ id: "InstitutionHistoryEntry" });

export const historyPageSchema = pageOf(historyEntrySchema).meta({ id: "InstitutionHistoryPage" });

export const changeRequestSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(["CREATE", "UPDATE", "STATUS", "OPEN_SERVICE", "CLOSE_SERVICE", "IMPORT"]),
    state: z.enum(["PENDING", "APPROVED", "REJECTED"]),
    code: z.string().nullable(),
    institutionName: z.string().nullable(),
    regionCode: z.string(),
    bureauId: z.uuid().meta({ description: "The maker's bureau: another roster manager of it decides" }),
    makerId: z.uuid(),
    makerName: z.string(),
    payload: z.unknown().meta({ description: "The validated input of the write" }),
    summary: z
      .unknown()
      .meta({ description: "Field-level preview (before/after) or, for an import, the dry-run counts" }),
    baseVersion: z.number().int().nullable(),
    checkerName: z.string().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    comment: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "InstitutionChangeRequest" });

export const changeRequestPageSchema = pageOf(changeRequestSchema).meta({ id: "InstitutionChangeRequestPage" });

export const institutionDetailSchema = institutionSummarySchema
  .extend({
    regionPath: z.array(regionRef).meta({ description: "From the province down to the institution's region" }),
    servicePeriods: z.array(servicePeriodSchema).meta({ description: "Every period, open and closed, newest first" }),
    statusEvents: z.array(statusEventSchema),
    history: z.array(historyEntrySchema).meta({ description: "The latest 50 changes; page through /history for more" }),
    historyTotal: z.number().int(),
    pendingChanges: z
      .array(changeRequestSchema)
      .meta({ description: "Pending changes, shown to roster managers whose scope covers the institution" }),
    canEdit: z.boolean().meta({ description: "The caller may change this institution" }),
  })
  .meta({ id: "InstitutionDetail" });

export const servicesOnSchema = z
  .object({
    code: z.string(),
    date: z.string(),
    status: z
      .object({ status: institutionStatusSchema, since: z.string(), reason: z.string() })
      .nullable()
      .meta({ description: "null: not designated yet on that date" }),
    services: z.array(servicePeriodSchema),
  })
  .meta({ id: "ServicesOn" });

export const pendingResultSchema = z
  .object({ applied: z.literal(false), pendingChangeId: z.uuid(), changeRequest: changeRequestSchema })
  .meta({
    id: "PendingChange",
    description: "Maker-checker: the change waits for another roster manager of the bureau",
  });

const messageRef = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

export const importReportSchema = z
  .object({
    dryRun: z.boolean(),
    format: z.enum(["csv", "xlsx"]).nullable(),
    encoding: z.string().nullable().meta({ description: "utf-8, utf-8-bom or gb18030 for CSV" }),
    columns: z.array(z.string()),
    ignoredColumns: z.array(z.string()),
    totalRows: z.number().int(),
    counts: z.object({
      new: z.number().int(),
      changed: z.number().int(),
      unchanged: z.number().int(),
      rejected: z.number().int(),
    }),
    errors: z
      .array(
        z.object({
          row: z
            .number()
            .int()
            .meta({ description: "Row number in the file (the header is row 1); 0 for the whole file" }),
          code: z.string().nullable(),
          field: z.string().meta({ description: "Column name, or `file`" }),
          message: z.string(),
          messageKey: messageRef,
        }),
      )
      .meta({ description: "Every problem found, by row (at most 10,000)" }),
    errorsTruncated: z.boolean(),
    rows: z
      .array(
        z.object({
          row: z.number().int(),
          code: z.string(),
          outcome: z.enum(["new", "changed"]),
          fields: z.array(z.string()),
        }),
      )
      .meta({ description: "New and changed rows with what changes (at most 1,000)" }),
    rowsTruncated: z.boolean(),
    applied: z.boolean().meta({ description: "The valid rows were written (dryRun=false, no maker-checker)" }),
    importId: z.string().nullable(),
    written: z.object({ new: z.number().int(), changed: z.number().int() }).meta({
      description:
        "Rows written (dryRun=false): new and changed institutions among the chosen valid rows; zeros otherwise",
    }),
    pendingChangeId: z.string().nullable().meta({ description: "Maker-checker: the import waits for approval" }),
    elapsedMs: z.number().int(),
  })
  .meta({ id: "ImportReport" });

const countsByType = z.record(z.string(), z.number().int());

export const coverageSchema = z
  .object({
    region: z.object({ code: z.string(), name: z.string(), level: z.string() }),
    asOf: z.string(),
    totals: z.object({
      institutions: z.number().int(),
      active: z.number().int(),
      byType: countsByType,
      byStatus: countsByType,
      byService: countsByType.meta({ description: "ACTIVE institutions with the service open" }),
      byDisease: countsByType.meta({ description: "ACTIVE institutions whose CHRONIC service covers the disease" }),
    }),
    children: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        level: z.string(),
        institutions: z.number().int(),
        active: z.number().int(),
        byType: countsByType,
        byService: countsByType,
      }),
    ),
    gaps: z
      .record(
        z.string(),
        z.object({
          count: z.number().int(),
          counties: z
            .array(z.object({ code: z.string(), name: z.string() }))
            .meta({ description: "At most 200, by code" }),
        }),
      )
      .meta({ description: "Per service: counties in the region where no ACTIVE institution offers it" }),
    changesThisMonth: z.object({
      since: z.string(),
      institutionsChanged: z.number().int(),
      created: z.number().int(),
      statusChanges: z.number().int(),
      serviceChanges: z.number().int(),
      fieldChanges: z.number().int(),
    }),
  })
  .meta({ id: "Coverage" });
