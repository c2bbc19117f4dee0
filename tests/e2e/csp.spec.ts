// Content-Security-Policy (decision 011): every page carries a policy with a fresh nonce, its
// scripts and style tags carry that nonce, and no page of the console — sign-in, home, charts,
// roster, agreements, complaints, administration — breaks a rule of it (no violation event, no
// console error, no hydration error). API answers, the eligibility fast path included, allow
// nothing and are never framed.
import type { Page, Response } from "@playwright/test";
import { test, expect, signIn, shot } from "./support";

declare global {
  interface Window {
    cspViolations: string[];
    pwned?: boolean;
  }
}

/** Records every violation event of every document the page loads, from its first byte. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.cspViolations.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
}

function nonceOf(res: Response): string {
  const policy = res.headers()["content-security-policy"] ?? "";
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const nonce = /script-src [^;]*'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce, `nonce in ${policy}`).toBeTruthy();
  expect(policy).toContain(`style-src-elem 'self' 'nonce-${nonce}'`);
  return nonce!;
}

/** Each <script> and <style> of the server's HTML carries the nonce (Next.js's and Emotion's). */
async function expectTagsCarry(res: Response, nonce: string) {
  const html = await res.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  const styles = html.match(/<style\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of [...scripts, ...styles]) expect(tag).toContain(`nonce="${nonce}"`);
}

/** Loads a page, checks its policy and tags, waits for it to settle, and finds no violation. */
async function visit(page: Page, path: string): Promise<string> {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(200);
  const nonce = nonceOf(res!);
  await expectTagsCarry(res!, nonce);
  await page.waitForLoadState("networkidle");
  // Style tags Emotion inserted in the browser carry the nonce too (the browser hides the
  // attribute's value from the DOM; the property keeps it).
  const unsigned = await page.evaluate(
    (n) => [...document.querySelectorAll("style")].filter((s) => s.nonce !== n).map((s) => s.outerHTML.slice(0, 80)),
    nonce,
  );
  expect(unsigned, `${path}: style tags without the nonce`).toEqual([]);
  expect(await page.evaluate(() => window.cspViolations), `${path}: CSP violations`).toEqual([]);
  return nonce;
}

test("every page runs under a strict nonce policy without a violation", async ({ page }) => {
  test.setTimeout(120_000);
  await recordViolations(page);

  // Signed out: the sign-in page has its policy; other pages still redirect to it.
  const first = await visit(page, "/login");
  const second = await visit(page, "/login");
  expect(second).not.toBe(first);
  await page.goto("/statistics");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fstatistics$/);

  await signIn(page, "hb_admin");
  await visit(page, "/");
  // Styles Emotion inserts in the browser after hydration (a menu's popover, ripples).
  await page.getByTestId("user-menu").click();
  await expect(page.getByTestId("sign-out")).toBeVisible();
  await page.keyboard.press("Escape");
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);

  await visit(page, "/statistics");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await shot(page, "csp-statistics");
  await visit(page, "/facilities");
  await shot(page, "csp-facilities");
  // The language switch refreshes the page in place (a new request, a new nonce on the server):
  // what renders after it must still carry the document's first nonce.
  await page.getByTestId("language-switch").first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Designated institutions and pharmacies" })).toBeVisible();
  await page.getByTestId("language-switch").first().click();
  await expect(page.getByRole("heading", { level: 1, name: "定点医药机构名录" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
  await visit(page, "/agreements");
  await visit(page, "/complaints");
  const ticket = await page.getByTestId("complaint-row").first().getAttribute("data-number");
  await visit(page, `/complaints/${ticket}`);
  await visit(page, "/admin/users");

  // A client-side navigation renders the next page under the same document's policy.
  await page.locator('a.yb-nav-item[href="/statistics"]').click();
  await expect(page).toHaveURL(/\/statistics$/);
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
});

test("an injected inline handler is refused", async ({ page, consoleErrors }) => {
  await recordViolations(page);
  await visit(page, "/login");
  await page.evaluate(() =>
    document.body.insertAdjacentHTML("beforeend", `<img src="data:," onerror="window.pwned = true">`),
  );
  await expect
    .poll(() => page.evaluate(() => window.cspViolations))
    .toEqual([expect.stringMatching(/^script-src-attr blocked inline/)]);
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  // The browser reports the refusal on the console too: expected here, and only here.
  const refused = consoleErrors.findIndex((e) => /Content Security Policy/.test(e));
  expect(refused).toBeGreaterThanOrEqual(0);
  consoleErrors.splice(refused, 1);
});

test("API answers allow nothing and are never framed, on the fast path too", async ({ page, request }) => {
  await signIn(page, "hb_admin");
  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(me.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  // A bearer GET of the eligibility check is answered by server.ts before Next.js.
  const fast = await request.get("/api/v1/eligibility?insuredRegion=130000&facilityCode=H11010100001", {
    headers: { Authorization: "Bearer ybt_unknown" },
  });
  expect(fast.status()).toBe(401);
  expect(fast.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(fast.headers()["x-frame-options"]).toBe("DENY");
});
