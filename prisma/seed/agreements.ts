// Demo agreements of 京津冀 and 长三角 with their published dates (docs: shared/MISSION.md), over
// the demo roster: institutions are looked up by region, level and type at seed time, never by
// hard-coded ids. Runs after the roster seed; does nothing when agreements exist already.
import type { PrismaClient } from "../../lib/db/generated/client";
import { addDays, beijingDay } from "../../lib/time/beijing";

type Role = "HOME" | "VISIT" | "BOTH";
type Service = "INPATIENT" | "OUTPATIENT" | "CHRONIC" | "PHARMACY";

interface Spec {
  number: string;
  title: string;
  titleEn: string;
  type: "DESIGNATION" | "MUTUAL_RECOGNITION" | "FILING_FREE" | "PHARMACY_PILOT" | "LTC_EXTENSION" | "OTHER";
  direction: "ONE_WAY" | "MUTUAL";
  parties: [string, Role][];
  services: Service[];
  filingFree?: boolean;
  signedOn: string;
  effectiveFrom: string;
  effectiveTo?: string;
  documentRef: string;
  notes: string;
  scopeRule?: { minLevel?: string; types?: string[]; regionCodes?: string[] };
  institutionCodes?: string[];
  ratioRules?: Record<string, number>;
  /** Lifecycle after creation: [action, to, effectiveOn]. */
  steps: [string, string, string][];
  /** DRAFT only: parties that approved already. */
  approvedBy?: string[];
}

const JJJ: [string, Role][] = [
  ["110000", "BOTH"],
  ["120000", "BOTH"],
  ["130000", "BOTH"],
];
const at = (date: string) => new Date(`${date}T09:00:00+08:00`);
const day = (date: string) => new Date(`${date}T00:00:00.000Z`);

async function topHospitals(prisma: PrismaClient, prefix: string, n: number): Promise<string[]> {
  const rows = await prisma.institution.findMany({
    where: { regionCode: { startsWith: prefix }, level: "LEVEL_3", type: "HOSPITAL", status: "ACTIVE" },
    select: { code: true },
    orderBy: { code: "asc" },
    take: n,
  });
  return rows.map((r) => r.code);
}

/** `now`: the seeding day. The one expiring pilot and the draft are dated relative to it (decision 029). */
export async function seedAgreements(prisma: PrismaClient, now: Date = new Date()): Promise<boolean> {
  const inDays = (n: number) => addDays(beijingDay(now), n);
  if ((await prisma.agreement.count()) > 0) return false;
  const [beijing15, tianjin15] = await Promise.all([topHospitals(prisma, "11", 15), topHospitals(prisma, "12", 15)]);

  const specs: Spec[] = [
    {
      number: "JJJ-2019-01",
      title: "京津冀医疗保障协同发展合作协议",
      titleEn: "Beijing–Tianjin–Hebei healthcare-security cooperation agreement",
      type: "OTHER",
      direction: "MUTUAL",
      parties: JJJ,
      services: ["INPATIENT"],
      signedOn: "2019-06-20",
      effectiveFrom: "2019-07-01",
      effectiveTo: "2023-12-31",
      documentRef: "京津冀医保合作〔2019〕1号",
      notes: "三地医保部门合作框架：三级定点医疗机构住院费用直接结算，五年合作期。",
      scopeRule: { minLevel: "LEVEL_3" },
      steps: [
        ["ACTIVATE", "ACTIVE", "2019-07-01"],
        ["EXPIRE", "EXPIRED", "2024-01-01"],
      ],
    },
    {
      number: "HB-2020-01",
      title: "河北省异地就医定点京津医疗机构（京、津各15家）",
      titleEn: "Hebei designates 15 Beijing and 15 Tianjin hospitals for its insured",
      type: "DESIGNATION",
      direction: "ONE_WAY",
      parties: [
        ["130000", "HOME"],
        ["110000", "VISIT"],
        ["120000", "VISIT"],
      ],
      services: ["INPATIENT", "OUTPATIENT"],
      signedOn: "2020-06-15",
      effectiveFrom: "2020-07-01",
      documentRef: "冀医保字〔2020〕18号",
      notes: "河北参保人员在指定的京津医疗机构就医，视同省内转诊。",
      institutionCodes: [...beijing15, ...tianjin15],
      ratioRules: { REFERRAL: 5, EMERGENCY: 5 },
      steps: [["ACTIVATE", "ACTIVE", "2020-07-01"]],
    },
    {
      number: "HB-2021-01",
      title: "河北省二级及以上定点医疗机构开通京津参保人员门诊费用直接结算",
      titleEn: "Outpatient direct settlement for Beijing and Tianjin insured at all Hebei level-2+ institutions",
      type: "MUTUAL_RECOGNITION",
      direction: "ONE_WAY",
      parties: [
        ["110000", "HOME"],
        ["120000", "HOME"],
        ["130000", "VISIT"],
      ],
      services: ["OUTPATIENT"],
      signedOn: "2021-08-20",
      effectiveFrom: "2021-09-01",
      documentRef: "冀医保函〔2021〕56号",
      notes: "河北全部二级及以上定点医疗机构纳入门诊直接结算。",
      scopeRule: { minLevel: "LEVEL_2", types: ["HOSPITAL"] },
      steps: [["ACTIVATE", "ACTIVE", "2021-09-01"]],
    },
    {
      number: "JJJ-2022-01",
      title: "京津冀区域内二级及以上定点医疗机构互认",
      titleEn: "Mutual recognition of level-2 and level-3 designated institutions in Beijing–Tianjin–Hebei",
      type: "MUTUAL_RECOGNITION",
      direction: "MUTUAL",
      parties: JJJ,
      services: ["INPATIENT", "OUTPATIENT", "CHRONIC"],
      signedOn: "2022-03-25",
      effectiveFrom: "2022-04-01",
      documentRef: "京医保发〔2022〕9号",
      notes: "三地二级及以上定点医疗机构自动互认为异地就医定点机构。",
      scopeRule: { minLevel: "LEVEL_2" },
      steps: [["ACTIVATE", "ACTIVE", "2022-04-01"]],
    },
    {
      number: "HB-2023-01",
      title: "河北参保人员在京津住院免备案直接结算",
      titleEn: "Filing-free inpatient settlement for Hebei insured in Beijing and Tianjin",
      type: "FILING_FREE",
      direction: "ONE_WAY",
      parties: [
        ["130000", "HOME"],
        ["110000", "VISIT"],
        ["120000", "VISIT"],
      ],
      services: ["INPATIENT"],
      filingFree: true,
      signedOn: "2023-01-30",
      effectiveFrom: "2023-02-10",
      documentRef: "冀医保字〔2023〕3号",
      notes: "自2023年2月10日起，河北参保人员到京津二级及以上定点医疗机构住院无需办理备案。",
      scopeRule: { minLevel: "LEVEL_2" },
      steps: [["ACTIVATE", "ACTIVE", "2023-02-10"]],
    },
    {
      number: "CSJ-2021-01",
      title: "长三角生态绿色一体化发展示范区异地购药直接结算试点",
      titleEn: "Pharmacy purchase pilot in the Yangtze River Delta demonstration zone (Qingpu, Wujiang, Jiashan)",
      type: "PHARMACY_PILOT",
      direction: "MUTUAL",
      parties: [
        ["310000", "BOTH"],
        ["320000", "BOTH"],
        ["330000", "BOTH"],
      ],
      services: ["PHARMACY"],
      filingFree: true,
      signedOn: "2020-12-20",
      effectiveFrom: "2021-01-01",
      documentRef: "沪医保发〔2020〕45号",
      notes: "示范区（青浦、吴江、嘉善）定点零售药店刷医保卡购药直接结算，无需备案。",
      scopeRule: { types: ["PHARMACY"], regionCodes: ["310118", "320509", "330421"] },
      steps: [["ACTIVATE", "ACTIVE", "2021-01-01"]],
    },
    {
      number: "CSJ-2022-02",
      title: "长三角长期护理保险异地结算延伸至连锁养老机构",
      titleEn: "Long-term-care settlement extended to chain elderly-care institutions across the Yangtze River Delta",
      type: "LTC_EXTENSION",
      direction: "MUTUAL",
      parties: [
        ["310000", "BOTH"],
        ["320000", "BOTH"],
        ["330000", "BOTH"],
        ["340000", "BOTH"],
      ],
      services: ["INPATIENT"],
      signedOn: "2022-06-28",
      effectiveFrom: "2022-07-01",
      // Expires within the default 60-day window of /agreements/expiring, whatever the seeding day.
      effectiveTo: inDays(25),
      documentRef: "沪医保规〔2022〕7号",
      notes: "试点期内：康养机构内设医疗机构的长期护理费用可异地结算。",
      scopeRule: { types: ["ELDERLY_CARE_MEDICAL"] },
      steps: [["ACTIVATE", "ACTIVE", "2022-07-01"]],
    },
    {
      number: "JJJ-2026-01",
      title: "京津冀门诊慢特病异地就医直接结算互认（征求意见稿）",
      titleEn: "Beijing–Tianjin–Hebei chronic outpatient settlement recognition (draft)",
      type: "MUTUAL_RECOGNITION",
      direction: "MUTUAL",
      parties: JJJ,
      services: ["CHRONIC"],
      signedOn: inDays(-35),
      effectiveFrom: inDays(26),
      documentRef: "（待发文）",
      notes: "北京市已批准，待天津市、河北省批准后生效。",
      scopeRule: { minLevel: "LEVEL_1" },
      steps: [],
      approvedBy: ["110000"],
    },
  ];

  const bureaus = await prisma.bureau.findMany({ select: { regionCode: true, name: true } });
  const bureauName = new Map(bureaus.map((b) => [b.regionCode, b.name]));
  await prisma.$transaction(async (tx) => {
    for (const s of specs) {
      const last = s.steps.at(-1);
      const a = await tx.agreement.create({
        data: {
          number: s.number,
          title: s.title,
          titleEn: s.titleEn,
          type: s.type,
          direction: s.direction,
          services: s.services,
          filingFree: s.filingFree ?? s.type === "FILING_FREE",
          effectiveFrom: day(s.effectiveFrom),
          effectiveTo: s.effectiveTo ? day(s.effectiveTo) : null,
          signedOn: day(s.signedOn),
          documentRef: s.documentRef,
          attachments: [
            { name: `${s.documentRef}.pdf`, mimeType: "application/pdf", ref: `docs://agreements/${s.number}` },
          ],
          notes: s.notes,
          scopeRule: s.scopeRule ?? undefined,
          ratioRules: s.ratioRules ?? {},
          status: (last?.[1] ?? "DRAFT") as "DRAFT",
          statusSince: day(last?.[2] ?? s.signedOn),
          createdByName: "system (demo)",
          createdAt: at(s.signedOn),
          parties: { create: s.parties.map(([regionCode, role]) => ({ regionCode, role })) },
          institutions: { create: (s.institutionCodes ?? []).map((institutionCode) => ({ institutionCode })) },
        },
      });
      const steps: [string, string | null, string, string][] = [["CREATE", null, "DRAFT", s.signedOn]];
      let from = "DRAFT";
      for (const [action, to, on] of s.steps) {
        steps.push([action, from, to, on]);
        from = to;
      }
      await tx.agreementTransition.createMany({
        data: steps.map(([action, fromStatus, toStatus, on]) => ({
          agreementId: a.id,
          action,
          fromStatus: fromStatus as "DRAFT" | null,
          toStatus: toStatus as "DRAFT",
          effectiveOn: day(on),
          recordedAt: at(action === "ACTIVATE" && on > s.signedOn ? s.signedOn : on),
          actorName: action === "EXPIRE" ? "system" : "system (demo)",
        })),
      });
      const approvers = s.approvedBy ?? (s.steps.length ? s.parties.map(([c]) => c) : []);
      if (approvers.length) {
        await tx.agreementApproval.createMany({
          data: approvers.map((regionCode) => ({
            agreementId: a.id,
            regionCode,
            approverId: "00000000-0000-0000-0000-000000000000",
            approverName: `${bureauName.get(regionCode) ?? regionCode}（演示数据）`,
            approverRegion: regionCode,
            at: at(s.signedOn),
          })),
        });
      }
    }
    await tx.auditLog.create({
      data: {
        actorName: "system",
        action: "SEED_DEMO",
        entityType: "Agreement",
        entityId: "demo",
        after: { agreements: specs.length, listed: beijing15.length + tianjin15.length },
      },
    });
  });
  return true;
}
