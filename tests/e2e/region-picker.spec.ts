// No screen asks for a region code: 河北 is chosen by typing its pinyin, its name or its code
// prefix in the dashboard filter, the complaint form and the eligibility check.
import { test, expect, signIn, shot } from "./support";
import { pickRegion } from "./region-support";

const TYPED = ["hebei", "河北", "13"] as const;

test.describe("region picker", () => {
  test("dashboard: 参保地 河北 by pinyin, name and code gives the figures of ?homeRegion=13", async ({ page }) => {
    await signIn(page, "nhsa_analyst");
    await page.goto("/statistics?homeRegion=13");
    const expected = await page.getByTestId("kpi-visits-value").innerText();
    await expect(page.getByTestId("active-filters")).toHaveText(/参保地: 河北省/);
    for (const typed of TYPED) {
      await page.goto("/statistics");
      await pickRegion(page, "stats-homeRegion", typed, "130000");
      await expect(page.getByTestId("stats-homeRegion").locator(".MuiChip-root")).toHaveText(["河北省130000"]);
      await page.getByTestId("stats-apply").click();
      await expect(page).toHaveURL(/homeRegion=130000(&|$)/);
      await expect(page.getByTestId("active-filters")).toHaveText(/参保地: 河北省/);
      await expect(page.getByTestId("kpi-visits-value")).toHaveText(expected);
    }
    // A code from an old URL is shown by name.
    await page.goto("/statistics?visitRegion=1310");
    await expect(page.getByTestId("stats-visitRegion").locator(".MuiChip-root")).toHaveText(["廊坊市131000"]);
  });

  test("complaint form: 参保地 河北 by pinyin, name and code is saved as 130000", async ({ page }) => {
    await signIn(page, "bj_complaint");
    for (const typed of TYPED) {
      await page.goto("/complaints/new");
      const form = page.getByTestId("complaint-form");
      await expect(form.getByTestId("field-visitRegionCode").locator("input").first()).toHaveValue("北京市");
      await form.locator('input[name="complainantName"]').fill("王建军");
      await pickRegion(form, "field-homeRegionCode", typed, "130000");
      await expect(form.getByTestId("field-homeRegionCode").locator("input").first()).toHaveValue("河北省");
      await form.locator('textarea[name="description"]').fill(`异地住院结算失败（${typed}）`);
      await form.getByTestId("complaint-submit").click();
      await page.waitForURL(/\/complaints\/TS-\d{4}-\d{6}$/);
      const number = page.url().split("/").pop()!;
      const saved = (await (await page.request.get(`/api/v1/complaints/${number}`)).json()) as {
        homeRegion: { code: string };
      };
      expect(saved.homeRegion.code).toBe("130000");
    }
    // The ticket names bureaus, not codes: the partner bureau and the timeline's actor.
    await expect(page.getByTestId("party-bureau")).toHaveText("河北省医疗保障局");
    await expect(page.getByTestId("timeline")).toContainText("北京市医疗保障局");
    await expect(page.getByTestId("timeline")).not.toContainText("110000");
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "region-names-ticket-zh");
    await page.context().addCookies([{ name: "locale", value: "en", url: page.url() }]);
    await page.reload();
    await expect(page.getByTestId("party-bureau")).toHaveText("Hebei Provincial Healthcare Security Bureau");
    await shot(page, "region-names-ticket-en");
    await page.context().addCookies([{ name: "locale", value: "zh-CN", url: page.url() }]);

    // The queue filters by region the same way.
    await page.goto("/complaints?queue=ALL");
    await pickRegion(page, "filter-region", "hebei", "130000");
    await expect(page).toHaveURL(/region=130000(&|$)/);
    await expect(page.getByTestId("filter-region").locator("input").first()).toHaveValue("河北省");
    await shot(page, "region-picker-queue-zh");
  });

  test("eligibility check: 参保地 河北 by pinyin, name and code; a city by drilling down", async ({ page }) => {
    await signIn(page, "hb_analyst");
    for (const typed of TYPED) {
      await page.goto("/agreements/check?institution=H11010100001");
      const form = page.getByTestId("eligibility-form");
      await pickRegion(form, "check-homeRegion", typed, "130000");
      await page.getByTestId("eligibility-submit").click();
      await expect(page).toHaveURL(/homeRegion=130000(&|$)/);
      await expect(page.getByTestId("eligibility-verdict")).toBeVisible();
      await expect(page.getByTestId("check-homeRegion").locator("input").first()).toHaveValue("河北省");
    }
    // Drill: 河北省 → 石家庄市.
    await page.goto("/agreements/check");
    const input = page.getByTestId("check-homeRegion").locator("input").first();
    await input.click();
    await page.locator('[role="listbox"] li[data-code="130000"] [data-testid="region-drill"]').click();
    await expect(page.getByTestId("region-up")).toContainText("河北省");
    await page.locator('[role="listbox"] li[data-code="130100"]').click();
    await expect(input).toHaveValue("石家庄市");
  });

  for (const [w, h] of [
    [1440, 900],
    [390, 844],
  ] as const) {
    for (const locale of ["zh-CN", "en"] as const) {
      test(`screenshots of the open picker, ${w}×${h}, ${locale}`, async ({ page }) => {
        await page.setViewportSize({ width: w, height: h });
        const as = async (user: string) => {
          await page.context().clearCookies();
          await signIn(page, user);
          await page.context().addCookies([{ name: "locale", value: locale, url: page.url() }]);
        };
        const open = async (testId: string, typed: string, name: string) => {
          const input = page.getByTestId(testId).locator("input").first();
          await input.click();
          await input.fill(typed);
          await expect(page.locator('[role="listbox"] li[data-code]').first()).toBeVisible();
          await page.screenshot({
            path: `tests/e2e/screenshots/region-picker-${name}-${w}-${locale}.png`,
            animations: "disabled",
          });
        };
        await as("hb_analyst");
        await page.goto("/statistics?visitRegion=11");
        await open("stats-homeRegion", "hebei", "statistics");
        await page.goto("/agreements/check");
        await open("check-homeRegion", "13", "check");
        await as("hb_complaint");
        await page.goto("/complaints/new");
        await open("field-homeRegionCode", "河北", "complaint");
        await page.goto("/complaints/downtimes");
        await page.getByTestId("new-downtime").click();
        await page.getByTestId("field-regionCode").locator("input").first().click();
        await expect(page.locator('[role="listbox"] li[data-code]').first()).toBeVisible();
        await page.screenshot({
          path: `tests/e2e/screenshots/region-picker-downtime-${w}-${locale}.png`,
          animations: "disabled",
        });
        await shot(page, `region-picker-downtime-full-${w}-${locale}`);
      });
    }
  }
});
