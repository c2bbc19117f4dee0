// Bulk import of the roster from CSV (UTF-8 with or without BOM, or GB18030) or XLSX, in stages:
// read (import/read.ts) → analyze (import/analyze.ts) → write (import/write.ts); this file holds
// the entry points (dry run, apply, maker-checker request and approval).
// Dry run: a report per row and counts of new / changed / unchanged / rejected. Apply: the
// valid rows (optionally only those chosen) in ONE transaction with set-based SQL — COPY into
// the tables or into temp tables, then UPDATE … FROM — with field-level history per
// institution and one audit entry for the import. Idempotent by code: re-importing the same
// file finds every row unchanged and writes nothing. See docs/decisions/005-roster.md.
import crypto from "node:crypto";
import type pg from "pg";
import { pgPool, withPgTransaction } from "../db/pg";
import { dispatchCacheEvent } from "../db/events";
import { lockForTransaction } from "../db/locks";
import { actorLabel, recordAuditPg } from "../audit/service";
import type { Actor } from "../auth/actor";
import { canDecideChangeRequest } from "../auth/policy";
import { requireAnyRole } from "../auth/require-role";
import { ForbiddenError, InvalidStateError, NotFoundError } from "../errors";
import { parseRowSelection } from "./row";
import { makerCheckerOn } from "./maker-checker";
import { analyze } from "./import/analyze";
import { progressOf, type Analysis, type ImportOptions, type ImportProgress, type ImportReport } from "./import/report";
import { auditImport, writeCandidates, type ApplyBy } from "./import/write";

export { MAX_IMPORT_BYTES, type ImportProgress, type ImportReport } from "./import/report";

async function applyInTransaction(
  db: pg.ClientBase,
  actor: Actor,
  bytes: Uint8Array,
  contentType: string | null,
  selection: ((row: number) => boolean) | null,
  by: ApplyBy,
  onProgress: (p: ImportProgress) => void,
): Promise<ImportReport> {
  await lockForTransaction(db, "rosterImport");
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
export async function importInstitutions(
  actor: Actor,
  bytes: Uint8Array,
  contentType: string | null,
  options: ImportOptions,
): Promise<ImportReport> {
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
    if (chosen.length)
      report.pendingChangeId = await requestImport(actor, bytes, contentType, options.rows ?? null, report);
  } else {
    report = await withPgTransaction((db) =>
      applyInTransaction(db, actor, bytes, contentType, selection, { actor }, onProgress),
    );
    dispatchCacheEvent("roster");
    await analyzeAfterBulk(report);
  }
  report.elapsedMs = Date.now() - started;
  onProgress(progressOf("done", 1, 1));
  return report;
}

/** Fresh planner statistics after a bulk write, so searches do not wait for autovacuum. */
async function analyzeAfterBulk(report: ImportReport): Promise<void> {
  if (report.written.new + report.written.changed >= 10_000)
    await pgPool().query("ANALYZE institution, institution_service");
}

async function requestImport(
  actor: Actor,
  bytes: Uint8Array,
  contentType: string | null,
  rows: string | null,
  report: ImportReport,
): Promise<string> {
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
        actorLabel(actor),
        JSON.stringify({ contentType, rows, format: report.format, bytes: bytes.length }),
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        JSON.stringify({ totalRows: report.totalRows, counts: report.counts }),
      ],
    );
    await recordAuditPg(db, {
      actor,
      action: "CHANGE_REQUESTED",
      entityType: "InstitutionChangeRequest",
      entityId: id,
      entityRegion: actor.regionCode,
      after: { kind: "IMPORT", counts: report.counts },
    });
    return id;
  });
}

/** The checker approves a pending import: the file is re-validated against today's roster and applied. */
export async function approveImportChange(
  actor: Actor,
  id: string,
  comment?: string,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportReport> {
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
    if (
      !canDecideChangeRequest(actor, { bureauId: req.bureau_id, makerId: req.maker_id, regionCode: req.region_code })
    ) {
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
      [
        id,
        actor.id,
        actorLabel(actor),
        comment?.trim() || null,
        JSON.stringify({ totalRows: r.totalRows, counts: r.counts, written: r.written, importId: r.importId }),
      ],
    );
    await recordAuditPg(db, {
      actor,
      action: "CHANGE_APPROVED",
      entityType: "InstitutionChangeRequest",
      entityId: id,
      entityRegion: req.region_code,
      after: { kind: "IMPORT", maker: req.maker_name, importId: r.importId },
    });
    return r;
  });
  dispatchCacheEvent("roster");
  await analyzeAfterBulk(report);
  report.elapsedMs = Date.now() - started;
  return report;
}
