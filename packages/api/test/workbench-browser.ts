/**
 * What the workbench's browser tests share: finding a form's field and working Ant Design's
 * controls as a person does (by the visible Chinese label, typing a date).
 */
import type { Page } from 'playwright-core';

/** The form item (label, control and its error) holding the control with this id. */
export const item = (page: Page, id: string) =>
  page.locator('.ant-form-item', { has: page.locator(`[id="${id}"]`) });

/** Chooses an option of an Ant Design Select by its visible (Chinese) label. */
export const choose = async (page: Page, id: string, label: string): Promise<void> => {
  const search = page.locator(`[id="${id}"]`);
  await search.click();
  await search.fill(label);
  // The select's own list (antd names it `<id>_list`), not another select's list still closing.
  const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${id}_list"]`) });
  await dropdown.locator('.ant-select-item-option', { hasText: label }).first().click();
  // Chosen: the select now shows the option (its search text is cleared). The list may still be
  // animating closed on a busy machine; that is no matter — the next click waits until nothing
  // covers its target — so the test waits for the choice, not for the animation.
  await item(page, id).filter({ hasText: label }).waitFor();
};

/** Types a date into an Ant Design DatePicker and confirms it. */
export const pickDate = async (page: Page, id: string, day: string): Promise<void> => {
  const input = page.locator(`[id="${id}"]`);
  await input.click();
  await input.fill(day);
  await input.press('Enter');
};
