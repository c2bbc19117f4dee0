// Demo complaint tickets: a few hundred across the 京津冀 and 长三角 region pairs, in every state,
// some overdue, some settled inside a downtime window. Deterministic (seeded PRNG), dated
// relative to now so queues always have overdue and due-today work. Written in bulk (createMany),
// with clocks computed by the same calendar and SLA table the services use.
import crypto from "node:crypto";
import type { Prisma, PrismaClient } from "../../lib/db/generated/client";
import { nationalCalendar } from "../../lib/complaints/calendar";
import {
  CATEGORIES,
  PRIORITIES,
  formatTicketNumber,
  beijingDay,
  type Category,
  type Priority,
  type RootCause,
  type State,
} from "../../lib/complaints/codes";
import { maskIdNumber, maskName, maskPhone } from "../../lib/complaints/mask";
import { slaTargets } from "../../lib/complaints/sla";
import { escalationRegion } from "../../lib/complaints/transition-effects";
import { sealIdentity } from "../../lib/complaints/identity";
import { piiKeyring } from "../../lib/crypto/keyring";
import type { Keyring } from "../../lib/crypto/pii";

/** home → visit; the visit region's bureau receives most tickets. */
const PAIRS: { home: string; visit: string; owner: string; weight: number }[] = [
  { home: "131000", visit: "110000", owner: "110000", weight: 8 },
  { home: "130100", visit: "110000", owner: "110000", weight: 5 },
  { home: "130700", visit: "110000", owner: "110000", weight: 3 },
  { home: "120000", visit: "110000", owner: "110000", weight: 3 },
  { home: "110000", visit: "131000", owner: "131000", weight: 3 },
  { home: "131000", visit: "120000", owner: "120000", weight: 3 },
  { home: "131000", visit: "110000", owner: "131000", weight: 2 },
  { home: "320100", visit: "310000", owner: "310000", weight: 3 },
  { home: "330100", visit: "310000", owner: "310000", weight: 3 },
  { home: "340100", visit: "310000", owner: "310000", weight: 2 },
  { home: "310000", visit: "330100", owner: "330000", weight: 2 },
];

const STATE_MIX: [State, number][] = [
  ["NEW", 10],
  ["TRIAGED", 8],
  ["INVESTIGATING", 14],
  ["AWAITING_OTHER_BUREAU", 10],
  ["AWAITING_COMPLAINANT", 4],
  ["ESCALATED", 4],
  ["RESOLVED", 12],
  ["REOPENED", 2],
  ["CLOSED", 36],
];

const ROOT_FOR: Record<Category, RootCause[]> = {
  SETTLEMENT_FAILED: ["HOME_REGION_DOWNTIME", "HOME_REGION_DOWNTIME", "INSTITUTION_SYSTEM_ERROR", "FILING_MISSING"],
  FILING_PROBLEM: ["FILING_MISSING", "FILING_MISSING", "POLICY_MISUNDERSTANDING"],
  REIMBURSEMENT_DISPUTE: ["POLICY_MISUNDERSTANDING", "OTHER", "FILING_MISSING"],
  CARD_REFUSED: ["INSTITUTION_NOT_NETWORKED", "INSTITUTION_NOT_NETWORKED", "INSTITUTION_SYSTEM_ERROR"],
  POLICY_QUESTION: ["POLICY_MISUNDERSTANDING"],
  OTHER: ["OTHER", "INSTITUTION_SYSTEM_ERROR"],
};

const DESCRIPTIONS: Record<Category, string[]> = {
  SETTLEMENT_FAILED: [
    "出院结算时提示“参保地系统无响应”，无法直接结算，医院要求全额自付。",
    "门诊刷卡结算失败，提示交易超时，只能先自费。",
  ],
  FILING_PROBLEM: ["已在手机上办理异地备案，但医院查询不到备案信息。", "备案显示审核中，就医时无法享受异地直接结算。"],
  REIMBURSEMENT_DISPUTE: [
    "异地直接结算后报销比例明显低于参保地，怀疑未按备案类型结算。",
    "回参保地手工报销被告知部分费用不予报销。",
  ],
  CARD_REFUSED: ["医院收费处称不接受外地医保卡，要求先自费。", "药店称未开通跨省购药结算。"],
  POLICY_QUESTION: ["咨询长期在京居住人员备案后能否在参保地继续就医。", "咨询门诊慢特病跨省结算需要哪些材料。"],
  OTHER: ["对医院医保窗口服务态度不满意。", "结算单据打印有误，需要更正。"],
};

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗";
const GIVEN = ["秀兰", "建国", "桂英", "志强", "淑珍", "海燕", "国华", "丽娟", "明", "静", "伟", "芳"];

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function weighted<T>(rand: () => number, items: [T, number][]): T {
  const total = items.reduce((n, [, w]) => n + w, 0);
  let x = rand() * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1]![0];
}

/** `keys`: the keys the phone and ID numbers are encrypted under (decision 012); asked only when seeding. */
export async function seedComplaintsDemo(
  prisma: PrismaClient,
  count = 320,
  now = new Date(),
  keys: () => Keyring = () => piiKeyring(),
): Promise<boolean> {
  if ((await prisma.complaint.count()) > 0) return false;
  const ring = keys();
  const bureaus = await prisma.bureau.findMany({ select: { id: true, regionCode: true } });
  const bureauOf = new Map(bureaus.map((b) => [b.regionCode, b.id]));
  const handlers = await prisma.user.findMany({
    where: { roles: { has: "COMPLAINT_HANDLER" } },
    select: { id: true, displayName: true, bureau: { select: { regionCode: true } } },
  });
  const pairs = PAIRS.filter((p) => bureauOf.has(p.owner));
  if (!pairs.length) return false;
  const institutions = await prisma.institution.findMany({
    where: {
      status: "ACTIVE",
      type: { in: ["HOSPITAL", "PHARMACY"] },
      OR: pairs.map((p) => ({ regionCode: { startsWith: p.visit.slice(0, p.visit.endsWith("0000") ? 2 : 4) } })),
    },
    select: { code: true, name: true, regionCode: true },
    take: 400,
    orderBy: { code: "asc" },
  });
  const cal = nationalCalendar();
  const rand = prng(20261125);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const year = Number(beijingDay(now).slice(0, 4));

  // Downtime windows: past ones that tickets fall into, one current, a few upcoming.
  const hour = 3600_000;
  const dayStart = (daysAgo: number) =>
    new Date(Date.parse(`${beijingDay(new Date(now.getTime() - daysAgo * 86_400_000))}T00:00:00+08:00`));
  const nhsaHandler = handlers[0];
  const windowDefs = [
    {
      region: "131000",
      kind: "UNPLANNED",
      start: new Date(dayStart(3).getTime() + 9 * hour),
      hours: 3,
      reason: "参保地核心结算系统网络中断",
    },
    {
      region: "130100",
      kind: "PLANNED",
      start: new Date(dayStart(9).getTime() + 20 * hour),
      hours: 6,
      reason: "医保信息平台版本升级（计划停机）",
    },
    {
      region: "120000",
      kind: "UNPLANNED",
      start: new Date(dayStart(15).getTime() + 14 * hour),
      hours: 2,
      reason: "专线故障，跨省交易超时",
    },
    {
      region: "330100",
      kind: "PLANNED",
      start: new Date(dayStart(6).getTime() + 22 * hour),
      hours: 5,
      reason: "数据库迁移（计划停机）",
    },
    {
      region: "131000",
      kind: "PLANNED",
      start: new Date(now.getTime() - 1 * hour),
      hours: 3,
      reason: "结算系统补丁升级",
    },
    {
      region: "130700",
      kind: "PLANNED",
      start: new Date(dayStart(-2).getTime() + 21 * hour),
      hours: 8,
      reason: "机房电力改造（计划停机）",
    },
    {
      region: "110000",
      kind: "PLANNED",
      start: new Date(dayStart(-5).getTime() + 22 * hour),
      hours: 4,
      reason: "跨省结算前置机扩容",
    },
    {
      region: "340100",
      kind: "UNPLANNED",
      start: new Date(dayStart(1).getTime() + 10 * hour),
      hours: 1,
      reason: "运营商光缆中断",
    },
  ] as const;
  const windows = windowDefs.map((w) => ({
    id: crypto.randomUUID(),
    regionCode: w.region,
    kind: w.kind,
    startsAt: w.start,
    endsAt: new Date(w.start.getTime() + w.hours * hour),
    services: ["INPATIENT", "OUTPATIENT", "CHRONIC"] as ("INPATIENT" | "OUTPATIENT" | "CHRONIC")[],
    reason: w.reason,
    bureauId: bureauOf.get(w.region) ?? bureauOf.get(`${w.region.slice(0, 2)}0000`) ?? bureauOf.get("000000")!,
    createdByName: nhsaHandler?.displayName ?? "system",
  }));

  const tickets: Prisma.ComplaintCreateManyInput[] = [];
  const identities: Prisma.ComplaintIdentityCreateManyInput[] = [];
  const events: {
    complaintId: string;
    action: string;
    fromState: State | null;
    toState: State;
    note: string | null;
    rootCause: RootCause | null;
    actorName: string;
    actorRegion: string;
    at: Date;
  }[] = [];
  const comments: {
    complaintId: string;
    kind: "INTERNAL_NOTE" | "COMPLAINANT_REPLY";
    body: string;
    authorName: string;
    authorRegion: string;
    at: Date;
  }[] = [];

  for (let i = 0; i < count; i++) {
    const pair = weighted(
      rand,
      pairs.map((p) => [p, p.weight] as [typeof p, number]),
    );
    const state = weighted(rand, STATE_MIX);
    const category = weighted(
      rand,
      CATEGORIES.map((c) => [c, c === "SETTLEMENT_FAILED" ? 5 : c === "OTHER" ? 1 : 2] as [Category, number]),
    );
    const priority = weighted(
      rand,
      PRIORITIES.map((p) => [p, p === "NORMAL" ? 6 : p === "HIGH" ? 3 : 1] as [Priority, number]),
    );
    const open = !["RESOLVED", "CLOSED"].includes(state);
    // Open tickets are recent (some old enough to be overdue); closed ones spread over 12 weeks.
    const ageDays = open ? rand() * (rand() < 0.3 ? 14 : 5) : 3 + rand() * 84;
    const createdAt = new Date(now.getTime() - ageDays * 86_400_000 - rand() * 8 * hour);
    const targets = slaTargets(category, priority);
    const owner = handlers.find((h) => h.bureau.regionCode === pair.owner);
    const partyRegion = pair.owner === pair.visit ? pair.home : pair.visit;
    const party = handlers.find(
      (h) =>
        partyRegion.startsWith(h.bureau.regionCode.slice(0, h.bureau.regionCode.endsWith("0000") ? 2 : 4)) &&
        h.bureau.regionCode !== "000000",
    );
    const ownerName = owner?.displayName ?? "系统导入";
    const partyName = party?.displayName ?? ownerName;
    const inst = institutions.filter((x) =>
      x.regionCode.startsWith(pair.visit.slice(0, pair.visit.endsWith("0000") ? 2 : 4)),
    );
    const institution = inst.length && category !== "POLICY_QUESTION" ? pick(inst) : null;
    const id = crypto.randomUUID();
    const number = formatTicketNumber(year, i + 1);
    const name = pick([...SURNAMES]) + pick(GIVEN);
    const phone = `13${Math.floor(100000000 + rand() * 899999999)}`;
    const idNumber = `${pair.home}19${50 + Math.floor(rand() * 45)}0${1 + Math.floor(rand() * 9)}1${Math.floor(rand() * 9)}${String(Math.floor(rand() * 1000)).padStart(3, "0")}${Math.floor(rand() * 10)}`;
    // A third of settlement failures happened inside a past window of the home region.
    const homeWindow = windows.find((w) => w.regionCode === pair.home && w.endsAt.getTime() < now.getTime());
    const inWindow = category === "SETTLEMENT_FAILED" && homeWindow && rand() < 0.5;
    const settlementAt =
      category === "POLICY_QUESTION"
        ? null
        : inWindow
          ? new Date(
              homeWindow.startsAt.getTime() + rand() * (homeWindow.endsAt.getTime() - homeWindow.startsAt.getTime()),
            )
          : new Date(createdAt.getTime() - rand() * 2 * 86_400_000);
    const firstDue = cal.addBusinessMinutes(createdAt, targets.firstResponse);
    const resDue = cal.addBusinessMinutes(createdAt, targets.resolution);
    const lastActivity = new Date(
      Math.min(now.getTime() - 10 * 60_000, createdAt.getTime() + rand() * (now.getTime() - createdAt.getTime())),
    );
    const responded =
      state === "NEW"
        ? null
        : new Date(
            Math.min(
              lastActivity.getTime(),
              cal.addBusinessMinutes(createdAt, Math.floor(targets.firstResponse * (0.2 + rand() * 1.1))).getTime(),
            ),
          );
    const resolvedAt = ["RESOLVED", "CLOSED"].includes(state)
      ? new Date(
          Math.min(
            now.getTime() - 60_000,
            cal.addBusinessMinutes(createdAt, Math.floor(targets.resolution * (0.15 + rand() * 1.05))).getTime(),
          ),
        )
      : null;
    const rootCause: RootCause | null = resolvedAt
      ? inWindow
        ? "HOME_REGION_DOWNTIME"
        : pick(ROOT_FOR[category])
      : null;
    const ownerSide = pair.owner === pair.visit || pair.visit.startsWith(pair.owner.slice(0, 2)) ? "VISIT" : "HOME";
    const base = { homeRegionCode: pair.home, visitRegionCode: pair.visit, ownerRegionCode: pair.owner };
    const esc = state === "ESCALATED" ? escalationRegion(base) : null;
    tickets.push({
      id,
      number,
      channel: weighted(rand, [
        ["HOTLINE", 5],
        ["COUNTER", 2],
        ["ONLINE", 3],
        ["REFERRAL", 1],
      ] as ["HOTLINE" | "COUNTER" | "ONLINE" | "REFERRAL", number][]),
      complainantNameMasked: maskName(name),
      phoneMasked: maskPhone(phone),
      idNumberMasked: maskIdNumber(idNumber),
      ...base,
      institutionCode: institution?.code ?? null,
      institutionName: institution?.name ?? null,
      settlementId: settlementAt ? `JS${settlementAt.getTime().toString(36).toUpperCase()}${i}` : null,
      settlementAt,
      serviceType: category === "CARD_REFUSED" && rand() < 0.5 ? "PHARMACY" : rand() < 0.6 ? "INPATIENT" : "OUTPATIENT",
      category,
      priority,
      description: pick(DESCRIPTIONS[category]),
      state,
      ownerBureauId: bureauOf.get(pair.owner)!,
      ownerSide,
      awaitingSide:
        state === "AWAITING_OTHER_BUREAU"
          ? rand() < 0.75
            ? ownerSide === "VISIT"
              ? "HOME"
              : "VISIT"
            : ownerSide
          : null,
      escalatedToRegion: esc,
      escalatedAt: esc ? lastActivity : null,
      assigneeId: owner?.id ?? null,
      assigneeName: owner?.displayName ?? null,
      rootCause,
      firstResponseDueAt: firstDue,
      firstRespondedAt: responded,
      firstResponseMinutes: responded ? cal.businessMinutesBetween(createdAt, responded) : null,
      resolutionDueAt: resDue,
      pausedAt: state === "AWAITING_COMPLAINANT" ? lastActivity : resolvedAt,
      nextUpdateDueAt: state === "AWAITING_OTHER_BUREAU" ? cal.addBusinessMinutes(lastActivity, targets.update) : null,
      resolvedAt,
      resolutionMinutes: resolvedAt ? cal.businessMinutesBetween(createdAt, resolvedAt) : null,
      resolutionBreached: resolvedAt ? resolvedAt.getTime() > resDue.getTime() : null,
      closedAt: state === "CLOSED" ? new Date(Math.min(now.getTime(), resolvedAt!.getTime() + 86_400_000)) : null,
      createdByName: ownerName,
      createdById: owner?.id ?? null,
      createdAt,
      updatedAt: lastActivity,
      version: state === "NEW" ? 1 : 3,
    });
    identities.push({ complaintId: id, name, ...sealIdentity(ring, id, { phone, idNumber }) });
    const ev = (
      action: string,
      fromState: State | null,
      toState: State,
      at: Date,
      actor = ownerName,
      region = pair.owner,
      note: string | null = null,
      rc: RootCause | null = null,
    ) =>
      events.push({
        complaintId: id,
        action,
        fromState,
        toState,
        note,
        rootCause: rc,
        actorName: actor,
        actorRegion: region,
        at,
      });
    ev("CREATE", null, "NEW", createdAt);
    if (responded) ev("TRIAGE", "NEW", "TRIAGED", responded);
    if (state !== "NEW" && state !== "TRIAGED") {
      const at = new Date((responded ?? createdAt).getTime() + 30 * 60_000);
      ev("START", "TRIAGED", "INVESTIGATING", at, partyName, partyRegion);
      comments.push({
        complaintId: id,
        kind: "INTERNAL_NOTE",
        body: "已转参保地核实当日交易日志与备案状态。",
        authorName: ownerName,
        authorRegion: pair.owner,
        at,
      });
    }
    if (state === "AWAITING_OTHER_BUREAU")
      ev(
        "HAND_OVER",
        "INVESTIGATING",
        "AWAITING_OTHER_BUREAU",
        lastActivity,
        ownerName,
        pair.owner,
        "请协助核实该笔结算失败原因",
      );
    if (state === "AWAITING_COMPLAINANT") {
      ev("ASK_COMPLAINANT", "INVESTIGATING", "AWAITING_COMPLAINANT", lastActivity);
      comments.push({
        complaintId: id,
        kind: "COMPLAINANT_REPLY",
        body: "请提供出院结算单及缴费票据照片。",
        authorName: ownerName,
        authorRegion: pair.owner,
        at: lastActivity,
      });
    }
    if (state === "ESCALATED")
      ev(
        "ESCALATE",
        "INVESTIGATING",
        "ESCALATED",
        lastActivity,
        partyName,
        partyRegion,
        "两地核实结论不一致，请上级协调",
      );
    if (resolvedAt) {
      ev("RESOLVE", "INVESTIGATING", "RESOLVED", resolvedAt, ownerName, pair.owner, null, rootCause);
      comments.push({
        complaintId: id,
        kind: "COMPLAINANT_REPLY",
        body: "经两地核实已处理，可持结算单据办理退费或补结算。",
        authorName: ownerName,
        authorRegion: pair.owner,
        at: resolvedAt,
      });
    }
    if (state === "REOPENED")
      ev("REOPEN", "RESOLVED", "REOPENED", lastActivity, ownerName, pair.owner, "投诉人反映问题未解决");
    if (state === "CLOSED")
      ev("CLOSE", "RESOLVED", "CLOSED", new Date(Math.min(now.getTime(), resolvedAt!.getTime() + 86_400_000)));
  }
  // REOPENED tickets need resolution fields cleared and the clock running.
  for (const t of tickets) if (t.state === "REOPENED") t.pausedAt = null;
  await prisma.$transaction(
    async (tx) => {
      await tx.downtimeWindow.createMany({ data: windows });
      await tx.complaint.createMany({ data: tickets });
      await tx.complaintIdentity.createMany({ data: identities });
      await tx.complaintEvent.createMany({ data: events });
      await tx.complaintComment.createMany({ data: comments });
      await tx.complaintCounter.create({ data: { year, last: count } });
      await tx.auditLog.create({
        data: {
          actorName: "system",
          action: "SEED_DEMO",
          entityType: "Complaint",
          entityId: "demo",
          after: { tickets: count, downtimes: windows.length },
        },
      });
    },
    { timeout: 60_000 },
  );
  return true;
}
