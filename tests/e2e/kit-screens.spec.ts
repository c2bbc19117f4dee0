// The screens moved onto the UI kit, at 1440×900 and 390×844, in zh-CN and en: each is
// screenshotted (tests/e2e/screenshots/kit-*) and none scrolls sideways at page level — a wide
// table scrolls inside its card.
import { expect, shot, signIn, test } from "./support";

const SCREENS: { name: string; user: string; path: string }[] = [
  { name: "audit", user: "nhsa_admin", path: "/admin/audit" },
  { name: "users", user: "hb_admin", path: "/admin/users" },
  { name: "bureaus", user: "nhsa_admin", path: "/admin/bureaus" },
  { name: "agreements", user: "nhsa_agreement", path: "/agreements" },
  { name: "expiring", user: "nhsa_agreement", path: "/agreements/expiring?days=365" },
  { name: "roster", user: "hb_roster", path: "/facilities" },
  { name: "changes", user: "hb_roster", path: "/facilities/changes" },
  { name: "coverage", user: "hb_roster", path: "/facilities/coverage?region=130000" },
  { name: "roster-import", user: "hb_roster", path: "/facilities/import" },
  { name: "settlement-import", user: "hb_analyst", path: "/statistics/import" },
  { name: "profile", user: "hb_admin", path: "/profile" },
  { name: "matrix", user: "hb_agreement", path: "/agreements/matrix" },
  { name: "check", user: "hb_analyst", path: "/agreements/check" },
  { name: "complaints", user: "hb_complaint", path: "/complaints" },
  { name: "downtimes", user: "hb_complaint", path: "/complaints/downtimes" },
  { name: "reports", user: "hb_complaint", path: "/complaints/reports" },
  { name: "daily", user: "hb_complaint", path: "/complaints/daily" },
];

for (const { name, user, path } of SCREENS) {
  test(`kit screen ${name}: zh and en, desktop and phone, no sideways page scroll`, async ({ page }) => {
    await signIn(page, user);
    for (const locale of ["zh-CN", "en"] as const) {
      await page.context().addCookies([{ name: "locale", value: locale, domain: "127.0.0.1", path: "/" }]);
      for (const [w, h, tag] of [
        [1440, 900, "desktop"],
        [390, 844, "phone"],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await page.goto(path);
        await expect(page.locator("h1").first()).toBeVisible();
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${name} ${locale} ${tag}`).toBeLessThanOrEqual(0);
        await shot(page, `kit-${name}-${locale === "en" ? "en" : "zh"}-${tag}`);
      }
    }
  });
}
