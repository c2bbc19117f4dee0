// Settlement statistics: a provincial analyst reads the dashboard (KPIs with definitions, series
// with drill-down, flows matrix) in zh-CN and en, imports a CSV with a per-row report; the
// national analyst sees everything; other roles are refused.
import { test, expect, signIn, shot } from "./support";
import { addMonths, demoSettlementPeriod } from "../../prisma/seed/demo-calendar";

// Rows in the last month of demo data (decision 029), whatever the date the suite runs.
const { last } = demoSettlementPeriod();

const CSV = [
  "settlement_id,settled_at,visit_region,home_region,institution_code,service_type,filing_type,total_cost,fund_paid,status",
  `E2E-1,${last}-20T09:00:00+08:00,110105,130100,H11010500001,OUTPATIENT,RESIDENT,320.50,180.20,SETTLED`,
  `E2E-2,${last}-20T16:30:00+00:00,131002,120000,H13100200001,INPATIENT,REFERRAL,9800.00,6100.00,SETTLED`,
  `E2E-3,${last}-21T10:00:00+08:00,310101,320100,H31010100001,OUTPATIENT,,100.00,50.00,SETTLED`,
  `E2E-4,${last}-21 10:00,110105,130100,H11010500001,OUTPATIENT,,100.00,50.00,SETTLED`,
  `E2E-5,${last}-21T10:00:00+08:00,110105,130100,H11010500001,OUTPATIENT,,100.00,150.00,SETTLED`,
].join("\n");

test.describe("settlement statistics", () => {
  test("hb_analyst: dashboard with definitions, drill-down, flows, in zh-CN and en", async ({ page }) => {
    await signIn(page, "hb_analyst");
    await page.goto("/statistics");
    await expect(page.getByRole("heading", { level: 1, name: "结算统计" })).toBeVisible();
    await expect(page.getByTestId("kpi-visits-value")).not.toHaveText("0");
    await expect(page.getByTestId("kpi-visits")).toContainText("同比");
    await expect(page.getByTestId("kpi-fundRatio")).toContainText("%");
    await page.getByTestId("definition-fundRatio").click();
    await expect(page.getByRole("note")).toContainText("基金支付比例 = 基金支付 ÷ 医疗费用");
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("series-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(page.getByTestId("outflow-chart")).toBeVisible();
    await expect(page.getByTestId("institutions-table")).toBeVisible();
    await shot(page, "statistics-zh");

    // Drill-down: a region bar of our insured's destinations becomes a visit-region filter.
    await page.getByTestId("outflow-chart").locator(".recharts-bar-rectangle").first().click();
    await expect(page).toHaveURL(/visitRegion=11\b/);
    await expect(page.getByTestId("active-filters")).toHaveText(/就医地: 北京市/);
    // …then a month of the series becomes the period, by day.
    await page.getByTestId("grain-quarter").click();
    await expect(page).toHaveURL(/grain=QUARTER/);
    await page.getByTestId("series-chart").locator(".recharts-bar-rectangle").last().click();
    await expect(page).toHaveURL(/grain=MONTH/);
    await expect(page.getByTestId("kpi-visits-value")).toBeVisible();
    await shot(page, "statistics-drilldown-zh");

    await page.goto("/statistics?level=CITY");
    const matrix = page.getByTestId("flow-matrix");
    await expect(matrix).toBeVisible();
    await expect(matrix).toContainText("北京市");
    await shot(page, "statistics-flows-zh");
    await matrix.locator("td a").first().click();
    await expect(page).toHaveURL(/homeRegion=\d{4}/);

    await page.goto("/statistics");
    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("heading", { level: 1, name: "Settlement statistics" })).toBeVisible();
    await expect(page.getByTestId("kpi-visits")).toContainText("YoY");
    await shot(page, "statistics-en");
    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("heading", { level: 1, name: "结算统计" })).toBeVisible();
  });

  test("hb_analyst downloads panels as PNG: the series chart and a table panel, at their size", async ({ page }) => {
    await signIn(page, "hb_analyst");
    await page.goto("/statistics");
    const png = async (panel: string) => {
      await page.getByTestId(`export-${panel}`).click();
      const download = page.waitForEvent("download");
      await page.getByRole("menuitem", { name: "PNG" }).click();
      const file = await (await download).createReadStream();
      const chunks: Buffer[] = [];
      for await (const c of file) chunks.push(c as Buffer);
      const bytes = Buffer.concat(chunks);
      expect(bytes.subarray(1, 4).toString()).toBe("PNG");
      // IHDR: width and height, big-endian, at bytes 16–23 (drawn at twice the CSS size).
      return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    };
    const series = await png("series");
    expect(series.width).toBeGreaterThan(400);
    expect(series.height).toBeGreaterThan(200);
    const institutions = await png("institutions");
    expect(institutions.width).toBeGreaterThan(800);
    expect(institutions.height).toBeGreaterThan(200);
  });

  test("hb_analyst imports a CSV: progress, then accepted, duplicates and rejected rows by line", async ({ page }) => {
    await signIn(page, "hb_analyst");
    await page.goto("/statistics/import");
    await expect(page.getByRole("heading", { level: 1, name: "导入结算数据" })).toBeVisible();
    await page
      .getByTestId("import-file")
      .setInputFiles({ name: `settlements-${last}.csv`, mimeType: "text/csv", buffer: Buffer.from(CSV, "utf8") });
    await expect(page.getByTestId("import-file-name")).toContainText(`settlements-${last}.csv`);
    await page.getByTestId("import-submit").click();
    const report = page.getByTestId("import-report");
    await expect(report).toBeVisible();
    await expect(page.getByTestId("import-accepted")).toHaveText("新增记录2");
    await expect(page.getByTestId("import-rejected")).toHaveText("被拒绝3");
    const errors = page.getByTestId("import-errors");
    await expect(errors).toContainText("settled_at");
    await expect(errors).toContainText("基金支付不能大于医疗费用");
    await expect(errors).toContainText("就医地和参保地均不在本局辖区内");
    await shot(page, "statistics-import-zh");

    // The same file again: nothing new.
    await page.getByTestId("import-submit").click();
    await expect(page.getByTestId("import-duplicates")).toHaveText("重复（已忽略）2");
    await expect(page.getByTestId("import-accepted")).toHaveText("新增记录0");
  });

  test("nhsa_analyst reads national figures over the API with the session; 400 names the field", async ({ page }) => {
    await signIn(page, "nhsa_analyst");
    const ok = await page.request.get(`/api/v1/statistics/summary?from=${addMonths(last, -11)}&to=${last}`);
    expect(ok.status()).toBe(200);
    const body = await ok.json();
    expect(body.visits).toBeGreaterThan(0);
    expect(body.totalCost).toMatch(/^\d+\.\d{2}$/);
    expect(body.yoy.visits).not.toBeNull();
    const bad = await page.request.get(`/api/v1/statistics/series?from=${addMonths(last, -11)}&to=${last}&grain=week`);
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.details[0].field).toBe("grain");
    await page.goto("/statistics");
    await expect(page.getByText("全国 ·")).toBeVisible();
  });

  test("a roster manager has no statistics", async ({ page }) => {
    await signIn(page, "hb_roster");
    const res = await page.goto("/statistics");
    expect(res?.status()).toBe(404);
  });
});
