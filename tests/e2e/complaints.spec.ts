// Complaint tickets between bureaus: queues, a ticket registered and worked by the visit-region
// bureau (Beijing) and the home-region bureau (Langfang) through the UI, the third-region wall
// (Shanghai), downtime notices, the daily report and reporting — screenshots in both languages.
import type { Page } from "@playwright/test";
import { test, expect, fillDateTime, signIn, shot as keep } from "./support";
import { pickRegion } from "./region-support";

/** Screenshots from the top: a full-page shot of a scrolled page repeats the fixed app bar. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await keep(page, name);
}

async function switchTo(page: Page, locale: "zh-CN" | "en") {
  await page.context().addCookies([{ name: "locale", value: locale, url: page.url() }]);
  await page.reload();
}

async function signInAs(page: Page, username: string) {
  await page.context().clearCookies();
  await signIn(page, username);
}

/** A Beijing wall-clock value for <input type="datetime-local">, `minutesAgo` before now. */
function beijingLocal(minutesAgo: number): string {
  return new Date(Date.now() + 8 * 3600_000 - minutesAgo * 60_000).toISOString().slice(0, 16);
}

async function act(page: Page, action: string, fields: Record<string, string> = {}) {
  await page.getByTestId(`action-${action}`).click();
  const form = page.getByTestId("transition-form");
  await expect(form).toBeVisible();
  for (const [name, value] of Object.entries(fields)) {
    if (name === "rootCause") continue;
    await form.locator(`textarea[name="${name}"], input[name="${name}"]`).first().fill(value);
  }
  await form.getByTestId("transition-submit").click();
  await expect(form).toBeHidden();
}

test("queues, a ticket worked by two bureaus, third-region 404, downtime, daily report, reporting", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "bj_complaint");
  await page.goto("/complaints");
  await expect(page.getByRole("heading", { level: 1, name: "投诉协同" })).toBeVisible();
  const rows = page.getByTestId("complaint-row");
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId("complaints-table")).not.toContainText(/\d{17}[\dX]/);
  await page.getByTestId("queue-overdue").click();
  await expect(page).toHaveURL(/queue=OVERDUE/);
  await expect(page.getByTestId("sla-overdue").first()).toBeVisible();
  await page.getByTestId("queue-bureau").click();
  await expect(page).toHaveURL(/queue=BUREAU/);
  await expect(rows.first()).toBeVisible();
  await shot(page, "complaints-queue-zh");
  await switchTo(page, "en");
  await expect(page.getByRole("heading", { level: 1, name: "Complaints" })).toBeVisible();
  await shot(page, "complaints-queue-en");
  await switchTo(page, "zh-CN");

  // Register a ticket settled during Langfang's current downtime window.
  await page.getByTestId("new-complaint").click();
  await expect(page.getByRole("heading", { level: 1, name: "登记投诉" })).toBeVisible();
  const form = page.getByTestId("complaint-form");
  await form.locator('input[name="complainantName"]').fill("李桂英");
  await form.locator('input[name="complainantPhone"]').fill("13811112222");
  await form.locator('input[name="complainantIdNumber"]').fill("131002196203150027");
  await pickRegion(form, "field-homeRegionCode", "廊坊", "131000");
  await form.locator('input[name="settlementId"]').fill("JS-E2E-0001");
  await fillDateTime(form.getByTestId("field-settlementAt"), beijingLocal(20));
  await form
    .locator('textarea[name="description"]')
    .fill("结算失败，我就得回去跑报销!!! 出院结算时提示参保地系统无响应。");
  await shot(page, "complaint-new-zh");
  await form.getByTestId("complaint-submit").click();
  await page.waitForURL(/\/complaints\/TS-\d{4}-\d{6}$/);
  const number = page.url().split("/").pop()!;
  await expect(page.getByTestId("state-chip").first()).toHaveAttribute("data-state", "NEW");
  await expect(page.getByTestId("complainant")).toContainText("1310**********0027");
  await expect(page.getByTestId("complainant")).not.toContainText("131002196203150027");
  await expect(page.getByTestId("downtime-hint")).toContainText("廊坊市");

  await act(page, "TRIAGE");
  await expect(page.getByTestId("state-chip").first()).toHaveAttribute("data-state", "TRIAGED");
  // A hand-over needs a note: submitting without one shows the field error.
  await page.getByTestId("action-HAND_OVER").click();
  await page.getByTestId("transition-submit").click();
  await expect(page.getByTestId("transition-form").getByRole("alert")).toBeVisible();
  await page.getByTestId("transition-form").locator('textarea[name="note"]').fill("请参保地核实当时网络状况");
  await page.getByTestId("transition-submit").click();
  await expect(page.getByTestId("awaiting")).toBeVisible();

  // The home-region bureau reports back.
  await signInAs(page, "lf_complaint");
  await page.goto("/complaints?queue=AWAITING");
  await expect(page.locator(`[data-number="${number}"]`)).toBeVisible();
  await page.goto(`/complaints/${number}`);
  await expect(page.getByTestId("relation")).toContainText("协办部门");
  await expect(page.getByTestId("unmask")).toHaveCount(0);
  await act(page, "TAKE_BACK", { note: "参保地结算系统当时正在升级，交易未到达" });
  await expect(page.getByTestId("state-chip").first()).toHaveAttribute("data-state", "INVESTIGATING");

  // The receiving bureau sees the note, unmasks (audited), and resolves.
  await signInAs(page, "bj_complaint");
  await page.goto(`/complaints/${number}`);
  await expect(page.getByTestId("notes-list")).toContainText("参保地结算系统当时正在升级");
  await page.getByTestId("tab-replies").click();
  await page.getByTestId("reply-form").locator("textarea").first().fill("您好，已联系参保地核实，请稍候。");
  await page.getByTestId("comment-submit").click();
  await expect(page.getByTestId("replies-list")).toContainText("已联系参保地核实");
  await page.getByTestId("tab-notes").click();
  await expect(page.getByTestId("notes-list")).not.toContainText("已联系参保地核实");
  await page.getByTestId("unmask").click();
  await expect(page.getByTestId("unmasked")).toContainText("131002196203150027");
  await page.reload();
  await shot(page, "complaint-investigating-zh");
  await switchTo(page, "en");
  await expect(page.getByTestId("downtime-hint")).toContainText("Suggested root cause");
  await shot(page, "complaint-investigating-en");
  await switchTo(page, "zh-CN");
  await page.getByTestId("action-RESOLVE").click();
  const resolve = page.getByTestId("transition-form");
  await expect(resolve.getByTestId("root-cause")).toContainText("参保地网络故障或计划停机");
  await resolve
    .locator('textarea[name="reply"]')
    .fill("经核实为参保地系统升级导致结算失败，已安排补结算，无需回参保地报销。");
  await resolve.getByTestId("transition-submit").click();
  await expect(page.getByTestId("state-chip").first()).toHaveAttribute("data-state", "RESOLVED");
  await expect(page.getByTestId("root-cause-value")).toContainText("参保地网络故障或计划停机");
  await expect(page.locator(".MuiSnackbar-root")).toBeHidden({ timeout: 10_000 });
  await shot(page, "complaint-resolved-zh");

  // A third region sees nothing: page, API, search.
  await signInAs(page, "sh_complaint");
  const res = await page.goto(`/complaints/${number}`);
  expect(res?.status()).toBe(404);
  expect((await page.request.get(`/api/v1/complaints/${number}`)).status()).toBe(404);
  const search = (await (await page.request.get(`/api/v1/complaints?q=${number}`)).json()) as { total: number };
  expect(search.total).toBe(0);
  await page.goto(`/complaints?queue=ALL&q=${number}`);
  await expect(page.getByTestId("complaint-row")).toHaveCount(0);
  const csv = await (await page.request.get("/api/v1/complaints/export?format=csv")).text();
  expect(csv).not.toContain(number);

  // Downtime notices, daily report, reporting.
  await signInAs(page, "hb_complaint");
  await page.goto("/complaints/downtimes");
  await expect(page.getByTestId("downtimes-current").getByTestId("downtime-row").first()).toBeVisible();
  await page.getByTestId("new-downtime").click();
  const dt = page.getByTestId("downtime-form");
  await pickRegion(dt, "field-regionCode", "石家庄", "130100");
  await fillDateTime(dt.getByTestId("field-startsAt"), beijingLocal(-60 * 24));
  await fillDateTime(dt.getByTestId("field-endsAt"), beijingLocal(-60 * 27));
  await dt.locator('textarea[name="reason"]').fill("石家庄医保平台数据库升级");
  await dt.getByTestId("downtime-submit").click();
  await expect(dt).toBeHidden();
  await expect(page.getByTestId("downtimes-upcoming")).toContainText("石家庄医保平台数据库升级");
  await shot(page, "downtimes-zh");
  await switchTo(page, "en");
  await expect(page.getByRole("heading", { level: 1, name: "Downtime notices" })).toBeVisible();
  await shot(page, "downtimes-en");
  await switchTo(page, "zh-CN");

  await signInAs(page, "bj_complaint");
  await page.goto("/complaints/daily");
  await expect(page.getByRole("heading", { level: 1, name: "每日“异”报" })).toBeVisible();
  await expect(page.getByTestId("daily-new")).toContainText("廊坊市 → 北京市");
  await shot(page, "daily-report-zh");
  await switchTo(page, "en");
  await expect(page.getByTestId("daily-new")).toContainText("New tickets");
  await shot(page, "daily-report-en");
  await switchTo(page, "zh-CN");

  await page.goto("/complaints/reports");
  await expect(page.getByRole("heading", { level: 1, name: "投诉统计分析" })).toBeVisible();
  await expect(page.getByTestId("trend-chart").locator("svg").first()).toBeVisible();
  await expect(page.getByTestId("kpi-breach")).toContainText("%");
  await page.waitForTimeout(500);
  await shot(page, "complaints-reports-zh");
  await switchTo(page, "en");
  await expect(page.getByRole("heading", { level: 1, name: "Complaint reporting" })).toBeVisible();
  await page.waitForTimeout(500);
  await shot(page, "complaints-reports-en");
});

test("roles without the complaint job get no complaint pages", async ({ page }) => {
  await signIn(page, "bj_analyst");
  const res = await page.goto("/complaints");
  expect(res?.status()).toBe(404);
  expect((await page.request.get("/api/v1/complaints")).status()).toBe(403);
});
