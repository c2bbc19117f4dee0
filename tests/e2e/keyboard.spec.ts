// Each role's main task with the keyboard only (issue 16): after the page is opened, only Tab,
// arrows, Enter, Escape and typing — never a click. Also: the skip link is the first Tab stop,
// the roster grid is one Tab stop with arrows inside, and a dialog traps focus and returns it.
import type { Locator, Page } from "@playwright/test";
import { expect, shot, signIn, test } from "./support";

/** Presses Tab until `target` (or something inside it) has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 60, key = "Tab") {
  for (let i = 0; i < max; i++) {
    if (
      await target
        .evaluate((el) => el === document.activeElement || el.contains(document.activeElement))
        .catch(() => false)
    )
      return;
    await page.keyboard.press(key);
  }
  throw new Error(`${String(target)} not reached with ${max} × ${key}`);
}

/** In a focused region picker: types, then arrows down to the suggestion with `code` and takes it. */
async function pickRegionByKeys(page: Page, text: string, code: string) {
  await page.keyboard.type(text);
  await expect(page.locator(`[role="listbox"] li[data-code="${code}"]`).first()).toBeVisible();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("ArrowDown");
    const active = await page.evaluate(() => {
      const id = document.activeElement?.getAttribute("aria-activedescendant");
      return id ? document.getElementById(id)?.getAttribute("data-code") : null;
    });
    if (active === code) break;
  }
  await page.keyboard.press("Enter");
}

test("roster manager: skip link, the grid by arrows and Enter, an institution edited and saved", async ({ page }) => {
  await signIn(page, "hb_roster");
  await page.goto("/facilities?region=130000");
  const grid = page.getByTestId("roster-grid");
  await expect(grid.getByRole("row").nth(1)).toBeVisible();
  // Each institution's name is not its own Tab stop: at most the focused cell's link is.
  expect(await grid.locator('[data-testid="institution-link"]:not([tabindex="-1"])').count()).toBeLessThanOrEqual(1);

  await page.keyboard.press("Tab");
  const skip = page.locator(".yb-skip-link");
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  await tabTo(page, grid.getByRole("grid"));
  // From the header (or a cell) down to the first row, then Enter opens it.
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const rowCode = await page.evaluate(() => document.activeElement?.closest('[role="row"]')?.getAttribute("data-id"));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/facilities\/[HP]\d{11}$/);
  const code = page.url().split("/").pop()!;
  expect(rowCode, "Enter opened the focused row").toBeTruthy();

  await tabTo(page, page.getByTestId("edit-institution"));
  await page.keyboard.press("Enter");
  await page.waitForURL(`**/facilities/${code}/edit`);
  const phone = page.getByTestId("field-phone");
  await tabTo(page, phone);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("0311-5550100");
  await tabTo(page, page.getByTestId("form-submit"));
  await shot(page, "keyboard-roster-edit");
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/facilities/(${code}\\?saved=|changes)`));
});

test("complaint handler: a ticket handed over with the keyboard; the dialog traps focus and returns it", async ({
  page,
}) => {
  await signIn(page, "bj_complaint");
  // A ticket this bureau may hand over (the first that offers it).
  await page.goto("/complaints?queue=BUREAU");
  const numbers = await page
    .locator('a[href^="/complaints/TS-"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  let found = false;
  for (const href of numbers.slice(0, 15)) {
    await page.goto(href);
    if (await page.getByTestId("action-HAND_OVER").count()) {
      found = true;
      break;
    }
  }
  expect(found, "a ticket that can be handed over").toBe(true);

  const handOver = page.getByTestId("action-HAND_OVER");
  await tabTo(page, handOver);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  // Focus is in the dialog and stays there however often Tab is pressed.
  for (let i = 0; i < 12; i++) {
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(handOver).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.locator('textarea[name="note"]'));
  await page.keyboard.type("请参保地核实当时网络状况（键盘操作）");
  await tabTo(page, page.getByTestId("transition-submit"));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("awaiting")).toBeVisible();
});

test("agreement officer: the eligibility check filled and run with the keyboard", async ({ page }) => {
  await signIn(page, "hb_agreement");
  await page.goto("/agreements/check");
  const form = page.getByTestId("eligibility-form");
  await tabTo(page, form.getByTestId("check-institution"));
  await pickRegionByKeys(page, "H11010100001", "H11010100001");
  await tabTo(page, page.getByTestId("check-homeRegion"));
  await pickRegionByKeys(page, "sjz", "130100");
  await tabTo(page, page.getByTestId("eligibility-submit"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(
    /institution=H11010100001.*homeRegion=130100|homeRegion=130100.*institution=H11010100001/,
  );
  await expect(page.getByTestId("eligibility-verdict")).toBeVisible();
  await shot(page, "keyboard-eligibility");
});

test("analyst: the dashboard's region and period changed with the keyboard", async ({ page }) => {
  await signIn(page, "hb_analyst");
  await page.goto("/statistics");
  const filters = page.getByTestId("stats-filters");
  // A month field's first segment (the browser's order: year or month) steps down by arrow.
  const from = filters.locator('input[name="from"]');
  const to = filters.locator('input[name="to"]');
  const before = { from: await from.inputValue(), to: await to.inputValue() };
  await tabTo(page, from);
  await page.keyboard.press("ArrowDown");
  await tabTo(page, to);
  await page.keyboard.press("ArrowDown");
  const wanted = { from: await from.inputValue(), to: await to.inputValue() };
  expect(wanted.from).toMatch(/^\d{4}-\d{2}$/);
  expect(wanted.to).toMatch(/^\d{4}-\d{2}$/);
  expect(wanted.from).not.toBe(before.from);
  expect(wanted.to).not.toBe(before.to);
  await tabTo(page, page.getByTestId("stats-visitRegion"));
  await pickRegionByKeys(page, "廊坊", "131000");
  await tabTo(page, page.getByTestId("stats-apply"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`from=${wanted.from}`));
  await expect(page).toHaveURL(new RegExp(`to=${wanted.to}`));
  await expect(page).toHaveURL(/visitRegion=131000/);
  await shot(page, "keyboard-dashboard");
});
