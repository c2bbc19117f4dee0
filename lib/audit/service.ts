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
    JSON.stringify(value, (key, v) => (REDACTED_KEYS.has(key) ? "[redacted]" : typeof v === "bigint" ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: input.actor?.id ?? null,
      actorName: input.actor ? `${input.actor.displayName} (${input.actor.username})` : "system",
      actorRegion: input.actor?.regionCode ?? null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      entityRegion: input.entityRegion ?? null,
      before: redact(input.before),
      after: redact(input.after),
      ip: input.ip ?? null,
    },
  });
}

/** Only the fields that changed, as { before, after } — what an auditor wants to read. */
export function diff<T extends Record<string, unknown>>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
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
