// The analyze stage of a roster import (the dry run, also the first half of an apply): every
// row parsed, codes repeated in the file rejected, each row planned against the institution as
// it is (loaded a batch at a time) and checked against the actor's region.
import crypto from "node:crypto";
import type pg from "pg";
import type { Actor } from "../../auth/actor";
import { canEditInstitution } from "../../auth/policy";
import type { MessageRef } from "../../errors";
import { loadRegionIndex, type RegionIndexEntry } from "../../regions/lookup";
import { sortDiseases, todayCn, type ChronicDisease, type InstitutionStatus, type ServiceKind } from "../codes";
import { planInstitution, REASONS, type CurrentInstitution } from "../plan";
import { COLUMN_OF, parseRecord, resolveHeader, type Column, type HeaderResolution, type ParsedRow } from "../row";
import { fieldsFromSql, sqlSelectList } from "../fields";
import { openSource, type RecordSource } from "./read";
import {
  emptyReport,
  FETCH_BATCH,
  MAX_IMPORT_ROWS,
  MAX_REPORTED_ERRORS,
  MAX_REPORTED_ROWS,
  progressOf,
  yieldToLoop,
  type Analysis,
  type Candidate,
  type ImportProgress,
  type ImportReport,
  type ImportRowError,
} from "./report";

// ---- Loading what exists -------------------------------------------------------------------

async function loadExisting(db: pg.ClientBase, codes: string[]): Promise<Map<string, CurrentInstitution>> {
  const out = new Map<string, CurrentInstitution>();
  for (let i = 0; i < codes.length; i += FETCH_BATCH) {
    const batch = codes.slice(i, i + FETCH_BATCH);
    const inst = await db.query<
      { id: string; code: string; status: InstitutionStatus; status_since: string; version: number } & Record<
        string,
        unknown
      >
    >(
      `SELECT i.id::text AS id, i.code, ${sqlSelectList("i")}, i.status::text AS status,
              to_char(i.status_since, 'YYYY-MM-DD') AS status_since, i.version
         FROM institution i WHERE i.code = ANY($1::text[])`,
      [batch],
    );
    if (!inst.rows.length) continue;
    const byId = new Map<string, CurrentInstitution>();
    for (const r of inst.rows) {
      const cur: CurrentInstitution = {
        id: r.id,
        code: r.code,
        fields: fieldsFromSql(r),
        status: r.status,
        statusSince: r.status_since,
        openServices: [],
        lastClosedOn: {},
        version: r.version,
      };
      out.set(r.code, cur);
      byId.set(r.id, cur);
    }
    const services = await db.query<{
      institution_id: string;
      id: string;
      service: ServiceKind;
      diseases: ChronicDisease[] | null;
      opened_on: string;
      closed_on: string | null;
    }>(
      `SELECT institution_id::text AS institution_id, id::text AS id, service::text AS service, diseases::text[] AS diseases,
              to_char(opened_on, 'YYYY-MM-DD') AS opened_on, to_char(closed_on, 'YYYY-MM-DD') AS closed_on
         FROM institution_service WHERE institution_id = ANY($1::uuid[])`,
      [[...byId.keys()]],
    );
    for (const s of services.rows) {
      const cur = byId.get(s.institution_id)!;
      if (s.closed_on === null) {
        cur.openServices.push({
          id: s.id,
          service: s.service,
          diseases: sortDiseases(s.diseases ?? []),
          openedOn: s.opened_on,
        });
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

/** Collects row errors up to MAX_REPORTED_ERRORS (then only notes the truncation). */
class ErrorList {
  readonly errors: ImportRowError[] = [];
  constructor(private readonly report: ImportReport) {}
  add(e: ImportRowError): void {
    if (this.errors.length < MAX_REPORTED_ERRORS) this.errors.push(e);
    else this.report.errorsTruncated = true;
  }
}

/** Stage 1: every record parsed against the header; a file-level problem ends the analysis (null). */
async function readRows(
  source: RecordSource,
  report: ImportReport,
  errors: ErrorList,
  onProgress: (p: ImportProgress) => void,
): Promise<ParsedRow[] | null> {
  let header: HeaderResolution | null = null;
  const parsed: ParsedRow[] = [];
  const fileError = (message: MessageRef) => {
    errors.add({ row: 0, code: null, field: "file", message });
    return null;
  };
  try {
    for await (const { row, values } of source.records) {
      if (values.every((v) => !v.trim())) continue;
      if (!header) {
        header = resolveHeader(values);
        report.columns = header.columns;
        report.ignoredColumns = header.ignored;
        if (!header.errors.length) continue;
        for (const e of header.errors) errors.add({ row, code: null, field: e.field, message: e.message });
        return null;
      }
      if (parsed.length >= MAX_IMPORT_ROWS)
        return fileError({ key: "facilities.import.tooManyRows", params: { max: MAX_IMPORT_ROWS } });
      parsed.push(parseRecord(row, values, header.index));
      if (source.format === "xlsx" && parsed.length % 5000 === 0) {
        onProgress(progressOf("read", 0, null));
        await yieldToLoop();
      }
    }
  } catch {
    return fileError({
      key: source.format === "xlsx" ? "facilities.import.badXlsx" : "facilities.import.wrongEncoding",
    });
  }
  return header ? parsed : fileError({ key: "facilities.import.noHeader" });
}

/** Stage 2: codes repeated in the file — every occurrence is rejected (which one is right is unknowable). */
function rejectRepeatedCodes(parsed: ParsedRow[]): void {
  const rowsOfCode = new Map<string, number[]>();
  for (const p of parsed) if (p.code) rowsOfCode.set(p.code, [...(rowsOfCode.get(p.code) ?? []), p.row]);
  for (const p of parsed) {
    const rows = p.code ? rowsOfCode.get(p.code)! : [];
    if (rows.length > 1) {
      p.errors.push({
        field: "code",
        message: { key: "facilities.import.duplicateInFile", params: { code: p.code!, rows: rows.join(", ") } },
      });
    }
  }
}

interface PlanContext {
  actor: Actor;
  regions: Map<string, RegionIndexEntry>;
  today: string;
  report: ImportReport;
  candidates: Candidate[];
}

/** Stage 3 for one row: region, plan against the institution as it is, scope; its errors. */
function planRow(ctx: PlanContext, p: ParsedRow, current: CurrentInstitution | null): ImportRowError[] {
  const rowErrors: ImportRowError[] = p.errors.map((e) => ({
    row: p.row,
    code: p.code,
    field: e.field,
    message: e.message,
  }));
  const regionCode = p.desired.fields.regionCode;
  const issue = regionCode ? regionIssue(regionCode, ctx.regions) : null;
  if (issue) rowErrors.push({ row: p.row, code: p.code, field: "region_code", message: issue });
  if (rowErrors.length || !p.code) return rowErrors;
  const { plan, issues } = planInstitution(p.code, current, p.desired, ctx.today, { status: REASONS.importStatus });
  for (const i of issues)
    rowErrors.push({ row: p.row, code: p.code, field: COLUMN_OF[i.field] as Column, message: i.message });
  if (!plan) return rowErrors;
  const { report } = ctx;
  if (plan.changed.length + (plan.isNew ? 1 : 0) === 0) {
    report.counts.unchanged++;
    return rowErrors;
  }
  // Only rows in the actor's region may be written: both where it is and where it goes.
  if (
    !canEditInstitution(ctx.actor, plan.fields.regionCode) ||
    (current && !canEditInstitution(ctx.actor, current.fields.regionCode))
  ) {
    rowErrors.push({
      row: p.row,
      code: p.code,
      field: "region_code",
      message: { key: "facilities.validation.outOfScope", params: { scope: ctx.actor.regionName } },
    });
    return rowErrors;
  }
  ctx.candidates.push({ row: p.row, code: p.code, id: current?.id ?? crypto.randomUUID(), current, plan });
  if (plan.isNew) report.counts.new++;
  else report.counts.changed++;
  if (report.rows.length < MAX_REPORTED_ROWS) {
    report.rows.push({
      row: p.row,
      code: p.code,
      outcome: plan.isNew ? "new" : "changed",
      fields: plan.isNew ? ["*"] : plan.changed,
    });
  } else report.rowsTruncated = true;
  return rowErrors;
}

/** Reads, checks and plans a roster file: the report, and the rows that would be written. */
export async function analyze(
  actor: Actor,
  bytes: Uint8Array,
  contentType: string | null,
  db: pg.ClientBase,
  dryRun: boolean,
  onProgress: (p: ImportProgress) => void,
): Promise<Analysis> {
  const report = emptyReport(dryRun);
  const errors = new ErrorList(report);
  const done = (candidates: Candidate[]): Analysis => {
    report.errors = errors.errors;
    return { report, candidates };
  };
  let size = 0;
  const source = openSource(bytes, contentType, (n) => onProgress(progressOf("read", n, size)));
  if ("key" in source) {
    errors.add({ row: 0, code: null, field: "file", message: source });
    return done([]);
  }
  size = source.size;
  report.format = source.format;
  report.encoding = source.encoding;
  const parsed = await readRows(source, report, errors, onProgress);
  if (!parsed) return done([]);
  report.totalRows = parsed.length;
  onProgress(progressOf("check", 0, parsed.length));
  rejectRepeatedCodes(parsed);

  // Existing rows a batch at a time, so only changed rows keep theirs.
  const ctx: PlanContext = { actor, regions: await loadRegionIndex(), today: todayCn(), report, candidates: [] };
  let existing = new Map<string, CurrentInstitution>();
  for (const [index, p] of parsed.entries()) {
    if (index % FETCH_BATCH === 0) {
      const batch = parsed.slice(index, index + FETCH_BATCH);
      existing = await loadExisting(
        db,
        batch.filter((b) => b.code && !b.errors.some((e) => e.field === "code")).map((b) => b.code!),
      );
    }
    const rowErrors = planRow(ctx, p, p.code ? (existing.get(p.code) ?? null) : null);
    if (rowErrors.length) {
      report.counts.rejected++;
      for (const e of rowErrors) errors.add(e);
    }
    if ((index + 1) % 10_000 === 0) {
      onProgress(progressOf("check", index + 1, parsed.length));
      await yieldToLoop();
    }
  }
  onProgress(progressOf("check", parsed.length, parsed.length));
  return done(ctx.candidates);
}
