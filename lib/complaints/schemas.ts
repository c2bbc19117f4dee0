// Boundary schemas for complaint tickets and downtime notices: the inputs and list filters (the
// answers are in response-schemas.ts). Messages are i18n keys.
import { z } from "zod";
import { checkRange, pageParams, regionCodeParam, regionParam } from "../http/query";
import {
  CATEGORIES,
  CHANNELS,
  DOWNTIME_KINDS,
  PRIORITIES,
  QUEUES,
  ROOT_CAUSES,
  SERVICE_TYPES,
  SIDES,
  STATES,
} from "./codes";

/** A complainant's phone as typed (digits, +, -, spaces) and an 18-character resident ID (upper-case X). */
export const PHONE_RE = /^[\d+\- ]{5,20}$/;
export const ID_NUMBER_RE = /^\d{17}[\dX]$/;

const regionCode = z
  .string({ error: "validation.required" })
  .trim()
  .regex(/^\d{6}$/, "complaints.badRegion");
const text = (max: number) =>
  z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(max, "validation.tooLong");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "validation.tooLong")
    .optional()
    .transform((v) => (v ? v : undefined));

export const channelSchema = z.enum(CHANNELS, { error: "validation.invalidEnum" }).meta({ id: "ComplaintChannel" });
export const categorySchema = z.enum(CATEGORIES, { error: "validation.invalidEnum" }).meta({ id: "ComplaintCategory" });
export const prioritySchema = z.enum(PRIORITIES, { error: "validation.invalidEnum" }).meta({ id: "ComplaintPriority" });
export const stateSchema = z.enum(STATES, { error: "validation.invalidEnum" }).meta({ id: "ComplaintState" });
export const rootCauseSchema = z
  .enum(ROOT_CAUSES, { error: "validation.invalidEnum" })
  .meta({ id: "ComplaintRootCause" });
export const serviceTypeSchema = z
  .enum(SERVICE_TYPES, { error: "validation.invalidEnum" })
  .meta({ id: "CrossRegionServiceType" });
export const sideSchema = z.enum(SIDES).meta({ id: "ComplaintSide" });

export const attachmentSchema = z
  .object({
    name: text(200),
    mimeType: z.string().trim().max(100).optional(),
    size: z.number().int().min(0).optional(),
    ref: z.string().trim().max(300).optional().meta({ description: "Reference in the document system" }),
  })
  .meta({ id: "ComplaintAttachment" });

export const createComplaintSchema = z
  .object({
    channel: channelSchema,
    complainantName: text(40),
    complainantPhone: z
      .string()
      .trim()
      .max(20, "validation.tooLong")
      .regex(PHONE_RE, "complaints.badPhone")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    complainantIdNumber: z
      .string()
      .trim()
      .toUpperCase()
      .regex(ID_NUMBER_RE, "complaints.badIdNumber")
      .optional()
      .or(z.literal("").transform(() => undefined))
      .meta({ description: "18-character resident ID; stored encrypted, shown masked" }),
    homeRegionCode: regionCode.meta({ description: "参保地 (GB/T 2260)" }),
    visitRegionCode: regionCode.meta({ description: "就医地 (GB/T 2260)" }),
    institutionCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[HP]\d{11}$/, "complaints.badInstitution")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    institutionName: optionalText(100),
    settlementId: optionalText(40),
    settlementAt: z.iso
      .datetime({ offset: true, error: "validation.invalid" })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    serviceType: serviceTypeSchema.optional().or(z.literal("").transform(() => undefined)),
    category: categorySchema,
    priority: prioritySchema.default("NORMAL"),
    description: text(4000),
    attachments: z.array(attachmentSchema).max(10).default([]),
  })
  .strict()
  .refine((v) => v.homeRegionCode !== v.visitRegionCode, {
    path: ["visitRegionCode"],
    message: "complaints.sameRegion",
  })
  .meta({
    id: "CreateComplaint",
    description: "A new ticket, owned by the caller's bureau (which must cover the home or the visit region).",
  });
export type CreateComplaintInput = z.infer<typeof createComplaintSchema>;

export const transitionSchema = z
  .object({
    to: stateSchema,
    note: optionalText(2000).meta({
      description: "Internal note between bureaus; required for hand-over, escalation, return, reopening",
    }),
    rootCause: rootCauseSchema.optional(),
    reply: optionalText(2000).meta({
      description: "Reply to the complainant; required for resolving and for asking the complainant",
    }),
    mergeInto: z
      .string()
      .trim()
      .toUpperCase()
      .optional()
      .meta({ description: "With to=CLOSED: the ticket number this duplicate merges into" }),
    version: z.number({ error: "validation.required" }).int().positive(),
  })
  .strict()
  .meta({ id: "ComplaintTransition" });
export type TransitionInput = z.infer<typeof transitionSchema>;

export const commentSchema = z
  .object({
    body: text(4000),
    internal: z
      .boolean({ error: "validation.required" })
      .meta({ description: "true: internal note between bureaus; false: reply to the complainant" }),
  })
  .strict()
  .meta({ id: "ComplaintCommentInput" });

export const listComplaintsSchema = z.object({
  queue: z.enum(QUEUES, { error: "validation.invalidEnum" }).default("ALL"),
  q: z.string().trim().max(60).optional().meta({
    description:
      "Ticket number, institution code or name, settlement id, words of the description; or the complainant's full ID number (x and X alike) or full phone number (digits compared, spaces and dashes ignored), matched exactly through a keyed hash — a part of either finds nothing",
  }),
  state: stateSchema.optional(),
  category: categorySchema.optional(),
  priority: prioritySchema.optional(),
  region: regionParam
    .optional()
    .meta({ description: "Home or visit region within this region, or within the region group group:<slug>" }),
  owner: z
    .enum(["BUREAU"], { error: "validation.invalidEnum" })
    .optional()
    .meta({ description: "BUREAU: only tickets owned by the caller's bureau (with any queue)" }),
  ...pageParams(20),
});
/** The parsed list filter, with the region parameter resolved to prefixes (a group's included). */
export type ListComplaintsInput = z.infer<typeof listComplaintsSchema> & { regionPrefixes?: string[] | null };

export const exportQuerySchema = listComplaintsSchema.omit({ page: true, pageSize: true }).extend({
  format: z.enum(["csv", "xlsx"], { error: "validation.invalidEnum" }).default("csv"),
});

export const ticketParamsSchema = z.object({
  number: z.string().meta({ description: "Ticket number, e.g. TS-2026-000123" }),
});
export const detailQuerySchema = z.object({
  unmask: z.enum(["true", "false"], { error: "validation.invalidEnum" }).default("false").meta({
    description: "true: include the complainant's phone and ID number (owner bureau's handlers only; audited)",
  }),
});

export const createDowntimeSchema = z
  .object({
    regionCode: regionCode.meta({ description: "The pooling area (统筹区)" }),
    kind: z.enum(DOWNTIME_KINDS, { error: "validation.invalidEnum" }),
    startsAt: z.iso.datetime({ offset: true, error: "validation.invalid" }),
    endsAt: z.iso.datetime({ offset: true, error: "validation.invalid" }),
    services: z.array(serviceTypeSchema).min(1, "validation.required"),
    reason: text(500),
  })
  .strict()
  .refine((v) => new Date(v.endsAt) > new Date(v.startsAt), { path: ["endsAt"], message: "complaints.endBeforeStart" })
  .meta({ id: "CreateDowntime" });

const day = (description: string) => z.iso.date({ error: "validation.invalid" }).optional().meta({ description });

export const listDowntimesSchema = z
  .object({
    when: z.enum(["CURRENT", "UPCOMING", "RECENT", "ALL"], { error: "validation.invalidEnum" }).default("ALL"),
    region: regionCodeParam.optional().meta({ description: "Windows of pooling areas in this region" }),
    from: day("Windows ending on or after this day (Beijing time)"),
    to: day("Windows starting on or before this day (Beijing time); not before `from`"),
    ...pageParams(50),
  })
  .superRefine((v, ctx) => checkRange(v, ctx));

export const reportQuerySchema = z
  .object({
    region: regionParam.optional().meta({
      description: "Only tickets whose home or visit region lies in this region, or in the region group group:<slug>",
    }),
    from: day("First day (Beijing time); default: 89 days before `to`"),
    to: day("Last day, inclusive; default: today; not before `from`"),
    format: z.enum(["json", "csv", "xlsx"], { error: "validation.invalidEnum" }).default("json"),
  })
  .superRefine((v, ctx) => checkRange(v, ctx));

export const dailyReportQuerySchema = z.object({
  day: day("The day reported (Beijing time); default: today; a future day is refused"),
  format: z.enum(["json", "csv", "xlsx"], { error: "validation.invalidEnum" }).default("json"),
  regenerate: z
    .enum(["true", "false"], { error: "validation.invalidEnum" })
    .default("false")
    .meta({ description: "true: build the stored report of a finished day again" }),
});
