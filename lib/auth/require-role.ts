// The one way a service refuses a caller for a missing role: 403 naming the roles that would do
// (docs/api.md "Authorization"). Scope is checked after the role, and a record outside the
// caller's scope is a 404 — so "which role" is answered before "which region".
import type { Actor } from "./actor";
import { hasAnyRole } from "./policy";
import type { RoleName } from "./roles";
import { RoleRequiredError } from "../errors";

/** Throws RoleRequiredError unless the actor has one of `roles`. */
export function requireAnyRole(actor: Actor, roles: readonly RoleName[]): void {
  if (!hasAnyRole(actor, roles)) throw new RoleRequiredError(roles);
}
