// POST /api/v1/settlements/import — the CSV as the request body, streamed (never buffered).
// Bearer token (nightly push from a bureau system) or the session cookie (the import page).
import { apiHandler } from "@/lib/http/api";
import { importSettlements } from "@/lib/settlements/service";
import { importResultDto } from "@/lib/statistics/import-dto";
import { settlementImportQuerySchema } from "@/lib/statistics/schemas";

export const POST = apiHandler(
  async ({ req, actor, t, query }) => {
    const fileName = query.fileName ?? null;
    const body = req.body as unknown as AsyncIterable<Uint8Array> | null;
    const outcome = await importSettlements(actor, body, {
      source: req.headers.get("x-import-source") === "upload" ? "upload" : "api",
      fileName,
    });
    return importResultDto(outcome, t);
  },
  { body: "file", query: settlementImportQuerySchema },
);
