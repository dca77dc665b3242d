import ExcelJS from 'exceljs';
import { figuresDigest } from '@zhaoshang/audit';
import type { Figures } from '@zhaoshang/domain';
import type { Response } from 'supertest';
import { authFor, request, startTestApp } from './support';

/** Collects a binary answer (supertest would otherwise try to read an xlsx as text). */
const binary = (res: Response, done: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const workbookOf = async (bytes: Buffer): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
};

const cellsText = (wb: ExcelJS.Workbook): string =>
  wb.worksheets
    .flatMap((ws) => {
      const out: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => out.push(String(c.text))));
      return out;
    })
    .join('\n');

describe('Excel and CSV exports over HTTP on the demo region (台账, 每月通报)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true }, '2024-10-31');
  }, 120_000); // seeds the whole demo region: slow on a busy 2-core machine
  afterAll(() => t.close());

  it('the register as a workbook: 汇总 and a sheet per unit, one row per project of the register', async () => {
    const auditor = await authFor('auditor');
    const register = await request(t.http).get('/projects?limit=500').set(auditor);
    const res = await request(t.http).get('/exports/register').set(auditor).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const wb = await workbookOf(res.body as Buffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('汇总');
    expect(names).toEqual(expect.arrayContaining(['经开区投资促进局', '高新区招商局', '凤凰镇招商办']));
    // Every project of the register appears, by name, on its unit's sheet.
    const text = cellsText(wb);
    for (const e of register.body.data.items as Array<{ name: string }>) expect(text).toContain(e.name);
  });

  it('the register as CSV: UTF-8 with BOM, a header and one line per project', async () => {
    const auditor = await authFor('auditor');
    const register = await request(t.http).get('/projects?unitId=jingkaiqu').set(auditor);
    const res = await request(t.http).get('/exports/register?format=csv&unitId=jingkaiqu').set(auditor);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text = res.text;
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text
      .slice(1)
      .split('\r\n')
      .filter((l) => l.length > 0);
    expect(lines[0]).toContain('项目名称');
    // Names in the demo hold no line breaks: one line per project.
    expect(lines).toHaveLength(1 + register.body.data.total);
  });

  it('the published September bulletin, laid out from the history at its position, with its digest', async () => {
    const auditor = await authFor('auditor');
    const published = await request(t.http).get('/bulletins/2024-09').set(auditor);
    expect(published.status).toBe(200);
    const { figuresDigest: digest, computedAtPosition } = published.body.data.current as {
      figuresDigest: string;
      computedAtPosition: string;
    };
    const res = await request(t.http)
      .get('/exports/bulletins/2024-09')
      .set(auditor)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    const wb = await workbookOf(res.body as Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['赛马排名', '目标进度', '得分明细']);
    const text = cellsText(wb);
    expect(text).toContain(digest);
    expect(text).toContain(computedAtPosition);
    // The ranking sheet lists the units in the published ranks.
    const review = published.body.data.current.figures as Figures;
    const ranked = Object.entries(review)
      .filter(([unit]) => !unit.startsWith('$'))
      .sort(([, a], [, b]) => Number(a['review.rank']) - Number(b['review.rank']));
    const csv = await request(t.http).get('/exports/bulletins/2024-09?format=csv&part=ranking').set(auditor);
    const rows = csv.text
      .slice(1)
      .split('\r\n')
      .filter((l) => l.length > 0)
      .slice(1);
    expect(rows).toHaveLength(ranked.length);
    expect(rows.map((r) => Number(r.split(',')[0]))).toEqual(ranked.map(([, f]) => Number(f['review.rank'])));
  });

  // The 通报's prose (print helper, issue #18 item 3): the published edition as text and as Word.
  it('the published bulletin as the 通报 an office circulates: plain text and a Word document', async () => {
    const auditor = await authFor('auditor');
    const published = await request(t.http).get('/bulletins/2024-09').set(auditor);
    const digest = (published.body.data.current as { figuresDigest: string }).figuresDigest;
    const txt = await request(t.http).get('/exports/bulletins/2024-09?format=txt').set(auditor);
    expect(txt.status).toBe(200);
    expect(txt.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(txt.headers['content-disposition']).toContain('bulletin-2024-09.txt');
    const lines = txt.text.split('\n');
    expect(lines[0]).toBe('2024年9月招商引资工作通报');
    expect(txt.text).toContain('现将2024年9月全区招商引资工作推进情况通报如下：');
    for (const heading of ['一、总体情况', '二、赛马排名情况', '三、红黄蓝亮灯情况', '四、督查督办事项'])
      expect(txt.text).toContain(heading);
    expect(txt.text).toContain(digest);
    const docx = await request(t.http)
      .get('/exports/bulletins/2024-09?format=docx')
      .set(auditor)
      .buffer(true)
      .parse(binary);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect((docx.body as Buffer).subarray(0, 2).toString('latin1')).toBe('PK'); // a zip (OOXML) package
    const bad = await request(t.http).get('/exports/bulletins/2024-09?format=pdf').set(auditor);
    expect(bad.status).toBe(400);
  });

  it('404 for a period never published, unless a preview is asked for; 400 for a bad format', async () => {
    const auditor = await authFor('auditor');
    const missing = await request(t.http).get('/exports/bulletins/2024-08').set(auditor);
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
    const preview = await request(t.http)
      .get('/exports/bulletins/2024-08?format=csv&preview=true')
      .set(auditor);
    expect(preview.status).toBe(200);
    expect(preview.headers['content-disposition']).toContain('preview');
    const bad = await request(t.http).get('/exports/register?format=pdf').set(auditor);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'format' });
  });

  it('refuses (409) to export an edition whose figures do not follow from the history', async () => {
    const stream = await t.z.store.readStream('bulletin-2024-09');
    const last = stream[stream.length - 1]!;
    const current = last.data as {
      period: unknown;
      computedAtPosition: string;
      figuresDigest: string;
      figures: Figures;
    };
    const unit = Object.keys(current.figures).find((k) => !k.startsWith('$'))!;
    const figures: Figures = {
      ...current.figures,
      [unit]: { ...current.figures[unit]!, 'review.newSignings': 99 },
    };
    await t.z.store.append(
      'bulletin-2024-09',
      [
        {
          type: 'BulletinCorrected',
          data: {
            bulletinId: 'TB-2024-09-r1',
            period: current.period,
            computedAtPosition: current.computedAtPosition,
            figuresDigest: figuresDigest(figures),
            figures,
            supersedes: current.figuresDigest,
            correctedOn: '2024-10-20',
            correctedBy: '某人',
            reason: '（伪造）',
          },
        },
      ],
      {
        expectedRevision: last.revision,
        context: {
          commandId: 'forged-export',
          actor: { userId: 'x', role: 'leading-group-office', unitId: 'region' },
          businessTime: '2024-10-20T00:00:00+08:00',
        },
      },
    );
    const res = await request(t.http)
      .get('/exports/bulletins/2024-09')
      .set(await authFor('auditor'));
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'BULLETIN_DOES_NOT_VERIFY', params: { period: '2024-09' } });
    expect(res.body.message.en).toContain('does not follow from the history');
  });
});
