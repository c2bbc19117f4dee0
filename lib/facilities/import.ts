// Bulk import of the roster from CSV (UTF-8 with or without BOM, or GB18030) or XLSX.
// Dry run: a report per row and counts of new / changed / unchanged / rejected. Apply: the
// valid rows (optionally only those chosen) in ONE transaction with set-based SQL — COPY into
// the tables or into temp tables, then UPDATE … FROM — with field-level history per
// institution and one audit entry for the import. Idempotent by code: re-importing the same
// file finds every row unchanged and writes nothing. See docs/decisions/005-roster.md.
import crypto from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { prisma } from "../db/client";
import { pgPool, withPgTransaction } from "../db/pg";
import { dispatchCacheEvent } from "../db/events";
import type { Actor } from "../auth/actor";
import { canDecideChangeRequest, canEditInstitution } from "../auth/policy";
import { ConflictError, ForbiddenError, InvalidStateError, NotFoundError, type MessageRef } from "../errors";
import { requireAnyRole } from "../auth/require-role";
import { loadRegionIndex, type RegionIndexEntry } from "../regions/lookup";
import { sortDiseases, todayCn, type ChronicDisease, type InstitutionStatus, type ServiceKind } from "./codes";
import { CsvParser } from "./csv";
import { decodeCsvBytes, looksLikeZip, type CsvEncoding } from "./encoding";
import { planHistory, planInstitution, REASONS, type ChangePlan, type CurrentInstitution } from "./plan";
import { COLUMN_OF, parseRecord, parseRowSelection, resolveHeader, type Column, type HeaderResolution, type ParsedRow } from "./row";
import { readXlsxRows, XLSX_CONTENT_TYPE } from "./xlsx";

export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;
const MAX_REPORTED_ERRORS = 10_000;
const MAX_REPORTED_ROWS = 1_000;
const FETCH_BATCH = 10_000;

export interface ImportProgress {
  phase: "read" | "check" | "write" | "done";
  done: number;
  total: number | null;
  /** Overall progress 0…1 for a progress bar. */
  fraction: number;
}

export interface ImportOptions {
  dryRun: boolean;
  /** Row numbers to apply, e.g. "2-50,53" (default: every valid row). */
  rows?: string;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportRowError {
  row: number;
  code: string | null;
  field: string;
  message: MessageRef;
}

export interface ImportReport {
  dryRun: boolean;
  format: "csv" | "xlsx" | null;
  encoding: CsvEncoding | null;
  columns: string[];
  ignoredColumns: string[];
  totalRows: number;
  counts: { new: number; changed: number; unchanged: number; rejected: number };
  errors: ImportRowError[];
  errorsTruncated: boolean;
  rows: { row: number; code: string; outcome: "new" | "changed"; fields: string[] }[];
  rowsTruncated: boolean;
  /** Rows written (apply only): new and changed among the chosen valid rows. */
  written: { new: number; changed: number };
  applied: boolean;
  importId: string | null;
  pendingChangeId: string | null;
  elapsedMs: number;
}

interface Candidate {
  row: number;
  code: string;
  /** The institution's id (a new one's is chosen here, so every table can be COPYed at once). */
  id: string;
  current: CurrentInstitution | null;
  plan: ChangePlan;
}

interface Analysis {
  report: ImportReport;
  candidates: Candidate[];
}

const WEIGHTS = { read: [0, 0.35], check: [0.35, 0.6], write: [0.6, 1] } as const;

function progressOf(phase: ImportProgress["phase"], done: number, total: number | null): ImportProgress {
  if (phase === "done") return { phase, done, total, fraction: 1 };
  const [a, b] = WEIGHTS[phase];
  const f = total ? Math.min(1, done / total) : 0;
  return { phase, done, total, fraction: a + (b - a) * f };
}

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

function emptyReport(dryRun: boolean): ImportReport {
  return {
    dryRun,
    format: null,
    encoding: null,
    columns: [],
    ignoredColumns: [],
    totalRows: 0,
    counts: { new: 0, changed: 0, unchanged: 0, rejected: 0 },
    errors: [],
    errorsTruncated: false,
    rows: [],
    rowsTruncated: false,
    written: { new: 0, changed: 0 },
    applied: false,
    importId: null,
    pendingChangeId: null,
    elapsedMs: 0,
  };
}

// ---- Reading the file --------------------------------------------------------------------

type RecordSource = { format: "csv" | "xlsx"; encoding: CsvEncoding | null; records: AsyncGenerator<{ row: number; values: string[] }>; size: number };

async function* csvRecords(text: string, onChars: (n: number) => void): AsyncGenerator<{ row: number; values: string[] }> {
  const parser = new CsvParser();
  const CHUNK = 1 << 20;
  let row = 0;
  for (let i = 0; i < text.length; i += CHUNK) {
    for (const values of parser.push(text.slice(i, i + CHUNK))) yield { row: ++row, values };
    onChars(Math.min(text.length, i + CHUNK));
    await yieldToLoop();
  }
  for (const values of parser.end()) yield { row: ++row, values };
}

function openSource(bytes: Uint8Array, contentType: string | null, onChars: (n: number) => void): RecordSource | MessageRef {
  if (bytes.length === 0) return { key: "facilities.import.empty" };
  if (bytes.length > MAX_IMPORT_BYTES) return { key: "facilities.import.tooLarge", params: { max: `${MAX_IMPORT_BYTES / 1024 / 1024} MB` } };
  const declaredXlsx = (contentType ?? "").toLowerCase().startsWith(XLSX_CONTENT_TYPE);
  if (looksLikeZip(bytes)) return { format: "xlsx", encoding: null, records: readXlsxRows(bytes), size: bytes.length };
  if (declaredXlsx) return { key: "facilities.import.badXlsx" };
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return { key: "facilities.import.wrongEncoding" };
  return { format: "csv", encoding: decoded.encoding, records: csvRecords(decoded.text, onChars), size: decoded.text.length };
}

// ---- Loading what exists -------------------------------------------------------------------

async function loadExisting(db: pg.ClientBase, codes: string[]): Promise<Map<string, CurrentInstitution>> {
  const out = new Map<string, CurrentInstitution>();
  for (let i = 0; i < codes.length; i += FETCH_BATCH) {
    const batch = codes.slice(i, i + FETCH_BATCH);
    const inst = await db.query<{
      id: string;
      code: string;
      name: string;
      short_name: string | null;
      type: CurrentInstitution["fields"]["type"];
      level: CurrentInstitution["fields"]["level"];
      grade: CurrentInstitution["fields"]["grade"];
      ownership: CurrentInstitution["fields"]["ownership"];
      region_code: string;
      address: string | null;
      phone: string | null;
      status: InstitutionStatus;
      status_since: string;
      designated_since: string;
      version: number;
    }>(
      `SELECT id::text AS id, code, name, short_name, type::text AS type, level::text AS level, grade::text AS grade,
              ownership::text AS ownership, region_code, address, phone, status::text AS status,
              to_char(status_since, 'YYYY-MM-DD') AS status_since, to_char(designated_since, 'YYYY-MM-DD') AS designated_since, version
         FROM institution WHERE code = ANY($1::text[])`,
      [batch],
    );
    if (!inst.rows.length) continue;
    const byId = new Map<string, CurrentInstitution>();
    for (const r of inst.rows) {
      const cur: CurrentInstitution = {
        id: r.id,
        code: r.code,
        fields: {
          name: r.name,
          shortName: r.short_name,
          type: r.type,
          level: r.level,
          grade: r.grade,
          ownership: r.ownership,
          regionCode: r.region_code,
          address: r.address,
          phone: r.phone,
          designatedSince: r.designated_since,
        },
        status: r.status,
        statusSince: r.status_since,
        openServices: [],
        lastClosedOn: {},
        version: r.version,
      };
      out.set(r.code, cur);
      byId.set(r.id, cur);
    }
    const services = await db.query<{ institution_id: string; id: string; service: ServiceKind; diseases: ChronicDisease[] | null; opened_on: string; closed_on: string | null }>(
      `SELECT institution_id::text AS institution_id, id::text AS id, service::text AS service, diseases::text[] AS diseases,
              to_char(opened_on, 'YYYY-MM-DD') AS opened_on, to_char(closed_on, 'YYYY-MM-DD') AS closed_on
         FROM institution_service WHERE institution_id = ANY($1::uuid[])`,
      [[...byId.keys()]],
    );
    for (const s of services.rows) {
      const cur = byId.get(s.institution_id)!;
      if (s.closed_on === null) {
        cur.openServices.push({ id: s.id, service: s.service, diseases: sortDiseases(s.diseases ?? []), openedOn: s.opened_on });
      } else if (!cur.lastClosedOn[s.service] || s.closed_on > cur.lastClosedOn[s.service]!) {
        cur.lastClosedOn[s.service] = s.closed_on;
      }
    }
  }
  return out;
}

// ---- Analysis (the dry run, also the first half of an apply) ---------------------------------

function regionIssue(code: string, regions: Map<string, RegionIndexEntry>): MessageRef | null {
  const r = regions.get(code);
  if (!r) return { key: "facilities.validation.unknownRegion", params: { code } };
  if (r.level !== "CITY" && r.level !== "COUNTY") return { key: "facilities.validation.regionLevel" };
  return null;
}

async function analyze(
  actor: Actor,
  bytes: Uint8Array,
  contentType: string | null,
  db: pg.ClientBase,
  dryRun: boolean,
  onProgress: (p: ImportProgress) => void,
): Promise<Analysis> {
  const report = emptyReport(dryRun);
  const errors: ImportRowError[] = [];
  const addError = (e: ImportRowError) => {
    if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
    else report.errorsTruncated = true;
  };
  let size = 0;
  const source = openSource(bytes, contentType, (n) => onProgress(progressOf("read", n, size)));
  if ("key" in source) {
    addError({ row: 0, code: null, field: "file", message: source });
    report.errors = errors;
    return { report, candidates: [] };
  }
  size = source.size;
  report.format = source.format;
  report.encoding = source.encoding;

  // 1. Read and parse every row.
  let header: HeaderResolution | null = null;
  const parsed: ParsedRow[] = [];
  try {
    for await (const { row, values } of source.records) {
      if (!header) {
        if (values.every((v) => !v.trim())) continue;
        header = resolveHeader(values);
        report.columns = header.columns;
        report.ignoredColumns = header.ignored;
        if (header.errors.length) {
          for (const e of header.errors) addError({ row, code: null, field: e.field, message: e.message });
          report.errors = errors;
          return { report, candidates: [] };
        }
        continue;
      }
      if (values.every((v) => !v.trim())) continue;
      if (parsed.length >= MAX_IMPORT_ROWS) {
        addError({ row: 0, code: null, field: "file", message: { key: "facilities.import.tooManyRows", params: { max: MAX_IMPORT_ROWS } } });
        report.errors = errors;
        return { report, candidates: [] };
      }
      parsed.push(parseRecord(row, values, header.index));
      if (source.format === "xlsx" && parsed.length % 5000 === 0) {
        onProgress(progressOf("read", 0, null));
        await yieldToLoop();
      }
    }
  } catch {
    addError({ row: 0, code: null, field: "file", message: { key: source.format === "xlsx" ? "facilities.import.badXlsx" : "facilities.import.wrongEncoding" } });
    report.errors = errors;
    return { report, candidates: [] };
  }
  if (!header) {
    addError({ row: 0, code: null, field: "file", message: { key: "facilities.import.noHeader" } });
    report.errors = errors;
    return { report, candidates: [] };
  }
  report.totalRows = parsed.length;
  onProgress(progressOf("check", 0, parsed.length));

  // 2. Codes repeated in the file: every occurrence is rejected (which one is right is unknowable).
  const rowsOfCode = new Map<string, number[]>();
  for (const p of parsed) if (p.code) rowsOfCode.set(p.code, [...(rowsOfCode.get(p.code) ?? []), p.row]);
  for (const p of parsed) {
    const rows = p.code ? rowsOfCode.get(p.code)! : [];
    if (rows.length > 1) {
      p.errors.push({ field: "code", message: { key: "facilities.import.duplicateInFile", params: { code: p.code!, rows: rows.join(", ") } } });
    }
  }

  // 3. Regions, existing rows (a batch at a time, so only changed rows keep theirs), scope and
  // the plan of each row.
  const regions = await loadRegionIndex();
  const today = todayCn();
  const candidates: Candidate[] = [];
  const counts = report.counts;
  let done = 0;
  let existing = new Map<string, CurrentInstitution>();
  for (const [index, p] of parsed.entries()) {
    if (index % FETCH_BATCH === 0) {
      const batch = parsed.slice(index, index + FETCH_BATCH);
      existing = await loadExisting(db, batch.filter((b) => b.code && !b.errors.some((e) => e.field === "code")).map((b) => b.code!));
    }
    const rowErrors: ImportRowError[] = p.errors.map((e) => ({ row: p.row, code: p.code, field: e.field, message: e.message }));
    const regionCode = p.desired.fields.regionCode;
    if (regionCode) {
      const issue = regionIssue(regionCode, regions);
      if (issue) rowErrors.push({ row: p.row, code: p.code, field: "region_code", message: issue });
    }
    if (!rowErrors.length && p.code) {
      const current = existing.get(p.code) ?? null;
      const { plan, issues } = planInstitution(p.code, current, p.desired, today, { status: REASONS.importStatus });
      for (const i of issues) rowErrors.push({ row: p.row, code: p.code, field: COLUMN_OF[i.field] as Column, message: i.message });
      if (plan && plan.changed.length + (plan.isNew ? 1 : 0) > 0) {
        // Only rows in the actor's region may be written: both where it is and where it goes.
        const inScope =
          canEditInstitution(actor, plan.fields.regionCode) && (!current || canEditInstitution(actor, current.fields.regionCode));
        if (!inScope) {
          rowErrors.push({
            row: p.row,
            code: p.code,
            field: "region_code",
            message: { key: "facilities.validation.outOfScope", params: { scope: actor.regionName } },
          });
        } else {
          candidates.push({ row: p.row, code: p.code, id: current?.id ?? crypto.randomUUID(), current, plan });
          if (plan.isNew) counts.new++;
          else counts.changed++;
          if (report.rows.length < MAX_REPORTED_ROWS) {
            report.rows.push({ row: p.row, code: p.code, outcome: plan.isNew ? "new" : "changed", fields: plan.isNew ? ["*"] : plan.changed });
          } else report.rowsTruncated = true;
        }
      } else if (plan) {
        counts.unchanged++;
      }
    }
    if (rowErrors.length) {
      counts.rejected++;
      for (const e of rowErrors) addError(e);
    }
    if (++done % 10_000 === 0) {
      onProgress(progressOf("check", done, parsed.length));
      await yieldToLoop();
    }
  }
  report.errors = errors;
  onProgress(progressOf("check", parsed.length, parsed.length));
  return { report, candidates };
}

// ---- Writing (set-based) ------------------------------------------------------------------------

/** COPY text format: backslash escapes, \N for null. */
function copyValue(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "\\N";
  return String(v).replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

type CopyRow = (string | number | null)[];

/** COPY … FROM STDIN of rows produced on the fly (nothing is materialised). Returns the row count. */
async function copyInto(db: pg.ClientBase, sql: string, rows: () => Iterable<CopyRow>): Promise<number> {
  let n = 0;
  function* lines() {
    let buf = "";
    for (const r of rows()) {
      n++;
      buf += r.map(copyValue).join("\t") + "\n";
      if (buf.length > 1 << 16) {
        yield buf;
        buf = "";
      }
    }
    if (buf) yield buf;
  }
  await pipeline(Readable.from(lines()), db.query(copyFrom(sql)));
  return n;
}

const pgArray = (xs: readonly string[]) => `{${xs.join(",")}}`;
const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

interface ApplyBy {
  actor: Actor;
  requestedBy?: { id: string; name: string } | null;
  changeRequestId?: string | null;
}

async function writeCandidates(
  db: pg.ClientBase,
  candidates: Candidate[],
  by: ApplyBy,
  importId: string,
  onProgress: (p: ImportProgress) => void,
): Promise<{ new: number; changed: number }> {
  const today = todayCn();
  const actorName = `${by.actor.displayName} (${by.actor.username})`;
  const steps = 7;
  let step = 0;
  const tick = async () => {
    onProgress(progressOf("write", ++step, steps));
    await yieldToLoop();
  };
  const created = candidates.filter((c) => c.plan.isNew);
  const changed = candidates.filter((c) => !c.plan.isNew);
  const statusChanged = (c: Candidate) => c.plan.statusChange !== null && !c.plan.isNew;

  await copyInto(
    db,
    `COPY institution (id, code, name, short_name, type, level, grade, ownership, region_code, address, phone,
                       status, status_since, status_reason, designated_since) FROM STDIN`,
    function* () {
      for (const c of created) {
        const f = c.plan.fields;
        const active = c.plan.status === "ACTIVE";
        yield [
          c.id, c.code, f.name, f.shortName, f.type, f.level, f.grade, f.ownership, f.regionCode, f.address, f.phone,
          c.plan.status, active ? f.designatedSince : today, active ? null : REASONS.importStatus, f.designatedSince,
        ];
      }
    },
  );
  await tick();

  if (changed.length) {
    await db.query(`CREATE TEMP TABLE tmp_institution (
      id uuid, version int, name text, short_name text, type text, level text, grade text, ownership text, region_code text,
      address text, phone text, designated_since date, status text, status_changed boolean, status_since date, status_reason text
    ) ON COMMIT DROP`);
    await copyInto(db, "COPY tmp_institution FROM STDIN", function* () {
      for (const c of changed) {
        const f = c.plan.fields;
        yield [
          c.id, c.current!.version, f.name, f.shortName, f.type, f.level, f.grade, f.ownership, f.regionCode, f.address, f.phone,
          f.designatedSince, c.plan.status, statusChanged(c) ? "t" : "f", today, REASONS.importStatus,
        ];
      }
    });
    const updated = await db.query(`
      UPDATE institution i
         SET name = t.name, short_name = t.short_name, type = t.type::"InstitutionType", level = t.level::"InstitutionLevel",
             grade = t.grade::"InstitutionGrade", ownership = t.ownership::"Ownership", region_code = t.region_code,
             address = t.address, phone = t.phone, designated_since = t.designated_since,
             status = t.status::"InstitutionStatus",
             status_since = CASE WHEN t.status_changed THEN t.status_since ELSE i.status_since END,
             status_reason = CASE WHEN t.status_changed THEN t.status_reason ELSE i.status_reason END,
             version = i.version + 1, updated_at = now()
        FROM tmp_institution t
       WHERE i.id = t.id AND i.version = t.version`);
    // Someone changed one of these institutions since it was read: start over rather than overwrite.
    if (updated.rowCount !== changed.length) throw new ConflictError("facilities.import.concurrentChange");
  }
  await tick();

  await copyInto(db, "COPY institution_status_event (institution_id, status, effective_on, reason, actor_name) FROM STDIN", function* () {
    for (const c of candidates) {
      if (c.plan.isNew) {
        yield [c.id, "ACTIVE", c.plan.fields.designatedSince, "定点", actorName];
        if (c.plan.status !== "ACTIVE") yield [c.id, c.plan.status, today, REASONS.importStatus, actorName];
      } else if (statusChanged(c)) {
        yield [c.id, c.plan.status, today, REASONS.importStatus, actorName];
      }
    }
  });
  await tick();

  // Closing and re-dating before opening: the partial unique index allows one open period per service.
  if (changed.some((c) => c.plan.close.length)) {
    await db.query("CREATE TEMP TABLE tmp_close (id uuid, closed_on date, close_reason text) ON COMMIT DROP");
    await copyInto(db, "COPY tmp_close FROM STDIN", function* () {
      for (const c of changed) for (const x of c.plan.close) yield [x.id, x.closedOn, x.reason];
    });
    await db.query(`UPDATE institution_service s SET closed_on = t.closed_on, close_reason = t.close_reason
                      FROM tmp_close t WHERE s.id = t.id AND s.closed_on IS NULL`);
  }
  if (changed.some((c) => c.plan.redate.length)) {
    await db.query("CREATE TEMP TABLE tmp_redate (id uuid, opened_on date) ON COMMIT DROP");
    await copyInto(db, "COPY tmp_redate FROM STDIN", function* () {
      for (const c of changed) for (const r of c.plan.redate) yield [r.id, r.to];
    });
    await db.query("UPDATE institution_service s SET opened_on = t.opened_on FROM tmp_redate t WHERE s.id = t.id");
  }
  await tick();

  await copyInto(db, "COPY institution_service (institution_id, service, diseases, opened_on) FROM STDIN", function* () {
    for (const c of candidates) {
      for (const o of c.plan.open) yield [c.id, o.service, o.service === "CHRONIC" ? pgArray(o.diseases) : "{}", o.openedOn];
    }
  });
  await tick();

  await copyInto(
    db,
    `COPY institution_history (institution_id, actor_id, actor_name, source, field, before, after, import_id, change_request_id, requested_by) FROM STDIN`,
    function* () {
      for (const c of candidates) {
        const source = c.plan.isNew ? "CREATE" : "IMPORT";
        for (const h of planHistory(c.plan, c.current, today, REASONS.importStatus)) {
          yield [c.id, by.actor.id, actorName, source, h.field, json(h.before), json(h.after), importId, by.changeRequestId ?? null, by.requestedBy?.name ?? null];
        }
      }
    },
  );
  await tick();
  return { new: created.length, changed: changed.length };
}

async function auditImport(db: pg.ClientBase, by: ApplyBy, importId: string, report: ImportReport): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (actor_id, actor_name, actor_region, action, entity_type, entity_id, entity_region, after)
     VALUES ($1::uuid, $2, $3, 'IMPORT', 'InstitutionImport', $4, $3, $5::jsonb)`,
    [
      by.actor.id,
      `${by.actor.displayName} (${by.actor.username})`,
      by.actor.regionCode,
      importId,
      JSON.stringify({
        format: report.format,
        encoding: report.encoding,
        totalRows: report.totalRows,
        counts: report.counts,
        written: report.written,
        ...(by.requestedBy && { requestedBy: by.requestedBy.name, changeRequestId: by.changeRequestId }),
      }),
    ],
  );
}

/** Serialises imports: two at once would each plan against rows the other is changing. */
const IMPORT_LOCK = 4_210_731;

async function applyInTransaction(
  db: pg.ClientBase,
  actor: Actor,
  bytes: Uint8Array,
  contentType: string | null,
  selection: ((row: number) => boolean) | null,
  by: ApplyBy,
  onProgress: (p: ImportProgress) => void,
): Promise<ImportReport> {
  await db.query("SELECT pg_advisory_xact_lock($1)", [IMPORT_LOCK]);
  const { report, candidates } = await analyze(actor, bytes, contentType, db, false, onProgress);
  const chosen = selection ? candidates.filter((c) => selection(c.row)) : candidates;
  const importId = crypto.randomUUID();
  report.importId = chosen.length ? importId : null;
  if (chosen.length) {
    report.written = await writeCandidates(db, chosen, by, importId, onProgress);
    report.applied = true;
    await auditImport(db, by, importId, report);
  }
  return report;
}

// ---- Entry points ---------------------------------------------------------------------------------

/**
 * Imports a roster file (`contentType`: text/csv or the XLSX type; sniffed from the bytes
 * anyway). `dryRun` (the default in the API) only reports. Otherwise the valid rows — or those
 * of `rows` — are written in one transaction, unless the bureau runs maker-checker: then the
 * file waits as a change request for another roster manager (report.pendingChangeId).
 */
export async function importInstitutions(actor: Actor, bytes: Uint8Array, contentType: string | null, options: ImportOptions): Promise<ImportReport> {
  requireAnyRole(actor, ["ROSTER_MANAGER"]);
  const started = Date.now();
  const onProgress = options.onProgress ?? (() => undefined);
  const selection = parseRowSelection(options.rows);
  let report: ImportReport;
  if (options.dryRun) {
    const client = await pgPool().connect();
    try {
      report = (await analyze(actor, bytes, contentType, client, true, onProgress)).report;
    } finally {
      client.release();
    }
  } else if (await makerCheckerOn(actor)) {
    const client = await pgPool().connect();
    let analysis: Analysis;
    try {
      analysis = await analyze(actor, bytes, contentType, client, false, onProgress);
    } finally {
      client.release();
    }
    report = analysis.report;
    const chosen = selection ? analysis.candidates.filter((c) => selection(c.row)) : analysis.candidates;
    if (chosen.length) report.pendingChangeId = await requestImport(actor, bytes, contentType, options.rows ?? null, report);
  } else {
    report = await withPgTransaction((db) => applyInTransaction(db, actor, bytes, contentType, selection, { actor }, onProgress));
    dispatchCacheEvent("roster");
    await analyzeAfterBulk(report);
  }
  report.elapsedMs = Date.now() - started;
  onProgress(progressOf("done", 1, 1));
  return report;
}

/** Fresh planner statistics after a bulk write, so searches do not wait for autovacuum. */
async function analyzeAfterBulk(report: ImportReport): Promise<void> {
  if (report.written.new + report.written.changed >= 10_000) await pgPool().query("ANALYZE institution, institution_service");
}

async function makerCheckerOn(actor: Actor): Promise<boolean> {
  const b = await prisma.bureau.findUnique({ where: { id: actor.bureauId }, select: { makerChecker: true } });
  return b?.makerChecker ?? false;
}

async function requestImport(actor: Actor, bytes: Uint8Array, contentType: string | null, rows: string | null, report: ImportReport): Promise<string> {
  return withPgTransaction(async (db) => {
    const id = crypto.randomUUID();
    await db.query(
      `INSERT INTO institution_change_request (id, kind, region_code, bureau_id, maker_id, maker_name, payload, file, summary)
       VALUES ($1::uuid, 'IMPORT', $2, $3::uuid, $4::uuid, $5, $6::jsonb, $7, $8::jsonb)`,
      [
        id,
        actor.regionCode,
        actor.bureauId,
        actor.id,
        `${actor.displayName} (${actor.username})`,
        JSON.stringify({ contentType, rows, format: report.format, bytes: bytes.length }),
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        JSON.stringify({ totalRows: report.totalRows, counts: report.counts }),
      ],
    );
    await db.query(
      `INSERT INTO audit_log (actor_id, actor_name, actor_region, action, entity_type, entity_id, entity_region, after)
       VALUES ($1::uuid, $2, $3, 'CHANGE_REQUESTED', 'InstitutionChangeRequest', $4, $3, $5::jsonb)`,
      [actor.id, `${actor.displayName} (${actor.username})`, actor.regionCode, id, JSON.stringify({ kind: "IMPORT", counts: report.counts })],
    );
    return id;
  });
}

/** The checker approves a pending import: the file is re-validated against today's roster and applied. */
export async function approveImportChange(actor: Actor, id: string, comment?: string, onProgress?: (p: ImportProgress) => void): Promise<ImportReport> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError("facilities.changeNotFound");
  const started = Date.now();
  const report = await withPgTransaction(async (db) => {
    const found = await db.query<{
      kind: string;
      state: string;
      bureau_id: string;
      maker_id: string;
      maker_name: string;
      region_code: string;
      payload: { contentType: string | null; rows: string | null };
      file: Buffer | null;
    }>(
      `SELECT kind::text AS kind, state::text AS state, bureau_id::text AS bureau_id, maker_id::text AS maker_id, maker_name,
              region_code, payload, file
         FROM institution_change_request WHERE id = $1::uuid FOR UPDATE`,
      [id],
    );
    const req = found.rows[0];
    if (!req || req.kind !== "IMPORT") throw new NotFoundError("facilities.changeNotFound");
    if (req.state !== "PENDING") throw new InvalidStateError("facilities.changeNotPending");
    if (req.maker_id === actor.id) throw new ForbiddenError("facilities.cannotApproveOwn");
    if (!canDecideChangeRequest(actor, { bureauId: req.bureau_id, makerId: req.maker_id, regionCode: req.region_code })) {
      throw new ForbiddenError("facilities.notChecker");
    }
    const by: ApplyBy = { actor, requestedBy: { id: req.maker_id, name: req.maker_name }, changeRequestId: id };
    const r = await applyInTransaction(
      db,
      actor,
      new Uint8Array(req.file ?? Buffer.alloc(0)),
      req.payload.contentType,
      parseRowSelection(req.payload.rows ?? undefined),
      by,
      onProgress ?? (() => undefined),
    );
    await db.query(
      `UPDATE institution_change_request
          SET state = 'APPROVED', checker_id = $2::uuid, checker_name = $3, decided_at = now(), comment = $4, file = NULL,
              summary = $5::jsonb
        WHERE id = $1::uuid`,
      [id, actor.id, `${actor.displayName} (${actor.username})`, comment?.trim() || null, JSON.stringify({ totalRows: r.totalRows, counts: r.counts, written: r.written, importId: r.importId })],
    );
    await db.query(
      `INSERT INTO audit_log (actor_id, actor_name, actor_region, action, entity_type, entity_id, entity_region, after)
       VALUES ($1::uuid, $2, $3, 'CHANGE_APPROVED', 'InstitutionChangeRequest', $4, $5, $6::jsonb)`,
      [actor.id, `${actor.displayName} (${actor.username})`, actor.regionCode, id, req.region_code, JSON.stringify({ kind: "IMPORT", maker: req.maker_name, importId: r.importId })],
    );
    return r;
  });
  dispatchCacheEvent("roster");
  await analyzeAfterBulk(report);
  report.elapsedMs = Date.now() - started;
  return report;
}
