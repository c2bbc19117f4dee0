// The integrator's example (docs/examples/api-client.ts: openapi-typescript types + openapi-fetch)
// run as a separate program against the running console with a token made on the profile page:
// it pages through a region's institutions and reads a summary, and its figures equal the API's.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { test, expect, signIn } from "./support";
import { addMonths, demoSettlementPeriod } from "../../prisma/seed/demo-calendar";

// The last 12 months of demo data (decision 029).
const to = demoSettlementPeriod().last;
const from = addMonths(to, -11);

test("the typed example client signs in with a token, pages through institutions, reads a summary", async ({
  page,
  request,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "hb_analyst");
  await page.goto("/profile");
  await page.getByTestId("new-token").click();
  const form = page.getByTestId("create-token-form");
  await form.locator('input[name="name"]').fill("接口示例");
  await form.getByTestId("create-token-submit").click();
  const secret = await page.getByTestId("token-secret").inputValue();
  expect(secret).toMatch(/^ybt_/);

  const out = execFileSync(path.resolve("node_modules/.bin/tsx"), ["docs/examples/api-client.ts", "130000", from, to], {
    env: { ...process.env, YIBAO_URL: baseURL!, YIBAO_TOKEN: secret },
    encoding: "utf8",
    timeout: 60_000,
  });
  const result = JSON.parse(out.trim().split("\n").at(-1)!) as {
    user: string;
    institutions: { total: number; read: number; distinct: number };
    summary: { from: string; to: string; visits: number };
  };

  const auth = { headers: { Authorization: `Bearer ${secret}` } };
  const institutions = (await (await request.get("/api/v1/institutions?region=130000&pageSize=1", auth)).json()) as {
    total: number;
  };
  const summary = (await (
    await request.get(`/api/v1/statistics/summary?from=${from}&to=${to}&visitRegion=130000`, auth)
  ).json()) as { visits: number };
  expect(result.user).toBe("hb_analyst");
  expect(institutions.total).toBeGreaterThan(50); // more than one page of 50
  expect(result.institutions).toEqual({
    total: institutions.total,
    read: institutions.total,
    distinct: institutions.total,
  });
  expect(result.summary).toMatchObject({ from, to, visits: summary.visits });
  expect(summary.visits).toBeGreaterThan(0);
});
