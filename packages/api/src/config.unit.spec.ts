import { loadConfig, parseApiKeys } from './config';

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
});
