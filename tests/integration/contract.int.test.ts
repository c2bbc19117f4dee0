// The API contract: every operation of the OpenAPI document is called (GET operations with
// realistic parameters over real records; every write with a valid body as the right caller and
// with an invalid one), and each answer is validated against what the document says for that
// status with ajv (JSON Schema 2020-12): the body against its schema, a file against its media
// type. An answer the document does not list fails too. Route handlers are called as the wire
// calls them (bearer token, real PostgreSQL); the operations come from the document, so a new
// one without parameters here fails by name.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const saved = vi.hoisted(() => {
  const before = process.env.API_USER_LIMIT;
  process.env.API_USER_LIMIT = "100000";
  return before;
});
afterAll(() => {
  if (saved === undefined) delete process.env.API_USER_LIMIT;
  else process.env.API_USER_LIMIT = saved;
});

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { ROLES } from "@/lib/auth/roles";
import { openApiDocument } from "@/lib/api-document/openapi-document";
import { updateInstitution } from "@/lib/facilities/service";
import { addComment, createDowntime, transitionComplaint } from "@/lib/complaints/service";
import { bureauFor, createActor, createUser } from "@/tests/factories";
import { createActiveAgreement } from "@/tests/factories/agreements";
import { createTicket } from "@/tests/factories/complaints";
import { createInstitution } from "@/tests/factories/institutions";
import { importCsv } from "@/tests/factories/settlements";
import { settlementCsv } from "@/tests/factories/settlements";
import { createGroup } from "@/tests/factories/region-groups";
import { API_CASES, sendToRoute, tokenFor, type Target } from "@/tests/support/write-cases";

type Json = Record<string, unknown>;
interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }>; headers?: Record<string, unknown> }>;
}
const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, Operation>> };
const DOC_ID = "https://console.test/openapi.json";

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(JSON.parse(JSON.stringify(doc)) as Json, DOC_ID);

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

let validated = 0;
const schemaAt = (ref: string) => ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
const responseRef = (apiPath: string, method: string, status: number) =>
  `${DOC_ID}#/${pointer("paths", apiPath, method, "responses", String(status), "content", "application/json", "schema")}`;

interface Answer {
  op: string;
  call: string;
  status: number;
  problem?: string;
}

/** The target of a concrete path (`/users/7f…?x=1`) of the operation `op`: its parameters and query. */
function targetAt(op: string, path: string): Target {
  const [pathname, query] = path.split("?") as [string, string | undefined];
  const actual = pathname.split("/");
  const template = op.split(" ")[1]!.split("/");
  expect(actual.length, `${path} is not a path of ${op}`).toBe(template.length);
  const params = Object.fromEntries(
    template.flatMap((seg, i) => {
      const name = /^\{(\w+)\}$/.exec(seg)?.[1];
      return name ? [[name, decodeURIComponent(actual[i]!)]] : [];
    }),
  );
  return { params, query: query === undefined ? undefined : `?${query}` };
}

async function call(op: string, bearer: string, target: Target): Promise<Answer> {
  const [method, apiPath] = op.split(" ") as [string, string];
  const res = await sendToRoute(op, bearer, target);
  const path = apiPath.replace(/\{(\w+)\}/g, (_, k: string) => target.params?.[k] ?? "") + (target.query ?? "");
  const body = target.body === undefined ? "" : ` ${JSON.stringify(target.body).slice(0, 60)}`;
  const answer: Answer = { op, call: `${method} ${path}${body}`, status: res.status };
  const documented = doc.paths[apiPath]![method.toLowerCase()]!.responses[String(res.status)];
  if (!documented)
    return { ...answer, problem: `status ${res.status} not documented (${(await res.text()).slice(0, 160)})` };
  // A documented Location (201 of a create) must be sent, and name a path of the API.
  if (documented.headers?.Location && !/^\/api\/v1\/[^?#]+$/.test(res.headers.get("location") ?? ""))
    return { ...answer, problem: `201 without a Location (${res.headers.get("location")})` };
  const type = (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
  const content = documented.content ?? {};
  if (!Object.keys(content).length) return answer;
  if (!content[type]) return { ...answer, problem: `content type ${type} not documented for ${res.status}` };
  if (type !== "application/json") return answer;
  const json = (await res.json()) as unknown;
  const ref = responseRef(apiPath, method.toLowerCase(), res.status);
  const validate = schemaAt(ref);
  validated += 1;
  if (!validate(json))
    return { ...answer, problem: ajv.errorsText(validate.errors, { separator: "; " }).slice(0, 400) };
  return answer;
}

describe("the API answers what its document says", () => {
  let national: string;
  let owner: Actor;
  let ownerToken: string;
  const fixtures: Record<string, string> = {};

  beforeAll(async () => {
    const everyone = await createActor("000000", [...ROLES]);
    national = await tokenFor(everyone);
    owner = await createActor("110000", ["COMPLAINT_HANDLER"]);
    ownerToken = await tokenFor(owner);
    const inst = await createInstitution({ regionCode: "110105", code: "H11010500001", name: "契约测试医院" }).catch(
      async () => ({ code: "H11010500001" }),
    );
    fixtures.institution = inst.code;
    await importCsv(
      await createActor("110000", ["ANALYST"]),
      settlementCsv([
        {},
        { home_region: "130102", service_type: "INPATIENT", total_cost: "9000.00", fund_paid: "6000.00" },
      ]),
    );
    fixtures.agreement = (
      await createActiveAgreement({
        parties: [
          { regionCode: "110000", role: "BOTH" },
          { regionCode: "130000", role: "BOTH" },
        ],
      })
    ).id;
    const ticket = await createTicket(owner, { homeRegionCode: "130100", visitRegionCode: "110000" });
    await transitionComplaint(owner, ticket.number, { to: "TRIAGED", version: 1 });
    await addComment(owner, ticket.number, { body: "已核实", internal: true });
    fixtures.ticket = ticket.number;
    await createDowntime(await createActor("130000", ["COMPLAINT_HANDLER"]), {
      regionCode: "130100",
      kind: "PLANNED",
      startsAt: "2026-12-01T22:00:00+08:00",
      endsAt: "2026-12-02T02:00:00+08:00",
      services: ["INPATIENT"],
      reason: "系统升级",
    });
    const bureau = await bureauFor("130900");
    await prisma.bureau.update({ where: { id: bureau.id }, data: { makerChecker: true } });
    const maker = await createActor("130900", ["ROSTER_MANAGER"]);
    const held = await createInstitution({ regionCode: "130902" });
    const change = await updateInstitution(maker, held.code, { shortName: "契约", version: 1 });
    fixtures.change = change.applied ? "" : change.pendingChangeId;
    fixtures.user = (await createUser({ regionCode: "131000", roles: ["ANALYST"] })).id;
    fixtures.group = (await createGroup({ members: ["130000", "131000", "310118"] })).slug;
  });

  /** Realistic calls of every GET operation (several where answers differ in shape). */
  const reads = (): Record<string, string[]> => ({
    "GET /me": ["/me"],
    "GET /users": ["/users", "/users?role=ANALYST&page=1&pageSize=5", "/users?status=LOCKED"],
    "GET /users/{id}": [`/users/${fixtures.user}`, "/users/00000000-0000-4000-8000-000000000000"],
    "GET /regions": ["/regions", "/regions?parent=130000", "/regions?q=hebei&limit=5"],
    "GET /region-groups": [
      "/region-groups",
      "/region-groups?q=test&retired=INCLUDE&page=1&pageSize=5",
      "/region-groups?retired=maybe",
    ],
    "GET /region-groups/{slug}": [`/region-groups/${fixtures.group}`, "/region-groups/no-such-group"],
    "GET /regions/{code}": ["/regions/130000", "/regions/131000", "/regions/130102", "/regions/999999"],
    "GET /institutions": [
      "/institutions",
      `/institutions?region=group:${fixtures.group}`,
      "/institutions?region=110000&type=HOSPITAL&sort=-name,code&page=1&pageSize=5",
    ],
    "GET /institutions/{code}": [`/institutions/${fixtures.institution}`, "/institutions/H99999999999"],
    "GET /institutions/{code}/services": [
      `/institutions/${fixtures.institution}/services`,
      `/institutions/${fixtures.institution}/services?on=2025-01-01`,
    ],
    "GET /institutions/{code}/history": [`/institutions/${fixtures.institution}/history`],
    "GET /institutions/export": ["/institutions/export?region=110000", "/institutions/export?format=xlsx"],
    "GET /institutions/coverage": ["/institutions/coverage?region=110000", "/institutions/coverage"],
    "GET /institutions/change-requests": [
      "/institutions/change-requests",
      "/institutions/change-requests?state=PENDING",
    ],
    "GET /institutions/change-requests/{id}": [`/institutions/change-requests/${fixtures.change}`],
    "GET /agreements": ["/agreements", "/agreements?party=110000&status=ACTIVE"],
    "GET /agreements/{id}": [`/agreements/${fixtures.agreement}`],
    "GET /eligibility": [
      `/eligibility?institution=${fixtures.institution}&homeRegion=130102&service=INPATIENT&date=2025-03-15`,
      "/eligibility?institution=H1&homeRegion=1&service=X&date=x",
    ],
    "GET /statistics/summary": [
      "/statistics/summary?from=2025-01&to=2025-12",
      `/statistics/summary?from=2025-01&to=2025-12&visitRegion=group:${fixtures.group}&homeRegion=11`,
      "/statistics/summary?from=2025-03&to=2025-03&visitRegion=11&homeRegion=13",
      "/statistics/summary?from=2025-13&to=2025-01",
    ],
    "GET /statistics/series": [
      "/statistics/series?from=2025-01&to=2025-12",
      "/statistics/series?from=2025-01&to=2025-12&grain=QUARTER",
    ],
    "GET /statistics/flows": [
      "/statistics/flows?from=2025-01&to=2025-12",
      "/statistics/flows?from=2025-01&to=2025-12&level=CITY&limit=5",
    ],
    "GET /complaints": ["/complaints", "/complaints?queue=OVERDUE&page=1&pageSize=5"],
    "GET /complaints/{number}": [`/complaints/${fixtures.ticket}`],
    "GET /complaints/export": ["/complaints/export", "/complaints/export?format=xlsx"],
    "GET /complaints/reports": [
      "/complaints/reports",
      "/complaints/reports?format=csv",
      `/complaints/reports?region=group:${fixtures.group}`,
    ],
    "GET /complaints/daily-report": ["/complaints/daily-report", "/complaints/daily-report?format=csv"],
    "GET /downtimes": ["/downtimes?when=ALL", "/downtimes?region=130100"],
  });

  it("validates for real: a wrong body fails its schema", () => {
    const me = schemaAt(responseRef("/me", "get", 200));
    expect(me({})).toBe(false);
    expect(me({ id: 1 })).toBe(false);
    const error = schemaAt(responseRef("/users", "get", 400));
    expect(error({ error: { code: "NOPE", message: "x", details: [], requestId: "r" } })).toBe(false);
    expect(error({ error: { code: "VALIDATION", message: "x", details: [], requestId: "r" } })).toBe(true);
  });

  it("every GET operation, every answer as documented", { timeout: 120_000 }, async () => {
    const table = reads();
    const ops = Object.entries(doc.paths).flatMap(([p, o]) =>
      Object.keys(o)
        .filter((m) => m === "get")
        .map(() => `GET ${p}`),
    );
    expect(ops.filter((op) => !table[op])).toEqual([]);
    const answers: Answer[] = [];
    for (const op of ops) for (const path of table[op]!) answers.push(await call(op, national, targetAt(op, path)));
    // The owner's view of a ticket, clear data included (audited).
    answers.push(
      await call(
        "GET /complaints/{number}",
        ownerToken,
        targetAt("GET /complaints/{number}", `/complaints/${fixtures.ticket}?unmask=true`),
      ),
    );
    console.log(
      `contract: ${answers.length} GET answers, ${answers.filter((a) => a.status < 300).length} successes, statuses ${[...new Set(answers.map((a) => a.status))].sort().join(", ")}`,
    );
    expect(answers.filter((a) => a.problem).map((a) => `${a.call} → ${a.status}: ${a.problem}`)).toEqual([]);
    expect(answers.filter((a) => a.status === 200).length).toBeGreaterThan(ops.length);
    expect(validated).toBeGreaterThan(40);
  });

  it(
    "every GET operation refuses an unknown and an empty parameter with the parser's documented 400",
    { timeout: 120_000 },
    async () => {
      const table = reads();
      const answers: Answer[] = [];
      const refusals: string[] = [];
      for (const [op, paths] of Object.entries(table)) {
        const [pathname, query] = paths[0]!.split("?") as [string, string | undefined];
        const declared =
          (doc.paths[op.split(" ")[1]!]!.get as unknown as { parameters?: { in: string; name: string }[] })
            .parameters ?? [];
        const oneDeclared = declared.find((p) => p.in === "query")?.name;
        const kept = query ? `${query}&` : "";
        for (const [extra, field, key] of [
          ["granularity=day", "granularity", "validation.unknownParameter"],
          ...(oneDeclared && !(query ?? "").split("&").some((kv) => kv.split("=")[0] === oneDeclared)
            ? [[`${oneDeclared}=`, oneDeclared, "validation.emptyParameter"]]
            : []),
        ] as [string, string, string][]) {
          const target = targetAt(op, `${pathname}?${kept}${extra}`);
          const res = await sendToRoute(op, national, target);
          const body = (await res.clone().json()) as { error?: { details?: { field: string; code: string }[] } };
          if (res.status !== 400 || !body.error?.details?.some((d) => d.field === field && d.code === key))
            refusals.push(`${op} ?${extra} → ${res.status} ${JSON.stringify(body).slice(0, 120)}`);
          answers.push(await call(op, national, target));
        }
      }
      expect(refusals).toEqual([]);
      expect(answers.filter((a) => a.problem).map((a) => `${a.call} → ${a.status}: ${a.problem}`)).toEqual([]);
    },
  );

  it(
    "every write operation, with a valid and an invalid body, answers as documented",
    { timeout: 120_000 },
    async () => {
      const writes = Object.entries(doc.paths).flatMap(([p, o]) =>
        Object.keys(o)
          .filter((m) => m !== "get")
          .map((m) => `${m.toUpperCase()} ${p}`),
      );
      const answers: Answer[] = [];
      for (const op of writes) {
        const c = API_CASES[op];
        expect(c, op).toBeDefined();
        for (const valid of [true, false]) {
          const actor = await createActor(c!.region, c!.roles);
          const target = await c!.setup(actor);
          if (target.file) continue; // uploads: tests/integration/institutions-api, statistics-api
          answers.push(
            await call(
              op,
              await tokenFor(actor),
              valid
                ? target
                : { ...target, body: target.body === undefined ? undefined : { version: "x", unknown: [1] } },
            ),
          );
        }
      }
      console.log(
        `contract: ${answers.length} write answers, statuses ${[...new Set(answers.map((a) => a.status))].sort().join(", ")}`,
      );
      expect(answers.filter((a) => a.problem).map((a) => `${a.call} → ${a.status}: ${a.problem}`)).toEqual([]);
      expect(answers.filter((a) => a.status < 300).length).toBeGreaterThanOrEqual(12);
    },
  );
});
