// Boundary schemas: what an agreement must say, caps on the ratio rules, the eligibility query.
import { parseInput } from "../validation";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors";
import { createAgreementSchema, eligibilityQuerySchema, transitionSchema, updateAgreementSchema } from "./schemas";

const valid = {
  number: "冀医保〔2023〕3号",
  title: "河北参保人员京津住院免备案",
  type: "FILING_FREE",
  direction: "ONE_WAY",
  parties: [
    { regionCode: "130000", role: "HOME" },
    { regionCode: "110000", role: "VISIT" },
  ],
  services: ["INPATIENT"],
  effectiveFrom: "2023-02-10",
  scopeRule: { minLevel: "LEVEL_2" },
  ratioRules: { EMERGENCY: 5 },
};

function fieldErrors(schema: Parameters<typeof parseInput>[0], input: unknown) {
  try {
    parseInput(schema, input);
    return {};
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    return Object.fromEntries(Object.entries(e.fieldErrors).map(([k, v]) => [k, v.map((r) => r.key)]));
  }
}

describe("createAgreementSchema", () => {
  it("accepts a complete agreement", () => {
    expect(fieldErrors(createAgreementSchema, valid)).toEqual({});
  });
  it("names every missing field", () => {
    expect(Object.keys(fieldErrors(createAgreementSchema, {})).sort()).toEqual(
      ["direction", "effectiveFrom", "number", "parties", "services", "title", "type"].sort(),
    );
  });
  it("rules across fields, with this domain's message keys", () => {
    const errs = fieldErrors(createAgreementSchema, {
      ...valid,
      parties: [
        { regionCode: "130000", role: "HOME" },
        { regionCode: "130000", role: "HOME" },
      ],
      effectiveTo: "2023-01-01",
      diseases: ["DIABETES"],
      scopeRule: null,
    });
    expect(errs).toEqual({
      parties: ["agreements.validation.duplicateParty", "agreements.validation.oneWayRoles"],
      effectiveTo: ["agreements.validation.toBeforeFrom"],
      diseases: ["agreements.validation.diseasesOnlyChronic"],
      scopeRule: ["agreements.validation.scopeRequired"],
    });
    expect(fieldErrors(createAgreementSchema, { ...valid, parties: [valid.parties[0]] })).toEqual({
      parties: ["agreements.validation.twoParties", "agreements.validation.oneWayRoles"],
    });
    expect(fieldErrors(createAgreementSchema, { ...valid, effectiveFrom: "2023-02-30" })).toEqual({
      effectiveFrom: ["agreements.validation.date"],
    });
  });
  it("no rule exceeds the national caps", () => {
    expect(
      fieldErrors(createAgreementSchema, {
        ...valid,
        ratioRules: { REFERRAL: 11, OTHER_TEMPORARY: 21, RELOCATED: 1, EMERGENCY: 10 },
      }),
    ).toEqual({
      "ratioRules.REFERRAL": ["agreements.validation.ratioCap"],
      "ratioRules.OTHER_TEMPORARY": ["agreements.validation.ratioCap"],
      "ratioRules.RELOCATED": ["agreements.validation.ratioCap"],
    });
    expect(Object.keys(fieldErrors(createAgreementSchema, { ...valid, ratioRules: { EVERYONE: 3 } }))).toHaveLength(1);
  });
  it("institution codes are normalised and checked", () => {
    const out = parseInput(createAgreementSchema, { ...valid, scopeRule: null, institutionCodes: ["h11010500001"] });
    expect(out.institutionCodes).toEqual(["H11010500001"]);
    expect(fieldErrors(createAgreementSchema, { ...valid, institutionCodes: ["X1"] })).toEqual({
      "institutionCodes.0": ["agreements.validation.institutionCode"],
    });
  });
});

describe("update and transition", () => {
  it("update needs a version and rejects unknown fields", () => {
    expect(fieldErrors(updateAgreementSchema, { notes: "x" })).toEqual({ version: ["validation.required"] });
    expect(Object.keys(fieldErrors(updateAgreementSchema, { status: "ACTIVE", version: 1 }))).toEqual(["_"]);
    expect(fieldErrors(updateAgreementSchema, { notes: "补充说明", version: 2 })).toEqual({});
  });
  it("transition: only the actions a person may take", () => {
    expect(fieldErrors(transitionSchema, { action: "SUSPEND", version: 1 })).toEqual({});
    expect(fieldErrors(transitionSchema, { action: "EXPIRE", version: 1 })).toEqual({
      action: ["validation.invalidEnum"],
    });
  });
});

describe("eligibilityQuerySchema", () => {
  it("parses a full query and checks each field", () => {
    expect(
      fieldErrors(eligibilityQuerySchema, {
        institution: "H11010500001",
        homeRegion: "130100",
        service: "INPATIENT",
        date: "2024-05-01",
      }),
    ).toEqual({});
    expect(
      Object.keys(
        fieldErrors(eligibilityQuerySchema, {
          institution: "x",
          homeRegion: "131",
          service: "DENTAL",
          date: "2024-13-01",
        }),
      ).sort(),
    ).toEqual(["date", "homeRegion", "institution", "service"]);
    expect(
      fieldErrors(eligibilityQuerySchema, {
        institution: "H11010500001",
        homeRegion: "130100",
        service: "INPATIENT",
        date: "2024-05-01",
        disease: "DIABETES",
      }),
    ).toEqual({
      disease: ["agreements.validation.diseasesOnlyChronic"],
    });
  });

  it("accepts the settlement-file spellings of filing types, and nothing else", () => {
    const q = { institution: "H11010500001", homeRegion: "130100", service: "INPATIENT", date: "2024-05-01" };
    expect(eligibilityQuerySchema.parse({ ...q, filingType: "RESIDENT" }).filingType).toBe("LONG_TERM_RESIDENT");
    expect(eligibilityQuerySchema.parse({ ...q, filingType: "TEMPORARY" }).filingType).toBe("OTHER_TEMPORARY");
    expect(eligibilityQuerySchema.parse({ ...q, filingType: "EMERGENCY" }).filingType).toBe("EMERGENCY");
    expect(Object.keys(fieldErrors(eligibilityQuerySchema, { ...q, filingType: "FILING_FREE" }))).toEqual([
      "filingType",
    ]);
    expect(Object.keys(fieldErrors(eligibilityQuerySchema, { ...q, filingType: "toString" }))).toEqual(["filingType"]);
  });
});
