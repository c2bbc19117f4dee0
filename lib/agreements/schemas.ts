// Boundary schemas of agreements and the eligibility check: request inputs (messages are i18n
// keys). The response shapes, which document the API, are in response-schemas.ts.
import { z } from "zod";
import { pageParams, regionCodeParam, regionParam } from "../http/query";
import type { FieldErrors } from "../errors";
import {
  CHRONIC_DISEASES,
  INSTITUTION_CODE_RE,
  INSTITUTION_LEVELS,
  INSTITUTION_TYPES,
  SERVICES,
  parseDate,
} from "../facilities/codes";
import {
  AGREEMENT_STATUSES,
  AGREEMENT_TYPES,
  DIRECTIONS,
  FILING_TYPES,
  NATIONAL_RATIO_CAPS,
  PARTY_ROLES,
  USER_ACTIONS,
} from "./codes";

const enumOf = <T extends readonly [string, ...string[]]>(values: T, id?: string, description?: string) => {
  const s = z.enum(values, { error: "validation.invalidEnum" });
  return id ? s.meta({ id, ...(description && { description }) }) : s;
};

export const agreementTypeSchema = enumOf(
  AGREEMENT_TYPES,
  "AgreementType",
  "DESIGNATION 指定定点机构 · MUTUAL_RECOGNITION 按等级/类型互认 · FILING_FREE 免备案 · PHARMACY_PILOT 购药试点 · LTC_EXTENSION 长护险结算延伸 · OTHER 其他",
);
export const agreementStatusSchema = enumOf(
  AGREEMENT_STATUSES,
  "AgreementStatus",
  "DRAFT → ACTIVE → SUSPENDED ⇄ ACTIVE → EXPIRED | TERMINATED",
);
export const directionSchema = enumOf(
  DIRECTIONS,
  "AgreementDirection",
  "MUTUAL: every party's insured in every party · ONE_WAY: HOME parties' insured in VISIT parties",
);
export const partyRoleSchema = enumOf(PARTY_ROLES, "AgreementPartyRole", "HOME 参保地 · VISIT 就医地 · BOTH");
export const filingTypeSchema = enumOf(
  FILING_TYPES,
  "FilingType",
  "RELOCATED 异地安置 · LONG_TERM_RESIDENT 常驻异地 · REFERRAL 转诊 · EMERGENCY 急诊抢救 · OTHER_TEMPORARY 其他临时外出",
);
export const serviceSchema = enumOf(SERVICES);
export const diseaseSchema = enumOf(CHRONIC_DISEASES);
const levelSchema = enumOf(INSTITUTION_LEVELS);
const typeSchema = enumOf(INSTITUTION_TYPES);

export const dateSchema = z
  .string({ error: "validation.required" })
  .trim()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && parseDate(s) === s, "agreements.validation.date")
  .meta({ description: "Calendar date YYYY-MM-DD", example: "2023-02-10" });

const regionCodeSchema = z
  .string({ error: "validation.required" })
  .trim()
  .regex(/^\d{6}$/, "validation.invalidRegionCode")
  .meta({ example: "130000" });
const institutionCodeSchema = z
  .string({ error: "validation.required" })
  .trim()
  .toUpperCase()
  .regex(INSTITUTION_CODE_RE, "agreements.validation.institutionCode");

const optionalText = (max: number) =>
  z
    .union([z.string().trim().max(max, "validation.tooLong"), z.null()])
    .optional()
    .transform((v) => (v === "" ? null : v));

export const partySchema = z
  .object({ regionCode: regionCodeSchema, role: partyRoleSchema })
  .strict()
  .meta({ id: "AgreementPartyInput" });

export const scopeRuleSchema = z
  .object({
    minLevel: levelSchema.nullable().optional().meta({ description: "At least this level (未定级 never qualifies)" }),
    types: z.array(typeSchema).max(5).optional().meta({ description: "Institution types; empty = any" }),
    regionCodes: z
      .array(regionCodeSchema)
      .max(50)
      .optional()
      .meta({ description: "Narrower areas inside the visit parties; empty = all" }),
  })
  .strict()
  .meta({
    id: "ScopeRule",
    description: "All ACTIVE institutions of the visit parties matching every given condition",
  });

export const ratioRulesSchema = z
  .partialRecord(
    filingTypeSchema,
    z.number({ error: "validation.invalid" }).int("validation.invalid").min(0, "validation.invalid"),
  )
  .superRefine((rules, ctx) => {
    for (const f of FILING_TYPES) {
      const v = rules[f];
      if (v !== undefined && v > NATIONAL_RATIO_CAPS[f]) {
        ctx.addIssue({
          code: "custom",
          path: [f],
          message: "agreements.validation.ratioCap",
          params: { cap: NATIONAL_RATIO_CAPS[f] },
        });
      }
    }
  })
  .meta({
    id: "RatioRules",
    description:
      "Reduction in percentage points below the home-region ratio, by filing type. National caps: REFERRAL/EMERGENCY ≤ 10, OTHER_TEMPORARY ≤ 20, RELOCATED/LONG_TERM_RESIDENT 0. Absent types use the cap.",
  });

export const attachmentSchema = z
  .object({
    name: z
      .string({ error: "validation.required" })
      .trim()
      .min(1, "validation.required")
      .max(200, "validation.tooLong"),
    mimeType: z.string().trim().max(100, "validation.tooLong").optional(),
    size: z.number().int().min(0).optional(),
    ref: z
      .string()
      .trim()
      .max(500, "validation.tooLong")
      .optional()
      .meta({ description: "Where the file is kept (document system id or URL)" }),
  })
  .strict()
  .meta({ id: "AttachmentMeta" });

const agreementFields = {
  number: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, "validation.required")
    .max(60, "validation.tooLong")
    .meta({ example: "冀医保〔2023〕3号" }),
  title: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(200, "validation.tooLong"),
  titleEn: optionalText(300),
  type: agreementTypeSchema,
  direction: directionSchema,
  parties: z.array(partySchema).min(2, "agreements.validation.twoParties").max(40),
  services: z.array(serviceSchema).min(1, "validation.required"),
  diseases: z.array(diseaseSchema).optional().meta({ description: "CHRONIC only; empty = all five pilot diseases" }),
  filingFree: z
    .boolean({ error: "validation.invalid" })
    .optional()
    .meta({ description: "Filing-free clause (always true for FILING_FREE)" }),
  effectiveFrom: dateSchema,
  effectiveTo: z
    .union([dateSchema, z.null()])
    .optional()
    .meta({ description: "Last day in force (inclusive); null = open-ended" }),
  signedOn: z.union([dateSchema, z.null()]).optional(),
  documentRef: optionalText(200),
  attachments: z.array(attachmentSchema).max(20).optional(),
  notes: optionalText(2000),
  institutionCodes: z
    .array(institutionCodeSchema)
    .max(5000)
    .optional()
    .meta({ description: "Institutions listed explicitly" }),
  scopeRule: z.union([scopeRuleSchema, z.null()]).optional(),
  ratioRules: ratioRulesSchema.optional(),
};

type Draft = {
  direction?: "ONE_WAY" | "MUTUAL";
  parties?: { regionCode: string; role: "HOME" | "VISIT" | "BOTH" }[];
  effectiveFrom?: string;
  effectiveTo?: string | null;
  services?: string[];
  diseases?: string[];
  institutionCodes?: string[];
  scopeRule?: unknown;
};

/** Cross-field rules shared by create and (on the merged record) update. */
export function agreementIssues(d: Draft): FieldErrors {
  const out: FieldErrors = {};
  const add = (field: string, key: string) => (out[field] ??= []).push({ key });
  if (d.parties) {
    const codes = d.parties.map((p) => p.regionCode);
    if (new Set(codes).size !== codes.length) add("parties", "agreements.validation.duplicateParty");
    if (d.direction === "ONE_WAY") {
      const home = d.parties.some((p) => p.role !== "VISIT");
      const visit = d.parties.some((p) => p.role !== "HOME");
      if (!home || !visit || d.parties.every((p) => p.role === "BOTH"))
        add("parties", "agreements.validation.oneWayRoles");
    }
  }
  if (d.effectiveFrom && d.effectiveTo && d.effectiveTo < d.effectiveFrom)
    add("effectiveTo", "agreements.validation.toBeforeFrom");
  if (d.diseases?.length && d.services && !d.services.includes("CHRONIC"))
    add("diseases", "agreements.validation.diseasesOnlyChronic");
  if (!d.institutionCodes?.length && !d.scopeRule) add("scopeRule", "agreements.validation.scopeRequired");
  return out;
}

export const createAgreementSchema = z
  .object(agreementFields)
  .strict()
  .superRefine((d, ctx) => {
    for (const [path, refs] of Object.entries(agreementIssues(d))) {
      for (const r of refs) ctx.addIssue({ code: "custom", path: [path], message: r.key });
    }
  })
  .meta({
    id: "CreateAgreement",
    description: "A new agreement, created as DRAFT. Scope: `institutionCodes`, `scopeRule`, or both (union).",
  });
export type CreateAgreementInput = z.output<typeof createAgreementSchema>;

const version = z
  .number({ error: "validation.required" })
  .int()
  .positive()
  .meta({ description: "The agreement's version as last read; a stale one gives 409" });

export const updateAgreementSchema = z
  .object({
    ...Object.fromEntries(Object.entries(agreementFields).map(([k, s]) => [k, (s as z.ZodType).optional()])),
    version,
  } as { [K in keyof typeof agreementFields]: z.ZodOptional<(typeof agreementFields)[K]> } & {
    version: typeof version;
  })
  .strict()
  .meta({
    id: "UpdateAgreement",
    description:
      "Only the fields given change. A DRAFT may change anything (its approvals are then withdrawn); once active only notes, documentRef and attachments change.",
  });
export type UpdateAgreementInput = z.output<typeof updateAgreementSchema>;

/** Fields that can change after activation: what was agreed stays as it was. */
export const EDITABLE_AFTER_DRAFT = ["notes", "documentRef", "attachments", "titleEn"] as const;

export const transitionSchema = z
  .object({
    action: enumOf(
      USER_ACTIONS,
      "AgreementAction",
      "ACTIVATE (records your approval for the parties you represent; activates once every party approved) · SUSPEND · RESUME · TERMINATE",
    ),
    effectiveOn: dateSchema.optional().meta({
      description:
        "Default: today (China). No earlier than today, except ACTIVATE, which may go back to effectiveFrom to record a historical agreement",
    }),
    reason: optionalText(500),
    version,
  })
  .strict()
  .meta({ id: "AgreementTransitionInput" });
export type TransitionInput = z.output<typeof transitionSchema>;

export const listAgreementsSchema = z.object({
  q: z.string().trim().max(60).optional(),
  party: regionParam.optional().meta({
    description:
      "Agreements with a party at, above or below this region; for a region group (group:<slug>), with a party within the group",
  }),
  type: agreementTypeSchema.optional(),
  status: agreementStatusSchema.optional(),
  date: dateSchema.optional().meta({ description: "Only agreements whose effective window contains this date" }),
  ...pageParams(20),
});
export type ListAgreementsInput = z.output<typeof listAgreementsSchema>;

export const coveredQuerySchema = z.object({
  date: dateSchema.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** Settlement-file spellings of filing types, accepted by the eligibility check. */
const FILING_TYPE_ALIASES: Record<string, string> = { RESIDENT: "LONG_TERM_RESIDENT", TEMPORARY: "OTHER_TEMPORARY" };

export const eligibilityQuerySchema = z
  .object({
    institution: z
      .string({ error: "validation.required" })
      .regex(INSTITUTION_CODE_RE, "agreements.validation.institutionCode")
      .meta({ description: "National insurance code of the institution", example: "H11010500001" }),
    homeRegion: regionCodeParam.meta({
      description: "The patient's home region (参保地), a pooling-area code",
      example: "130100",
    }),
    service: serviceSchema.meta({ description: "INPATIENT · OUTPATIENT · CHRONIC · PHARMACY" }),
    date: dateSchema,
    // The settlement CSV (statistics) writes RESIDENT and TEMPORARY; a bureau system that feeds
    // both may send either spelling.
    filingType: z
      .preprocess(
        (v) => (typeof v === "string" && Object.hasOwn(FILING_TYPE_ALIASES, v) ? FILING_TYPE_ALIASES[v] : v),
        filingTypeSchema,
      )
      .optional()
      .meta({
        description:
          "Also accepts the settlement-file spellings RESIDENT (= LONG_TERM_RESIDENT) and TEMPORARY (= OTHER_TEMPORARY)",
      }),
    disease: diseaseSchema.optional().meta({ description: "CHRONIC only" }),
    asOf: z.iso
      .datetime({ offset: true, error: "agreements.validation.asOf" })
      .optional()
      .meta({ description: "Answer as known at this instant (permalinks reproduce an earlier answer)" }),
  })
  .strict()
  .refine((q) => !q.disease || q.service === "CHRONIC", {
    path: ["disease"],
    message: "agreements.validation.diseasesOnlyChronic",
  });
export type EligibilityQueryInput = z.output<typeof eligibilityQuerySchema>;
