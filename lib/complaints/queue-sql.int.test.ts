// The queue tabs count in SQL (queue-sql.ts) what the queues list through Prisma (queueWhere in
// queries.ts): on tickets of every state, side, assignee and clock, for handlers of a visit
// region, a home region, a supervising province and the nation, at several instants, both give
// the same numbers.
import { describe, expect, it } from "vitest";
import { prisma } from "../db/client";
import { createActor } from "@/tests/factories";
import { createTicket, TEST_ID_NUMBER, TEST_PHONE } from "@/tests/factories/complaints";
import { requireComplaintDetail, listComplaints, queueCounts } from "./queries";
import { listWhere } from "./list-where";
import { QUEUES } from "./queue-sql";

const STATES = [
  "NEW",
  "TRIAGED",
  "INVESTIGATING",
  "AWAITING_OTHER_BUREAU",
  "AWAITING_COMPLAINANT",
  "ESCALATED",
  "RESOLVED",
  "CLOSED",
] as const;

describe("queue counts in one query", () => {
  it("agree with the Prisma queues for every actor, queue and instant", async () => {
    const bj = await createActor("110000", ["COMPLAINT_HANDLER"]);
    const lf = await createActor("131000", ["COMPLAINT_HANDLER"]);
    const hb = await createActor("130000", ["COMPLAINT_HANDLER"]);
    const nation = await createActor("000000", ["COMPLAINT_HANDLER"]);
    const base = new Date("2026-11-20T02:00:00Z");
    const tickets = [];
    for (let i = 0; i < 24; i++) {
      const owner = i % 2 ? bj : lf;
      tickets.push(
        await createTicket(
          owner,
          { homeRegionCode: i % 3 ? "131000" : "131082", visitRegionCode: "110000" },
          new Date(base.getTime() + i * 3_600_000),
        ),
      );
    }
    // Spread the tickets over states, awaiting sides, escalation, assignees and clocks by hand:
    // the point is the counting rules, not the workflow that leads there.
    for (const [i, t] of tickets.entries()) {
      const state = STATES[i % STATES.length]!;
      await prisma.complaint.update({
        where: { number: t.number },
        data: {
          state,
          awaitingSide: state === "AWAITING_OTHER_BUREAU" ? (i % 4 ? "HOME" : "VISIT") : null,
          escalatedToRegion: state === "ESCALATED" ? (i % 2 ? "130000" : "000000") : null,
          assigneeId: i % 5 === 0 ? bj.id : i % 5 === 1 ? lf.id : null,
          firstRespondedAt: i % 3 === 0 ? null : new Date(base.getTime() + i * 3_600_000 + 600_000),
          firstResponseDueAt: new Date(base.getTime() + (i - 12) * 3_600_000 * 5),
          resolutionDueAt: new Date(base.getTime() + (i - 6) * 86_400_000),
          nextUpdateDueAt:
            state === "AWAITING_OTHER_BUREAU" ? new Date(base.getTime() + (i - 10) * 3_600_000 * 3) : null,
        },
      });
    }
    let compared = 0;
    for (const actor of [bj, lf, hb, nation]) {
      for (const now of [base, new Date(base.getTime() + 2 * 86_400_000), new Date(base.getTime() + 9 * 86_400_000)]) {
        const sql = await queueCounts(actor, now);
        for (const queue of QUEUES) {
          expect({ queue, n: sql[queue] }).toEqual({
            queue,
            n: await prisma.complaint.count({ where: listWhere(actor, { queue }, now) }),
          });
          compared += 1;
        }
      }
    }
    expect(compared).toBe(4 * 3 * QUEUES.length);
    // The fixture is not degenerate: the counts differ between queues and actors.
    const counts = await queueCounts(hb, new Date(base.getTime() + 2 * 86_400_000));
    expect(new Set(Object.values(counts)).size).toBeGreaterThan(3);

    // A page of a queue with its filters lists the same tickets, in the same order, as Prisma would.
    await prisma.complaint.update({
      where: { number: tickets[3]!.number },
      data: { institutionName: "北京_协和%医院", description: "结算失败 50% 退回" },
    });
    // One ticket of another complainant: the exact searches by ID number and phone (keyed hashes) part them.
    const stranger = await createTicket(
      bj,
      {
        homeRegionCode: "131000",
        visitRegionCode: "110000",
        complainantIdNumber: "13100219900101123X",
        complainantPhone: "13700001111",
      },
      new Date(base.getTime() + 30 * 3_600_000),
    );
    const now = new Date(base.getTime() + 2 * 86_400_000);
    const filters = [
      {},
      { state: "NEW" },
      { category: "SETTLEMENT_FAILED" },
      { priority: "NORMAL" },
      { region: "131082" },
      { owner: "BUREAU" },
      { owner: "BUREAU", region: "131082" },
      { q: "ts-2026" },
      { q: "_协和%" },
      { q: "50%" },
      { q: "协和" },
      { q: "%" },
      { q: TEST_ID_NUMBER },
      { q: "13100219900101123x" },
      { q: TEST_PHONE },
      { q: "137-0000-1111" },
    ];
    let pages = 0;
    for (const actor of [bj, hb]) {
      for (const queue of QUEUES) {
        for (const f of filters) {
          const input = { queue, ...f };
          const sql = await listComplaints(actor, { ...input, pageSize: 7, page: 2 }, now);
          const order =
            queue === "OVERDUE" || queue === "TODAY" || queue === "AWAITING"
              ? [{ resolutionDueAt: "asc" as const }, { number: "asc" as const }]
              : [{ createdAt: "desc" as const }, { number: "desc" as const }];
          const where = listWhere(actor, input as never, now);
          const prismaRows = await prisma.complaint.findMany({
            where,
            orderBy: order,
            skip: 7,
            take: 7,
            select: { number: true },
          });
          expect({ input, total: sql.total, numbers: sql.items.map((i) => i.number) }).toEqual({
            input,
            total: await prisma.complaint.count({ where }),
            numbers: prismaRows.map((r) => r.number),
          });
          pages += 1;
        }
      }
    }
    expect(pages).toBe(2 * QUEUES.length * filters.length);
    // The wildcard characters of a search are literal: "%" alone finds only the ticket that has one.
    expect((await listComplaints(hb, { q: "%" }, now)).items.map((i) => i.number)).toEqual([tickets[3]!.number]);
    // Past the last page: no items, the total still right.
    expect(await listComplaints(hb, { page: 99 }, now)).toMatchObject({ total: 25, items: [] });
    expect((await listComplaints(hb, { q: "13100219900101123x" }, now)).items.map((i) => i.number)).toEqual([
      stranger.number,
    ]);
    expect((await listComplaints(hb, { q: TEST_ID_NUMBER, pageSize: 100 }, now)).total).toBe(24);

    // A ticket's detail through the raw queries: the events and comments as recorded.
    const detail = await requireComplaintDetail(bj, tickets[1]!.number, now);
    expect(detail.events.map((e) => e.action)).toEqual(["CREATE"]);
    expect(detail.events[0]!.at).toBeInstanceOf(Date);
    expect(detail.duplicates).toEqual([]);
    expect(detail.mergedInto).toBeNull();
  });
});
