// The eligibility engine: "may an insured person of region H settle service S at institution I
// on date D — on which agreements, with or without filing, at what payment-ratio reduction?"
// Pure: the loader (check.ts) gathers the institution's dated rows and the agreements; this
// function answers, so the same facts always give the same answer (the permalink relies on it).
import type { MessageRef } from "../errors";
import { isWithin } from "../auth/roles";
import { poolingAreaOf } from "../regions/pooling";
import type {
  ChronicDisease,
  InstitutionLevel,
  InstitutionStatus,
  InstitutionType,
  ServiceKind,
} from "../facilities/codes";
import { servicesOnDate, statusOnDate, type ServicePeriod, type StatusEventLike } from "../facilities/history";
import {
  FILING_TYPES,
  levelAtLeast,
  reductionFor,
  type AgreementStatus,
  type AgreementType,
  type Direction,
  type FilingType,
  type PartyRole,
  type RatioRules,
} from "./codes";

// ---- Inputs --------------------------------------------------------------------------------

export interface InstitutionFacts {
  code: string;
  name: string;
  type: InstitutionType;
  level: InstitutionLevel;
  regionCode: string;
  /** Every dated status event (the roster's history). */
  statusEvents: readonly StatusEventLike[];
  /** Every service period, open or closed. */
  servicePeriods: readonly ServicePeriod[];
}

export interface ScopeRule {
  /** Institutions of at least this level (未定级 never qualifies); absent = any level. */
  minLevel?: InstitutionLevel | null;
  /** Institution types; empty or absent = any type. */
  types?: InstitutionType[];
  /** Narrower areas inside the visit parties (e.g. a demonstration zone); empty = all. */
  regionCodes?: string[];
}

export interface TransitionFact {
  toStatus: AgreementStatus;
  effectiveOn: string;
  /** When the step was recorded: answers "as known at" an instant ignore later records. */
  recordedAt: Date;
  seq: number;
}

export interface AgreementFacts {
  id: string;
  number: string;
  title: string;
  titleEn: string | null;
  type: AgreementType;
  direction: Direction;
  parties: readonly { regionCode: string; role: PartyRole }[];
  services: readonly ServiceKind[];
  diseases: readonly ChronicDisease[];
  filingFree: boolean;
  effectiveFrom: string;
  /** Last day in force, inclusive. */
  effectiveTo: string | null;
  scopeRule: ScopeRule | null;
  institutionCodes: ReadonlySet<string>;
  ratioRules: RatioRules;
  transitions: readonly TransitionFact[];
  createdAt: Date;
}

export interface EligibilityQuery {
  homeRegion: string;
  service: ServiceKind;
  date: string;
  filingType?: FilingType;
  disease?: ChronicDisease;
  /** Evaluate as known at this instant (permalinks); default: everything recorded. */
  asOf?: Date;
}

// ---- Output --------------------------------------------------------------------------------

export interface BasisItem {
  agreementId: string;
  number: string;
  title: string;
  titleEn: string | null;
  type: AgreementType;
  filingFree: boolean;
  /** Why this agreement covers the institution (listed, or matched by its rule). */
  clause: MessageRef;
  /** Its reduction by filing type. */
  ratioReductionPoints: Record<FilingType, number>;
}

export interface EligibilityAnswer {
  eligible: boolean;
  /** True unless a covering agreement has a filing-free clause for this service. */
  filingRequired: boolean;
  /** For the filing type asked; null when none was given or nothing covers. */
  maxRatioReductionPoints: number | null;
  /** The lowest reduction any covering agreement allows, per filing type; null when not eligible. */
  ratioByFilingType: Record<FilingType, number> | null;
  basis: BasisItem[];
  reasons: MessageRef[];
}

// ---- Pieces --------------------------------------------------------------------------------

const homeRoles: readonly PartyRole[] = ["HOME", "BOTH"];
const visitRoles: readonly PartyRole[] = ["VISIT", "BOTH"];

function partyCovers(parties: AgreementFacts["parties"], region: string, roles: readonly PartyRole[]): boolean {
  return parties.some((p) => roles.includes(p.role) && isWithin(p.regionCode, region));
}

/** The agreement names both regions as parties at all (in whatever role). */
export function involves(a: Pick<AgreementFacts, "parties">, homeRegion: string, visitRegion: string): boolean {
  return (
    a.parties.some((p) => isWithin(p.regionCode, homeRegion)) &&
    a.parties.some((p) => isWithin(p.regionCode, visitRegion))
  );
}

/** Insured persons of `homeRegion` are covered in `visitRegion` (mutual: every party both ways). */
export function coversDirection(
  a: Pick<AgreementFacts, "parties" | "direction">,
  homeRegion: string,
  visitRegion: string,
): boolean {
  if (a.direction === "MUTUAL") return involves(a, homeRegion, visitRegion);
  return partyCovers(a.parties, homeRegion, homeRoles) && partyCovers(a.parties, visitRegion, visitRoles);
}

/** The status in force on `date` as recorded by `asOf` (null: no step yet, i.e. a draft). */
export function agreementStatusOn(
  transitions: readonly TransitionFact[],
  date: string,
  asOf?: Date,
): { status: AgreementStatus; since: string } | null {
  let best: TransitionFact | null = null;
  for (const t of transitions) {
    if (t.effectiveOn > date) continue;
    if (asOf && t.recordedAt.getTime() > asOf.getTime()) continue;
    if (!best || t.effectiveOn > best.effectiveOn || (t.effectiveOn === best.effectiveOn && t.seq > best.seq)) best = t;
  }
  return best ? { status: best.toStatus, since: best.effectiveOn } : null;
}

/** In force on `date`: within [effectiveFrom, effectiveTo] and ACTIVE by its history. */
export function inForceReason(a: AgreementFacts, date: string, asOf?: Date): MessageRef | null {
  const p = { number: a.number };
  if (date < a.effectiveFrom)
    return { key: "agreements.reasons.notYetEffective", params: { ...p, from: a.effectiveFrom } };
  if (a.effectiveTo !== null && date > a.effectiveTo)
    return { key: "agreements.reasons.expired", params: { ...p, to: a.effectiveTo } };
  const s = agreementStatusOn(a.transitions, date, asOf);
  if (!s || s.status === "DRAFT") return { key: "agreements.reasons.notActive", params: p };
  if (s.status === "SUSPENDED") return { key: "agreements.reasons.suspended", params: { ...p, since: s.since } };
  if (s.status === "TERMINATED") return { key: "agreements.reasons.terminated", params: { ...p, since: s.since } };
  if (s.status === "EXPIRED") return { key: "agreements.reasons.expired", params: { ...p, to: s.since } };
  return null;
}

type ScopeResult = { ok: true; clause: MessageRef } | { ok: false; reason: MessageRef };

/** Listed explicitly, or matched by the rule (an ACTIVE institution is checked by the caller). */
export function scopeMatch(
  a: AgreementFacts,
  inst: Pick<InstitutionFacts, "code" | "type" | "level" | "regionCode">,
): ScopeResult {
  const p = { number: a.number };
  if (a.institutionCodes.has(inst.code)) return { ok: true, clause: { key: "agreements.clause.listed", params: p } };
  const rule = a.scopeRule;
  if (!rule) return { ok: false, reason: { key: "agreements.reasons.notListed", params: p } };
  if (rule.regionCodes?.length && !rule.regionCodes.some((r) => isWithin(r, inst.regionCode))) {
    return {
      ok: false,
      reason: { key: "agreements.reasons.outsideRuleRegions", params: { ...p, regions: rule.regionCodes.join("、") } },
    };
  }
  if (rule.minLevel && !levelAtLeast(inst.level, rule.minLevel)) {
    return {
      ok: false,
      reason: {
        key: "agreements.reasons.levelBelowRule",
        params: { ...p, level: inst.level, minLevel: rule.minLevel },
      },
    };
  }
  if (rule.types?.length && !rule.types.includes(inst.type)) {
    return { ok: false, reason: { key: "agreements.reasons.typeNotInRule", params: { ...p, type: inst.type } } };
  }
  return {
    ok: true,
    clause: {
      key: rule.minLevel ? "agreements.clause.ruleLevel" : "agreements.clause.rule",
      params: { ...p, minLevel: rule.minLevel ?? "" },
    },
  };
}

function ratiosOf(rules: RatioRules): Record<FilingType, number> {
  return Object.fromEntries(FILING_TYPES.map((f) => [f, reductionFor(rules, f)])) as Record<FilingType, number>;
}

const notEligible = (reasons: MessageRef[]): EligibilityAnswer => ({
  eligible: false,
  filingRequired: true,
  maxRatioReductionPoints: null,
  ratioByFilingType: null,
  basis: [],
  reasons,
});

// ---- The engine ----------------------------------------------------------------------------

/**
 * Answers for one institution and one query over the given agreements. Institution first (its
 * status and the service on that date), then each agreement that names both regions: direction,
 * service and disease, in force on the date (window and status history), scope. Every covering
 * agreement is cited; the others say why they do not apply.
 */
export function evaluateEligibility(
  inst: InstitutionFacts | null,
  q: EligibilityQuery,
  agreements: readonly AgreementFacts[],
): EligibilityAnswer {
  if (!inst) return notEligible([{ key: "agreements.reasons.institutionUnknown" }]);
  const base: ReasonBase = { institution: inst.name, code: inst.code, date: q.date, service: q.service };
  const settled = institutionAnswer(inst, q, base);
  if (settled) return settled;
  const candidates = agreements.filter(
    (a) => (!q.asOf || a.createdAt.getTime() <= q.asOf.getTime()) && involves(a, q.homeRegion, inst.regionCode),
  );
  const { covering, rejections } = weighAgreements(candidates, inst, q);
  if (!covering.length) {
    return notEligible([
      ...(candidates.length ? [] : [{ key: "agreements.reasons.noAgreement", params: base }]),
      ...rejections,
    ]);
  }
  return coveredAnswer(covering, rejections, q, base);
}

type ReasonBase = { institution: string; code: string; date: string; service: EligibilityQuery["service"] };
type Covering = { a: AgreementFacts; clause: MessageRef };

/**
 * The answer the institution alone gives, before any agreement: local settlement (same pooling
 * area), not designated or not active on the date, the service or disease not offered; null
 * when the agreements decide.
 */
function institutionAnswer(inst: InstitutionFacts, q: EligibilityQuery, base: ReasonBase): EligibilityAnswer | null {
  // The same pooling area is local settlement, not a cross-region question.
  const homeFund = poolingAreaOf(q.homeRegion);
  if (homeFund !== null && isWithin(homeFund, inst.regionCode)) {
    return {
      eligible: true,
      filingRequired: false,
      maxRatioReductionPoints: q.filingType ? 0 : null,
      ratioByFilingType: null,
      basis: [],
      reasons: [{ key: "agreements.reasons.local", params: base }],
    };
  }

  const status = statusOnDate(inst.statusEvents, q.date);
  if (!status) return notEligible([{ key: "agreements.reasons.notDesignated", params: base }]);
  if (status.status !== "ACTIVE") {
    return notEligible([
      {
        key: "agreements.reasons.institutionStatus",
        params: { ...base, status: status.status as InstitutionStatus, since: status.since },
      },
    ]);
  }

  const open = servicesOnDate(inst.servicePeriods, q.date).filter((p) => p.service === q.service);
  if (!open.length) {
    const later = inst.servicePeriods
      .filter((p) => p.service === q.service && p.openedOn > q.date)
      .sort((a, b) => a.openedOn.localeCompare(b.openedOn))[0];
    const closed = inst.servicePeriods.some(
      (p) => p.service === q.service && p.closedOn !== null && p.closedOn <= q.date,
    );
    return notEligible([
      later
        ? { key: "agreements.reasons.serviceOpensLater", params: { ...base, openedOn: later.openedOn } }
        : closed
          ? { key: "agreements.reasons.serviceClosed", params: base }
          : { key: "agreements.reasons.serviceNotOffered", params: base },
    ]);
  }
  if (q.service === "CHRONIC" && q.disease && !open.some((p) => p.diseases.includes(q.disease!))) {
    return notEligible([{ key: "agreements.reasons.diseaseNotOffered", params: { ...base, disease: q.disease } }]);
  }
  return null;
}

/** Each agreement naming both regions: covering (with the scope clause that matched) or the reason it does not apply. */
function weighAgreements(
  candidates: readonly AgreementFacts[],
  inst: InstitutionFacts,
  q: EligibilityQuery,
): { covering: Covering[]; rejections: MessageRef[] } {
  const covering: Covering[] = [];
  const rejections: MessageRef[] = [];
  for (const a of candidates) {
    const p = { number: a.number };
    if (!coversDirection(a, q.homeRegion, inst.regionCode)) {
      rejections.push({ key: "agreements.reasons.wrongDirection", params: p });
      continue;
    }
    if (!a.services.includes(q.service)) {
      rejections.push({ key: "agreements.reasons.serviceNotCovered", params: { ...p, service: q.service } });
      continue;
    }
    if (q.service === "CHRONIC" && q.disease && a.diseases.length && !a.diseases.includes(q.disease)) {
      rejections.push({ key: "agreements.reasons.diseaseNotCovered", params: { ...p, disease: q.disease } });
      continue;
    }
    const notInForce = inForceReason(a, q.date, q.asOf);
    if (notInForce) {
      rejections.push(notInForce);
      continue;
    }
    const scope = scopeMatch(a, inst);
    if (!scope.ok) {
      rejections.push(scope.reason);
      continue;
    }
    covering.push({ a, clause: scope.clause });
  }
  return { covering, rejections };
}

/** The eligible answer: every covering agreement cited, filing rule, the lowest ratio reduction per filing type. */
function coveredAnswer(
  covering: Covering[],
  rejections: MessageRef[],
  q: EligibilityQuery,
  base: ReasonBase,
): EligibilityAnswer {
  covering.sort((x, y) => x.a.effectiveFrom.localeCompare(y.a.effectiveFrom) || x.a.number.localeCompare(y.a.number));
  const ratioByFilingType = Object.fromEntries(
    FILING_TYPES.map((f) => [f, Math.min(...covering.map(({ a }) => reductionFor(a.ratioRules, f)))]),
  ) as Record<FilingType, number>;
  const freeBy = covering.filter(({ a }) => a.filingFree);
  const reasons: MessageRef[] = [
    {
      key: "agreements.reasons.covered",
      params: { ...base, count: covering.length, numbers: covering.map(({ a }) => a.number).join("、") },
    },
    freeBy.length
      ? { key: "agreements.reasons.filingFree", params: { numbers: freeBy.map(({ a }) => a.number).join("、") } }
      : { key: "agreements.reasons.filingRequired", params: {} },
    ...(q.filingType
      ? [
          {
            key: "agreements.reasons.ratio",
            params: { filingType: q.filingType, points: ratioByFilingType[q.filingType] },
          },
        ]
      : []),
    ...rejections,
  ];
  return {
    eligible: true,
    filingRequired: freeBy.length === 0,
    maxRatioReductionPoints: q.filingType ? ratioByFilingType[q.filingType] : null,
    ratioByFilingType,
    basis: covering.map(({ a, clause }) => ({
      agreementId: a.id,
      number: a.number,
      title: a.title,
      titleEn: a.titleEn,
      type: a.type,
      filingFree: a.filingFree,
      clause,
      ratioReductionPoints: ratiosOf(a.ratioRules),
    })),
    reasons,
  };
}
