// Lists filtered by a region group (decision 020): the roster and its export, complaint queues
// and their export and reports, agreements by party — each equal to the union of the members, counted once.
import { beforeAll, describe, expect, it } from "vitest";
import { createActor } from "../../../tests/factories";
import { createGroup } from "../../../tests/factories/region-groups";
import { createInstitution } from "../../../tests/factories/institutions";
import { createTicket } from "../../../tests/factories/complaints";
import { createDraft } from "../../../tests/factories/agreements";
import type { Actor } from "../../auth/actor";
import { ValidationError } from "../../errors";
import { listInstitutions } from "../../facilities/queries";
import { exportInstitutions } from "../../facilities/export";
import { listComplaints } from "../../complaints/queries";
import { complaintReport } from "../../complaints/reports";
import { listAgreements } from "../../agreements/queries";

let sfq = "";
let bsx = "";
let national: Actor;

beforeAll(async () => {
  // 示范区 with an overlapping member (吴江区 and 苏州市): counts as 青浦 + 苏州 + 嘉善.
  sfq = (await createGroup({ members: ["310118", "320509", "320500", "330421"] })).slug;
  bsx = (await createGroup({ members: ["131082", "131028", "131024"], visibility: "OWNER_REGION" })).slug;
  national = await createActor("000000", ["ADMIN", "COMPLAINT_HANDLER", "AGREEMENT_OFFICER"]);
});

describe("lists filtered by a group", () => {
  it("the roster and its export: institutions in any member, each once", async () => {
    const inside = await Promise.all(
      ["310118", "320509", "320506", "330421"].map((regionCode) => createInstitution({ regionCode })),
    );
    const outside = await createInstitution({ regionCode: "310101" });
    const page = await listInstitutions(national, { region: `group:${sfq}`, pageSize: 200 });
    const codes = page.items.map((i) => i.code);
    for (const i of inside) expect(codes).toContain(i.code);
    expect(codes).not.toContain(outside.code);
    expect(new Set(codes).size).toBe(codes.length);
    const text = await new Response(
      (await exportInstitutions(national, { region: `group:${sfq}` }, "csv")).body,
    ).text();
    const exported = text
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((l) => l.replace(/^\uFEFF/, "").split(",")[0]);
    expect(exported.sort()).toEqual([...codes].sort());
  });

  it("complaint queues: a ticket whose home or visit region is in the group, each once", async () => {
    const handler = await createActor("131000", ["COMPLAINT_HANDLER"]);
    const a = await createTicket(handler, { homeRegionCode: "131082", visitRegionCode: "110105" });
    const b = await createTicket(handler, { homeRegionCode: "131002", visitRegionCode: "131028" });
    const both = await createTicket(handler, { homeRegionCode: "131024", visitRegionCode: "131082" });
    const out = await createTicket(handler, { homeRegionCode: "131002", visitRegionCode: "110105" });
    const numbers = (await listComplaints(handler, { queue: "ALL", region: `group:${bsx}`, pageSize: 200 })).items.map(
      (t) => t.number,
    );
    expect(numbers.sort()).toEqual([a.number, b.number, both.number].sort());
    expect(numbers).not.toContain(out.number);
    // The report over the group: the same tickets (its backlog counts the open ones), fewer than the whole scope.
    const backlog = async (input: object) =>
      (await complaintReport(handler, input)).backlog.reduce((n, b) => n + b.count, 0);
    const open = (await listComplaints(handler, { queue: "ALL", region: `group:${bsx}`, pageSize: 200 })).items.filter(
      (x) => !["RESOLVED", "CLOSED"].includes(x.state),
    );
    expect(open.length).toBeGreaterThanOrEqual(3);
    expect(await backlog({ region: `group:${bsx}` })).toBe(open.length);
    expect(await backlog({})).toBeGreaterThan(open.length);
    // Another province's handler cannot use 河北's own group.
    await expect(
      listComplaints(await createActor("320000", ["COMPLAINT_HANDLER"]), { queue: "ALL", region: `group:${bsx}` }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it("agreements: those with a party inside the group", async () => {
    const pilot = await createDraft({
      title: "示范区异地购药试点（测试）",
      parties: [
        { regionCode: "310118", role: "BOTH" },
        { regionCode: "330421", role: "BOTH" },
      ],
    });
    const jjj = await createDraft();
    const ids = (await listAgreements(national, { party: `group:${sfq}`, pageSize: 200 })).items.map((x) => x.id);
    expect(ids).toContain(pilot.id);
    expect(ids).not.toContain(jjj.id);
  });
});
