// The agreements API's answers as zod schemas, for the OpenAPI document (openapi.ts) and the
// route ↔ document test. The inputs, the list filter and the eligibility query are in schemas.ts.
import { z } from "zod";
import { pageOf } from "../http/query";
import {
  agreementStatusSchema,
  agreementTypeSchema,
  attachmentSchema,
  directionSchema,
  diseaseSchema,
  filingTypeSchema,
  partyRoleSchema,
  ratioRulesSchema,
  scopeRuleSchema,
  serviceSchema,
} from "./schemas";

/** The fields of a list item, in the order they are sent (toSummaryDto in views.ts picks the same). */
export const AGREEMENT_SUMMARY_FIELDS = [
  "id",
  "number",
  "title",
  "titleEn",
  "type",
  "direction",
  "parties",
  "services",
  "filingFree",
  "effectiveFrom",
  "effectiveTo",
  "status",
  "statusSince",
  "version",
] as const;
type SummaryField = (typeof AGREEMENT_SUMMARY_FIELDS)[number];

const regionRef = z.object({ code: z.string(), name: z.string() });
const timestamp = z.iso.datetime();

export const agreementSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    title: z.string(),
    titleEn: z.string().nullable(),
    type: agreementTypeSchema,
    direction: directionSchema,
    parties: z.array(z.object({ region: regionRef, role: partyRoleSchema })),
    services: z.array(serviceSchema),
    diseases: z.array(diseaseSchema),
    filingFree: z.boolean(),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    signedOn: z.string().nullable(),
    documentRef: z.string().nullable(),
    attachments: z.array(attachmentSchema),
    notes: z.string().nullable(),
    scopeRule: scopeRuleSchema.nullable(),
    institutionCount: z.number().int().meta({ description: "Institutions listed explicitly" }),
    ratioRules: ratioRulesSchema,
    status: agreementStatusSchema.meta({
      description: "Current status; past effective-to it reads EXPIRED even before the expiry step is recorded",
    }),
    statusSince: z.string(),
    approvals: z.array(z.object({ region: regionRef, approverName: z.string(), at: timestamp })),
    pendingApprovals: z.array(regionRef).meta({ description: "Parties whose approval activation still needs" }),
    transitions: z.array(
      z.object({
        action: z.string(),
        fromStatus: agreementStatusSchema.nullable(),
        toStatus: agreementStatusSchema,
        effectiveOn: z.string(),
        recordedAt: timestamp,
        actorName: z.string(),
        reason: z.string().nullable(),
      }),
    ),
    version: z.number().int(),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "Agreement" });

export const agreementSummarySchema = agreementSchema
  .pick(Object.fromEntries(AGREEMENT_SUMMARY_FIELDS.map((k) => [k, true])) as Record<SummaryField, true>)
  .meta({ id: "AgreementSummary" });

export const agreementPageSchema = pageOf(agreementSummarySchema).meta({ id: "AgreementPage" });

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const eligibilityAnswerSchema = z
  .object({
    query: z.object({
      institution: z.string(),
      homeRegion: z.string(),
      service: serviceSchema,
      date: z.string(),
      filingType: filingTypeSchema.nullable(),
      disease: diseaseSchema.nullable(),
      asOf: timestamp,
    }),
    institution: z
      .object({ code: z.string(), name: z.string(), level: z.string(), type: z.string(), region: regionRef })
      .nullable(),
    eligible: z.boolean(),
    filingRequired: z.boolean(),
    maxRatioReductionPoints: z
      .number()
      .int()
      .nullable()
      .meta({ description: "For the filing type asked; null when none was given or not eligible" }),
    ratioByFilingType: z.record(z.string(), z.number().int()).nullable(),
    basis: z.array(
      z.object({
        agreementId: z.uuid(),
        number: z.string(),
        title: z.string(),
        type: agreementTypeSchema,
        filingFree: z.boolean(),
        clause: bilingual,
      }),
    ),
    reasons: z.array(
      bilingual.extend({
        code: z
          .string()
          .regex(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/)
          .meta({
            description:
              "The reason, UPPER_SNAKE: NOT_LISTED, LEVEL_BELOW_RULE, NO_AGREEMENT, NOT_DESIGNATED, SERVICE_NOT_OFFERED, COVERED, FILING_REQUIRED…",
            example: "LEVEL_BELOW_RULE",
          }),
      }),
    ),
    permalink: z.string().meta({ description: "Console URL that reproduces this answer (with asOf)" }),
  })
  .meta({ id: "EligibilityAnswer" });
