// The complaint API's answers as zod schemas, for the OpenAPI document (openapi.ts) and the
// report DTOs (report-dto.ts). The inputs, the list filters and the vocabularies are in schemas.ts.
import { z } from "zod";
import { pageOf } from "../http/query";
import { DOWNTIME_KINDS } from "./codes";
import {
  attachmentSchema,
  categorySchema,
  channelSchema,
  prioritySchema,
  rootCauseSchema,
  serviceTypeSchema,
  sideSchema,
  stateSchema,
} from "./schemas";

const ts = z.iso.datetime();
const regionRef = z.object({ code: z.string(), name: z.string() }).meta({ id: "ComplaintRegionRef" });

export const slaSchema = z
  .object({
    status: z.enum(["OK", "DUE_TODAY", "OVERDUE", "PAUSED", "MET", "BREACHED"]),
    firstResponseDueAt: ts,
    firstRespondedAt: ts.nullable(),
    resolutionDueAt: ts.nullable().meta({ description: "null while the clock is stopped" }),
    nextUpdateDueAt: ts.nullable(),
    businessMinutesLeft: z.number().int().nullable(),
  })
  .meta({ id: "ComplaintSla" });

export const complaintSummarySchema = z
  .object({
    number: z.string(),
    state: stateSchema,
    channel: channelSchema,
    category: categorySchema,
    priority: prioritySchema,
    complainantName: z.string().meta({ description: "Always masked in lists" }),
    homeRegion: regionRef,
    visitRegion: regionRef,
    ownerBureau: z.object({ id: z.uuid(), name: z.string(), nameEn: z.string(), regionCode: z.string() }),
    ownerSide: sideSchema,
    awaitingSide: sideSchema.nullable(),
    institutionCode: z.string().nullable(),
    institutionName: z.string().nullable(),
    rootCause: rootCauseSchema.nullable(),
    sla: slaSchema,
    createdAt: ts,
    updatedAt: ts,
    version: z.number().int(),
  })
  .meta({ id: "ComplaintSummary" });

export const complaintPageSchema = pageOf(complaintSummarySchema).meta({ id: "ComplaintPage" });

export const eventSchema = z
  .object({
    action: z.string(),
    fromState: stateSchema.nullable(),
    toState: stateSchema,
    note: z.string().nullable(),
    rootCause: rootCauseSchema.nullable(),
    actorName: z.string(),
    actorRegion: z.string().nullable(),
    at: ts,
  })
  .meta({ id: "ComplaintEvent" });

export const commentViewSchema = z
  .object({
    id: z.string(),
    internal: z.boolean(),
    body: z.string(),
    authorName: z.string(),
    authorRegion: z.string().nullable(),
    at: ts,
  })
  .meta({ id: "ComplaintComment" });

export const downtimeSchema = z
  .object({
    id: z.uuid(),
    region: regionRef,
    kind: z.enum(DOWNTIME_KINDS),
    startsAt: ts,
    endsAt: ts,
    services: z.array(serviceTypeSchema),
    reason: z.string(),
    createdByName: z.string(),
    createdAt: ts,
  })
  .meta({ id: "Downtime" });

export const complaintDetailSchema = complaintSummarySchema
  .extend({
    complainantPhone: z.string().nullable().meta({ description: "Masked unless unmasked" }),
    complainantIdNumber: z.string().nullable().meta({ description: "Masked unless unmasked" }),
    unmasked: z.boolean(),
    settlementId: z.string().nullable(),
    settlementAt: ts.nullable(),
    serviceType: serviceTypeSchema.nullable(),
    description: z.string(),
    attachments: z.array(attachmentSchema),
    relation: z.enum(["OWNER", "PARTY", "SUPERVISOR"]),
    ownerRegionCode: z.string().meta({
      description:
        "The owning bureau's region (as `ownerBureau.regionCode`); its working calendar drives the SLA clocks",
    }),
    escalatedToRegion: z.string().nullable(),
    mergedInto: z.string().nullable(),
    duplicates: z.array(z.string()),
    events: z.array(eventSchema),
    internalNotes: z.array(commentViewSchema),
    replies: z.array(commentViewSchema),
    downtimes: z.array(downtimeSchema.extend({ side: sideSchema })),
    suggestedRootCause: rootCauseSchema.nullable(),
    allowedTransitions: z.array(z.object({ to: stateSchema, action: z.string(), requires: z.array(z.string()) })),
  })
  .meta({ id: "ComplaintDetail" });

const percentiles = z
  .object({
    p50: z.number().nullable().meta({ description: "Median, in business minutes; null without tickets" }),
    p90: z.number().nullable().meta({ description: "90th percentile, in business minutes; null without tickets" }),
    n: z.int().meta({ description: "Tickets measured" }),
  })
  .meta({ id: "ComplaintPercentiles" });

export const complaintReportSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    backlog: z
      .array(z.object({ state: stateSchema, count: z.int() }))
      .meta({ description: "Open tickets by state (now)" }),
    firstResponse: percentiles.meta({ description: "Time to first response of the tickets created in the period" }),
    resolution: percentiles.meta({ description: "Time to resolution of the tickets resolved in the period" }),
    breach: z.object({
      resolved: z.int(),
      breached: z.int().meta({ description: "Resolved after the resolution deadline" }),
      rate: z.number().nullable().meta({
        description: "breached ÷ resolved, rounded half-up to 6 places; null when none was resolved",
        example: 0.215278,
      }),
      openOverdue: z.int().meta({ description: "Open tickets past their resolution deadline (now)" }),
    }),
    rootCausesByPair: z
      .array(z.object({ homeRegion: regionRef, visitRegion: regionRef, rootCause: rootCauseSchema, count: z.int() }))
      .meta({
        description: "Tickets resolved in the period, by region pair and root cause (at most 200, largest first)",
      }),
    rootCausesByInstitution: z
      .array(
        z.object({
          institutionCode: z.string(),
          institutionName: z.string().nullable(),
          rootCause: rootCauseSchema,
          count: z.int(),
        }),
      )
      .meta({
        description: "Tickets resolved in the period, by institution and root cause (at most 200, largest first)",
      }),
    trend: z.array(
      z.object({
        week: z.iso.date().meta({ description: "Monday of the week (Beijing time)" }),
        created: z.int(),
        resolved: z.int(),
      }),
    ),
  })
  .meta({ id: "ComplaintReport" });

const pairCount = z
  .object({ homeRegion: regionRef, visitRegion: regionRef, count: z.int() })
  .meta({ id: "ComplaintPairCount" });

export const dailyReportSchema = z
  .object({
    day: z.iso.date(),
    bureau: z
      .object({ id: z.uuid(), name: z.string(), nameEn: z.string(), regionCode: z.string() })
      .meta({ description: "The caller's bureau, as `ownerBureau` of a ticket" }),
    generatedAt: ts,
    newByPair: z.array(pairCount).meta({ description: "Tickets registered that day, by home × visit region" }),
    overdueByPair: z
      .array(pairCount)
      .meta({ description: "Tickets past a deadline at the end of the day (or now, for today)" }),
    escalatedByPair: z.array(pairCount).meta({ description: "Tickets escalated that day" }),
    totals: z.object({
      new: z.int(),
      overdue: z.int(),
      escalated: z.int(),
      failures: z
        .int()
        .nullable()
        .meta({ description: "Failed settlements that day; null when no settlement data covers the day" }),
    }),
    failuresByPair: z.array(pairCount).nullable(),
    downtimes: z
      .array(
        z.object({
          region: regionRef,
          kind: z.enum(DOWNTIME_KINDS),
          startsAt: ts,
          endsAt: ts,
          services: z.array(serviceTypeSchema),
          reason: z.string(),
        }),
      )
      .meta({ description: "Windows overlapping the day" }),
  })
  .meta({ id: "ComplaintDailyReport" });

export const downtimePageSchema = pageOf(downtimeSchema).meta({ id: "DowntimePage" });
