// An integrator's script, as a bureau system would call the console: a typed client built from
// the OpenAPI document (types by openapi-typescript in ./api-types.ts, calls by openapi-fetch),
// authenticated with a personal API token (个人设置 → API 令牌). It says who it is, pages through
// the institutions of a region and reads a statistics summary, and prints one JSON line.
//
//   YIBAO_URL=http://localhost:3000 YIBAO_TOKEN=ybt_… npx tsx docs/examples/api-client.ts [region code] [from] [to]
//
// The test suite runs it against the app (tests/e2e/api-client.spec.ts) and compiles it with
// `tsc --strict` against freshly generated types (lib/http/api-client.test.ts).
import createClient from "openapi-fetch";
import type { paths } from "./api-types";

const [region = "130000", from = "2025-01", to = "2025-12"] = process.argv.slice(2);
const client = createClient<paths>({
  baseUrl: `${process.env.YIBAO_URL ?? "http://localhost:3000"}/api/v1`,
  headers: { Authorization: `Bearer ${process.env.YIBAO_TOKEN ?? ""}`, "Accept-Language": "en" },
});

function fail(what: string, error: { error: { code: string; message: string; requestId: string } }): never {
  throw new Error(`${what}: ${error.error.code} ${error.error.message} (request ${error.error.requestId})`);
}

const me = await client.GET("/me");
if (me.error) fail("who am I", me.error);

// Every page of the region's institutions.
const codes: string[] = [];
let total = 0;
for (let page = 1; ; page++) {
  const { data, error } = await client.GET("/institutions", { params: { query: { region, page, pageSize: 50 } } });
  if (error) fail(`institutions page ${page}`, error);
  total = data.total;
  codes.push(...data.items.map((i) => i.code));
  if (codes.length >= total || data.items.length === 0) break;
}

const summary = await client.GET("/statistics/summary", { params: { query: { from, to, visitRegion: region } } });
if (summary.error) fail("statistics summary", summary.error);

console.log(
  JSON.stringify({
    user: me.data.username,
    institutions: { total, read: codes.length, distinct: new Set(codes).size },
    summary: {
      from: summary.data.period.from,
      to: summary.data.period.to,
      visits: summary.data.visits,
      fundPaid: summary.data.fundPaid,
    },
  }),
);
