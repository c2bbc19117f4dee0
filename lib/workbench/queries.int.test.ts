// The workbench counts only what the actor's lists show: a Hebei handler never counts a
// Beijing-only ticket or downtime, and each figure equals its list's total.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../auth/actor";
import { bureauFor, createActor } from "../../tests/factories";
import { createTicket } from "../../tests/factories/complaints";
import { createInstitution as makeInstitution } from "../../tests/factories/institutions";
import { listComplaints } from "../complaints/queries";
import { createDowntime } from "../complaints/service";
import { listChangeRequests } from "../facilities/change-requests";
import { updateInstitution } from "../facilities/service";
import { setMakerChecker } from "../facilities/maker-checker";
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
    regionCode: "110000",
    kind: "UNPLANNED",
    services: ["INPATIENT"],
    reason: "x",
    startsAt: new Date(now.getTime() - hour).toISOString(),
    endsAt: new Date(now.getTime() + hour).toISOString(),
  });
});

describe("getWorkbench", () => {
  it("scopes a Hebei handler's figures to Hebei: Beijing-only tickets and downtimes are not counted", async () => {
    const [hbWork, bjWork] = await Promise.all([
      getWorkbench(hb, { days: 60, now }),
      getWorkbench(bj, { days: 60, now }),
    ]);
    // Overdue counts the bureau's own tickets: the Hebei insured's ticket is Beijing's to handle.
    expect(bjWork.complaints!.overdue).toBe(3);
    expect(hbWork.complaints!.overdue).toBe(0);
    expect(hbWork.complaints!.bureauOpen).toBe(0);
    expect(bjWork.complaints!.bureauOpen).toBe(3);
    expect(bjWork.downtimes!.current).toBe(1);
    expect(hbWork.downtimes!.current).toBe(0);
  });

  it("equals the totals of the lists it links to", async () => {
    const work = (await getWorkbench(hb, { days: 60, now })).complaints!;
    const total = async (queue: string, owner?: "BUREAU") =>
      (await listComplaints(hb, { queue, owner, pageSize: 1 }, now)).total;
    expect(work).toMatchObject({
      overdue: await total("OVERDUE", "BUREAU"),
      dueToday: await total("TODAY", "BUREAU"),
      awaiting: await total("AWAITING"),
      bureauOpen: await total("BUREAU"),
    });
    // The owner filter narrows: Hebei sees the Beijing-owned ticket of its insured in the queue, not as its own.
    expect(await total("OVERDUE")).toBe(1);
    expect(await total("OVERDUE", "BUREAU")).toBe(0);
  });

  it("counts for a roster checker the pending changes others made, as the list's maker=OTHERS filter shows", async () => {
    const bureau = await bureauFor("130900");
    await setMakerChecker(await createActor("130000", ["ADMIN"]), { bureauId: bureau.id, enabled: true });
    const [maker, checker] = [
      await createActor("130900", ["ROSTER_MANAGER"]),
      await createActor("130900", ["ROSTER_MANAGER"]),
    ];
    const [a, b] = [await makeInstitution({ regionCode: "130902" }), await makeInstitution({ regionCode: "130902" })];
    await updateInstitution(maker, a.code, { phone: "0317-5550001", version: 1 });
    await updateInstitution(checker, b.code, { phone: "0317-5550002", version: 1 });
    const [forChecker, forMaker] = [
      (await getWorkbench(checker, { days: 60, now })).roster!,
      (await getWorkbench(maker, { days: 60, now })).roster!,
    ];
    expect(forChecker).toEqual({ awaitingReview: 1, pending: 2 });
    expect(forMaker).toEqual({ awaitingReview: 1, pending: 2 });
    const others = await listChangeRequests(checker, { state: "PENDING", maker: "OTHERS" });
    expect(others.items.map((c) => c.code)).toEqual([a.code]);
    expect((await listChangeRequests(checker, { state: "PENDING", maker: "ME" })).items.map((c) => c.code)).toEqual([
      b.code,
    ]);
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
