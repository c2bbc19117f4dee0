// The two ways of signing in — a session cookie and a personal API token — give the same Actor
// for the same user (only `via` differs), and both stop at once when the user is disabled.
import { encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { createActor, createUser } from "@/tests/factories";
import { prisma } from "@/lib/db/client";
import { dispatchCacheEvent } from "@/lib/db/events";
import { env } from "@/lib/env";
import { createApiToken } from "@/lib/users/service";
import { startSession } from "@/lib/sign-in/sign-in";
import { loadActor } from "@/lib/auth/load-actor";
import { authenticateRequest } from "@/lib/auth/session";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
});

async function sessionCookie(userId: string): Promise<string> {
  const sid = await startSession(userId, null, null);
  const jwt = await encode({ token: { uid: userId, sid, authAt: Date.now() }, secret: env().NEXTAUTH_SECRET ?? "" });
  return `next-auth.session-token=${jwt}`;
}

const request = (headers: Record<string, string>) => new Request("http://localhost/api/v1/me", { headers });

describe("session cookie and bearer token", () => {
  it("resolve the same user to the same Actor, and both refuse a disabled user", async () => {
    await createActor("130000", ["ADMIN"]);
    const user = await createUser({ regionCode: "131000", roles: ["ANALYST", "ROSTER_MANAGER"] });
    const self = (await loadActor(user.id, Date.now(), "session"))!;
    const { secret } = await createApiToken(self, { name: "对账脚本" });

    const viaCookie = await authenticateRequest(request({ cookie: await sessionCookie(user.id) }));
    const viaToken = await authenticateRequest(request({ authorization: `Bearer ${secret}` }));
    expect(viaCookie?.via).toBe("session");
    expect(viaToken?.via).toBe("token");
    const { via: _a, recentWrite: _b, ...cookieActor } = viaCookie!;
    const { via: _c, recentWrite: _d, ...tokenActor } = viaToken!;
    expect(tokenActor).toEqual(cookieActor);
    expect(tokenActor).toMatchObject({ id: user.id, regionCode: "131000", roles: ["ANALYST", "ROSTER_MANAGER"] });

    await prisma.user.update({ where: { id: user.id }, data: { disabled: true } });
    dispatchCacheEvent("users", user.id);
    expect(await authenticateRequest(request({ cookie: await sessionCookie(user.id) }))).toBeNull();
    expect(await authenticateRequest(request({ authorization: `Bearer ${secret}` }))).toBeNull();
  });
});
