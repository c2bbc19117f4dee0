import { apiHandler } from "@/lib/http/api";
import { fileResponse } from "@/lib/http/file-response";
import { exportQuerySchema } from "@/lib/complaints/schemas";
import { exportComplaints } from "@/lib/complaints/export";

export const GET = apiHandler(
  async ({ actor, query, t }) => {
    const file = await exportComplaints(actor, query, t);
    return fileResponse(file);
  },
  { query: exportQuerySchema },
);
