// No institution-code input: the dashboard's institution filter and the complaint form's
// institution field search the roster by name or code and show the name (code in small type).
import { test, expect, signIn, shot } from "./support";
import { pickRegion } from "./region-support";

const CODE = "H11010100001";
const NAME = "中国医学科学院北京协和医院";

test("dashboard: 协和 by name and by code filters ?institution=H11010100001, the field shows the name", async ({
  page,
}) => {
  await signIn(page, "nhsa_analyst");
  for (const typed of ["协和", CODE]) {
    await page.goto("/statistics");
    await pickRegion(page, "stats-institution", typed, CODE);
    await expect(page.getByTestId("stats-institution").locator("input").first()).toHaveValue(NAME);
    await page.getByTestId("stats-apply").click();
    await expect(page).toHaveURL(new RegExp(`institution=${CODE}(&|$)`));
  }
  // A code from the URL is shown by name, the code under it.
  await expect(page.getByTestId("stats-institution").locator("input").first()).toHaveValue(NAME);
  await expect(page.getByTestId("stats-institution")).toContainText(CODE);
  await shot(page, "institution-picker-dashboard-zh");
});

test("complaint form: the institution is picked by name and saved with its code and roster name", async ({ page }) => {
  await signIn(page, "bj_complaint");
  await page.goto("/complaints/new");
  const form = page.getByTestId("complaint-form");
  await form.locator('input[name="complainantName"]').fill("王建军");
  await pickRegion(form, "field-homeRegionCode", "河北", "130000");
  await expect(form.locator('input[name="institutionName"]')).toBeVisible();
  await pickRegion(form, "field-institution", "协和", CODE);
  // A listed institution takes its name from the roster: the free-text name is gone.
  await expect(form.locator('input[name="institutionName"]')).toHaveCount(0);
  await form.locator('textarea[name="description"]').fill("异地住院结算失败");
  await shot(page, "institution-picker-complaint-zh");
  await form.getByTestId("complaint-submit").click();
  await page.waitForURL(/\/complaints\/TS-\d{4}-\d{6}$/);
  const number = page.url().split("/").pop()!;
  const saved = (await (await page.request.get(`/api/v1/complaints/${number}`)).json()) as {
    institutionCode: string;
    institutionName: string;
  };
  expect(saved).toMatchObject({ institutionCode: CODE, institutionName: NAME });
});
