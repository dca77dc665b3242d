import { generateNoteKey } from '@zhaoshang/eventstore';
import { DEV_TRANSPARENCY_SIGNING_KEY, loadConfig, parseApiKeys } from './config';

describe('configuration', () => {
  it('parses API_KEYS as key:role:unitId or key:name:role:unitId', () => {
    expect(parseApiKeys('k1:statistics-bureau:region, k2:hall:investment-officer:jingkaiqu')).toEqual([
      { key: 'k1', name: 'statistics-bureau@region', role: 'statistics-bureau', unitId: 'region' },
      { key: 'k2', name: 'hall', role: 'investment-officer', unitId: 'jingkaiqu' },
    ]);
    expect(() => parseApiKeys('only-a-key')).toThrow(/API_KEYS entry/);
    expect(() => parseApiKeys('a:b:c:d:e')).toThrow(/API_KEYS entry/);
  });

  it('keeps the embedded store in .data/ unless DATA_DIR says otherwise', () => {
    expect(loadConfig({}).dataDir.endsWith('.data')).toBe(true);
    expect(loadConfig({ DATA_DIR: '/tmp/zs' }).dataDir).toBe('/tmp/zs');
  });

  it('transparency log: the insecure development key by default; production refuses it; the origin defaults to the key name', () => {
    expect(loadConfig({}).transparency).toMatchObject({
      signingKey: DEV_TRANSPARENCY_SIGNING_KEY,
      origin: 'zhaoshang.dev/INSECURE-development-log',
      treeHash: 'sha256',
      checkpointIntervalMs: 3_600_000,
    });
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /TRANSPARENCY_SIGNING_KEY must be set in production/,
    );
    const { signerKey } = generateNoteKey('audit.example.gov.cn/zhaoshang');
    expect(
      loadConfig({ NODE_ENV: 'production', TRANSPARENCY_SIGNING_KEY: signerKey }).transparency.origin,
    ).toBe('audit.example.gov.cn/zhaoshang');
    expect(() => loadConfig({ TRANSPARENCY_SIGNING_KEY: 'not a key' })).toThrow(RangeError);
    expect(() => loadConfig({ TRANSPARENCY_TREE_HASH: 'md5' })).toThrow(/sha256 or sm3/);
  });
});
