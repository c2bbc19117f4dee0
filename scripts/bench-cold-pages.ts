// First loads of console pages in a browser, for a server that has just started (issue 16):
// signs in as USER, then opens each PATH once and prints the navigation's time to first byte and
// to the load event. Run right after `npm start` (or the e2e server) is ready, before anything
// else warms it:  npx tsx scripts/bench-cold-pages.ts http://127.0.0.1:3230 hb_complaint /complaints/daily /complaints /complaints/reports
import { chromium } from "playwright-core";

const [base, user, ...paths] = process.argv.slice(2);
if (!base || !user || !paths.length) throw new Error("usage: bench-cold-pages.ts BASE_URL USER PATH…");
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
const page = await browser.newPage();
await page.goto(`${base}/login`);
await page.fill('input[name="username"]', user);
await page.fill('input[name="password"]', process.env.DEMO_PASSWORD ?? "Yibao@2026");
await page.click('button[type="submit"]');
await page.waitForURL((u) => !u.pathname.startsWith("/login"));
for (const path of paths) {
  const response = await page.goto(`${base}${path}`);
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return { ttfb: Math.round(n.responseStart), load: Math.round(n.loadEventEnd) };
  });
  console.log(`${path}\t${response?.status()}\tttfb ${nav.ttfb} ms\tload ${nav.load} ms`);
}
await browser.close();
