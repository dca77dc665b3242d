/**
 * What the dashboard's browser tests share: Debian's chromium (scripts/ensure-chromium.sh, or
 * CHROMIUM_PATH) driven by playwright-core, the API on the demo region on an ephemeral port, and the
 * folder their screenshots go to (.artifacts/, ignored by git).
 */
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEV_API_KEYS, DEV_DASHBOARD_KEY, parseApiKeys } from '../src/config';
import { DeadlineWatcher } from '../src/watcher/deadline-watcher';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium';
import { request, startTestApp } from './support';

export { haveChromium } from './chromium';

export const ARTIFACTS = path.resolve(__dirname, '..', '..', '..', '.artifacts');
/** The demo region's today (`DEMO_TODAY`). */
export const TODAY = '2024-10-31';

/**
 * The demo region on the built-in development keys (so the page pre-fills the read-only key), after
 * one pass of the deadline watcher (as `npm start` runs it), listening on an ephemeral port, and a
 * chromium to look at it.
 */
export const startDemoInBrowser = async () => {
  const t = await startTestApp({ seedDemo: true, apiKeys: parseApiKeys(DEV_API_KEYS) }, TODAY);
  await t.z.app.get(DeadlineWatcher).runOnce();
  const [head] = await t.z.store.readAll({ direction: 'backwards', maxCount: 1 });
  expect(await t.z.readModels.waitFor(head!.globalPosition, 10_000)).toBe(true);
  await t.z.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.z.app.getHttpServer().address() as AddressInfo).port}`;
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  /** The API's own answer with the page's read-only key. */
  const get = async <T>(url: string): Promise<T> => {
    const res = await request(t.http).get(url).set('x-api-key', DEV_DASHBOARD_KEY);
    expect([url, res.status]).toEqual([url, 200]);
    return res.body.data as T;
  };
  return {
    t,
    base,
    browser,
    get,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
};

/** The page's size and where its boxes end, measured in the browser (the tests have no DOM types). */
export interface Layout {
  readonly innerWidth: number;
  readonly innerHeight: number;
  /** `document.documentElement.scrollWidth` / `scrollHeight`, and the body's scrollWidth. */
  readonly scrollWidth: number;
  readonly scrollHeight: number;
  readonly bodyScrollWidth: number;
  /** Right and bottom edges of the elements matching the selector asked for. */
  readonly boxes: ReadonlyArray<{ readonly right: number; readonly bottom: number; readonly width: number }>;
}

/** Measures the page and the boxes of `selector` (a string script: it runs in the browser). */
export const layoutOf = (page: Page, selector: string): Promise<Layout> =>
  page.evaluate<Layout>(`(() => ({
    innerWidth: window.innerWidth,
    innerHeight: window.innerHeight,
    scrollWidth: document.documentElement.scrollWidth,
    scrollHeight: document.documentElement.scrollHeight,
    bodyScrollWidth: document.body.scrollWidth,
    boxes: [...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => {
      const r = e.getBoundingClientRect();
      return { right: r.right, bottom: r.bottom, width: r.width };
    }),
  }))()`);
