// Institutions for tests: created through the roster service (so status events and history
// exist as in real data) by a national roster manager, with overrides.
import crypto from "node:crypto";
import type { Actor } from "../../lib/auth/actor";
import { createInstitution as createInstitutionService } from "../../lib/facilities/service";
import type { CreateInstitutionInput } from "../../lib/facilities/schemas";
import { createActor } from "./index";

let serial = crypto.randomInt(10_000, 60_000);
let nationalRoster: Actor | undefined;

/** A fresh, unused code for an institution in `regionCode` (H…, or P… for a pharmacy). */
export function nextInstitutionCode(regionCode = "131002", pharmacy = false): string {
  serial += 1;
  return `${pharmacy ? "P" : "H"}${regionCode}${String(serial % 100_000).padStart(5, "0")}`;
}

type Overrides = Partial<Omit<CreateInstitutionInput, "services">> & {
  services?: { service: "INPATIENT" | "OUTPATIENT" | "CHRONIC" | "PHARMACY"; diseases?: string[]; openedOn?: string }[];
};

/** Creates an institution (a level-2 public hospital in 安次区 unless overridden) and returns its summary. */
export async function createInstitution(overrides: Overrides = {}) {
  nationalRoster ??= await createActor("000000", ["ROSTER_MANAGER"]);
  const regionCode = overrides.regionCode ?? "131002";
  const type = overrides.type ?? "HOSPITAL";
  const pharmacy = type === "PHARMACY";
  const input = {
    code: overrides.code ?? nextInstitutionCode(regionCode, pharmacy),
    name: overrides.name ?? `测试医院${serial}`,
    shortName: overrides.shortName,
    type,
    level: overrides.level ?? (pharmacy ? "UNRATED" : "LEVEL_2"),
    grade: overrides.grade ?? (pharmacy ? null : "A"),
    ownership: overrides.ownership ?? "PUBLIC",
    regionCode,
    address: overrides.address ?? "河北省廊坊市安次区银河南路 1 号",
    phone: overrides.phone ?? "0316-2011111",
    designatedSince: overrides.designatedSince ?? "2018-01-01",
    services: overrides.services,
  };
  const result = await createInstitutionService(nationalRoster, input);
  if (!result.applied) throw new Error("national bureau unexpectedly under maker-checker");
  return result.institution;
}
