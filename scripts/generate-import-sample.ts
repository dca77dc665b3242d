/** npx tsx scripts/generate-import-sample.ts — writes docs/samples/台账样例.xlsx and its mapping profile. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleProfile, sampleWorkbook } from './import-sample';

const dir = join(__dirname, '..', 'docs', 'samples');
mkdirSync(dir, { recursive: true });
void sampleWorkbook().then((bytes) => {
  writeFileSync(join(dir, '台账样例.xlsx'), bytes);
  writeFileSync(join(dir, '台账样例.profile.json'), `${JSON.stringify(sampleProfile, null, 2)}\n`);
  console.log(`wrote ${join(dir, '台账样例.xlsx')} and its profile`);
});
