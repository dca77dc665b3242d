import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { creditCode, sampleProfile, sampleWorkbook } from '../../../scripts/import-sample';
import { lifeUntil } from '../src/demo/project-life';
import { XLSX_MEDIA_TYPE } from '../src/http/input-limits';
import { CommandGateway } from '../src/command-handling/command-gateway';
import { DeadlineWatcher, type WatchRun } from '../src/watcher/deadline-watcher';
import { authFor, request, send, startTestApp } from './support';

const SAMPLE = readFileSync(path.join(__dirname, '../../../docs/samples/台账样例.xlsx'));
const SAMPLE_PROFILE: object = JSON.parse(
  readFileSync(path.join(__dirname, '../../../docs/samples/台账样例.profile.json'), 'utf8'),
);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A row in the sample's column order (13 columns), blanks elsewhere. */
const row = (cells: Partial<Record<keyof typeof sampleProfile.columns, string | number | Date>>) =>
  Object.keys(sampleProfile.columns).map((h) => cells[h as keyof typeof sampleProfile.columns] ?? null);

/** Two signed projects (signed 2024-03-27: the start is due by 2024-05-26, missed as of 2024-06-01). */
const signed = (projectId: string) => ({
  projectId,
  unitId: 'jingkaiqu',
  name: `冷链物流园项目${projectId}`,
  investor: '上海某供应链管理有限公司',
  industryChain: '现代物流',
  content: '建设冷库及配送中心',
  totalYi: 1.5,
  capturedOn: '2024-02-01',
});

describe('Excel 台账 import through HTTP (issue #17 item 5)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let office: Record<string, string>;
  const upload = (route: string, bytes: Buffer, headers: Record<string, string>, profile = 'sample') =>
    request(t.http)
      .post(`${route}?profile=${encodeURIComponent(profile)}`)
      .set(headers)
      .set('Content-Type', XLSX_MEDIA_TYPE)
      .send(bytes);
  const eventCount = async () => (await t.z.store.readAll({ maxCount: 100_000 })).length;

  beforeAll(async () => {
    t = await startTestApp(); // today is pinned to 2024-06-01
    office = await authFor('leading-group-office');
    const saved = await request(t.http).put('/imports/profiles/sample').set(office).send(SAMPLE_PROFILE);
    expect(saved.status).toBe(200);
  }, 30_000);
  afterAll(() => t.close());

  it('keeps a mapping profile by name; the sample workbook is the one the committed script generates', async () => {
    const got = await request(t.http).get('/imports/profiles/sample').set(office);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({
      name: 'sample',
      profile: SAMPLE_PROFILE,
      savedBy: 'user-leading-group-office',
    });
    expect((await request(t.http).get('/imports/profiles').set(office)).body.data).toEqual(['sample']);
    const bad = await request(t.http)
      .put('/imports/profiles/broken')
      .set(office)
      .send({ columns: { 项目名称: 'nameOfSomethingElse' } });
    expect(bad.status).toBe(400);
    // Same cells as the committed sample (the bytes differ only by the zip's own timestamps).
    const again = await upload('/imports/dry-run', await sampleWorkbook(), office);
    const committed = await upload('/imports/dry-run', SAMPLE, office);
    const facts = (body: { rows: Array<{ commands: Array<{ command: unknown; events: unknown }> }> }) =>
      body.rows.map((r) => r.commands.map((c) => [c.command, c.events]));
    expect(facts(again.body)).toEqual(facts(committed.body));
  });

  it('dry run: row by row the commands and events, 万元/亿元 converted exactly to 分, nothing appended', async () => {
    const before = await eventCount();
    const res = await upload('/imports/dry-run', SAMPLE, office);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      dryRun: true,
      file: { sha256: sha256(SAMPLE), sheet: '项目台账', rows: 3 },
      summary: { rows: 3, rowsWithProblems: 0, appended: 3, alreadyImported: 0, refused: 0 },
      missingHeaders: [],
    });
    const [first, second, third] = res.body.rows;
    expect(first).toMatchObject({ row: 3, projectId: 'XM-2024-001', match: 'new' });
    expect(first.commands[0]).toMatchObject({
      fact: 'lead',
      outcome: 'appended',
      commandId: `import:${sha256(SAMPLE)}:项目台账:3:lead`,
      command: { type: 'CaptureLead', unitId: 'jingkaiqu', capturedOn: '2024-01-15' },
      events: [
        { type: 'LeadCaptured', data: expect.objectContaining({ intendedInvestment: 15_000_000_000 }) },
      ],
    });
    // 1.5亿元 written in a 万元 column: the cell's own unit wins; a date cell is its calendar day.
    expect(second.projectId).toMatch(/^IMP-[0-9a-f]{16}$/);
    expect(second.commands[0].command).toMatchObject({
      unitId: 'gaoxinqu',
      intendedInvestment: 15_000_000_000,
      capturedOn: '2024-02-20',
    });
    // 8000.5 (万元, from the header) = 8,000,500,000 分; 2024年3月5日; the signing date is not entered by import.
    expect(third.commands[0].command).toMatchObject({
      intendedInvestment: 8_000_500_000,
      capturedOn: '2024-03-05',
    });
    expect(third.notices).toEqual([expect.objectContaining({ en: expect.stringContaining('signing') })]);
    expect(await eventCount()).toBe(before);
  });

  it('commit: each event carries its provenance (file SHA-256, sheet, row, who); the same file again appends nothing', async () => {
    const res = await upload('/imports', SAMPLE, office);
    expect(res.status).toBe(200);
    expect(res.body.summary).toMatchObject({ appended: 3, refused: 0 });
    const [event] = await t.z.store.readStream('project-XM-2024-001');
    expect(event).toMatchObject({
      type: 'LeadCaptured',
      metadata: {
        commandId: `import:${sha256(SAMPLE)}:项目台账:3:lead`,
        correlationId: `import:${sha256(SAMPLE)}`,
        causationId: `xlsx:${sha256(SAMPLE)}#项目台账!3`,
        actor: { userId: 'user-leading-group-office', role: 'leading-group-office' },
      },
    });
    // The auditor's history read shows where the figure came from.
    const history = await request(t.http)
      .get('/projects/XM-2024-001/history')
      .set(await authFor('auditor'));
    expect(history.body.data.events[0].metadata.causationId).toBe(`xlsx:${sha256(SAMPLE)}#项目台账!3`);
    const after = await eventCount();
    const again = await upload('/imports', SAMPLE, office);
    expect(again.body.summary).toMatchObject({ appended: 0, alreadyImported: 3 });
    expect(await eventCount()).toBe(after);
    // The dry run of the same file says so too.
    const dry = await upload('/imports/dry-run', SAMPLE, office);
    expect(dry.body.summary).toMatchObject({ appended: 0, alreadyImported: 3 });
  });

  it('a broken cell is reported with its row and column, in Chinese and English, and its row is not entered', async () => {
    const bytes = await sampleWorkbook([
      row({
        项目名称: '某项目',
        投资方: '某公司',
        '总投资（万元）': '三亿',
        产业类型: '新材料',
        项目内容: '建设',
        '所属单位/乡镇': '经开区',
        录入时间: '2024-03-01',
      }),
      row({
        项目名称: '另一项目',
        投资方: '某公司',
        '总投资（万元）': 100,
        产业类型: '新材料',
        项目内容: '建设',
        '所属单位/乡镇': '经开区',
        录入时间: '2024-13-45',
      }),
      row({
        项目名称: '第三项目',
        投资方: '某公司',
        '总投资（万元）': '0.0000001',
        产业类型: '新材料',
        项目内容: '建设',
        '所属单位/乡镇': '经开区',
        录入时间: '2024-03-01',
      }),
    ]);
    const before = await eventCount();
    const res = await upload('/imports', bytes, office);
    expect(res.status).toBe(200);
    expect(res.body.summary).toMatchObject({ rows: 3, rowsWithProblems: 3, appended: 0 });
    expect(res.body.rows[0].problems).toEqual([
      {
        row: 3,
        column: 'F',
        header: '总投资（万元）',
        value: '三亿',
        reason: { zh: expect.stringContaining('阿拉伯数字'), en: expect.stringContaining('digits') },
      },
    ]);
    expect(res.body.rows[1].problems).toEqual([
      {
        row: 4,
        column: 'J',
        header: '录入时间',
        value: '2024-13-45',
        reason: { zh: expect.stringContaining('日期'), en: expect.stringContaining('2024-13-45') },
      },
    ]);
    // Finer than one 分 is not rounded: it is refused.
    expect(res.body.rows[2].problems[0]).toMatchObject({
      column: 'F',
      reason: { en: expect.stringContaining('fen') },
    });
    expect(await eventCount()).toBe(before);
  });

  it('an existing project is matched (by code, by credit code + name) and only new facts are appended; the watcher waits for the import', async () => {
    for (const spec of [signed('XM-L-1'), signed('XM-L-2')])
      for (const step of lifeUntil(spec, 'signed'))
        expect((await send(t.http, step)).status).toBeLessThan(300);
    const existing = (await t.z.store.readStream('project-XM-L-1')).length;
    const bytes = await sampleWorkbook([
      // The register keeps the start the officer never entered: 2024-05-20, before the 05-26 deadline.
      row({ 项目代码: 'XM-L-1', 项目名称: '冷链物流园项目XM-L-1', 开工日期: '2024/5/20' }),
      // The sample's second project, by its credit code and name (no code), with nothing new.
      row({
        项目名称: '智能装备产业园项目',
        投资方: '浙江某智能装备有限公司',
        统一社会信用代码: creditCode('91330100MA2ABC002'),
        '总投资（万元）': '1.5亿元',
        '所属单位/乡镇': '高新区',
        录入时间: '2024-02-21',
      }),
    ]);
    const head = (await t.z.store.readAll({ direction: 'backwards', maxCount: 1 }))[0]!.globalPosition;
    await t.z.readModels.waitFor(head, 5_000);
    expect(await t.z.readModels.watchedProjects()).toEqual(expect.arrayContaining(['XM-L-1', 'XM-L-2']));

    // The watcher's pass runs just as the import enters its first fact: it leaves the projects of
    // the import alone until their rows are in (and raises the other project's missed start).
    const watcher = t.z.app.get(DeadlineWatcher);
    const gateway = t.z.app.get(CommandGateway);
    const execute = gateway.execute.bind(gateway);
    let pass: WatchRun | undefined;
    const spy = jest.spyOn(gateway, 'execute').mockImplementation(async (command, context) => {
      if (context.commandId.startsWith('import:') && pass === undefined) pass = await watcher.runOnce();
      return execute(command, context);
    });
    const res = await upload('/imports', bytes, office);
    spy.mockRestore();
    expect(pass).toMatchObject({ raised: 1 });
    expect((await t.z.store.readStream('project-XM-L-2')).some((e) => e.type === 'MilestoneMissed')).toBe(
      true,
    );
    expect(res.status).toBe(200);
    expect(res.body.rows[0]).toMatchObject({
      projectId: 'XM-L-1',
      match: 'code',
      commands: [
        { fact: 'start', outcome: 'appended', command: { type: 'StartConstruction', on: '2024-05-20' } },
      ],
    });
    expect(res.body.rows[1]).toMatchObject({ match: 'credit-code-and-name', commands: [] });
    const events = (await t.z.store.readStream('project-XM-L-1')).slice(existing);
    expect(events.map((e) => e.type)).toEqual(['ConstructionStarted']);
    expect(events[0]!.data).toMatchObject({
      evidence: [expect.objectContaining({ sha256: sha256(bytes), kind: 'report' })],
    });
    expect(await watcher.runOnce()).toMatchObject({ raised: 0 });
    expect((await t.z.store.readStream('project-XM-L-1')).some((e) => e.type === 'MilestoneMissed')).toBe(
      false,
    );
  }, 30_000);

  it("403 for another unit's officer and for a role that does not import; an officer imports their own unit's rows", async () => {
    const other = await upload('/imports/dry-run', SAMPLE, await authFor('investment-officer', 'gaoxinqu'));
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('OUTSIDE_UNIT');
    const reviewer = await upload('/imports/dry-run', SAMPLE, await authFor('department-reviewer'));
    expect(reviewer.status).toBe(403);
    expect(reviewer.body.code).toBe('ROLE_NOT_ALLOWED');
    const own = await sampleWorkbook([
      row({
        项目名称: '高新区自有项目',
        投资方: '某公司',
        '总投资（万元）': 500,
        产业类型: '电子信息',
        项目内容: '建设',
        录入时间: '2024-05-01',
      }),
    ]);
    const res = await upload('/imports', own, await authFor('investment-officer', 'gaoxinqu'));
    expect(res.status).toBe(200);
    expect(res.body.rows[0].commands[0]).toMatchObject({
      outcome: 'appended',
      command: { unitId: 'gaoxinqu' },
    });
  });

  it('refuses a body that is not a workbook and a profile that does not exist', async () => {
    expect((await upload('/imports/dry-run', Buffer.from('not a zip'), office)).status).toBe(400);
    expect((await upload('/imports/dry-run', SAMPLE, office, 'nope')).status).toBe(404);
  });
});
