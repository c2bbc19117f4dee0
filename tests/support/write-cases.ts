// The write operations of the API, each with a target to act on and a body that succeeds for
// the right caller: shared by the generated authorization matrix and the property-based body
// test (tests/integration/authz-matrix.int.test.ts, body-fuzz.int.test.ts).
import path from "node:path";
import { prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { ROLES, type RoleName } from "@/lib/auth/roles";
import { createApiToken } from "@/lib/users/service";
import { updateInstitution } from "@/lib/facilities/service";
import { bureauFor, createActor, createUser } from "@/tests/factories";
import { agreementInput, createDraft } from "@/tests/factories/agreements";
import { complaintInput, createTicket } from "@/tests/factories/complaints";
import { createInstitution, nextInstitutionCode } from "@/tests/factories/institutions";
import { settlementCsv } from "@/tests/factories/settlements";
import { createGroup, groupSlug } from "@/tests/factories/region-groups";

export type Cell = "none" | "wrongRole" | "foreign" | "inScope";
export const CELLS: Cell[] = ["none", "wrongRole", "foreign", "inScope"];

export interface Target {
  /** Path parameters of the route, also the leading arguments of the action. */
  params?: Record<string, string>;
  /** The JSON body (and the action's last argument). */
  body?: unknown;
  /** A file body instead (imports): content type and text. */
  file?: { type: string; text: string };
  query?: string;
  /** Arguments of the server action, when they differ from (…params, body). */
  actionArgs?: unknown[];
}

export interface WriteCase {
  /** The role the operation needs; the wrong-role actor holds every other role. */
  roles: RoleName[];
  /** The bureau region of the in-scope and wrong-role actors, and of a foreign one. */
  region: string;
  foreign: string;
  /** Cells that have no meaning for this operation, with the reason (printed). */
  notApplicable?: Partial<Record<Cell, string>>;
  /** Creates the target (as another user) for one cell; `actor` is the caller of that cell. */
  setup(actor: Actor | null): Promise<Target>;
  /** Rows of the case's own tables, compared before/after (the audit log is always compared). */
  probe?: () => Promise<unknown>;
  /** Decided per row: a 2xx report is a refusal when nothing was written. */
  perRow?: boolean;
  /** The operation's actor must be this user (self-service): the in-scope cell uses it. */
  self?: boolean;
}

export const uniq = () => Math.random().toString(36).slice(2, 8);
export const STRONG = "Qx7-rV2m-pL9w-Tz4k";
export const CITY_POOL = ["130700", "130800", "131100", "130500", "130400", "130300", "130200", "130600"];

export async function tokenFor(actor: Actor): Promise<string> {
  return (await createApiToken(actor, { name: `authz-${uniq()}` })).secret;
}

const institutionBody = (regionCode: string) => ({
  code: nextInstitutionCode(regionCode),
  name: `授权测试医院${uniq()}`,
  type: "HOSPITAL",
  level: "LEVEL_2",
  grade: "A",
  ownership: "PUBLIC",
  regionCode,
  designatedSince: "2018-01-01",
});

const downtimeBody = {
  regionCode: "131000",
  kind: "PLANNED",
  startsAt: "2026-12-01T22:00:00+08:00",
  endsAt: "2026-12-02T02:00:00+08:00",
  services: ["INPATIENT"],
  reason: "系统升级",
};

const groupRows = () => prisma.regionGroup.findMany({ orderBy: { slug: "asc" } });
const handlerTicket = async () => createTicket(await createActor("131000", ["COMPLAINT_HANDLER"]));
const userInLangfang = async () => createUser({ regionCode: "131000", roles: ["ANALYST"] });

/**
 * One case per operation, keyed "METHOD /path" for the API and "file#export" for actions. When
 * an action calls the same service as an API operation it shares the case's setup.
 */
export const API_CASES: Record<string, WriteCase> = {
  "POST /users": {
    roles: ["ADMIN"],
    region: "130000",
    foreign: "320000",
    setup: async () => ({
      body: {
        username: `az_${uniq()}`,
        displayName: "授权测试",
        bureauId: (await bureauFor("131000")).id,
        roles: ["ANALYST"],
        password: STRONG,
      },
    }),
  },
  "PATCH /users/{id}": {
    roles: ["ADMIN"],
    region: "130000",
    foreign: "320000",
    setup: async () => ({ params: { id: (await userInLangfang()).id }, body: { displayName: "改名", version: 1 } }),
  },
  "DELETE /users/{id}": {
    roles: ["ADMIN"],
    region: "130000",
    foreign: "320000",
    setup: async () => ({ params: { id: (await userInLangfang()).id }, query: "?version=1" }),
  },
  "POST /institutions": {
    roles: ["ROSTER_MANAGER"],
    region: "131000",
    foreign: "320000",
    setup: async () => ({ body: institutionBody("131002") }),
  },
  "PATCH /institutions/{code}": {
    roles: ["ROSTER_MANAGER"],
    region: "131000",
    foreign: "320000",
    setup: async () => ({
      params: { code: (await createInstitution({ regionCode: "131002" })).code },
      body: { phone: "0316-3311111", version: 1 },
    }),
  },
  "POST /institutions/{code}": {
    roles: ["ROSTER_MANAGER"],
    region: "131000",
    foreign: "320000",
    setup: async () => ({
      params: { code: (await createInstitution({ regionCode: "131002" })).code },
      body: { action: "CHANGE_STATUS", status: "SUSPENDED", reason: "授权测试", version: 1 },
    }),
  },
  "POST /institutions/import": {
    roles: ["ROSTER_MANAGER"],
    region: "131000",
    foreign: "320000",
    perRow: true,
    setup: async () => ({
      query: "?dryRun=false",
      file: {
        type: "text/csv",
        text: `code,name,type,level,grade,ownership,region_code,designated_since\r\n${nextInstitutionCode("131023")},永清县授权测试医院,HOSPITAL,LEVEL_2,A,PUBLIC,131023,2018-01-01\r\n`,
      },
    }),
    probe: () => prisma.institution.count(),
  },
  "POST /institutions/change-requests/{id}": {
    roles: ["ROSTER_MANAGER"],
    region: "130900",
    foreign: "320000",
    setup: async () => {
      const bureau = await bureauFor("130900");
      await prisma.bureau.update({ where: { id: bureau.id }, data: { makerChecker: true } });
      const maker = await createActor("130900", ["ROSTER_MANAGER"]);
      const inst = await createInstitution({ regionCode: "130902" });
      const r = await updateInstitution(maker, inst.code, { shortName: `沧州${uniq()}`, version: 1 });
      if (r.applied) throw new Error("maker-checker did not hold the change");
      return { params: { id: r.pendingChangeId }, body: { decision: "APPROVE", comment: "同意" } };
    },
  },
  "POST /agreements": {
    roles: ["AGREEMENT_OFFICER"],
    region: "130000",
    foreign: "320000",
    setup: async () => ({ body: agreementInput() }),
  },
  "PATCH /agreements/{id}": {
    roles: ["AGREEMENT_OFFICER"],
    region: "130000",
    foreign: "320000",
    setup: async () => ({ params: { id: (await createDraft()).id }, body: { notes: "授权测试", version: 1 } }),
  },
  "POST /agreements/{id}/transitions": {
    roles: ["AGREEMENT_OFFICER"],
    region: "130000",
    foreign: "320000",
    setup: async () => ({ params: { id: (await createDraft()).id }, body: { action: "ACTIVATE", version: 1 } }),
  },
  "POST /settlements/import": {
    roles: ["ANALYST"],
    region: "110000",
    foreign: "320000",
    perRow: true,
    setup: async () => ({
      file: { type: "text/csv", text: settlementCsv([{ settlement_id: `AZ-${uniq()}-${Date.now()}` }]) },
    }),
    probe: async () =>
      (await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM stats.settlement`)[0]!.n.toString(),
  },
  "POST /complaints": {
    roles: ["COMPLAINT_HANDLER"],
    region: "131000",
    foreign: "320000",
    setup: async () => ({ body: complaintInput() }),
  },
  "POST /complaints/{number}/transitions": {
    roles: ["COMPLAINT_HANDLER"],
    region: "131000",
    foreign: "320000",
    // The owner of the ticket is another handler of the same bureau: a colleague may act on it.
    setup: async () => ({ params: { number: (await handlerTicket()).number }, body: { to: "TRIAGED", version: 1 } }),
  },
  "POST /complaints/{number}/comments": {
    roles: ["COMPLAINT_HANDLER"],
    region: "131000",
    foreign: "320000",
    setup: async () => ({
      params: { number: (await handlerTicket()).number },
      body: { body: "已核实", internal: true },
    }),
  },
  "POST /downtimes": {
    roles: ["COMPLAINT_HANDLER"],
    region: "131000",
    foreign: "320000",
    setup: async () => ({ body: downtimeBody }),
  },
  "POST /region-groups": {
    roles: ["ADMIN"],
    region: "130000",
    foreign: "320000",
    notApplicable: { foreign: "a new group is owned by the caller's own bureau: no other region to reach" },
    setup: async () => ({
      body: { slug: groupSlug("az"), nameZh: "授权测试组", nameEn: "Authz group", members: ["130000", "131000"] },
    }),
    probe: groupRows,
  },
  "PATCH /region-groups/{slug}": {
    roles: ["ADMIN"],
    region: "130000",
    foreign: "320000",
    setup: async () => ({ params: { slug: (await createGroup()).slug }, body: { nameZh: "改名", version: 1 } }),
    probe: groupRows,
  },
  "DELETE /region-groups/{slug}": {
    roles: ["ADMIN"],
    region: "130000",
    foreign: "320000",
    setup: async () => ({ params: { slug: (await createGroup()).slug }, query: "?version=1" }),
    probe: groupRows,
  },
};

export const SELF_ONLY = "acts only on the caller's own account";

export const ACTION_CASES: Record<string, WriteCase> = {
  "agreements#createAgreementAction": API_CASES["POST /agreements"]!,
  "agreements#updateAgreementAction": API_CASES["PATCH /agreements/{id}"]!,
  "agreements#transitionAgreementAction": API_CASES["POST /agreements/{id}/transitions"]!,
  "complaints#createComplaintAction": API_CASES["POST /complaints"]!,
  "complaints#transitionAction": API_CASES["POST /complaints/{number}/transitions"]!,
  "complaints#commentAction": API_CASES["POST /complaints/{number}/comments"]!,
  "complaints#createDowntimeAction": API_CASES["POST /downtimes"]!,
  "complaints#unmaskAction": {
    // Unmasking writes only its audit record — which is exactly what must not appear when refused.
    roles: ["COMPLAINT_HANDLER"],
    region: "131000",
    foreign: "320000",
    setup: async () => ({ actionArgs: [(await handlerTicket()).number] }),
  },
  "complaints#markNotificationsReadAction": {
    roles: ["COMPLAINT_HANDLER"],
    region: "131000",
    foreign: "320000",
    self: true,
    notApplicable: { wrongRole: "one's own notifications, whatever the roles", foreign: SELF_ONLY },
    setup: async (actor) => {
      if (actor) await prisma.notification.create({ data: { userId: actor.id, kind: "SLA_WARNING" } });
      return { actionArgs: [] };
    },
    probe: () => prisma.notification.count({ where: { readAt: { not: null } } }),
  },
  "facilities#createInstitutionAction": API_CASES["POST /institutions"]!,
  "facilities#updateInstitutionAction": API_CASES["PATCH /institutions/{code}"]!,
  "facilities#institutionCommandAction": API_CASES["POST /institutions/{code}"]!,
  "facilities#decideChangeAction": API_CASES["POST /institutions/change-requests/{id}"]!,
  "profile#changePasswordAction": {
    roles: [...ROLES],
    region: "131000",
    foreign: "320000",
    self: true,
    notApplicable: { wrongRole: "every role may change its own password", foreign: SELF_ONLY },
    setup: async () => ({
      actionArgs: [{ currentPassword: "Test-Passw0rd", newPassword: STRONG, confirmPassword: STRONG }],
    }),
    probe: () => prisma.user.findMany({ select: { passwordHash: true }, orderBy: { id: "asc" } }),
  },
  "profile#createTokenAction": {
    roles: [...ROLES],
    region: "131000",
    foreign: "320000",
    self: true,
    notApplicable: { wrongRole: "every role may hold API tokens", foreign: SELF_ONLY },
    setup: async () => ({ actionArgs: [{ name: `t-${uniq()}` }] }),
    probe: () => prisma.apiToken.count(),
  },
  "profile#revokeTokenAction": {
    // Someone else's token (same bureau) for every refused cell; one's own in scope.
    roles: [...ROLES],
    region: "131000",
    foreign: "320000",
    notApplicable: { wrongRole: "every role may revoke its own tokens" },
    setup: async (actor) => {
      const owner =
        actor && actor.regionCode === "131000" && actor.roles.length === ROLES.length
          ? actor
          : await createActor("131000", ["ANALYST"]);
      const { token } = await createApiToken(owner, { name: `t-${uniq()}` });
      return { actionArgs: [token.id] };
    },
    probe: () => prisma.apiToken.count({ where: { revokedAt: { not: null } } }),
  },
  "admin/bureaus#updateBureauAction": {
    roles: ["ADMIN"],
    region: "130000",
    foreign: "320000",
    setup: async () => {
      const b = await bureauFor("131000");
      return { actionArgs: [b.id, { makerChecker: !b.makerChecker, version: b.version }] };
    },
  },
  "admin/bureaus#createBureauAction": {
    // Only the national administration opens bureaus: "foreign" is a provincial admin opening
    // one inside its own province.
    roles: ["ADMIN"],
    region: "000000",
    foreign: "130000",
    setup: async () => {
      const taken = new Set(
        (await prisma.bureau.findMany({ where: { regionCode: { in: CITY_POOL } }, select: { regionCode: true } })).map(
          (b) => b.regionCode,
        ),
      );
      const code = CITY_POOL.find((c) => !taken.has(c));
      if (!code) throw new Error("every city of the pool has a bureau");
      return { actionArgs: [{ regionCode: code, name: `${code}医疗保障局`, nameEn: `Bureau ${code}` }] };
    },
    probe: () => prisma.bureau.count(),
  },
  "admin/users#createUserAction": API_CASES["POST /users"]!,
  "admin/users#updateUserAction": API_CASES["PATCH /users/{id}"]!,
  "admin/users#resetPasswordAction": {
    roles: ["ADMIN"],
    region: "130000",
    foreign: "320000",
    setup: async () => ({ actionArgs: [(await userInLangfang()).id, { password: STRONG, version: 1 }] }),
  },
  "admin/users#unlockUserAction": {
    roles: ["ADMIN"],
    region: "130000",
    foreign: "320000",
    setup: async () => ({ actionArgs: [(await userInLangfang()).id] }),
  },
};

export function routeFile(apiPath: string): string {
  return path.resolve(
    "app/api/v1",
    ...apiPath
      .split("/")
      .filter(Boolean)
      .map((s) => s.replace(/^\{(.+)\}$/, "[$1]")),
    "route.ts",
  );
}

type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const handlers = new Map<string, RouteHandler>();

/** The route handler of `op` ("METHOD /path" of the OpenAPI document), imported once. */
async function handlerOf(op: string): Promise<RouteHandler> {
  let handler = handlers.get(op);
  if (!handler) {
    const [method, apiPath] = op.split(" ") as [string, string];
    handler = ((await import(/* @vite-ignore */ routeFile(apiPath))) as Record<string, RouteHandler>)[method]!;
    handlers.set(op, handler);
  }
  return handler;
}

/**
 * Calls the route handler of `op` as the wire would: bearer token, the JSON or file body with its
 * length, path parameters and query from `target`. The answer is the handler's Response.
 */
export async function sendToRoute(op: string, bearer: string | null, target: Target): Promise<Response> {
  const [method, apiPath] = op.split(" ") as [string, string];
  const url = `http://console.test/api/v1${apiPath.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(target.params?.[k] ?? ""))}${target.query ?? ""}`;
  const headers: Record<string, string> = {};
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  let body: string | undefined;
  if (target.file) {
    headers["content-type"] = target.file.type;
    body = target.file.text;
  } else if (target.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(target.body);
  }
  if (body) headers["content-length"] = String(Buffer.byteLength(body));
  return (await handlerOf(op))(new Request(url, { method, headers, body }), {
    params: Promise.resolve(target.params ?? {}),
  });
}

/** sendToRoute, answering only whether it succeeded (the body is read and dropped). */
export async function callApi(
  op: string,
  bearer: string | null,
  target: Target,
): Promise<{ ok: boolean; status: number }> {
  const res = await sendToRoute(op, bearer, target);
  await res.arrayBuffer();
  return { ok: res.status >= 200 && res.status < 300, status: res.status };
}
