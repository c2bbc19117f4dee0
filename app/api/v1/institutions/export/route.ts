// GET /api/v1/institutions/export?format=csv|xlsx&… — the filtered roster as a file, in the import format.
import { apiHandler, queryObject } from "@/lib/http/api";
import { exportInstitutions } from "@/lib/facilities/export";

export const GET = apiHandler(async ({ actor, url }) => {
  const file = await exportInstitutions(actor, queryObject(url));
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
    },
  });
});
