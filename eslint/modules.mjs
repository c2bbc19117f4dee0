// The module map of lib/ (decision 027, ARCHITECTURE.md "Module map"): which folders are modules,
// which of their files other code may import, and which modules each may use. Read by the
// boundary lint rule (eslint/boundaries.mjs) and by the architecture test (lib/architecture.test.ts),
// so one list says it.
//
// - A module is a folder of lib/ (or a nested folder named here, such as regions/groups), or a
//   single file at the top of lib/ (env.ts, errors.ts …), which is its own public entry.
// - `public`: the files (without extension, relative to the module folder) that code outside the
//   module may import; "*" for the infrastructure kits, whose every file is an entry. Everything
//   else is internal: change it without asking who else uses it.
// - `uses`: the modules it may import. Together they form a graph without cycles (checked by the
//   test), so a new import that would close one fails the lint.

/** @type {Record<string, { public: "*" | string[]; uses: string[] }>} */
export const MODULES = {
  // Kernel: no domain knowledge.
  env: { public: "*", uses: [] },
  errors: { public: "*", uses: [] },
  text: { public: "*", uses: [] },
  time: { public: "*", uses: [] },
  i18n: { public: "*", uses: [] },
  logger: { public: "*", uses: ["env"] },
  validation: { public: "*", uses: ["errors", "text"] },
  crypto: { public: "*", uses: ["env"] },
  db: { public: "*", uses: ["env", "errors", "logger"] },
  cache: { public: "*", uses: ["db"] },
  ratelimit: { public: "*", uses: ["db"] },
  styles: { public: "*", uses: ["db", "logger"] },
  // Who is asking: the actor, roles, region policy, sessions and tokens.
  auth: {
    public: [
      "actor",
      "bearer",
      "cookie",
      "fresh",
      "load-actor",
      "password",
      "password-policy",
      "policy",
      "require-role",
      "roles",
      "session",
    ],
    uses: ["cache", "db", "env", "errors", "logger"],
  },
  // The HTTP kit: route-handler and action wrappers, query-string and OpenAPI helpers, headers.
  http: { public: "*", uses: ["auth", "db", "env", "errors", "i18n", "logger", "ratelimit", "validation"] },
  // Domains, lowest first.
  regions: {
    public: ["lookup", "names", "openapi", "pinyin", "pooling", "queries", "schemas", "search", "sync"],
    uses: ["auth", "cache", "db", "errors", "http", "i18n", "validation"],
  },
  audit: {
    public: ["chain", "queries", "schemas", "service"],
    uses: ["auth", "db", "errors", "regions", "time", "validation"],
  },
  "regions/groups": {
    public: ["normalize", "openapi", "queries", "schemas", "service"],
    uses: ["audit", "auth", "cache", "db", "errors", "http", "i18n", "regions", "validation"],
  },
  "sign-in": { public: ["next-auth", "sign-in"], uses: ["audit", "auth", "db", "env", "http", "logger", "ratelimit"] },
  users: {
    public: ["openapi", "queries", "schemas", "service"],
    uses: ["audit", "auth", "db", "errors", "http", "ratelimit", "validation"],
  },
  bureaus: { public: ["queries", "service"], uses: ["audit", "auth", "cache", "db", "errors", "validation"] },
  facilities: {
    public: [
      "change-requests",
      "codes",
      "coverage",
      "export",
      "history",
      "import",
      "maker-checker",
      "openapi",
      "queries",
      "report",
      "response-schemas",
      "schemas",
      "service",
      "views",
    ],
    uses: [
      "audit",
      "auth",
      "cache",
      "db",
      "errors",
      "http",
      "i18n",
      "regions",
      "regions/groups",
      "text",
      "time",
      "validation",
    ],
  },
  agreements: {
    public: ["check", "codes", "expiry", "fast-eligibility", "openapi", "queries", "schemas", "service", "views"],
    uses: [
      "audit",
      "auth",
      "cache",
      "db",
      "errors",
      "facilities",
      "http",
      "i18n",
      "regions",
      "regions/groups",
      "validation",
    ],
  },
  settlements: {
    public: ["amount", "codes", "queries", "service"],
    uses: ["audit", "auth", "db", "env", "errors", "logger", "time"],
  },
  statistics: {
    public: [
      "breakdowns",
      "coverage",
      "coverage-query",
      "decimal",
      "dto",
      "failures",
      "flows",
      "import-dto",
      "openapi",
      "queries",
      "schemas",
      "units",
    ],
    uses: [
      "auth",
      "cache",
      "db",
      "errors",
      "http",
      "i18n",
      "regions",
      "regions/groups",
      "settlements",
      "time",
      "validation",
    ],
  },
  complaints: {
    public: [
      "bureau-names",
      "codes",
      "daily-report",
      "export",
      "identity",
      "openapi",
      "queries",
      "report-dto",
      "reports",
      "schemas",
      "service",
      "sla",
    ],
    uses: [
      "audit",
      "auth",
      "bureaus",
      "cache",
      "crypto",
      "db",
      "errors",
      "facilities",
      "http",
      "i18n",
      "logger",
      "regions",
      "regions/groups",
      "statistics",
      "time",
      "validation",
    ],
  },
  // Composition: read several domains for one screen, job or document.
  workbench: { public: ["queries"], uses: ["agreements", "auth", "complaints", "facilities", "settlements"] },
  "api-document": {
    public: ["api-types", "openapi-document"],
    uses: ["agreements", "complaints", "facilities", "http", "regions", "regions/groups", "statistics", "users"],
  },
  jobs: {
    public: ["scheduler"],
    uses: ["agreements", "audit", "complaints", "db", "env", "logger", "ratelimit", "styles"],
  },
  ops: { public: ["health", "prepare"], uses: ["complaints", "crypto", "db", "env", "regions"] },
};

/** The module a repository path (posix, relative to the root) belongs to, or null outside lib/. */
export function moduleOf(rel) {
  if (!rel.startsWith("lib/")) return null;
  const inner = rel.slice(4).replace(/(\.int)?(\.test)?\.(tsx?|mjs|js)$/, "");
  if (!inner.includes("/")) return inner;
  let best = null;
  for (const name of Object.keys(MODULES)) {
    if (inner.startsWith(name + "/") && (!best || name.length > best.length)) best = name;
  }
  return best ?? inner.split("/")[0];
}

/** Whether `rel` (a path inside lib/, without extension) is one of its module's public files. */
export function isPublic(rel) {
  const name = moduleOf(rel);
  const spec = name && MODULES[name];
  if (!spec) return false;
  const inner = rel.slice(4).replace(/\.(tsx?|mjs|js)$/, "");
  if (inner === name) return true; // a top-level file module, or the folder itself (its index.ts)
  return spec.public === "*" || spec.public.includes(inner.slice(name.length + 1));
}
