// The write stage of a roster import: the chosen rows in set-based SQL — COPY into the tables or
// into temp tables, then UPDATE … FROM under each row's version — with field-level history and
// one audit entry for the import.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { actorLabel, recordAuditPg } from "../../audit/service";
import type { Actor } from "../../auth/actor";
import { ConflictError } from "../../errors";
import { todayCn } from "../codes";
import { copyValues, SQL_ASSIGNMENTS, SQL_COLUMNS, TEMP_COLUMNS } from "../fields";
import { planHistory, REASONS } from "../plan";
import { progressOf, yieldToLoop, type Candidate, type ImportProgress, type ImportReport } from "./report";

// ---- Writing (set-based) ------------------------------------------------------------------------

/** COPY text format: backslash escapes, \N for null. */
function copyValue(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "\\N";
  return String(v).replace(/[\\\t\n\r]/g, (c) =>
    c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
  );
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

export interface ApplyBy {
  actor: Actor;
  requestedBy?: { id: string; name: string } | null;
  changeRequestId?: string | null;
}

/** What every step writes with: the import's day, actor and id. */
interface WriteContext {
  db: pg.ClientBase;
  today: string;
  actorName: string;
  by: ApplyBy;
  importId: string;
}

const statusChanged = (c: Candidate) => c.plan.statusChange !== null && !c.plan.isNew;

async function insertCreated({ db, today }: WriteContext, created: Candidate[]): Promise<void> {
  await copyInto(
    db,
    `COPY institution (id, code, ${SQL_COLUMNS.join(", ")}, status, status_since, status_reason) FROM STDIN`,
    function* () {
      for (const c of created) {
        const f = c.plan.fields;
        const active = c.plan.status === "ACTIVE";
        yield [
          c.id,
          c.code,
          ...copyValues(f),
          c.plan.status,
          active ? f.designatedSince : today,
          active ? null : REASONS.importStatus,
        ];
      }
    },
  );
}

/** Changed institutions under the version the analysis read: anything else is a conflict. */
async function updateChanged({ db, today }: WriteContext, changed: Candidate[]): Promise<void> {
  if (changed.length) {
    await db.query(`CREATE TEMP TABLE tmp_institution (
      id uuid, version int, ${TEMP_COLUMNS}, status text, status_changed boolean, status_since date, status_reason text
    ) ON COMMIT DROP`);
    await copyInto(db, "COPY tmp_institution FROM STDIN", function* () {
      for (const c of changed) {
        const f = c.plan.fields;
        yield [
          c.id,
          c.current!.version,
          ...copyValues(f),
          c.plan.status,
          statusChanged(c) ? "t" : "f",
          today,
          REASONS.importStatus,
        ];
      }
    });
    const updated = await db.query(`
      UPDATE institution i
         SET ${SQL_ASSIGNMENTS},
             status = t.status::"InstitutionStatus",
             status_since = CASE WHEN t.status_changed THEN t.status_since ELSE i.status_since END,
             status_reason = CASE WHEN t.status_changed THEN t.status_reason ELSE i.status_reason END,
             version = i.version + 1, updated_at = now()
        FROM tmp_institution t
       WHERE i.id = t.id AND i.version = t.version`);
    // Someone changed one of these institutions since it was read: start over rather than overwrite.
    if (updated.rowCount !== changed.length) throw new ConflictError("facilities.import.concurrentChange");
  }
}

async function insertStatusEvents({ db, today, actorName }: WriteContext, candidates: Candidate[]): Promise<void> {
  await copyInto(
    db,
    "COPY institution_status_event (institution_id, status, effective_on, reason, actor_name) FROM STDIN",
    function* () {
      for (const c of candidates) {
        if (c.plan.isNew) {
          yield [c.id, "ACTIVE", c.plan.fields.designatedSince, REASONS.designated, actorName];
          if (c.plan.status !== "ACTIVE") yield [c.id, c.plan.status, today, REASONS.importStatus, actorName];
        } else if (statusChanged(c)) {
          yield [c.id, c.plan.status, today, REASONS.importStatus, actorName];
        }
      }
    },
  );
}

/** Closing and re-dating before opening: the partial unique index allows one open period per service. */
async function closeAndRedate({ db }: WriteContext, changed: Candidate[]): Promise<void> {
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
}

async function openServices({ db }: WriteContext, candidates: Candidate[]): Promise<void> {
  await copyInto(
    db,
    "COPY institution_service (institution_id, service, diseases, opened_on) FROM STDIN",
    function* () {
      for (const c of candidates) {
        for (const o of c.plan.open)
          yield [c.id, o.service, o.service === "CHRONIC" ? pgArray(o.diseases) : "{}", o.openedOn];
      }
    },
  );
}

async function insertHistory(
  { db, today, actorName, by, importId }: WriteContext,
  candidates: Candidate[],
): Promise<void> {
  await copyInto(
    db,
    `COPY institution_history (institution_id, actor_id, actor_name, source, field, before, after, import_id, change_request_id, requested_by) FROM STDIN`,
    function* () {
      for (const c of candidates) {
        const source = c.plan.isNew ? "CREATE" : "IMPORT";
        for (const h of planHistory(c.plan, c.current, today, REASONS.importStatus)) {
          yield [
            c.id,
            by.actor.id,
            actorName,
            source,
            h.field,
            json(h.before),
            json(h.after),
            importId,
            by.changeRequestId ?? null,
            by.requestedBy?.name ?? null,
          ];
        }
      }
    },
  );
}

/** Writes the chosen rows, table by table, reporting progress after each step. */
export async function writeCandidates(
  db: pg.ClientBase,
  candidates: Candidate[],
  by: ApplyBy,
  importId: string,
  onProgress: (p: ImportProgress) => void,
): Promise<{ new: number; changed: number }> {
  const ctx: WriteContext = { db, today: todayCn(), actorName: actorLabel(by.actor), by, importId };
  const created = candidates.filter((c) => c.plan.isNew);
  const changed = candidates.filter((c) => !c.plan.isNew);
  const steps = [
    () => insertCreated(ctx, created),
    () => updateChanged(ctx, changed),
    () => insertStatusEvents(ctx, candidates),
    () => closeAndRedate(ctx, changed),
    () => openServices(ctx, candidates),
    () => insertHistory(ctx, candidates),
  ];
  for (const [i, step] of steps.entries()) {
    await step();
    onProgress(progressOf("write", i + 1, 7));
    await yieldToLoop();
  }
  return { new: created.length, changed: changed.length };
}

export async function auditImport(
  db: pg.ClientBase,
  by: ApplyBy,
  importId: string,
  report: ImportReport,
): Promise<void> {
  await recordAuditPg(db, {
    actor: by.actor,
    action: "IMPORT",
    entityType: "InstitutionImport",
    entityId: importId,
    entityRegion: by.actor.regionCode,
    after: {
      format: report.format,
      encoding: report.encoding,
      totalRows: report.totalRows,
      counts: report.counts,
      written: report.written,
      ...(by.requestedBy && { requestedBy: by.requestedBy.name, changeRequestId: by.changeRequestId }),
    },
  });
}
