// OpenAPI registration of the regions endpoints. The request schemas are the ones the route
// handlers parse with, so the document cannot promise a parameter the API does not check.
import { z } from "zod";
import { jsonResponse, security, standardErrors, type Registrar } from "../http/openapi";
import {
  listRegionsSchema,
  regionChildrenResponseSchema,
  regionDetailResponseSchema,
  regionPathSchema,
  regionSearchResponseSchema,
} from "./schemas";

export const registerRegionsApi: Registrar = (registry) => {
  registry.registerPath({
    method: "get",
    path: "/regions",
    tags: ["Regions"],
    summary: "List a region's children, or search regions",
    description:
      "Public reference data for every signed-in caller. Without `q`: the direct children of `parent` " +
      "(default: the provinces), with the path to `parent`. With `q`: regions in the subtree of `parent` " +
      "whose name contains `q`, or whose code starts with `q` when `q` is 1–6 digits.",
    security,
    request: { query: listRegionsSchema },
    responses: {
      200: jsonResponse(
        "Children of `parent` (no `q`), or search results (with `q`)",
        z.union([regionChildrenResponseSchema, regionSearchResponseSchema]),
      ),
      400: standardErrors[400],
      401: standardErrors[401],
      404: standardErrors[404],
    },
  });

  registry.registerPath({
    method: "get",
    path: "/regions/{code}",
    tags: ["Regions"],
    summary: "One region with its path, pooling area and children",
    description:
      "Every signed-in user. `poolingAreaOf` is the pooling area (统筹区) that settles for the region, null above that level. A malformed code is 400, an unknown one 404.",
    security,
    request: { params: regionPathSchema },
    responses: {
      200: jsonResponse("The region", regionDetailResponseSchema),
      400: standardErrors[400],
      401: standardErrors[401],
      404: standardErrors[404],
    },
  });
};
