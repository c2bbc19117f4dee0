// Shared e2e helpers: sign-in, screenshots kept as artifacts, and a page fixture that fails
// the test on any unexpected console error.
import { test as base, expect, type Locator, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Yibao@2026";
export const SCREENSHOT_DIR = "tests/e2e/screenshots";

/**
 * The fixture every spec uses (import `test` from here, never from @playwright/test): the test
 * fails on any browser console error, uncaught page error or React hydration warning, each
 * reported with the page it happened on. Refused requests (401/403/404/429) that a test provokes
 * on purpose are not errors of the page.
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (msg) => {
        const text = msg.text();
        const hydration = /hydrat|did not match|#418|#423|#425/i.test(text);
        if (
          msg.type() === "error" &&
          !/Failed to load resource: the server responded with a status of (401|403|404|429)/.test(text)
        ) {
          errors.push(`${page.url()}: ${text}`);
        } else if (msg.type() === "warning" && hydration) {
          errors.push(`${page.url()}: ${text}`);
        }
      });
      page.on("pageerror", (err) => errors.push(`${page.url()}: ${err.message}`));
      await use(errors);
      expect(errors, "unexpected console errors").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

export async function setLocale(page: Page, locale: "zh-CN" | "en") {
  await page
    .context()
    .addCookies([
      { name: "locale", value: locale, url: page.url().startsWith("http") ? page.url() : "http://127.0.0.1:3100" },
    ]);
}

export async function shot(page: Page, name: string) {
  // Transitions finished: a screenshot shows the settled screen, not a button mid-fade.
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true, animations: "disabled" });
}

/**
 * What a browser adds to the console's own fetches, for API calls made with `page.request` (which
 * sends the page's cookies but no Origin): without it a cookie write is refused as cross-site.
 */
export const SAME_ORIGIN = { origin: `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}` };

/**
 * Types an ISO day into the kit's DateField (MUI X DatePicker: one section per part, the value
 * ISO in its hidden input) as a user would — focus the field, select every part, type the digits —
 * and waits until the field holds the whole day. `field` is the field's test id locator.
 */
export async function fillDate(field: Locator, iso: string) {
  await field.locator(".MuiPickersSectionList-root").click();
  const keyboard = field.page().keyboard;
  await keyboard.press("ControlOrMeta+a");
  await keyboard.press("Backspace");
  await keyboard.type(iso.replaceAll("-", ""));
  await expect(field.locator("input")).toHaveValue(iso);
}

/** Types a Beijing wall-clock time (`YYYY-MM-DDTHH:mm`) into a DateTimeField as a user would. */
export async function fillDateTime(field: Locator, local: string) {
  await field.locator(".MuiPickersSectionList-root").click();
  const keyboard = field.page().keyboard;
  await keyboard.press("ControlOrMeta+a");
  await keyboard.press("Backspace");
  await keyboard.type(local.replace(/\D/g, ""));
  await expect(field.locator("input")).toHaveValue(local.replace("T", " "));
}
