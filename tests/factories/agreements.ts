// Factories for agreements and the roster rows the eligibility check reads. Institutions are
// written with plain SQL (the roster's generated search columns must not be written).
import crypto from "node:crypto";
import { prisma } from "../../lib/db/client";
import type { Actor } from "../../lib/auth/actor";
import { createAgreement, transitionAgreement } from "../../lib/agreements/service";
import { createActor } from "./index";

type Level = "LEVEL_1" | "LEVEL_2" | "LEVEL_3" | "UNRATED";
type Service = "INPATIENT" | "OUTPATIENT" | "CHRONIC" | "PHARMACY";

let serial = 0;

/** An institution with an ACTIVE status event and open services. Returns its code. */
export async function createInstitution(
  over: {
    regionCode?: string;
    level?: Level;
    type?: string;
    code?: string;
    name?: string;
    designatedSince?: string;
    services?: { service: Service; openedOn: string; closedOn?: string | null; diseases?: string[] }[];
    events?: { status: "ACTIVE" | "SUSPENDED" | "REVOKED"; effectiveOn: string }[];
  } = {},
): Promise<string> {
  const regionCode = over.regionCode ?? "110105";
  const type = over.type ?? "HOSPITAL";
  serial += 1;
  const code = over.code ?? `${type === "PHARMACY" ? "P" : "H"}${regionCode}${String(90000 + serial)}`;
  const designated = over.designatedSince ?? "2015-01-01";
  const events = over.events ?? [{ status: "ACTIVE" as const, effectiveOn: designated }];
  const current = events.at(-1)!;
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO institution (code, name, type, level, ownership, region_code, status, status_since, designated_since)
    VALUES (${code}, ${over.name ?? `测试医院${code.slice(-5)}`}, ${type}::"InstitutionType", ${over.level ?? "LEVEL_3"}::"InstitutionLevel",
            'PUBLIC'::"Ownership", ${regionCode}, ${current.status}::"InstitutionStatus", ${current.effectiveOn}::date, ${designated}::date)
    RETURNING id::text AS id`;
  const id = rows[0]!.id;
  for (const e of events) {
    await prisma.$executeRaw`INSERT INTO institution_status_event (institution_id, status, effective_on, reason, actor_name)
      VALUES (${id}::uuid, ${e.status}::"InstitutionStatus", ${e.effectiveOn}::date, 'test', 'test')`;
  }
  for (const s of over.services ?? [
    { service: "INPATIENT" as const, openedOn: "2019-01-01" },
    { service: "OUTPATIENT" as const, openedOn: "2019-01-01" },
  ]) {
    await prisma.$executeRaw`INSERT INTO institution_service (institution_id, service, diseases, opened_on, closed_on)
      VALUES (${id}::uuid, ${s.service}::"CrossRegionService", ${s.diseases ?? []}::"ChronicDisease"[], ${s.openedOn}::date, ${s.closedOn ?? null}::date)`;
  }
  return code;
}

let national: Actor | undefined;

/** A national agreement officer (represents every party). */
export async function nationalOfficer(): Promise<Actor> {
  national ??= await createActor("000000", ["AGREEMENT_OFFICER"]);
  return national;
}

export function agreementInput(over: Record<string, unknown> = {}) {
  return {
    number: `T-${crypto.randomBytes(3).toString("hex")}`,
    title: "京津冀二级及以上定点医疗机构互认（测试）",
    type: "MUTUAL_RECOGNITION",
    direction: "MUTUAL",
    parties: [
      { regionCode: "110000", role: "BOTH" },
      { regionCode: "120000", role: "BOTH" },
      { regionCode: "130000", role: "BOTH" },
    ],
    services: ["INPATIENT", "OUTPATIENT"],
    effectiveFrom: "2022-04-01",
    scopeRule: { minLevel: "LEVEL_2" },
    ...over,
  };
}

/** A draft created by `actor` (default: a national officer). */
export async function createDraft(over: Record<string, unknown> = {}, actor?: Actor) {
  return createAgreement(actor ?? (await nationalOfficer()), agreementInput(over));
}

/** An agreement activated by the national officer (who approves for every party). */
export async function createActiveAgreement(over: Record<string, unknown> = {}, effectiveOn?: string) {
  const officer = await nationalOfficer();
  const draft = await createDraft(over, officer);
  return transitionAgreement(officer, draft.id, {
    action: "ACTIVATE",
    version: draft.version,
    ...(effectiveOn && { effectiveOn }),
  });
}
