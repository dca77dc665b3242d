/**
 * The 台账 as offices keep it, through HTTP (issue #18; R22 · DOMAIN.md §6 "Registers as offices
 * keep them"): the profile recorded by the investment officer (POST /projects/{id}/profile), refused
 * with the domain's code when the 项目代码 is malformed and with 400 when 园区 names a unit of
 * another kind; GET /projects carries the new fields; the register export prints them, people by
 * name, and the district as the total of its units — never a unit sheet or row of zeros.
 */
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { lifeUntil } from '../src/demo/project-life';
import { withProfile } from '../src/demo/profiles';
import { authFor, request, send, startTestApp } from './support';

const spec = {
  projectId: 'XM-2024-0317',
  unitId: 'jingkaiqu',
  name: '年产 5 万吨锂电池正极材料项目',
  investor: '福建宁川新能源材料有限公司',
  industryChain: '新能源电池',
  content: '建设磷酸铁锂正极材料生产线 4 条及研发中心',
  totalYi: 5,
  capturedOn: '2024-03-01',
};

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('the register’s columns offices keep, through HTTP (R22 · DOMAIN.md §6)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    t = await startTestApp({}, '2024-12-31');
    for (const step of withProfile(lifeUntil(spec, 'in-statistics'))) {
      const res = await send(t.http, step);
      if (res.status >= 300)
        throw new Error(`${step.command.type}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }, 120_000);
  afterAll(() => t.close());

  const profile = async (body: Record<string, unknown>) =>
    request(t.http)
      .post(`/projects/${spec.projectId}/profile`)
      .set(await authFor('investment-officer', 'jingkaiqu'))
      .send(body);

  it('R22 · §6: GET /projects carries the profile, the procedures and 是否列统’s facts', async () => {
    const res = await request(t.http)
      .get(`/projects/${spec.projectId}`)
      .set(await authFor('auditor'));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      category: 'industrial',
      parkId: 'jingkaiqu',
      projectCode: expect.stringMatching(/^2024-340603-38-03-\d{6}$/),
      filingNo: expect.stringContaining('相经开备〔2024〕'),
      land: { source: 'profile', landUse: 'industrial', supply: 'transferred' },
      procedures: { 'environmental-assessment': { completedOn: expect.any(String) } },
      statisticsCode: expect.any(String),
    });
  });

  it('R22 · §6 项目代码: a malformed code is refused with the domain’s code (422), and nothing is recorded', async () => {
    const res = await profile({ on: '2024-12-01', profile: { projectCode: '2024-3406-38-03-000317' } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('PROJECT_CODE_MALFORMED');
    const row = await request(t.http).get(`/projects/${spec.projectId}`).set(await authFor('auditor'));
    expect(row.body.data.projectCode).toMatch(/^2024-340603-38-03-\d{6}$/);
  });

  it('R22 · §6 园区: a park must be a unit of kind park of this deployment (400 on profile.parkId)', async () => {
    const town = await profile({ on: '2024-12-01', profile: { parkId: 'fenghuang-town' } });
    expect(town.status).toBe(400);
    expect(town.body.errors).toEqual([
      expect.objectContaining({ path: 'profile.parkId', value: 'fenghuang-town' }),
    ]);
    const ok = await profile({ on: '2024-12-01', profile: { parkId: 'gaoxinqu', category: 'industrial' } });
    expect(ok.status).toBe(200);
    expect(ok.body.events).toHaveLength(1); // only the park changed
  });

  it('the register export prints the new columns, people by name, and the district as the 合计 of its units (no zero row)', async () => {
    const res = await request(t.http)
      .get('/exports/register?asOf=2024-12-31')
      .set(await authFor('auditor'))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    // The district is no unit: no sheet, no row of zeros in the summary; the 合计 row is the district.
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '汇总',
      '经开区投资促进局',
      '高新区招商局',
      '凤凰镇招商办',
    ]);
    const summary = wb.getWorksheet('汇总')!;
    const column2: string[] = [];
    summary.eachRow((row) => column2.push(String(row.getCell(2).text)));
    expect(column2.filter((v) => v.includes('相山区'))).toEqual(['相山区（全区）（3 个单位）']);
    const ws = wb.getWorksheet('经开区投资促进局')!;
    const headers = (ws.getRow(3).values as unknown[]).map(String);
    const cell = (h: string) => String(ws.getRow(4).getCell(headers.indexOf(h)).text);
    expect(cell('项目类别')).toBe('工业项目');
    expect(cell('园区')).toBe('高新区招商局');
    expect(cell('项目代码')).toMatch(/^2024-340603-38-03-/);
    expect(cell('环评')).toMatch(/^办结（2024-/);
    expect(cell('是否列统')).toBe('是');
    expect(cell('包保领导')).toBe('王建国');
    expect(cell('包保责任人')).toBe('李明');
    const text: string[] = [];
    for (const sheet of wb.worksheets) sheet.eachRow((row) => row.eachCell((c) => text.push(String(c.text))));
    expect(text.filter((v) => /LD-|（jingkaiqu）|default-R12-R15/.test(v))).toEqual([]);
  });
});
