/**
 * The register and the bulletin print business terms in the domain's vocabulary only (issue #14
 * item 3): no source file of packages/reports/src writes a vocabulary label again, so a register
 * and the dashboard cannot disagree (they did: 手续超时未办结 / 手续限时办结超时).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { retypedLabels } from '@zhaoshang/domain/testing';

const SRC = join(__dirname, '..', 'src');
const sources = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

describe('the reports use the vocabulary’s labels', () => {
  it('reads every source file (the check is not vacuous)', () => {
    expect(sources).toEqual(
      expect.arrayContaining([
        join('register', 'register-report.ts'),
        join('bulletin', 'bulletin-workbook.ts'),
      ]),
    );
  });

  it.each(sources)('%s writes no vocabulary label again', (file) => {
    expect(retypedLabels(readFileSync(join(SRC, file), 'utf8'))).toEqual([]);
  });
});
