/**
 * The other aggregates' forms in a real browser (issue #18 item 1, "forms for every command"): an
 * investment officer opens 其他事项, finds the commands their role issues (受理企业诉求, 登记地块 …)
 * and not the leading-group office's (登记领导小组会议), records an enterprise request 企业诉求
 * through the form generated from its codec — kind, channel and category chosen by their Chinese
 * names, the unit pre-filled —, sees a wrong credit code refused AT its field, then the success
 * with where to see the result, and the API shows the request as received. Debian's chromium
 * driven by playwright-core, as workbench.browser.spec.ts does.
 */
import * as path from 'node:path';
import { otherCommandLabels, vocabulary } from '@zhaoshang/domain';
import type { Browser } from 'playwright-core';
import {
  ARTIFACTS,
  canRunWorkbench,
  choose,
  item,
  pickDate,
  signIn,
  startWorkbenchInBrowser,
  type NewOfficer,
} from './workbench-browser';
import { authFor, request } from './support';

const UNIT = 'jingkaiqu';
const OFFICER: NewOfficer = {
  username: 'li-na',
  password: 'Kaifaqu-2024-qiyesuqiu!',
  displayName: '李娜（经开区企业服务中心）',
  unitId: UNIT,
};
const REQUEST_ID = 'SQ-JK-2024-088';

const canRun = canRunWorkbench('the workbench forms browser test');

(canRun ? describe : describe.skip)('the other aggregates’ forms in chromium', () => {
  let t: Awaited<ReturnType<typeof startWorkbenchInBrowser>>['t'];
  let browser: Browser;
  let base: string;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ t, browser, base, close } = await startWorkbenchInBrowser(OFFICER));
  }, 120_000);

  afterAll(async () => {
    await close?.();
  });

  it('an officer records an enterprise request through its generated form; an error stands at its field', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));

    await signIn(page, base, OFFICER);

    // 其他事项: the officer's commands by area; the leading-group office's are not offered.
    await page.getByRole('menuitem', { name: '其他事项' }).click();
    await page.locator('[data-area="requests"]').waitFor();
    const receive = page.locator('[data-work-command="ReceiveRequest"]');
    expect(await receive.innerText()).toBe(otherCommandLabels.ReceiveRequest.zh);
    expect(await page.locator('[data-work-command="RegisterPlot"]').count()).toBe(1);
    expect(await page.locator('[data-work-command="CreditIntroduction"]').count()).toBe(1);
    expect(await page.locator('[data-work-command="HoldMeeting"]').count()).toBe(0);
    expect(await page.locator('[data-work-command="AssignRequest"]').count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'forms-1-other-work.png'), fullPage: true });

    // 受理企业诉求: the unit pre-filled, the choices by their Chinese names, a wrong credit code.
    await receive.click();
    await page.locator('form[data-command="ReceiveRequest"]').waitFor();
    expect(await item(page, 'unitId').innerText()).toContain('经开区');
    await page.locator('#requestId').fill(REQUEST_ID);
    await choose(page, 'kind', vocabulary.requestKinds.request.zh);
    await page.locator('#enterprise_name').fill('宁德某某新能源材料有限公司');
    await page.locator('#enterprise_creditCode').fill('91350900MA2XXXXXX0');
    await choose(page, 'channel', vocabulary.requestChannels['service-window'].zh);
    await choose(page, 'category', vocabulary.requestCategories.infrastructure.zh);
    await page.locator('#text').fill('厂区 110 千伏专线接入进度滞后，请求协调供电公司');
    await pickDate(page, 'receivedOn', '2024-10-30');
    await page.locator('#receivedBy').fill(OFFICER.displayName);
    await page.locator('[data-submit="ReceiveRequest"]').click();
    const creditError = item(page, 'enterprise_creditCode').locator('.ant-form-item-explain-error');
    await creditError.waitFor();
    expect(await creditError.innerText()).toContain('统一社会信用代码（18 位');
    await page.screenshot({ path: path.join(ARTIFACTS, 'forms-2-error-at-field.png'), fullPage: true });

    // Corrected: recorded, and the workbench says where to see it.
    await page.locator('#enterprise_creditCode').fill('');
    await page.locator('[data-submit="ReceiveRequest"]').click();
    await page.locator('[data-recorded="ReceiveRequest"]').waitFor();
    expect(await page.locator('[data-see-result]').getAttribute('data-see-result')).toBe(
      `/requests/${REQUEST_ID}`,
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'forms-3-recorded.png'), fullPage: true });

    const leader = await authFor('leading-group-office');
    const res = await request(t.http).get(`/requests/${REQUEST_ID}`).set(leader);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      requestId: REQUEST_ID,
      unitId: UNIT,
      kind: 'request',
      channel: 'service-window',
      category: 'infrastructure',
      status: 'received',
      receivedOn: '2024-10-30',
    });
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});
