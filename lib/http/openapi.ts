// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas that validate the
// requests. Each domain registers its paths in lib/<domain>/openapi.ts; buildOpenApiDocument()
// collects them. A test checks that every route file under app/api/v1 is documented.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { OPERATION_IDS } from "./api-operations";

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum([
        "VALIDATION",
        "UNAUTHENTICATED",
        "FORBIDDEN",
        "NOT_FOUND",
        "CONFLICT",
        "INVALID_STATE",
        "UNSUPPORTED_MEDIA_TYPE",
        "PAYLOAD_TOO_LARGE",
        "METHOD_NOT_ALLOWED",
        "PASSWORD_CHANGE_REQUIRED",
        "RATE_LIMITED",
        "INTERNAL",
        "SERVICE_UNAVAILABLE",
      ]),
      message: z.string().meta({ description: "Human-readable, in zh-CN or en per Accept-Language" }),
      details: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
      requestId: z.string().meta({
        description:
          "The call's X-Request-Id (the caller's when plausible, else generated); quote it when reporting a problem",
      }),
    }),
  })
  .meta({ id: "Error" });

const errorContent = { "application/json": { schema: errorSchema } };

/** The error responses every authenticated endpoint can give. */
export const standardErrors = {
  400: { description: "Invalid input; `details` names each field", content: errorContent },
  401: { description: "No valid session cookie or bearer token", content: errorContent },
  403: { description: "Authenticated but not allowed", content: errorContent },
  404: { description: "Not found, or outside the caller's region scope", content: errorContent },
} as const;

export const conflictError = { 409: { description: "Version conflict or duplicate", content: errorContent } } as const;
export const invalidStateError = {
  422: { description: "Not allowed in the record's current state", content: errorContent },
} as const;

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { "application/json": { schema } } };
}

export function jsonResponse<T extends z.ZodType>(description: string, schema: T) {
  return { description, content: { "application/json": { schema } } };
}

/** A 201 of a create whose record has its own URL: the record, and `Location` naming that URL. */
export function createdResponse<T extends z.ZodType>(description: string, schema: T) {
  return {
    ...jsonResponse(description, schema),
    headers: {
      Location: {
        description: "Path of the created record (e.g. /api/v1/agreements/{id})",
        schema: { type: "string" as const, example: "/api/v1/users/7f0c9a1e-5b7d-4c1a-9e2f-0a1b2c3d4e5f" },
      },
    },
  };
}

export const security: Record<string, string[]>[] = [{ bearerAuth: [] }, { sessionCookie: [] }];

export type Registrar = (registry: OpenAPIRegistry) => void;

/** The document's tags, in reading order, each with what it groups. */
export const TAGS: readonly { name: string; description: string }[] = [
  { name: "Users", description: "The caller, and the users of the bureaus in the caller's scope (administrators)." },
  {
    name: "Regions",
    description: "The administrative regions (GB/T 2260) and pooling areas (统筹区) the console knows.",
  },
  {
    name: "Institutions",
    description:
      "The roster of designated institutions (定点医疗机构, 定点零售药店…): fields, status, cross-region services, history, import/export, maker-checker changes.",
  },
  {
    name: "Agreements",
    description:
      "Recognition agreements between regions, their lifecycle, and the eligibility check (is institution F recognised for insured persons of region H for service S on day D?).",
  },
  {
    name: "Statistics",
    description:
      "Settlement records (import) and their statistics: visits, medical cost, fund payment, growth, flows between regions.",
  },
  {
    name: "Complaints",
    description:
      "Tickets about failed or disputed cross-region settlements, shared by the visit and the home bureau, with SLA clocks; reports.",
  },
  {
    name: "Downtime",
    description: "Announced and unplanned outages of a pooling area's settlement network, which tickets refer to.",
  },
];

const errorRef = { $ref: "#/components/schemas/Error" };
/** Answers any operation can give besides its own: documented once, added to every operation. */
const COMMON_RESPONSES: Record<
  string,
  { description: string; headers?: Record<string, unknown>; content: Record<string, { schema: unknown }> }
> = {
  // Every operation checks its query string (lib/http/query.ts): an unknown, repeated or empty parameter.
  "400": {
    description:
      "Invalid input: an unknown, repeated or empty query parameter, or a malformed value; `details` names each",
    content: { "application/json": { schema: errorRef } },
  },
  "413": { description: "The JSON body is over 1 MiB", content: { "application/json": { schema: errorRef } } },
  "415": {
    description: "A cookie-authenticated write whose body type an HTML form could send",
    content: { "application/json": { schema: errorRef } },
  },
  "429": {
    description: "Too many requests from this caller or address; retry after `Retry-After` seconds",
    headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait" } },
    content: { "application/json": { schema: errorRef } },
  },
  "500": {
    description: "Unexpected error (logged; nothing was written)",
    content: { "application/json": { schema: errorRef } },
  },
  "503": {
    description: "The database cannot be reached; nothing was written — retry after `Retry-After` seconds",
    headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait" } },
    content: { "application/json": { schema: errorRef } },
  },
};
const ACCEPT_LANGUAGE = {
  name: "Accept-Language",
  in: "header",
  required: false,
  description: "`en` for English messages; zh-CN otherwise",
  schema: { type: "string", example: "en" },
};

type JsonObject = Record<string, unknown>;

/**
 * zod-to-openapi writes a nullable reference as `allOf: [{$ref}, {type: [X, "null"]}]`, which no
 * value satisfies when null (the $ref forbids it). The correct 3.1 form is a choice between the
 * reference and null.
 */
export function fixNullableRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(fixNullableRefs);
  if (!node || typeof node !== "object") return node;
  const o = node as JsonObject;
  const all = o.allOf;
  if (Array.isArray(all) && all.length === 2) {
    const [ref, nul] = all as JsonObject[];
    const types = nul?.type;
    if (
      typeof ref?.$ref === "string" &&
      Array.isArray(types) &&
      types.includes("null") &&
      Object.keys(nul!).length === 1
    ) {
      const { allOf: _drop, ...rest } = o;
      return { ...(fixNullableRefs(rest) as JsonObject), anyOf: [ref, { type: "null" }] };
    }
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fixNullableRefs(v)]));
}

/** Operation ids, the common answers and the language header on every operation. */
function completeOperations(paths: Record<string, Record<string, JsonObject>>): void {
  for (const [p, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const id = OPERATION_IDS[`${method} ${p}`];
      if (id) op.operationId = id;
      const responses = (op.responses ??= {}) as JsonObject;
      for (const [status, answer] of Object.entries(COMMON_RESPONSES)) {
        // 413/415 only where a body is sent.
        if ((status === "413" || status === "415") && !op.requestBody) continue;
        responses[status] ??= answer;
      }
      const parameters = (op.parameters ??= []) as JsonObject[];
      if (!parameters.some((x) => x.in === "header" && String(x.name).toLowerCase() === "accept-language"))
        parameters.push(ACCEPT_LANGUAGE);
    }
  }
}

export function buildOpenApiDocument(registrars: Registrar[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "Personal API token created on the profile page (ybt_…)",
  });
  registry.registerComponent("securitySchemes", "sessionCookie", {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description: "Browser session after signing in",
  });
  for (const register of registrars) register(registry);
  const generated = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "医保异地就医协同平台 API",
      version: "1.0.0",
      license: { name: "Proprietary — for the official use of the medical-insurance bureaus" },
      description:
        "HTTP API for systems that are not browsers. Authenticate with `Authorization: Bearer <token>`. " +
        "Errors are `{ error: { code, message, details } }`. Region scope is always the caller's bureau region.",
    },
    servers: [{ url: "/api/v1" }],
    security,
    tags: [...TAGS],
  });
  const doc = fixNullableRefs(generated) as typeof generated;
  completeOperations(doc.paths as unknown as Record<string, Record<string, JsonObject>>);
  return doc;
}
