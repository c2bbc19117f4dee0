// Who sees and who manages a region group. Pure predicates over the server-built actor.
import type { Actor } from "../../auth/actor";
import { hasRole } from "../../auth/policy";
import { isWithin } from "../../auth/roles";
import type { RegionGroupVisibility } from "./schemas";

export interface GroupScope {
  visibility: RegionGroupVisibility;
  /** The owner bureau's region code. */
  ownerRegion: string;
}

/**
 * A NATIONAL group is every signed-in user's; an OWNER_REGION group is seen by users whose bureau
 * lies in the owner's region, and by the bureaus above it (whose scope holds the owner).
 */
export function canSeeRegionGroup(actor: Actor, g: GroupScope): boolean {
  return (
    g.visibility === "NATIONAL" ||
    isWithin(g.ownerRegion, actor.regionCode) ||
    isWithin(actor.regionCode, g.ownerRegion)
  );
}

/** Admins create groups, owned by their own bureau. */
export function canCreateRegionGroup(actor: Actor): boolean {
  return hasRole(actor, "ADMIN");
}

/** Admins of the owner bureau, or of a bureau above it, edit and retire the group. */
export function canManageRegionGroup(actor: Actor, g: GroupScope): boolean {
  return hasRole(actor, "ADMIN") && isWithin(actor.regionCode, g.ownerRegion);
}
