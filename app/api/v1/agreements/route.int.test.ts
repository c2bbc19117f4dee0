// The agreement and eligibility handlers called with a bearer token: status codes, the error
// contract, and "an officer of 上海市 cannot edit or activate a 京津冀 agreement".
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/users/service";
import { createActor } from "@/tests/factories";
import { agreementInput, createActiveAgreement, createInstitution } from "@/tests/factories/agreements";
import { GET as list, POST as create } from "@/app/api/v1/agreements/route";
import { GET as getOne, PATCH as patch } from "@/app/api/v1/agreements/[id]/route";
import { POST as transition } from "@/app/api/v1/agreements/[id]/transitions/route";
import { GET as eligibility } from "@/app/api/v1/eligibility/route";

async function bearer(actor: Actor) {
  const { secret } = await createApiToken(actor, { name: "test" });
  return (path: string, init: RequestInit = {}) =>
    new Request(`http://localhost/api/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", ...(init.headers ?? {}) },
    });
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });
type Body = {
  id: string;
  version: number;
  status: string;
  pendingApprovals: { code: string }[];
  error?: { code: string; details: { field: string }[] };
};

describe("/api/v1/agreements", () => {
  it("an officer drafts (201), lists and reads; 400 names fields; 401 with a bad token", async () => {
    const req = await bearer(await createActor("130000", ["AGREEMENT_OFFICER"]));
    const created = await create(req("/agreements", { method: "POST", body: JSON.stringify(agreementInput()) }));
    expect(created.status).toBe(201);
    const a = (await created.json()) as Body;
    expect(a).toMatchObject({ status: "DRAFT", version: 1 });
    const page = (await (await list(req("/agreements?party=130000&status=DRAFT"))).json()) as {
      items: { id: string }[];
    };
    expect(page.items.map((x) => x.id)).toContain(a.id);
    expect((await getOne(req(`/agreements/${a.id}`), params(a.id))).status).toBe(200);
    expect((await getOne(req(`/agreements/nope`), params("nope"))).status).toBe(404);

    const bad = await create(
      req("/agreements", {
        method: "POST",
        body: JSON.stringify({ ...agreementInput(), ratioRules: { EMERGENCY: 15 } }),
      }),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Body).error!.details.map((d) => d.field)).toEqual(["ratioRules.EMERGENCY"]);
    expect(
      (await list(new Request("http://localhost/api/v1/agreements", { headers: { authorization: "Bearer ybt_nope" } })))
        .status,
    ).toBe(401);
  });

  it("上海市's officer: 403 on PATCH and on activation of a 京津冀 agreement; reading is allowed", async () => {
    const hb = await bearer(await createActor("130000", ["AGREEMENT_OFFICER"]));
    const a = (await (
      await create(hb("/agreements", { method: "POST", body: JSON.stringify(agreementInput()) }))
    ).json()) as Body;
    const sh = await bearer(await createActor("310000", ["AGREEMENT_OFFICER"]));
    expect((await getOne(sh(`/agreements/${a.id}`), params(a.id))).status).toBe(200);
    const edit = await patch(
      sh(`/agreements/${a.id}`, { method: "PATCH", body: JSON.stringify({ notes: "x", version: 1 }) }),
      params(a.id),
    );
    expect(edit.status).toBe(403);
    const act = await transition(
      sh(`/agreements/${a.id}/transitions`, {
        method: "POST",
        body: JSON.stringify({ action: "ACTIVATE", version: 1 }),
      }),
      params(a.id),
    );
    expect(act.status).toBe(403);
    expect(((await act.json()) as Body).error!.code).toBe("FORBIDDEN");

    // Hebei's approval alone does not activate; the others are named as pending.
    const mine = await transition(
      hb(`/agreements/${a.id}/transitions`, {
        method: "POST",
        body: JSON.stringify({ action: "ACTIVATE", version: 1 }),
      }),
      params(a.id),
    );
    expect(mine.status).toBe(200);
    expect((await mine.json()) as Body).toMatchObject({
      status: "DRAFT",
      pendingApprovals: [{ code: "110000" }, { code: "120000" }],
    });
    const stale = await transition(
      hb(`/agreements/${a.id}/transitions`, {
        method: "POST",
        body: JSON.stringify({ action: "ACTIVATE", version: 1 }),
      }),
      params(a.id),
    );
    expect(stale.status).toBe(409);
  });
});

describe("/api/v1/eligibility", () => {
  it("answers any signed-in caller; 400 names bad parameters", async () => {
    const code = await createInstitution({ regionCode: "120104", level: "LEVEL_2" });
    const a = await createActiveAgreement({}, "2022-04-01");
    const req = await bearer(await createActor("131000", ["ANALYST"]));
    const res = await eligibility(
      req(`/eligibility?institution=${code}&homeRegion=131000&service=INPATIENT&date=2024-03-01&filingType=EMERGENCY`, {
        headers: { "accept-language": "en" },
      }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      eligible: boolean;
      filingRequired: boolean;
      maxRatioReductionPoints: number;
      basis: { number: string; clause: { zh: string; en: string } }[];
      reasons: { code: string; zh: string; en: string }[];
      permalink: string;
    };
    expect(body).toMatchObject({ eligible: true, filingRequired: true, maxRatioReductionPoints: 10 });
    expect(body.basis.map((b) => b.number)).toContain(a.number);
    expect(body.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(["COVERED", "FILING_REQUIRED", "RATIO"]));
    expect(body.permalink).toMatch(/^\/agreements\/check\?institution=/);

    const bad = await eligibility(req(`/eligibility?institution=X&homeRegion=1&service=DENTAL&date=2024-02-30`));
    expect(bad.status).toBe(400);
    const err = (await bad.json()) as { error: { details: { field: string }[] } };
    expect(err.error.details.map((d) => d.field).sort()).toEqual(["date", "homeRegion", "institution", "service"]);
  });
});
