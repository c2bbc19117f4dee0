// Every domain's OpenAPI registrar, in one list. Add a domain's registrar here with its API.
import { buildOpenApiDocument } from "./openapi";
import { registerRegionsApi } from "../regions/openapi";
import { registerUsersApi } from "../users/openapi";

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

export function openApiDocument() {
  cached ??= buildOpenApiDocument([registerUsersApi, registerRegionsApi]);
  return cached;
}
