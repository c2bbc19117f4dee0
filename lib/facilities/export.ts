// Export of the roster under the grid's current filter, as CSV (UTF-8 with BOM, so Excel on
// Chinese Windows opens it) or XLSX, in exactly the import format: an export re-imports
// unchanged. Streamed from a server-side cursor in a read-only snapshot (on a read replica when
// one is fit), so 100,000 rows never sit in memory.
import { Readable } from "node:stream";
import { regionParamPrefixes } from "../regions/groups/queries";
import type { Actor } from "../auth/actor";
import { connectForRead } from "../db/replicas";
import { parseInput } from "../validation";
import { formatServices, todayCn, type ChronicDisease, type ServiceKind } from "./codes";
import { csvLine } from "./csv";
import { filterConditions, orderBy } from "./summary-sql";
import { COLUMNS } from "./row";
import { exportQuerySchema } from "./schemas";
import { writeXlsx, XLSX_CONTENT_TYPE } from "./xlsx";

export interface ExportFile {
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
}

const FETCH = 2_000;

/** Rows of the filter in export column order, fetched through a cursor. */
async function* exportRows(
  actor: Actor,
  filter: Parameters<typeof filterConditions>[0] & Parameters<typeof orderBy>[0],
): AsyncGenerator<string[]> {
  const where = filterConditions(filter);
  // An export: from a read replica when one is fit (lib/db/replicas.ts).
  const client = await connectForRead(actor);
  let open = false;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    open = true;
    await client.query(
      `DECLARE roster_export NO SCROLL CURSOR FOR
       SELECT i.code, i.name, i.short_name, i.type::text AS type, i.level::text AS level, i.grade::text AS grade,
              i.ownership::text AS ownership, i.region_code, i.address, i.phone, i.status::text AS status,
              to_char(i.designated_since, 'YYYY-MM-DD') AS designated_since,
              (SELECT json_agg(json_build_object('service', s.service, 'diseases', s.diseases, 'openedOn', to_char(s.opened_on, 'YYYY-MM-DD')))
                 FROM institution_service s WHERE s.institution_id = i.id AND s.closed_on IS NULL) AS services
         FROM institution i
        WHERE ${where.text}
        ORDER BY ${orderBy(filter).text}`,
      where.values as unknown[],
    );
    for (;;) {
      const { rows } = await client.query<{
        code: string;
        name: string;
        short_name: string | null;
        type: string;
        level: string;
        grade: string | null;
        ownership: string;
        region_code: string;
        address: string | null;
        phone: string | null;
        status: string;
        designated_since: string;
        services: { service: ServiceKind; diseases: ChronicDisease[] | null; openedOn: string }[] | null;
      }>(`FETCH ${FETCH} FROM roster_export`);
      for (const r of rows) {
        yield [
          r.code,
          r.name,
          r.short_name ?? "",
          r.type,
          r.level,
          r.grade ?? "",
          r.ownership,
          r.region_code,
          r.address ?? "",
          r.phone ?? "",
          r.status,
          r.designated_since,
          formatServices((r.services ?? []).map((s) => ({ ...s, diseases: s.diseases ?? [] }))),
        ];
      }
      if (rows.length < FETCH) break;
    }
    await client.query("COMMIT");
    open = false;
  } finally {
    if (open) await client.query("ROLLBACK").catch(() => undefined);
    client.release();
  }
}

async function* csvChunks(rows: AsyncIterable<string[]>): AsyncGenerator<Buffer> {
  let buf = "\ufeff" + csvLine(COLUMNS);
  for await (const r of rows) {
    buf += csvLine(r);
    if (buf.length > 1 << 16) {
      yield Buffer.from(buf, "utf8");
      buf = "";
    }
  }
  if (buf) yield Buffer.from(buf, "utf8");
}

/**
 * The institutions matching `rawFilter` (the grid's filter: q, region, type, level, grade,
 * ownership, status, service, disease, sort, order; `format` there or as the argument) as a
 * CSV or XLSX file in the import format.
 * The roster is public: every signed-in user may export it.
 */
export async function exportInstitutions(
  actor: Actor,
  rawFilter: unknown,
  format?: "csv" | "xlsx",
): Promise<ExportFile> {
  const parsed = parseInput(exportQuerySchema, { ...(rawFilter as object), ...(format && { format }) });
  const filter = { ...parsed, regionPrefixes: await regionParamPrefixes(actor, parsed.region, "region") };
  const stamp = todayCn().replaceAll("-", "");
  const rows = exportRows(actor, filter);
  if (filter.format === "xlsx") {
    return {
      filename: `institutions-${stamp}.xlsx`,
      contentType: XLSX_CONTENT_TYPE,
      body: Readable.toWeb(writeXlsx("institutions", [...COLUMNS], rows)) as ReadableStream<Uint8Array>,
    };
  }
  return {
    filename: `institutions-${stamp}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: Readable.toWeb(Readable.from(csvChunks(rows))) as ReadableStream<Uint8Array>,
  };
}
