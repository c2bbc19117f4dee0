// OpenAPI registration of /region-groups, from the zod schemas the route handlers parse with.
import { conflictError, jsonBody, jsonResponse, security, standardErrors, type Registrar } from "../../http/openapi";
import {
  createRegionGroupSchema,
  listRegionGroupsSchema,
  regionGroupPageSchema,
  regionGroupPathSchema,
  regionGroupSchema,
  retireRegionGroupQuerySchema,
  updateRegionGroupSchema,
} from "./schemas";

const { 400: badRequest, 401: unauthenticated, 403: forbidden, 404: notFound } = standardErrors;
const tags = ["Regions"];
const location = { Location: { schema: { type: "string" as const }, description: "Path of the new group" } };

export const registerRegionGroupsApi: Registrar = (registry) => {
  registry.registerPath({
    method: "get",
    path: "/region-groups",
    tags,
    security,
    summary: "Region groups the caller may use (京津冀, 长三角 …)",
    description:
      "Every signed-in caller: NATIONAL groups and the OWNER_REGION groups of bureaus in or below the caller's region (or above it). " +
      "A group is usable in every region parameter of the API (statistics visitRegion/homeRegion, institutions region, complaints region, agreements party) as `group:<slug>`; " +
      "overlapping members count once (`prefixes`). Retired groups are left out unless `retired=INCLUDE` or `ONLY`.",
    request: { query: listRegionGroupsSchema },
    responses: {
      200: jsonResponse("One page of groups", regionGroupPageSchema),
      400: badRequest,
      401: unauthenticated,
    },
  });

  registry.registerPath({
    method: "post",
    path: "/region-groups",
    tags,
    security,
    summary: "Create a region group owned by the caller's bureau",
    description:
      "Administrators only (403). Members must be known region codes (400 on `members`). A taken slug is 409. The slug never changes afterwards.",
    request: { body: jsonBody(createRegionGroupSchema) },
    responses: {
      201: { ...jsonResponse("The created group", regionGroupSchema), headers: location },
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
      ...conflictError,
    },
  });

  registry.registerPath({
    method: "get",
    path: "/region-groups/{slug}",
    tags,
    security,
    summary: "One region group",
    description: "A group the caller may see; an unknown slug or another region's OWNER_REGION group answers 404.",
    request: { params: regionGroupPathSchema },
    responses: { 200: jsonResponse("The group", regionGroupSchema), 401: unauthenticated, 404: notFound },
  });

  registry.registerPath({
    method: "patch",
    path: "/region-groups/{slug}",
    tags,
    security,
    summary: "Edit a region group (names, description, members, visibility, retired)",
    description:
      "Administrators of the owner bureau or of a bureau above it; others 403 (not an admin) or 404 (outside the owner's region). A stale `version` is 409. Audited.",
    request: { params: regionGroupPathSchema, body: jsonBody(updateRegionGroupSchema) },
    responses: {
      200: jsonResponse("The updated group", regionGroupSchema),
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
      404: notFound,
      ...conflictError,
    },
  });

  registry.registerPath({
    method: "delete",
    path: "/region-groups/{slug}",
    tags,
    security,
    summary: "Retire a region group",
    description:
      "Groups are never deleted: saved links and the audit log name them. A retired group still resolves in region parameters but is no longer offered by the pickers; PATCH with `retired: false` brings it back. Same rights as PATCH.",
    request: { params: regionGroupPathSchema, query: retireRegionGroupQuerySchema },
    responses: {
      200: jsonResponse("The retired group", regionGroupSchema),
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
      404: notFound,
      ...conflictError,
    },
  });
};
