/**
 * 客商目录 over HTTP on the demo region (002 §一 "更新健全招商项目信息库，完善招商引资工作台账、客商目录"):
 * the directory fills from the demo's projects, one entry per investor (the demo's investors carry
 * names only: matched by normalised name), searched by name, unit and stage, exported; an investment
 * officer sees their own unit's projects only. The demo's advisors (002 §八) are there too.
 */
import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { authFor, request, startTestApp } from './support';

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

interface Entry {
  investorId: string;
  name: string;
  unitIds: string[];
  projects: Array<{ projectId: string; unitId: string; stage?: string }>;
  firstContactOn: string;
  latestActivityOn: string;
}

describe('客商目录 over HTTP on the demo region (002 §一)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true }, '2024-10-31');
  }, 180_000); // seeds the whole demo region: slow on a busy 2-core machine
  afterAll(() => t.close());

  it('002 §一 客商目录: a search by name finds one investor with its projects in several units', async () => {
    const reader = await authFor('leading-group-office');
    const res = await request(t.http)
      .get(`/investors?name=${encodeURIComponent('宁川新能源')}`)
      .set(reader);
    expect(res.status).toBe(200);
    const items = res.body.data.items as Entry[];
    expect(items).toHaveLength(1);
    const [investor] = items;
    expect(investor!.name).toBe('福建宁川新能源材料有限公司');
    expect(investor!.projects.length).toBeGreaterThanOrEqual(2);
    expect(new Set(investor!.projects.map((p) => p.unitId)).size).toBeGreaterThanOrEqual(2);
    expect(investor!.firstContactOn <= investor!.latestActivityOn).toBe(true);
    expect(investor!.latestActivityOn <= '2024-10-31').toBe(true);
    const one = await request(t.http).get(`/investors/${investor!.investorId}`).set(reader);
    expect(one.body.data.projects).toEqual(investor!.projects);
  });

  it('002 §一 客商目录: one entry per investor — every demo project appears once, under its investor', async () => {
    const reader = await authFor('auditor');
    const all = (await request(t.http).get('/investors?limit=500').set(reader)).body.data.items as Entry[];
    const register = (await request(t.http).get('/projects?limit=500').set(reader)).body.data.items as Array<{
      projectId: string;
      investorName?: string;
    }>;
    const listed = all.flatMap((e) => e.projects.map((p) => p.projectId)).sort();
    expect(listed).toEqual(
      register
        .filter((r) => r.investorName !== undefined)
        .map((r) => r.projectId)
        .sort(),
    );
    expect(new Set(all.map((e) => e.name)).size).toBe(all.length);
  });

  it('002 §一 客商目录: searched by unit and stage; an investment officer sees their own unit’s projects only', async () => {
    const officer = await authFor('investment-officer', 'gaoxinqu');
    const own = (await request(t.http).get('/investors').set(officer)).body.data.items as Entry[];
    expect(own.length).toBeGreaterThan(0);
    for (const e of own) expect(e.projects.every((p) => p.unitId === 'gaoxinqu')).toBe(true);
    expect((await request(t.http).get('/investors?unitId=jingkaiqu').set(officer)).status).toBe(403);
    const signed = (
      await request(t.http)
        .get('/investors?stage=signed')
        .set(await authFor('auditor'))
    ).body.data.items as Entry[];
    expect(signed.length).toBeGreaterThan(0);
    for (const e of signed) expect(e.projects.some((p) => p.stage === 'signed')).toBe(true);
  });

  it('客商目录 exports as a workbook and as CSV', async () => {
    const reader = await authFor('leading-group-office');
    const total = (await request(t.http).get('/investors').set(reader)).body.data.total as number;
    const xlsx = await request(t.http).get('/exports/investors').set(reader).buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const text: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => text.push(String(c.text))));
    expect(text).toEqual(expect.arrayContaining(['福建宁川新能源材料有限公司', '统一社会信用代码']));
    const csv = await request(t.http).get('/exports/investors?format=csv').set(reader);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(
      csv.text
        .slice(1)
        .split('\r\n')
        .filter((l) => l.length > 0),
    ).toHaveLength(1 + total);
  });

  it('002 §八: the demo’s advisors are in the registry, one rewarded for a signed project, none a civil servant', async () => {
    const res = await request(t.http)
      .get('/advisors')
      .set(await authFor('auditor'));
    const advisors = res.body.data.items as Array<{
      civilServant: boolean;
      rewardTotal: number;
      status: string;
      introductions: Array<{ stage?: string; rewarded: boolean }>;
    }>;
    expect(advisors).toHaveLength(3);
    expect(advisors.every((a) => !a.civilServant)).toBe(true);
    const rewarded = advisors.filter((a) => a.rewardTotal > 0);
    expect(rewarded).toHaveLength(1);
    expect(rewarded[0]!.introductions.find((i) => i.rewarded)?.stage).toBeDefined();
    expect(advisors.map((a) => a.status).sort()).toEqual(['ended', 'serving', 'serving']);
  });
});
