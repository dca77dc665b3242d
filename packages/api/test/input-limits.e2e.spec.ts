import { gzipSync } from 'node:zlib';
import { INPUT_LIMITS } from '../src/http/input-limits';
import { authFor, request, startTestApp } from './support';

/** A lead as an officer of jingkaiqu would register it (README, "The first three requests"). */
const lead = (extra: Record<string, unknown> = {}) => ({
  unitId: 'jingkaiqu',
  name: '年产 5 万吨高性能复合材料项目',
  investor: { name: '江苏某新材料有限公司' },
  industryChain: '新材料',
  content: '建设碳纤维复合材料生产线',
  channel: 'industrial-chain',
  intendedInvestment: 30000000000,
  capturedOn: '2024-03-03',
  ...extra,
});

/** The raw bytes of a JSON text with `name` replaced by `nameBytes` (to send what JSON.stringify cannot). */
const withRawName = (nameBytes: Buffer): Buffer => {
  const [before, after] = JSON.stringify(lead({ name: '@@' })).split('"@@"') as [string, string];
  return Buffer.concat([Buffer.from(`${before}"`), nameBytes, Buffer.from(`"${after}`)]);
};

describe('issue #13 item 3 · input that cannot hurt: refused at the door, clearly, nothing appended', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  let officer: Record<string, string>;
  const head = async () =>
    (await t.z.store.readAll({ direction: 'backwards', maxCount: 1 }))[0]?.globalPosition ?? -1n;
  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    request(t.http)
      .post('/projects')
      .set({ ...officer, 'content-type': 'application/json', ...headers })
      .serialize((raw: unknown) => raw as string)
      .send(body);

  beforeAll(async () => {
    t = await startTestApp();
    officer = await authFor('investment-officer', 'jingkaiqu');
  });
  afterAll(() => t.close());

  it('a 10 KB body of nested arrays answers 400 JSON_TOO_DEEP, short, never a 500', async () => {
    const before = await head();
    const res = await post('['.repeat(5000) + ']'.repeat(5000));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('JSON_TOO_DEEP');
    expect(res.text.length).toBeLessThan(1000);
    // Without credentials too: the door is checked before anything else.
    const anonymous = await request(t.http)
      .post('/projects')
      .set('content-type', 'application/json')
      .send('{"a":'.repeat(40) + '1' + '}'.repeat(40));
    expect(anonymous.status).toBe(400);
    expect(await head()).toBe(before);
  });

  it('depth at the limit still parses (then decodes as usual)', async () => {
    // The body (1) and investor (2) hold maxDepth - 2 arrays: exactly maxDepth levels.
    const nested = '['.repeat(INPUT_LIMITS.maxDepth - 2) + ']'.repeat(INPUT_LIMITS.maxDepth - 2);
    const res = await post(JSON.stringify(lead({ investor: { name: 'x', extra: JSON.parse(nested) } })));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_INPUT');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['investor.extra']);
  });

  it('a body over the size limit answers 413 PAYLOAD_TOO_LARGE, compressed or not', async () => {
    const big = JSON.stringify(lead({ content: 'x'.repeat(INPUT_LIMITS.maxBodyBytes) }));
    expect((await post(big)).status).toBe(413);
    // A small gzip that inflates past the limit (a zip bomb) is refused the same way.
    const bomb = gzipSync(Buffer.from(JSON.stringify({ pad: ' '.repeat(4 * INPUT_LIMITS.maxBodyBytes) })));
    const res = await post(bomb, { 'content-encoding': 'gzip' });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('Content-Encoding: unsupported → 415, broken → 400, gzip → read as JSON; no credentials needed to be refused', async () => {
    const before = await head();
    const unsupported = await request(t.http)
      .post('/projects')
      .set({ 'content-type': 'application/json', 'content-encoding': 'compress' })
      .send('{}');
    expect(unsupported.status).toBe(415);
    expect(unsupported.body.code).toBe('UNSUPPORTED_CONTENT_ENCODING');
    // Refused at the door, still with the security headers every answer carries.
    expect(unsupported.headers['x-content-type-options']).toBe('nosniff');
    expect(unsupported.headers['cache-control']).toBe('no-store');
    const broken = await request(t.http)
      .post('/projects')
      .set({ 'content-type': 'application/json', 'content-encoding': 'gzip' })
      .send('not gzip at all');
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('INVALID_CONTENT_ENCODING');
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('INVALID_CONTENT_ENCODING');
    expect(await head()).toBe(before);
    const gz = await post(gzipSync(Buffer.from(JSON.stringify(lead()))), { 'content-encoding': 'gzip' });
    expect(gz.status).toBe(201);
  });

  it('a body that is not JSON answers 415 UNSUPPORTED_MEDIA_TYPE (text/plain, another charset)', async () => {
    expect((await post('hello', { 'content-type': 'text/plain' })).body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const latin1 = await post(JSON.stringify(lead()), { 'content-type': 'application/json; charset=latin1' });
    expect(latin1.status).toBe(415);
  });

  it.each([
    ['__proto__', '{"__proto__":{"admin":true}}', '__proto__'],
    [
      'constructor, nested',
      JSON.stringify(lead({ investor: { name: 'x', constructor: { prototype: 1 } } })),
      'investor.constructor',
    ],
    ['prototype', JSON.stringify(lead({ prototype: 1 })), 'prototype'],
  ])('prototype keys are refused in bodies: %s', async (_, body, path) => {
    const before = await head();
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(
      expect.objectContaining({ path, expected: expect.stringContaining('prototype key') }),
    );
    expect(await head()).toBe(before);
  });

  it.each(['__proto__=1', 'constructor[prototype]=1', 'unitId[__proto__]=x'])(
    'prototype keys are refused in query strings: ?%s',
    async (query) => {
      const res = await request(t.http).get(`/projects?${query}`).set(officer);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].expected).toContain('prototype key');
    },
  );

  it.each([
    ['NUL', 'a\u0000b', 'NUL'],
    ['a control character (BEL)', 'a\u0007b', 'control characters'],
    ['a C1 control character', 'a\u0085b', 'control characters'],
    ['a lone surrogate', 'a\ud800b', 'lone surrogates'],
  ])('text fields refuse %s with a 400 naming the field', async (_, name, expected) => {
    const before = await head();
    const res = await post(JSON.stringify(lead({ investor: { name } })));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: 'investor.name', expected: expect.stringContaining(expected) }),
    ]);
    expect(await head()).toBe(before);
  });

  it('newline and tab stay allowed in text', async () => {
    const res = await post(JSON.stringify(lead({ content: '第一行\n\t第二行' })));
    expect(res.status).toBe(201);
  });

  it('invalid UTF-8 in a text field answers 400 naming the field', async () => {
    const before = await head();
    const res = await post(withRawName(Buffer.from([0x61, 0xc3, 0x28, 0x62])));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'name', expected: 'valid UTF-8' })]);
    expect(await head()).toBe(before);
  });

  it('control characters and bad percent-encoding in a query string answer 400', async () => {
    expect((await request(t.http).get('/projects?unitId=a%00b').set(officer)).status).toBe(400);
    expect((await request(t.http).get('/projects?unitId=%E0%A4%A').set(officer)).status).toBe(400);
  });

  it('an error answer echoes only a short excerpt of a bad value', async () => {
    const long = '毒'.repeat(3000);
    const res = await post(JSON.stringify(lead({ capturedOn: long })));
    expect(res.status).toBe(400);
    const echoed = res.body.errors.find((e: { path: string }) => e.path === 'capturedOn').value as string;
    expect(echoed.length).toBeLessThanOrEqual(65);
    expect(res.text.length).toBeLessThan(2000);
  });

  it('unknown units are refused (400 on unitId); GET /units lists the configured ones', async () => {
    const before = await head();
    const res = await post(JSON.stringify(lead({ unitId: 'atlantis' })));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'unitId', value: 'atlantis' })]);
    const read = await request(t.http).get('/projects?unitId=atlantis').set(officer);
    expect(read.status).toBe(400);
    expect(await head()).toBe(before);
    const units = await request(t.http).get('/units').set(officer);
    expect(units.status).toBe(200);
    expect(units.body.data.map((u: { unitId: string }) => u.unitId)).toEqual(
      expect.arrayContaining(['region', 'jingkaiqu', 'gaoxinqu', 'fenghuang-town', 'xiangshan-district']),
    );
    expect((await request(t.http).get('/units')).status).toBe(401);
  });
});
