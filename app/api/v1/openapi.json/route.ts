import { openApiDocument } from "@/lib/http/openapi-document";

/** Public: the API description itself holds no region data. */
export function GET() {
  return Response.json(openApiDocument());
}
