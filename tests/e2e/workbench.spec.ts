// The home page's workbench (decision 016): for four demo roles, every figure equals what the API
// (or, where no API exists, the linked list) answers for the same filter with the same session,
// and each figure links to that list. Screenshots in zh (four roles) and en, desktop and phone.
import type { Page } from "@playwright/test";
import { CSV_COLUMNS } from "../../lib/settlements/codes";
import { test, expect, signIn, shot, setLocale, SAME_ORIGIN } from "./support";

async function figure(page: Page, key: string): Promise<number> {
  return Number(
    await page
      .getByTestId(`wb-${key}-value`)
      .innerText()
      .then((s) => s.replace(/\D/g, "")),
  );
}

async function apiTotal(page: Page, path: string): Promise<number> {
  const res = await page.request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()).total;
}

async function apiItems<T = { makerId: string }>(page: Page, path: string): Promise<T[]> {
  const res = await page.request.get(path);
  expect(res.status(), path).toBe(200);
  return (await res.json()).items;
}

async function me(page: Page): Promise<{ id: string; bureau: { region: { code: string; name: string } } }> {
  return (await page.request.get("/api/v1/me")).json();
}

async function expectLink(page: Page, key: string, href: string) {
  await expect(page.getByTestId(`wb-${key}`).locator("a")).toHaveAttribute("href", href);
}

test("a complaint handler's workbench: queues, awaiting, downtimes equal the API's answers", async ({ page }) => {
  await signIn(page, "hb_complaint");
  await page.goto("/");
  const region = (await me(page)).bureau.region.code;
  // Overdue and due today count the bureau's own tickets: the list's owner filter, in the link too.
  for (const [key, query] of [
    ["overdue", "queue=OVERDUE&owner=BUREAU"],
    ["due-today", "queue=TODAY&owner=BUREAU"],
    ["awaiting", "queue=AWAITING"],
    ["bureau-open", "queue=BUREAU"],
  ] as const) {
    expect(await figure(page, key), key).toBe(await apiTotal(page, `/api/v1/complaints?${query}&pageSize=1`));
    await expectLink(page, key, `/complaints?${query}`);
  }
  const downtimes: Record<string, number> = {};
  for (const [key, when] of [
    ["down-now", "current"],
    ["down-next", "upcoming"],
  ] as const) {
    downtimes[when] = (await apiItems(page, `/api/v1/downtimes?when=${when.toUpperCase()}&region=${region}`)).length;
    expect(await figure(page, key), key).toBe(downtimes[when]);
    await expectLink(page, key, `/complaints/downtimes?region=${region}`);
  }
  await expect(page.getByTestId("wb-roster")).toHaveCount(0);
  await expect(page.getByTestId("wb-imports")).toHaveCount(0);
  await shot(page, "workbench-complaint-zh");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, "workbench-complaint-zh-phone");
  // The figure opens the list it counts.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId("wb-overdue").locator("a").click();
  await expect(page).toHaveURL(/\/complaints\?queue=OVERDUE&owner=BUREAU$/);
  await expect(page.getByTestId("complaints-table").locator("tbody tr[data-number]")).toHaveCount(
    Math.min(20, await apiTotal(page, "/api/v1/complaints?queue=OVERDUE&owner=BUREAU&pageSize=1")),
  );
  await page.goto("/");
  await page.getByTestId("wb-down-now").locator("a").click();
  await expect(page.getByTestId("scope-own")).toHaveAttribute("aria-current", "true");
  for (const [id, when] of [
    ["downtimes-current", "current"],
    ["downtimes-upcoming", "upcoming"],
  ] as const) {
    await expect(page.getByTestId(id).locator("tbody tr[data-testid=downtime-row]")).toHaveCount(downtimes[when]!);
  }
});

test("a roster checker's workbench counts pending changes made by others", async ({ page }) => {
  await signIn(page, "hb_roster2");
  await page.goto("/");
  const { id } = await me(page);
  const pending = await apiItems(page, "/api/v1/institutions/change-requests?state=PENDING&pageSize=200");
  const others = pending.filter((c) => c.makerId !== id).length;
  expect(await figure(page, "roster-review")).toBe(others);
  expect(await apiTotal(page, "/api/v1/institutions/change-requests?state=PENDING&maker=OTHERS&pageSize=1")).toBe(
    others,
  );
  await expectLink(page, "roster-review", "/facilities/changes?maker=OTHERS");
  // The link opens exactly those requests: none of them the checker's own.
  await page.getByTestId("wb-roster-review").locator("a").click();
  await expect(page.getByTestId("change-request")).toHaveCount(others);
  await expect(page.getByTestId("change-request").filter({ hasText: "本人提交，不能自审" })).toHaveCount(0);
  await expect(page.getByTestId("wb-complaints")).toHaveCount(0);
  await shot(page, "workbench-roster-zh");
});

test("an agreement officer's workbench: expiring within the window and drafts of the region", async ({ page }) => {
  await signIn(page, "hb_agreement");
  const region = (await me(page)).bureau.region.code;
  for (const days of [60, 365]) {
    await page.goto(days === 60 ? "/" : `/?days=${days}`);
    const shown = await figure(page, "expiring");
    expect(await figure(page, "drafts")).toBe(
      await apiTotal(page, `/api/v1/agreements?status=DRAFT&party=${region}&pageSize=1`),
    );
    await expectLink(page, "expiring", `/agreements/expiring?days=${days}&party=${region}`);
    await expectLink(page, "drafts", `/agreements?status=DRAFT&party=${region}`);
    if (days === 60) await shot(page, "workbench-agreement-zh");
    // No API lists expiring agreements: the linked list's rows are the reference.
    await page.getByTestId("wb-expiring").locator("a").click();
    await expect(page.getByTestId("expiring-list")).toBeVisible();
    expect(await page.getByTestId("expiring-list").locator("tbody a").count()).toBe(shown);
  }
});

test("an analyst's workbench lists the region's latest imports with their rejects; English", async ({ page }) => {
  await signIn(page, "hb_analyst");
  // A batch whose rows are all refused (no figures change for other specs): its rejects as the API answered them.
  const bad = (id: string) =>
    [
      id,
      "2025-03-15T10:00:00+08:00",
      "999999",
      "131002",
      "H13010400001",
      "OUTPATIENT",
      "",
      "100.00",
      "50.00",
      "SETTLED",
    ].join(",");
  const csv = [CSV_COLUMNS.join(","), bad("WB-1"), bad("WB-2")].join("\n") + "\n";
  const res = await page.request.post("/api/v1/settlements/import", {
    headers: { ...SAME_ORIGIN, "content-type": "text/csv" },
    data: csv,
  });
  expect(res.status()).toBe(200);
  const outcome = await res.json();
  expect(outcome.rejectedTotal).toBe(2);
  await page.goto("/");
  const first = page.getByTestId("wb-imports-table").locator("tbody tr").first();
  await expect(first.getByTestId("wb-import-rejected")).toHaveText(String(outcome.rejectedTotal));
  await expect(first.locator("td").first()).toHaveText(`第 ${outcome.importId} 批`);
  await expect(page.getByTestId("wb-complaints")).toHaveCount(0);
  await expect(page.getByTestId("wb-agreements")).toHaveCount(0);
  await shot(page, "workbench-analyst-zh");
  await setLocale(page, "en");
  await page.goto("/");
  await expect(page.getByTestId("workbench").locator("h2").first()).toHaveText("Today");
  await shot(page, "workbench-analyst-en");
});
