// Vocabulary of the roster and its text forms: enum values with the Chinese aliases accepted on
// import, the national insurance code shape, calendar dates, and the `services` field
// ("INPATIENT@2019-03-01;CHRONIC:HYPERTENSION,DIABETES@2021-06-01"). Pure: no I/O.
import { beijingDay } from "../time/beijing";
import type { MessageRef } from "../errors";

export const INSTITUTION_TYPES = [
  "HOSPITAL",
  "PRIMARY_CARE",
  "PHARMACY",
  "ELDERLY_CARE_MEDICAL",
  "INTERNET_HOSPITAL",
] as const;
export const INSTITUTION_LEVELS = ["LEVEL_1", "LEVEL_2", "LEVEL_3", "UNRATED"] as const;
export const INSTITUTION_GRADES = ["A", "B", "C"] as const;
export const OWNERSHIPS = ["PUBLIC", "PRIVATE"] as const;
export const INSTITUTION_STATUSES = ["ACTIVE", "SUSPENDED", "REVOKED"] as const;
export const SERVICES = ["INPATIENT", "OUTPATIENT", "CHRONIC", "PHARMACY"] as const;
export const CHRONIC_DISEASES = ["HYPERTENSION", "DIABETES", "CANCER", "DIALYSIS", "TRANSPLANT"] as const;

export type InstitutionType = (typeof INSTITUTION_TYPES)[number];
export type InstitutionLevel = (typeof INSTITUTION_LEVELS)[number];
export type InstitutionGrade = (typeof INSTITUTION_GRADES)[number];
export type Ownership = (typeof OWNERSHIPS)[number];
export type InstitutionStatus = (typeof INSTITUTION_STATUSES)[number];
export type ServiceKind = (typeof SERVICES)[number];
export type ChronicDisease = (typeof CHRONIC_DISEASES)[number];

/** Values accepted on import besides the codes themselves (case-insensitive for Latin). */
const ALIASES = {
  type: {
    医院: "HOSPITAL",
    基层医疗机构: "PRIMARY_CARE",
    基层: "PRIMARY_CARE",
    零售药店: "PHARMACY",
    药店: "PHARMACY",
    定点零售药店: "PHARMACY",
    康养机构内设医疗机构: "ELDERLY_CARE_MEDICAL",
    康养机构: "ELDERLY_CARE_MEDICAL",
    互联网医院: "INTERNET_HOSPITAL",
  },
  level: {
    一级: "LEVEL_1",
    二级: "LEVEL_2",
    三级: "LEVEL_3",
    未定级: "UNRATED",
    "1": "LEVEL_1",
    "2": "LEVEL_2",
    "3": "LEVEL_3",
  },
  grade: { 甲: "A", 乙: "B", 丙: "C", 甲等: "A", 乙等: "B", 丙等: "C" },
  ownership: { 公立: "PUBLIC", 民营: "PRIVATE", 非公立: "PRIVATE", 社会办: "PRIVATE" },
  status: { 正常: "ACTIVE", 有效: "ACTIVE", 暂停: "SUSPENDED", 中止: "SUSPENDED", 解除: "REVOKED", 取消: "REVOKED" },
} as const;

const VALUES = {
  type: INSTITUTION_TYPES,
  level: INSTITUTION_LEVELS,
  grade: INSTITUTION_GRADES,
  ownership: OWNERSHIPS,
  status: INSTITUTION_STATUSES,
} as const;

type EnumField = keyof typeof VALUES;
type EnumOf<F extends EnumField> = (typeof VALUES)[F][number];

/** An enum value from its code or a Chinese alias; null when unknown. */
export function parseEnum<F extends EnumField>(field: F, raw: string): EnumOf<F> | null {
  const s = raw.trim();
  const upper = s.toUpperCase();
  if ((VALUES[field] as readonly string[]).includes(upper)) return upper as EnumOf<F>;
  const alias = (ALIASES[field] as Record<string, string>)[s];
  return (alias as EnumOf<F> | undefined) ?? null;
}

// ---- National insurance code ---------------------------------------------------------

/** H (medical institution) or P (pharmacy), 6 digits of the registering region, 5 digits. */
export const INSTITUTION_CODE_RE = /^[HP]\d{11}$/;

export function normalizeCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Pharmacies carry P codes, every other type H codes. */
export function codeMatchesType(code: string, type: InstitutionType): boolean {
  return (code[0] === "P") === (type === "PHARMACY");
}

/** The region digits inside a code (H13010500001 → 130105). */
export function codeRegion(code: string): string {
  return code.slice(1, 7);
}

/** The code's region must lie in the same province as the institution's region. */
export function codeMatchesRegion(code: string, regionCode: string): boolean {
  return codeRegion(code).slice(0, 2) === regionCode.slice(0, 2);
}

// ---- Dates (calendar days, "YYYY-MM-DD") ---------------------------------------------

/** A calendar date from YYYY-MM-DD, YYYY/M/D or YYYY.M.D (as Excel re-saves CSV dates); null when invalid. */
export function parseDate(raw: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1949 || y > 2100 || mo < 1 || mo > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCMonth() !== mo - 1) return null;
  return dt.toISOString().slice(0, 10);
}

/** Today's date in China (Asia/Shanghai), which is the bureaus' calendar whatever the server's zone. */
export function todayCn(now: Date = new Date()): string {
  return beijingDay(now);
}

/** A Date from a DATE column (UTC midnight) as YYYY-MM-DD. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The UTC-midnight Date Prisma expects for a DATE column. */
export function dateValue(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

// ---- The `services` field ------------------------------------------------------------

export interface ServiceSpec {
  service: ServiceKind;
  /** Sorted, only for CHRONIC (all five when the field lists none). */
  diseases: ChronicDisease[];
  /** Opened-on date, when given. */
  openedOn: string | null;
}

export interface ServiceParseResult {
  specs: ServiceSpec[];
  errors: MessageRef[];
}

const diseaseOrder = (d: ChronicDisease) => CHRONIC_DISEASES.indexOf(d);
export const sortDiseases = (ds: readonly ChronicDisease[]): ChronicDisease[] =>
  [...new Set(ds)].sort((a, b) => diseaseOrder(a) - diseaseOrder(b));

/**
 * Parses `INPATIENT|OUTPATIENT|CHRONIC[:D1,D2…]|PHARMACY`, each optionally `@YYYY-MM-DD`,
 * separated by `;` (a full-width `；` too). A bare CHRONIC means all five pilot diseases.
 */
export function parseServices(raw: string): ServiceParseResult {
  const specs: ServiceSpec[] = [];
  const errors: MessageRef[] = [];
  const seen = new Set<string>();
  for (const part of raw.split(/[;；]/)) {
    const item = part.trim();
    if (!item) continue;
    const m = /^([A-Za-z_]+)\s*(?::\s*([^@]*?))?\s*(?:@\s*(.*))?$/.exec(item);
    const name = m?.[1]?.toUpperCase();
    if (!m || !name || !(SERVICES as readonly string[]).includes(name)) {
      errors.push({ key: "facilities.validation.unknownService", params: { value: item } });
      continue;
    }
    const service = name as ServiceKind;
    if (seen.has(service)) {
      errors.push({ key: "facilities.validation.duplicateService", params: { value: service } });
      continue;
    }
    seen.add(service);
    let diseases: ChronicDisease[] = [];
    if (m[2] !== undefined && m[2].trim() !== "") {
      if (service !== "CHRONIC") {
        errors.push({ key: "facilities.validation.diseasesOnlyChronic", params: { value: item } });
        continue;
      }
      const list = m[2]
        .split(/[,，、]/)
        .map((d) => d.trim().toUpperCase())
        .filter(Boolean);
      const unknown = list.filter((d) => !(CHRONIC_DISEASES as readonly string[]).includes(d));
      if (unknown.length) {
        errors.push({ key: "facilities.validation.unknownDisease", params: { value: unknown.join(",") } });
        continue;
      }
      diseases = sortDiseases(list as ChronicDisease[]);
    } else if (service === "CHRONIC") {
      diseases = [...CHRONIC_DISEASES];
    }
    let openedOn: string | null = null;
    if (m[3] !== undefined) {
      openedOn = parseDate(m[3]);
      if (!openedOn) {
        errors.push({ key: "facilities.validation.serviceDate", params: { value: item } });
        continue;
      }
    }
    specs.push({ service, diseases, openedOn });
  }
  specs.sort((a, b) => SERVICES.indexOf(a.service) - SERVICES.indexOf(b.service));
  return { specs, errors };
}

/** The canonical text of open services, in service order; what export writes and import reads back. */
export function formatServices(
  specs: readonly { service: ServiceKind; diseases: readonly ChronicDisease[]; openedOn: string | null }[],
): string {
  return [...specs]
    .sort((a, b) => SERVICES.indexOf(a.service) - SERVICES.indexOf(b.service))
    .map((s) => {
      const diseases = s.service === "CHRONIC" && s.diseases.length ? `:${sortDiseases(s.diseases).join(",")}` : "";
      return `${s.service}${diseases}${s.openedOn ? `@${s.openedOn}` : ""}`;
    })
    .join(";");
}

/** Which services an institution type may offer: pharmacies dispense, others treat. */
export function serviceAllowedFor(type: InstitutionType, service: ServiceKind): boolean {
  if (type === "PHARMACY") return service === "PHARMACY" || service === "CHRONIC";
  return service !== "PHARMACY";
}

/** Leading characters a spreadsheet would run as a formula (CSV injection). */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s);
}
