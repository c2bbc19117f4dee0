import { describe, expect, it } from "vitest";
import {
  copyValues,
  CSV_COLUMN_OF,
  FIELD_TABLE,
  fieldsFromPrisma,
  fieldsFromSql,
  prismaData,
  SQL_ASSIGNMENTS,
  sqlSelectList,
  type InstitutionFields,
} from "./fields";
import { COLUMNS } from "./row";

// Every value differs from its neighbours, so a column order mix-up shows.
const fields = Object.fromEntries(
  FIELD_TABLE.map((f) => [
    f.field,
    {
      name: "廊坊市人民医院",
      type: "HOSPITAL",
      level: "LEVEL_3",
      grade: "A",
      ownership: "PUBLIC",
      regionCode: "131002",
      address: "新华路 1 号",
      designatedSince: "2015-01-01",
    }[f.field as string] ?? null,
  ]),
) as unknown as InstitutionFields;

describe("the institution field table", () => {
  it("names every field once, each with a documented CSV column", () => {
    expect(new Set(FIELD_TABLE.map((f) => f.field)).size).toBe(FIELD_TABLE.length);
    for (const csv of Object.values(CSV_COLUMN_OF)) expect(COLUMNS).toContain(csv);
  });

  it("round-trips the fields through the SQL row, Prisma row and COPY order", () => {
    const sqlRow = Object.fromEntries(FIELD_TABLE.map((f) => [f.column, fields[f.field]]));
    expect(fieldsFromSql(sqlRow)).toEqual(fields);
    const data = prismaData(fields);
    expect(data.designatedSince).toEqual(new Date("2015-01-01T00:00:00.000Z"));
    expect(fieldsFromPrisma(data)).toEqual(fields);
    expect(copyValues(fields)).toEqual([
      "廊坊市人民医院",
      null,
      "HOSPITAL",
      "LEVEL_3",
      "A",
      "PUBLIC",
      "131002",
      "新华路 1 号",
      null,
      "2015-01-01",
    ]);
  });

  it("casts enums and dates in SQL", () => {
    expect(sqlSelectList("i")).toContain(`i.type::text AS type`);
    expect(sqlSelectList("i")).toContain(`to_char(i.designated_since, 'YYYY-MM-DD') AS designated_since`);
    expect(SQL_ASSIGNMENTS).toContain(`ownership = t.ownership::"Ownership"`);
    expect(SQL_ASSIGNMENTS).toContain(`region_code = t.region_code,`);
  });
});
