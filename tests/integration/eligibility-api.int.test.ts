// GET /api/v1/eligibility over real HTTP through server.ts's own dispatch (createRequestListener,
// the listener every production worker runs): the fast path (lib/agreements/fast-eligibility.ts) must
// give exactly what the route handler gives — same status, body and error contract — a method a
// path does not take gets the JSON 405, and everything else is left to Next.js.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createApiToken } from "@/lib/users/service";
import { createRequestListener } from "@/server";
import { createActor } from "@/tests/factories";
import { createActiveAgreement, createInstitution } from "@/tests/factories/agreements";
import * as route from "@/app/api/v1/eligibility/route";

// Stands in for Next.js: anything the fast path declines is answered 599 here.
const FELL_THROUGH = 599;
let server: http.Server;
let base = "";

beforeAll(async () => {
  const handle = (_req: http.IncomingMessage, res: http.ServerResponse) => res.writeHead(FELL_THROUGH).end();
  server = http.createServer(createRequestListener({ handle, trustProxy: false, instance: "listener-test" }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function token(regionCode: string, roles: Parameters<typeof createActor>[1]) {
  return (await createApiToken(await createActor(regionCode, roles), { name: "eligibility test" })).secret;
}

describe("eligibility fast path", () => {
  it("answers a bearer GET exactly like the route handler (status, body, reasons in zh and en)", async () => {
    const code = await createInstitution({ regionCode: "110105", level: "LEVEL_3" });
    const agreement = await createActiveAgreement({ scopeRule: { minLevel: "LEVEL_2" } }, "2022-04-01");
    const secret = await token("130000", ["COMPLAINT_HANDLER"]);
    // asOf pins the instant, so both answers (and their permalinks) are comparable.
    const query = `institution=${code}&homeRegion=130100&service=INPATIENT&date=2024-05-06&filingType=EMERGENCY&asOf=${encodeURIComponent(new Date().toISOString())}`;

    const fast = await fetch(`${base}/api/v1/eligibility?${query}`, {
      headers: { authorization: `Bearer ${secret}`, "accept-language": "en" },
    });
    const viaRoute = await route.GET(
      new Request(`http://test/api/v1/eligibility?${query}`, {
        headers: { authorization: `Bearer ${secret}`, "accept-language": "en" },
      }),
    );
    expect(fast.status).toBe(200);
    expect(viaRoute.status).toBe(200);
    expect(fast.headers.get("content-type")).toBe("application/json");
    expect(fast.headers.get("x-content-type-options")).toBe("nosniff");
    const body = await fast.json();
    expect(body).toEqual(await viaRoute.json());
    expect(body).toMatchObject({ eligible: true, maxRatioReductionPoints: 10, basis: [{ number: agreement.number }] });
    expect(body.reasons.length).toBeGreaterThan(0);
    expect(body.reasons[0].zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it("401 for an unknown, malformed or revoked token; 400 naming the field; errors in the caller's language", async () => {
    const none = await fetch(
      `${base}/api/v1/eligibility?institution=H1&homeRegion=130100&service=INPATIENT&date=2024-01-01`,
      { headers: { authorization: "Bearer ybt_unknown" } },
    );
    expect(none.status).toBe(401);
    expect((await none.json()).error).toMatchObject({ code: "UNAUTHENTICATED", details: [] });
    const basic = await fetch(`${base}/api/v1/eligibility`, { headers: { authorization: "Basic eDp5" } });
    expect(basic.status).toBe(401);

    const created = await createApiToken(await createActor("130000", ["ANALYST"]), { name: "revoked" });
    await prisma.apiToken.update({ where: { id: created.token.id }, data: { revokedAt: new Date() } });
    expect(
      (await fetch(`${base}/api/v1/eligibility`, { headers: { authorization: `Bearer ${created.secret}` } })).status,
    ).toBe(401);

    const secret = await token("120000", ["ANALYST"]);
    const bad = await fetch(
      `${base}/api/v1/eligibility?institution=H1&homeRegion=131&service=SURGERY&date=2024-13-01`,
      { headers: { authorization: `Bearer ${secret}`, "accept-language": "zh-CN" } },
    );
    expect(bad.status).toBe(400);
    const err = (await bad.json()).error;
    expect(err.code).toBe("VALIDATION");
    expect(err.details.map((d: { field: string }) => d.field).sort()).toEqual(
      expect.arrayContaining(["date", "homeRegion", "service"]),
    );
    expect(err.message).toMatch(/[\u4e00-\u9fff]/);
  });

  it("leaves cookie sessions and other paths to Next.js", async () => {
    const secret = await token("130000", ["ANALYST"]);
    const auth = { authorization: `Bearer ${secret}` };
    expect((await fetch(`${base}/api/v1/eligibility?institution=H1`)).status).toBe(FELL_THROUGH);
    expect((await fetch(`${base}/api/v1/agreements`, { method: "POST", headers: auth })).status).toBe(FELL_THROUGH);
    expect((await fetch(`${base}/login`)).status).toBe(FELL_THROUGH);
    expect((await fetch(`${base}/api/v1/eligibility-extra`, { headers: auth })).status).toBe(FELL_THROUGH);
    expect((await fetch(`${base}/api/v1/eligibility/x`, { headers: auth })).status).toBe(FELL_THROUGH);
    expect((await fetch(`${base}/api/v1/agreements`, { headers: auth })).status).toBe(FELL_THROUGH);
    expect((await fetch(`${base}/api/v1/eligibility`, { headers: auth })).status).toBe(400);
  });

  it("answers a method an /api/v1 path does not take with the JSON 405 and Allow, before Next.js", async () => {
    const secret = await token("130000", ["ANALYST"]);
    const refused = await fetch(`${base}/api/v1/eligibility`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "accept-language": "en", "x-request-id": "refused-405-call" },
    });
    expect(refused.status).toBe(405);
    expect(refused.headers.get("allow")).toBe("GET");
    expect(refused.headers.get("x-instance")).toBe("listener-test");
    expect(refused.headers.get("x-request-id")).toBe("refused-405-call");
    expect((await refused.json()).error).toMatchObject({ code: "METHOD_NOT_ALLOWED" });
    // HEAD goes with GET and OPTIONS is Next.js's to answer.
    expect((await fetch(`${base}/api/v1/agreements`, { method: "HEAD" })).status).toBe(FELL_THROUGH);
    expect((await fetch(`${base}/api/v1/agreements`, { method: "OPTIONS" })).status).toBe(FELL_THROUGH);
  });
});
