// Reads of the maker-checker change requests (lib/facilities/maker-checker.ts writes them): the
// list a roster manager's bureau works through, and one request.
import { prisma } from "../db/client";
import type { Actor } from "../auth/actor";
import { canSeeChangeRequest } from "../auth/policy";
import { NotFoundError } from "../errors";
import { parseInput } from "../validation";
import { listChangesSchema } from "./schemas";
import { requireAnyRole } from "../auth/require-role";
import { type ChangeRequestView } from "./views";

type ChangeRow = Awaited<ReturnType<typeof prisma.institutionChangeRequest.findMany>>[number];

export function toChangeView(c: ChangeRow, institutionName: string | null): ChangeRequestView {
  return {
    id: c.id,
    kind: c.kind,
    state: c.state,
    code: c.code,
    institutionName,
    regionCode: c.regionCode,
    bureauId: c.bureauId,
    makerId: c.makerId,
    makerName: c.makerName,
    payload: c.payload,
    summary: c.summary ?? null,
    baseVersion: c.baseVersion,
    checkerName: c.checkerName,
    decidedAt: c.decidedAt,
    comment: c.comment,
    createdAt: c.createdAt,
  };
}

const changeSelect = {
  id: true,
  kind: true,
  state: true,
  institutionId: true,
  code: true,
  regionCode: true,
  bureauId: true,
  makerId: true,
  makerName: true,
  payload: true,
  baseVersion: true,
  summary: true,
  checkerId: true,
  checkerName: true,
  decidedAt: true,
  comment: true,
  createdAt: true,
  file: false,
  institution: { select: { name: true } },
} as const;

/**
 * Change requests of the actor's bureau (roster managers only), oldest first: what a checker
 * works through. `rawInput`: { state = PENDING, page, pageSize }.
 */
export async function listChangeRequests(actor: Actor, rawInput: unknown) {
  requireAnyRole(actor, ["ROSTER_MANAGER"]);
  const input = parseInput(listChangesSchema, rawInput);
  const maker =
    input.maker === "OTHERS" ? { makerId: { not: actor.id } } : input.maker === "ME" ? { makerId: actor.id } : {};
  const where = { bureauId: actor.bureauId, state: input.state, ...maker };
  const [total, rows] = await Promise.all([
    prisma.institutionChangeRequest.count({ where }),
    prisma.institutionChangeRequest.findMany({
      where,
      select: changeSelect,
      orderBy: { createdAt: input.state === "PENDING" ? "asc" : "desc" },
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((c) => toChangeView({ ...c, file: null } as ChangeRow, c.institution?.name ?? null)),
  };
}

/** The pending changes of the actor's bureau (shortcut for the checker's inbox). */
export async function listPendingChanges(actor: Actor) {
  return listChangeRequests(actor, { state: "PENDING", pageSize: 200 });
}

/** One change request visible to the actor, or NotFound. */
export async function requireChangeRequest(actor: Actor, id: string): Promise<ChangeRequestView> {
  const c = /^[0-9a-f-]{36}$/i.test(id)
    ? await prisma.institutionChangeRequest.findUnique({ where: { id }, select: changeSelect })
    : null;
  if (!c || !canSeeChangeRequest(actor, c)) throw new NotFoundError("facilities.changeNotFound");
  return toChangeView({ ...c, file: null } as ChangeRow, c.institution?.name ?? null);
}
