// Printing the records bureaus file on paper: an agreement, a ticket with its timeline, the
// dashboard. Rendered with the print stylesheet (components/ui/print.css) to an A4 PDF: the
// shell's bar and navigation, forms and buttons are gone, the print head names the bureau and
// the user, and the record itself is there. The PDFs land beside the screenshots to be looked at.
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { test, expect, signIn, SCREENSHOT_DIR } from "./support";

async function printed(page: Page, name: string, mustShow: RegExp[]) {
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".yb-drawer")).toBeHidden();
  await expect(page.locator(".yb-appbar")).toBeHidden();
  await expect(page.getByTestId("print")).toBeHidden();
  await expect(page.locator("form").first()).toBeHidden();
  await expect(page.getByTestId("print-head")).toBeVisible();
  const text = await page.locator("main").innerText();
  for (const re of mustShow) expect(text).toMatch(re);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const pdf = await page.pdf({
    format: "A4",
    printBackground: true,
    path: path.join(SCREENSHOT_DIR, `print-${name}.pdf`),
  });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(6);
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByTestId("print")).toBeVisible();
}

test("an agreement prints as the record: parties, services, timeline, without the console around it", async ({
  page,
}) => {
  await signIn(page, "hb_agreement");
  await page.goto("/agreements");
  await page.getByRole("link", { name: "HB-2020-01" }).click();
  await expect(page.getByTestId("print")).toBeVisible();
  await printed(page, "agreement", [/河北省异地就医定点京津医疗机构/, /HB-2020-01/, /批准生效/, /河北省医疗保障局 · /]);
});

test("a ticket prints with its timeline, masked personal data and no action forms", async ({ page }) => {
  await signIn(page, "bj_complaint");
  await page.goto("/complaints");
  // A ticket with a phone or ID number on file (tickets registered by other specs may have none).
  const numbers = (
    await page.getByTestId("complaint-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-number") ?? ""))
  ).slice(0, 10);
  let number = "";
  for (const n of numbers) {
    await page.goto(`/complaints/${n}`);
    await expect(page.getByTestId("print")).toBeVisible();
    if (/\*{4}/.test(await page.locator("main").innerText())) {
      number = n;
      break;
    }
  }
  expect(number).toMatch(/^TS-/);
  await printed(page, "ticket", [new RegExp(number), /\*{4}/]);
  // Never the clear ID number on paper unless unmasked on purpose.
  expect(await page.locator("main").innerText()).not.toMatch(/\d{17}[\dX]/);
});

test("the dashboard prints its figures and charts under the period and filters", async ({ page }) => {
  await signIn(page, "hb_analyst");
  await page.goto("/statistics");
  await expect(page.getByTestId("print")).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await printed(page, "dashboard", [/结算人次/, /数据截至/]);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
});
