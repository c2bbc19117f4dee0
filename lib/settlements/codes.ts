// Vocabulary of settlement records and its storage codes (smallint in the `stats` tables).
// Pure: no I/O.
export const SERVICE_TYPES = ["INPATIENT", "OUTPATIENT", "CHRONIC", "PHARMACY"] as const;
export const FILING_TYPES = ["RELOCATED", "RESIDENT", "REFERRAL", "EMERGENCY", "TEMPORARY", "FILING_FREE"] as const;
export const SETTLEMENT_STATUSES = ["SETTLED", "FAILED", "REVERSED"] as const;

export type ServiceType = (typeof SERVICE_TYPES)[number];
export type FilingType = (typeof FILING_TYPES)[number];
export type SettlementStatus = (typeof SETTLEMENT_STATUSES)[number];
/** A filing type, or NONE for an empty field (no filing recorded). */
export type FilingKey = FilingType | "NONE";

/** service_type column: 1-based position in SERVICE_TYPES. */
export const serviceCode = (t: ServiceType): number => SERVICE_TYPES.indexOf(t) + 1;
export const serviceOfCode = (c: number): ServiceType => SERVICE_TYPES[c - 1]!;
/** filing_type column: 0 = none, else 1-based position in FILING_TYPES. */
export const filingCode = (t: FilingType | null): number => (t ? FILING_TYPES.indexOf(t) + 1 : 0);
export const filingOfCode = (c: number): FilingKey => (c === 0 ? "NONE" : FILING_TYPES[c - 1]!);
/** status column: 'S', 'F', 'R' (reversals live only in the ledger). */
export const STATUS_CODE: Record<SettlementStatus, "S" | "F" | "R"> = { SETTLED: "S", FAILED: "F", REVERSED: "R" };

/** The documented CSV columns, in the documented order (any order is accepted on import). */
export const CSV_COLUMNS = [
  "settlement_id",
  "settled_at",
  "visit_region",
  "home_region",
  "institution_code",
  "service_type",
  "filing_type",
  "total_cost",
  "fund_paid",
  "status",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const SETTLEMENT_ID_RE = /^[A-Za-z0-9_.:-]{1,64}$/;
export const INSTITUTION_CODE_RE = /^[HP]\d{11}$/;
