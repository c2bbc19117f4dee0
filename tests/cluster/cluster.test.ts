// The deployment the operations guide describes, for real, on loopback: a PostgreSQL primary
// with a streaming replica, two app instances (production server; instance A with two workers),
// nginx in front (deploy/nginx/yibao.conf). Proves, through nginx where a user would go:
// sessions work on either instance; a terminated agreement and a disabled user are answered
// correctly by the other instance within 1 s (LISTEN/NOTIFY); one SLA notification per overdue
// ticket while both instances run the scheduler; dashboards read from the replica, and from
// the primary once the replica is stopped; a killed worker is replaced.
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newKeySpec } from "../../lib/crypto/pii";
import { prepareDatabase } from "../../lib/ops/prepare";
import { buildIfStale } from "../../scripts/server";
import {
  startApp,
  startNginx,
  startPrimary,
  startReplica,
  waitForReplay,
  workerPids,
  type AppInstance,
  type Nginx,
  type PgNode,
} from "../support/cluster";
import { request, signIn, signInAttempt, signOut } from "../support/http";

const DIR = path.resolve(".data", "cluster-test");
const PORTS = { primary: 54340, replica: 54341, nginx: 3200, a: 3201, b: 3202 };
const DB = "yibao";
const PASSWORD = "Yibao@2026";

let primary: PgNode;
let replica: PgNode;
let a: AppInstance;
let b: AppInstance;
let lb: Nginx;
let db: pg.Client;
const stopped: (() => Promise<void>)[] = [];

const json = (body: unknown) => ({ "content-type": "application/json", body: JSON.stringify(body) });
async function call(base: string, cookie: string, method: string, p: string, body?: unknown) {
  const headers: Record<string, string> = { cookie, accept: "application/json", origin: base };
  let payload: string | undefined;
  if (body !== undefined) {
    const j = json(body);
    headers["content-type"] = j["content-type"];
    payload = j.body;
  }
  const res = await request(`${base}/api/v1${p}`, { method, headers, body: payload });
  const text = res.body.toString();
  return {
    status: res.status,
    instance: res.headers["x-instance"] as string | undefined,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

async function within<T>(ms: number, probe: () => Promise<T | undefined>): Promise<{ value: T; elapsed: number }> {
  const start = performance.now();
  for (;;) {
    const value = await probe();
    const elapsed = performance.now() - start;
    if (value !== undefined) return { value, elapsed };
    if (elapsed > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Server processes of `node` whose latest query was a dashboard query (pg_stat_activity keeps
 * the first 1 kB of each backend's latest query; the cube queries start with their sums).
 */
async function cubeReaders(node: PgNode): Promise<number> {
  const c = new pg.Client({ connectionString: node.url(DB) });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where pid <> pg_backend_pid() and query like '%sum(visits)%'",
    );
    return rows[0]!.n;
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  buildIfStale();
  primary = await startPrimary(path.join(DIR, "primary"), PORTS.primary);
  stopped.push(primary.stop);
  // One PII key for the seed and both instances: a ticket written through A is unmasked through B.
  const piiKeys = newKeySpec("k1");
  await prepareDatabase(primary.url(DB), { demo: true, piiKeys });
  replica = await startReplica(primary, path.join(DIR, "replica"), PORTS.replica);
  stopped.push(replica.stop);
  await waitForReplay(primary, replica);
  const secret = crypto.randomBytes(32).toString("base64url");
  const common = {
    DATABASE_URL: primary.url(DB),
    DATABASE_REPLICA_URL: replica.url(DB),
    NEXTAUTH_SECRET: secret,
    PII_KEYS: piiKeys,
    NEXTAUTH_URL: `http://127.0.0.1:${PORTS.nginx}`,
    JOB_INTERVAL_SECONDS: "2",
    REPLICA_MAX_LAG_MS: "5000",
  };
  [a, b] = await Promise.all([
    startApp({ port: PORTS.a, name: "A", env: { ...common, WEB_CONCURRENCY: "2" }, log: path.join(DIR, "app-a.log") }),
    startApp({ port: PORTS.b, name: "B", env: { ...common, WEB_CONCURRENCY: "1" }, log: path.join(DIR, "app-b.log") }),
  ]);
  stopped.push(a.stop, b.stop);
  lb = await startNginx(path.join(DIR, "nginx"), PORTS.nginx, [PORTS.a, PORTS.b]);
  stopped.push(lb.stop);
  db = new pg.Client({ connectionString: primary.url(DB) });
  await db.connect();
}, 300_000);

afterAll(async () => {
  await db?.end().catch(() => undefined);
  for (const stop of stopped.reverse()) await stop().catch(() => undefined);
}, 60_000);

describe("two instances behind nginx, one primary and a streaming replica", () => {
  it("a session signed in on one instance works on the other, and nginx spreads requests over both", async () => {
    const cookie = await signIn(a.url, "hb_analyst", PASSWORD);
    const onB = await call(b.url, cookie, "GET", "/me");
    expect(onB.status).toBe(200);
    expect(onB.instance).toBe("B");
    expect(onB.body.username).toBe("hb_analyst");

    const viaLb = await signIn(lb.url, "bj_complaint", PASSWORD);
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const r = await call(lb.url, viaLb, "GET", "/me");
      expect(r.status).toBe(200);
      expect(r.body.username).toBe("bj_complaint");
      seen.add(r.instance!);
    }
    expect([...seen].sort()).toEqual(["A", "B"]);
  });

  it("an agreement terminated through instance A is answered as not eligible by instance B within 1 s", async () => {
    const officer = await signIn(lb.url, "nhsa_agreement", PASSWORD);
    const inst = await db.query<{ code: string }>(
      "select code from institution where region_code like '31%' and type = 'HOSPITAL' and status = 'ACTIVE' order by code limit 1",
    );
    const code = inst.rows[0]!.code;
    const ask = `/eligibility?institution=${code}&homeRegion=510100&service=INPATIENT&date=2026-06-01&filingType=EMERGENCY`;
    const before = await call(b.url, officer, "GET", ask);
    expect(before.status).toBe(200);
    expect(before.body.eligible).toBe(false);

    const draft = await call(a.url, officer, "POST", "/agreements", {
      number: `CL-${crypto.randomBytes(3).toString("hex")}`,
      title: "沪川指定医疗机构（集群测试）",
      type: "DESIGNATION",
      direction: "ONE_WAY",
      parties: [
        { regionCode: "510000", role: "HOME" },
        { regionCode: "310000", role: "VISIT" },
      ],
      services: ["INPATIENT"],
      effectiveFrom: "2026-01-01",
      institutionCodes: [code],
    });
    expect(draft.status).toBe(201);
    const active = await call(a.url, officer, "POST", `/agreements/${draft.body.id}/transitions`, {
      action: "ACTIVATE",
      effectiveOn: "2026-01-01",
      version: draft.body.version,
    });
    expect(active.status).toBe(200);
    expect(active.body.status).toBe("ACTIVE");
    const covered = await within(1000, async () =>
      (await call(b.url, officer, "GET", ask)).body.eligible === true ? true : undefined,
    );
    expect(covered.elapsed).toBeLessThan(1000);

    const ended = await call(a.url, officer, "POST", `/agreements/${draft.body.id}/transitions`, {
      action: "TERMINATE",
      reason: "集群测试",
      version: active.body.version,
    });
    expect(ended.status).toBe(200);
    expect(ended.body.status).toBe("TERMINATED");
    const gone = await within(1000, async () => {
      const r = await call(
        b.url,
        officer,
        "GET",
        ask.replace("2026-06-01", new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)),
      );
      return r.body.eligible === false ? r : undefined;
    });
    expect(gone.elapsed).toBeLessThan(1000);
    expect(gone.value.instance).toBe("B");
  });

  it("a user disabled through instance A is signed out on instance B within 1 s", async () => {
    const admin = await signIn(lb.url, "lf_admin", PASSWORD);
    const victim = await signIn(b.url, "lf_roster", PASSWORD);
    expect((await call(b.url, victim, "GET", "/me")).status).toBe(200);
    const user = await db.query<{ id: string; version: number }>(
      "select id::text, version from app_user where username = 'lf_roster'",
    );
    const off = await call(a.url, admin, "PATCH", `/users/${user.rows[0]!.id}`, {
      disabled: true,
      version: user.rows[0]!.version,
    });
    expect(off.status).toBe(200);
    const out = await within(1000, async () =>
      (await call(b.url, victim, "GET", "/me")).status === 401 ? true : undefined,
    );
    expect(out.elapsed).toBeLessThan(1000);
  });

  it("five failed sign-ins through instance A make the sixth through instance B wait (429)", async () => {
    for (let i = 0; i < 5; i++) expect((await signInAttempt(a.url, "zj_complaint", `wrong-${i}`)).res.status).toBe(401);
    const sixth = (await signInAttempt(b.url, "zj_complaint", PASSWORD)).res;
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("a session signed out through instance B is refused by instance A within 1 s", async () => {
    const cookie = await signIn(b.url, "zj_agreement", PASSWORD);
    expect((await call(a.url, cookie, "GET", "/me")).status).toBe(200);
    expect((await signOut(b.url, cookie)).status).toBe(200);
    const out = await within(1000, async () =>
      (await call(a.url, cookie, "GET", "/me")).status === 401 ? true : undefined,
    );
    expect(out.elapsed).toBeLessThan(1000);
  });

  it("one SLA notification per overdue ticket while both instances run the sweep", async () => {
    const handler = await signIn(lb.url, "hb_complaint", PASSWORD);
    const numbers: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await call(lb.url, handler, "POST", "/complaints", {
        channel: "HOTLINE",
        complainantName: "王某",
        homeRegionCode: "130100",
        visitRegionCode: "110000",
        category: "SETTLEMENT_FAILED",
        description: `集群测试 ${i}：结算失败`,
      });
      expect(r.status).toBe(201);
      numbers.push(r.body.number as string);
    }
    // Overdue now: the first-response clock ran out an hour ago.
    await db.query("update complaint set first_response_due_at = now() - interval '1 hour' where number = any($1)", [
      numbers,
    ]);
    const alerted = await within(20_000, async () => {
      const { rows } = await db.query<{ n: number }>(
        "select count(*)::int as n from complaint where number = any($1) and first_response_alerted_at is not null",
        [numbers],
      );
      return rows[0]!.n === numbers.length ? true : undefined;
    });
    expect(alerted.value).toBe(true);
    // Let both schedulers tick a few more times: nothing may be sent again.
    await new Promise((r) => setTimeout(r, 5_000));
    const { rows } = await db.query<{ number: string; user_id: string; n: number }>(
      `select c.number, n.user_id::text, count(*)::int as n from notification n join complaint c on c.id = n.complaint_id
        where c.number = any($1) and n.kind = 'FIRST_RESPONSE_OVERDUE' group by 1, 2`,
      [numbers],
    );
    expect(new Set(rows.map((r) => r.number))).toEqual(new Set(numbers));
    expect(rows.every((r) => r.n === 1)).toBe(true);
    // Across all tickets, not only these: no notification of one kind twice for one user and ticket.
    const dupes = await db.query(
      "select complaint_id, user_id, kind from notification where kind like '%OVERDUE' or kind = 'SLA_ESCALATED' group by 1, 2, 3 having count(*) > 1",
    );
    expect(dupes.rowCount).toBe(0);
    // Ticks were claimed (once each: the primary key) by the instances' schedulers.
    const runs = await db.query<{ instance: string }>(
      "select instance from job_run where job = 'complaints.sla-sweep'",
    );
    expect(runs.rowCount).toBeGreaterThan(3);
    expect(runs.rows.every((r) => /^[AB]#\d+$/.test(r.instance))).toBe(true);
  });

  it("dashboards are read from the replica, and from the primary once the replica is stopped", async () => {
    // Every worker probes the replica from its start; wait until the one answering says it is fit.
    for (const app of [a, b]) {
      await within(10_000, async () => {
        const h = JSON.parse((await request(`${app.url}/api/health`)).body.toString()) as {
          replicas: { healthy: boolean }[];
        };
        return h.replicas[0]?.healthy ? true : undefined;
      });
    }
    const analyst = await signIn(lb.url, "hb_analyst", PASSWORD);
    // Each question different: answers are cached per question (lib/statistics/queries.ts).
    let month = 0;
    const ask = () => `/statistics/summary?from=2025-${String(++month).padStart(2, "0")}&to=2026-06`;
    expect(await cubeReaders(replica)).toBe(0);
    expect(await cubeReaders(primary)).toBe(0);
    for (let i = 0; i < 6; i++) expect((await call(lb.url, analyst, "GET", ask())).status).toBe(200);
    expect(await cubeReaders(replica)).toBeGreaterThan(0);
    expect(await cubeReaders(primary)).toBe(0);

    await replica.stop();
    const answers: number[] = [];
    for (let i = 0; i < 6; i++) answers.push((await call(lb.url, analyst, "GET", ask())).status);
    expect(answers).toEqual([200, 200, 200, 200, 200, 200]);
    expect(await cubeReaders(primary)).toBeGreaterThan(0);
    // Each worker's next probe (every second) sees it too; health says so to the balancer.
    const health = await within(5_000, async () => {
      const h = JSON.parse((await request(`${b.url}/api/health`)).body.toString()) as { status: string };
      return h.status === "degraded" ? h : undefined;
    });
    expect(health.value).toMatchObject({ status: "degraded", primary: true, replicas: [{ healthy: false }] });
  });

  it("a settlement import through instance A shows on instance B's (cached) dashboard within 1 s", async () => {
    const analyst = await signIn(lb.url, "hb_analyst", PASSWORD);
    const ask = "/statistics/summary?from=2026-11&to=2026-11&homeRegion=130100";
    const before = await call(b.url, analyst, "GET", ask);
    expect(before.status).toBe(200);
    expect((await call(b.url, analyst, "GET", ask)).body.visits).toBe(before.body.visits); // answered from B's cache
    const csv = [
      "settlement_id,settled_at,visit_region,home_region,institution_code,service_type,filing_type,total_cost,fund_paid,status",
      ...Array.from(
        { length: 3 },
        (_, i) =>
          `CL-${crypto.randomBytes(4).toString("hex")}-${i},2026-11-15T10:00:00+08:00,110105,130102,H11010500001,OUTPATIENT,,100.00,50.00,SETTLED`,
      ),
    ].join("\n");
    const imported = await request(`${a.url}/api/v1/settlements/import?fileName=cluster.csv`, {
      method: "POST",
      headers: { cookie: analyst, "content-type": "text/csv", origin: a.url },
      body: csv,
    });
    expect(imported.status).toBe(200);
    const seen = await within(1000, async () => {
      const r = await call(b.url, analyst, "GET", ask);
      return r.body.visits === (before.body.visits as number) + 3 ? r : undefined;
    });
    expect(seen.elapsed).toBeLessThan(1000);
  });

  it("a page links MUI's frozen stylesheet instead of inlining it, and the other instance serves that sheet", async () => {
    const cookie = await signIn(b.url, "hb_agreement", PASSWORD);
    const page = () => request(`${b.url}/agreements`, { headers: { cookie } });
    // Rules join the sheet once used twice; the freezer runs every few seconds.
    const linked = await within(20_000, async () => {
      const html = (await page()).body.toString();
      return /<link rel="stylesheet" href="(\/assets\/mui\/[0-9a-f]{24}\.css)"/.exec(html)?.[1] ?? undefined;
    });
    const html = (await page()).body.toString();
    // The empty tag naming the linked rules (signed with the page's CSP nonce).
    expect(html).toMatch(/<style nonce="[A-Za-z0-9+/=]+" data-emotion="mui [a-z0-9 ]+"><\/style>/);
    const onA = await request(`${a.url}${linked.value}`);
    expect(onA.status).toBe(200);
    expect(onA.headers["content-type"]).toBe("text/css; charset=utf-8");
    expect(onA.headers["cache-control"]).toContain("immutable");
    expect(onA.body.toString()).toMatch(/\.mui-[a-z0-9]+\{/);
    expect((await request(`${a.url}/assets/mui/${"0".repeat(24)}.css`)).status).toBe(404);
  });

  it("a worker that dies is replaced, and the instance keeps answering", async () => {
    const cookie = await signIn(lb.url, "tj_analyst", PASSWORD);
    const before = workerPids(a);
    expect(before).toHaveLength(2);
    process.kill(before[0]!, "SIGKILL");
    // What the dead worker had in flight is lost (a crash); new connections reach the other one.
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 6; i++) expect((await call(a.url, cookie, "GET", "/me")).status).toBe(200);
    const replaced = await within(60_000, async () => {
      const now = workerPids(a);
      return now.length === 2 && !now.includes(before[0]!) ? now : undefined;
    });
    expect(replaced.value).toContain(before[1]);
  });
});
