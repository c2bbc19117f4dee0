// The workbench counts only what the actor's lists show: a Hebei handler never counts a
// Beijing-only ticket or downtime, and each figure equals its list's total.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { createActor } from "../../tests/factories";
import { createTicket } from "../../tests/factories/complaints";
import { listComplaints } from "../complaints/queries";
import { createDowntime } from "../complaints/service";
import { getWorkbench } from "./queries";

let bj: Actor;
let hb: Actor;
let hbAnalyst: Actor;
const now = new Date();
const longAgo = new Date(now.getTime() - 40 * 86_400_000);

beforeAll(async () => {
  bj = await createActor("110000", ["COMPLAINT_HANDLER"]);
  hb = await createActor("130000", ["COMPLAINT_HANDLER"]);
  hbAnalyst = await createActor("130000", ["ANALYST"]);
  // Beijing-only tickets, long overdue; one Beijing ticket for a Hebei insured (both bureaus see it).
  await createTicket(bj, { homeRegionCode: "110105", visitRegionCode: "110108" }, longAgo);
  await createTicket(bj, { homeRegionCode: "110101", visitRegionCode: "110108" }, longAgo);
  await createTicket(bj, { homeRegionCode: "131000", visitRegionCode: "110108" }, longAgo);
  const hour = 3_600_000;
  await createDowntime(bj, {
    regionCode: "110000", kind: "UNPLANNED", services: ["INPATIENT"], reason: "x",
    startsAt: new Date(now.getTime() - hour).toISOString(), endsAt: new Date(now.getTime() + hour).toISOString(),
  });
});

describe("getWorkbench", () => {
  it("scopes a Hebei handler's figures to Hebei: Beijing-only tickets and downtimes are not counted", async () => {
    const [hbWork, bjWork] = await Promise.all([getWorkbench(hb, { days: 60, now }), getWorkbench(bj, { days: 60, now })]);
    expect(bjWork.complaints!.overdue).toBe(3);
    expect(hbWork.complaints!.overdue).toBe(1);
    expect(hbWork.complaints!.bureauOpen).toBe(0);
    expect(bjWork.complaints!.bureauOpen).toBe(3);
    expect(bjWork.downtimes!.current).toBe(1);
    expect(hbWork.downtimes!.current).toBe(0);
  });

  it("equals the totals of the lists it links to", async () => {
    const work = (await getWorkbench(hb, { days: 60, now })).complaints!;
    const total = async (queue: string) => (await listComplaints(hb, { queue, pageSize: 1 }, now)).total;
    expect(work).toMatchObject({ overdue: await total("overdue"), dueToday: await total("today"), awaiting: await total("awaiting"), bureauOpen: await total("bureau") });
  });

  it("shows a section only to the roles whose list it counts", async () => {
    const work = await getWorkbench(hbAnalyst, { days: 60, now });
    expect(work.complaints).toBeNull();
    expect(work.downtimes).toBeNull();
    expect(work.roster).toBeNull();
    expect(work.agreements).toBeNull();
    expect(work.imports).toEqual([]);
  });
});
