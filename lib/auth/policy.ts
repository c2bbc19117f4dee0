// Every access decision, as pure predicates. Services and handlers call these; nothing here
// trusts data sent by a client — `actor` is always built on the server.
import type { Actor } from "./actor";
import { isWithin, type RoleName } from "./roles";

export function hasRole(actor: Actor, role: RoleName): boolean {
  return actor.roles.includes(role);
}

/** Reading tickets, their reports and the downtime notices. */
export const COMPLAINT_READER_ROLES = ["COMPLAINT_HANDLER", "ADMIN"] as const satisfies readonly RoleName[];
/** Reading settlement statistics. */
export const STATISTICS_READER_ROLES = ["ANALYST", "ADMIN"] as const satisfies readonly RoleName[];

export function hasAnyRole(actor: Actor, roles: readonly RoleName[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
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
export function canReadAuditEntry(
  actor: Actor,
  entry: { entityRegion: string | null; actorRegion: string | null },
): boolean {
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
export function canDecideChangeRequest(
  actor: Actor,
  change: { bureauId: string; makerId: string; regionCode: string },
): boolean {
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

// ---- Agreements between regions (docs/decisions/006-agreements.md) ----
// Added by the agreements module; predicates over the parties' region codes.

/** Agreements and the eligibility check are public to every signed-in user. */
export function canReadAgreements(_actor: Actor): boolean {
  return true;
}

/** An agreement officer acts for a party when their bureau is the party's or above it. */
export function representsParty(actor: Actor, partyRegionCode: string): boolean {
  return hasRole(actor, "AGREEMENT_OFFICER") && isWithin(actor.regionCode, partyRegionCode);
}

/** Drafting a new agreement: an officer who represents at least one of its parties. */
export function canCreateAgreement(actor: Actor, partyRegionCodes: readonly string[]): boolean {
  return partyRegionCodes.some((p) => representsParty(actor, p));
}

/** Editing and suspending/resuming/terminating: an officer of (or above) one of its parties. */
export function canEditAgreement(actor: Actor, partyRegionCodes: readonly string[]): boolean {
  return partyRegionCodes.some((p) => representsParty(actor, p));
}

/** Activation needs every party approved; these are the parties this actor approves for. */
export function partiesApprovableBy(actor: Actor, partyRegionCodes: readonly string[]): string[] {
  return partyRegionCodes.filter((p) => representsParty(actor, p));
}

// ---- Complaint tickets (docs/decisions/008-complaints.md) ----

/** How an actor stands to a ticket; null = the ticket is invisible to them (404). */
export type ComplaintRelation = "OWNER" | "PARTY" | "SUPERVISOR" | null;

export interface ComplaintScope {
  ownerBureauId: string;
  ownerRegionCode: string;
  homeRegionCode: string;
  visitRegionCode: string;
}

/**
 * OWNER: the receiving bureau. SUPERVISOR: a bureau above the owner, or one covering both sides
 * (a provincial bureau for a case inside its province, the national bureau). PARTY: a bureau on
 * the other side (or below the owner on its side). A third region's bureau: null.
 */
export function complaintRelation(actor: Actor, t: ComplaintScope): ComplaintRelation {
  const home = isWithin(actor.regionCode, t.homeRegionCode);
  const visit = isWithin(actor.regionCode, t.visitRegionCode);
  if (!home && !visit) return null;
  if (actor.bureauId === t.ownerBureauId) return "OWNER";
  if (home && visit) return "SUPERVISOR";
  if (actor.regionCode !== t.ownerRegionCode && isWithin(actor.regionCode, t.ownerRegionCode)) return "SUPERVISOR";
  return "PARTY";
}

/** Handlers work tickets; administrators of a concerned bureau may read them. */
export function canReadComplaints(actor: Actor): boolean {
  return hasAnyRole(actor, COMPLAINT_READER_ROLES);
}

export function canSeeComplaint(actor: Actor, t: ComplaintScope): boolean {
  return canReadComplaints(actor) && complaintRelation(actor, t) !== null;
}

/** Create tickets, comment, take transitions (the state machine decides which). */
export function canHandleComplaints(actor: Actor): boolean {
  return hasRole(actor, "COMPLAINT_HANDLER");
}

/** Only a handler of the owning bureau sees the complainant's phone and ID number, audited. */
export function canUnmaskComplainant(actor: Actor, t: ComplaintScope): boolean {
  return hasRole(actor, "COMPLAINT_HANDLER") && complaintRelation(actor, t) === "OWNER";
}

/** Downtime notices of a pooling area are recorded by handlers of a bureau covering it. */
export function canRecordDowntime(actor: Actor, regionCode: string): boolean {
  return hasRole(actor, "COMPLAINT_HANDLER") && isWithin(actor.regionCode, regionCode);
}

// ---- Settlement statistics (docs/decisions/007-statistics.md) ----

/** Analysts and administrators read statistics, always limited to their bureau's region. */
export function canReadStatistics(actor: Actor): boolean {
  return hasAnyRole(actor, STATISTICS_READER_ROLES);
}

/** Importing settlement records is an analyst's job; rows outside the analyst's region are rejected. */
export function canImportSettlements(actor: Actor): boolean {
  return hasRole(actor, "ANALYST");
}
