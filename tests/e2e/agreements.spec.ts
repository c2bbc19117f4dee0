// Agreements: a Hebei agreement officer browses the registry (list, detail, matrix) in both
// languages and approves a draft; a Shanghai officer cannot act on a 京津冀 agreement; any
// signed-in user (here an analyst) asks "can this patient settle here?" and follows the permalink.
import { test, expect, fillDate, signIn, shot, SAME_ORIGIN } from "./support";
import { pickRegion } from "./region-support";

test.describe("agreement registry", () => {
  test("hb_agreement: list, filter, detail, matrix in zh-CN and en", async ({ page }) => {
    await signIn(page, "hb_agreement");
    await page.goto("/agreements");
    await expect(page.getByRole("heading", { level: 1, name: "协议管理" })).toBeVisible();
    const list = page.getByTestId("agreement-list");
    await expect(list.locator('tr[data-number="JJJ-2022-01"]')).toContainText("京津冀区域内二级及以上定点医疗机构互认");
    await expect(list.locator('tr[data-number="JJJ-2019-01"]')).toContainText("已到期");
    await expect(list.locator('tr[data-number="JJJ-2026-01"]')).toContainText("草稿");
    await shot(page, "agreements-list-zh");

    // Filters live in the URL.
    await page.goto("/agreements?party=310000");
    await expect(list.locator("tbody tr")).toHaveCount(2);
    await expect(list).toContainText("CSJ-2021-01");
    // The party filter is the region picker: it names 上海市, and takes a name or pinyin, not a code.
    await expect(page.getByTestId("filter-party").locator("input").first()).toHaveValue("上海市");
    await page.goto("/agreements");
    await pickRegion(page, "filter-party", "shanghai", "310000");
    await expect(page).toHaveURL(/party=310000/);
    await expect(list.locator("tbody tr")).toHaveCount(2);
    await page.goto("/agreements?type=FILING_FREE&date=2023-03-01");
    await expect(list.locator("tbody tr")).toHaveCount(1);
    await expect(list).toContainText("HB-2023-01");

    await page.goto("/agreements");
    await list.getByRole("link", { name: "HB-2020-01" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("河北省异地就医定点京津医疗机构");
    await expect(page.getByTestId("agreement-parties")).toContainText("河北省 · 参保地");
    await expect(page.getByTestId("agreement-timeline")).toContainText("2020-07-01 · 批准生效 → 有效");
    await expect(page.getByTestId("covered-institutions")).toContainText("共 30 条");
    await expect(page.getByTestId("ratio-rules")).toContainText("转诊");
    await shot(page, "agreement-detail-zh");

    await page.goto("/agreements/matrix?date=2024-05-01");
    const matrix = page.getByTestId("region-matrix");
    await expect(matrix.locator('tr[data-home="130000"] td[data-visit="110000"]')).toContainText("HB-2023-01");
    await expect(matrix.locator('tr[data-home="110000"] td[data-visit="130000"]')).not.toContainText("HB-2023-01");
    await shot(page, "agreements-matrix-zh");

    await page.goto("/agreements/expiring");
    await expect(page.getByTestId("expiring-list")).toContainText("CSJ-2022-02");

    await page.goto("/agreements");
    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("heading", { level: 1, name: "Agreements" })).toBeVisible();
    await expect(list.locator('tr[data-number="JJJ-2019-01"]')).toContainText("Expired");
    await shot(page, "agreements-list-en");
    await list.getByRole("link", { name: "HB-2020-01" }).click();
    await expect(page.getByTestId("agreement-timeline")).toContainText("Approve & activate → Active");
    await shot(page, "agreement-detail-en");
    await page.goto("/agreements/matrix?date=2024-05-01");
    await expect(page.getByRole("heading", { level: 1, name: "Region matrix" })).toBeVisible();
    await shot(page, "agreements-matrix-en");
    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("heading", { level: 1, name: "地区关联矩阵" })).toBeVisible();
  });

  test("hb_agreement approves the draft; activation still waits for 天津市", async ({ page }) => {
    await signIn(page, "hb_agreement");
    await page.goto("/agreements?q=JJJ-2026-01");
    await page.getByTestId("agreement-list").getByRole("link", { name: "JJJ-2026-01" }).click();
    await expect(page.getByTestId("agreement-approvals")).toContainText("待 天津市 批准");
    await expect(page.getByTestId("agreement-approvals")).toContainText("待 河北省 批准");
    await page.getByTestId("action-ACTIVATE").click();
    await page.getByTestId("confirm-transition").click();
    await expect(page.getByTestId("transition-message")).toContainText("仍待其他参与方批准");
    await expect(page.getByTestId("agreement-approvals")).toContainText("河北省：高峰");
    await expect(page.getByTestId("agreement-approvals")).not.toContainText("待 河北省 批准");
    await expect(page.getByTestId("agreement-status")).toHaveText("草稿");
  });

  test("hb_agreement edits HB-2020-01: all 30 listed hospitals load into the form, in zh-CN and en", async ({
    page,
  }) => {
    await signIn(page, "hb_agreement");
    await page.goto("/agreements?q=HB-2020-01");
    await page.getByTestId("agreement-list").getByRole("link", { name: "HB-2020-01" }).click();
    await page.getByTestId("edit-agreement").click();
    const codes = page.getByTestId("field-institutionCodes");
    await expect(codes).toBeVisible();
    const listed = (await codes.inputValue()).split(/\s+/).filter(Boolean);
    expect(listed).toHaveLength(30);
    expect(new Set(listed).size).toBe(30);
    await expect(page.getByText("共 30 家")).toBeVisible();
    await shot(page, "agreement-edit-zh");
    await page.getByTestId("language-switch").click();
    await expect(page.getByText("30 listed")).toBeVisible();
    await shot(page, "agreement-edit-en");
  });

  test("sh_agreement sees no actions on a 京津冀 agreement and the API answers 403", async ({ page }) => {
    await signIn(page, "sh_agreement");
    // The list opens on agreements concerning 上海; the 京津冀 one is found nationwide.
    await page.goto("/agreements?q=JJJ-2026-01");
    await expect(page.getByTestId("agreement-list")).toHaveCount(0);
    await page.getByTestId("scope-national").click();
    await expect(page).toHaveURL(/party=all/);
    await page.getByTestId("agreement-list").getByRole("link", { name: "JJJ-2026-01" }).click();
    await expect(page.getByTestId("agreement-overview")).toBeVisible();
    await expect(page.getByTestId("agreement-actions")).toHaveCount(0);
    await expect(page.getByTestId("edit-agreement")).toHaveCount(0);
    const id = page.url().split("/").pop()!;
    const detail = await (await page.request.get(`/api/v1/agreements/${id}`)).json();
    const patch = await page.request.patch(`/api/v1/agreements/${id}`, {
      headers: SAME_ORIGIN,
      data: { notes: "上海修改", version: detail.version },
    });
    expect(patch.status()).toBe(403);
    const act = await page.request.post(`/api/v1/agreements/${id}/transitions`, {
      headers: SAME_ORIGIN,
      data: { action: "ACTIVATE", version: detail.version },
    });
    expect(act.status()).toBe(403);
    // A 长三角 agreement is theirs to act on.
    await page.goto("/agreements?q=CSJ-2021-01");
    await page.getByTestId("agreement-list").getByRole("link", { name: "CSJ-2021-01" }).click();
    await expect(page.getByTestId("action-SUSPEND")).toBeVisible();
  });
});

test.describe("eligibility check", () => {
  test("hb_analyst: a Hebei insured in 北京协和医院, 2024-05-01 — three agreements, filing-free; permalink replays", async ({
    page,
  }) => {
    await signIn(page, "hb_analyst");
    await page.goto("/agreements/check");
    await expect(page.getByRole("heading", { level: 1, name: "结算资格查询" })).toBeVisible();
    const form = page.getByTestId("eligibility-form");
    await pickRegion(form, "check-institution", "协和", "H11010100001");
    await pickRegion(form, "check-homeRegion", "sjz", "130100");
    await fillDate(form.getByTestId("check-date"), "2024-05-01");
    await form.locator('select[name="filingType"]').selectOption("EMERGENCY");
    await page.getByTestId("eligibility-submit").click();
    await expect(page).toHaveURL(/institution=H11010100001/);
    await expect(page.getByTestId("eligibility-verdict")).toHaveText("可以直接结算");
    await expect(page.getByTestId("eligibility-filing")).toHaveText("无需备案");
    const basis = page.getByTestId("eligibility-basis");
    for (const n of ["HB-2020-01", "JJJ-2022-01", "HB-2023-01"]) await expect(basis).toContainText(n);
    await expect(page.getByTestId("eligibility-reasons")).toContainText("协议 JJJ-2019-01 已于 2023-12-31 到期");
    await expect(page.getByText("支付比例最多降低 5 个百分点")).toBeVisible();
    await shot(page, "eligibility-zh");

    const permalink = await page.getByTestId("eligibility-permalink").getAttribute("href");
    expect(permalink).toContain("asOf=");
    await page.goto(permalink!);
    await expect(page.getByTestId("eligibility-verdict")).toHaveText("可以直接结算");

    // Before the filing-free agreement: filing required.
    await page.goto("/agreements/check?institution=H11010100001&homeRegion=130100&service=INPATIENT&date=2022-06-01");
    await expect(page.getByTestId("eligibility-filing")).toHaveText("需办理异地就医备案");
    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("heading", { level: 1, name: "Eligibility check" })).toBeVisible();
    await page.goto(
      "/agreements/check?institution=H11010100001&homeRegion=130100&service=INPATIENT&date=2024-05-01&filingType=EMERGENCY",
    );
    await expect(page.getByTestId("eligibility-verdict")).toHaveText("Direct settlement possible");
    await expect(page.getByTestId("eligibility-reasons")).toContainText("Agreement JJJ-2019-01 expired on 2023-12-31");
    await shot(page, "eligibility-en");
    await page.getByTestId("language-switch").click();
    await expect(page.getByRole("heading", { level: 1, name: "结算资格查询" })).toBeVisible();
  });

  test("the API answers the same question", async ({ page }) => {
    await signIn(page, "hb_analyst");
    const res = await page.request.get(
      "/api/v1/eligibility?institution=H11010100001&homeRegion=130100&service=INPATIENT&date=2024-05-01",
    );
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ eligible: true, filingRequired: false });
    expect(body.basis.map((b: { number: string }) => b.number)).toEqual(["HB-2020-01", "JJJ-2022-01", "HB-2023-01"]);
  });
});
