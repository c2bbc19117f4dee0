// The institution roster screens: a Hebei roster manager searches and filters the grid, reads
// and edits a Langfang institution (and sees its history), imports a small file with a broken
// row, and opens the coverage panel; a Beijing roster manager sees Hebei records read-only and
// is refused when writing through the API.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect, fillDate, signIn, shot, SAME_ORIGIN } from "./support";

interface ApiInstitution {
  code: string;
  name: string;
  phone: string | null;
  version: number;
  region: { code: string; name: string };
  services: { service: string }[];
}

async function apiList(request: APIRequestContext, query: string) {
  const res = await request.get(`/api/v1/institutions?${query}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as { total: number; items: ApiInstitution[] };
}

async function switchLanguage(page: Page, heading: string | RegExp) {
  await page.getByTestId("language-switch").first().click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

/** DataGrid rows (the header row excluded). */
const gridRows = (page: Page) => page.getByTestId("roster-grid").locator(".MuiDataGrid-row");

/** "共 1,234 家机构" → 1234 */
async function shownTotal(page: Page) {
  const text = (await page.getByTestId("roster-total").textContent()) ?? "";
  return Number(text.replace(/[^\d]/g, ""));
}

test.describe("institution roster", () => {
  test("hb_roster: search, filter by region and type, paging in the URL, both languages", async ({ page }) => {
    await signIn(page, "hb_roster");
    await page.goto("/facilities");
    await expect(page.getByRole("heading", { level: 1, name: "定点医药机构名录" })).toBeVisible();
    await expect(gridRows(page).first()).toBeVisible();
    // The list opens on the bureau's own province (河北); one click widens it to the country.
    await expect(page.getByTestId("scope-own")).toHaveAttribute("aria-current", "true");
    await expect(page.getByTestId("filter-region").locator("input").first()).toHaveValue("河北省");
    expect(await shownTotal(page)).toBe((await apiList(page.request, "region=130000&pageSize=1")).total);
    await page.getByTestId("scope-national").click();
    await expect(page).toHaveURL(/region=all/);
    await expect(page.getByTestId("scope-national")).toHaveAttribute("aria-current", "true");
    const all = await shownTotal(page);
    expect(all).toBeGreaterThan(1000);
    expect(all).toBe((await apiList(page.request, "pageSize=1")).total);

    // A Chinese fragment matches the name (nationwide: the Beijing hospital is found).
    await page.getByTestId("filter-q").locator("input").fill("友谊");
    await page.getByTestId("filter-q").locator("input").press("Enter");
    await expect(page).toHaveURL(/q=%E5%8F%8B%E8%B0%8A/);
    // 北京友谊医院 is the short name of 首都医科大学附属北京友谊医院 (H11010200001).
    const youyi = page
      .getByTestId("roster-grid")
      .locator(".MuiDataGrid-row[data-id]")
      .filter({ hasText: "北京友谊医院" })
      .first();
    await expect(youyi).toContainText("首都医科大学附属北京友谊医院");
    await expect(youyi).toContainText("H11010200001");
    expect(await shownTotal(page)).toBeLessThan(200);

    // Region picker: type a name, pick the suggestion; then a type.
    await page.getByRole("button", { name: "重置" }).click();
    await expect(page).not.toHaveURL(/q=/);
    await page.getByTestId("filter-region").locator("input").fill("廊坊");
    await page.getByRole("option").filter({ hasText: "131000" }).first().click();
    await expect(page).toHaveURL(/region=131000/);
    await page.getByTestId("filter-type").click();
    await page.getByRole("option", { name: "医院", exact: true }).click();
    await expect(page).toHaveURL(/type=HOSPITAL/);
    const api = await apiList(page.request, "region=131000&type=HOSPITAL&pageSize=1");
    expect(api.total).toBeGreaterThan(0);
    await expect.poll(() => shownTotal(page)).toBe(api.total);
    await expect(gridRows(page).first()).toContainText("医院");
    // Export links carry the same filter.
    await expect(page.getByTestId("export-csv")).toHaveAttribute("href", /format=csv.*region=131000.*type=HOSPITAL/);
    await expect(page.getByTestId("export-xlsx")).toHaveAttribute("href", /format=xlsx/);

    // Sorting by name descending and the second page, all in the URL.
    await page.getByRole("columnheader", { name: "机构名称" }).click();
    await expect(page).toHaveURL(/sort=-?name/);
    await expect(page.getByTestId("roster-grid")).toContainText("每页行数");
    await page.getByTestId("roster-total").click();
    await shot(page, "facilities-grid-zh");

    await switchLanguage(page, "Designated institutions and pharmacies");
    await expect(page.getByRole("columnheader", { name: "Cross-region services" })).toBeVisible();
    await expect(page.getByTestId("roster-total")).toContainText("institutions");
    await shot(page, "facilities-grid-en");
    await switchLanguage(page, "定点医药机构名录");

    await page.goto("/facilities?region=131000&page=2&pageSize=20");
    await expect(gridRows(page)).toHaveCount(20);
    // A bad filter value is ignored with a notice, not an error page.
    await page.goto("/facilities?type=NOPE&level=LEVEL_3");
    await expect(page.getByTestId("filter-invalid")).toContainText("type");
    await expect(gridRows(page).first()).toBeVisible();
  });

  test("hb_roster edits a Langfang institution under maker-checker; hb_roster2 approves, and the history shows both", async ({
    page,
  }) => {
    await signIn(page, "hb_roster");
    const { items } = await apiList(
      page.request,
      "region=131000&type=HOSPITAL&level=LEVEL_2&status=ACTIVE&service=INPATIENT&pageSize=1",
    );
    const inst = items[0]!;
    await page.goto("/facilities?region=131000&type=HOSPITAL&level=LEVEL_2&status=ACTIVE&service=INPATIENT");
    await page.getByTestId("roster-grid").getByRole("link", { name: inst.name, exact: true }).first().click();
    await expect(page).toHaveURL(new RegExp(`/facilities/${inst.code}$`));
    await expect(page.getByRole("heading", { level: 1, name: inst.name })).toBeVisible();
    await expect(page.getByTestId("institution-record")).toContainText("廊坊市");
    await expect(
      page.getByTestId("service-periods").locator('[data-service="INPATIENT"][data-open="true"]'),
    ).toBeVisible();
    await expect(page.getByTestId("history-entry").first()).toBeVisible();
    await expect(page.getByTestId("institution-actions")).toBeVisible();

    // Services on a date before designation: not designated yet.
    await fillDate(page.getByTestId("services-on-date"), "1990-01-01");
    await page.getByTestId("services-on-submit").click();
    await expect(page).toHaveURL(/on=1990-01-01/);
    await expect(page.getByTestId("services-on-result")).toContainText("1990-01-01 尚未定点");

    // Edit: a bad phone first (message under the field), then a good one — the Hebei bureau
    // runs maker-checker, so the change waits for a second roster manager.
    await page.getByTestId("edit-institution").click();
    await expect(page).toHaveURL(new RegExp(`/facilities/${inst.code}/edit$`));
    await page.getByTestId("field-phone").fill("abc");
    await page.getByTestId("form-submit").click();
    await expect(page.getByTestId("form-error")).toContainText("提交的内容有误");
    await expect(page.getByText("电话只能包含数字")).toBeVisible();
    await expect(page.getByTestId("field-phone")).toHaveAttribute("aria-invalid", "true");
    await page.getByTestId("field-phone").fill("0316-5550123");
    await page.getByTestId("field-address").fill("河北省廊坊市广阳区测试路 8 号");
    await page.getByTestId("form-submit").click();
    await expect(page.getByTestId("form-pending")).toContainText("待本局另一名名录管理员审核");

    // A status change waits too; the maker cannot check their own changes.
    await page.goto(`/facilities/${inst.code}`);
    await expect(page.getByTestId("field-phone")).not.toHaveText("0316-5550123");
    await page.getByTestId("change-status").click();
    await page.getByTestId("command-status").click();
    await page.getByRole("option", { name: "暂停" }).click();
    await page.getByTestId("command-submit").click();
    await expect(page.getByTestId("dialog-changeStatus")).toContainText("必填");
    await page.getByTestId("command-reason").fill("年度考核整改");
    await page.getByTestId("command-submit").click();
    await expect(page.getByTestId("action-notice")).toContainText("待本局另一名名录管理员审核");
    await expect(page.getByTestId("pending-change")).toHaveCount(2);
    await expect(page.getByTestId("pending-changes")).toContainText("本人提交，不能自审");
    await expect(page.getByTestId("approve-change")).toHaveCount(0);

    // The checker approves the edit from the detail page.
    await page.context().clearCookies();
    await signIn(page, "hb_roster2");
    await page.goto(`/facilities/${inst.code}`);
    const edit = page.getByTestId("pending-change").filter({ hasText: "联系电话" });
    await expect(edit).toContainText("0316-5550123");
    await edit.getByTestId("approve-change").click();
    await page.getByTestId("decision-dialog").getByTestId("dialog-submit").click();
    await expect(page.getByTestId("field-phone")).toHaveText("0316-5550123");
    const history = page.getByTestId("institution-history");
    const phone = history.locator('[data-testid="history-entry"][data-field="phone"]').first();
    await expect(phone).toContainText("0316-5550123");
    await expect(phone).toContainText("何军 (hb_roster2)");
    await expect(phone).toContainText("提交人：郭婷 (hb_roster)");
    await expect(history.locator('[data-testid="history-entry"][data-field="address"]').first()).toContainText(
      "测试路 8 号",
    );
    await expect(page.getByTestId("pending-change")).toHaveCount(1);
    await shot(page, "facility-detail-zh");

    await switchLanguage(page, inst.name);
    await expect(page.getByTestId("institution-history")).toContainText("History");
    await expect(page.getByTestId("pending-changes")).toContainText("Status change");
    await shot(page, "facility-detail-en");
    await switchLanguage(page, inst.name);

    // Rejecting needs a comment.
    const status = page.getByTestId("pending-change").filter({ hasText: "年度考核整改" });
    await status.getByTestId("reject-change").click();
    const decision = page.getByTestId("decision-dialog");
    await decision.getByTestId("dialog-submit").click();
    await expect(decision).toContainText("驳回时须填写意见");
    await shot(page, "facility-decision-dialog-zh");
    await decision.getByTestId("decision-comment").fill("整改材料不全");
    await decision.getByTestId("dialog-submit").click();
    await expect(page.getByTestId("pending-change")).toHaveCount(0);
    await expect(page.getByTestId("field-status")).toContainText("正常");

    // A stale version is a conflict.
    const res = await page.request.patch(`/api/v1/institutions/${inst.code}`, {
      headers: SAME_ORIGIN,
      data: { phone: "0316-1", version: inst.version },
    });
    expect(res.status()).toBe(409);
  });

  test("hb_roster imports a file with a broken row (dry run, apply); hb_roster2 approves; the new institution is searchable", async ({
    page,
  }) => {
    await signIn(page, "hb_roster");
    await page.goto("/facilities/import");
    await expect(page.getByTestId("import-columns")).toContainText("designated_since");
    await expect(page.getByTestId("import-template")).toHaveAttribute("href", /^data:text\/csv/);

    const csv = [
      "code,name,short_name,type,level,grade,ownership,region_code,address,phone,status,designated_since,services",
      'H13100299901,廊坊市导入测试医院,导入测试,HOSPITAL,LEVEL_2,B,PUBLIC,131002,河北省廊坊市安次区测试路1号,0316-2999901,ACTIVE,2021-03-01,"INPATIENT@2021-03-01;CHRONIC:HYPERTENSION,DIABETES@2022-01-01"',
      "H13100299902,廊坊市导入错误医院,,HOSPITAL,LEVEL_2,,PUBLIC,131002,,,ACTIVE,2021-13-45,INPATIENT",
    ].join("\r\n");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roster-import-"));
    const file = path.join(dir, "roster-langfang.csv");
    fs.writeFileSync(file, `\uFEFF${csv}`, "utf8");
    await page.getByTestId("import-file").setInputFiles(file);
    await expect(page.getByTestId("import-file-name")).toContainText("roster-langfang.csv");
    await page.getByTestId("import-dry-run").click();
    await expect(page.getByTestId("import-report")).toBeVisible();
    await expect(page.getByTestId("import-count-totalRows")).toHaveAttribute("data-value", "2");
    await expect(page.getByTestId("import-count-new")).toHaveAttribute("data-value", "1");
    await expect(page.getByTestId("import-count-rejected")).toHaveAttribute("data-value", "1");
    const broken = page.locator('[data-testid="import-error"][data-row="3"]').filter({ hasText: "designated_since" });
    await expect(broken).toHaveCount(1);
    await expect(broken).toContainText("H13100299902");
    await expect(broken).toContainText("日期");
    await shot(page, "facilities-import-report-zh");

    await switchLanguage(page, "Designated institutions and pharmacies");
    await expect(
      page.locator('[data-testid="import-error"][data-row="3"]').filter({ hasText: "designated_since" }),
    ).toContainText("valid date");
    await shot(page, "facilities-import-report-en");
    await switchLanguage(page, "定点医药机构名录");

    await page.getByTestId("import-apply").click();
    await expect(page.getByTestId("import-result")).toContainText("已提交审核");
    fs.rmSync(dir, { recursive: true, force: true });

    // The second roster manager approves the import in the pending-changes inbox.
    await page.context().clearCookies();
    await signIn(page, "hb_roster2");
    await page.goto("/facilities/changes");
    const req = page.getByTestId("change-request").filter({ hasText: "批量导入" });
    await expect(req).toContainText("新增 1");
    await req.getByTestId("approve-change").click();
    await page.getByTestId("decision-dialog").getByTestId("dialog-submit").click();
    await expect(page.getByTestId("change-request").filter({ hasText: "批量导入" })).toHaveCount(0);

    await page.goto(`/facilities?q=${encodeURIComponent("导入测试")}`);
    await page.getByTestId("roster-grid").getByRole("link", { name: "廊坊市导入测试医院" }).click();
    await expect(page.getByTestId("service-periods").locator('[data-service="CHRONIC"]')).toContainText(
      "高血压、糖尿病",
    );
    await expect(page.getByTestId("institution-history")).toContainText("批量导入");
    expect((await apiList(page.request, "q=H13100299902")).total).toBe(0);
  });

  test("hb_roster: coverage panel for 廊坊市 (131000)", async ({ page }) => {
    await signIn(page, "hb_roster");
    await page.goto("/facilities/coverage?region=131000");
    await expect(page.getByTestId("coverage-region-name")).toContainText("廊坊市");
    expect(Number(await page.getByTestId("coverage-institutions").getAttribute("data-value"))).toBeGreaterThan(0);
    expect(Number(await page.getByTestId("coverage-service-INPATIENT").getAttribute("data-value"))).toBeGreaterThan(0);
    await expect(page.getByTestId("coverage-child").first()).toBeVisible();
    await expect(page.getByTestId("coverage-gaps")).toContainText("门诊慢特病");
    await shot(page, "facilities-coverage-zh");
    await switchLanguage(page, "Designated institutions and pharmacies");
    await expect(page.getByTestId("coverage-by-type")).toContainText("Hospital");
    await shot(page, "facilities-coverage-en");
    await switchLanguage(page, "定点医药机构名录");
    // Picking another region through the field.
    await page.getByTestId("coverage-region").locator("input").fill("张家口");
    await page.getByRole("option").filter({ hasText: "130700" }).first().click();
    await expect(page).toHaveURL(/region=130700/);
    await expect(page.getByTestId("coverage-region-name")).toContainText("张家口市");
  });

  test("bj_roster: a Hebei institution is read-only, and a direct PATCH is refused", async ({ page }) => {
    await signIn(page, "bj_roster");
    const { items } = await apiList(page.request, "region=131000&pageSize=1");
    const inst = items[0]!;
    await page.goto(`/facilities/${inst.code}`);
    await expect(page.getByRole("heading", { level: 1, name: inst.name })).toBeVisible();
    await expect(page.getByTestId("read-only-notice")).toBeVisible();
    await expect(page.getByTestId("edit-institution")).toHaveCount(0);
    await expect(page.getByTestId("change-status")).toHaveCount(0);

    const edit = await page.goto(`/facilities/${inst.code}/edit`);
    expect(edit?.status()).toBe(404);

    const res = await page.request.patch(`/api/v1/institutions/${inst.code}`, {
      headers: SAME_ORIGIN,
      data: { phone: "010-0000000", version: inst.version },
    });
    expect([403, 404]).toContain(res.status());
    const cmd = await page.request.post(`/api/v1/institutions/${inst.code}`, {
      headers: SAME_ORIGIN,
      data: { action: "CHANGE_STATUS", status: "SUSPENDED", reason: "越权测试", version: inst.version },
    });
    expect([403, 404]).toContain(cmd.status());
    const after = (await (await page.request.get(`/api/v1/institutions/${inst.code}`)).json()) as ApiInstitution & {
      status: string;
    };
    expect(after.phone).toBe(inst.phone);
    expect(after.version).toBe(inst.version);
    expect(after.status).not.toBe("SUSPENDED");

    // A Beijing institution of their own is editable.
    const own = await apiList(page.request, "q=%E5%8F%8B%E8%B0%8A&region=110000&pageSize=1");
    await page.goto(`/facilities/${own.items[0]!.code}`);
    await expect(page.getByTestId("edit-institution")).toBeVisible();
  });
});
