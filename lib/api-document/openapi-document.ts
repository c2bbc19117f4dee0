// Every domain's OpenAPI registrar, in one list. Add a domain's registrar here with its API.
import { buildOpenApiDocument } from "../http/openapi";
import { registerRegionsApi } from "../regions/openapi";
import { registerRegionGroupsApi } from "../regions/groups/openapi";
import { registerUsersApi } from "../users/openapi";
import { registerAgreementsApi } from "../agreements/openapi";
import { registerFacilitiesApi } from "../facilities/openapi";
import { registerComplaintsApi } from "../complaints/openapi";
import { registerStatisticsApi } from "../statistics/openapi";

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

export function openApiDocument() {
  cached ??= buildOpenApiDocument([
    registerUsersApi,
    registerRegionsApi,
    registerRegionGroupsApi,
    registerFacilitiesApi,
    registerAgreementsApi,
    registerStatisticsApi,
    registerComplaintsApi,
  ]);
  return cached;
}
