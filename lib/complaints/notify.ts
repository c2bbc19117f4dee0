// Who hears of a ticket's change: in-app notification rows written in the change's transaction,
// then delivered (notifier.ts) after it commits.
import type { Tx } from "../db/client";
import type { Side } from "./codes";
import { notifier, type OutboundMessage } from "./notifier";
import type { TicketRow } from "./ticket-access";

/** Handlers of the lowest bureau covering `regionCode` (its own, else its city's, else its province's). */
export async function handlersFor(db: Tx, regionCode: string): Promise<string[]> {
  const candidates = [regionCode, `${regionCode.slice(0, 4)}00`, `${regionCode.slice(0, 2)}0000`, "000000"];
  const users = await db.user.findMany({
    where: { disabled: false, roles: { has: "COMPLAINT_HANDLER" }, bureau: { regionCode: { in: candidates } } },
    select: { id: true, bureau: { select: { regionCode: true } } },
  });
  for (const code of candidates) {
    const found = users.filter((u) => u.bureau.regionCode === code).map((u) => u.id);
    if (found.length) return found;
  }
  return [];
}

export async function ownerHandlers(db: Tx, ownerBureauId: string): Promise<string[]> {
  const users = await db.user.findMany({
    where: { bureauId: ownerBureauId, disabled: false, roles: { has: "COMPLAINT_HANDLER" } },
    select: { id: true },
  });
  return users.map((u) => u.id);
}

export async function notify(
  db: Tx,
  userIds: string[],
  kind: string,
  ticket: { id: string; number: string },
  params: Record<string, string> = {},
): Promise<OutboundMessage[]> {
  const unique = [...new Set(userIds)];
  if (!unique.length) return [];
  await db.notification.createMany({
    data: unique.map((userId) => ({
      userId,
      kind,
      complaintId: ticket.id,
      params: { number: ticket.number, ...params },
    })),
  });
  return unique.map((userId) => ({ userId, kind, ticketNumber: ticket.number }));
}

export async function deliver(messages: OutboundMessage[]): Promise<void> {
  if (messages.length) await notifier().deliver(messages);
}

export function regionOf(t: Pick<TicketRow, "homeRegionCode" | "visitRegionCode">, side: Side): string {
  return side === "HOME" ? t.homeRegionCode : t.visitRegionCode;
}
