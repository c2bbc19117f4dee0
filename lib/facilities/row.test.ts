import { describe, expect, it } from "vitest";
import { parseRecord, parseRowSelection, resolveHeader } from "./row";
import { ValidationError } from "../errors";

describe("header", () => {
  it("takes columns in any order, Chinese headers too, and lists the columns it ignores", () => {
    const h = resolveHeader(["\ufeff名称", "Code", " region_code ", "备注", "services", "定点日期"]);
    expect(h.index).toEqual({ name: 0, code: 1, region_code: 2, services: 4, designated_since: 5 });
    expect(h.columns).toEqual(["code", "name", "region_code", "designated_since", "services"]);
    expect(h.ignored).toEqual(["备注"]);
    expect(h.errors).toEqual([]);
  });

  it("needs a code column and no column twice", () => {
    expect(resolveHeader(["name"]).errors.map((e) => e.message.key)).toEqual(["facilities.import.missingCodeColumn"]);
    expect(resolveHeader(["code", "name", "机构名称"]).errors.map((e) => e.message.key)).toEqual([
      "facilities.import.duplicateColumn",
    ]);
  });
});

describe("one row", () => {
  const header = resolveHeader([
    "code",
    "name",
    "short_name",
    "type",
    "level",
    "grade",
    "ownership",
    "region_code",
    "phone",
    "status",
    "designated_since",
    "services",
  ]);
  const parse = (values: string[]) => parseRecord(7, values, header.index);

  it("parses a good row into the desired state", () => {
    const r = parse([
      "h13100200001",
      "廊坊市中医医院",
      "",
      "医院",
      "三级",
      "甲",
      "公立",
      "131002",
      "0316-2011111",
      "",
      "2002/1/1",
      "INPATIENT@2019-01-01",
    ]);
    expect(r.errors).toEqual([]);
    expect(r.code).toBe("H13100200001");
    expect(r.desired).toEqual({
      fields: {
        name: "廊坊市中医医院",
        shortName: null,
        type: "HOSPITAL",
        level: "LEVEL_3",
        grade: "A",
        ownership: "PUBLIC",
        regionCode: "131002",
        phone: "0316-2011111",
        designatedSince: "2002-01-01",
      },
      services: [{ service: "INPATIENT", diseases: [], openedOn: "2019-01-01" }],
    });
  });

  it("names every bad field", () => {
    const r = parse(["H1310020000", "", "", "诊所", "", "丁", "", "13100", "call me", "closed", "2002-02-30", "XRAY"]);
    expect(r.errors.map((e) => `${e.field}:${e.message.key}`)).toEqual([
      "code:facilities.validation.code",
      "name:validation.required",
      "phone:facilities.validation.phone",
      "type:facilities.validation.unknownValue",
      "level:validation.required",
      "grade:facilities.validation.unknownValue",
      "ownership:validation.required",
      "status:facilities.validation.unknownValue",
      "region_code:validation.invalidRegionCode",
      "designated_since:facilities.validation.date",
      "services:facilities.validation.unknownService",
    ]);
  });

  it("leaves out what has no column: a partial file changes only its columns", () => {
    const partial = resolveHeader(["code", "phone"]);
    expect(parseRecord(2, ["H13100200001", "0316-1"], partial.index).desired).toEqual({ fields: { phone: "0316-1" } });
  });
});

describe("row selection", () => {
  it("reads ranges and single rows", () => {
    const pick = parseRowSelection("2-4, 9")!;
    expect([1, 2, 3, 4, 5, 9, 10].filter(pick)).toEqual([2, 3, 4, 9]);
    expect(parseRowSelection(undefined)).toBeNull();
    expect(() => parseRowSelection("5-2")).toThrow(ValidationError);
    expect(() => parseRowSelection("a")).toThrow(ValidationError);
  });
});
