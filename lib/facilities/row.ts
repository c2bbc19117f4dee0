// The roster's file format (CSV and XLSX): documented columns, header resolution (order free,
// Chinese headers accepted), and parsing one row into a desired state with per-field errors.
// Pure: region existence, scope and the comparison with the database happen in import.ts.
import { ValidationError, type MessageRef } from "../errors";
import { isHostileText } from "../text";
import { looksLikeFormula, normalizeCode, parseDate, parseEnum, parseServices, INSTITUTION_CODE_RE } from "./codes";
import { CSV_COLUMN_OF, type InstitutionField, type InstitutionFields } from "./fields";
import type { DesiredInstitution } from "./plan";

export const COLUMNS = [
  "code",
  "name",
  "short_name",
  "type",
  "level",
  "grade",
  "ownership",
  "region_code",
  "address",
  "phone",
  "status",
  "designated_since",
  "services",
] as const;
export type Column = (typeof COLUMNS)[number];

/** The column holding each plan field (for reporting plan issues by column). */
export const COLUMN_OF: Record<InstitutionField | "status" | "services" | "code", Column> = {
  ...CSV_COLUMN_OF,
  code: "code",
  status: "status",
  services: "services",
};

/** Headers as people write them in Chinese spreadsheets. */
const HEADER_ALIASES: Record<string, Column> = {
  编码: "code",
  机构编码: "code",
  医保编码: "code",
  名称: "name",
  机构名称: "name",
  简称: "short_name",
  机构简称: "short_name",
  类型: "type",
  机构类型: "type",
  级别: "level",
  等级: "level",
  等次: "grade",
  性质: "ownership",
  所有制: "ownership",
  经营性质: "ownership",
  区划代码: "region_code",
  行政区划: "region_code",
  行政区划代码: "region_code",
  地址: "address",
  电话: "phone",
  联系电话: "phone",
  状态: "status",
  定点日期: "designated_since",
  定点时间: "designated_since",
  服务: "services",
  异地结算服务: "services",
};

export interface HeaderResolution {
  index: Partial<Record<Column, number>>;
  columns: Column[];
  ignored: string[];
  errors: { field: string; message: MessageRef }[];
}

export function resolveHeader(header: readonly string[]): HeaderResolution {
  const index: Partial<Record<Column, number>> = {};
  const ignored: string[] = [];
  const errors: HeaderResolution["errors"] = [];
  header.forEach((raw, i) => {
    const h = raw.replace(/^\ufeff/, "").trim();
    if (!h) return;
    const key = h.toLowerCase().replace(/[\s-]+/g, "_");
    const col = (COLUMNS as readonly string[]).includes(key) ? (key as Column) : HEADER_ALIASES[h];
    if (!col) {
      ignored.push(h);
      return;
    }
    if (index[col] !== undefined) {
      errors.push({ field: col, message: { key: "facilities.import.duplicateColumn", params: { column: col } } });
      return;
    }
    index[col] = i;
  });
  if (index.code === undefined) errors.push({ field: "code", message: { key: "facilities.import.missingCodeColumn" } });
  return { index, columns: COLUMNS.filter((c) => index[c] !== undefined), ignored, errors };
}

export interface ParsedRow {
  row: number;
  code: string | null;
  desired: DesiredInstitution;
  errors: { field: Column; message: MessageRef }[];
}

// Control characters (other than TAB, LF, CR) never belong in a roster cell.

/** One data row → the desired state it asks for, and what is wrong with it. */
export function parseRecord(row: number, values: readonly string[], index: HeaderResolution["index"]): ParsedRow {
  const r = rowReader(values, index);
  const fields: Partial<InstitutionFields> = {};
  const desired: DesiredInstitution = { fields };
  const code = readCode(r);
  readTexts(r, fields);
  readEnums(r, fields, desired);
  readPlace(r, fields);
  const services = r.cell("services");
  if (services !== undefined) {
    const parsed = parseServices(services);
    for (const e of parsed.errors) r.errors.push({ field: "services", message: e });
    desired.services = parsed.specs;
  }
  return { row, code, desired, errors: r.errors };
}

type RowReader = ReturnType<typeof rowReader>;

/** One CSV row's cells by column, with the row's error list and the per-kind cell checks. */
function rowReader(values: readonly string[], index: HeaderResolution["index"]) {
  const errors: ParsedRow["errors"] = [];
  const err = (field: Column, key: string, params?: MessageRef["params"]) =>
    errors.push({ field, message: params ? { key, params } : { key } });
  const cell = (c: Column): string | undefined =>
    index[c] === undefined ? undefined : (values[index[c]!] ?? "").trim();
  /** A text cell: undefined when the column is absent, null when empty. */
  const textCell = (c: Column, max: number, required: boolean): string | null | undefined => {
    const v = cell(c);
    if (v === undefined) return undefined;
    if (!v) {
      if (required) err(c, "validation.required");
      return null;
    }
    if (v.length > max) err(c, "validation.tooLong", { max });
    else if (isHostileText(v)) err(c, "validation.badCharacters");
    else if (looksLikeFormula(v)) err(c, "facilities.validation.formula");
    return v;
  };
  const enumCell = <F extends "type" | "level" | "grade" | "ownership" | "status">(c: F, required: boolean) => {
    const v = cell(c);
    if (v === undefined) return undefined;
    if (!v) {
      if (required) err(c, "validation.required");
      return null;
    }
    const parsed = parseEnum(c, v);
    if (!parsed) err(c, "facilities.validation.unknownValue", { value: v });
    return parsed;
  };
  return { errors, err, cell, textCell, enumCell };
}

function readCode(r: RowReader): string | null {
  const code = normalizeCode(r.cell("code") ?? "");
  if (!code) {
    r.err("code", "validation.required");
    return null;
  }
  if (!INSTITUTION_CODE_RE.test(code)) r.err("code", "facilities.validation.code");
  return code;
}

function readTexts(r: RowReader, fields: Partial<InstitutionFields>): void {
  const name = r.textCell("name", 100, true);
  if (name) fields.name = name;
  const shortName = r.textCell("short_name", 40, false);
  if (shortName !== undefined) fields.shortName = shortName;
  const address = r.textCell("address", 200, false);
  if (address !== undefined) fields.address = address;
  const phone = r.cell("phone");
  if (phone !== undefined) {
    if (phone && (phone.length > 40 || !/^[0-9+()\-\s,/、转]*$/.test(phone)))
      r.err("phone", "facilities.validation.phone");
    fields.phone = phone || null;
  }
}

function readEnums(r: RowReader, fields: Partial<InstitutionFields>, desired: DesiredInstitution): void {
  const type = r.enumCell("type", true);
  if (type) fields.type = type;
  const level = r.enumCell("level", true);
  if (level) fields.level = level;
  const grade = r.enumCell("grade", false);
  if (grade !== undefined && (grade !== null || r.cell("grade") === "")) fields.grade = grade;
  const ownership = r.enumCell("ownership", true);
  if (ownership) fields.ownership = ownership;
  const status = r.enumCell("status", false);
  if (status) desired.status = status;
}

/** The region and the designation date. */
function readPlace(r: RowReader, fields: Partial<InstitutionFields>): void {
  const region = r.cell("region_code");
  if (region !== undefined) {
    if (!/^\d{6}$/.test(region)) r.err("region_code", region ? "validation.invalidRegionCode" : "validation.required");
    else fields.regionCode = region;
  }
  const designated = r.cell("designated_since");
  if (designated !== undefined) {
    const d = designated ? parseDate(designated) : null;
    if (!designated) r.err("designated_since", "validation.required");
    else if (!d) r.err("designated_since", "facilities.validation.date");
    else fields.designatedSince = d;
  }
}

// ---- Row selection ("2-50,53") ----------------------------------------------------------------

/** The rows an apply is limited to, as a predicate; null for every row. */
export function parseRowSelection(spec: string | undefined): ((row: number) => boolean) | null {
  if (!spec?.trim()) return null;
  const ranges: [number, number][] = [];
  for (const part of spec.split(",")) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
    if (!m) throw new ValidationError({ rows: [{ key: "facilities.validation.rowSelection" }] });
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    if (b < a) throw new ValidationError({ rows: [{ key: "facilities.validation.rowSelection" }] });
    ranges.push([a, b]);
  }
  return (row) => ranges.some(([a, b]) => row >= a && row <= b);
}
