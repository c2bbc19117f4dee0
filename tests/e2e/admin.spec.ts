// User administration, the audit log, the profile page and the /users API, per role, with
// the denial cases. Accounts that get locked or re-passworded are created here, never demo ones.
import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect, signIn, shot, SAME_ORIGIN } from "./support";

interface ApiUser {
  id: string;
  username: string;
  version: number;
  roles: string[];
  bureau: { id: string; name: string; regionCode: string };
}

async function apiUsers(request: APIRequestContext, query = "") {
  const res = await request.get(`/api/v1/users?pageSize=200${query}`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { total: number; items: ApiUser[] }).items;
}

/** Dialogs fade in; a screenshot taken mid-fade shows the page through them. */
async function dialogSettled(page: Page) {
  await expect(page.locator(".MuiDialog-container").last()).toHaveCSS("opacity", "1");
}

async function switchLanguage(page: Page, heading: string) {
  await page.getByTestId("language-switch").first().click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

/** Creates a Langfang analyst through the API as the signed-in admin. */
async function createLangfangUser(page: Page, username: string, password = "Initial-pass-1") {
  const [lfAdmin] = await apiUsers(page.request, "&q=lf_admin");
  const res = await page.request.post("/api/v1/users", {
    headers: SAME_ORIGIN,
    data: { username, displayName: "临时测试", bureauId: lfAdmin!.bureau.id, roles: ["ANALYST"], password },
  });
  expect(res.status()).toBe(201);
  return (await res.json()) as ApiUser;
}

test("hb_admin manages Hebei users only: create with a field error first, edit roles, see it audited", async ({
  page,
}) => {
  await signIn(page, "hb_admin");
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "用户管理" })).toBeVisible();
  const rows = page.getByTestId("user-row");
  await expect(rows.first()).toBeVisible();
  const usernames = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-username") ?? ""));
  expect(usernames).toEqual(
    expect.arrayContaining(["hb_admin", "hb_roster", "sjz_roster", "zjk_roster", "lf_admin", "lf_analyst"]),
  );
  expect(usernames.filter((u) => !/^(hb|sjz|zjk|lf)_/.test(u))).toEqual([]);
  await expect(page.getByTestId("users-table")).toContainText("统计分析员");
  await expect(page.getByTestId("users-table")).not.toContainText("北京市医疗保障局");
  await shot(page, "admin-users-zh");

  await switchLanguage(page, "Users");
  await expect(page.getByTestId("users-table")).toContainText("Analyst");
  await expect(page.getByTestId("users-table")).toContainText("Langfang Healthcare Security Bureau");
  await shot(page, "admin-users-en");
  await switchLanguage(page, "用户管理");

  // Filters live in the URL.
  await page.locator('input[name="q"]').fill("lf_");
  await page.getByTestId("filter-submit").click();
  await expect(page).toHaveURL(/q=lf_/);
  await expect(rows).toHaveCount(4);

  // Create: a bad password first, shown under the field; then success.
  await page.getByTestId("new-user").click();
  const form = page.getByTestId("create-user-form");
  await form.locator('input[name="username"]').fill("lf_e2e_clerk");
  await form.locator('input[name="displayName"]').fill("赵清");
  await form.getByTestId("create-bureau").click();
  await page.getByRole("option", { name: "廊坊市医疗保障局" }).click();
  await form.getByLabel("统计分析员").check();
  await form.locator('input[name="password"]').fill("short");
  await form.getByTestId("create-user-submit").click();
  await expect(form.getByRole("alert")).toContainText("提交的内容有误");
  await expect(form.getByText("密码至少 10 位，且须同时包含字母和数字")).toBeVisible();
  await expect(form.locator('input[name="password"]')).toHaveAttribute("aria-invalid", "true");
  await expect(form.locator('input[name="username"]')).toHaveAttribute("aria-invalid", "false");
  await dialogSettled(page);
  await shot(page, "admin-user-create-error-zh");
  await form.locator('input[name="password"]').fill("Langfang-2026");
  await form.getByTestId("create-user-submit").click();
  await expect(page.getByTestId("create-user-success")).toContainText("lf_e2e_clerk");
  await expect(form).toHaveCount(0);
  const row = page.locator('[data-testid="user-row"][data-username="lf_e2e_clerk"]');
  await expect(row).toContainText("廊坊市医疗保障局");
  await expect(row).toContainText("待改密");

  // Edit the roles.
  await row.getByTestId("edit-user").click();
  await expect(page.getByRole("heading", { level: 1, name: "赵清（lf_e2e_clerk）" })).toBeVisible();
  const profileForm = page.getByTestId("profile-form");
  await profileForm.getByLabel("投诉处理人").check();
  await profileForm.getByTestId("save-user").click();
  await expect(page.getByTestId("action-success")).toHaveText("已保存");
  await expect(page.getByTestId("audit-row").first()).toHaveAttribute("data-action", "UPDATE");
  await expect(page.getByTestId("audit-row")).toHaveCount(2);
  await page.getByTestId("action-success").getByRole("button").click();
  await shot(page, "admin-user-edit-zh");

  // The audit log shows the creation, with the after-image and no password in it.
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "审计日志" })).toBeVisible();
  const createRow = page.locator('[data-testid="audit-row"][data-action="CREATE"]').filter({ hasText: "lf_e2e_clerk" });
  await expect(createRow).toHaveCount(1);
  await expect(createRow).toContainText("张伟 (hb_admin)");
  await expect(createRow).toContainText("廊坊市");
  await shot(page, "audit-log-zh");

  await page.getByTestId("filter-action").click();
  await page.getByRole("option", { name: "修改", exact: true }).click();
  await expect(page).toHaveURL(/action=UPDATE/);
  const updateRow = page.locator('[data-testid="audit-row"]').filter({ hasText: "lf_e2e_clerk" });
  await expect(updateRow).toHaveCount(1);
  await updateRow.getByTestId("audit-detail-open").click();
  const diff = page.getByTestId("audit-diff");
  await expect(diff.locator("tr[data-changed]")).toHaveCount(1);
  await expect(diff.locator("tr[data-changed]")).toContainText("统计分析员、投诉处理人");
  await dialogSettled(page);
  await shot(page, "audit-detail-zh");
  await page.getByRole("button", { name: "关闭" }).click();

  await page.goto("/admin/audit");
  await switchLanguage(page, "Audit log");
  await expect(page.locator('[data-testid="audit-row"][data-action="CREATE"]').first()).toContainText("Create");
  await shot(page, "audit-log-en");
  await switchLanguage(page, "审计日志");

  // Another admin's view of the same audit: a Beijing admin does not see the Langfang entries.
  await page.context().clearCookies();
  await signIn(page, "bj_admin");
  await page.goto("/admin/audit?entityType=User");
  await expect(page.getByTestId("audit-row").first()).toBeVisible();
  await expect(page.getByTestId("audit-table")).not.toContainText("lf_e2e_clerk");
  await expect(page.getByTestId("audit-table")).not.toContainText("hb_admin");
});

test("a stale edit shows the conflict message and reloads to the current data", async ({ page, context }) => {
  await signIn(page, "hb_admin");
  const user = await createLangfangUser(page, "lf_e2e_conflict");
  await page.goto(`/admin/users/${user.id}`);
  const other = await context.newPage();
  await other.goto(`/admin/users/${user.id}`);

  await other.locator('input[name="displayName"]').fill("先改的名字");
  await other.getByTestId("save-user").click();
  await expect(other.getByTestId("action-success")).toHaveText("已保存");

  await page.locator('input[name="displayName"]').fill("后改的名字");
  await page.getByTestId("save-user").click();
  await expect(page.getByTestId("action-error")).toContainText("该记录已被他人修改，请刷新后重试");
  await page.getByTestId("action-error").getByRole("button", { name: "重新加载" }).click();
  await expect(page.locator('input[name="displayName"]')).toHaveValue("先改的名字");
  await expect(page.getByTestId("action-error")).toHaveCount(0);
  await other.close();
});

test("an admin unlocks and resets a fresh user, who must then change the password", async ({
  page,
  browser,
}, testInfo) => {
  await signIn(page, "hb_admin");
  const user = await createLangfangUser(page, "lf_e2e_locked");

  // The locked user's own browser: a separate context with the project's settings.
  const { baseURL, locale, timezoneId } = testInfo.project.use;
  const victimContext = await browser.newContext({ baseURL, locale, timezoneId });
  const victim = await victimContext.newPage();
  await victim.goto("/login");
  for (let i = 0; i < 6; i++) {
    await victim.locator('input[name="username"]').fill(user.username);
    await victim.locator('input[name="password"]').fill(`wrong-${i}`);
    await victim.locator('button[type="submit"]').click();
    await expect(victim.getByTestId("login-error")).toBeVisible();
  }
  await expect(victim.getByTestId("login-error")).toContainText("登录失败次数过多");

  await page.goto("/admin/users?status=LOCKED");
  await expect(page.locator('[data-testid="user-row"][data-username="lf_e2e_locked"]')).toContainText("已锁定");
  await page.goto(`/admin/users/${user.id}`);
  const status = page.getByTestId("status-section");
  await expect(status.getByTestId("status-locked")).toBeVisible();
  await status.getByTestId("unlock-user").click();
  await expect(status.getByTestId("status-active")).toBeVisible();

  const reset = page.getByTestId("reset-password-form");
  await reset.locator('input[name="password"]').fill("abc");
  await reset.getByTestId("reset-password").click();
  await expect(reset.getByText("密码至少 10 位，且须同时包含字母和数字")).toBeVisible();
  await reset.locator('input[name="password"]').fill("Temp-pass-2026");
  await reset.getByTestId("reset-password").click();
  await expect(page.getByTestId("action-success")).toContainText("密码已重置");
  await expect(page.locator('[data-testid="audit-row"][data-action="PASSWORD_RESET"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="audit-row"][data-action="UNLOCK"]')).toHaveCount(1);

  // The user signs in with the temporary password: every page leads to the change-password form,
  // and the API answers nothing but /me until the password is changed.
  await signIn(victim, user.username, "Temp-pass-2026");
  await expect(victim).toHaveURL(/\/profile#password$/);
  await expect(victim.getByText("首次登录或密码被重置后，请先修改密码")).toBeVisible();
  await victim.goto("/statistics");
  await expect(victim).toHaveURL(/\/profile#password$/);
  const blocked = await victim.request.get("/api/v1/regions?q=北京");
  expect(blocked.status()).toBe(403);
  expect((await blocked.json()).error.code).toBe("PASSWORD_CHANGE_REQUIRED");
  expect((await victim.request.get("/api/v1/me")).status()).toBe(200);
  const pw = victim.getByTestId("change-password-form");
  await pw.locator('input[name="currentPassword"]').fill("Temp-pass-2026");
  await pw.locator('input[name="newPassword"]').fill("Mine-for-good-9");
  await pw.locator('input[name="confirmPassword"]').fill("Mine-for-good-8");
  await pw.getByTestId("change-password-submit").click();
  await expect(pw.getByText("两次输入的密码不一致")).toBeVisible();
  await pw.locator('input[name="confirmPassword"]').fill("Mine-for-good-9");
  await pw.getByTestId("change-password-submit").click();
  await victim.waitForURL(/\/login/);
  await signIn(victim, user.username, "Mine-for-good-9");
  await expect(victim.getByText("首次登录或密码被重置后，请先修改密码")).toHaveCount(0);
  await victimContext.close();
});

test("the /users API is region-scoped and answers bad input with 400 naming the fields", async ({ page }) => {
  await signIn(page, "nhsa_admin");
  const everyone = await apiUsers(page.request);
  const bjAdmin = everyone.find((u) => u.username === "bj_admin");
  expect(bjAdmin, "nhsa_admin sees bj_admin").toBeDefined();
  expect(new Set(everyone.map((u) => u.bureau.regionCode.slice(0, 2)))).toEqual(
    new Set(["00", "11", "12", "13", "31", "32", "33", "34"]),
  );

  await page.context().clearCookies();
  await signIn(page, "hb_admin");
  const hebei = await apiUsers(page.request);
  expect(hebei.length).toBeGreaterThan(5);
  expect(hebei.filter((u) => !u.bureau.regionCode.startsWith("13"))).toEqual([]);

  const get = await page.request.get(`/api/v1/users/${bjAdmin!.id}`);
  expect(get.status()).toBe(404);
  expect((await get.json()).error.code).toBe("NOT_FOUND");
  const patch = await page.request.patch(`/api/v1/users/${bjAdmin!.id}`, {
    headers: SAME_ORIGIN,
    data: { roles: ["ANALYST"], version: bjAdmin!.version },
  });
  expect(patch.status()).toBe(404);
  const del = await page.request.delete(`/api/v1/users/${bjAdmin!.id}?version=${bjAdmin!.version}`, {
    headers: SAME_ORIGIN,
  });
  expect(del.status()).toBe(404);
  // The edit page does not reveal the user either.
  const editPage = await page.goto(`/admin/users/${bjAdmin!.id}`);
  expect(editPage?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();

  const empty = await page.request.post("/api/v1/users", { headers: SAME_ORIGIN, data: {} });
  expect(empty.status()).toBe(400);
  const body = (await empty.json()) as { error: { code: string; details: { field: string; message: string }[] } };
  expect(body.error.code).toBe("VALIDATION");
  expect(body.error.details.map((d) => d.field)).toEqual(
    expect.arrayContaining(["username", "bureauId", "roles", "password"]),
  );
  expect(body.error.details.every((d) => d.message.length > 0)).toBe(true);

  const malformed = await page.request.post("/api/v1/users", {
    // A Buffer goes on the wire as is (a string would be JSON-encoded by Playwright).
    data: Buffer.from('{"username": '),
    headers: { ...SAME_ORIGIN, "content-type": "application/json" },
  });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.details[0].field).toBe("body");

  const badQuery = await page.request.get("/api/v1/users?status=gone");
  expect(badQuery.status()).toBe(400);
  expect((await badQuery.json()).error.details[0].field).toBe("status");

  const noVersion = await page.request.delete(`/api/v1/users/${hebei[0]!.id}`, { headers: SAME_ORIGIN });
  expect(noVersion.status()).toBe(400);

  const me = await page.request.get("/api/v1/me");
  expect(await me.json()).toMatchObject({
    username: "hb_admin",
    bureau: { region: { code: "130000", name: "河北省" }, name: "河北省医疗保障局" },
    roles: ["ADMIN"],
  });
});

test("lf_analyst creates an API token, uses it, and revoking it ends access", async ({ page, request }) => {
  await signIn(page, "lf_analyst");
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "个人设置" })).toBeVisible();
  await page.getByTestId("new-token").click();
  const form = page.getByTestId("create-token-form");
  await form.locator('input[name="name"]').fill("廊坊结算系统对接");
  await form.locator('input[name="expiresInDays"]').fill("30");
  await form.getByTestId("create-token-submit").click();
  await expect(page.getByTestId("token-secret-warning")).toBeVisible();
  const secret = await page.getByTestId("token-secret").inputValue();
  expect(secret).toMatch(/^ybt_/);
  await dialogSettled(page);
  await shot(page, "profile-token-created-zh");
  await page.getByTestId("token-done").click();
  const row = page.locator('[data-testid="token-row"][data-name="廊坊结算系统对接"]');
  await expect(row).toHaveAttribute("data-status", "active");
  await expect(row).toContainText(secret.slice(0, 12));
  await expect(page.getByTestId("api-tokens")).not.toContainText(secret);

  // A fresh request context: no cookies, only the token.
  const auth = { headers: { Authorization: `Bearer ${secret}` } };
  const me = await request.get("/api/v1/me", auth);
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({
    username: "lf_analyst",
    bureau: { region: { code: "131000", name: "廊坊市" } },
    roles: ["ANALYST"],
  });
  expect((await request.get("/api/v1/users", auth)).status()).toBe(403);

  await page.reload();
  await expect(row).not.toContainText("从未使用");
  await shot(page, "profile-zh");

  await row.getByTestId("revoke-token").click();
  await page.getByTestId("confirm-revoke").click();
  await expect(row).toHaveAttribute("data-status", "revoked");
  expect((await request.get("/api/v1/me", auth)).status()).toBe(401);
});

test("a non-admin gets the 404 page for administration and 403 from the users API", async ({ page }) => {
  await signIn(page, "bj_analyst");
  for (const path of ["/admin/users", "/admin/audit"]) {
    const res = await page.goto(path);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  }
  const list = await page.request.get("/api/v1/users");
  expect(list.status()).toBe(403);
  expect((await list.json()).error.code).toBe("FORBIDDEN");
  const create = await page.request.post("/api/v1/users", { headers: SAME_ORIGIN, data: {} });
  expect(create.status()).toBe(403);
  // Their own account is theirs to read.
  const me = await page.request.get("/api/v1/me");
  expect((await me.json()).username).toBe("bj_analyst");
});

test("the audit log keeps its page number in the URL, and a reload stays on that page", async ({ page }) => {
  await signIn(page, "nhsa_admin");
  await page.goto("/admin/audit?pageSize=5");
  const pagination = page.getByTestId("pagination-page");
  await expect(pagination).toContainText("第 1 条到第 5 条");
  await pagination.getByRole("button", { name: /下一页|next page/i }).click();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(pagination).toContainText("第 6 条到第 10 条");
  const firstOnPage2 = await page.getByTestId("audit-row").first().textContent();
  await page.reload();
  await expect(page).toHaveURL(/[?&]page=2(&|$)/);
  await expect(pagination).toContainText("第 6 条到第 10 条");
  await expect(page.getByTestId("audit-row").first()).toHaveText(firstOnPage2 ?? "");
  // No entity shows as a bare UUID.
  await expect(page.getByTestId("audit-table")).not.toContainText(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/);
});
