import { describe, expect, it } from "vitest";
import { isOpenOn, servicesOnDate, statusOnDate, type ServicePeriod } from "./history";

const periods: ServicePeriod[] = [
  { service: "INPATIENT", diseases: [], openedOn: "2019-01-01", closedOn: "2022-01-01" },
  { service: "INPATIENT", diseases: [], openedOn: "2023-02-10", closedOn: null },
  { service: "CHRONIC", diseases: ["HYPERTENSION"], openedOn: "2021-06-01", closedOn: "2023-01-01" },
  { service: "CHRONIC", diseases: ["HYPERTENSION", "DIABETES"], openedOn: "2023-01-01", closedOn: null },
  { service: "OUTPATIENT", diseases: [], openedOn: "2020-07-01", closedOn: null },
];

describe("services on a date", () => {
  it("a period holds from its opening day up to, not including, its closing day", () => {
    expect(isOpenOn(periods[0]!, "2019-01-01")).toBe(true);
    expect(isOpenOn(periods[0]!, "2021-12-31")).toBe(true);
    expect(isOpenOn(periods[0]!, "2022-01-01")).toBe(false);
    expect(isOpenOn(periods[0]!, "2018-12-31")).toBe(false);
  });

  it("answers which services were offered, in service order", () => {
    const on = (d: string) =>
      servicesOnDate(periods, d).map((p) => `${p.service}${p.diseases.length ? ":" + p.diseases.join(",") : ""}`);
    expect(on("2018-06-01")).toEqual([]);
    expect(on("2021-12-31")).toEqual(["INPATIENT", "OUTPATIENT", "CHRONIC:HYPERTENSION"]);
    expect(on("2022-06-01")).toEqual(["OUTPATIENT", "CHRONIC:HYPERTENSION"]);
    expect(on("2023-01-01")).toEqual(["OUTPATIENT", "CHRONIC:HYPERTENSION,DIABETES"]);
    expect(on("2023-02-10")).toEqual(["INPATIENT", "OUTPATIENT", "CHRONIC:HYPERTENSION,DIABETES"]);
  });
});

describe("status on a date", () => {
  const events = [
    { status: "ACTIVE" as const, effectiveOn: "2018-01-01", reason: "定点", seq: 1 },
    { status: "SUSPENDED" as const, effectiveOn: "2023-03-01", reason: "整改", seq: 2 },
    { status: "ACTIVE" as const, effectiveOn: "2023-06-01", reason: "整改完成", seq: 3 },
    { status: "REVOKED" as const, effectiveOn: "2023-06-01", reason: "解除", seq: 4 },
  ];
  it("is the last event in force; same-day events in the order they were made", () => {
    expect(statusOnDate(events, "2017-12-31")).toBeNull();
    expect(statusOnDate(events, "2023-02-28")).toEqual({ status: "ACTIVE", since: "2018-01-01", reason: "定点" });
    expect(statusOnDate(events, "2023-05-31")).toEqual({ status: "SUSPENDED", since: "2023-03-01", reason: "整改" });
    expect(statusOnDate(events, "2023-06-01")).toEqual({ status: "REVOKED", since: "2023-06-01", reason: "解除" });
    expect(statusOnDate([...events].reverse(), "2024-01-01")!.status).toBe("REVOKED");
  });
});
