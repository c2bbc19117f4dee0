// The eligibility check as a service: parse the query, load the institution's dated rows with
// one indexed query (plain pg, prepared statement — this is the hot path), take the agreements
// from the in-memory cache, run the pure engine, and render reasons in zh-CN and en.
import { parseInput } from "../validation";
import { upperSnake } from "../http/enum-case";
import { pgPool } from "../db/pg";
import { allRegionNames } from "../regions/names";
import { createTranslator, type Translate } from "../i18n";
import { ForbiddenError, ValidationError, type MessageRef } from "../errors";
import type { Actor } from "../auth/actor";
import { canReadAgreements } from "../auth/policy";
import { agreementFacts } from "./cache";
import { evaluateEligibility, type EligibilityAnswer, type InstitutionFacts } from "./eligibility";
import { eligibilityQuerySchema, type EligibilityQueryInput } from "./schemas";

type Period = InstitutionFacts["servicePeriods"][number];

/** The row INSTITUTION_SQL returns: the facts' fields in SQL's spelling (diseases may be null). */
interface InstitutionRow {
  code: string;
  name: string;
  type: InstitutionFacts["type"];
  level: InstitutionFacts["level"];
  region_code: string;
  events: InstitutionFacts["statusEvents"];
  services: (Omit<Period, "diseases"> & { diseases: Period["diseases"] | null })[];
}

// Rows recorded after `asOf` ($2) are left out, so a permalink replays what was known then.
const INSTITUTION_SQL = `
  SELECT i.code, i.name, i.type::text AS type, i.level::text AS level, i.region_code,
         coalesce((SELECT json_agg(json_build_object('status', e.status, 'effectiveOn', e.effective_on, 'reason', e.reason, 'seq', e.id))
                     FROM institution_status_event e WHERE e.institution_id = i.id AND e.created_at <= $2), '[]') AS events,
         coalesce((SELECT json_agg(json_build_object('service', s.service, 'diseases', s.diseases, 'openedOn', s.opened_on, 'closedOn', s.closed_on))
                     FROM institution_service s WHERE s.institution_id = i.id AND s.created_at <= $2), '[]') AS services
    FROM institution i
   WHERE i.code = $1`;

/** The institution's facts, or null when the code is unknown. One round trip. */
export async function loadInstitutionFacts(code: string, asOf?: Date): Promise<InstitutionFacts | null> {
  const values = [code, asOf ?? "infinity"];
  const { rows } = await pgPool().query<InstitutionRow>({
    name: "agreements_eligibility_institution",
    text: INSTITUTION_SQL,
    values,
  });
  const r = rows[0];
  if (!r) return null;
  return {
    code: r.code,
    name: r.name,
    type: r.type,
    level: r.level,
    regionCode: r.region_code,
    statusEvents: r.events,
    servicePeriods: r.services.map((s) => ({
      service: s.service,
      diseases: s.diseases ?? [],
      openedOn: s.openedOn,
      closedOn: s.closedOn,
    })),
  };
}

// ---- Rendering -----------------------------------------------------------------------------

/** Enum-valued params shown by their label; region codes by their name. */
function renderParams(ref: MessageRef, t: Translate, regions: Map<string, string>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(ref.params ?? {})) {
    const s = String(v);
    if (k === "service") out[k] = t(`agreements.services.${s}`);
    else if (k === "status") out[k] = t(`agreements.institutionStatuses.${s}`);
    else if (k === "level" || k === "minLevel") out[k] = s ? t(`agreements.levels.${s}`) : "";
    else if (k === "type") out[k] = t(`agreements.institutionTypes.${s}`);
    else if (k === "filingType") out[k] = t(`agreements.filingTypes.${s}`);
    else if (k === "disease") out[k] = t(`agreements.diseases.${s}`);
    else if (k === "regions")
      out[k] = s
        .split("、")
        .map((c) => regions.get(c) ?? c)
        .join(t("nav.roleSeparator"));
    else if (k === "numbers") out[k] = s.split("、").join(t("nav.roleSeparator"));
    else out[k] = v;
  }
  return out;
}

const zh = createTranslator("zh-CN");
const en = createTranslator("en");

function bilingual(ref: MessageRef, regions: Map<string, string>) {
  return { zh: zh(ref.key, renderParams(ref, zh, regions)), en: en(ref.key, renderParams(ref, en, regions)) };
}

export function permalinkOf(q: EligibilityQueryInput, asOf: Date): string {
  const p = new URLSearchParams({
    institution: q.institution,
    homeRegion: q.homeRegion,
    service: q.service,
    date: q.date,
  });
  if (q.filingType) p.set("filingType", q.filingType);
  if (q.disease) p.set("disease", q.disease);
  p.set("asOf", asOf.toISOString());
  return `/agreements/check?${p.toString()}`;
}

export interface EligibilityResult {
  query: {
    institution: string;
    homeRegion: string;
    service: EligibilityQueryInput["service"];
    date: string;
    filingType: EligibilityQueryInput["filingType"] | null;
    disease: EligibilityQueryInput["disease"] | null;
    asOf: string;
  };
  institution: {
    code: string;
    name: string;
    level: string;
    type: string;
    region: { code: string; name: string };
  } | null;
  eligible: boolean;
  filingRequired: boolean;
  maxRatioReductionPoints: number | null;
  ratioByFilingType: EligibilityAnswer["ratioByFilingType"];
  basis: {
    agreementId: string;
    number: string;
    title: string;
    type: string;
    filingFree: boolean;
    clause: { zh: string; en: string };
  }[];
  /** `code`: the reason in UPPER_SNAKE (`NOT_LISTED`, `LEVEL_BELOW_RULE`…), stable for machines. */
  reasons: { code: string; zh: string; en: string }[];
  permalink: string;
}

/**
 * "Can this patient settle here?" — `rawQuery` is { institution, homeRegion, service, date,
 * filingType?, disease?, asOf? }. Public to every signed-in caller. Without asOf, the answer is
 * as known now, and the permalink pins that instant.
 */
export async function checkEligibility(rawQuery: unknown, now: Date = new Date()): Promise<EligibilityResult> {
  const q = parseInput(eligibilityQuerySchema, rawQuery);
  const asOf = q.asOf ? new Date(q.asOf) : now;
  const [inst, agreements, regions] = await Promise.all([
    loadInstitutionFacts(q.institution, q.asOf ? asOf : undefined),
    agreementFacts(),
    allRegionNames(),
  ]);
  if (!regions.has(q.homeRegion)) {
    throw new ValidationError({ homeRegion: [{ key: "validation.invalidRegionCode" }] });
  }
  const answer = evaluateEligibility(inst, { ...q, asOf: q.asOf ? asOf : undefined }, agreements);
  return {
    query: {
      institution: q.institution,
      homeRegion: q.homeRegion,
      service: q.service,
      date: q.date,
      filingType: q.filingType ?? null,
      disease: q.disease ?? null,
      asOf: asOf.toISOString(),
    },
    institution: inst
      ? {
          code: inst.code,
          name: inst.name,
          level: inst.level,
          type: inst.type,
          region: { code: inst.regionCode, name: regions.get(inst.regionCode) ?? inst.regionCode },
        }
      : null,
    eligible: answer.eligible,
    filingRequired: answer.filingRequired,
    maxRatioReductionPoints: answer.maxRatioReductionPoints,
    ratioByFilingType: answer.ratioByFilingType,
    basis: answer.basis.map((b) => ({
      agreementId: b.agreementId,
      number: b.number,
      title: b.title,
      type: b.type,
      filingFree: b.filingFree,
      clause: bilingual(b.clause, regions),
    })),
    reasons: answer.reasons.map((r) => ({
      code: upperSnake(r.key.replace("agreements.reasons.", "")),
      ...bilingual(r, regions),
    })),
    permalink: permalinkOf(q, asOf),
  };
}

/**
 * The eligibility endpoint's work for one caller, shared by the route handler and the server's
 * fast path (server.ts): the same policy check, the same answer.
 */
export async function answerEligibility(actor: Actor, rawQuery: unknown): Promise<EligibilityResult> {
  if (!canReadAgreements(actor)) throw new ForbiddenError();
  return checkEligibility(rawQuery);
}
