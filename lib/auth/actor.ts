// The authenticated caller, as every policy and service sees it. Built on the server from the
// database (never from anything the client sends).
import type { RoleName } from "./roles";

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  bureauId: string;
  bureauName: string;
  bureauNameEn: string;
  bureauLevel: "NATIONAL" | "PROVINCIAL" | "MUNICIPAL";
  /** The bureau's region: the root of this actor's data scope. */
  regionCode: string;
  regionName: string;
  roles: RoleName[];
  mustChangePassword: boolean;
  /** How the request was authenticated. */
  via: "session" | "token";
  /**
   * This browser saved something moments ago (the `yb_fresh` cookie, lib/auth/fresh.ts): its
   * reads go to the primary, not a replica that may not have replayed the write yet.
   */
  recentWrite?: boolean;
}
