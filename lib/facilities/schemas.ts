// Boundary schemas of the roster: request inputs (messages are i18n keys) and response shapes
// (they document the API and type the queries, so the two cannot drift apart).
import { z } from "zod";
import { enumList, pageParams, regionCodeParam, regionParam, sortParam } from "../http/query";
import {
  CHRONIC_DISEASES,
  INSTITUTION_CODE_RE,
  INSTITUTION_GRADES,
  INSTITUTION_LEVELS,
  INSTITUTION_STATUSES,
  INSTITUTION_TYPES,
  OWNERSHIPS,
  SERVICES,
  looksLikeFormula,
  parseDate,
  sortDiseases,
} from "./codes";

const enumOf = <T extends readonly [string, ...string[]]>(values: T, id: string, description?: string) =>
  z.enum(values, { error: "validation.invalidEnum" }).meta({ id, ...(description && { description }) });

export const institutionTypeSchema = enumOf(
  INSTITUTION_TYPES,
  "InstitutionType",
  "HOSPITAL 医院 · PRIMARY_CARE 基层医疗机构 · PHARMACY 零售药店 · ELDERLY_CARE_MEDICAL 康养机构内设医疗机构 · INTERNET_HOSPITAL 互联网医院",
);
export const institutionLevelSchema = enumOf(
  INSTITUTION_LEVELS,
  "InstitutionLevel",
  "LEVEL_1 一级 · LEVEL_2 二级 · LEVEL_3 三级 · UNRATED 未定级",
);
export const institutionGradeSchema = enumOf(INSTITUTION_GRADES, "InstitutionGrade", "A 甲 · B 乙 · C 丙");
export const ownershipSchema = enumOf(OWNERSHIPS, "Ownership", "PUBLIC 公立 · PRIVATE 民营");
export const institutionStatusSchema = enumOf(INSTITUTION_STATUSES, "InstitutionStatus");
export const serviceKindSchema = enumOf(
  SERVICES,
  "CrossRegionService",
  "INPATIENT 住院 · OUTPATIENT 普通门诊 · CHRONIC 门诊慢特病 · PHARMACY 购药",
);
export const chronicDiseaseSchema = enumOf(
  CHRONIC_DISEASES,
  "ChronicDisease",
  "The five pilot diseases: hypertension, diabetes, malignant tumour outpatient treatment, uraemia dialysis, anti-rejection after organ transplant",
);

export const institutionCodeSchema = z
  .string({ error: "validation.required" })
  .trim()
  .toUpperCase()
  .regex(INSTITUTION_CODE_RE, "facilities.validation.code")
  .meta({
    description: "National insurance code: H (medical institution) or P (pharmacy), the 6-digit region code, 5 digits",
    example: "H13010500001",
  });

export const isoDateSchema = z
  .string({ error: "validation.required" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "facilities.validation.date")
  .refine((s) => parseDate(s) === s, "facilities.validation.date")
  .meta({ description: "Calendar date YYYY-MM-DD", example: "2023-02-10" });

const text = (max: number) =>
  z
    .string({ error: "validation.required" })
    .trim()
    .max(max, "validation.tooLong")
    .refine((s) => !looksLikeFormula(s), "facilities.validation.formula");

const optionalText = (max: number) =>
  z
    .union([text(max), z.null()])
    .optional()
    .transform((v) => (v === "" ? null : v));

const nameSchema = text(100).pipe(z.string().min(1, "validation.required"));
const regionCodeSchema = z
  .string({ error: "validation.required" })
  .regex(/^\d{6}$/, "validation.invalidRegionCode")
  .meta({ example: "131002" });
const phoneSchema = z
  .union([
    z
      .string()
      .trim()
      .max(40, "validation.tooLong")
      .regex(/^[0-9+()\-\s,/、转]*$/, "facilities.validation.phone"),
    z.null(),
  ])
  .optional()
  .transform((v) => (v === "" ? null : v));
const version = z
  .number({ error: "validation.required" })
  .int()
  .positive()
  .meta({ description: "The institution's version as last read; a stale one gives 409" });
const reasonSchema = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(200, "validation.tooLong");

export const serviceInputSchema = z
  .object({
    service: serviceKindSchema,
    diseases: z.array(chronicDiseaseSchema).optional().meta({ description: "CHRONIC only (default: all five)" }),
    openedOn: isoDateSchema.optional().meta({ description: "Default: today" }),
  })
  .strict()
  .transform((s) => ({
    service: s.service,
    diseases: s.service === "CHRONIC" ? sortDiseases(s.diseases?.length ? s.diseases : CHRONIC_DISEASES) : [],
    openedOn: s.openedOn ?? null,
    diseasesGiven: s.diseases !== undefined && s.diseases.length > 0,
  }))
  .refine((s) => s.service === "CHRONIC" || !s.diseasesGiven, {
    path: ["diseases"],
    message: "facilities.validation.diseasesOnlyChronic",
  })
  .meta({ id: "ServiceInput" });

export const createInstitutionSchema = z
  .object({
    code: institutionCodeSchema,
    name: nameSchema,
    shortName: optionalText(40),
    type: institutionTypeSchema,
    level: institutionLevelSchema,
    grade: z.union([institutionGradeSchema, z.null()]).optional(),
    ownership: ownershipSchema,
    regionCode: regionCodeSchema.meta({ description: "City or county (GB/T 2260) where the institution is" }),
    address: optionalText(200),
    phone: phoneSchema,
    designatedSince: isoDateSchema.meta({ description: "Date of designation (定点)" }),
    services: z
      .array(serviceInputSchema)
      .max(4)
      .optional()
      .meta({ description: "Cross-region services open from the start" }),
  })
  .strict()
  .meta({ id: "CreateInstitution" });
export type CreateInstitutionInput = z.infer<typeof createInstitutionSchema>;

export const updateInstitutionSchema = z
  .object({
    name: nameSchema.optional(),
    shortName: optionalText(40),
    type: institutionTypeSchema.optional(),
    level: institutionLevelSchema.optional(),
    grade: z.union([institutionGradeSchema, z.null()]).optional(),
    ownership: ownershipSchema.optional(),
    regionCode: regionCodeSchema.optional(),
    address: optionalText(200),
    phone: phoneSchema,
    designatedSince: isoDateSchema.optional(),
    version,
  })
  .strict()
  .meta({
    id: "UpdateInstitution",
    description: "Only the fields given change. The code never changes; status and services have their own commands.",
  });
export type UpdateInstitutionInput = z.infer<typeof updateInstitutionSchema>;

export const changeStatusSchema = z
  .object({
    status: institutionStatusSchema,
    effectiveOn: isoDateSchema
      .optional()
      .meta({ description: "Default: today. Not in the future, not before the last status change" }),
    reason: reasonSchema,
    version,
  })
  .strict()
  .meta({ id: "ChangeStatus" });
export type ChangeStatusInput = z.infer<typeof changeStatusSchema>;

export const openServiceSchema = z
  .object({
    service: serviceKindSchema,
    diseases: z.array(chronicDiseaseSchema).optional().meta({
      description:
        "CHRONIC only (default: all five). For an open CHRONIC service, a new list closes the period and opens a new one",
    }),
    openedOn: isoDateSchema.optional().meta({ description: "Default: today" }),
    version,
  })
  .strict()
  .refine((s) => s.service === "CHRONIC" || !s.diseases?.length, {
    path: ["diseases"],
    message: "facilities.validation.diseasesOnlyChronic",
  })
  .meta({ id: "OpenService" });
export type OpenServiceInput = z.infer<typeof openServiceSchema>;

export const closeServiceSchema = z
  .object({
    service: serviceKindSchema,
    closedOn: isoDateSchema.optional().meta({ description: "First day without the service. Default: today" }),
    reason: reasonSchema,
    version,
  })
  .strict()
  .meta({ id: "CloseService" });
export type CloseServiceInput = z.infer<typeof closeServiceSchema>;

/** POST /institutions/{code}: one command on the institution. */
export const institutionCommandSchema = z
  .discriminatedUnion(
    "action",
    [
      changeStatusSchema.safeExtend({ action: z.literal("CHANGE_STATUS") }),
      openServiceSchema.safeExtend({ action: z.literal("OPEN_SERVICE") }),
      closeServiceSchema.safeExtend({ action: z.literal("CLOSE_SERVICE") }),
    ],
    { error: "validation.invalidEnum" },
  )
  .meta({ id: "InstitutionCommand" });

export const decideChangeSchema = z
  .object({
    decision: z.enum(["APPROVE", "REJECT"], { error: "validation.invalidEnum" }),
    comment: z.string().trim().max(500, "validation.tooLong").optional(),
  })
  .strict()
  .refine((d) => d.decision === "APPROVE" || (d.comment ?? "").length > 0, {
    path: ["comment"],
    message: "facilities.validation.rejectNeedsComment",
  })
  .meta({ id: "DecideChange", description: "A comment is required to reject" });
export type DecideChangeInput = z.infer<typeof decideChangeSchema>;

// ---- List filter (query string), shared by the grid, the API and export ----------------

export const SORT_FIELDS = ["code", "name", "region", "level", "designatedSince", "updatedAt"] as const;

export const institutionFilterSchema = z.object({
  q: z
    .string()
    .trim()
    .max(40, "validation.tooLong")
    .optional()
    .meta({ description: "Fragment of the code, name or short name (e.g. 友谊)" }),
  region: regionParam.optional().meta({
    description:
      "Institutions in this region and everything below it; for a region group (group:<slug>), in any of its members",
    example: "131000",
  }),
  type: enumList(INSTITUTION_TYPES, "Any of these types").optional(),
  level: enumList(INSTITUTION_LEVELS, "Any of these levels").optional(),
  grade: enumList(INSTITUTION_GRADES, "Any of these grades").optional(),
  ownership: enumList(OWNERSHIPS, "Any of these ownerships").optional(),
  status: enumList(INSTITUTION_STATUSES, "Any of these statuses").optional(),
  service: enumList(SERVICES, "Offering all of these services today").optional(),
  disease: enumList(CHRONIC_DISEASES, "CHRONIC service covering all of these diseases today").optional(),
  sort: sortParam(SORT_FIELDS, "code"),
});
/** The parsed filter; `regionPrefixes` is its region parameter resolved (a group's members included). */
export type InstitutionFilter = z.infer<typeof institutionFilterSchema> & { regionPrefixes?: string[] | null };

export const listInstitutionsSchema = institutionFilterSchema
  .extend(pageParams(20))
  .meta({ id: "ListInstitutionsQuery" });
export type ListInstitutionsInput = z.infer<typeof listInstitutionsSchema>;

export const exportQuerySchema = institutionFilterSchema
  .extend({ format: z.enum(["csv", "xlsx"], { error: "validation.invalidEnum" }).default("csv") })
  .meta({ id: "ExportInstitutionsQuery" });

export const importQuerySchema = z.object({
  dryRun: z
    .enum(["true", "false"], { error: "validation.invalidEnum" })
    .default("true")
    .meta({ description: "true (default): validate and report only. false: apply the valid rows" }),
  rows: z
    .string()
    .trim()
    .regex(/^\d+(-\d+)?(,\d+(-\d+)?)*$/, "facilities.validation.rowSelection")
    .optional()
    .meta({
      description: "Apply only these file rows (row numbers as in the report, e.g. 2-50,53). Default: every valid row",
    }),
});

export const coverageQuerySchema = z.object({
  region: regionCodeParam
    .default("000000")
    .meta({ description: "The region of the panel (default: the whole country)" }),
});

export const servicesOnQuerySchema = z.object({ on: isoDateSchema.optional().meta({ description: "Default: today" }) });

export const historyQuerySchema = z.object(pageParams(50));

export const codeParamsSchema = z.object({
  code: z.string().meta({ description: "National insurance code", example: "H11010100001" }),
});
export const changeIdParamsSchema = z.object({ id: z.string().meta({ description: "Change request id (UUID)" }) });

export const listChangesSchema = z.object({
  state: z.enum(["PENDING", "APPROVED", "REJECTED"], { error: "validation.invalidEnum" }).default("PENDING"),
  maker: z
    .enum(["OTHERS", "ME"], { error: "validation.invalidEnum" })
    .optional()
    .meta({ description: "OTHERS: requests made by someone else (those the caller may decide); ME: the caller's own" }),
  ...pageParams(50),
});
