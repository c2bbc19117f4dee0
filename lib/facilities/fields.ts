// The institution's editable fields, written once: each field's name in code (and Prisma), its
// column in SQL, its CSV column and its type. The single-record service (Prisma select and data),
// the import (its SQL read, COPY and UPDATE … FROM) and the file format's column map are derived
// from this table, so a new field is one line here plus its parsing and validation rules.
import type { InstitutionGrade, InstitutionLevel, InstitutionType, Ownership } from "./codes";

export const FIELD_TABLE = [
  { field: "name", column: "name", csv: "name", type: "text" },
  { field: "shortName", column: "short_name", csv: "short_name", type: "text" },
  { field: "type", column: "type", csv: "type", type: "enum", pgType: "InstitutionType" },
  { field: "level", column: "level", csv: "level", type: "enum", pgType: "InstitutionLevel" },
  { field: "grade", column: "grade", csv: "grade", type: "enum", pgType: "InstitutionGrade" },
  { field: "ownership", column: "ownership", csv: "ownership", type: "enum", pgType: "Ownership" },
  { field: "regionCode", column: "region_code", csv: "region_code", type: "text" },
  { field: "address", column: "address", csv: "address", type: "text" },
  { field: "phone", column: "phone", csv: "phone", type: "text" },
  { field: "designatedSince", column: "designated_since", csv: "designated_since", type: "date" },
] as const;

type FieldSpec = (typeof FIELD_TABLE)[number];
export type InstitutionField = FieldSpec["field"];
export const INSTITUTION_FIELDS: readonly InstitutionField[] = FIELD_TABLE.map((f) => f.field);

export interface InstitutionFields {
  name: string;
  shortName: string | null;
  type: InstitutionType;
  level: InstitutionLevel;
  grade: InstitutionGrade | null;
  ownership: Ownership;
  regionCode: string;
  address: string | null;
  phone: string | null;
  /** YYYY-MM-DD */
  designatedSince: string;
}

/** The CSV column of each field. */
export const CSV_COLUMN_OF = Object.fromEntries(FIELD_TABLE.map((f) => [f.field, f.csv])) as {
  [F in FieldSpec as F["field"]]: F["csv"];
};

/** Prisma `select` of the fields. */
export const FIELD_SELECT = Object.fromEntries(FIELD_TABLE.map((f) => [f.field, true])) as Record<
  InstitutionField,
  true
>;

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const dateValue = (day: string) => new Date(`${day}T00:00:00.000Z`);

/** The fields of a Prisma row (dates as DATE columns: UTC midnight). */
export function fieldsFromPrisma(row: Record<InstitutionField, unknown>): InstitutionFields {
  return Object.fromEntries(
    FIELD_TABLE.map((f) => [f.field, f.type === "date" ? dayOf(row[f.field] as Date) : row[f.field]]),
  ) as unknown as InstitutionFields;
}

/** Prisma `data` for the fields (dates as DATE values). */
export function prismaData(fields: InstitutionFields) {
  const data = Object.fromEntries(
    FIELD_TABLE.map((f) => [f.field, f.type === "date" ? dateValue(fields[f.field] as string) : fields[f.field]]),
  );
  return data as Omit<InstitutionFields, "designatedSince"> & { designatedSince: Date };
}

/** The SQL select list of the fields of `alias`, each named by its column, enums and dates as text. */
export function sqlSelectList(alias: string): string {
  return FIELD_TABLE.map((f) =>
    f.type === "enum"
      ? `${alias}.${f.column}::text AS ${f.column}`
      : f.type === "date"
        ? `to_char(${alias}.${f.column}, 'YYYY-MM-DD') AS ${f.column}`
        : `${alias}.${f.column}`,
  ).join(", ");
}

/** The fields of a row read with sqlSelectList. */
export function fieldsFromSql(row: Record<string, unknown>): InstitutionFields {
  return Object.fromEntries(FIELD_TABLE.map((f) => [f.field, row[f.column]])) as unknown as InstitutionFields;
}

/** The columns, in table order, for COPY and temp tables. */
export const SQL_COLUMNS = FIELD_TABLE.map((f) => f.column);

/** The field values in SQL_COLUMNS order, for a COPY row. */
export function copyValues(fields: InstitutionFields): (string | null)[] {
  return FIELD_TABLE.map((f) => fields[f.field]);
}

/** Temp-table column definitions (enums as text, cast back in sqlAssignments). */
export const TEMP_COLUMNS = FIELD_TABLE.map((f) => `${f.column} ${f.type === "date" ? "date" : "text"}`).join(", ");

/** `col = t.col` assignments from a temp table aliased `t`, enums cast to their type. */
export const SQL_ASSIGNMENTS = FIELD_TABLE.map(
  (f) => `${f.column} = t.${f.column}${"pgType" in f ? `::"${f.pgType}"` : ""}`,
).join(", ");
