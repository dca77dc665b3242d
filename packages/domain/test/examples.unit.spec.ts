import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('the README example', () => {
  it('is the file the test runs, word for word', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const example = readFileSync(join(__dirname, '..', 'examples', 'quick-start.ts'), 'utf8');
    expect(readme).toContain(example.trim());
  });

  it('captures a lead and refuses to start construction before signing, with a Chinese message', async () => {
    const { outcome } = await import('../examples/quick-start');
    expect(outcome).toEqual({
      events: ['LeadCaptured'],
      stage: 'lead',
      refusal: 'AGREEMENT_NOT_SIGNED',
      message: '项目尚未签约',
    });
  });
});
