// Security controls of the HTTP layer (decision 011), with the route handlers called directly:
// a real session cookie (a next-auth token naming a user_session row) or a bearer token, real
// PostgreSQL. Hostile text, cross-site cookie writes, forgeable body types, sign-out, temporary
// passwords and the no-store header.
import { afterAll, vi, describe, expect, it } from "vitest";
// Small limits for this file only (env() is parsed per test file; restored for the next file).
const saved = vi.hoisted(() => {
  const keys = ["NEXTAUTH_SECRET", "API_USER_LIMIT", "SIGNIN_ADDRESS_LIMIT"] as const;
  const before = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
  process.env.API_USER_LIMIT = "12";
  process.env.SIGNIN_ADDRESS_LIMIT = "20";
  return before;
});
afterAll(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});
import { encode } from "next-auth/jwt";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/auth/actor";
import { createApiToken, resetPassword } from "@/lib/users/service";
import { endSession, startSession, verifyCredentials } from "@/lib/sign-in/sign-in";
import { createActor, createUser } from "@/tests/factories";
import { complaintInput } from "@/tests/factories/complaints";
import { GET as getMe } from "@/app/api/v1/me/route";
import { GET as listComplaints, POST as createComplaint } from "@/app/api/v1/complaints/route";
import { GET as listRegions } from "@/app/api/v1/regions/route";
import { POST as transition } from "@/app/api/v1/complaints/[number]/transitions/route";
import { createTicket } from "@/tests/factories/complaints";

interface ErrorBody {
  error: { code: string; details: { field: string; code: string }[] };
}

async function sessionCookie(userId: string): Promise<{ cookie: string; sid: string }> {
  const sid = await startSession(userId, "127.0.0.1", "vitest");
  const token = await encode({ token: { uid: userId, sid, authAt: Date.now() }, secret: env().NEXTAUTH_SECRET! });
  return { cookie: `next-auth.session-token=${token}`, sid };
}

const URL_BASE = "http://console.test/api/v1";
const sameSite = { host: "console.test", origin: "http://console.test" };

function cookieRequest(
  cookie: string,
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
) {
  // As on the wire: a body comes with its Content-Length (a Request built here has none of its own).
  const length: Record<string, string> = init.body ? { "content-length": String(Buffer.byteLength(init.body)) } : {};
  return new Request(`${URL_BASE}${path}`, {
    method: init.method ?? "GET",
    body: init.body,
    headers: { cookie, ...length, ...(init.headers ?? {}) },
  });
}

async function handler(regionCode = "110000"): Promise<Actor> {
  return createActor(regionCode, ["COMPLAINT_HANDLER"]);
}

const complaintCount = () => prisma.complaint.count();

describe("hostile text", () => {
  it.each([
    ["NUL", "description", "结算失败\u0000"],
    ["a lone surrogate", "complainantName", "张\ud800"],
    ["a bidi override", "description", "\u202e失败"],
    ["a non-character", "description", "x\uffff"],
  ])("%s in a JSON body is a 400 naming the field, and nothing is written", async (_, field, value) => {
    const actor = await handler();
    const { secret } = await createApiToken(actor, { name: "t" });
    const before = await complaintCount();
    const res = await createComplaint(
      new Request(`${URL_BASE}/complaints`, {
        method: "POST",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
        body: JSON.stringify(complaintInput({ [field]: value })),
      }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.details).toEqual([expect.objectContaining({ field, code: "validation.badCharacters" })]);
    expect(await complaintCount()).toBe(before);
  });

  it("in a query parameter or a JSON key too", async () => {
    const actor = await handler();
    const { secret } = await createApiToken(actor, { name: "t" });
    const auth = { authorization: `Bearer ${secret}` };
    const q = await listComplaints(
      new Request(`${URL_BASE}/complaints?q=${encodeURIComponent("a\u0000")}`, { headers: auth }),
    );
    expect(q.status).toBe(400);
    expect(((await q.json()) as ErrorBody).error.details[0]!.field).toBe("query.q");
    const key = await createComplaint(
      new Request(`${URL_BASE}/complaints`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ ...complaintInput(), "x\u0000": 1 }),
      }),
    );
    expect(key.status).toBe(400);
  });
});

describe("request id", () => {
  it("echoes a plausible X-Request-Id, generates one otherwise, and puts it in every error body", async () => {
    const actor = await handler();
    const { secret } = await createApiToken(actor, { name: "t" });
    const auth = { authorization: `Bearer ${secret}` };
    const ok = await listRegions(
      new Request(`${URL_BASE}/regions?parent=130000`, { headers: { ...auth, "x-request-id": "caller-0a1b2c3d" } }),
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get("x-request-id")).toBe("caller-0a1b2c3d");
    const generated = await listRegions(
      new Request(`${URL_BASE}/regions?parent=130000`, { headers: { ...auth, "x-request-id": "bad id\u0001" } }),
    );
    expect(generated.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const denied = await getMe(new Request(`${URL_BASE}/me`, { headers: { "x-request-id": "caller-ffff0000" } }));
    expect(denied.status).toBe(401);
    expect(denied.headers.get("x-request-id")).toBe("caller-ffff0000");
    expect(((await denied.json()) as { error: { requestId: string } }).error.requestId).toBe("caller-ffff0000");
  });
});

describe("body size", () => {
  it("a JSON body over 1 MiB is 413 — declared by Content-Length or found while reading — and nothing is written", async () => {
    const actor = await handler();
    const { secret } = await createApiToken(actor, { name: "t" });
    const body = JSON.stringify(complaintInput({ description: "长".repeat(400_000) })); // ≈ 1.2 MB
    const before = await complaintCount();
    const declared = await createComplaint(
      new Request(`${URL_BASE}/complaints`, {
        method: "POST",
        body,
        headers: {
          authorization: `Bearer ${secret}`,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
        },
      }),
    );
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as ErrorBody).error.code).toBe("PAYLOAD_TOO_LARGE");
    // Streamed without a length (chunked): counted while read.
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 12; i++) c.enqueue(new TextEncoder().encode("x".repeat(100_000)));
        c.close();
      },
    });
    const chunked = await createComplaint(
      new Request(`${URL_BASE}/complaints`, {
        method: "POST",
        body: stream,
        duplex: "half",
        headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      } as RequestInit),
    );
    expect(chunked.status).toBe(413);
    expect(await complaintCount()).toBe(before);
  });
});

describe("cross-site requests with the session cookie", () => {
  it("a foreign Origin or Sec-Fetch-Site is 403, a form's body type is 415; the console's own request is 201", async () => {
    const actor = await handler();
    const { cookie } = await sessionCookie(actor.id);
    const body = JSON.stringify(complaintInput());
    const before = await complaintCount();
    const foreign = await createComplaint(
      cookieRequest(cookie, "/complaints", {
        method: "POST",
        body,
        headers: { host: "console.test", origin: "http://evil.example", "content-type": "application/json" },
      }),
    );
    expect(foreign.status).toBe(403);
    const crossSite = await createComplaint(
      cookieRequest(cookie, "/complaints", {
        method: "POST",
        body,
        headers: { host: "console.test", "sec-fetch-site": "cross-site", "content-type": "application/json" },
      }),
    );
    expect(crossSite.status).toBe(403);
    const noOrigin = await createComplaint(
      cookieRequest(cookie, "/complaints", {
        method: "POST",
        body,
        headers: { host: "console.test", "content-type": "application/json" },
      }),
    );
    expect(noOrigin.status).toBe(403);
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const forged = await createComplaint(
        cookieRequest(cookie, "/complaints", { method: "POST", body, headers: { ...sameSite, "content-type": type } }),
      );
      expect(forged.status).toBe(415);
      expect(((await forged.json()) as ErrorBody).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    }
    expect(await complaintCount()).toBe(before);
    const own = await createComplaint(
      cookieRequest(cookie, "/complaints", {
        method: "POST",
        body,
        headers: { ...sameSite, "sec-fetch-site": "same-origin", "content-type": "application/json" },
      }),
    );
    expect(own.status).toBe(201);
    // Reads are not writes: a GET needs no Origin.
    expect((await listComplaints(cookieRequest(cookie, "/complaints"))).status).toBe(200);
  });

  it("bearer-token calls are exempt (no ambient credential)", async () => {
    const { secret } = await createApiToken(await handler(), { name: "t" });
    const res = await createComplaint(
      new Request(`${URL_BASE}/complaints`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${secret}`,
          origin: "http://evil.example",
          "content-type": "application/json",
        },
        body: JSON.stringify(complaintInput()),
      }),
    );
    expect(res.status).toBe(201);
  });
});

describe("sessions", () => {
  it("a cookie saved before sign-out answers 401 after it", async () => {
    const actor = await handler();
    const { cookie, sid } = await sessionCookie(actor.id);
    expect((await getMe(cookieRequest(cookie, "/me"))).status).toBe(200);
    await endSession(actor.id, sid);
    expect((await getMe(cookieRequest(cookie, "/me"))).status).toBe(401);
  });

  it("a token without a session id (issued before sessions could be ended) is refused", async () => {
    const actor = await handler();
    const token = await encode({ token: { uid: actor.id, authAt: Date.now() }, secret: env().NEXTAUTH_SECRET! });
    expect((await getMe(cookieRequest(`next-auth.session-token=${token}`, "/me"))).status).toBe(401);
  });
});

describe("temporary passwords", () => {
  it("open nothing but /me until changed: 403 PASSWORD_CHANGE_REQUIRED, for the cookie and for tokens alike", async () => {
    const admin = await createActor("110000", ["ADMIN"]);
    const user = await createUser({ regionCode: "110000", roles: ["COMPLAINT_HANDLER"] });
    await resetPassword(admin, user.id, { password: "Temp-pass-2026", version: 1 });
    const { cookie } = await sessionCookie(user.id);
    const blocked = await listRegions(cookieRequest(cookie, "/regions?q=北京"));
    expect(blocked.status).toBe(403);
    expect(((await blocked.json()) as ErrorBody).error.code).toBe("PASSWORD_CHANGE_REQUIRED");
    expect((await getMe(cookieRequest(cookie, "/me"))).status).toBe(200);
  });
});

describe("answers are never cached", () => {
  it("every /api/v1 answer, success or error, says Cache-Control: private, no-store", async () => {
    const { cookie } = await sessionCookie((await handler()).id);
    for (const res of [
      await getMe(cookieRequest(cookie, "/me")),
      await getMe(new Request(`${URL_BASE}/me`)),
      await listRegions(cookieRequest(cookie, "/regions?level=9")),
    ]) {
      expect(res.headers.get("cache-control")).toBe("private, no-store");
    }
  });
});

describe("rate limits", () => {
  it("the API answers 429 with Retry-After and RateLimit headers past the per-user limit (12 a minute here)", async () => {
    const { secret } = await createApiToken(await handler(), { name: "t" });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 13; i++) {
      last = await getMe(new Request(`${URL_BASE}/me`, { headers: { authorization: `Bearer ${secret}` } }));
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 12).every((s) => s === 200)).toBe(true);
    expect(statuses[12]).toBe(429);
    expect(((await last!.json()) as ErrorBody).error.code).toBe("RATE_LIMITED");
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last!.headers.get("ratelimit-limit")).toBe("12");
    expect(last!.headers.get("ratelimit-remaining")).toBe("0");
  });

  it("sign-in attempts from one address are limited whatever the names (20 per 5 minutes here)", async () => {
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push(await verifyCredentials(`name_${i}`, "x", "10.9.9.9"));
    expect(answers.slice(0, 20).every((a) => !a.ok && a.reason === "bad_credentials")).toBe(true);
    expect(answers[20]).toMatchObject({ ok: false, reason: "throttled" });
    // Another address is not affected.
    expect(await verifyCredentials("name_0", "x", "10.9.9.10")).toEqual({ ok: false, reason: "bad_credentials" });
  });
});

describe("one order of checks: 401 → 403 (role) → 400 (body) → 404 (scope) → 409 (version) → 422 (state)", () => {
  const bearerPost = (secret: string, path: string, body: string) =>
    new Request(`${URL_BASE}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body,
    });

  it("a caller without the role gets 403 even for an invalid body", async () => {
    const { secret } = await createApiToken(await createActor("110000", ["ANALYST"]), { name: "t" });
    expect((await createComplaint(bearerPost(secret, "/complaints", "{}"))).status).toBe(403);
  });

  it("a stale version on a transition the state forbids is 409, the current version 422; an unknown ticket 404 after a bad body 400", async () => {
    const owner = await handler("110000");
    const ticket = await createTicket(owner);
    const { secret } = await createApiToken(owner, { name: "t" });
    const params = (number: string) => ({ params: Promise.resolve({ number }) });
    const go = (number: string, body: unknown) =>
      transition(bearerPost(secret, `/complaints/${number}/transitions`, JSON.stringify(body)), params(number));
    expect((await go(ticket.number, { to: "RESOLVED", version: ticket.version + 5 })).status).toBe(409);
    expect((await go(ticket.number, { to: "RESOLVED", version: ticket.version })).status).toBe(422);
    expect((await go("TS-2099-999999", { to: "NOT_A_STATE" })).status).toBe(400);
    expect((await go("TS-2099-999999", { to: "TRIAGED", version: 1 })).status).toBe(404);
  });
});
