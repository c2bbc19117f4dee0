// Region groups on the dashboard (issue 17): an analyst picks 长三角 as home and 京津冀 as visit
// side in the region picker, sees the figures (equal to the members' codes), the tile map marks
// the provinces, the Sankey shows the top flows, and both export a PNG.
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect, signIn, shot, setLocale, SCREENSHOT_DIR } from "./support";
import { pickRegion } from "./region-support";

/** The two panels alone (the full page is taller than a screen can show legibly). */
async function glanceShots(page: Page, suffix: string) {
  for (const id of ["panel-tiles", "panel-sankey"]) {
    await page.getByTestId(id).scrollIntoViewIfNeeded();
    await page.getByTestId(id).screenshot({ path: `${SCREENSHOT_DIR}/${id}-${suffix}.png`, animations: "disabled" });
  }
}

const HOME = ["上海市", "江苏省", "浙江省", "安徽省"];
const VISIT = ["北京市", "天津市", "河北省"];

test.describe("region groups and flows at a glance", () => {
  test("长三角 insured in 京津冀: figures, tile map, Sankey, PNG", async ({ page }) => {
    await signIn(page, "nhsa_analyst");
    await page.goto("/statistics?visitRegion=11,12,13&homeRegion=31,32,33,34");
    const expected = await page.getByTestId("kpi-visits-value").innerText();

    await page.goto("/statistics");
    await pickRegion(page, "stats-homeRegion", "csj", "group:chang-san-jiao");
    await page.keyboard.press("Escape");
    await pickRegion(page, "stats-visitRegion", "京津冀", "group:jing-jin-ji");
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("stats-homeRegion").locator(".MuiChip-root")).toHaveText(["长三角"]);
    await page.getByTestId("stats-apply").click();
    await expect(page).toHaveURL(/homeRegion=group%3Achang-san-jiao/);
    await expect(page).toHaveURL(/visitRegion=group%3Ajing-jin-ji/);
    await expect(page.getByTestId("active-filters")).toHaveText(/参保地: 长三角/);
    await expect(page.getByTestId("kpi-visits-value")).toHaveText(expected);

    // The tile map marks the provinces of both groups, and only them.
    const tiles = page.getByTestId("tile-map");
    for (const code of ["31", "32", "33", "34", "11", "12", "13"])
      await expect(tiles.getByTestId(`tile-${code}`)).toHaveAttribute("data-selected", "true");
    for (const code of ["44", "51"])
      await expect(tiles.getByTestId(`tile-${code}`)).toHaveAttribute("data-selected", "false");
    for (const code of ["71", "81", "82"])
      await expect(tiles.getByTestId(`tile-${code}`)).toHaveAttribute("data-nodata", "true");
    // Outflow of 长三角 provinces towards 京津冀: some is there, and 广东 has none.
    expect(Number(await tiles.getByTestId("tile-32").getAttribute("data-value"))).toBeGreaterThan(0);
    expect(await tiles.getByTestId("tile-44").count()).toBe(1);

    // The Sankey: top flows from 长三角 provinces to 京津冀 provinces, also as a table.
    const sankey = page.getByTestId("panel-sankey");
    expect(Number(await sankey.getByTestId("sankey").getAttribute("data-links"))).toBeGreaterThan(0);
    await expect(sankey.locator(".recharts-sankey-link, .recharts-sankey-links path").first()).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId("panel-tiles").scrollIntoViewIfNeeded();
    await shot(page, "flows-glance-zh-1440");
    await glanceShots(page, "zh-1440");

    await sankey.getByTestId("chart-table-toggle").click();
    const rows = sankey.locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    for (const row of await rows.all()) {
      // The row header is the home side; the first cell the visit side.
      expect(HOME).toContain(await row.locator("th").innerText());
      expect(VISIT).toContain((await row.locator("td").allInnerTexts())[0]);
    }
    await sankey.getByTestId("chart-table-toggle").click();

    // PNG exports: real PNG files, from the SVG on screen.
    for (const id of ["sankey-png", "tile-png"]) {
      const download = page.waitForEvent("download");
      await page.getByTestId(id).click();
      const file = await (await download).path();
      expect(fs.readFileSync(file).subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    }

    // Between groups: one flow 长三角 → 京津冀.
    await sankey.getByTestId("sankey-level-group").click();
    await expect(page).toHaveURL(/sankey=GROUP/);
    await page.getByTestId("panel-sankey").getByTestId("chart-table-toggle").click();
    await expect(page.getByTestId("panel-sankey").locator("tbody tr th").first()).toHaveText("长三角");
    await page.getByTestId("panel-sankey").getByTestId("chart-table-toggle").click();

    // The flow matrix aggregated to groups: one column (home 长三角) and one row (visit 京津冀).
    await page.getByTestId("level-group").click();
    await expect(page).toHaveURL(/level=GROUP/);
    const matrix = page.getByTestId("flow-matrix");
    await expect(matrix.locator("thead th").last()).toHaveText("长三角");
    await expect(matrix.locator("tbody tr")).toHaveCount(1);
    await expect(matrix.locator("tbody tr th").first()).toHaveText("京津冀");

    await setLocale(page, "en");
    await page.reload();
    await expect(page.getByTestId("stats-homeRegion").locator(".MuiChip-root")).toHaveText(["Yangtze River Delta"]);
    // Groups have English names, and the matrix uses them (regions keep their Chinese names).
    await expect(page.getByTestId("flow-matrix").locator("thead th").last()).toHaveText("Yangtze River Delta");
    await page.getByTestId("panel-tiles").scrollIntoViewIfNeeded();
    await shot(page, "flows-glance-en-1440");
    await glanceShots(page, "en-1440");
    await page.setViewportSize({ width: 390, height: 844 });
    await glanceShots(page, "en-390");
    await setLocale(page, "zh-CN");
    await page.reload();
    await glanceShots(page, "zh-390");
  });
});
