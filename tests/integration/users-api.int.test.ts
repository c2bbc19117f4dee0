// The /me and /users handlers called directly with a bearer token: status codes, the error
// contract and region scope, without a browser.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { createApiToken } from "@/lib/users/service";
import { bureauFor, createActor, createUser } from "@/tests/factories";
import { GET as getMe } from "@/app/api/v1/me/route";
import { GET as listUsers, POST as createUser_ } from "@/app/api/v1/users/route";
import { DELETE as disableUser, GET as getUser, PATCH as patchUser } from "@/app/api/v1/users/[id]/route";

interface ErrorBody {
  error: { code: string; message: string; details: { field: string; code: string; message: string }[] };
}

async function bearer(actor: Actor) {
  const { secret } = await createApiToken(actor, { name: "test" });
  return (path: string, init: RequestInit = {}) =>
    new Request(`http://localhost/api/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json", ...(init.headers ?? {}) },
    });
}

const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("/api/v1/me", () => {
  it("answers the caller; 401 without or with a bad token", async () => {
    const actor = await createActor("131000", ["ANALYST"]);
    const req = await bearer(actor);
    const res = await getMe(req("/me"));
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      username: string;
      bureau: { region: { code: string; name: string } };
      roles: string[];
    };
    expect(body).toMatchObject({
      username: actor.username,
      bureau: { region: { code: "131000", name: "廊坊市" } },
      roles: ["ANALYST"],
    });
    expect(
      (await getMe(new Request("http://localhost/api/v1/me", { headers: { authorization: "Bearer ybt_nope" } })))
        .status,
    ).toBe(401);
  });
});

describe("/api/v1/users", () => {
  it("lists only users in scope; 403 for non-admins", async () => {
    const hebei = await createActor("130000", ["ADMIN"]);
    const bj = await createUser({ regionCode: "110000", roles: ["ANALYST"] });
    const req = await bearer(hebei);
    const res = await listUsers(req("/users?pageSize=200"));
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: { id: string; bureau: { regionCode: string } }[] };
    expect(page.items.every((u) => u.bureau.regionCode.startsWith("13"))).toBe(true);
    expect(page.items.map((u) => u.id)).not.toContain(bj.id);

    const analyst = await bearer(await createActor("130000", ["ANALYST"]));
    expect((await listUsers(analyst("/users"))).status).toBe(403);
    expect((await createUser_(analyst("/users", { method: "POST", body: "{}" }))).status).toBe(403);
  });

  it("400 names every missing field; malformed JSON and bad query params are 400 too", async () => {
    const req = await bearer(await createActor("130000", ["ADMIN"]));
    const res = await createUser_(req("/users", { method: "POST", body: "{}" }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.details.map((d) => d.field).sort()).toEqual([
      "bureauId",
      "displayName",
      "password",
      "roles",
      "username",
    ]);

    const bad = await createUser_(req("/users", { method: "POST", body: "{not json" }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as ErrorBody).error.details[0]!.field).toBe("body");

    const q = await listUsers(req("/users?role=KING&pageSize=9999"));
    expect(q.status).toBe(400);
    expect(((await q.json()) as ErrorBody).error.details.map((d) => d.field).sort()).toEqual(["pageSize", "role"]);
  });

  it("creates (201), reads, patches with the version (409 when stale), disables with DELETE", async () => {
    const admin = await createActor("130000", ["ADMIN"]);
    const req = await bearer(admin);
    const lf = await bureauFor("131000");
    const created = await createUser_(
      req("/users", {
        method: "POST",
        body: JSON.stringify({
          username: "api_user1",
          displayName: "接口用户",
          bureauId: lf.id,
          roles: ["ANALYST"],
          password: "Abcdefgh12",
        }),
      }),
    );
    expect(created.status).toBe(201);
    const user = (await created.json()) as {
      id: string;
      version: number;
      mustChangePassword: boolean;
      locked: boolean;
    };
    expect(user).toMatchObject({ version: 1, mustChangePassword: true, locked: false });
    expect(JSON.stringify(user)).not.toContain('password":');

    const dup = await createUser_(
      req("/users", {
        method: "POST",
        body: JSON.stringify({
          username: "api_user1",
          displayName: "x",
          bureauId: lf.id,
          roles: ["ANALYST"],
          password: "Abcdefgh12",
        }),
      }),
    );
    expect(dup.status).toBe(409);

    expect((await getUser(req(`/users/${user.id}`), params(user.id))).status).toBe(200);

    const patched = await patchUser(
      req(`/users/${user.id}`, {
        method: "PATCH",
        body: JSON.stringify({ roles: ["ANALYST", "COMPLAINT_HANDLER"], version: 1 }),
      }),
      params(user.id),
    );
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { version: number; roles: string[] }).roles).toEqual([
      "ANALYST",
      "COMPLAINT_HANDLER",
    ]);

    const stale = await patchUser(
      req(`/users/${user.id}`, { method: "PATCH", body: JSON.stringify({ displayName: "过期", version: 1 }) }),
      params(user.id),
    );
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as ErrorBody).error.code).toBe("CONFLICT");

    const unknown = await patchUser(
      req(`/users/${user.id}`, { method: "PATCH", body: JSON.stringify({ username: "renamed", version: 2 }) }),
      params(user.id),
    );
    expect(unknown.status).toBe(400);

    const noVersion = await disableUser(req(`/users/${user.id}`, { method: "DELETE" }), params(user.id));
    expect(noVersion.status).toBe(400);
    expect(((await noVersion.json()) as ErrorBody).error.details[0]!.field).toBe("version");

    const disabled = await disableUser(req(`/users/${user.id}?version=2`, { method: "DELETE" }), params(user.id));
    expect(disabled.status).toBe(200);
    expect(((await disabled.json()) as { disabled: boolean }).disabled).toBe(true);
    expect(await prisma.user.count({ where: { id: user.id } })).toBe(1);

    const self = await disableUser(req(`/users/${admin.id}?version=1`, { method: "DELETE" }), params(admin.id));
    expect(self.status).toBe(422);
  });

  it("404 for users outside the caller's region, whatever the method", async () => {
    const req = await bearer(await createActor("130000", ["ADMIN"]));
    const bj = await createUser({ regionCode: "110000", roles: ["ANALYST"] });
    expect((await getUser(req(`/users/${bj.id}`), params(bj.id))).status).toBe(404);
    expect((await getUser(req(`/users/not-a-uuid`), params("not-a-uuid"))).status).toBe(404);
    const patch = await patchUser(
      req(`/users/${bj.id}`, { method: "PATCH", body: JSON.stringify({ roles: ["ADMIN"], version: 1 }) }),
      params(bj.id),
    );
    expect(patch.status).toBe(404);
    expect((await patchUser(req(`/users/${bj.id}`, { method: "PATCH", body: "{}" }), params(bj.id))).status).toBe(404);
    expect((await disableUser(req(`/users/${bj.id}?version=1`, { method: "DELETE" }), params(bj.id))).status).toBe(404);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: bj.id } });
    expect(after).toMatchObject({ roles: ["ANALYST"], disabled: false, version: 1 });
  });
});
