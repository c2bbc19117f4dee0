// Complaint tickets against a real PostgreSQL: the whole workflow, every kind of refusal, the
// third-region wall, the version race, personal-data masking, SLA sweep and downtime hints.
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "../db/client";
import type { Actor } from "../auth/actor";
import { createActor } from "../../tests/factories";
import { createTicket, TEST_ID_NUMBER, TEST_PHONE } from "../../tests/factories/complaints";
import { ConflictError, ForbiddenError, InvalidStateError, NotFoundError, ValidationError } from "../errors";
import { createTranslator } from "../i18n";
import { getComplaintDetail, requireComplaintDetail, listComplaints, queueCounts } from "./queries";
import { addComment, createDowntime, escalateOverdue, transitionComplaint, unmaskComplainant } from "./service";
import { exportComplaints } from "./export";
import { complaintReport } from "./reports";
import { getDailyReport } from "./daily-report";
import { setNotifier, loggingNotifier, type OutboundMessage } from "./notifier";

const t = createTranslator("zh-CN");

interface Cast {
  bj: Actor; // visit side, receives tickets
  lf: Actor; // home side (Langfang)
  hb: Actor; // Hebei province: above the home side
  sh: Actor; // third region
  nhsa: Actor; // national
  bjAdmin: Actor;
  bjAnalyst: Actor;
}

async function cast(): Promise<Cast> {
  // One after another: the factory creates each region's bureau on first use.
  const bj = await createActor("110000", ["COMPLAINT_HANDLER"]);
  const lf = await createActor("131000", ["COMPLAINT_HANDLER"]);
  const hb = await createActor("130000", ["COMPLAINT_HANDLER"]);
  const sh = await createActor("310000", ["COMPLAINT_HANDLER", "ADMIN"]);
  const nhsa = await createActor("000000", ["COMPLAINT_HANDLER"]);
  const bjAdmin = await createActor("110000", ["ADMIN"]);
  const bjAnalyst = await createActor("110000", ["ANALYST"]);
  return { bj, lf, hb, sh, nhsa, bjAdmin, bjAnalyst };
}

let sent: OutboundMessage[] = [];
beforeEach(() => {
  sent = [];
  setNotifier({ deliver: async (m) => void sent.push(...m) });
});
afterEach(() => setNotifier(loggingNotifier));

async function step(actor: Actor, number: string, body: Record<string, unknown>) {
  const current = await prisma.complaint.findUniqueOrThrow({ where: { number } });
  return transitionComplaint(actor, number, { version: current.version, ...body });
}

describe("complaint workflow", () => {
  it("walks a ticket through every transition, with notes and replies kept apart", async () => {
    const c = await cast();
    const ticket = await createTicket(c.bj);
    expect(ticket.number).toMatch(/^TS-\d{4}-\d{6}$/);
    expect(ticket).toMatchObject({ state: "NEW", ownerSide: "VISIT", version: 1 });
    const n = ticket.number;

    expect((await step(c.bj, n, { to: "TRIAGED" })).state).toBe("TRIAGED");
    expect((await step(c.lf, n, { to: "INVESTIGATING" })).state).toBe("INVESTIGATING");
    const handed = await step(c.bj, n, { to: "AWAITING_OTHER_BUREAU", note: "请参保地核实当日网络状况" });
    expect(handed).toMatchObject({ state: "AWAITING_OTHER_BUREAU", awaitingSide: "HOME" });
    expect(handed.nextUpdateDueAt).not.toBeNull();
    expect(sent.some((m) => m.kind === "HANDED_OVER" && m.userId === c.lf.id)).toBe(true);
    expect((await step(c.lf, n, { to: "INVESTIGATING", note: "参保地当日 9:00-11:00 网络中断" })).state).toBe(
      "INVESTIGATING",
    );
    expect((await step(c.lf, n, { to: "AWAITING_OTHER_BUREAU", note: "请就医地调取医院日志" })).awaitingSide).toBe(
      "VISIT",
    );
    expect((await step(c.bj, n, { to: "INVESTIGATING" })).state).toBe("INVESTIGATING");
    const paused = await step(c.bj, n, { to: "AWAITING_COMPLAINANT", reply: "请提供出院结算单照片" });
    expect(paused.pausedAt).not.toBeNull();
    const resumed = await step(c.bj, n, { to: "INVESTIGATING" });
    expect(resumed.pausedAt).toBeNull();
    const escalated = await step(c.lf, n, { to: "ESCALATED", note: "涉及跨省系统，需国家局协调" });
    expect(escalated).toMatchObject({ state: "ESCALATED", escalatedToRegion: "000000" });
    expect((await step(c.nhsa, n, { to: "INVESTIGATING", note: "已协调，请继续办理" })).state).toBe("INVESTIGATING");
    const resolved = await step(c.bj, n, {
      to: "RESOLVED",
      rootCause: "HOME_REGION_DOWNTIME",
      reply: "经核实为参保地网络故障，已为您重新结算。",
    });
    expect(resolved).toMatchObject({ state: "RESOLVED", rootCause: "HOME_REGION_DOWNTIME", resolutionBreached: false });
    expect(resolved.resolutionMinutes).not.toBeNull();
    expect((await step(c.bj, n, { to: "REOPENED", note: "投诉人反映仍未退款" })).state).toBe("REOPENED");
    expect((await step(c.lf, n, { to: "INVESTIGATING" })).state).toBe("INVESTIGATING");
    await step(c.bj, n, { to: "RESOLVED", rootCause: "HOME_REGION_DOWNTIME", reply: "退款已到账。" });
    const closed = await step(c.bj, n, { to: "CLOSED" });
    expect(closed).toMatchObject({ state: "CLOSED", version: 16 });

    const detail = await requireComplaintDetail(c.bj, n);
    expect(detail.events.map((e) => e.action)).toEqual([
      "CREATE",
      "TRIAGE",
      "START",
      "HAND_OVER",
      "TAKE_BACK",
      "HAND_OVER",
      "TAKE_BACK",
      "ASK_COMPLAINANT",
      "COMPLAINANT_ANSWERED",
      "ESCALATE",
      "RETURN",
      "RESOLVE",
      "REOPEN",
      "RESUME",
      "RESOLVE",
      "CLOSE",
    ]);
    expect(detail.replies.map((r) => r.body)).toEqual([
      "请提供出院结算单照片",
      "经核实为参保地网络故障，已为您重新结算。",
      "退款已到账。",
    ]);
    expect(detail.internalNotes.map((r) => r.body)).toContain("参保地当日 9:00-11:00 网络中断");
    expect(detail.internalNotes.map((r) => r.body)).not.toContain("退款已到账。");
    expect(detail.replies.every((r) => !r.internal) && detail.internalNotes.every((r) => r.internal)).toBe(true);
    expect(await prisma.auditLog.count({ where: { entityType: "Complaint", entityId: n } })).toBe(16);
  });

  it("resolves an escalated ticket by the supervising bureau, and merges duplicates", async () => {
    const c = await cast();
    // A case inside Hebei: escalation goes to the province, which is a supervisor here.
    const intra = await createTicket(c.lf, { homeRegionCode: "130100", visitRegionCode: "131000" });
    await step(c.lf, intra.number, { to: "ESCALATED", note: "需省局协调" });
    const row = await prisma.complaint.findUniqueOrThrow({ where: { number: intra.number } });
    expect(row.escalatedToRegion).toBe("130000");
    expect(
      (await step(c.hb, intra.number, { to: "RESOLVED", rootCause: "POLICY_MISUNDERSTANDING", reply: "已解释政策" }))
        .state,
    ).toBe("RESOLVED");

    const kept = await createTicket(c.bj);
    const dup = await createTicket(c.bj);
    await expect(step(c.lf, dup.number, { to: "CLOSED", mergeInto: kept.number })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(step(c.bj, dup.number, { to: "CLOSED", mergeInto: dup.number })).rejects.toBeInstanceOf(
      ValidationError,
    );
    const merged = await step(c.bj, dup.number, { to: "CLOSED", mergeInto: kept.number });
    expect(merged).toMatchObject({ state: "CLOSED", mergedIntoId: kept.id });
    const keptDetail = await requireComplaintDetail(c.bj, kept.number);
    expect(keptDetail.duplicates).toEqual([dup.number]);
    expect(keptDetail.events.at(-1)).toMatchObject({ action: "MERGED_IN", note: dup.number });
    expect((await requireComplaintDetail(c.lf, dup.number)).mergedInto).toBe(kept.number);
  });

  it("rejects the wrong state, the wrong role, the wrong bureau, missing fields and stale versions", async () => {
    const c = await cast();
    const { number: n } = await createTicket(c.bj);
    // wrong state
    await expect(step(c.bj, n, { to: "RESOLVED", rootCause: "OTHER", reply: "x" })).rejects.toBeInstanceOf(
      InvalidStateError,
    );
    await expect(step(c.bj, n, { to: "CLOSED" })).rejects.toBeInstanceOf(InvalidStateError);
    await expect(step(c.bj, n, { to: "REOPENED", note: "x" })).rejects.toBeInstanceOf(InvalidStateError);
    // wrong role: an administrator of the receiving bureau reads but does not act
    await expect(step(c.bjAdmin, n, { to: "TRIAGED" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addComment(c.bjAdmin, n, { body: "x", internal: true })).rejects.toBeInstanceOf(ForbiddenError);
    // an analyst has no complaint role: 403 before anything about the ticket (decision 011's order)
    await expect(step(c.bjAnalyst, n, { to: "TRIAGED" })).rejects.toBeInstanceOf(ForbiddenError);
    // wrong bureau: only the receiving bureau triages; the partner cannot reply to the complainant
    await expect(step(c.lf, n, { to: "TRIAGED" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addComment(c.lf, n, { body: "答复", internal: false })).rejects.toBeInstanceOf(ForbiddenError);
    // third region
    await expect(step(c.sh, n, { to: "TRIAGED" })).rejects.toBeInstanceOf(NotFoundError);
    await step(c.bj, n, { to: "TRIAGED" });
    // missing note on hand-over
    const noNote = await step(c.bj, n, { to: "AWAITING_OTHER_BUREAU" }).catch((e: unknown) => e);
    expect(noNote).toBeInstanceOf(ValidationError);
    expect(Object.keys((noNote as ValidationError).fieldErrors)).toEqual(["note"]);
    await step(c.bj, n, { to: "AWAITING_OTHER_BUREAU", note: "请核实" });
    // awaiting the home side: the visit side cannot take it back
    await expect(step(c.bj, n, { to: "INVESTIGATING" })).rejects.toBeInstanceOf(ForbiddenError);
    await step(c.lf, n, { to: "INVESTIGATING" });
    // resolve needs root cause and reply; the partner cannot resolve or close
    const missing = await step(c.bj, n, { to: "RESOLVED" }).catch((e: unknown) => e);
    expect(Object.keys((missing as ValidationError).fieldErrors).sort()).toEqual(["reply", "rootCause"]);
    await expect(step(c.lf, n, { to: "RESOLVED", rootCause: "OTHER", reply: "x" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    // escalated: a partner cannot return it, the national bureau can
    await step(c.bj, n, { to: "ESCALATED", note: "升级" });
    await expect(step(c.lf, n, { to: "INVESTIGATING", note: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(step(c.hb, n, { to: "INVESTIGATING", note: "x" })).rejects.toBeInstanceOf(ForbiddenError);
    // stale version
    await expect(transitionComplaint(c.nhsa, n, { to: "INVESTIGATING", note: "x", version: 1 })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const row = await prisma.complaint.findUniqueOrThrow({ where: { number: n } });
    expect(row.state).toBe("ESCALATED");
  });

  it("100 parallel conflicting transitions: exactly one winner, no lost comment", async () => {
    const c = await cast();
    const { number: n } = await createTicket(c.bj);
    const results = await Promise.allSettled([
      ...Array.from({ length: 100 }, (_, i) =>
        transitionComplaint(
          i % 2 ? c.bj : c.bj,
          n,
          i % 3 === 0 ? { to: "ESCALATED", note: `升级 ${i}`, version: 1 } : { to: "TRIAGED", version: 1 },
        ),
      ),
      ...Array.from({ length: 100 }, (_, i) =>
        addComment(i % 2 ? c.bj : c.lf, n, { body: `备注 ${i}`, internal: true }),
      ),
    ]);
    const transitions = results.slice(0, 100);
    const comments = results.slice(100);
    expect(transitions.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const losers = transitions.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(losers).toHaveLength(99);
    expect(losers.every((r) => r.reason instanceof ConflictError)).toBe(true);
    expect(comments.every((r) => r.status === "fulfilled")).toBe(true);
    const row = await prisma.complaint.findUniqueOrThrow({ where: { number: n } });
    expect(row.version).toBe(2);
    const bodies = (
      await prisma.complaintComment.findMany({ where: { complaintId: row.id, body: { startsWith: "备注 " } } })
    ).map((x) => x.body);
    expect(new Set(bodies).size).toBe(100);
    expect(await prisma.complaintEvent.count({ where: { complaintId: row.id, action: { not: "CREATE" } } })).toBe(1);
  });
});

describe("third-region handlers see nothing of the ticket", () => {
  it("404 for detail, comment, unmask; absent from every queue, search, export, report and daily report", async () => {
    const c = await cast();
    const ticket = await createTicket(c.bj, { institutionName: "北京协和医院", settlementId: "SET-3RD-0001" });
    await step(c.bj, ticket.number, { to: "TRIAGED" });
    await step(c.bj, ticket.number, { to: "ESCALATED", note: "升级" });
    await expect(requireComplaintDetail(c.sh, ticket.number)).rejects.toBeInstanceOf(NotFoundError);
    expect(await getComplaintDetail(c.sh, ticket.number)).toBeNull();
    await expect(addComment(c.sh, ticket.number, { body: "x", internal: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(unmaskComplainant(c.sh, ticket.number)).rejects.toBeInstanceOf(NotFoundError);
    for (const queue of ["MINE", "BUREAU", "AWAITING", "OVERDUE", "TODAY", "ALL"]) {
      const page = await listComplaints(c.sh, { queue, pageSize: 200 });
      expect(page.items.map((i) => i.number)).not.toContain(ticket.number);
    }
    for (const q of [ticket.number, "协和", "SET-3RD-0001"]) {
      expect((await listComplaints(c.sh, { q })).total).toBe(0);
      expect((await listComplaints(c.bj, { q })).items.map((i) => i.number)).toContain(ticket.number);
    }
    const csv = new TextDecoder().decode((await exportComplaints(c.sh, { format: "csv" }, t)).body);
    expect(csv).not.toContain(ticket.number);
    expect(new TextDecoder().decode((await exportComplaints(c.bj, { format: "csv" }, t)).body)).toContain(
      ticket.number,
    );
    const report = await complaintReport(c.sh, {});
    expect(report.backlog).toEqual([]);
    const daily = await getDailyReport(c.sh, {});
    expect(daily.totals).toMatchObject({ new: 0, escalated: 0 });
    expect((await getDailyReport(c.bj, {})).totals.new).toBeGreaterThan(0);
    expect((await queueCounts(c.sh)).ALL).toBe(0);
    // The partner and the supervisors see it.
    expect((await requireComplaintDetail(c.lf, ticket.number)).relation).toBe("PARTY");
    expect((await requireComplaintDetail(c.hb, ticket.number)).relation).toBe("PARTY");
    expect((await requireComplaintDetail(c.nhsa, ticket.number)).relation).toBe("SUPERVISOR");
    expect((await listComplaints(c.lf, { queue: "ALL" })).items.map((i) => i.number)).toContain(ticket.number);
  });
});

describe("complainant's personal data", () => {
  it("never appears in lists, exports, the audit log or log lines of users without the unmask right", async () => {
    const c = await cast();
    const writes: string[] = [];
    const spyOut = vi
      .spyOn(process.stdout, "write")
      .mockImplementation((chunk: string | Uint8Array) => (writes.push(String(chunk)), true));
    const spyErr = vi
      .spyOn(process.stderr, "write")
      .mockImplementation((chunk: string | Uint8Array) => (writes.push(String(chunk)), true));
    setNotifier(loggingNotifier);
    try {
      const ticket = await createTicket(c.bj, { description: `身份证 ${TEST_ID_NUMBER} 电话 ${TEST_PHONE} 结算失败` });
      await step(c.bj, ticket.number, { to: "TRIAGED" });
      await addComment(c.lf, ticket.number, { body: `核实身份证${TEST_ID_NUMBER}`, internal: true });
      await transitionComplaint(c.lf, ticket.number, { to: "TRIAGED", version: 99 }).catch(() => undefined);
      const outputs: string[] = [];
      for (const who of [c.bj, c.lf, c.nhsa]) {
        outputs.push(JSON.stringify(await listComplaints(who, { queue: "ALL", pageSize: 200 })));
        outputs.push(new TextDecoder().decode((await exportComplaints(who, { format: "csv" }, t)).body));
        outputs.push(JSON.stringify(await requireComplaintDetail(who, ticket.number)));
      }
      const xlsx = await exportComplaints(c.bj, { format: "xlsx" }, t);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(xlsx.body) as unknown as ArrayBuffer);
      const cells: string[] = [];
      wb.worksheets[0]!.eachRow((r) => cells.push(JSON.stringify(r.values)));
      expect(cells.join("\n")).toContain(ticket.number);
      outputs.push(cells.join("\n"));
      const audit = await prisma.auditLog.findMany({ where: { entityId: ticket.number } });
      outputs.push(JSON.stringify(audit.map((a) => ({ ...a, id: a.id.toString() }))));
      outputs.push(writes.join(""));
      for (const out of outputs) {
        expect(out).not.toContain(TEST_ID_NUMBER);
        expect(out).not.toContain(TEST_PHONE);
      }
      expect(outputs[2]).toContain("1310**********0036");
      expect(outputs[0]).toContain("张**");
      // The partner and the supervisor have no unmask right.
      await expect(unmaskComplainant(c.lf, ticket.number)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(unmaskComplainant(c.nhsa, ticket.number)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(unmaskComplainant(c.bjAdmin, ticket.number)).rejects.toBeInstanceOf(ForbiddenError);
      // The receiving bureau's handler unmasks; it is audited, and the audit keeps no values.
      const clear = await unmaskComplainant(c.bj, ticket.number);
      expect(clear).toMatchObject({
        complainantIdNumber: TEST_ID_NUMBER,
        complainantPhone: TEST_PHONE,
        complainantName: "张秀兰",
      });
      const entry = await prisma.auditLog.findFirstOrThrow({ where: { entityId: ticket.number, action: "UNMASK" } });
      expect(entry.actorId).toBe(c.bj.id);
      expect(JSON.stringify({ ...entry, id: entry.id.toString() })).not.toContain(TEST_ID_NUMBER);
      expect(writes.join("")).not.toContain(TEST_ID_NUMBER);
    } finally {
      spyOut.mockRestore();
      spyErr.mockRestore();
    }
  });
});

describe("SLA clocks and the overdue sweep", () => {
  it("computes deadlines in business time and pauses while awaiting the complainant", async () => {
    const c = await cast();
    // Wednesday 30 Sep 2026 17:00 Beijing, just before National Day.
    const created = new Date("2026-09-30T17:00:00+08:00");
    const ticket = await createTicket(c.bj, { priority: "HIGH" }, created);
    // First response 2 h: 30 min on 30 Sep, then 8 Oct 08:30 + 90 min.
    expect(ticket.firstResponseDueAt).toEqual(new Date("2026-10-08T10:00:00+08:00"));
    // Resolution 3 working days (1350 min): 30 + 8 Oct (450) + 9 Oct (450) + Saturday 10 Oct 调休 (420).
    expect(ticket.resolutionDueAt).toEqual(new Date("2026-10-10T17:00:00+08:00"));
    await transitionComplaint(
      c.bj,
      ticket.number,
      { to: "TRIAGED", version: 1 },
      new Date("2026-10-08T09:00:00+08:00"),
    );
    await transitionComplaint(
      c.bj,
      ticket.number,
      { to: "ESCALATED", note: "x", version: 2 },
      new Date("2026-10-08T09:10:00+08:00"),
    );
    await transitionComplaint(
      c.nhsa,
      ticket.number,
      { to: "INVESTIGATING", note: "x", version: 3 },
      new Date("2026-10-08T09:20:00+08:00"),
    );
    await transitionComplaint(
      c.bj,
      ticket.number,
      { to: "AWAITING_COMPLAINANT", reply: "请补充材料", version: 4 },
      new Date("2026-10-08T10:00:00+08:00"),
    );
    // Paused a full working day (Thursday 10:00 → Friday 10:00).
    const resumed = await transitionComplaint(
      c.bj,
      ticket.number,
      { to: "INVESTIGATING", version: 5 },
      new Date("2026-10-09T10:00:00+08:00"),
    );
    expect(resumed.pausedMinutes).toBe(450);
    // Due one working day later: Saturday 17:00 → Monday 12 Oct 17:00.
    expect(resumed.resolutionDueAt).toEqual(new Date("2026-10-12T17:00:00+08:00"));
    const row = await prisma.complaint.findUniqueOrThrow({ where: { number: ticket.number } });
    expect(row.firstResponseMinutes).toBe(60);
  });

  it("escalateOverdue notifies once per breach, however often it runs", async () => {
    const c = await cast();
    const created = new Date("2026-11-23T09:00:00+08:00"); // Monday
    const a = await createTicket(c.bj, { priority: "URGENT" }, created);
    const b = await createTicket(c.bj, { priority: "LOW" }, created);
    const later = new Date("2026-11-25T09:00:00+08:00");
    const first = await escalateOverdue(later);
    expect(first.firstResponse).toBeGreaterThanOrEqual(1);
    expect(first.resolution).toBeGreaterThanOrEqual(1);
    const again = await Promise.all([escalateOverdue(later), escalateOverdue(later)]);
    expect(again.every((r) => r.firstResponse === 0 && r.resolution === 0 && r.update === 0)).toBe(true);
    const notes = await prisma.notification.findMany({ where: { complaintId: a.id } });
    expect(notes.filter((x) => x.kind === "RESOLUTION_OVERDUE" && x.userId === c.bj.id)).toHaveLength(1);
    expect(notes.filter((x) => x.kind === "SLA_ESCALATED" && x.userId === c.nhsa.id)).toHaveLength(1);
    expect(await prisma.notification.count({ where: { complaintId: b.id, kind: "RESOLUTION_OVERDUE" } })).toBe(0);
    expect(sent.some((m) => m.kind === "SLA_ESCALATED")).toBe(true);
    // Overdue shows in the overdue queue of both bureaus.
    expect((await listComplaints(c.bj, { queue: "OVERDUE" }, later)).items.map((i) => i.number)).toContain(a.number);
    expect((await listComplaints(c.lf, { queue: "OVERDUE" }, later)).items.map((i) => i.number)).toContain(a.number);
  });
});

describe("downtime notices", () => {
  /** A two-hour planned inpatient notice; each case changes what it tests. */
  const notice = (o: Record<string, unknown>) => ({
    regionCode: "131000",
    kind: "PLANNED",
    startsAt: "2026-11-20T01:00:00Z",
    endsAt: "2026-11-20T03:00:00Z",
    services: ["INPATIENT"],
    reason: "x",
    ...o,
  });

  it("are recorded for pooling areas in scope, and flag tickets settled inside them", async () => {
    const c = await cast();
    // Beijing's bureau cannot announce Langfang's outage; 131002 is a district, not a pooling area;
    // the end before the start.
    await expect(createDowntime(c.bj, notice({}))).rejects.toBeInstanceOf(ValidationError);
    await expect(createDowntime(c.lf, notice({ regionCode: "131002" }))).rejects.toBeInstanceOf(ValidationError);
    await expect(
      createDowntime(c.lf, notice({ startsAt: "2026-11-20T03:00:00Z", endsAt: "2026-11-20T01:00:00Z" })),
    ).rejects.toBeInstanceOf(ValidationError);
    await createDowntime(c.lf, {
      regionCode: "131000",
      kind: "UNPLANNED",
      startsAt: "2026-11-20T09:00:00+08:00",
      endsAt: "2026-11-20T11:00:00+08:00",
      services: ["INPATIENT", "OUTPATIENT"],
      reason: "参保地核心系统网络中断",
    });
    const hit = await createTicket(c.bj, { settlementAt: "2026-11-20T10:15:00+08:00" });
    const miss = await createTicket(c.bj, { settlementAt: "2026-11-20T12:15:00+08:00" });
    const d = await requireComplaintDetail(c.bj, hit.number);
    expect(d.downtimes).toHaveLength(1);
    expect(d.downtimes[0]).toMatchObject({ side: "HOME", region: { code: "131000" } });
    expect(d.suggestedRootCause).toBe("HOME_REGION_DOWNTIME");
    expect((await requireComplaintDetail(c.bj, miss.number)).downtimes).toEqual([]);
  });
});
