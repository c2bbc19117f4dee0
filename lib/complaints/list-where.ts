// The where-clause of the ticket lists and the export: the queue (mine, bureau, awaiting …), the
// region filter (a code or group:<slug>, resolved to prefixes) and the search box. queue-sql.ts
// writes the same rules in SQL for the queue counts; queue-sql.int.test.ts compares them.
import { regionParamPrefixes } from "../regions/groups/queries";
import type { Prisma as PrismaTypes } from "../db/client";
import type { Actor } from "../auth/actor";
import { regionPrefix } from "../auth/roles";
import { beijingDay, beijingDayEnd } from "../time/beijing";
import { OPEN_STATES } from "./codes";
import { type ListComplaintsInput } from "./schemas";
import { identitySearch } from "./identity";
import { likeLiteral } from "./queue-sql";

/** The Prisma form of "visible to this actor" (queue-sql.ts scopeSql is its SQL form). */
export function complaintScopeWhere(actor: Actor): PrismaTypes.ComplaintWhereInput {
  const p = regionPrefix(actor.regionCode);
  return p ? { OR: [{ homeRegionCode: { startsWith: p } }, { visitRegionCode: { startsWith: p } }] } : {};
}

function queueWhere(actor: Actor, queue: ListComplaintsInput["queue"], now: Date): PrismaTypes.ComplaintWhereInput {
  const p = regionPrefix(actor.regionCode);
  const open: PrismaTypes.ComplaintWhereInput = { state: { in: [...OPEN_STATES] } };
  const running: PrismaTypes.ComplaintWhereInput = {
    state: { in: OPEN_STATES.filter((s) => s !== "AWAITING_COMPLAINANT") },
  };
  switch (queue) {
    case "MINE":
      return {
        AND: [open, { OR: [{ assigneeId: actor.id }, { AND: [{ assigneeId: null }, { createdById: actor.id }] }] }],
      };
    case "BUREAU":
      return { AND: [open, { ownerBureauId: actor.bureauId }] };
    case "AWAITING":
      return {
        OR: [
          {
            state: "AWAITING_OTHER_BUREAU",
            awaitingSide: "HOME",
            homeRegionCode: { startsWith: p },
            NOT: { ownerBureauId: actor.bureauId, ownerSide: "VISIT" },
          },
          {
            state: "AWAITING_OTHER_BUREAU",
            awaitingSide: "VISIT",
            visitRegionCode: { startsWith: p },
            NOT: { ownerBureauId: actor.bureauId, ownerSide: "HOME" },
          },
          { state: "ESCALATED", escalatedToRegion: { startsWith: p } },
        ],
      };
    case "OVERDUE":
      return {
        AND: [
          running,
          {
            OR: [
              { resolutionDueAt: { lt: now } },
              { firstRespondedAt: null, firstResponseDueAt: { lt: now } },
              { state: "AWAITING_OTHER_BUREAU", nextUpdateDueAt: { lt: now } },
            ],
          },
        ],
      };
    case "TODAY": {
      const end = beijingDayEnd(beijingDay(now));
      return {
        AND: [
          running,
          {
            OR: [
              { resolutionDueAt: { gte: now, lt: end } },
              { firstRespondedAt: null, firstResponseDueAt: { gte: now, lt: end } },
              { state: "AWAITING_OTHER_BUREAU", nextUpdateDueAt: { gte: now, lt: end } },
            ],
          },
        ],
      };
    }
    case "ALL":
      return {};
  }
}

/** Home or visit region within the filter's region (or any prefix of its group). */
function regionWhere(input: Pick<ListComplaintsInput, "region" | "regionPrefixes">): PrismaTypes.ComplaintWhereInput {
  const prefixes = input.regionPrefixes ?? (input.region ? [regionPrefix(input.region)] : null);
  if (!prefixes) return {};
  return {
    OR: prefixes.flatMap((p) => [{ homeRegionCode: { startsWith: p } }, { visitRegionCode: { startsWith: p } }]),
  };
}

/** The list filter with its region parameter (a code or group:<slug>) resolved to prefixes. */
export async function withRegionPrefixes<T extends Pick<ListComplaintsInput, "region">>(
  actor: Actor,
  input: T,
): Promise<T & { regionPrefixes: string[] | null }> {
  return { ...input, regionPrefixes: await regionParamPrefixes(actor, input.region, "region") };
}

export function listWhere(
  actor: Actor,
  input: Omit<ListComplaintsInput, "page" | "pageSize">,
  now: Date,
): PrismaTypes.ComplaintWhereInput {
  // Prisma's `contains` leaves % and _ as wildcards: the search box means them literally.
  const q = input.q?.trim() ? likeLiteral(input.q.trim()) : undefined;
  const identity = input.q?.trim() ? identitySearch(input.q.trim()) : null;
  return {
    AND: [
      complaintScopeWhere(actor),
      queueWhere(actor, input.queue, now),
      input.owner === "BUREAU" ? { ownerBureauId: actor.bureauId } : {},
      input.state ? { state: input.state } : {},
      input.category ? { category: input.category } : {},
      input.priority ? { priority: input.priority } : {},
      regionWhere(input),
      q
        ? {
            OR: [
              { number: { contains: q, mode: "insensitive" } },
              { institutionCode: { contains: q, mode: "insensitive" } },
              { institutionName: { contains: q } },
              { settlementId: { contains: q } },
              { description: { contains: q } },
              ...(identity
                ? [
                    {
                      identity: {
                        is: {
                          OR: [{ idNumberHmac: { in: identity.idNumber } }, { phoneHmac: { in: identity.phone } }],
                        },
                      },
                    },
                  ]
                : []),
            ],
          }
        : {},
    ],
  };
}
