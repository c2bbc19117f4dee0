// OpenAPI registration of /agreements and /eligibility, from the zod schemas the handlers parse with.
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
  createAgreementSchema,
  eligibilityQuerySchema,
  listAgreementsSchema,
  transitionSchema,
  updateAgreementSchema,
} from "./schemas";
import { agreementPageSchema, agreementSchema, eligibilityAnswerSchema } from "./response-schemas";

const { 400: badRequest, 401: unauthenticated, 403: forbidden, 404: notFound } = standardErrors;
const idParams = z.object({ id: z.string().meta({ description: "Agreement id (UUID)" }) });

export const registerAgreementsApi: Registrar = (registry) => {
  registry.registerPath({
    method: "get",
    path: "/agreements",
    tags: ["Agreements"],
    summary: "Agreements between regions (public to every signed-in caller)",
    description:
      "Filter by `party` (a party at, above or below that region), `type`, `status`, `date` (effective window contains it), `q` (number or title).",
    security,
    request: { query: listAgreementsSchema },
    responses: {
      200: jsonResponse("One page of agreements", agreementPageSchema),
      400: badRequest,
      401: unauthenticated,
    },
  });
  registry.registerPath({
    method: "post",
    path: "/agreements",
    tags: ["Agreements"],
    summary: "Record an agreement as DRAFT",
    description: "Agreement officers of a party region, or of a region above a party.",
    security,
    request: { body: jsonBody(createAgreementSchema) },
    responses: {
      201: createdResponse("The created draft", agreementSchema),
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
      ...conflictError,
    },
  });
  registry.registerPath({
    method: "get",
    path: "/agreements/{id}",
    tags: ["Agreements"],
    summary: "One agreement with parties, approvals and status history",
    description:
      "Every signed-in user reads agreements. The answer holds the parties and their roles, the approvals recorded, the covered services and institutions, and the status history (`transitions`, the first with `fromStatus` null).",
    security,
    request: { params: idParams },
    responses: { 200: jsonResponse("The agreement", agreementSchema), 401: unauthenticated, 404: notFound },
  });
  registry.registerPath({
    method: "patch",
    path: "/agreements/{id}",
    tags: ["Agreements"],
    summary: "Edit an agreement",
    description:
      "A DRAFT changes freely (recorded approvals are withdrawn). Once activated only notes, documentRef, attachments and titleEn change (422 otherwise).",
    security,
    request: { params: idParams, body: jsonBody(updateAgreementSchema) },
    responses: {
      200: jsonResponse("The updated agreement", agreementSchema),
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
    path: "/agreements/{id}/transitions",
    tags: ["Agreements"],
    summary: "A lifecycle step: ACTIVATE (approve), SUSPEND, RESUME, TERMINATE",
    description:
      "DRAFT → ACTIVE → SUSPENDED ⇄ ACTIVE → EXPIRED | TERMINATED. ACTIVATE records the caller's approval for every party they represent; " +
      "the agreement becomes ACTIVE once every party has approved (an officer above all parties approves for all). EXPIRED happens by itself after effectiveTo.",
    security,
    request: { params: idParams, body: jsonBody(transitionSchema) },
    responses: {
      200: jsonResponse("The agreement after the step", agreementSchema),
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
      404: notFound,
      ...conflictError,
      ...invalidStateError,
    },
  });
  registry.registerPath({
    method: "get",
    path: "/eligibility",
    tags: ["Agreements"],
    summary: "Can an insured person of homeRegion settle `service` at `institution` on `date`?",
    description:
      "Considers the institution's status and service periods on the date and the agreements in force on the date (by their status history) " +
      "covering homeRegion → the institution's region, their scope and filing-free clauses. `asOf` replays the answer as known at that instant.",
    security,
    request: { query: eligibilityQuerySchema },
    responses: {
      200: jsonResponse("The answer with its basis and reasons", eligibilityAnswerSchema),
      400: badRequest,
      401: unauthenticated,
    },
  });
};
