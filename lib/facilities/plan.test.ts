import { describe, expect, it } from "vitest";
import { planHistory, planInstitution, type CurrentInstitution } from "./plan";

const TODAY = "2026-11-25";
const CODE = "H13100200001";

function current(overrides: Partial<CurrentInstitution> = {}): CurrentInstitution {
  return {
    id: "00000000-0000-0000-0000-000000000001",
    code: CODE,
    fields: {
      name: "廊坊市中医医院",
      shortName: null,
      type: "HOSPITAL",
      level: "LEVEL_3",
      grade: "A",
      ownership: "PUBLIC",
      regionCode: "131002",
      address: null,
      phone: "0316-2011111",
      designatedSince: "2002-01-01",
    },
    status: "ACTIVE",
    statusSince: "2002-01-01",
    openServices: [
      { id: "s-in", service: "INPATIENT", diseases: [], openedOn: "2019-01-01" },
      { id: "s-ch", service: "CHRONIC", diseases: ["HYPERTENSION"], openedOn: "2021-06-01" },
    ],
    lastClosedOn: {},
    version: 3,
    ...overrides,
  };
}

describe("planInstitution", () => {
  it("a new institution needs its required fields", () => {
    const { plan, issues } = planInstitution(CODE, null, { fields: { name: "x" } }, TODAY);
    expect(plan).toBeNull();
    expect(issues.map((i) => i.field)).toEqual(["type", "level", "ownership", "regionCode", "designatedSince"]);
  });

  it("a new institution opens its services (today when no date) and is ACTIVE", () => {
    const { plan } = planInstitution(
      CODE,
      null,
      {
        fields: {
          name: "x",
          type: "HOSPITAL",
          level: "LEVEL_2",
          ownership: "PUBLIC",
          regionCode: "131002",
          designatedSince: "2020-01-01",
        },
        services: [{ service: "OUTPATIENT", diseases: [], openedOn: null }],
      },
      TODAY,
    );
    expect(plan).toMatchObject({
      isNew: true,
      status: "ACTIVE",
      open: [{ service: "OUTPATIENT", openedOn: TODAY }],
      fieldChanges: [],
    });
    expect(planHistory(plan!, null, TODAY)).toEqual([
      {
        field: "*",
        before: null,
        after: expect.objectContaining({
          name: "x",
          status: "ACTIVE",
          services: [{ service: "OUTPATIENT", openedOn: TODAY }],
        }),
      },
    ]);
  });

  it("the same state is unchanged, whatever columns were given", () => {
    const { plan } = planInstitution(
      CODE,
      current(),
      {
        fields: { name: "廊坊市中医医院", level: "LEVEL_3" },
        status: "ACTIVE",
        services: [
          { service: "CHRONIC", diseases: ["HYPERTENSION"], openedOn: "2021-06-01" },
          { service: "INPATIENT", diseases: [], openedOn: null },
        ],
      },
      TODAY,
    );
    expect(plan!.changed).toEqual([]);
  });

  it("plans field changes and service reconciliation: re-date, new disease list, closing, opening", () => {
    const { plan } = planInstitution(
      CODE,
      current(),
      {
        fields: { phone: "0316-9999999" },
        services: [
          { service: "INPATIENT", diseases: [], openedOn: "2018-05-01" },
          { service: "CHRONIC", diseases: ["HYPERTENSION", "DIABETES"], openedOn: "2024-01-01" },
          { service: "OUTPATIENT", diseases: [], openedOn: "2022-01-01" },
        ],
      },
      TODAY,
    );
    expect(plan!.fieldChanges).toEqual([{ field: "phone", before: "0316-2011111", after: "0316-9999999" }]);
    expect(plan!.redate).toEqual([
      { id: "s-in", service: "INPATIENT", diseases: [], from: "2019-01-01", to: "2018-05-01" },
    ]);
    expect(plan!.close).toEqual([
      expect.objectContaining({ id: "s-ch", closedOn: "2024-01-01", reason: "facilities.reasons.diseasesChanged" }),
    ]);
    expect(plan!.open).toEqual([
      { service: "CHRONIC", diseases: ["HYPERTENSION", "DIABETES"], openedOn: "2024-01-01" },
      { service: "OUTPATIENT", diseases: [], openedOn: "2022-01-01" },
    ]);
    expect(plan!.changed).toEqual(["phone", "services"]);
    const fields = planHistory(plan!, current(), TODAY).map((h) => h.field);
    expect(fields).toEqual(["phone", "services.CHRONIC", "services.OUTPATIENT", "services.INPATIENT"]);
  });

  it("services missing from the list close today; revoking closes the rest", () => {
    const partial = planInstitution(
      CODE,
      current(),
      { fields: {}, services: [{ service: "INPATIENT", diseases: [], openedOn: null }] },
      TODAY,
    );
    expect(partial.plan!.close.map((c) => [c.service, c.closedOn])).toEqual([["CHRONIC", TODAY]]);
    const revoked = planInstitution(CODE, current(), { fields: {}, status: "REVOKED" }, TODAY);
    expect(revoked.plan!.statusChange).toEqual({ from: "ACTIVE", to: "REVOKED" });
    expect(revoked.plan!.close.map((c) => c.reason)).toEqual([
      "facilities.reasons.revoked",
      "facilities.reasons.revoked",
    ]);
  });

  it("refuses what the rules forbid", () => {
    const keys = (r: ReturnType<typeof planInstitution>) => r.issues.map((i) => `${i.field}:${i.message.key}`);
    expect(
      keys(
        planInstitution(
          CODE,
          current({ status: "REVOKED", openServices: [] }),
          { fields: {}, status: "ACTIVE" },
          TODAY,
        ),
      ),
    ).toEqual(["status:facilities.validation.revokedFinal"]);
    expect(
      keys(planInstitution(CODE, current(), { fields: { type: "PHARMACY", level: "UNRATED", grade: null } }, TODAY)),
    ).toEqual([
      "type:facilities.validation.codeType",
      "services:facilities.validation.serviceNotForType", // INPATIENT (a pharmacy may keep CHRONIC)
    ]);
    expect(keys(planInstitution(CODE, current(), { fields: { level: "UNRATED" } }, TODAY))).toEqual([
      "grade:facilities.validation.gradeNeedsLevel",
    ]);
    expect(keys(planInstitution(CODE, current(), { fields: { regionCode: "110102" } }, TODAY))).toEqual([
      "regionCode:facilities.validation.codeRegion",
    ]);
    expect(keys(planInstitution(CODE, current(), { fields: { designatedSince: "2027-01-01" } }, TODAY))).toContain(
      "designatedSince:facilities.validation.futureDate",
    );
    expect(
      keys(
        planInstitution(
          CODE,
          current(),
          { fields: {}, services: [{ service: "OUTPATIENT", diseases: [], openedOn: "2001-01-01" }] },
          TODAY,
        ),
      ),
    ).toContain("services:facilities.validation.serviceBeforeDesignation");
    expect(
      keys(
        planInstitution(
          CODE,
          current({ lastClosedOn: { OUTPATIENT: "2023-01-01" } }),
          { fields: {}, services: [{ service: "OUTPATIENT", diseases: [], openedOn: "2022-06-01" }] },
          TODAY,
        ),
      ),
    ).toContain("services:facilities.validation.overlapsPrevious");
    expect(
      keys(
        planInstitution(
          CODE,
          current(),
          { fields: {}, status: "REVOKED", services: [{ service: "INPATIENT", diseases: [], openedOn: null }] },
          TODAY,
        ),
      ),
    ).toEqual(["services:facilities.validation.revokedWithServices"]);
  });
});
