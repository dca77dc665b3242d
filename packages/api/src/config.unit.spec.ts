import { DEMO_UNITS, parseUnits, REGION_UNIT } from './units';
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

  it('UNITS names the units requests may name; region always exists; development defaults to the demo region', () => {
    expect(parseUnits('jingkaiqu:经开区投资促进局, gaoxinqu:高新区招商局')).toEqual([
      REGION_UNIT,
      { unitId: 'jingkaiqu', name: '经开区投资促进局' },
      { unitId: 'gaoxinqu', name: '高新区招商局' },
    ]);
    expect(() => parseUnits('-bad:名')).toThrow(/UNITS entry/);
    expect(() => parseUnits('ok:')).toThrow(/UNITS entry/);
    expect(loadConfig({}).units.map((u) => u.unitId)).toEqual(['region', ...Object.keys(DEMO_UNITS)]);
  });
});
