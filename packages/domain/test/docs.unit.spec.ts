import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventCatalogue } from '../src';
import { renderDomainDoc, ruleMap, testsByRule } from '../../../scripts/domain-docs';

describe('docs/domain.md', () => {
  it('is what `npm run docs:domain` generates from the codecs and tests (run it after a change)', () => {
    const onDisk = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'domain.md'), 'utf8');
    expect(onDisk).toEqual(renderDomainDoc());
  });

  it('lists every event type of the catalogue with its schema version', () => {
    const doc = renderDomainDoc();
    for (const { definition } of eventCatalogue) {
      expect(doc).toContain(`| **${definition.type}** | ${definition.version} |`);
    }
  });

  it('maps every rule R1–R10 to at least two tests (one passing, one violating)', () => {
    const byRule = testsByRule();
    for (let r = 1; r <= 10; r += 1) expect((byRule.get(`R${r}`) ?? []).length).toBeGreaterThanOrEqual(2);
  });

  it('gives each rule (the sixteen of DOMAIN.md §2 and the enterprise-request loop) at least one enforcing function, each exported by the file named beside it', () => {
    const root = join(__dirname, '..', '..', '..');
    const map = ruleMap();
    expect(map.map((r) => r.rule).slice(0, 17)).toEqual(Array.from({ length: 17 }, (_, i) => `R${i + 1}`));
    // issue #16: the seeds' other mechanisms add their own rules after R17 (R18–R21), each once;
    // issue #18: the register's profile (R22, DOMAIN.md §6)
    const later = map.map((r) => r.rule).slice(17);
    expect(
      later.every((r) => ['R18', 'R19', 'R20', 'R21', 'R22'].includes(r)) &&
        new Set(later).size === later.length,
    ).toBe(true);
    expect(later).toContain('R18'); // weekly 包保 visits
    expect(later).toContain('R19'); // land
    // Leading-group meetings and their 交办 items (R20)
    expect(map.map((r) => r.rule)).toContain('R20');
    // advisors (招商顾问, R21 · 002 §八)
    expect(map.map((r) => r.rule)).toContain('R21');
    // The project's profile: the register's columns (R22 · DOMAIN.md §6)
    expect(map.map((r) => r.rule)).toContain('R22');
    for (const { rule, enforcedBy } of map) {
      expect([rule, enforcedBy.length > 0]).toEqual([rule, true]);
      for (const { name, file } of enforcedBy) {
        const source = readFileSync(join(root, file), 'utf8');
        expect([
          rule,
          name,
          file,
          new RegExp(`^export (const|function|type|interface|class) ${name}\\b`, 'm').test(source),
        ]).toEqual([rule, name, file, true]);
        expect(renderDomainDoc()).toContain(`[\`${file}\`](../${file})`);
      }
    }
  });
});
