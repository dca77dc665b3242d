/**
 * The read models label business terms with the domain's vocabulary only (issue #14 item 3): no
 * source file of packages/projections/src writes a vocabulary label again. Test fixtures
 * (src/testing/) are left out: their Chinese is data — project and unit names — not labels.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { retypedLabels } from '@zhaoshang/domain/testing';

const SRC = join(__dirname, '..', 'src');
const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter(
  (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && !f.startsWith(`testing`),
);

describe('the projections use the vocabulary’s labels', () => {
  it('reads every source file (the check is not vacuous)', () => {
    expect(sources).toEqual(expect.arrayContaining([join('supervision', 'supervision.projection.ts')]));
    expect(sources.length).toBeGreaterThan(20);
  });

  it.each(sources)('%s writes no vocabulary label again', (file) => {
    expect(retypedLabels(readFileSync(join(SRC, file), 'utf8'))).toEqual([]);
  });
});
