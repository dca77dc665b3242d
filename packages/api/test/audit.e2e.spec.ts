import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Response } from 'superagent';
import { verifyBundle, type BundleManifest, type VerifyReport } from '@zhaoshang/audit';
import { openSqliteEventStore } from '@zhaoshang/eventstore';
import { flipLastDigit, testContext } from '@zhaoshang/eventstore/testing';
import { ExportAuditBundle, ExportAuditBundleHandler } from '../src/audit/queries/audit-queries';
import { lifeUntil } from '../src/demo/project-life';
import { openApiDocument } from '../src/openapi/openapi-document';
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

/** Collects a streamed (NDJSON) body as text, whatever its content type. */
const text = (res: Response, done: (error: Error | null, body: string) => void): void => {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (body += chunk));
  res.on('end', () => done(null, body));
};
const lines = (body: string): unknown[] =>
  body
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as unknown);

interface HistoryEvent {
  revision: number;
  position: string;
  type: string;
  businessTime: string;
  recordedAt: string;
  actor: { userId: string; role: string; unitId: string };
  reason?: string;
  data: Record<string, unknown>;
}

describe('audit API (审计): history, time travel, differences, verification, bundles', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let auditor: Record<string, string>;
  let events: HistoryEvent[];
  const dirs: string[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhaoshang-audit-api-'));
  dirs.push(dataDir);

  beforeAll(async () => {
    t = await startTestApp({ dataDir }, '2024-12-31');
    for (const step of lifeUntil(spec, 'signed')) {
      const res = await send(t.http, step);
      if (res.status >= 300)
        throw new Error(`${step.command.type}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    auditor = await authFor('auditor');
    events = (await request(t.http).get(`/projects/${spec.projectId}/history`).set(auditor)).body.data.events;
  }, 60_000);
  afterAll(async () => {
    await t.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('the history gives actor, business time, record time and reason of every event', () => {
    expect(events.length).toBeGreaterThan(5);
    expect(events[0]).toMatchObject({
      revision: 0,
      type: 'LeadCaptured',
      businessTime: '2024-03-01T00:00:00+08:00',
      actor: { role: 'investment-officer', unitId: 'jingkaiqu' },
    });
    expect(events[0]?.recordedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(events[0]?.reason).toBeUndefined();
    const opinion = events.find((e) => e.type === 'DepartmentOpinionRecorded');
    expect(opinion?.reason).toBe(opinion?.data['summary']);
    expect(opinion?.actor.role).toBe('department-reviewer');
  });

  it('the state as of a date or a position, the same at the same cut', async () => {
    const signed = events.find((e) => e.type === 'AgreementSigned');
    if (signed === undefined) throw new Error('no signing');
    const before = events[events.indexOf(signed) - 1]!;
    const byPosition = await request(t.http)
      .get(`/audit/projects/${spec.projectId}/state?position=${before.position}`)
      .set(auditor);
    expect(byPosition.status).toBe(200);
    expect(byPosition.body.data).toMatchObject({
      projectId: spec.projectId,
      asOf: { position: before.position },
      state: { projectId: spec.projectId },
    });
    expect(byPosition.body.data.state.agreement).toBeUndefined();
    const now = await request(t.http)
      .get(`/audit/projects/${spec.projectId}/state?position=${signed.position}`)
      .set(auditor);
    expect(now.body.data.state.agreement).toBeDefined();
    const byDate = await request(t.http)
      .get(`/audit/projects/${spec.projectId}/state?date=2099-12-31`)
      .set(await authFor('supervision-office'));
    expect(byDate.status).toBe(200);
    expect(byDate.body.data.asOf).toEqual({ date: '2099-12-31' });
    expect(byDate.body.data.state).toEqual(now.body.data.state);
    const beforeAll = await request(t.http)
      .get(`/audit/projects/${spec.projectId}/state?date=2024-02-01`)
      .set(auditor);
    expect(beforeAll.body.data.state).not.toEqual(now.body.data.state);
  });

  it('the differences between two points, dates or positions', async () => {
    const signed = events.find((e) => e.type === 'AgreementSigned')!;
    const before = events[events.indexOf(signed) - 1]!;
    const diff = await request(t.http)
      .get(`/audit/projects/${spec.projectId}/diff?from=${before.position}&to=${signed.position}`)
      .set(await authFor('leading-group-office'));
    expect(diff.status).toBe(200);
    expect(diff.body.data.from).toEqual({ position: before.position });
    const paths = diff.body.data.changes.map((c: { path: string }) => c.path);
    expect(paths).toContain('agreement');
    expect(paths).toEqual([...paths].sort());
    const agreement = diff.body.data.changes.find((c: { path: string }) => c.path === 'agreement');
    expect(agreement).not.toHaveProperty('before'); // absent before the signing
    const none = await request(t.http)
      .get(`/audit/projects/${spec.projectId}/diff?from=2099-01-01&to=${signed.position}`)
      .set(auditor);
    expect(none.body.data).toMatchObject({ from: { date: '2099-01-01' }, changes: [] });
  });

  it('answers 400 for a bad point and 404 for an unknown project or stream, in both languages', async () => {
    const bad = async (url: string) => {
      const res = await request(t.http).get(url).set(auditor).set('Accept-Language', 'en');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'INVALID_INPUT', message: { zh: expect.any(String) } });
      expect(res.body.text).toBe(res.body.message.en);
      return res.body as { errors: Array<{ path: string }> };
    };
    const p = `/audit/projects/${spec.projectId}`;
    expect((await bad(`${p}/state`)).errors[0]?.path).toBe('query:date');
    await bad(`${p}/state?date=2024-03-01&position=3`);
    await bad(`${p}/state?date=2024-02-30`);
    await bad(`${p}/state?position=three`);
    await bad(`${p}/diff?from=3`);
    await bad(`${p}/diff?from=2024-13-01&to=3`);
    await bad(`${p}/bundle?toPosition=-1`);
    await bad(`/audit/verification?atLeast=1`);
    for (const url of [
      '/audit/projects/XM-NONE/state?position=1',
      '/audit/projects/XM-NONE/diff?from=1&to=2',
    ]) {
      const res = await request(t.http).get(url).set(auditor);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({
        code: 'PROJECT_NOT_FOUND',
        message: { zh: expect.any(String), en: expect.any(String) },
      });
    }
    const bundle = await request(t.http).get('/audit/projects/XM-NONE/bundle').set(auditor);
    expect(bundle.status).toBe(404);
    expect(bundle.body.code).toBe('PROJECT_NOT_FOUND');
    const stream = await request(t.http).get('/audit/streams/project-XM-NONE/verification').set(auditor);
    expect(stream.status).toBe(404);
    expect(stream.body.code).toBe('NOT_FOUND');
  });

  it('verifies one stream, and the whole store as NDJSON ending with the report', async () => {
    const one = await request(t.http)
      .get(`/audit/streams/project-${spec.projectId}/verification`)
      .set(auditor);
    expect(one.status).toBe(200);
    expect(one.body.data).toEqual({ ok: true, scope: `project-${spec.projectId}`, checked: events.length });
    const all = await request(t.http).get('/audit/verification').set(auditor).buffer(true).parse(text);
    expect(all.status).toBe(200);
    expect(all.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const answer = lines(all.body as string);
    expect(answer[answer.length - 1]).toEqual({
      report: { ok: true, scope: '$all', checked: expect.any(Number) },
    });
    const last = answer[answer.length - 1] as { report: VerifyReport };
    expect(last.report.checked).toBeGreaterThanOrEqual(events.length);
  });

  it('exports a project bundle and the whole store as one file each that verify-bundle accepts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zhaoshang-audit-bundle-'));
    dirs.push(dir);
    const project = await request(t.http)
      .get(`/audit/projects/${spec.projectId}/bundle`)
      .set(await authFor('supervision-office'))
      .buffer(true)
      .parse(text);
    expect(project.status).toBe(200);
    expect(project.headers['content-disposition']).toMatch(
      new RegExp(`attachment; filename="audit-bundle-${spec.projectId}-to-\\d+\\.jsonl"`),
    );
    const file = path.join(dir, 'project.jsonl');
    writeFileSync(file, project.body as string);
    expect(verifyBundle(file)).toEqual({ ok: true, checked: events.length });
    const trailer = lines(project.body as string).pop() as { manifest: BundleManifest };
    expect(Object.keys(trailer.manifest.streams)).toEqual([`project-${spec.projectId}`]);
    expect(trailer.manifest.toPosition).toBe(events[events.length - 1]?.position);

    const store = await request(t.http).get('/audit/bundle').set(auditor).buffer(true).parse(text);
    expect(store.status).toBe(200);
    const head = store.headers['x-bundle-to-position'] as string;
    writeFileSync(path.join(dir, 'store.jsonl'), store.body as string);
    const report = verifyBundle(path.join(dir, 'store.jsonl'));
    expect(report).toEqual({ ok: true, checked: Number(head) });

    const cut = await request(t.http).get('/audit/bundle?toPosition=3').set(auditor).buffer(true).parse(text);
    expect(cut.headers['x-bundle-to-position']).toBe('3');
    writeFileSync(path.join(dir, 'cut.jsonl'), cut.body as string);
    expect(verifyBundle(path.join(dir, 'cut.jsonl'))).toEqual({ ok: true, checked: 3 });
  });

  it('describes every audit route in /openapi.json, with its roles', () => {
    const doc = openApiDocument();
    const paths = doc.paths as Record<string, Record<string, { description: string; tags: string[] }>>;
    for (const p of [
      '/audit/projects/{projectId}/state',
      '/audit/projects/{projectId}/diff',
      '/audit/projects/{projectId}/bundle',
      '/audit/streams/{streamName}/verification',
      '/audit/verification',
      '/audit/bundle',
    ])
      expect(paths[p]?.get?.tags).toEqual(['审计 Audit']); // the tag as people read it (issue #18 item 7)
    expect(paths['/audit/bundle']?.get?.description).toContain('Roles: auditor.');
    expect(paths['/audit/projects/{projectId}/state']?.get?.description).toContain(
      'Roles: auditor, supervision-office, leading-group-office.',
    );
  });

  it('finds a changed byte in the store: the whole-store report names the event', async () => {
    const victim = events[1]!;
    const sameDay = events.filter((e) => e.businessTime.slice(0, 10) === victim.businessTime.slice(0, 10));
    await t.close(); // the store file is complete once closed
    flipLastDigit(path.join(dataDir, 'events.sqlite'), `"businessTime":"${victim.businessTime.slice(0, 10)}`);
    t = await startTestApp({ dataDir }, '2024-12-31');
    const all = await request(t.http).get('/audit/verification').set(auditor).buffer(true).parse(text);
    const last = lines(all.body as string).pop() as { report: VerifyReport };
    expect(last.report).toMatchObject({
      ok: false,
      firstBroken: {
        streamName: `project-${spec.projectId}`,
        revision: sameDay[0]?.revision,
        reason: 'hash-mismatch',
      },
    });
    const one = await request(t.http)
      .get(`/audit/streams/project-${spec.projectId}/verification`)
      .set(auditor);
    expect(one.body.data).toMatchObject({ ok: false, firstBroken: { revision: sameDay[0]?.revision } });
  }, 30_000);
});

describe('audit API: whole-store jobs are one at a time and stop when the auditor leaves', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let server: http.Server;
  let auditor: Record<string, string>;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zhaoshang-audit-api-'));

  beforeAll(async () => {
    // 20,000 events (about 10 MB of bundle): far more than a socket buffers.
    const store = openSqliteEventStore({ file: path.join(dataDir, 'events.sqlite'), durability: 'normal' });
    for (let s = 0; s < 40; s++)
      await store.append(
        `noise-${s}`,
        Array.from({ length: 500 }, (_, n) => ({
          type: 'Noted',
          data: { s, n, note: '审计压力测试 audit load' },
        })),
        { expectedRevision: 'no-stream', context: testContext() },
      );
    await store.close();
    t = await startTestApp({ dataDir });
    server = (t.http as http.Server).listen(0);
    auditor = await authFor('auditor');
  }, 60_000);
  afterAll(async () => {
    server.close();
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a second whole-store job is refused with 429 AUDIT_BUSY while one runs', async () => {
    const handler = t.z.app.get(ExportAuditBundleHandler);
    const running = await handler.execute(new ExportAuditBundle());
    const busy = await request(t.http).get('/audit/verification').set(auditor).set('Accept-Language', 'en');
    expect(busy.status).toBe(429);
    expect(busy.body).toMatchObject({
      code: 'AUDIT_BUSY',
      message: { zh: expect.stringContaining('整库'), en: expect.stringContaining('already running') },
    });
    expect(busy.body.text).toBe(busy.body.message.en);
    // A project's bundle is not a whole-store job.
    expect((await request(t.http).get('/audit/projects/XM-NONE/bundle').set(auditor)).status).toBe(404);
    let bytes = 0;
    await running.body(async (chunk) => {
      bytes += chunk.length;
    }, new AbortController().signal);
    expect(bytes).toBeGreaterThan(1_000_000);
    expect((await request(t.http).get('/audit/verification').set(auditor)).status).toBe(200);
  });

  it('an export the auditor walks away from stops and frees the slot', async () => {
    const { port } = server.address() as AddressInfo;
    const received = await new Promise<number>((resolve, reject) => {
      const req = http.get({ port, path: '/audit/bundle', headers: auditor }, (res) => {
        expect(res.statusCode).toBe(200);
        res.once('data', (chunk: Buffer) => {
          req.destroy();
          resolve(chunk.length);
        });
      });
      req.on('error', (error) => {
        if (!req.destroyed) reject(error);
      });
    });
    expect(received).toBeGreaterThan(0);
    // The writer notices the closed socket at its next write and releases the slot.
    let status = 429;
    for (let i = 0; i < 50 && status === 429; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await request(t.http).get('/audit/verification').set(auditor)).status;
    }
    expect(status).toBe(200);
  });
});
