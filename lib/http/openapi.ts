// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas that validate the
// requests. Each domain registers its paths in lib/<domain>/openapi.ts; buildOpenApiDocument()
// collects them. A test checks that every route file under app/api/v1 is documented.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(["VALIDATION", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "INVALID_STATE", "UNSUPPORTED_MEDIA_TYPE", "PAYLOAD_TOO_LARGE", "PASSWORD_CHANGE_REQUIRED", "RATE_LIMITED", "INTERNAL", "SERVICE_UNAVAILABLE"]),
      message: z.string().meta({ description: "Human-readable, in zh-CN or en per Accept-Language" }),
      details: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
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
export const invalidStateError = { 422: { description: "Not allowed in the record's current state", content: errorContent } } as const;

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { content: { "application/json": { schema } } };
}

export function jsonResponse<T extends z.ZodType>(description: string, schema: T) {
  return { description, content: { "application/json": { schema } } };
}

export const security: Record<string, string[]>[] = [{ bearerAuth: [] }, { sessionCookie: [] }];

export type Registrar = (registry: OpenAPIRegistry) => void;

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
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "医保异地就医协同平台 API",
      version: "1.0.0",
      description:
        "HTTP API for systems that are not browsers. Authenticate with `Authorization: Bearer <token>`. " +
        "Errors are `{ error: { code, message, details } }`. Region scope is always the caller's bureau region.",
    },
    servers: [{ url: "/api/v1" }],
    security,
  });
}
