import { CommandGateway, type CommandResult } from '../src/command-handling/command-gateway';
import { DomainEventOccurred } from '../src/command-handling/domain-event-occurred';
import { commandRoles } from '../src/auth/permissions';
import { lifeUntil } from '../src/demo/project-life';
import { EventBus } from '@nestjs/cqrs';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { openSqliteReadModelStore, PROJECTION_NAMES } from '@zhaoshang/projections';
import type { App } from 'supertest/types';
import { createApp } from '../src/app';
import { fixedDayClock } from '../src/clock';
import { QueryAnswers } from '../src/read-models/query-answers';
import { authFor, request, send, startTestApp } from './support';

/** A jingkaiqu project's life up to a stage (names and sizes vary per test). */
const lifeOf = (
  projectId: string,
  until: 'lead' | 'signed',
  p: { readonly name: string; readonly totalYi: number; readonly capturedOn: string },
) =>
  lifeUntil({ projectId, unitId: 'jingkaiqu', investor: 'i', industryChain: 'c', content: 'x', ...p }, until);

describe('operations', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('/health is live and /health/ready covers the store and the projection lag', async () => {
    expect((await request(t.http).get('/health')).body).toEqual({ status: 'ok' });
    expect((await request(t.http).get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await request(t.http).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ready',
      eventStore: { status: 'up' },
      projections: { lagEvents: 0, lagSeconds: 0, runner: { health: 'live' } },
    });
    // Each read model of @zhaoshang/projections says where it stands.
    expect(ready.body.projections.each.map((p: { name: string }) => p.name).sort()).toEqual([
      // advisors (招商顾问, 002 §八)
      'advisors',
      'fulfilment',
      // the investor directory (客商目录, 002 §一)
      'investor-directory',
      // land plots and the land-quota ledger (R19)
      'land',
      // Leading-group meetings and their 交办 items (R20)
      'meetings',
      'performance-review',
      'register',
      // enterprise requests (R17): the requests read model (issue #16 item 1)
      'requests',
      'supervision',
      'target-progress',
    ]);
    for (const p of ready.body.projections.each)
      expect(p).toMatchObject({ state: 'running', lagEvents: 0, lagSeconds: 0 });
  });

  it('serves OpenAPI 3 at /openapi.json, generated from the command codecs, and Swagger UI at /docs', async () => {
    const doc = (await request(t.http).get('/openapi.json')).body;
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(Object.keys(commandRoles)));
    const capture = doc.paths['/projects'].post;
    const body = capture.requestBody.content['application/json'].schema;
    expect(body.properties.intendedInvestment).toMatchObject({ type: 'integer', title: 'Cny' });
    expect(body.properties.capturedOn).toMatchObject({ type: 'string', format: 'date' });
    expect(body.properties.channel.enum).toContain('industrial-chain');
    expect(body.required).not.toContain('projectId');
    expect(
      doc.paths['/projects/{projectId}/procedures/{procedureId}/completion'].post.parameters.map(
        (p: { name: string }) => p.name,
      ),
    ).toEqual(expect.arrayContaining(['projectId', 'procedureId', 'Idempotency-Key', 'If-Match']));
    expect(
      doc.paths['/targets/{unitId}/{year}'].put.operationId ??
        doc.paths['/targets/{unitId}/{year}'].put.summary,
    ).toBeDefined();
    expect(doc.paths['/targets/{unitId}/{year}'].post).toBeUndefined();
    const ui = await request(t.http).get('/docs/');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('carries a request id (given or generated) on every answer', async () => {
    const given = await request(t.http).get('/health').set('x-request-id', 'req-42');
    expect(given.headers['x-request-id']).toBe('req-42');
    expect((await request(t.http).get('/health')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('publishes appended events on the EventBus for in-process reactions', async () => {
    const seen: string[] = [];
    const sub = t.z.app.get(EventBus).subscribe((e) => {
      if (e instanceof DomainEventOccurred) seen.push(e.event.type);
    });
    const step = lifeOf('XM-O-1', 'lead', { name: 'n', totalYi: 1, capturedOn: '2024-01-02' })[0]!;
    const res = await send(t.http, step);
    const result = res.body as CommandResult;
    sub.unsubscribe();
    expect(result.events.map((e) => e.type)).toEqual(['LeadCaptured']);
    expect(seen).toEqual(['LeadCaptured']);
  });

  it('a query waits (bounded) for a position not reached yet and says so', async () => {
    const res = await request(t.http)
      .get('/projects?atLeast=999999')
      .set(await authFor('auditor'));
    expect(res.status).toBe(200);
    expect(res.body.caughtUp).toBe(false);
  }, 10_000);
});

describe('rate limiting', () => {
  it('answers 429 beyond the configured requests per minute', async () => {
    const t = await startTestApp({ rateLimitPerMinute: 3 });
    try {
      const answers = [];
      for (let i = 0; i < 4; i += 1) answers.push(await request(t.http).get('/health'));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
      expect(answers[3]!.body.code).toBe('RATE_LIMITED');
      expect(Number(answers[3]!.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});

describe('graceful shutdown', () => {
  it('finishes commands in flight before the store closes', async () => {
    const t = await startTestApp();
    const step = lifeOf('XM-S-1', 'lead', { name: 'n', totalYi: 1, capturedOn: '2024-01-02' })[0]!;
    const inFlight = send(t.http, step);
    // Close once the command is in flight (or already answered): never a fixed delay, which a busy
    // machine overruns (the request is then refused at connect) or a fast one undershoots.
    let answered = false;
    void inFlight.then(
      () => (answered = true),
      () => (answered = true),
    );
    const gateway = t.z.app.get(CommandGateway);
    while (!answered && gateway.pending === 0) await new Promise((r) => setTimeout(r, 1));
    const [res] = await Promise.all([inFlight, t.close()]);
    expect(res.status).toBe(201);
  });
});

describe('read models across restarts', () => {
  it('saves checkpoints on shutdown and resumes from them: nothing is applied twice or lost', async () => {
    const t = await startTestApp();
    const life = lifeOf('XM-R-1', 'signed', { name: '重启测试项目', totalYi: 2, capturedOn: '2024-01-02' });
    let position = '0';
    for (const step of life) {
      const res = await send(t.http, step);
      expect(res.status).toBeLessThan(300);
      position = res.body.position as string;
    }
    const auditor = await authFor('auditor');
    const before = await request(t.http).get(`/projects/XM-R-1?atLeast=${position}`).set(auditor);
    expect(before.status).toBe(200);
    await t.z.app.close();
    // What the stopped process left on disk: every projection's checkpoint at the last event.
    const saved = openSqliteReadModelStore({ file: path.join(t.config.dataDir, 'read-models.sqlite') });
    const checkpoints = await saved.checkpoints();
    await saved.close();
    // One checkpoint per projection (six since the requests read model, issue #16 item 1; seven with land, R19).
    // One per read model (PROJECTION_NAMES: the five of DOMAIN.md §4 and those issue #16 adds).
    expect(checkpoints).toHaveLength(PROJECTION_NAMES.length);
    for (const c of checkpoints) expect(c).toMatchObject({ position: BigInt(position), status: 'ok' });

    // The same files, a new process: the read models answer at once from the saved checkpoint.
    const again = await createApp(t.config, { clock: fixedDayClock('2024-06-01') });
    try {
      expect(again.readModels.checkpoint()).toBe(BigInt(position));
      const http = again.app.getHttpServer() as App;
      const after = await request(http).get('/projects/XM-R-1').set(auditor);
      expect(after.status).toBe(200);
      expect(after.body.data).toEqual(before.body.data);
      // A command after the restart is applied once, on top of what was there.
      const next = lifeOf('XM-R-2', 'lead', { name: '重启后项目', totalYi: 1, capturedOn: '2024-02-02' })[0]!;
      const res = await send(http, next);
      expect(res.status).toBe(201);
      const register = await request(http).get(`/projects?atLeast=${res.body.position}`).set(auditor);
      expect(register.body.data.items.map((e: { projectId: string }) => e.projectId)).toEqual([
        'XM-R-1',
        'XM-R-2',
      ]);
    } finally {
      await again.app.close();
      rmSync(t.config.dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('query cache', () => {
  it('serves a repeated read-model query from memory until the read models move, then answers anew', async () => {
    const t = await startTestApp();
    try {
      const auditor = await authFor('auditor');
      const cache = t.z.app.get(QueryAnswers).cache;
      const first = await request(t.http).get('/projects').set(auditor);
      const hitsBefore = cache.hits;
      const second = await request(t.http).get('/projects').set(auditor);
      expect(second.body).toEqual(first.body);
      expect(cache.hits).toBe(hitsBefore + 1);
      const step = lifeOf('XM-C-1', 'lead', {
        name: '缓存测试项目',
        totalYi: 1,
        capturedOn: '2024-01-02',
      })[0]!;
      const written = await send(t.http, step);
      expect(written.status).toBe(201);
      const after = await request(t.http).get(`/projects?atLeast=${written.body.position}`).set(auditor);
      expect(after.body.caughtUp).toBe(true);
      expect(after.body.data.total).toBe(first.body.data.total + 1);
      expect(BigInt(after.body.position)).toBeGreaterThanOrEqual(BigInt(written.body.position));
    } finally {
      await t.close();
    }
  });
});
