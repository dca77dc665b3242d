/**
 * The dashboard shows business terms from the domain's vocabulary (served in config.json), and
 * keeps only its own chrome in assets/i18n.js: no file of the page writes a vocabulary label again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { retypedLabels } from '@zhaoshang/domain/testing';

const DIR = __dirname;
const files = [
  ...readdirSync(join(DIR, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => join('assets', f)),
  ...readdirSync(DIR).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts')),
];

describe('the dashboard uses the vocabulary’s labels', () => {
  it('reads the page’s scripts and the controller (the check is not vacuous)', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        join('assets', 'i18n.js'),
        join('assets', 'charts.js'),
        'dashboard.controller.ts',
      ]),
    );
  });

  it.each(files)('%s writes no vocabulary label again', (file) => {
    expect(retypedLabels(readFileSync(join(DIR, file), 'utf8'))).toEqual([]);
  });
});
