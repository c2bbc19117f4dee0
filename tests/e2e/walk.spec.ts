// The page walk (decision 019): every page of every role (pages.ts), in zh-CN and en, once at
// 1440×900 and once at 390×844. On the desktop visit: axe (WCAG 2.0/2.1 A and AA) fails on any
// serious or critical violation, and no raw code (enum value, UUID, bare region code) may be
// visible; the page's main dialog is opened and checked by axe too. On the phone visit: no
// page-level horizontal scroll. With WALK_SHOTS=1 every visit leaves a full-page screenshot in
// tests/e2e/screenshots/walk/ (to look at; CI skips them). The shared fixture (support.ts) fails the walk on any console
// error or hydration warning. One test per role, so a failure names the role; all findings of a
// role are gathered and reported together rather than stopping at the first.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, SCREENSHOT_DIR, signIn, test } from "./support";
import { WALK, type WalkPage } from "./pages";

const LOCALES = [
  ["zh-CN", "zh"],
  ["en", "en"],
] as const;
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

async function chooseLocale(page: Page, locale: string) {
  await page.context().addCookies([{ name: "locale", value: locale, domain: "127.0.0.1", path: "/" }]);
}

async function axeFindings(page: Page, where: string, include?: string): Promise<string[]> {
  // Only violations are collected node by node: passes and incomplete results are not reported.
  let builder = new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .options({ resultTypes: ["violations"] });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${where}: axe ${v.id} (${v.impact}) at ${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(0, 2).join(" ")}`,
      ),
    );
}

/** Names of file formats and protocols, which are words of the text wherever they appear. */
const ALLOWED_EVERYWHERE = ["XLSX", "HTTP"];

/**
 * Codes a page may show as such, by page: the description of an input or file format names the
 * values to type (they are the format, not a label of data). Everything else is translated.
 */
const ALLOWED_CODES: Record<string, string[]> = {
  // The roster import's column rules: "CHRONIC may list diseases after :".
  "facility-import": ["CHRONIC"],
  // The settlement import's format: status values SETTLED / REVERSED.
  "statistics-import": ["SETTLED", "REVERSED"],
  // The agreement form's parties field: one "region code,HOME|VISIT|BOTH" per line.
  "agreement-new": ["HOME", "VISIT", "BOTH"],
  "agreement-edit": ["HOME", "VISIT", "BOTH"],
  // The eligibility form's hint: the insured's region may be typed as 石家庄, sjz or 130100.
  "agreement-check": ["130100"],
};

/**
 * Visible text that is a raw code: an upper-case enum value, a UUID or a bare six-digit region
 * code. Text inside <code> (and hover text, which is an attribute, not text) may show codes, and
 * what the user typed into a field is theirs.
 */
async function rawCodes(page: Page, name: string): Promise<string[]> {
  return page.evaluate(
    (allowed) => {
      const patterns = [
        /\b[A-Z][A-Z_]{3,}\b/g,
        /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
        /(?<![\d.,\-:/])\b\d{6}\b(?![\d.,\-:/])/g,
      ];
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        // A date field's sections (YYYY-MM-DD) are the format to type in, like a placeholder.
        if (
          !el ||
          el.closest("code, script, style, noscript, textarea, .yb-print-only, .MuiPickersInputBase-root") ||
          !el.checkVisibility()
        )
          continue;
        const text = node.textContent ?? "";
        for (const re of patterns)
          for (const m of text.matchAll(re))
            if (!allowed.includes(m[0])) found.push(`"${m[0]}" in "${text.trim().slice(0, 80)}"`);
      }
      return found;
    },
    [...ALLOWED_EVERYWHERE, ...(ALLOWED_CODES[name] ?? [])],
  );
}

async function visit(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("h1").first()).toBeVisible();
}

/** Full-page screenshots cost more than the checks; they are taken for looking (WALK_SHOTS=1), not in every run. */
async function shot(page: Page, file: string) {
  if (!process.env.WALK_SHOTS) return;
  await page.screenshot({ path: `${SCREENSHOT_DIR}/walk/${file}.png`, fullPage: true, animations: "disabled" });
}

async function checkDesktop(page: Page, p: WalkPage, path: string, lang: string): Promise<string[]> {
  const where = `${p.name} ${lang} desktop (${path})`;
  await page.setViewportSize(DESKTOP);
  await visit(page, path);
  const findings = [
    ...(await axeFindings(page, where)),
    ...(await rawCodes(page, p.name)).map((r) => `${where}: raw code ${r}`),
  ];
  await shot(page, `${p.name}-${lang}-desktop`);
  if (p.dialog) {
    await page.locator(p.dialog).first().click({ timeout: 5_000 });
    await expect(page.getByRole("dialog")).toBeVisible();
    // axe reads colours as painted: wait for the dialog's fade-in to end (mid-fade text is paler).
    // (A cancelled animation rejects `finished`; an endless one, a spinner, never ends: both left out.)
    await page.evaluate(() =>
      Promise.allSettled(
        document
          .getAnimations()
          .filter((a) => Number.isFinite(Number(a.effect?.getComputedTiming().endTime)))
          .map((a) => a.finished),
      ),
    );
    findings.push(...(await axeFindings(page, `${where} dialog`, '[role="dialog"]')));
    await shot(page, `${p.name}-${lang}-dialog`);
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toBeHidden();
  }
  return findings;
}

async function checkPhone(page: Page, p: WalkPage, path: string, lang: string): Promise<string[]> {
  await page.setViewportSize(PHONE);
  await visit(page, path);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await shot(page, `${p.name}-${lang}-phone`);
  return width > PHONE.width ? [`${p.name} ${lang} phone (${path}): page is ${width} px wide`] : [];
}

test("walk: the sign-in page", async ({ page }) => {
  const findings: string[] = [];
  const login: WalkPage = { name: "login", path: "/login" };
  for (const [locale, lang] of LOCALES) {
    await chooseLocale(page, locale);
    findings.push(
      ...(await checkDesktop(page, login, login.path, lang)),
      ...(await checkPhone(page, login, login.path, lang)),
    );
  }
  expect(findings, findings.join("\n")).toEqual([]);
});

for (const role of WALK) {
  test(`walk: every page of ${role.user}`, async ({ page }) => {
    test.setTimeout(300_000);
    await signIn(page, role.user);
    const details = new Map<string, string>();
    const findings: string[] = [];
    for (const [locale, lang] of LOCALES) {
      await chooseLocale(page, locale);
      for (const p of role.pages) {
        const path = p.from ? `${details.get(p.from.link)}${p.from.suffix ?? ""}` : p.path;
        findings.push(...(await checkDesktop(page, p, path, lang)));
        // The detail pages behind this list: their path is the first matching link, read once.
        for (const d of role.pages.filter((x) => x.from?.list === p.path && !details.has(x.from.link))) {
          const href = await page.locator(d.from!.link).first().getAttribute("href", { timeout: 5_000 });
          expect(href, `${d.name}: a link on ${p.path}`).toBeTruthy();
          details.set(d.from!.link, href!);
        }
        findings.push(...(await checkPhone(page, p, path, lang)));
      }
    }
    expect(findings, findings.join("\n")).toEqual([]);
  });
}
