// The load benchmark's workload: demo users of the four jobs, each session a browser-like mix of
// page loads and API calls with the session cookie. A browser loads a console page either as a
// full HTML document (first visit, reload, new tab) or — following a link inside the console —
// as a client-side navigation, which fetches only the page's React Server Component payload
// (`RSC: 1`, exactly the headers and `_rsc` parameter Next.js's router sends). Each session's
// cycle has 7 requests: 2 documents, 2 navigations, 3 API calls. Read-only, so every run sees
// the same data. The ids a session asks for (institutions, tickets, agreements) are listed at
// set-up through the API as that user, so every request is inside the user's scope and must
// answer 200. Not modelled: static assets (cached by the browser after the first visit) and the
// router's link prefetches (each a cheap request of its own).
import { createRequire } from "node:module";
import http from "node:http";
import { agent as sharedAgent, request, signIn } from "../../tests/support/http";

export type Job = "analyst" | "roster" | "complaint" | "agreement";

/** ≥ 20 distinct demo users (README), seven or eight per job, of national, provincial and city bureaus. */
export const USERS: Record<Job, string[]> = {
  analyst: ["nhsa_analyst", "bj_analyst", "tj_analyst", "hb_analyst", "lf_analyst", "sh_analyst", "js_analyst"],
  roster: ["bj_roster", "hb_roster", "hb_roster2", "sjz_roster", "zjk_roster", "lf_roster", "sh_roster"],
  complaint: ["bj_complaint", "tj_complaint", "hb_complaint", "lf_complaint", "sh_complaint", "zj_complaint"],
  agreement: [
    "nhsa_agreement",
    "bj_agreement",
    "tj_agreement",
    "hb_agreement",
    "sh_agreement",
    "js_agreement",
    "zj_agreement",
    "ah_agreement",
  ],
};
export const PASSWORD = "Yibao@2026";

export interface Step {
  kind: "document" | "navigation" | "api";
  path: string;
  /** Extra request headers (a navigation's router headers). */
  headers?: Record<string, string>;
}

export interface Session {
  /**
   * The session's own keep-alive connections (at most 6, as a browser keeps per host): 200
   * sessions are 200 browsers, whose connections the server's workers share out — one pool for
   * every session would pile the requests onto the few sockets it last used.
   */
  agent: http.Agent;
  user: string;
  job: Job;
  cookie: string;
  steps: Step[];
  next: number;
}

const doc = (path: string): Step => ({ kind: "document", path });
const api = (path: string): Step => ({ kind: "api", path: `/api/v1${path}` });

// The router state of a console page (the home page) a navigation starts from: the server
// renders only the segments below the shared (console) layout.
const FROM_TREE = encodeURIComponent(
  JSON.stringify([
    "",
    { children: ["(console)", { children: ["__PAGE__", {}, null, null, 0] }, null, null, 0] },
    null,
    null,
    16,
  ]),
);
type CacheBust = (
  prefetch: string | undefined,
  segment: string | undefined,
  tree: string,
  nextUrl: string,
) => Promise<string>;
const { computeCacheBustingSearchParam } = createRequire(import.meta.url)(
  "next/dist/shared/lib/router/utils/cache-busting-search-param",
) as { computeCacheBustingSearchParam: CacheBust };

/** A client-side navigation to `path`, as the App Router fetches it. */
async function nav(path: string): Promise<Step> {
  const bust = await computeCacheBustingSearchParam(undefined, undefined, FROM_TREE, "/");
  const sep = path.includes("?") ? "&" : "?";
  return {
    kind: "navigation",
    path: `${path}${sep}_rsc=${bust}`,
    headers: { rsc: "1", "next-router-state-tree": FROM_TREE, "next-url": "/" },
  };
}

async function getJson<T>(base: string, cookie: string, path: string): Promise<T> {
  const a = await request(`${base}/api/v1${path}`, { headers: { cookie, accept: "application/json" } });
  if (a.status !== 200) throw new Error(`set-up GET ${path}: ${a.status} ${a.body.toString().slice(0, 200)}`);
  return JSON.parse(a.body.toString()) as T;
}

type List<T> = { items: T[] };

/** The steps of one user's session, one cycle (document, API, navigation, API, document, API, navigation); a session repeats it. */
async function stepsOf(base: string, job: Job, cookie: string, pick: number): Promise<Step[]> {
  const at = <T>(xs: T[]) => xs[pick % xs.length]!;
  switch (job) {
    case "analyst":
      return [
        doc("/statistics"),
        api("/statistics/summary?from=2026-01&to=2026-06"),
        await nav("/statistics?from=2026-01&to=2026-06&grain=QUARTER"),
        api("/statistics/series?from=2025-01&to=2026-06&grain=MONTH"),
        doc("/statistics?from=2025-07&to=2026-06&level=city"),
        api("/statistics/flows?from=2026-01&to=2026-06&level=province&limit=50"),
        await nav("/"),
      ];
    case "roster": {
      const list = await getJson<List<{ code: string }>>(base, cookie, "/institutions?pageSize=50&sort=code");
      const code = at(list.items).code;
      return [
        doc("/facilities"),
        api(`/institutions?q=${encodeURIComponent("医院")}&page=1&pageSize=20`),
        await nav(`/facilities/${code}`),
        api(`/institutions/${code}`),
        doc(`/facilities?q=${encodeURIComponent("人民医院")}`),
        api("/institutions?type=PHARMACY&page=2&pageSize=20"),
        await nav("/facilities/coverage"),
      ];
    }
    case "complaint": {
      const list = await getJson<List<{ number: string }>>(base, cookie, "/complaints?queue=ALL&pageSize=50");
      const number = at(list.items).number;
      return [
        doc("/complaints"),
        api("/complaints?queue=BUREAU&pageSize=20"),
        await nav(`/complaints/${number}`),
        api(`/complaints/${number}`),
        doc("/complaints/daily"),
        api("/downtimes?when=CURRENT"),
        await nav("/complaints?queue=OVERDUE"),
      ];
    }
    case "agreement": {
      const list = await getJson<List<{ id: string }>>(base, cookie, "/agreements?pageSize=50");
      const inst = await getJson<List<{ code: string }>>(
        base,
        cookie,
        "/institutions?pageSize=20&type=HOSPITAL&sort=code",
      );
      const id = at(list.items).id;
      const code = inst.items.length ? at(inst.items).code : "H11010100001";
      const q = `institution=${code}&homeRegion=130100&service=INPATIENT&date=2026-05-01`;
      return [
        doc("/agreements"),
        api("/agreements?pageSize=20"),
        await nav(`/agreements/${id}`),
        api(`/eligibility?${q}`),
        doc("/agreements/matrix"),
        api(`/agreements/${id}`),
        await nav(`/agreements/check?${q}`),
      ];
    }
  }
}

/** `count` sessions over every user (round robin), each signed in on its own. */
export async function openSessions(base: string, count: number): Promise<Session[]> {
  const users = (Object.keys(USERS) as Job[]).flatMap((job) => USERS[job].map((user) => ({ user, job })));
  const sessions: Session[] = [];
  for (let i = 0; i < count; i++) {
    const { user, job } = users[i % users.length]!;
    const cookie = await signIn(base, user, PASSWORD);
    const steps = await stepsOf(base, job, cookie, Math.floor(i / users.length));
    sessions.push({
      agent: process.env.BENCH_AGENT === "shared" ? sharedAgent : new http.Agent({ keepAlive: true, maxSockets: 6 }),
      user,
      job,
      cookie,
      steps,
      next: i % steps.length,
    });
  }
  return sessions;
}

/** The next request of a session (its cycle, in order). */
export function nextStep(s: Session): Step {
  const step = s.steps[s.next % s.steps.length]!;
  s.next += 1;
  return step;
}

export function headersOf(s: Session, step: Step): Record<string, string> {
  if (step.kind === "document")
    return { cookie: s.cookie, accept: "text/html,application/xhtml+xml", "accept-language": "zh-CN,zh;q=0.9" };
  if (step.kind === "navigation")
    return { cookie: s.cookie, accept: "*/*", "accept-language": "zh-CN,zh;q=0.9", ...step.headers };
  return { cookie: s.cookie, accept: "application/json", "accept-language": "zh-CN" };
}
