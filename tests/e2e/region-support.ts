// Picking a region in the RegionPicker (components/ui/region-picker.tsx): type, then choose the
// suggestion with the wanted code.
import { expect, type Locator, type Page } from "@playwright/test";

export async function pickRegion(scope: Page | Locator, testId: string, text: string, code: string) {
  const field = scope.getByTestId(testId);
  const input = field.locator("input").first();
  await input.click();
  await input.fill(text);
  const page = "page" in scope ? scope.page() : scope;
  const option = page.locator(`[role="listbox"] li[data-code="${code}"]`).first();
  await expect(option).toBeVisible();
  await option.click();
}
