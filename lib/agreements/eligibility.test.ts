// The eligibility engine, table-driven: one row per situation the issue names, each with the
// expected answer and the reason codes it must give.
import { describe, expect, it } from "vitest";
import type { AgreementFacts, EligibilityQuery, InstitutionFacts } from "./eligibility";
import { agreementStatusOn, evaluateEligibility } from "./eligibility";

const at = (iso: string) => new Date(`${iso}T08:00:00+08:00`);

/** A Beijing level-3 hospital, designated 2015, inpatient and outpatient since 2019. */
function hospital(over: Partial<InstitutionFacts> = {}): InstitutionFacts {
  return {
    code: "H11010500001",
    name: "北京朝阳医院",
    type: "HOSPITAL",
    level: "LEVEL_3",
    regionCode: "110105",
    statusEvents: [{ status: "ACTIVE", effectiveOn: "2015-01-01", reason: "designated", seq: 1 }],
    servicePeriods: [
      { service: "INPATIENT", diseases: [], openedOn: "2019-01-01", closedOn: null },
      { service: "OUTPATIENT", diseases: [], openedOn: "2019-01-01", closedOn: null },
      { service: "CHRONIC", diseases: ["HYPERTENSION", "DIABETES"], openedOn: "2020-01-01", closedOn: null },
    ],
    ...over,
  };
}

/** 2022 京津冀 mutual recognition of level ≥ 2, active since 2022-01-01. */
function mutual(over: Partial<AgreementFacts> = {}): AgreementFacts {
  return {
    id: "a-mutual",
    number: "JJJ-2022-01",
    title: "京津冀二级及以上定点医疗机构互认",
    titleEn: null,
    type: "MUTUAL_RECOGNITION",
    direction: "MUTUAL",
    parties: [
      { regionCode: "110000", role: "BOTH" },
      { regionCode: "120000", role: "BOTH" },
      { regionCode: "130000", role: "BOTH" },
    ],
    services: ["INPATIENT", "OUTPATIENT", "CHRONIC"],
    diseases: [],
    filingFree: false,
    effectiveFrom: "2022-01-01",
    effectiveTo: null,
    scopeRule: { minLevel: "LEVEL_2" },
    institutionCodes: new Set(),
    ratioRules: {},
    transitions: [{ toStatus: "ACTIVE", effectiveOn: "2022-01-01", recordedAt: at("2021-12-20"), seq: 1 }],
    createdAt: at("2021-12-01"),
    ...over,
  };
}

/** 2023-02-10 filing-free inpatient for Hebei insured in Beijing and Tianjin (one way). */
function filingFree(over: Partial<AgreementFacts> = {}): AgreementFacts {
  return mutual({
    id: "a-free",
    number: "JJJ-2023-01",
    title: "河北参保人员在京津住院免备案",
    type: "FILING_FREE",
    direction: "ONE_WAY",
    parties: [
      { regionCode: "130000", role: "HOME" },
      { regionCode: "110000", role: "VISIT" },
      { regionCode: "120000", role: "VISIT" },
    ],
    services: ["INPATIENT"],
    filingFree: true,
    effectiveFrom: "2023-02-10",
    ratioRules: { OTHER_TEMPORARY: 10 },
    transitions: [{ toStatus: "ACTIVE", effectiveOn: "2023-02-10", recordedAt: at("2023-02-01"), seq: 2 }],
    ...over,
  });
}

/** 2020: Hebei designates listed Beijing hospitals (one way, explicit list). */
function designation(over: Partial<AgreementFacts> = {}): AgreementFacts {
  return mutual({
    id: "a-list",
    number: "JJJ-2020-01",
    title: "河北省异地就医定点京津医疗机构",
    type: "DESIGNATION",
    direction: "ONE_WAY",
    parties: [
      { regionCode: "130000", role: "HOME" },
      { regionCode: "110000", role: "VISIT" },
    ],
    services: ["INPATIENT", "OUTPATIENT"],
    effectiveFrom: "2020-01-01",
    scopeRule: null,
    institutionCodes: new Set(["H11010500001"]),
    ratioRules: { EMERGENCY: 5, REFERRAL: 8 },
    transitions: [{ toStatus: "ACTIVE", effectiveOn: "2020-01-01", recordedAt: at("2019-12-20"), seq: 3 }],
    ...over,
  });
}

const hebeiInpatient: EligibilityQuery = { homeRegion: "130100", service: "INPATIENT", date: "2024-05-01" };

interface Row {
  name: string;
  inst: InstitutionFacts | null;
  query?: Partial<EligibilityQuery>;
  agreements: AgreementFacts[];
  eligible: boolean;
  filingRequired?: boolean;
  reduction?: number | null;
  basis?: string[];
  reasons: string[];
}

const rows: Row[] = [
  {
    name: "covered by the level rule of a mutual agreement; filing required",
    inst: hospital(),
    agreements: [mutual()],
    eligible: true,
    filingRequired: true,
    basis: ["JJJ-2022-01"],
    reasons: ["covered", "filingRequired"],
  },
  {
    name: "institution suspended on the date",
    inst: hospital({
      statusEvents: [
        { status: "ACTIVE", effectiveOn: "2015-01-01", reason: "designated", seq: 1 },
        { status: "SUSPENDED", effectiveOn: "2024-04-01", reason: "违规", seq: 2 },
        { status: "ACTIVE", effectiveOn: "2024-06-01", reason: "整改完成", seq: 3 },
      ],
    }),
    agreements: [mutual()],
    eligible: false,
    reasons: ["institutionStatus"],
  },
  {
    name: "the same institution after its suspension ended",
    inst: hospital({
      statusEvents: [
        { status: "ACTIVE", effectiveOn: "2015-01-01", reason: "designated", seq: 1 },
        { status: "SUSPENDED", effectiveOn: "2024-04-01", reason: "违规", seq: 2 },
        { status: "ACTIVE", effectiveOn: "2024-06-01", reason: "整改完成", seq: 3 },
      ],
    }),
    query: { date: "2024-06-01" },
    agreements: [mutual()],
    eligible: true,
    basis: ["JJJ-2022-01"],
    reasons: ["covered", "filingRequired"],
  },
  {
    name: "service opened after the date",
    inst: hospital({
      servicePeriods: [{ service: "INPATIENT", diseases: [], openedOn: "2024-07-01", closedOn: null }],
    }),
    agreements: [mutual()],
    eligible: false,
    reasons: ["serviceOpensLater"],
  },
  {
    name: "service closed before the date",
    inst: hospital({
      servicePeriods: [{ service: "INPATIENT", diseases: [], openedOn: "2019-01-01", closedOn: "2024-01-01" }],
    }),
    agreements: [mutual()],
    eligible: false,
    reasons: ["serviceClosed"],
  },
  {
    name: "not yet designated on the date",
    inst: hospital(),
    query: { date: "2014-06-01" },
    agreements: [mutual()],
    eligible: false,
    reasons: ["notDesignated"],
  },
  {
    name: "agreement not yet effective",
    inst: hospital(),
    query: { date: "2021-06-01" },
    agreements: [mutual()],
    eligible: false,
    reasons: ["notYetEffective"],
  },
  {
    name: "agreement expired (past its effective-to)",
    inst: hospital(),
    agreements: [mutual({ effectiveTo: "2023-12-31" })],
    eligible: false,
    reasons: ["expired"],
  },
  {
    name: "agreement suspended on the date",
    inst: hospital(),
    agreements: [
      mutual({
        transitions: [
          { toStatus: "ACTIVE", effectiveOn: "2022-01-01", recordedAt: at("2021-12-20"), seq: 1 },
          { toStatus: "SUSPENDED", effectiveOn: "2024-03-01", recordedAt: at("2024-02-25"), seq: 2 },
          { toStatus: "ACTIVE", effectiveOn: "2024-09-01", recordedAt: at("2024-08-25"), seq: 3 },
        ],
      }),
    ],
    eligible: false,
    reasons: ["suspended"],
  },
  {
    name: "agreement terminated",
    inst: hospital(),
    agreements: [
      mutual({
        transitions: [
          { toStatus: "ACTIVE", effectiveOn: "2022-01-01", recordedAt: at("2021-12-20"), seq: 1 },
          { toStatus: "TERMINATED", effectiveOn: "2024-01-01", recordedAt: at("2023-12-20"), seq: 2 },
        ],
      }),
    ],
    eligible: false,
    reasons: ["terminated"],
  },
  {
    name: "a draft agreement covers nothing",
    inst: hospital(),
    agreements: [mutual({ transitions: [] })],
    eligible: false,
    reasons: ["notActive"],
  },
  {
    name: "one-way agreement asked in the wrong direction (Beijing insured in Hebei)",
    inst: hospital({ code: "H13010200001", regionCode: "130102", name: "河北医科大学第二医院" }),
    query: { homeRegion: "110000" },
    agreements: [filingFree()],
    eligible: false,
    reasons: ["wrongDirection"],
  },
  {
    name: "level rule excludes a 一级 institution",
    inst: hospital({ level: "LEVEL_1" }),
    agreements: [mutual()],
    eligible: false,
    reasons: ["levelBelowRule"],
  },
  {
    name: "level rule excludes an unrated institution",
    inst: hospital({ level: "UNRATED" }),
    agreements: [mutual()],
    eligible: false,
    reasons: ["levelBelowRule"],
  },
  {
    name: "filing-free clause: no filing for inpatient care",
    inst: hospital(),
    agreements: [filingFree()],
    eligible: true,
    filingRequired: false,
    basis: ["JJJ-2023-01"],
    reasons: ["covered", "filingFree"],
  },
  {
    name: "filing-free does not reach a service it does not list (outpatient)",
    inst: hospital(),
    query: { service: "OUTPATIENT" },
    agreements: [mutual(), filingFree()],
    eligible: true,
    filingRequired: true,
    basis: ["JJJ-2022-01"],
    reasons: ["covered", "filingRequired", "serviceNotCovered"],
  },
  {
    name: "filing-free before its start date: filing still required",
    inst: hospital(),
    query: { date: "2023-02-09" },
    agreements: [mutual(), filingFree()],
    eligible: true,
    filingRequired: true,
    basis: ["JJJ-2022-01"],
    reasons: ["covered", "filingRequired", "notYetEffective"],
  },
  {
    name: "emergency: national cap 10 points without an agreement rule",
    inst: hospital(),
    query: { filingType: "EMERGENCY" },
    agreements: [mutual()],
    eligible: true,
    reduction: 10,
    basis: ["JJJ-2022-01"],
    reasons: ["covered", "filingRequired", "ratio"],
  },
  {
    name: "other temporary trip: national cap 20 points",
    inst: hospital(),
    query: { filingType: "OTHER_TEMPORARY" },
    agreements: [mutual()],
    eligible: true,
    reduction: 20,
    basis: ["JJJ-2022-01"],
    reasons: ["covered", "filingRequired", "ratio"],
  },
  {
    name: "relocated residents: no reduction",
    inst: hospital(),
    query: { filingType: "RELOCATED" },
    agreements: [mutual()],
    eligible: true,
    reduction: 0,
    reasons: ["covered", "filingRequired", "ratio"],
  },
  {
    name: "emergency under a designation with its own 5-point rule",
    inst: hospital(),
    query: { filingType: "EMERGENCY" },
    agreements: [designation()],
    eligible: true,
    reduction: 5,
    basis: ["JJJ-2020-01"],
    reasons: ["covered", "filingRequired", "ratio"],
  },
  {
    name: "several overlapping agreements: all cited, lowest reduction, filing-free wins",
    inst: hospital(),
    query: { filingType: "OTHER_TEMPORARY" },
    agreements: [filingFree(), mutual(), designation()],
    eligible: true,
    filingRequired: false,
    reduction: 10,
    basis: ["JJJ-2020-01", "JJJ-2022-01", "JJJ-2023-01"],
    reasons: ["covered", "filingFree", "ratio"],
  },
  {
    name: "explicit list: an unlisted institution is not covered",
    inst: hospital({ code: "H11010500099" }),
    agreements: [designation()],
    eligible: false,
    reasons: ["notListed"],
  },
  {
    name: "no agreement between the regions",
    inst: hospital({ regionCode: "310104", code: "H31010400001" }),
    agreements: [mutual()],
    eligible: false,
    reasons: ["noAgreement"],
  },
  {
    name: "unknown institution",
    inst: null,
    agreements: [mutual()],
    eligible: false,
    reasons: ["institutionUnknown"],
  },
  {
    name: "chronic: the institution does not treat the disease",
    inst: hospital(),
    query: { service: "CHRONIC", disease: "DIALYSIS" },
    agreements: [mutual()],
    eligible: false,
    reasons: ["diseaseNotOffered"],
  },
  {
    name: "chronic: the agreement lists other diseases",
    inst: hospital(),
    query: { service: "CHRONIC", disease: "DIABETES" },
    agreements: [mutual({ diseases: ["HYPERTENSION"] })],
    eligible: false,
    reasons: ["diseaseNotCovered"],
  },
  {
    name: "pharmacy pilot limited to the demonstration zone",
    inst: hospital({
      code: "P32050900001",
      type: "PHARMACY",
      level: "UNRATED",
      regionCode: "320506",
      servicePeriods: [{ service: "PHARMACY", diseases: [], openedOn: "2021-01-01", closedOn: null }],
    }),
    query: { homeRegion: "310000", service: "PHARMACY" },
    agreements: [
      mutual({
        number: "CSJ-2021-01",
        parties: [
          { regionCode: "310000", role: "BOTH" },
          { regionCode: "320000", role: "BOTH" },
          { regionCode: "330000", role: "BOTH" },
        ],
        services: ["PHARMACY"],
        scopeRule: { types: ["PHARMACY"], regionCodes: ["310118", "320509", "330421"] },
      }),
    ],
    eligible: false,
    reasons: ["outsideRuleRegions"],
  },
  {
    name: "local settlement inside the home pooling area",
    inst: hospital(),
    query: { homeRegion: "110000" },
    agreements: [],
    eligible: true,
    filingRequired: false,
    reasons: ["local"],
  },
  {
    name: "local settlement inside a city pooling area (廊坊市 home, 安次区 hospital)",
    inst: hospital({ regionCode: "131002" }),
    query: { homeRegion: "131000" },
    agreements: [],
    eligible: true,
    filingRequired: false,
    reasons: ["local"],
  },
  {
    name: "a county home settles with its city's fund (固安县 home, 安次区 hospital)",
    inst: hospital({ regionCode: "131002" }),
    query: { homeRegion: "131022" },
    agreements: [],
    eligible: true,
    reasons: ["local"],
  },
  {
    name: "local settlement inside 新疆生产建设兵团",
    inst: hospital({ regionCode: "660100" }),
    query: { homeRegion: "660000" },
    agreements: [],
    eligible: true,
    reasons: ["local"],
  },
  {
    name: "two county-level cities directly under 湖北省 are two funds (仙桃市 home, 潜江市 hospital)",
    inst: hospital({ regionCode: "429005" }),
    query: { homeRegion: "429004" },
    agreements: [],
    eligible: false,
    reasons: ["noAgreement"],
  },
  {
    name: "the 省直辖 grouping node is no fund: nothing under it is local",
    inst: hospital({ regionCode: "429004" }),
    query: { homeRegion: "429000" },
    agreements: [],
    eligible: false,
    reasons: ["noAgreement"],
  },
  {
    name: "a province is no fund: another city of the province is cross-region",
    inst: hospital({ regionCode: "131002" }),
    query: { homeRegion: "130000" },
    agreements: [],
    eligible: false,
    reasons: ["noAgreement"],
  },
];

describe("evaluateEligibility", () => {
  it.each(rows)("$name", (row) => {
    const answer = evaluateEligibility(row.inst, { ...hebeiInpatient, ...row.query }, row.agreements);
    expect(answer.eligible).toBe(row.eligible);
    expect(answer.reasons.map((r) => r.key.replace("agreements.reasons.", ""))).toEqual(row.reasons);
    if (row.filingRequired !== undefined) expect(answer.filingRequired).toBe(row.filingRequired);
    if (row.reduction !== undefined) expect(answer.maxRatioReductionPoints).toBe(row.reduction);
    if (row.basis) expect(answer.basis.map((b) => b.number)).toEqual(row.basis);
    if (!row.eligible) expect(answer.basis).toEqual([]);
  });

  it("cites the clause: listed, or matched by the level rule", () => {
    const answer = evaluateEligibility(hospital(), hebeiInpatient, [mutual(), designation()]);
    expect(answer.basis.map((b) => b.clause.key)).toEqual(["agreements.clause.listed", "agreements.clause.ruleLevel"]);
  });

  it("answers as known at an instant: a suspension recorded later does not change an earlier answer", () => {
    const a = mutual({
      transitions: [
        { toStatus: "ACTIVE", effectiveOn: "2022-01-01", recordedAt: at("2021-12-20"), seq: 1 },
        { toStatus: "SUSPENDED", effectiveOn: "2024-05-01", recordedAt: at("2024-05-01"), seq: 2 },
      ],
    });
    const q = { ...hebeiInpatient, date: "2024-05-02" };
    expect(evaluateEligibility(hospital(), q, [a]).eligible).toBe(false);
    expect(evaluateEligibility(hospital(), { ...q, asOf: at("2024-04-30") }, [a]).eligible).toBe(true);
    // An agreement created after the instant did not exist yet.
    expect(evaluateEligibility(hospital(), { ...q, asOf: at("2021-11-01") }, [a]).reasons[0]!.key).toBe(
      "agreements.reasons.noAgreement",
    );
  });
});

describe("agreementStatusOn", () => {
  const ts = [
    { toStatus: "ACTIVE" as const, effectiveOn: "2022-01-01", recordedAt: at("2021-12-01"), seq: 1 },
    { toStatus: "SUSPENDED" as const, effectiveOn: "2023-01-01", recordedAt: at("2022-12-01"), seq: 2 },
    { toStatus: "ACTIVE" as const, effectiveOn: "2023-01-01", recordedAt: at("2022-12-02"), seq: 3 },
  ];
  it("takes the latest step on or before the date; same-day steps by order", () => {
    expect(agreementStatusOn(ts, "2021-12-31")).toBeNull();
    expect(agreementStatusOn(ts, "2022-06-01")).toEqual({ status: "ACTIVE", since: "2022-01-01" });
    expect(agreementStatusOn(ts, "2023-01-01")).toEqual({ status: "ACTIVE", since: "2023-01-01" });
    expect(agreementStatusOn(ts, "2023-01-01", at("2022-12-01"))).toEqual({ status: "SUSPENDED", since: "2023-01-01" });
  });
});
