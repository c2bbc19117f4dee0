// GET /api/v1/institutions/export?format=csv|xlsx&… — the filtered roster as a file, in the import format.
import { apiHandler } from "@/lib/http/api";
import { fileResponse } from "@/lib/http/file-response";
import { exportQuerySchema } from "@/lib/facilities/schemas";
import { exportInstitutions } from "@/lib/facilities/export";

export const GET = apiHandler(
  async ({ actor, query }) => {
    const file = await exportInstitutions(actor, query);
    return fileResponse(file);
  },
  { query: exportQuerySchema },
);
