// OpenAPI registration of /complaints and /downtimes, from the zod schemas the handlers parse with.
import { z } from "zod";
import {
  conflictError,
  createdResponse,
  invalidStateError,
  jsonBody,
  jsonResponse,
  type Registrar,
  standardErrors,
} from "../http/openapi";
import {
  commentSchema,
  createComplaintSchema,
  createDowntimeSchema,
  dailyReportQuerySchema,
  detailQuerySchema,
  exportQuerySchema,
  listComplaintsSchema,
  listDowntimesSchema,
  reportQuerySchema,
  ticketParamsSchema,
  transitionSchema,
} from "./schemas";
import {
  commentViewSchema,
  complaintDetailSchema,
  complaintPageSchema,
  complaintReportSchema,
  dailyReportSchema,
  downtimePageSchema,
  downtimeSchema,
} from "./response-schemas";

const { 400: badRequest, 401: unauthenticated, 403: forbidden, 404: notFound } = standardErrors;
const file = (description: string) => ({
  description,
  content: {
    "text/csv": { schema: z.string() },
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
      schema: z.string().meta({ format: "binary" }),
    },
  },
});

export const registerComplaintsApi: Registrar = (registry) => {
  const tags = ["Complaints"];
  registry.registerPath({
    method: "get",
    path: "/complaints",
    tags,
    summary: "A queue of tickets visible to the caller (its bureau covers the home or the visit region)",
    description:
      "Queues: mine, bureau (received by the caller's bureau), awaiting (waiting for the caller's side or escalated to it), overdue, today (due today), all. Complainant data is always masked.",
    request: { query: listComplaintsSchema },
    responses: {
      200: jsonResponse("One page of tickets", complaintPageSchema),
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
    },
  });
  registry.registerPath({
    method: "post",
    path: "/complaints",
    tags,
    summary: "Register a ticket; the caller's bureau receives (owns) it",
    description:
      "Complaint handlers only. The caller's bureau must cover the visit or the home region (400 on `visitRegionCode`); it owns the ticket, on the visit side when it covers that. SLA clocks follow the owner's working calendar. The complainant's phone and ID number are stored encrypted and shown masked.",
    request: { body: jsonBody(createComplaintSchema) },
    responses: {
      201: createdResponse("The new ticket", complaintDetailSchema),
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
    },
  });
  registry.registerPath({
    method: "get",
    path: "/complaints/{number}",
    tags,
    summary: "One ticket with its timeline, notes, replies, SLA clocks and downtime hint",
    description:
      "`unmask=1` adds the complainant's clear phone and ID number for handlers of the receiving bureau (403 for others); each unmask is audited.",
    request: { params: ticketParamsSchema, query: detailQuerySchema },
    responses: {
      200: jsonResponse("The ticket", complaintDetailSchema),
      401: unauthenticated,
      403: forbidden,
      404: notFound,
    },
  });
  registry.registerPath({
    method: "post",
    path: "/complaints/{number}/transitions",
    tags,
    summary: "Move the ticket along the workflow",
    description:
      "`to` is the target state; `version` the one last read (409 when stale). Wrong state: 422. A step that is not the caller's bureau's: 403. Resolving needs `rootCause` and `reply`; hand-over, escalation, return and reopening need `note`. `to: CLOSED` with `mergeInto` merges a duplicate.",
    request: { params: ticketParamsSchema, body: jsonBody(transitionSchema) },
    responses: {
      200: jsonResponse("The ticket after the transition", complaintDetailSchema),
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
      404: notFound,
      ...conflictError,
      ...invalidStateError,
    },
  });
  registry.registerPath({
    method: "post",
    path: "/complaints/{number}/comments",
    tags,
    summary: "Add an internal note (between bureaus) or a reply to the complainant (receiving bureau only)",
    description:
      "Handlers of either bureau add internal notes (`internal: true`); only the owning bureau replies to the complainant (403 otherwise). A ticket outside the caller's scope is 404.",
    request: { params: ticketParamsSchema, body: jsonBody(commentSchema) },
    responses: {
      201: jsonResponse("The comment", commentViewSchema),
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
      404: notFound,
    },
  });
  registry.registerPath({
    method: "get",
    path: "/complaints/export",
    tags,
    summary: "The queue under its filter as CSV or XLSX (complainant data masked)",
    description:
      "Complaint handlers and administrators, with the list's filters; `format` is `csv` or `xlsx`. Phone and ID number are masked.",
    request: { query: exportQuerySchema },
    responses: { 200: file("The file"), 400: badRequest, 401: unauthenticated, 403: forbidden },
  });
  registry.registerPath({
    method: "get",
    path: "/complaints/reports",
    tags,
    summary: "Backlog, time to first response / resolution (p50, p90), breach rate, root causes, weekly trend",
    description:
      "Complaint handlers and administrators, over the tickets they can see; `from` and `to` bound the period; `format=csv` or `xlsx` gives a file instead of JSON.",
    request: { query: reportQuerySchema },
    responses: {
      200: {
        ...file("The report; CSV or XLSX when format is given"),
        content: { "application/json": { schema: complaintReportSchema }, ...file("").content },
      },
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
    },
  });
  registry.registerPath({
    method: "get",
    path: "/complaints/daily-report",
    tags,
    summary: "The caller's bureau's daily anomaly report (每日“异”报)",
    description:
      "Built each morning for the previous day (Beijing time) and kept; `day` picks another day, `regenerate=true` builds it again; a future `day` is refused (400); `format=csv` or `xlsx` gives a file instead of JSON.",
    request: { query: dailyReportQuerySchema },
    responses: {
      200: {
        ...file("The report; CSV or XLSX when format is given"),
        content: { "application/json": { schema: dailyReportSchema }, ...file("").content },
      },
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
    },
  });
  registry.registerPath({
    method: "get",
    path: "/downtimes",
    tags: ["Downtime"],
    summary: "Downtime windows of pooling areas (current, upcoming, recent, all)",
    description:
      "Complaint handlers and administrators. `when` is current, upcoming, recent or all; `region` narrows to one pooling area. At most 500 windows.",
    request: { query: listDowntimesSchema },
    responses: {
      200: jsonResponse("Windows", downtimePageSchema),
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
    },
  });
  registry.registerPath({
    method: "post",
    path: "/downtimes",
    tags: ["Downtime"],
    summary: "Record a downtime window of a pooling area in the caller's scope",
    description:
      "Complaint handlers whose bureau covers the pooling area (400 on `regionCode` otherwise); `endsAt` after `startsAt`. Tickets can then name the window as their root cause.",
    request: { body: jsonBody(createDowntimeSchema) },
    responses: {
      201: jsonResponse("The window", downtimeSchema),
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
    },
  });
};
