// The steps every roster write shares: who writes (WriteBy), loading an institution's current
// state (optionally locked), the checks on the actor, the region and the version, and the
// field-level history rows and the audit record of a write.
import { type Tx } from "../db/client";
import type { Prisma } from "../db/client";
import type { Actor } from "../auth/actor";
import { canEditInstitution } from "../auth/policy";
import { actorLabel, recordAudit } from "../audit/service";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from "../errors";
import { requireRegion } from "../regions/queries";
import { INSTITUTION_CODE_RE, isoDate, normalizeCode, sortDiseases, type ServiceKind } from "./codes";
import { type CurrentInstitution, type HistoryInput, type PlanIssue } from "./plan";
import { FIELD_SELECT, fieldsFromPrisma } from "./fields";
import { requireAnyRole } from "../auth/require-role";

/** Who applies a write: the actor, and under maker-checker the maker they approve for. */
export interface WriteBy {
  actor: Actor;
  requestedBy?: { id: string; name: string } | null;
  changeRequestId?: string | null;
}

// ---- Loading the current state -----------------------------------------------------------

export interface Loaded extends CurrentInstitution {
  name: string;
}

async function loadCurrent(db: Tx, code: string, forUpdate = false): Promise<Loaded | null> {
  const c = normalizeCode(code);
  if (!INSTITUTION_CODE_RE.test(c)) return null;
  if (forUpdate) await db.$queryRaw`SELECT 1 FROM institution WHERE code = ${c} FOR UPDATE`;
  const row = await db.institution.findUnique({
    where: { code: c },
    select: {
      id: true,
      code: true,
      ...FIELD_SELECT,
      status: true,
      statusSince: true,
      version: true,
      services: { select: { id: true, service: true, diseases: true, openedOn: true, closedOn: true } },
    },
  });
  if (!row) return null;
  const lastClosedOn: Partial<Record<ServiceKind, string>> = {};
  for (const s of row.services) {
    if (!s.closedOn) continue;
    const d = isoDate(s.closedOn);
    if (!lastClosedOn[s.service] || d > lastClosedOn[s.service]!) lastClosedOn[s.service] = d;
  }
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    fields: fieldsFromPrisma(row),
    status: row.status,
    statusSince: isoDate(row.statusSince),
    openServices: row.services
      .filter((s) => !s.closedOn)
      .map((s) => ({
        id: s.id,
        service: s.service,
        diseases: sortDiseases(s.diseases),
        openedOn: isoDate(s.openedOn),
      })),
    lastClosedOn,
    version: row.version,
  };
}

export async function requireCurrent(db: Tx, code: string, forUpdate = false): Promise<Loaded> {
  const current = await loadCurrent(db, code, forUpdate);
  if (!current) throw new NotFoundError("facilities.notFound", { code });
  return current;
}

/** An institution's region: an existing city or county. */
export async function checkRegion(regionCode: string): Promise<void> {
  const region = await requireRegion(regionCode).catch(() => null);
  if (!region)
    throw new ValidationError({
      regionCode: [{ key: "facilities.validation.unknownRegion", params: { code: regionCode } }],
    });
  if (region.level !== "CITY" && region.level !== "COUNTY") {
    throw new ValidationError({ regionCode: [{ key: "facilities.validation.regionLevel" }] });
  }
}

export function requireRosterManager(actor: Actor): void {
  requireAnyRole(actor, ["ROSTER_MANAGER"]);
}

export function requireEditor(actor: Actor, regionCode: string): void {
  requireRosterManager(actor);
  if (!canEditInstitution(actor, regionCode)) throw new ForbiddenError("facilities.outOfScope");
}

export function issuesToError(issues: PlanIssue[]): ValidationError {
  const fe: FieldErrors = {};
  for (const i of issues) (fe[i.field] ??= []).push(i.message);
  return new ValidationError(fe);
}

export function checkVersion(current: { version: number }, expected: number | null | undefined): void {
  if (expected != null && current.version !== expected) throw new ConflictError();
}

// ---- Writing history and audit ------------------------------------------------------------

export async function writeHistory(
  tx: Tx,
  institutionId: string,
  by: WriteBy,
  source: string,
  entries: HistoryInput[],
): Promise<void> {
  if (!entries.length) return;
  await tx.institutionHistory.createMany({
    data: entries.map((e) => ({
      institutionId,
      actorId: by.actor.id,
      actorName: actorLabel(by.actor),
      source,
      field: e.field,
      before: (e.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (e.after ?? undefined) as Prisma.InputJsonValue | undefined,
      changeRequestId: by.changeRequestId ?? null,
      requestedBy: by.requestedBy?.name ?? null,
    })),
  });
}

/**
 * Sets `data` and bumps the version of the institution as it was read; another write since
 * (another version) → ConflictError, and the caller's transaction rolls back.
 */
export async function bumpVersion(
  tx: Tx,
  current: { id: string; version: number },
  data: Prisma.InstitutionUpdateManyMutationInput = {},
): Promise<void> {
  const { count } = await tx.institution.updateMany({
    where: { id: current.id, version: current.version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError();
}

/**
 * The audit record of a write on one institution (`entityRegion`: the region in `fields`, after
 * the write). Applied for a maker under maker-checker, `after` also names the maker.
 */
export async function auditInstitution(
  tx: Tx,
  by: WriteBy,
  action: string,
  institution: { code: string; fields: { regionCode: string } },
  before: unknown,
  after: object,
): Promise<void> {
  await recordAudit(tx, {
    actor: by.actor,
    action,
    entityType: "Institution",
    entityId: institution.code,
    entityRegion: institution.fields.regionCode,
    before,
    after: { ...after, ...(by.requestedBy && { requestedBy: by.requestedBy.name }) },
  });
}
