// Honest figures (issue 15, decision 015): the dashboard says up to which month data exists and
// opens on the last 12 months with data; a base year with missing months shows the
// incomplete-base mark and no YoY; one institution's small figures read in 人次 with round ticks;
// filters that fail validation leave no figures under the controls. The demo data covers the 24
// complete months before the day it was seeded (decision 029): every month below derives from that.
import { test, expect, signIn, shot } from "./support";
import { addMonths, demoSettlementPeriod } from "../../prisma/seed/demo-calendar";

const { first, last } = demoSettlementPeriod();
// A 12-month period whose year-before base has only the first two demo months: incomplete base.
const partial = { from: addMonths(first, 2), to: addMonths(first, 13) };

test.describe("honest statistics", () => {
  test("hb_analyst: data through the last demo month, the default period ends there, an early period has an incomplete base", async ({
    page,
  }) => {
    await signIn(page, "hb_analyst");
    await page.goto("/statistics");
    await expect(page.getByTestId("data-through")).toHaveText(`数据截至 ${last}`);
    await expect(page.locator('input[name="from"]')).toHaveValue(addMonths(last, -11));
    await expect(page.locator('input[name="to"]')).toHaveValue(last);
    // The year before (the first 12 demo months) is loaded: YoY is shown; for a 12-month period 环比 says it is the same base.
    await expect(page.getByTestId("kpi-visits-yoy")).toHaveAttribute("data-status", "ok");
    await expect(page.getByTestId("kpi-visits-yoy")).toContainText("%");
    await expect(page.getByTestId("kpi-visits-mom")).toHaveText("环比同上（上一期即上年同期）");
    await expect(page.getByTestId("series-chart")).toHaveAttribute("data-unit", "人次");
    await shot(page, "honest-default-zh");

    await page.goto(`/statistics?from=${partial.from}&to=${partial.to}`);
    await expect(page.getByTestId("coverage-base")).toHaveText(
      `上年同期数据不完整：${addMonths(first, -10)} – ${addMonths(first, -1)} 无结算数据，不计算同比。`,
    );
    await expect(page.getByTestId("kpi-visits-yoy")).toHaveText("同比上年同期数据不完整");
    await expect(page.getByTestId("kpi-totalCost-yoy")).toHaveText("同比上年同期数据不完整");
    await expect(page.getByTestId("kpi-visits")).toContainText("上年同期");
    // The last-year line has a gap, not zeros: drawn for the first two demo months only (one segment).
    const line = await page.getByTestId("series-chart").locator("path.recharts-line-curve").getAttribute("d");
    expect(line?.match(/L/g)?.length, line ?? "").toBe(1);
    await shot(page, "honest-incomplete-base-zh");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "honest-incomplete-base-zh-phone");

    await page.getByTestId("language-switch").click();
    await expect(page.getByTestId("data-through")).toHaveText(`Data up to ${last}`);
    await expect(page.getByTestId("kpi-visits-yoy")).toHaveText("YoYincomplete base");
    await shot(page, "honest-incomplete-base-en-phone");
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, "honest-incomplete-base-en");
    await page.getByTestId("language-switch").click();
  });

  test("hb_analyst: one institution's month reads in 人次 with whole ticks, as the API counts", async ({ page }) => {
    await signIn(page, "hb_analyst");
    await page.goto("/statistics");
    const code = (
      await page.getByTestId("institutions-table").locator("tbody tr").first().locator("td").nth(1).innerText()
    ).trim();
    const q = `from=${last}&to=${last}&serviceType=PHARMACY&institution=${code}`;
    const api = await (await page.request.get(`/api/v1/statistics/summary?${q}`)).json();
    expect(api.visits).toBeGreaterThan(0);
    expect(api.visits).toBeLessThan(1000);
    await page.goto(`/statistics?${q}`);
    await expect(page.getByTestId("kpi-visits-value")).toHaveText(String(api.visits));
    await expect(page.getByTestId("kpi-visits-unit")).toHaveText("人次");
    await expect(page.getByTestId("kpi-totalCost-unit")).toHaveText(/^(元|万元)$/);
    const chart = page.getByTestId("service-chart");
    await expect(chart).toHaveAttribute("data-unit", "人次");
    const ticks = await chart.locator(".recharts-cartesian-axis-tick-value").allInnerTexts();
    for (const t of ticks.filter((x) => /^[\d,.]+$/.test(x))) expect(Number(t.replace(/,/g, "")) % 1, t).toBe(0);
    await chart.locator(".recharts-bar-rectangle").first().hover();
    await expect(chart.locator(".recharts-tooltip-wrapper")).toContainText(`结算人次：${api.visits} 人次`);
    await shot(page, "honest-institution-zh");
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, "honest-institution-zh-phone");
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId("language-switch").click();
    await expect(page.getByTestId("kpi-visits-unit")).toHaveText("visits");
    await expect(page.getByTestId("data-through")).toHaveText(`Data up to ${last}`);
    await shot(page, "honest-institution-en");
    await page.getByTestId("language-switch").click();
  });

  test("hb_analyst: a filter that fails validation shows its error and no figures", async ({ page }) => {
    await signIn(page, "hb_analyst");
    await page.goto("/statistics");
    await expect(page.getByTestId("kpi-visits-value")).toBeVisible();
    // Changing a control without applying greys the figures and says so.
    await page.locator('input[name="from"]').fill(addMonths(last, -9));
    await expect(page.getByTestId("stats-dirty")).toBeVisible();
    await shot(page, "honest-dirty-zh");
    await page.goto(`/statistics?from=2025-13&to=${last}`);
    await expect(page.getByTestId("stats-invalid")).toBeVisible();
    await expect(page.getByText("月份格式应为 YYYY-MM")).toBeVisible();
    await expect(page.getByTestId("kpi-visits")).toHaveCount(0);
    await expect(page.getByTestId("stats-figures")).toHaveCount(0);
    await shot(page, "honest-invalid-zh");
  });
});
