// Plain HTTP for the load benchmark and the cluster test: keep-alive connections, cookies kept by
// hand, no redirects followed (a redirect to /login is an answer the benchmark must see).
import http from "node:http";

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export const agent = new http.Agent({ keepAlive: true, maxSockets: 512, keepAliveMsecs: 10_000 });

export function request(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string; agent?: http.Agent } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: opts.method ?? "GET", headers: opts.headers, agent: opts.agent ?? agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.setTimeout(60_000, () => req.destroy(new Error("timeout after 60 s")));
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

/** Name=value pairs of the Set-Cookie headers of an answer. */
export function cookiesOf(a: Answer): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of a.headers["set-cookie"] ?? []) {
    const [pair] = line.split(";");
    const i = pair!.indexOf("=");
    out.set(pair!.slice(0, i).trim(), pair!.slice(i + 1).trim());
  }
  return out;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** One sign-in through next-auth's credentials endpoint, as the login form posts it: the answer and the cookies. */
export async function signInAttempt(
  base: string,
  username: string,
  password: string,
): Promise<{ res: Answer; jar: Map<string, string> }> {
  const csrf = await request(`${base}/api/auth/csrf`);
  const jar = cookiesOf(csrf);
  const { csrfToken } = JSON.parse(csrf.body.toString()) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, username, password, callbackUrl: `${base}/`, json: "true" });
  const res = await request(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookieHeader(jar),
      "x-auth-return-redirect": "1",
    },
    body: form.toString(),
  });
  for (const [k, v] of cookiesOf(res)) jar.set(k, v);
  return { res, jar };
}

/**
 * Signs in through next-auth's credentials endpoint as the login form does and returns the
 * Cookie header of the session (throws with the answer when sign-in fails).
 */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const { res, jar } = await signInAttempt(base, username, password);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) {
    throw new Error(`sign-in of ${username} failed: ${res.status} ${res.body.toString().slice(0, 200)}`);
  }
  jar.delete("next-auth.callback-url");
  return cookieHeader(jar);
}

/** Signs out through next-auth as the console's menu does (the session cookie stays in `cookie`). */
export async function signOut(base: string, cookie: string): Promise<Answer> {
  const csrf = await request(`${base}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = JSON.parse(csrf.body.toString()) as { csrfToken: string };
  const jar = new Map(
    cookie.split("; ").map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)] as [string, string]),
  );
  for (const [k, v] of cookiesOf(csrf)) jar.set(k, v);
  const form = new URLSearchParams({ csrfToken, callbackUrl: `${base}/login`, json: "true" });
  return request(`${base}/api/auth/signout`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookieHeader(jar),
      "x-auth-return-redirect": "1",
    },
    body: form.toString(),
  });
}
