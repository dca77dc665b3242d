/**
 * The 台账 as offices keep it, through HTTP (issue #18; R22 · DOMAIN.md §6 "Registers as offices
 * keep them"): the profile recorded by the investment officer (POST /projects/{id}/profile), refused
 * with the domain's code when the 项目代码 is malformed and with 400 when 园区 names a unit of
 * another kind; GET /projects carries the new fields; the register export prints them, people by
 * name, and the district as the total of its units — never a unit sheet or row of zeros.
 */
import ExcelJS from 'exceljs';
import { lifeUntil } from '../src/demo/project-life';
import { withProfile } from '../src/demo/profiles';
import { authFor, binaryBody, request, send, startTestApp } from './support';

/** A town's project (镇街): a cold-chain logistics park, a services project on warehousing land. */
const spec = {
  projectId: 'XM-2024-0208',
  unitId: 'fenghuang-town',
  name: '凤凰镇冷链物流园项目',
  investor: '安徽淮海冷链物流有限公司',
  industryChain: '现代物流',
  content: '建设冷库 3 万吨及分拣配送中心',
  totalYi: 2,
  capturedOn: '2024-02-18',
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
      .set(await authFor('investment-officer', 'fenghuang-town'))
      .send(body);

  it('R22 · §6: GET /projects carries the profile, the procedures and 是否列统’s facts', async () => {
    const res = await request(t.http)
      .get(`/projects/${spec.projectId}`)
      .set(await authFor('auditor'));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      category: 'service',
      townId: 'fenghuang-town',
      projectCode: expect.stringMatching(/^2024-340603-59-03-\d{6}$/),
      filingNo: expect.stringContaining('相山发改备〔2024〕'),
      land: { source: 'profile', landUse: 'warehousing', supply: 'transferred' },
      procedures: { 'environmental-assessment': { completedOn: expect.any(String) } },
      statisticsCode: expect.any(String),
    });
  });

  it('R22 · §6 项目代码: a malformed code is refused with the domain’s code (422), and nothing is recorded', async () => {
    const res = await profile({ on: '2024-12-01', profile: { projectCode: '2024-3406-59-03-000208' } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('PROJECT_CODE_MALFORMED');
    const row = await request(t.http)
      .get(`/projects/${spec.projectId}`)
      .set(await authFor('auditor'));
    expect(row.body.data.projectCode).toMatch(/^2024-340603-59-03-\d{6}$/);
  });

  it('R22 · §6 园区、镇街: a park or a town must be a unit of that kind of this deployment (400 on the field)', async () => {
    const park = await profile({ on: '2024-12-01', profile: { townId: 'jingkaiqu' } });
    expect(park.status).toBe(400);
    expect(park.body.errors).toEqual([
      expect.objectContaining({ path: 'profile.townId', value: 'jingkaiqu' }),
    ]);
    const region = await profile({ on: '2024-12-01', profile: { parkId: 'region' } });
    expect(region.status).toBe(400); // the whole region is no park
    const town = await profile({ on: '2024-12-01', profile: { parkId: 'fenghuang-town' } });
    expect(town.status).toBe(400);
    expect(town.body.errors).toEqual([
      expect.objectContaining({ path: 'profile.parkId', value: 'fenghuang-town' }),
    ]);
  });

  it('R22 · §6: a record holds only what it changes: the park, not the category already recorded', async () => {
    const ok = await profile({ on: '2024-12-01', profile: { parkId: 'gaoxinqu', category: 'service' } });
    expect(ok.status).toBe(200);
    expect(ok.body.events).toHaveLength(1);
    const history = await request(t.http)
      .get(`/projects/${spec.projectId}/history`)
      .set(await authFor('auditor'));
    const recorded = (
      history.body.data.events as Array<{ type: string; data: { profile?: unknown } }>
    ).filter((e) => e.type === 'ProjectProfileRecorded');
    expect(recorded.at(-1)?.data.profile).toEqual({ parkId: 'gaoxinqu' });
  });

  it('the register export prints the new columns, people by name, and the district as the 合计 of its units (no zero row)', async () => {
    const res = await request(t.http)
      .get('/exports/register?asOf=2024-12-31')
      .set(await authFor('auditor'))
      .buffer(true)
      .parse(binaryBody);
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
    const ws = wb.getWorksheet('凤凰镇招商办')!;
    const headers = (ws.getRow(3).values as unknown[]).map(String);
    const cell = (h: string) => String(ws.getRow(4).getCell(headers.indexOf(h)).text);
    expect(cell('项目类别')).toBe('服务业项目');
    expect(cell('园区')).toBe('高新区招商局');
    expect(cell('镇街')).toBe('凤凰镇招商办');
    expect(cell('用地类型')).toBe('仓储用地');
    expect(cell('项目代码')).toMatch(/^2024-340603-59-03-/);
    expect(cell('环评')).toMatch(/^办结（2024-/);
    expect(cell('是否列统')).toBe('是');
    expect(cell('包保领导')).toBe('郑国华');
    expect(cell('包保责任人')).toBe('黄磊');
    const text: string[] = [];
    for (const sheet of wb.worksheets) sheet.eachRow((row) => row.eachCell((c) => text.push(String(c.text))));
    expect(text.filter((v) => /LD-|（fenghuang-town）|default-R12-R15/.test(v))).toEqual([]);
  });
});
