// next-auth configuration: credentials sign-in, JWT sessions. The JWT carries only the user
// id and the sign-in time; roles, bureau and region are re-read from the database on every
// request (lib/users/queries.loadActor), so a disabled user or a changed role takes effect at once.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "../env";
import { verifyCredentials } from "../users/service";

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
        const forwarded = req?.headers?.["x-forwarded-for"];
        const ip = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() ?? null;
        const result = await verifyCredentials(username, password, ip);
        // The message reaches the sign-in form as `error`; it never contains the password.
        if (!result.ok) throw new Error(result.reason === "locked" ? `locked:${result.minutes}` : result.reason);
        return { id: result.userId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
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
