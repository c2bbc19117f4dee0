// next-auth configuration: credentials sign-in, JWT sessions. The JWT carries only the user
// id, the session id (user_session, revoked by sign-out) and the sign-in time; roles, bureau and region are re-read from the database on every
// request (lib/auth/load-actor.ts loadActor), so a disabled user or a changed role takes effect at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "../env";
import { endSession, startSession, verifyCredentials } from "./sign-in";
import { isDatabaseUnavailable } from "../db/unavailable";
import { logger } from "../logger";
import { clientAddressOf } from "../http/client-address";

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: env().SESSION_MAX_AGE_HOURS * 3600, updateAge: 15 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const username = String(credentials?.username ?? "").slice(0, 64);
        const password = String(credentials?.password ?? "").slice(0, 256);
        if (!username || !password) throw new Error("bad_credentials");
        // The address server.ts decided (X-Forwarded-For only with TRUST_PROXY), never the client's word.
        const ip = clientAddressOf(req?.headers as Record<string, unknown> | undefined);
        const ua = req?.headers?.["user-agent"];
        let userId: string;
        let sid: string;
        try {
          const result = await verifyCredentials(username, password, ip);
          if (!result.ok)
            throw new Error(result.reason === "throttled" ? `throttled:${result.seconds}` : result.reason);
          userId = result.userId;
          sid = await startSession(userId, ip, (Array.isArray(ua) ? ua[0] : ua) ?? null);
        } catch (e) {
          // The message reaches the browser as `error`: a reason code, never a driver's message
          // (which names the database host) and never the password.
          if (e instanceof Error && /^(bad_credentials|disabled|throttled:\d+)$/.test(e.message)) throw e;
          if (isDatabaseUnavailable(e)) throw new Error("unavailable");
          logger.error("sign-in failed", e);
          throw new Error("internal");
        }
        return { id: userId, sid };
      },
    }),
  ],
  events: {
    // Sign-out ends the session server-side: the cookie saved before it is refused everywhere.
    async signOut({ token }) {
      if (typeof token?.uid === "string" && typeof token.sid === "string") await endSession(token.uid, token.sid);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = (user as { sid?: string }).sid;
        token.authAt = Date.now();
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as string, authAt: token.authAt as number };
    },
  },
};

export interface AppSession {
  uid?: string;
  authAt?: number;
  expires: string;
}
