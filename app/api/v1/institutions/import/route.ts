// POST /api/v1/institutions/import?dryRun=true|false[&rows=2-50,53] — body: the CSV or XLSX file.
// JSON report; with `Accept: application/x-ndjson`, progress lines first, then the report.
import { apiHandler } from "@/lib/http/api";
import { errorResponse } from "@/lib/http/error-response";
import { parseInput } from "@/lib/validation";
import { ValidationError } from "@/lib/errors";
import { importInstitutions, MAX_IMPORT_BYTES, type ImportProgress } from "@/lib/facilities/import";
import { refuseUnreadableFile, translateImportReport } from "@/lib/facilities/report";
import { importQuerySchema } from "@/lib/facilities/schemas";

export const POST = apiHandler(
  async ({ actor, req, query: raw, t, requestId }) => {
    const query = parseInput(importQuerySchema, raw);
    // Refuse an oversized upload before reading it (the import checks the size it read, too).
    if (Number(req.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES) {
      throw new ValidationError({
        file: [{ key: "facilities.import.tooLarge", params: { max: `${MAX_IMPORT_BYTES / 2 ** 20} MB` } }],
      });
    }
    const bytes = new Uint8Array(await req.arrayBuffer());
    const options = { dryRun: query.dryRun === "true", rows: query.rows };
    const contentType = req.headers.get("content-type");
    if (!(req.headers.get("accept") ?? "").includes("application/x-ndjson")) {
      return translateImportReport(
        refuseUnreadableFile(await importInstitutions(actor, bytes, contentType, options)),
        t,
      );
    }
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (o: unknown) => controller.enqueue(encoder.encode(JSON.stringify(o) + "\n"));
        let last = 0;
        const onProgress = (p: ImportProgress) => {
          if (p.phase !== "done" && p.fraction - last < 0.01) return;
          last = p.fraction;
          send({ type: "progress", ...p });
        };
        try {
          const report = refuseUnreadableFile(
            await importInstitutions(actor, bytes, contentType, { ...options, onProgress }),
          );
          send({ type: "report", report: translateImportReport(report, t) });
        } catch (e) {
          send({ type: "error", ...(await errorResponse(e, t, requestId).json()) });
        }
        controller.close();
      },
    });
    return new Response(body, {
      headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" },
    });
  },
  { body: "file", query: importQuerySchema },
);
