// A handler's notifications as the queue page shows them: newest first, the unread count, the
// unread-only view, nothing for a user without any, and all read after markNotificationsRead.
import { describe, expect, it } from "vitest";
import { createActor } from "@/tests/factories";
import { createTicket } from "@/tests/factories/complaints";
import { listNotifications } from "./queries";
import { markNotificationsRead } from "./service";

describe("notifications", () => {
  it("lists the newest first with the unread count, and marks them read", async () => {
    const bj = await createActor("110000", ["COMPLAINT_HANDLER"]);
    const lf = await createActor("131000", ["COMPLAINT_HANDLER"]);
    const quiet = await createActor("310000", ["COMPLAINT_HANDLER"]);
    // Each ticket registered by Beijing notifies the other side's handlers (Langfang).
    const a = await createTicket(bj, {}, new Date("2026-11-20T02:00:00Z"));
    const b = await createTicket(bj, {}, new Date("2026-11-20T03:00:00Z"));
    const mine = await listNotifications(lf);
    expect(mine.unread).toBe(2);
    expect(mine.items.map((n) => n.params.number)).toEqual([b.number, a.number]);
    expect(mine.items.every((n) => n.kind === "NEW_TICKET" && n.readAt === null)).toBe(true);
    expect(await listNotifications(quiet)).toEqual({ unread: 0, items: [] });
    expect((await listNotifications(lf, { take: 1 })).items).toHaveLength(1);

    await markNotificationsRead(lf, [mine.items[0]!.id]);
    const after = await listNotifications(lf);
    expect(after.unread).toBe(1);
    expect(after.items).toHaveLength(2);
    expect((await listNotifications(lf, { unreadOnly: true })).items.map((n) => n.params.number)).toEqual([a.number]);
    await markNotificationsRead(lf);
    expect(await listNotifications(lf, { unreadOnly: true })).toEqual({ unread: 0, items: [] });
  });
});
