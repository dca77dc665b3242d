import { MemoryReadModelStore } from '@zhaoshang/projections';
import { createApp, type ZhaoshangApp } from '../src/app';
import { fixedDayClock } from '../src/clock';
import { lifeUntil } from '../src/demo/project-life';
import { authFor, request, send, startTestApp } from './support';

const spec = (projectId: string) => ({
  projectId,
  unitId: 'jingkaiqu',
  name: '精密模具加工项目',
  investor: '宁波某模具有限公司',
  industryChain: '装备制造',
  content: '建设精密注塑模具生产线',
  totalYi: 2,
  capturedOn: '2024-02-01',
});

// Each API process keeps the folded state of the streams it commands (COMMAND_CACHE_STREAMS). Two
// processes over one event store show that a write made by the other is never missed: a command is
// answered from cached state only when the store accepted its append at the cached revision.
describe('command path: two API processes over one store, each with its own cache of folded states', () => {
  let a: Awaited<ReturnType<typeof startTestApp>>;
  let b: ZhaoshangApp;
  const negotiate = async (app: ZhaoshangApp, headers: Record<string, string> = {}) =>
    request(app.app.getHttpServer())
      .post('/projects/XM-P-1/negotiations')
      .set(await authFor('investment-officer', 'jingkaiqu'))
      .set(headers)
      .send({ on: '2024-02-10', summary: '洽谈' });

  beforeAll(async () => {
    a = await startTestApp();
    b = await createApp(a.config, {
      clock: fixedDayClock('2024-06-01'),
      readModelStore: new MemoryReadModelStore(),
    });
    await b.app.init();
  });
  afterAll(async () => {
    await b.app.close();
    await a.close();
  });

  it('sees the other process’s writes: If-Match, repeated command ids and refusals answer on the stored stream', async () => {
    for (const step of lifeUntil(spec('XM-P-1'), 'qualified'))
      expect((await send(a.http, step)).status).toBeLessThan(300);
    const known = (await a.z.store.readStream('project-XM-P-1')).length - 1; // a's cache is at this revision

    const fromB = await negotiate(b, { 'idempotency-key': 'negotiation-on-b' });
    expect(fromB.status).toBe(200);
    expect(fromB.body.revision).toBe(known + 1);

    // a's cache is one revision behind: If-Match with the stored revision succeeds...
    const matched = await negotiate(a.z, { 'if-match': String(known + 1) });
    expect(matched.status).toBe(200);
    expect(matched.body.revision).toBe(known + 2);
    // ...and a stale If-Match is refused with the stored revision.
    const stale = await negotiate(a.z, { 'if-match': String(known + 1) });
    expect(stale.status).toBe(409);
    expect(stale.body.currentRevision).toBe(known + 2);

    // b's command retried on a: the first answer, nothing appended.
    const retried = await negotiate(a.z, { 'idempotency-key': 'negotiation-on-b' });
    expect(retried.status).toBe(200);
    expect(retried.body).toEqual({ ...fromB.body, duplicate: true });

    // b discards the lead; a, whose cache still holds a qualified lead, must refuse a negotiation.
    const discarded = await request(b.app.getHttpServer())
      .post('/projects/XM-P-1/discarding')
      .set(await authFor('investment-officer', 'jingkaiqu'))
      .send({ on: '2024-02-11', reason: '投资方放弃' });
    expect(discarded.status).toBe(200);
    const refused = await negotiate(a.z);
    expect(refused.status).toBe(422);
    const stored = await a.z.store.readStream('project-XM-P-1');
    expect(stored.map((e) => e.type).slice(-3)).toEqual([
      'NegotiationHeld',
      'NegotiationHeld',
      'LeadDiscarded',
    ]);
    expect(stored).toHaveLength(known + 4);
  });
});
