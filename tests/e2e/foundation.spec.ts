// Sign-in, the shell per role, language switch, lockout, sign-out, API authentication.
import { test, expect, signIn, shot, DEMO_PASSWORD } from "./support";

test("a signed-out browser is sent to the sign-in page", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  await expect(page.getByRole("heading", { name: "用户登录" })).toBeVisible();
  await shot(page, "login-zh");
  await page.getByTestId("language-switch").click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await shot(page, "login-en");
});

test("a wrong password is refused with a message that does not say which part was wrong", async ({ page }) => {
  await page.goto("/login");
  await page.locator('input[name="username"]').fill("hb_analyst");
  await page.locator('input[name="password"]').fill("not-the-password");
  await page.locator('button[type="submit"]').click();
  await expect(page.getByTestId("login-error")).toHaveText("用户名或密码错误");
  await page.locator('input[name="username"]').fill("no_such_user");
  await page.locator('button[type="submit"]').click();
  await expect(page.getByTestId("login-error")).toHaveText("用户名或密码错误");
});

test("a Hebei analyst sees the shell with Hebei scope and no administration", async ({ page }) => {
  await signIn(page, "hb_analyst");
  await expect(page.getByTestId("shell-scope")).toContainText("河北省医疗保障局");
  await expect(page.getByTestId("shell-scope")).toContainText("河北省");
  const nav = page.getByRole("navigation").last();
  await expect(nav.getByRole("link", { name: "统计分析" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "用户管理" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "投诉工单" })).toHaveCount(0);
  await shot(page, "shell-zh");

  await page.getByTestId("language-switch").first().click();
  await expect(page.getByTestId("shell-scope")).toContainText("Hebei Provincial Healthcare Security Bureau");
  await expect(nav.getByRole("link", { name: "Statistics" })).toBeVisible();
  await shot(page, "shell-en");
  await page.getByTestId("language-switch").first().click();
  await expect(nav.getByRole("link", { name: "统计分析" })).toBeVisible();

  // Pages of other jobs answer 404 rather than rendering.
  const res = await page.goto("/admin/audit");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});

test("a national admin sees every job area", async ({ page }) => {
  await signIn(page, "nhsa_admin");
  const nav = page.getByRole("navigation").last();
  for (const name of ["机构名录", "协议管理", "统计分析", "投诉工单", "用户管理", "审计日志", "行政区划"]) {
    await expect(nav.getByRole("link", { name })).toBeVisible();
  }
  await expect(page.getByTestId("shell-scope")).toContainText("国家医疗保障局");
  const res = await page.goto("/statistics");
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: "结算统计" })).toBeVisible();
});

test("five wrong passwords from one address make it wait: the sixth attempt, even right, is answered 429", async ({
  page,
}) => {
  await page.goto("/login");
  for (let i = 0; i < 5; i++) {
    await page.locator('input[name="username"]').fill("zj_complaint");
    await page.locator('input[name="password"]').fill(`wrong-${i}`);
    await page.locator('button[type="submit"]').click();
    // The same answer for every failure: nothing says whether the name exists.
    await expect(page.getByTestId("login-error")).toContainText("用户名或密码错误");
    await expect(page.getByTestId("login-error")).toBeVisible();
  }
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  const answer = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials"));
  await page.locator('button[type="submit"]').click();
  const res = await answer;
  expect(res.status()).toBe(429);
  expect(Number(res.headers()["retry-after"])).toBeGreaterThan(0);
  await expect(page.getByTestId("login-error")).toContainText("登录失败次数过多");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.locator('button[type="submit"]')).toBeEnabled();
  await page.mouse.move(0, 0);
  await shot(page, "login-locked-zh");
});

test("sign-out ends the session, also for a copy of its cookie taken before", async ({ page, playwright, baseURL }) => {
  await signIn(page, "sh_analyst");
  const saved = (await page.context().cookies()).filter((c) => c.name.includes("session-token"));
  expect(saved.length).toBeGreaterThan(0);
  const cookie = saved.map((c) => `${c.name}=${c.value}`).join("; ");
  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie } });
  expect((await replay.get("/api/v1/me")).status()).toBe(200);
  await page.getByTestId("user-menu").click();
  await page.getByTestId("sign-out").click();
  await page.waitForURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  // The stolen copy is refused server-side (the session row is revoked), not only forgotten by the browser.
  expect((await replay.get("/api/v1/me")).status()).toBe(401);
  await replay.dispose();
});

test("the API answers 401 JSON without credentials and serves its OpenAPI document", async ({ request }) => {
  const me = await request.get("/api/v1/me");
  expect(me.status()).toBe(401);
  expect((await me.json()).error.code).toBe("UNAUTHENTICATED");
  const bad = await request.get("/api/v1/me", { headers: { Authorization: "Bearer ybt_not-a-token" } });
  expect(bad.status()).toBe(401);
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  const body = await doc.json();
  expect(body.openapi).toBe("3.1.0");
  expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(["/me", "/users", "/users/{id}", "/regions"]));
  // A method the path does not take: JSON 405 naming what it takes, with Allow.
  const wrong = await request.fetch("/api/v1/me", { method: "DELETE" });
  expect(wrong.status()).toBe(405);
  expect(wrong.headers()["allow"]).toBe("GET");
  expect(await wrong.json()).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED", requestId: expect.any(String) } });
  const patchList = await request.fetch("/api/v1/institutions", { method: "PATCH", data: "{}" });
  expect(patchList.status()).toBe(405);
  expect(patchList.headers()["allow"]).toBe("GET, POST");
  // A path no route answers: the API's JSON 404 (not the console's HTML page), with its request id.
  for (const method of ["GET", "POST"] as const) {
    const none = await request.fetch("/api/v1/no-such-thing/42", {
      method,
      headers: { "x-request-id": "e2e-unknown-path" },
    });
    expect(none.status()).toBe(404);
    expect(none.headers()["content-type"]).toContain("application/json");
    expect(await none.json()).toMatchObject({
      error: {
        code: "NOT_FOUND",
        requestId: "e2e-unknown-path",
        message: expect.stringContaining(`${method} /api/v1/no-such-thing/42`),
      },
    });
  }
});

test("the API speaks English when asked", async ({ request }) => {
  const me = await request.get("/api/v1/me", { headers: { "Accept-Language": "en" } });
  expect((await me.json()).error.message).toBe("Please sign in first");
});

test("after sign-in a callbackUrl that would leave the console leads home instead", async ({ page, baseURL }) => {
  for (const evil of ["/%5Cevil.example", "/%09/evil.example", "//evil.example", "https://evil.example/"]) {
    await page.goto(`/login?callbackUrl=${evil}`);
    await page.locator('input[name="username"]').fill("sh_analyst");
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await page.context().clearCookies();
  }
  // A path of the console itself is kept.
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/regions?code=130000")}`);
  await page.locator('input[name="username"]').fill("sh_analyst");
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/regions\?code=130000/);
});

test("a server action posted from another site is refused with 403, not 500", async ({ page }) => {
  await signIn(page, "sh_analyst");
  const res = await page.request.post("/profile", {
    headers: {
      "next-action": "0000000000000000000000000000000000000000",
      origin: "http://evil.example",
      "content-type": "text/plain;charset=UTF-8",
    },
    data: "[]",
  });
  expect(res.status()).toBe(403);
});
