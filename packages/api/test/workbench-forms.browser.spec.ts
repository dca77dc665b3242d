/**
 * The other aggregates' forms in a real browser (issue #18 item 1, "forms for every command"): an
 * investment officer opens 其他事项, finds the commands their role issues (受理企业诉求, 登记地块 …)
 * and not the leading-group office's (登记领导小组会议), records an enterprise request 企业诉求
 * through the form generated from its codec — kind, channel and category chosen by their Chinese
 * names, the unit pre-filled —, sees a wrong credit code refused AT its field, then the success
 * with where to see the result, and the API shows the request as received. Debian's chromium
 * driven by playwright-core, as workbench.browser.spec.ts does.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { otherCommandLabels, vocabulary } from '@zhaoshang/domain';
import { chromium, type Browser } from 'playwright-core';
import { WORKBENCH_DIST } from '../src/workbench/workbench-files';
import { CHROMIUM, CHROMIUM_ARGS, haveChromium } from './chromium';
import { choose, item, pickDate } from './workbench-browser';
import { authFor, request, startTestApp } from './support';

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'workbench', 'test-artifacts');
const TODAY = '2024-10-31';
const UNIT = 'jingkaiqu';
const OFFICER = {
  username: 'li-na',
  password: 'Kaifaqu-2024-qiyesuqiu!',
  displayName: '李娜（经开区企业服务中心）',
};
const REQUEST_ID = 'SQ-JK-2024-088';

const withChromium = haveChromium('the workbench forms browser test');
const built = existsSync(path.join(WORKBENCH_DIST, 'index.html'));
if (withChromium && !built)
  console.warn(
    'SKIPPED: the workbench forms browser test needs the built workbench: run `npm run build` first.',
  );

(withChromium && built ? describe : describe.skip)('the other aggregates’ forms in chromium', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await startTestApp({ seedDemo: true }, TODAY);
    await t.z.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.z.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const created = await request(t.http)
      .post('/accounts')
      .set(await authFor('leading-group-office'))
      .send({ ...OFFICER, role: 'investment-officer', unitId: UNIT });
    expect(created.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('an officer records an enterprise request through its generated form; an error stands at its field', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));

    await page.goto(`${base}/workbench/`);
    await page.locator('#username').fill(OFFICER.username);
    await page.locator('#password').fill(OFFICER.password);
    await page.locator('[data-sign-in]').click();
    await page.locator(`[data-user="${OFFICER.username}"]`).waitFor();

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
