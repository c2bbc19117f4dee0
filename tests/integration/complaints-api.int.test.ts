// The /complaints and /downtimes handlers called with bearer tokens: status codes, the error
// contract, the third-region wall and masking over HTTP.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/users/service";
import { createActor } from "@/tests/factories";
import { complaintInput, TEST_ID_NUMBER } from "@/tests/factories/complaints";
import { GET as list, POST as create } from "@/app/api/v1/complaints/route";
import { GET as detail } from "@/app/api/v1/complaints/[number]/route";
import { POST as transition } from "@/app/api/v1/complaints/[number]/transitions/route";
import { POST as comment } from "@/app/api/v1/complaints/[number]/comments/route";
import { GET as exportFile } from "@/app/api/v1/complaints/export/route";
import { GET as reports } from "@/app/api/v1/complaints/reports/route";
import { GET as daily } from "@/app/api/v1/complaints/daily-report/route";
import { GET as listDowntimes, POST as createDowntime } from "@/app/api/v1/downtimes/route";

async function bearer(actor: Actor) {
  const { secret } = await createApiToken(actor, { name: "test" });
  return (path: string, init: RequestInit = {}) =>
    new Request(`http://localhost/api/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", ...(init.headers ?? {}) },
    });
}
const params = (number: string) => ({ params: Promise.resolve({ number }) });
const post = (body: unknown): RequestInit => ({ method: "POST", body: JSON.stringify(body) });

describe("/api/v1/complaints", () => {
  it("creates, reads, transitions with versions, comments; third region gets 404 everywhere", async () => {
    const bj = await bearer(await createActor("110000", ["COMPLAINT_HANDLER"]));
    const lf = await bearer(await createActor("131000", ["COMPLAINT_HANDLER"]));
    const sh = await bearer(await createActor("310000", ["COMPLAINT_HANDLER"]));
    const analyst = await bearer(await createActor("110000", ["ANALYST"]));

    const bad = await create(bj("/complaints", post({})));
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { error: { details: { field: string }[] } }).error.details.map(
      (d) => d.field,
    );
    expect(fields).toEqual(
      expect.arrayContaining([
        "channel",
        "complainantName",
        "homeRegionCode",
        "visitRegionCode",
        "category",
        "description",
      ]),
    );

    const res = await create(bj("/complaints", post(complaintInput())));
    expect(res.status).toBe(201);
    const ticket = (await res.json()) as {
      number: string;
      version: number;
      state: string;
      complainantIdNumber: string;
    };
    expect(ticket).toMatchObject({ state: "NEW", version: 1, complainantIdNumber: "1310**********0036" });
    const n = ticket.number;

    expect((await detail(bj(`/complaints/${n}`), params(n))).status).toBe(200);
    expect((await detail(lf(`/complaints/${n}`), params(n))).status).toBe(200);
    expect((await detail(sh(`/complaints/${n}`), params(n))).status).toBe(404);
    expect((await detail(analyst(`/complaints/${n}`), params(n))).status).toBe(404);
    expect(
      (await transition(sh(`/complaints/${n}/transitions`, post({ to: "TRIAGED", version: 1 })), params(n))).status,
    ).toBe(404);
    expect(
      (await comment(sh(`/complaints/${n}/comments`, post({ body: "x", internal: true })), params(n))).status,
    ).toBe(404);

    // unmask: the receiving bureau only
    expect((await detail(lf(`/complaints/${n}?unmask=true`), params(n))).status).toBe(403);
    const clear = (await (await detail(bj(`/complaints/${n}?unmask=true`), params(n))).json()) as {
      complainantIdNumber: string;
      unmasked: boolean;
    };
    expect(clear).toMatchObject({ complainantIdNumber: TEST_ID_NUMBER, unmasked: true });

    expect(
      (await transition(lf(`/complaints/${n}/transitions`, post({ to: "TRIAGED", version: 1 })), params(n))).status,
    ).toBe(403);
    expect(
      (await transition(bj(`/complaints/${n}/transitions`, post({ to: "RESOLVED", version: 1 })), params(n))).status,
    ).toBe(422);
    const ok = await transition(bj(`/complaints/${n}/transitions`, post({ to: "TRIAGED", version: 1 })), params(n));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { version: number }).version).toBe(2);
    expect(
      (await transition(bj(`/complaints/${n}/transitions`, post({ to: "INVESTIGATING", version: 1 })), params(n)))
        .status,
    ).toBe(409);
    const noNote = await transition(
      bj(`/complaints/${n}/transitions`, post({ to: "AWAITING_OTHER_BUREAU", version: 2 })),
      params(n),
    );
    expect(noNote.status).toBe(400);

    expect(
      (await comment(lf(`/complaints/${n}/comments`, post({ body: "已核实", internal: true })), params(n))).status,
    ).toBe(201);
    expect(
      (await comment(lf(`/complaints/${n}/comments`, post({ body: "答复", internal: false })), params(n))).status,
    ).toBe(403);

    const mine = (await (await list(bj("/complaints?queue=ALL&pageSize=200"))).json()) as {
      items: { number: string }[];
    };
    expect(mine.items.map((i) => i.number)).toContain(n);
    const theirs = (await (await list(sh(`/complaints?queue=ALL&q=${n}`))).json()) as { total: number };
    expect(theirs.total).toBe(0);
    expect((await list(analyst("/complaints"))).status).toBe(403);

    const csv = await (await exportFile(sh("/complaints/export?format=csv"))).text();
    expect(csv).not.toContain(n);
    const bjCsv = await (await exportFile(bj("/complaints/export?format=csv"))).text();
    expect(bjCsv).toContain(n);
    expect(bjCsv).not.toContain(TEST_ID_NUMBER);

    const rep = (await (await reports(sh("/complaints/reports"))).json()) as { backlog: unknown[] };
    expect(rep.backlog).toEqual([]);
    const bjRep = (await (await reports(bj("/complaints/reports"))).json()) as {
      backlog: { state: string; count: number }[];
    };
    expect(bjRep.backlog.find((b) => b.state === "TRIAGED")?.count).toBeGreaterThan(0);
    expect((await reports(bj("/complaints/reports?format=xlsx"))).headers.get("content-type")).toContain(
      "spreadsheetml",
    );
    const shDaily = (await (await daily(sh("/complaints/daily-report"))).json()) as { totals: { new: number } };
    expect(shDaily.totals.new).toBe(0);
    expect(await (await daily(sh("/complaints/daily-report?format=csv"))).text()).not.toContain(n);
  });
});

describe("/api/v1/downtimes", () => {
  it("posts a window in scope (201), refuses out-of-scope (400), lists", async () => {
    const lf = await bearer(await createActor("131000", ["COMPLAINT_HANDLER"]));
    const body = {
      regionCode: "131000",
      kind: "PLANNED",
      startsAt: "2026-12-01T22:00:00+08:00",
      endsAt: "2026-12-02T02:00:00+08:00",
      services: ["INPATIENT"],
      reason: "系统升级",
    };
    const res = await createDowntime(lf("/downtimes", post(body)));
    expect(res.status).toBe(201);
    expect(((await res.json()) as { region: { name: string } }).region.name).toBe("廊坊市");
    expect((await createDowntime(lf("/downtimes", post({ ...body, regionCode: "110000" })))).status).toBe(400);
    const items = ((await (await listDowntimes(lf("/downtimes?when=ALL"))).json()) as { items: { reason: string }[] })
      .items;
    expect(items.map((i) => i.reason)).toContain("系统升级");
  });
});
