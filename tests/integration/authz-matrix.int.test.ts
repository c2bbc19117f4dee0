// The authorization matrix, generated: every write operation of the OpenAPI document and every
// server action exported by app/(console)/**/actions.ts, each run as {no session, wrong role,
// right role in a foreign region, right role in scope} against real PostgreSQL. The operations
// come from the document and the modules, not from this file: one without a case below fails
// the test by name. Each call gets a fresh target (created by someone else), so the cells do not
// depend on each other.
//
// An unauthorized cell passes when the call is refused (non-2xx, or { ok: false } for an
// action) AND nothing was written: the audit log (every write is audited) and the case's own
// tables are unchanged. The in-scope cell must succeed and write — otherwise the refusals above
// would prove nothing. Roster and settlement imports decide per row (a foreign row is reported
// in a 200 report, decision 005/007): for them "refused" means no data row written (the
// attempt itself is logged and audited).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const headerState = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(headerState.cookie ? { cookie: headerState.cookie } : {}),
  cookies: async () => ({ get: () => undefined, set: () => undefined }),
}));
const saved = vi.hoisted(() => {
  const before = process.env.NEXTAUTH_SECRET;
  process.env.NEXTAUTH_SECRET ??= "integration-test-secret-0123456789";
  return before;
});
afterAll(() => {
  if (saved === undefined) delete process.env.NEXTAUTH_SECRET;
});

import { encode } from "next-auth/jwt";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import type { Actor } from "@/lib/auth/actor";
import { ROLES } from "@/lib/auth/roles";
import { openApiDocument } from "@/lib/api-document/openapi-document";
import { startSession } from "@/lib/sign-in/sign-in";
import { createActor } from "@/tests/factories";
import {
  ACTION_CASES,
  API_CASES,
  callApi,
  CELLS,
  tokenFor,
  type Cell,
  type Target,
  type WriteCase,
} from "@/tests/support/write-cases";

async function cookieFor(actor: Actor): Promise<string> {
  const sid = await startSession(actor.id, "127.0.0.1", "vitest");
  const token = await encode({ token: { uid: actor.id, sid, authAt: Date.now() }, secret: env().NEXTAUTH_SECRET! });
  return `next-auth.session-token=${token}`;
}

// ---- the operations, from the document and the modules ------------------------------------

const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, unknown>> };
const apiOps = Object.entries(doc.paths).flatMap(([p, ops]) =>
  Object.keys(ops)
    .filter((m) => m !== "get")
    .map((m) => `${m.toUpperCase()} ${p}`),
);

const ACTIONS_ROOT = path.resolve("app/(console)");
function actionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? actionFiles(p) : e.name === "actions.ts" ? [p] : [];
  });
}
type ActionFn = (...args: unknown[]) => Promise<{ ok: boolean; message?: string }>;
const actionModules = new Map<string, Record<string, unknown>>();

async function loadActions(): Promise<string[]> {
  const names: string[] = [];
  for (const file of actionFiles(ACTIONS_ROOT)) {
    const key = path.relative(ACTIONS_ROOT, path.dirname(file)).split(path.sep).join("/");
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    actionModules.set(key, mod);
    for (const [name, value] of Object.entries(mod)) if (typeof value === "function") names.push(`${key}#${name}`);
  }
  return names;
}

// ---- running one cell ------------------------------------------------------------------------

async function actorFor(c: WriteCase, cell: Cell): Promise<Actor | null> {
  if (cell === "none") return null;
  if (cell === "wrongRole")
    return createActor(
      c.region,
      ROLES.filter((r) => !c.roles.includes(r)),
    );
  const roles = c.roles.length === ROLES.length ? [...ROLES] : c.roles;
  if (cell === "foreign") return createActor(c.foreign, roles);
  return createActor(c.region, roles);
}

const auditCount = () => prisma.auditLog.count();

type Call = (credential: string | null, t: Target) => Promise<{ ok: boolean; status: number | string }>;

async function callAction(
  key: string,
  cookie: string | null,
  target: Target,
): Promise<{ ok: boolean; status: string }> {
  const [file, name] = key.split("#") as [string, string];
  const fn = actionModules.get(file)![name] as ActionFn;
  headerState.cookie = cookie ?? "";
  const args = target.actionArgs ?? [...Object.values(target.params ?? {}), target.body];
  try {
    const result = await fn(...args);
    return { ok: result.ok, status: result.ok ? "ok" : `refused: ${result.message ?? ""}` };
  } finally {
    headerState.cookie = "";
  }
}

interface Outcome {
  op: string;
  cell: Cell;
  status: number | string;
  wrote: boolean;
  succeeded: boolean;
}

async function runCell(
  op: string,
  c: WriteCase,
  cell: Cell,
  call: Call,
  credentialOf: (a: Actor) => Promise<string>,
): Promise<Outcome> {
  const actor = await actorFor(c, cell);
  const target = await c.setup(cell === "inScope" || c.self ? actor : null);
  // The token or session is made before the snapshot: issuing it is itself an audited write.
  const credential = actor ? await credentialOf(actor) : null;
  const before = [await auditCount(), JSON.stringify(await c.probe?.())];
  const r = await call(credential, target);
  const after = [await auditCount(), JSON.stringify(await c.probe?.())];
  // A per-row import records the attempt (its import log and audit entry) even when every row is
  // refused; what must not change there is the data itself.
  const wrote = (!c.perRow && before[0] !== after[0]) || before[1] !== after[1];
  // A per-row import's 2xx report is a success only when it wrote.
  const succeeded = c.perRow ? r.ok && wrote : r.ok;
  return { op, cell, status: r.status, wrote, succeeded };
}

// ---- the test --------------------------------------------------------------------------------

describe("generated authorization matrix", () => {
  const outcomes: Outcome[] = [];
  let actionOps: string[] = [];

  beforeAll(async () => {
    actionOps = await loadActions();
  });

  it("has a case for every write operation of the API and every server action", () => {
    expect(apiOps.length).toBeGreaterThanOrEqual(16);
    expect(actionOps.length).toBeGreaterThanOrEqual(22);
    expect(apiOps.filter((op) => !API_CASES[op])).toEqual([]);
    expect(actionOps.filter((op) => !ACTION_CASES[op])).toEqual([]);
    // and nothing stale: every case names an operation that exists
    expect(Object.keys(API_CASES).filter((op) => !apiOps.includes(op))).toEqual([]);
    expect(Object.keys(ACTION_CASES).filter((op) => !actionOps.includes(op))).toEqual([]);
  });

  it(
    "refuses every unauthorized cell without writing, and lets the in-scope caller write",
    { timeout: 600_000 },
    async () => {
      const skipped: string[] = [];
      const ops: [string, WriteCase, Call, (a: Actor) => Promise<string>][] = [
        ...apiOps.map((op): [string, WriteCase, Call, (a: Actor) => Promise<string>] => [
          op,
          API_CASES[op]!,
          (b, t) => callApi(op, b, t),
          tokenFor,
        ]),
        ...actionOps.map((op): [string, WriteCase, Call, (a: Actor) => Promise<string>] => [
          op,
          ACTION_CASES[op]!,
          (k, t) => callAction(op, k, t),
          cookieFor,
        ]),
      ];
      for (const [op, c, call, credentialOf] of ops) {
        for (const cell of CELLS) {
          const reason = c.notApplicable?.[cell];
          if (reason) {
            skipped.push(`${op} × ${cell}: ${reason}`);
            continue;
          }
          outcomes.push(await runCell(op, c, cell, call, credentialOf));
        }
      }
      const unauthorized = outcomes.filter((o) => o.cell !== "inScope");
      const leaks = unauthorized.filter((o) => o.succeeded || o.wrote);
      const inScope = outcomes.filter((o) => o.cell === "inScope");
      const failedInScope = inScope.filter((o) => !o.succeeded || !o.wrote);
      const byStatus = new Map<string, number>();
      for (const o of unauthorized) {
        const k = `${o.cell} → ${typeof o.status === "number" ? o.status : o.status.startsWith("refused") ? "refused" : o.status}`;
        byStatus.set(k, (byStatus.get(k) ?? 0) + 1);
      }
      console.log(
        [
          `authorization matrix: ${apiOps.length} API write operations + ${actionOps.length} server actions, ${outcomes.length} calls`,
          `  unauthorized calls: ${unauthorized.length}, unauthorized successes: ${leaks.length}, refused calls that wrote: ${unauthorized.filter((o) => o.wrote).length}`,
          `  in-scope calls: ${inScope.length}, of which succeeded and wrote: ${inScope.length - failedInScope.length}`,
          ...[...byStatus].sort().map(([k, n]) => `    ${k}: ${n}`),
          `  not applicable (${skipped.length}):`,
          ...skipped.map((s) => `    ${s}`),
        ].join("\n"),
      );
      expect(leaks.map((o) => `${o.op} × ${o.cell}: ${o.status}${o.wrote ? " (wrote)" : ""}`)).toEqual([]);
      expect(failedInScope.map((o) => `${o.op}: ${o.status}${o.wrote ? "" : " (wrote nothing)"}`)).toEqual([]);
      // No session is always 401 on the API, never a redirect or a 403.
      expect(outcomes.filter((o) => o.cell === "none" && typeof o.status === "number" && o.status !== 401)).toEqual([]);
    },
  );
});
