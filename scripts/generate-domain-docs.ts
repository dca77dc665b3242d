/** npm run docs:domain — writes docs/domain.md (see scripts/domain-docs.ts). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDomainDoc } from './domain-docs';

const target = join(__dirname, '..', 'docs', 'domain.md');
writeFileSync(target, renderDomainDoc());
console.log(`wrote ${target}`);
