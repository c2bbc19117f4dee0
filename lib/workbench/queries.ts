// The home page's workbench: what needs the actor today, per role. Every figure comes from the
// query behind the list it links to (and behind the API), called with the actor, so it carries
// that list's role check and region scope; nothing here reads the database itself. The reads
// run in parallel. Decision 016.
import type { Actor } from "../auth/actor";
import { canReadComplaints, canSeeArea, hasRole } from "../auth/policy";
import { listAgreements, listExpiring } from "../agreements/queries";
import { listComplaints, listDowntimes, listNotifications, queueCounts } from "../complaints/queries";
import { listChangeRequests } from "../facilities/change-requests";
import { listRecentImports, type ImportLogEntry } from "../settlements/queries";

export interface ComplaintsWork {
  /** Queue "overdue" of the bureau's own tickets: running, past its first-response, resolution or update deadline. */
  overdue: number;
  /** Queue "today" of the bureau's own tickets: such a deadline falls before the end of the Beijing day. */
  dueToday: number;
  /** Queue "awaiting": handed to the actor's bureau by the other one, or escalated to its region. */
  awaiting: number;
  /** Queue "bureau": open tickets owned by the actor's bureau. */
  bureauOpen: number;
  unread: number;
}

export interface Workbench {
  complaints: ComplaintsWork | null;
  /** Pending change requests of the bureau made by someone else (maker-checker: those the actor may decide). */
  roster: { awaitingReview: number; pending: number } | null;
  agreements: { days: number; expiring: number; drafts: number } | null;
  imports: ImportLogEntry[] | null;
  downtimes: { current: number; upcoming: number } | null;
}

const when = <T>(allowed: boolean, read: () => Promise<T>): Promise<T | null> =>
  allowed ? read() : Promise.resolve(null);

async function complaintsWork(actor: Actor, now: Date): Promise<ComplaintsWork> {
  // Overdue and due today: the bureau's own tickets (the list's owner filter), as the list opens them.
  const own = (queue: "OVERDUE" | "TODAY") =>
    listComplaints(actor, { queue, owner: "BUREAU", pageSize: 1 }, now).then((p) => p.total);
  const [q, overdue, dueToday, notes] = await Promise.all([
    queueCounts(actor, now),
    own("OVERDUE"),
    own("TODAY"),
    listNotifications(actor, { unreadOnly: true, take: 1 }),
  ]);
  return { overdue, dueToday, awaiting: q.AWAITING, bureauOpen: q.BUREAU, unread: notes.unread };
}

async function rosterWork(actor: Actor) {
  const [others, all] = await Promise.all([
    listChangeRequests(actor, { state: "PENDING", maker: "OTHERS", pageSize: 1 }),
    listChangeRequests(actor, { state: "PENDING", pageSize: 1 }),
  ]);
  return { awaitingReview: others.total, pending: all.total };
}

async function agreementsWork(actor: Actor, days: number) {
  const [expiring, drafts] = await Promise.all([
    listExpiring(actor, days, actor.regionCode),
    listAgreements(actor, { status: "DRAFT", party: actor.regionCode, pageSize: 1 }),
  ]);
  return { days, expiring: expiring.length, drafts: drafts.total };
}

async function downtimesWork(actor: Actor, now: Date) {
  const [current, upcoming] = await Promise.all([
    listDowntimes(actor, { when: "CURRENT", region: actor.regionCode }, now),
    listDowntimes(actor, { when: "UPCOMING", region: actor.regionCode }, now),
  ]);
  return { current: current.length, upcoming: upcoming.length };
}

/** The actor's workbench; `days`: the expiring-agreements window (one of EXPIRY_WINDOWS). */
export async function getWorkbench(
  actor: Actor,
  { days, now = new Date() }: { days: number; now?: Date },
): Promise<Workbench> {
  const [complaints, roster, agreements, imports, downtimes] = await Promise.all([
    when(canReadComplaints(actor), () => complaintsWork(actor, now)),
    when(hasRole(actor, "ROSTER_MANAGER"), () => rosterWork(actor)),
    when(hasRole(actor, "AGREEMENT_OFFICER") || hasRole(actor, "ADMIN"), () => agreementsWork(actor, days)),
    when(canSeeArea(actor, "statistics"), () => listRecentImports(actor, 5)),
    when(canReadComplaints(actor), () => downtimesWork(actor, now)),
  ]);
  return { complaints, roster, agreements, imports, downtimes };
}
