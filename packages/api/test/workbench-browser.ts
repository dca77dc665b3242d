/**
 * What the workbench's browser tests share: the API on the demo region with the built workbench and a
 * new officer's account (created by the leading-group office over HTTP), chromium, signing in, and
 * working Ant Design's controls as a person does (by the visible Chinese label, typing a date).
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WORKBENCH_DIST } from '../src/workbench/workbench-files';
import { CHROMIUM, CHROMIUM_ARGS, haveChromium } from './chromium';
import { authFor, request, startTestApp } from './support';

/** Where the screenshots go (packages/workbench/test-artifacts/, ignored by git). */
export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'workbench', 'test-artifacts');
/** The demo region's today. */
export const TODAY = '2024-10-31';

/** Whether the test can run (chromium and the built workbench); if not, it says why and is skipped. */
export const canRunWorkbench = (which: string): boolean => {
  const withChromium = haveChromium(which);
  const built = existsSync(path.join(WORKBENCH_DIST, 'index.html'));
  if (withChromium && !built)
    console.warn(`SKIPPED: ${which} needs the built workbench: run \`npm run build\` first.`);
  return withChromium && built;
};

/** An officer's account the leading-group office creates. */
export interface NewOfficer {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly unitId: string;
}

/** The demo region on an ephemeral port, chromium, and the new officer's account. */
export const startWorkbenchInBrowser = async (officer: NewOfficer) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const t = await startTestApp({ seedDemo: true }, TODAY);
  await t.z.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.z.app.getHttpServer().address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const { unitId, ...account } = officer;
  const created = await request(t.http)
    .post('/accounts')
    .set(await authFor('leading-group-office'))
    .send({ ...account, role: 'investment-officer', unitId });
  expect(created.status).toBe(201);
  return {
    t,
    base,
    browser,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
};

/** Signs in on the workbench's page as a person does, and waits for the signed-in header. */
export const signIn = async (
  page: Page,
  base: string,
  officer: NewOfficer,
  beforeSubmit?: () => Promise<unknown>,
): Promise<void> => {
  await page.goto(`${base}/workbench/`);
  await page.locator('#username').fill(officer.username);
  await page.locator('#password').fill(officer.password);
  await beforeSubmit?.();
  await page.locator('[data-sign-in]').click();
  await page.locator(`[data-user="${officer.username}"]`).waitFor();
};

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
