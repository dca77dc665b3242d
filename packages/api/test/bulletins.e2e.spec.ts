import { computeBulletinFigures, figuresDigest, parseBulletinPeriod } from '@zhaoshang/audit';
import type { Figures } from '@zhaoshang/domain';
import { lifeUntil } from '../src/demo/project-life';
import { seedDemoRegion } from '../src/demo/seed';
import { authFor, request, send, startTestApp } from './support';

/** A published bulletin as GET /bulletins/{period} answers it (folded from its stream). */
interface Edition {
  bulletinId: string;
  computedAtPosition: string;
  figuresDigest: string;
  figures: Figures;
  on: string;
  supersedes?: string;
}

describe('published bulletins over HTTP on the demo region (R14)', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  const head = async () =>
    (await t.z.store.readAll({ direction: 'backwards', maxCount: 1 }))[0]?.globalPosition ?? 0n;
  const as = (role: Parameters<typeof authFor>[0]) => authFor(role, 'region');
  let original: Edition;

  beforeAll(async () => {
    t = await startTestApp({}, '2024-06-01');
    await seedDemoRegion(t.z.app);
  }, 120_000); // seeds the whole demo region: slow on a busy 2-core machine
  afterAll(() => t.close());

  it('404 in both languages while nothing is published for the period', async () => {
    for (const path of ['/bulletins/2024-03', '/bulletins/2024-03/verification']) {
      const res = await request(t.http)
        .get(path)
        .set(await as('auditor'));
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'NOT_FOUND', params: { bulletin: '2024-03' } });
      expect(res.body.message.zh).toContain('未找到');
      expect(res.body.message.en).toContain('Not found');
    }
  });

  it('only the two offices publish, only they and auditors verify', async () => {
    const officer = await authFor('investment-officer', 'jingkaiqu');
    const publish = await request(t.http).post('/bulletins').set(officer).send({ period: '2024-03' });
    expect(publish.status).toBe(403);
    expect(publish.body.code).toBe('ROLE_NOT_ALLOWED');
    const verify = await request(t.http).get('/bulletins/2024-03/verification').set(officer);
    expect(verify.status).toBe(403);
    expect(verify.body).toMatchObject({ code: 'ROLE_NOT_ALLOWED', params: { action: 'VerifyBulletin' } });
    // Anyone may read the bulletin itself.
    expect((await request(t.http).get('/bulletins/2024-03').set(officer)).status).toBe(404);
  });

  it('OpenAPI documents the request the server completes, and who may verify', async () => {
    const doc = (await request(t.http).get('/openapi.json')).body;
    const publish = doc.paths['/bulletins'].post;
    const body = publish.requestBody.content['application/json'].schema;
    expect(Object.keys(body.properties).sort()).toEqual(['period', 'publishedBy', 'publishedOn']);
    expect(body.required).toEqual(['period']);
    expect(publish.description).toContain('supervision-office, leading-group-office');
    const correction =
      doc.paths['/bulletins/{period}/corrections'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(correction.properties).sort()).toEqual(['correctedBy', 'correctedOn', 'reason']);
    const verification = doc.paths['/bulletins/{period}/verification'].get;
    expect(verification.description).toContain('auditor, supervision-office, leading-group-office');
    expect(verification.responses['403']).toBeDefined();
  });

  it('400: the caller never sends figures, and the period must be one', async () => {
    const before = await head();
    const office = await as('supervision-office');
    const withFigures = await request(t.http)
      .post('/bulletins')
      .set(office)
      .send({ period: '2024-03', figures: { jingkaiqu: { 'review.newSignings': 99 } } });
    expect(withFigures.status).toBe(400);
    expect(withFigures.body.errors).toEqual([
      { path: 'figures', expected: 'no such property', value: { jingkaiqu: { 'review.newSignings': 99 } } },
    ]);
    const march = await request(t.http).post('/bulletins').set(office).send({ period: 'March' });
    expect(march.status).toBe(400);
    expect(march.body.errors[0]).toMatchObject({
      path: 'period',
      expected: "期间（2024、2024-Q1 或 2024-03） a period: '2024', '2024-Q1' or '2024-03'",
    });
    expect(await head()).toBe(before);
  });

  it('the supervision office publishes: figures computed by the server at the head, as the live read models show them', async () => {
    const at = await head();
    const res = await request(t.http)
      .post('/bulletins')
      .set(await as('supervision-office'))
      .send({ period: '2024-03' });
    expect(res.status).toBe(201);
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['BulletinPublished']);
    // The bulletin's own position: the new head, after the one the figures were computed at.
    const published = BigInt(res.body.position);
    expect(published > at).toBe(true);
    expect(published).toBe(await head());

    const got = await request(t.http)
      .get('/bulletins/2024-03')
      .set(await as('investment-officer'));
    expect(got.status).toBe(200);
    expect(got.body.data).toMatchObject({
      status: 'published',
      period: { kind: 'month', year: 2024, index: 3 },
    });
    original = got.body.data.current as Edition;
    expect(original).toMatchObject({
      bulletinId: 'TB-2024-03',
      computedAtPosition: String(at),
      on: '2024-06-01',
    });
    expect(Object.keys(original.figures).sort()).toEqual([
      '$period',
      '$region',
      'fenghuang-town',
      'gaoxinqu',
      'jingkaiqu',
    ]);
    expect(original.figuresDigest).toBe(figuresDigest(original.figures));
    const recomputed = await computeBulletinFigures(t.z.store, parseBulletinPeriod('2024-03')!, { upTo: at });
    expect(recomputed.digest).toBe(original.figuresDigest);
    const [event] = await t.z.store.readStream('bulletin-2024-03');
    expect(event?.data).toMatchObject({ publishedBy: '督查考核办', publishedOn: '2024-06-01' });
    expect(event?.metadata.actor.role).toBe('supervision-office');

    // The same figures the live read models answer (nothing was appended between the two).
    const auditor = await as('auditor');
    const review = await request(t.http).get(`/performance/2024-03?atLeast=${at}`).set(auditor);
    expect(review.status).toBe(200);
    expect(review.body.data.units.length).toBe(3);
    expect(
      review.body.data.units.some((u: { counts: { effectiveLeads: number } }) => u.counts.effectiveLeads > 0),
    ).toBe(true);
    for (const u of review.body.data.units) {
      const row = original.figures[u.unitId]!;
      expect(row['review.effectiveLeads']).toBe(u.counts.effectiveLeads);
      expect(row['review.newSignings']).toBe(u.counts.newSignings);
      expect(row['review.investmentCompletedFen']).toBe(u.counts.investmentCompleted);
      expect(row['review.scoreHundredths']).toBe(Math.round(u.score * 100));
      expect(row['review.rank']).toBe(u.rank);
    }
    const progress = await request(t.http)
      .get('/targets/jingkaiqu/2024/progress?asOf=2024-03-31')
      .set(auditor);
    for (const m of progress.body.data.metrics) {
      const key = `progress.${m.metric}${m.minInvestment === undefined ? '' : `[min=${m.minInvestment}]`}`;
      expect(original.figures['jingkaiqu']![`${key}.actual`]).toBe(m.actual);
      expect(original.figures['jingkaiqu']![`${key}.target`]).toBe(m.target);
    }
  });

  it('auditors and both offices verify it: equal, no difference', async () => {
    for (const role of ['auditor', 'supervision-office', 'leading-group-office'] as const) {
      const res = await request(t.http)
        .get('/bulletins/2024-03/verification')
        .set(await as(role));
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({
        ok: true,
        period: '2024-03',
        bulletinId: 'TB-2024-03',
        computedAtPosition: original.computedAtPosition,
        digest: { published: original.figuresDigest, recomputed: original.figuresDigest },
        differences: [],
      });
    }
  });

  it('409 to publish the period again: correct it instead (nothing appended)', async () => {
    const before = await head();
    const res = await request(t.http)
      .post('/bulletins')
      .set(await as('leading-group-office'))
      .set('accept-language', 'en')
      .send({ period: '2024-03' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'BULLETIN_ALREADY_PUBLISHED', rule: 'R14' });
    expect(res.body.message.zh).toContain('请用更正');
    expect(res.body.text).toContain('correct it instead');
    expect(await head()).toBe(before);
  });

  it('a repeated Idempotency-Key answers the first publication again', async () => {
    const office = await as('supervision-office');
    const first = await request(t.http)
      .post('/bulletins')
      .set(office)
      .set('idempotency-key', 'tb-2024-q1')
      .send({ period: '2024-Q1' });
    expect(first.status).toBe(201);
    const again = await request(t.http)
      .post('/bulletins')
      .set(office)
      .set('idempotency-key', 'tb-2024-q1')
      .send({ period: '2024-Q1' });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ duplicate: true, position: first.body.position });
  });

  it('a later fact leaves the published bulletin verifiable; a correction recomputes it with a reason', async () => {
    const lead = lifeUntil(
      {
        projectId: 'XM-2024-0777',
        unitId: 'jingkaiqu',
        name: '补录的三月线索',
        investor: '某补录投资方',
        industryChain: '新材料',
        content: '补录：三月已研判的有效线索',
        totalYi: 1,
        capturedOn: '2024-03-12',
      },
      'qualified',
    );
    for (const step of lead) expect((await send(t.http, step)).status).toBeLessThan(300);
    const still = await request(t.http)
      .get('/bulletins/2024-03/verification')
      .set(await as('auditor'));
    expect(still.body.data).toMatchObject({ ok: true, differences: [] });

    const res = await request(t.http)
      .post('/bulletins/2024-03/corrections')
      .set(await as('leading-group-office'))
      .send({ reason: '补录经开区三月有效线索一条' });
    expect(res.status).toBe(200);
    expect(res.body.events.map((e: { type: string }) => e.type)).toEqual(['BulletinCorrected']);
    const got = await request(t.http)
      .get('/bulletins/2024-03')
      .set(await as('auditor'));
    const current = got.body.data.current as Edition;
    expect(got.body.data.editions).toHaveLength(2);
    expect(current).toMatchObject({ bulletinId: 'TB-2024-03-r1', supersedes: original.figuresDigest });
    expect(current.figures['jingkaiqu']!['review.effectiveLeads']).toBe(
      (original.figures['jingkaiqu']!['review.effectiveLeads'] as number) + 1,
    );
    const [, corrected] = await t.z.store.readStream('bulletin-2024-03');
    expect(corrected?.data).toMatchObject({
      reason: '补录经开区三月有效线索一条',
      correctedBy: '招商引资工作领导小组办公室',
    });

    const verified = await request(t.http)
      .get('/bulletins/2024-03/verification')
      .set(await as('auditor'));
    expect(verified.body.data).toMatchObject({ ok: true, inForce: 1, bulletinId: 'TB-2024-03-r1' });
    expect(verified.body.data.editions.map((e: { ok: boolean }) => e.ok)).toEqual([true, true]);
  });

  it('422 for a correction that changes nothing and for a bulletin dated before its period; 404 to correct an unpublished one', async () => {
    const office = await as('supervision-office');
    const unchanged = await request(t.http)
      .post('/bulletins/2024-03/corrections')
      .set(office)
      .send({ reason: '再核一遍' });
    expect(unchanged.status).toBe(422);
    expect(unchanged.body).toMatchObject({ code: 'CORRECTION_UNCHANGED', rule: 'R14' });
    const early = await request(t.http).post('/bulletins').set(office).send({ period: '2024-12' });
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'BULLETIN_BEFORE_PERIOD', params: { first: '2024-12-01' } });
    const none = await request(t.http)
      .post('/bulletins/2024-04/corrections')
      .set(office)
      .send({ reason: '更正' });
    expect(none.status).toBe(404);
    expect(none.body).toMatchObject({ code: 'NOT_FOUND', params: { bulletin: '2024-04' } });
    const noReason = await request(t.http).post('/bulletins/2024-03/corrections').set(office).send({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0]).toMatchObject({ path: 'reason' });
  });

  it('an edition crafted straight into the store shows exactly the figure that was changed', async () => {
    const stream = await t.z.store.readStream('bulletin-2024-03');
    const last = stream[stream.length - 1]!;
    const current = last.data as Edition & { period: unknown };
    const signed = current.figures['gaoxinqu']!['review.newSignings'] as number;
    const figures: Figures = {
      ...current.figures,
      gaoxinqu: { ...current.figures['gaoxinqu']!, 'review.newSignings': signed + 2 },
    };
    await t.z.store.append(
      'bulletin-2024-03',
      [
        {
          type: 'BulletinCorrected',
          data: {
            bulletinId: 'TB-2024-03-r2',
            period: current.period,
            computedAtPosition: current.computedAtPosition,
            figuresDigest: figuresDigest(figures),
            figures,
            supersedes: current.figuresDigest,
            correctedOn: '2024-06-01',
            correctedBy: '某人',
            reason: '（伪造）',
          },
        },
      ],
      {
        expectedRevision: last.revision,
        context: {
          commandId: 'forged',
          actor: { userId: 'x', role: 'supervision-office', unitId: 'region' },
          businessTime: '2024-06-01T00:00:00+08:00',
        },
      },
    );
    const res = await request(t.http)
      .get('/bulletins/2024-03/verification')
      .set(await as('auditor'));
    expect(res.status).toBe(200);
    expect(res.body.data.ok).toBe(false);
    expect(res.body.data.differences).toEqual([
      { unit: 'gaoxinqu', metric: 'review.newSignings', published: signed + 2, recomputed: signed },
    ]);
    expect(res.body.data.editions.map((e: { ok: boolean }) => e.ok)).toEqual([true, true, false]);
  });
});
