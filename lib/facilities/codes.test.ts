import { describe, expect, it } from "vitest";
import {
  INSTITUTION_CODE_RE,
  codeMatchesRegion,
  codeMatchesType,
  formatServices,
  looksLikeFormula,
  normalizeCode,
  parseDate,
  parseEnum,
  parseServices,
  serviceAllowedFor,
  todayCn,
} from "./codes";

describe("national insurance code", () => {
  it("is H or P, then 11 digits", () => {
    for (const ok of ["H13010500001", "P13010500001", "H11010200001"])
      expect(INSTITUTION_CODE_RE.test(ok), ok).toBe(true);
    for (const bad of ["X13010500001", "H1301050000", "H130105000011", "h13010500001", "H13010500O01", ""]) {
      expect(INSTITUTION_CODE_RE.test(bad), bad).toBe(false);
    }
    expect(normalizeCode(" h13010500001 ")).toBe("H13010500001");
  });

  it("P for pharmacies, H for everyone else; its region in the institution's province", () => {
    expect(codeMatchesType("P13010500001", "PHARMACY")).toBe(true);
    expect(codeMatchesType("H13010500001", "PHARMACY")).toBe(false);
    expect(codeMatchesType("P13010500001", "HOSPITAL")).toBe(false);
    expect(codeMatchesType("H13010500001", "ELDERLY_CARE_MEDICAL")).toBe(true);
    expect(codeMatchesRegion("H13010500001", "131002")).toBe(true);
    expect(codeMatchesRegion("H13010500001", "110102")).toBe(false);
  });
});

describe("dates", () => {
  it("accepts real calendar dates in the forms spreadsheets write", () => {
    expect(parseDate("2023-02-10")).toBe("2023-02-10");
    expect(parseDate("2023/2/10")).toBe("2023-02-10");
    expect(parseDate(" 2024.2.29 ")).toBe("2024-02-29");
    for (const bad of [
      "2023-02-29",
      "2023-13-01",
      "2023-00-10",
      "10/02/2023",
      "2023-2",
      "",
      "1900-01-01",
      "yesterday",
    ]) {
      expect(parseDate(bad), bad).toBeNull();
    }
  });

  it("today is China's date whatever the server's zone", () => {
    expect(todayCn(new Date("2026-11-24T16:30:00Z"))).toBe("2026-11-25");
    expect(todayCn(new Date("2026-11-24T15:59:00Z"))).toBe("2026-11-24");
  });
});

describe("enum values and their Chinese aliases", () => {
  it("maps codes and aliases, and nothing else", () => {
    expect(parseEnum("type", "hospital")).toBe("HOSPITAL");
    expect(parseEnum("type", "零售药店")).toBe("PHARMACY");
    expect(parseEnum("type", "康养机构内设医疗机构")).toBe("ELDERLY_CARE_MEDICAL");
    expect(parseEnum("level", "三级")).toBe("LEVEL_3");
    expect(parseEnum("level", "未定级")).toBe("UNRATED");
    expect(parseEnum("grade", "甲")).toBe("A");
    expect(parseEnum("grade", "乙等")).toBe("B");
    expect(parseEnum("ownership", "民营")).toBe("PRIVATE");
    expect(parseEnum("status", "暂停")).toBe("SUSPENDED");
    expect(parseEnum("type", "诊所")).toBeNull();
    expect(parseEnum("level", "四级")).toBeNull();
  });
});

describe("the services field", () => {
  it("parses services, diseases and opening dates", () => {
    const r = parseServices("INPATIENT@2019-03-01; outpatient ;CHRONIC:DIABETES,hypertension@2021/6/1；PHARMACY");
    expect(r.errors).toEqual([]);
    expect(r.specs).toEqual([
      { service: "INPATIENT", diseases: [], openedOn: "2019-03-01" },
      { service: "OUTPATIENT", diseases: [], openedOn: null },
      { service: "CHRONIC", diseases: ["HYPERTENSION", "DIABETES"], openedOn: "2021-06-01" },
      { service: "PHARMACY", diseases: [], openedOn: null },
    ]);
  });

  it("a bare CHRONIC means the five pilot diseases; an empty field means none", () => {
    expect(parseServices("CHRONIC").specs[0]!.diseases).toEqual([
      "HYPERTENSION",
      "DIABETES",
      "CANCER",
      "DIALYSIS",
      "TRANSPLANT",
    ]);
    expect(parseServices("")).toEqual({ specs: [], errors: [] });
  });

  it("reports unknown services and diseases, duplicates, diseases on other services and bad dates", () => {
    const keys = (s: string) => parseServices(s).errors.map((e) => e.key);
    expect(keys("DENTAL")).toEqual(["facilities.validation.unknownService"]);
    expect(keys("CHRONIC:FLU")).toEqual(["facilities.validation.unknownDisease"]);
    expect(keys("INPATIENT;INPATIENT@2020-01-01")).toEqual(["facilities.validation.duplicateService"]);
    expect(keys("INPATIENT:DIABETES")).toEqual(["facilities.validation.diseasesOnlyChronic"]);
    expect(keys("OUTPATIENT@2020-02-30")).toEqual(["facilities.validation.serviceDate"]);
    expect(keys("INPATIENT@")).toEqual(["facilities.validation.serviceDate"]);
  });

  it("formats canonically, so export → import → export is stable", () => {
    const text = "CHRONIC:DIABETES,HYPERTENSION@2021-06-01;INPATIENT@2019-03-01";
    const once = formatServices(parseServices(text).specs);
    expect(once).toBe("INPATIENT@2019-03-01;CHRONIC:HYPERTENSION,DIABETES@2021-06-01");
    expect(formatServices(parseServices(once).specs)).toBe(once);
  });

  it("pharmacies dispense, others treat", () => {
    expect(serviceAllowedFor("PHARMACY", "PHARMACY")).toBe(true);
    expect(serviceAllowedFor("PHARMACY", "CHRONIC")).toBe(true);
    expect(serviceAllowedFor("PHARMACY", "INPATIENT")).toBe(false);
    expect(serviceAllowedFor("HOSPITAL", "PHARMACY")).toBe(false);
    expect(serviceAllowedFor("INTERNET_HOSPITAL", "OUTPATIENT")).toBe(true);
  });
});

it("spots text a spreadsheet would run as a formula", () => {
  expect(looksLikeFormula("=1+1")).toBe(true);
  expect(looksLikeFormula("@SUM(A1)")).toBe(true);
  expect(looksLikeFormula("北京友谊医院")).toBe(false);
});
