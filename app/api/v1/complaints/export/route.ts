import { apiHandler } from "@/lib/http/api";
import { exportQuerySchema } from "@/lib/complaints/schemas";
import { exportComplaints } from "@/lib/complaints/export";

export const GET = apiHandler(
  async ({ actor, query, t }) => {
    const file = await exportComplaints(actor, query, t);
    return new Response(file.body as BodyInit, {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.filename}"`,
        "cache-control": "no-store",
      },
    });
  },
  { query: exportQuerySchema },
);
