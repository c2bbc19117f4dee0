import { openApiDocument } from "@/lib/api-document/openapi-document";

/** Public: the API description itself holds no region data. */
export function GET() {
  return Response.json(openApiDocument());
}
