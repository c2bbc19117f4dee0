// Every console page, one request at a time, warm: the server time (median of repeated loads,
// measured at the client on loopback) and the HTML size of each, as the user named beside it.
// The same list runs against the baseline and this tree (scripts/bench-load.ts).
import { request, signIn } from "../../tests/support/http";
import { PASSWORD } from "./mix";

export interface PageFigure {
  user: string;
  path: string;
  status: number;
  ms: number;
  bytes: number;
}

async function firstOf<T>(base: string, cookie: string, path: string, pick: (body: never) => T): Promise<T> {
  const a = await request(`${base}/api/v1${path}`, { headers: { cookie, accept: "application/json" } });
  return pick(JSON.parse(a.body.toString()) as never);
}

/** The pages, with ids of real records in each user's scope. */
export async function pageList(base: string): Promise<{ user: string; path: string }[]> {
  const agr = await signIn(base, "hb_agreement", PASSWORD);
  const agreementId = await firstOf(
    base,
    agr,
    "/agreements?pageSize=50",
    (b: { items: { id: string; number: string }[] }) =>
      (b.items.find((a) => a.number === "HB-2020-01") ?? b.items[0])!.id,
  );
  const cmp = await signIn(base, "hb_complaint", PASSWORD);
  const ticket = await firstOf(
    base,
    cmp,
    "/complaints?queue=ALL&pageSize=1",
    (b: { items: { number: string }[] }) => b.items[0]!.number,
  );
  const ros = await signIn(base, "hb_roster", PASSWORD);
  const hebei = await firstOf(
    base,
    ros,
    "/institutions?region=130000&type=HOSPITAL&pageSize=1&sort=code",
    (b: { items: { code: string }[] }) => b.items[0]!.code,
  );
  const adm = await signIn(base, "hb_admin", PASSWORD);
  const userId = await firstOf(base, adm, "/users?pageSize=1", (b: { items: { id: string }[] }) => b.items[0]!.id);
  const q = "institution=H11010100001&homeRegion=130100&service=INPATIENT&date=2026-05-01";
  return [
    ["hb_analyst", "/"],
    ["hb_analyst", "/statistics"],
    ["nhsa_analyst", "/statistics"],
    ["hb_analyst", "/statistics/import"],
    ["hb_roster", "/facilities"],
    ["hb_roster", "/facilities/H11010100001"],
    ["hb_roster", `/facilities/${hebei}/edit`],
    ["hb_roster", "/facilities/new"],
    ["hb_roster", "/facilities/coverage"],
    ["bj_roster", "/facilities/coverage"],
    ["hb_roster", "/facilities/changes"],
    ["hb_roster", "/facilities/import"],
    ["hb_agreement", "/agreements"],
    ["hb_agreement", `/agreements/${agreementId}`],
    ["hb_agreement", `/agreements/${agreementId}/edit`],
    ["hb_agreement", "/agreements/new"],
    ["hb_agreement", `/agreements/check?${q}`],
    ["hb_agreement", "/agreements/matrix"],
    ["nhsa_agreement", "/agreements/matrix"],
    ["hb_agreement", "/agreements/expiring"],
    ["hb_complaint", "/complaints"],
    ["bj_complaint", "/complaints"],
    ["hb_complaint", `/complaints/${ticket}`],
    ["hb_complaint", "/complaints/daily"],
    ["hb_complaint", "/complaints/reports"],
    ["hb_complaint", "/complaints/downtimes"],
    ["hb_complaint", "/complaints/new"],
    ["hb_admin", "/regions"],
    ["hb_admin", "/admin/users"],
    ["hb_admin", `/admin/users/${userId}`],
    ["hb_admin", "/admin/bureaus"],
    ["hb_admin", "/admin/audit"],
    ["hb_admin", "/profile"],
    ["", "/login"],
  ].map(([user, path]) => ({ user: user!, path: path! }));
}

/**
 * Median of `n` loads after `warm` unmeasured ones, page by page — once every page has been
 * visited and the server has had `settleMs` to settle (a process freezes the styles its pages
 * share a few seconds after it first renders them: lib/styles/sheets.ts).
 */
export async function measurePages(
  base: string,
  pages: { user: string; path: string }[],
  n = 30,
  warm = 10,
  settleMs = 8_000,
): Promise<PageFigure[]> {
  const cookies = new Map<string, string>();
  const headersOf = async (user: string): Promise<Record<string, string>> => {
    if (user && !cookies.has(user)) cookies.set(user, await signIn(base, user, PASSWORD));
    return {
      accept: "text/html",
      "accept-language": "zh-CN,zh;q=0.9",
      ...(user ? { cookie: cookies.get(user)! } : {}),
    };
  };
  for (const { user, path } of pages)
    for (let i = 0; i < 2; i++) await request(base + path, { headers: await headersOf(user) });
  await new Promise((r) => setTimeout(r, settleMs));
  const out: PageFigure[] = [];
  for (const { user, path } of pages) {
    const headers = await headersOf(user);
    for (let i = 0; i < warm; i++) await request(base + path, { headers });
    const times: number[] = [];
    let status = 0;
    let bytes = 0;
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      const a = await request(base + path, { headers });
      times.push(performance.now() - t);
      status = a.status;
      bytes = a.body.length;
    }
    times.sort((a, b) => a - b);
    out.push({ user, path, status, ms: times[Math.floor(n / 2)]!, bytes });
  }
  return out;
}
