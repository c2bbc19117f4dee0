// Regions: any signed-in user browses the national tree (here a Hebei analyst), searches it,
// reads it in both languages, and calls the same data over the API.
import { test, expect, signIn, shot } from "./support";

test.describe("region tree browser", () => {
  test("hb_analyst drills 全国 → 河北省 → 廊坊市, searches 廊坊, in zh-CN and en", async ({ page }) => {
    await signIn(page, "hb_analyst");
    await page.goto("/regions");
    await expect(page.getByRole("heading", { level: 1, name: "行政区划" })).toBeVisible();
    await expect(page.getByTestId("stat-provinces")).toContainText(/(^|\D)32(\D|$)/);
    await expect(page.getByTestId("stat-pooling")).toContainText("统筹区");
    await shot(page, "regions-root-zh");

    const children = page.getByTestId("region-children");
    // The analyst's own province is marked in the national list.
    await expect(children.locator('tr[data-code="130000"]')).toContainText("您的管辖区域");
    await children.getByRole("link", { name: "河北省", exact: true }).click();
    await expect(page).toHaveURL(/[?&]code=130000\b/);
    await expect(page.getByTestId("region-header")).toContainText("河北省");

    await page.getByTestId("region-children").getByRole("link", { name: "查看廊坊市的下级区划" }).click();
    await expect(page).toHaveURL(/[?&]code=131000\b/);
    await expect(page.getByTestId("region-breadcrumb").getByRole("listitem")).toHaveText(["全国", "河北省", "廊坊市"]);
    const header = page.getByTestId("region-header");
    await expect(header.getByRole("heading", { name: "廊坊市" })).toBeVisible();
    await expect(header).toContainText("131000");
    await expect(header.getByTestId("pooling-chip")).toHaveText("统筹区");
    const anci = page.getByTestId("region-children").locator('tr[data-code="131002"]');
    await expect(anci).toContainText("安次区");
    await expect(anci).toContainText("县级");

    // A county: its pooling area is the city above it, and it has nothing below.
    await anci.getByRole("link", { name: "安次区" }).click();
    await expect(page).toHaveURL(/[?&]code=131002\b/);
    await expect(page.getByTestId("region-breadcrumb").getByRole("listitem")).toHaveText([
      "全国",
      "河北省",
      "廊坊市",
      "安次区",
    ]);
    await expect(page.getByTestId("region-header")).toContainText("所属统筹区廊坊市");
    await expect(page.getByText("安次区无下级区划。")).toBeVisible();
    await shot(page, "regions-county-zh");
    await page.getByTestId("region-breadcrumb").getByRole("link", { name: "廊坊市" }).click();
    await expect(page).toHaveURL(/[?&]code=131000\b/);

    // The breadcrumb leads back up.
    await page.getByTestId("region-breadcrumb").getByRole("link", { name: "河北省" }).click();
    await expect(page).toHaveURL(/[?&]code=130000\b/);
    await page.goBack();
    await expect(page).toHaveURL(/[?&]code=131000\b/);

    await page.getByTestId("region-search").fill("廊坊");
    await page.getByTestId("region-search").press("Enter");
    await expect(page).toHaveURL(/[?&]q=%E5%BB%8A%E5%9D%8A/);
    const results = page.getByTestId("region-search-results");
    await expect(results.locator('tr[data-code="131000"]')).toContainText("廊坊市");
    await expect(results.locator('tr[data-code="131000"]')).toContainText("全国 › 河北省");
    await expect(page.getByRole("heading", { name: "“廊坊”的搜索结果" })).toBeVisible();
    await shot(page, "regions-zh");

    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("heading", { level: 1, name: "Regions" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Results for “廊坊”" })).toBeVisible();
    // Region names stay Chinese in English.
    await expect(results.locator('tr[data-code="131000"]')).toContainText("廊坊市");
    await expect(results.locator('tr[data-code="131000"]')).toContainText("Prefecture");
    await shot(page, "regions-en");

    // Back to Chinese for whatever runs next in this browser profile.
    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("heading", { level: 1, name: "行政区划" })).toBeVisible();
  });

  test("a code that does not exist is a 404 page", async ({ page }) => {
    await signIn(page, "hb_analyst");
    const res = await page.goto("/regions?code=999999");
    expect(res?.status()).toBe(404);
  });
});

test.describe("regions API", () => {
  test("with the session cookie: children of 河北省, and 400 naming the field", async ({ page }) => {
    await signIn(page, "hb_analyst");
    const ok = await page.request.get("/api/v1/regions?parent=130000");
    expect(ok.status()).toBe(200);
    const body = await ok.json();
    expect(body.parent).toMatchObject({ code: "130000", name: "河北省" });
    expect(body.items).toContainEqual(
      expect.objectContaining({ code: "131000", name: "廊坊市", level: "CITY", poolingArea: true }),
    );

    const bad = await page.request.get("/api/v1/regions?parent=121");
    expect(bad.status()).toBe(400);
    const error = (await bad.json()).error;
    expect(error.code).toBe("VALIDATION");
    expect(error.details[0]).toMatchObject({ field: "parent", code: "validation.invalidRegionPrefix" });

    const one = await page.request.get("/api/v1/regions/131002");
    expect(one.status()).toBe(200);
    expect((await one.json()).poolingAreaOf).toMatchObject({ code: "131000", name: "廊坊市" });
  });

  test("without a session: 401 JSON", async ({ request }) => {
    const res = await request.get("/api/v1/regions?parent=130000");
    expect(res.status()).toBe(401);
    expect(res.headers()["content-type"]).toContain("application/json");
    expect((await res.json()).error.code).toBe("UNAUTHENTICATED");
  });
});
