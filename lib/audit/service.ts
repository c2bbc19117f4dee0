// Writes audit entries. Called by every service inside the same transaction as its write,
// so a write and its audit record commit or roll back together.
import type { Tx } from "../db/client";
import type { Prisma } from "../db/client";
import type { Actor } from "../auth/actor";

export interface AuditInput {
  actor: Pick<Actor, "id" | "displayName" | "username" | "regionCode"> | null;
  action: string;
  entityType: string;
  entityId: string;
  entityRegion?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

/** Fields never written to the audit log, wherever they appear. */
const REDACTED_KEYS = new Set(["passwordHash", "password", "tokenHash", "secret", "newPassword", "currentPassword"]);

export function redact(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, v) =>
      REDACTED_KEYS.has(key) ? "[redacted]" : typeof v === "bigint" ? v.toString() : v,
    ),
  ) as Prisma.InputJsonValue;
}

/** How a person is named in the audit log and in makers/checkers columns: "张三 (zhangsan)". */
export function actorLabel(actor: Pick<Actor, "displayName" | "username">): string {
  return `${actor.displayName} (${actor.username})`;
}

/** The audit_log row of an entry: actor label, region and redaction applied once for both writers. */
export function auditRow(input: AuditInput) {
  return {
    actorId: input.actor?.id ?? null,
    actorName: input.actor ? actorLabel(input.actor) : "system",
    actorRegion: input.actor?.regionCode ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    entityRegion: input.entityRegion ?? null,
    before: redact(input.before),
    after: redact(input.after),
    ip: input.ip ?? null,
  };
}

/** Writes an entry through Prisma (a transaction client, so it commits with the write). */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditLog.create({ data: auditRow(input) });
}

/** A `pg` client inside a transaction (bulk paths that run on the plain pool). */
interface PgQueryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/** Writes the same entry as recordAudit on a plain `pg` client, for the COPY paths' transactions. */
export async function recordAuditPg(db: PgQueryable, input: AuditInput): Promise<void> {
  const r = auditRow(input);
  const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
  await db.query(
    `INSERT INTO audit_log (actor_id, actor_name, actor_region, action, entity_type, entity_id, entity_region, before, after, ip)
     VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10)`,
    [
      r.actorId,
      r.actorName,
      r.actorRegion,
      r.action,
      r.entityType,
      r.entityId,
      r.entityRegion,
      json(r.before),
      json(r.after),
      r.ip,
    ],
  );
}

/** Only the fields that changed, as { before, after } — what an auditor wants to read. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof T>) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
