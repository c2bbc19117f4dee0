// Every access decision, as pure predicates. Services and handlers call these; nothing here
// trusts data sent by a client — `actor` is always built on the server.
import type { Actor } from "./actor";
import { isWithin, type RoleName } from "./roles";

export function hasRole(actor: Actor, role: RoleName): boolean {
  return actor.roles.includes(role);
}

export function isNational(actor: Actor): boolean {
  return actor.bureauLevel === "NATIONAL";
}

/** Region data (statistics, tickets, users…) is visible within the actor's bureau region. */
export function canReadRegion(actor: Actor, regionCode: string): boolean {
  return isWithin(actor.regionCode, regionCode);
}

/** Admins manage users of bureaus in their scope (their bureau and those below it). */
export function canManageUsersOf(actor: Actor, bureauRegionCode: string): boolean {
  return hasRole(actor, "ADMIN") && isWithin(actor.regionCode, bureauRegionCode);
}

/** Only the national administration opens new bureaus. */
export function canCreateBureau(actor: Actor): boolean {
  return hasRole(actor, "ADMIN") && isNational(actor);
}

export function canListUsers(actor: Actor): boolean {
  return hasRole(actor, "ADMIN");
}

export function canReadAuditLog(actor: Actor): boolean {
  return hasRole(actor, "ADMIN");
}

/** An audit entry is visible to an admin whose scope holds the entity or the acting bureau. */
export function canReadAuditEntry(actor: Actor, entry: { entityRegion: string | null; actorRegion: string | null }): boolean {
  if (!canReadAuditLog(actor)) return false;
  // The national administration reads everything, including entries with no region (e.g. seeding).
  if (actor.regionCode === "000000") return true;
  return (
    (entry.entityRegion !== null && isWithin(actor.regionCode, entry.entityRegion)) ||
    (entry.actorRegion !== null && isWithin(actor.regionCode, entry.actorRegion))
  );
}

/** The regions tree and the roster are public reference data for every signed-in user. */
export function canBrowseRegions(_actor: Actor): boolean {
  return true;
}

// ---- Roster of designated institutions (docs/decisions/005-roster.md) ----

/** The roster is public information: every signed-in user reads it, for every region. */
export function canReadRoster(_actor: Actor): boolean {
  return true;
}

/** Roster managers write institutions in their bureau's region and below it. */
export function canEditInstitution(actor: Actor, regionCode: string): boolean {
  return hasRole(actor, "ROSTER_MANAGER") && isWithin(actor.regionCode, regionCode);
}

/** Bulk import (dry run included) is a roster manager's job; rows outside the scope are rejected one by one. */
export function canImportInstitutions(actor: Actor): boolean {
  return hasRole(actor, "ROSTER_MANAGER");
}

/** Pending changes are visible to the roster managers whose scope covers the institution. */
export function canSeeChangeRequest(actor: Actor, change: { regionCode: string; makerId: string }): boolean {
  return change.makerId === actor.id || canEditInstitution(actor, change.regionCode);
}

/** Maker-checker: the checker is another roster manager of the maker's bureau, never the maker. */
export function canDecideChangeRequest(actor: Actor, change: { bureauId: string; makerId: string; regionCode: string }): boolean {
  return (
    hasRole(actor, "ROSTER_MANAGER") &&
    actor.bureauId === change.bureauId &&
    actor.id !== change.makerId &&
    isWithin(actor.regionCode, change.regionCode)
  );
}

/** Navigation: which job areas an actor sees. The server still checks every action. */
export const JOB_ROLES = {
  facilities: ["ROSTER_MANAGER", "AGREEMENT_OFFICER", "ANALYST", "COMPLAINT_HANDLER", "ADMIN"],
  agreements: ["AGREEMENT_OFFICER", "ROSTER_MANAGER", "COMPLAINT_HANDLER", "ADMIN"],
  statistics: ["ANALYST", "ADMIN"],
  complaints: ["COMPLAINT_HANDLER", "ADMIN"],
  admin: ["ADMIN"],
} as const satisfies Record<string, readonly RoleName[]>;

export type JobArea = keyof typeof JOB_ROLES;

export function canSeeArea(actor: Actor, area: JobArea): boolean {
  return JOB_ROLES[area].some((r) => actor.roles.includes(r));
}
