import { openSqliteEventStore } from '@zhaoshang/eventstore';
import { GOLDEN } from '@zhaoshang/projections/testing';
import { computeBulletinFigures, type BulletinVerification } from '../src';
import { main } from '../src/cli/main';
import {
  correct,
  goldenStoreFiles,
  head,
  issue,
  laterFacts,
  period,
  publish,
  tamper,
} from './bulletin-fixture';

const run = async (argv: ReadonlyArray<string>) => {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
};

describe('zhaoshang-audit verify-bulletin', () => {
  const golden = goldenStoreFiles();
  let file: string;
  let published: string;

  beforeAll(async () => {
    await golden.create();
    file = golden.copyFile();
    const store = openSqliteEventStore({ file });
    try {
      const march = await computeBulletinFigures(store, period('2024-03'), { upTo: await head(store) });
      published = march.digest;
      await issue(store, publish(march), 'publish-march');
      await laterFacts(store);
      // May: published honestly, then a crafted correction with one figure changed (digest made consistent).
      const may = await computeBulletinFigures(store, period('2024-05'), { upTo: await head(store) });
      await issue(store, publish(may), 'publish-may');
      const forged = tamper(may.figures, GOLDEN.zone, 'review.newSignings');
      await issue(store, correct({ ...may, figures: forged }, may.digest, '篡改 tampered'), 'forge-may');
    } finally {
      await store.close(); // the CLI opens the file itself
    }
  });
  afterAll(() => golden.dispose());

  it('exits 0 and says EQUAL when the bulletin follows from history (events appended since change nothing)', async () => {
    const human = await run(['verify-bulletin', '2024-03', '--events', file]);
    expect(human).toMatchObject({ code: 0, stderr: '' });
    expect(human.stdout).toContain('通报 bulletin 2024-03 (bulletin-2024-03), 1 版 editions');
    expect(human.stdout).toContain(`发布 published ${published}`);
    expect(human.stdout).toContain(`重算 recomputed ${published}`);
    expect(human.stdout).toContain('一致 EQUAL');
    const asJson = await run(['verify-bulletin', '2024-03', '--events', file, '--json']);
    expect(asJson.code).toBe(0);
    expect(JSON.parse(asJson.stdout)).toMatchObject({ ok: true, period: '2024-03', differences: [] });
  });

  it('exits 1 and lists exactly the figure that differs', async () => {
    const human = await run(['verify-bulletin', '2024-05', '--events', file]);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('[0] TB-2024-05 发布 published');
    expect(human.stdout).toContain('[1] TB-2024-05-r1 更正 corrected (篡改 tampered)');
    expect(human.stdout).toContain('不一致 DIFFERENT: 1 处差异 differences');
    expect(human.stdout).toMatch(/jingkai review\.newSignings: 发布 published (\d+), 重算 recomputed \d+/);
    const asJson = await run(['verify-bulletin', '2024-05', '--events', file, '--json']);
    expect(asJson.code).toBe(1);
    const v = JSON.parse(asJson.stdout) as BulletinVerification;
    expect(v.ok).toBe(false);
    expect(v.editions.map((e) => e.ok)).toEqual([true, false]);
    expect(v.differences).toHaveLength(1);
    const [d] = v.differences;
    expect(d).toMatchObject({ unit: GOLDEN.zone, metric: 'review.newSignings' });
    expect(d!.published).toBe((d!.recomputed as number) + 1);
  });

  it('exits 1 when nothing was published for the period, 2 on a usage error', async () => {
    const none = await run(['verify-bulletin', '2024-07', '--events', file]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no bulletin was published for 2024-07');
    expect((await run(['verify-bulletin', '2024-13', '--events', file])).code).toBe(2);
    expect((await run(['verify-bulletin', 'March', '--events', file])).code).toBe(2);
    expect((await run(['verify-bulletin', '--events', file])).code).toBe(2);
    expect((await run(['verify-bulletin', '2024-03'])).code).toBe(2);
    expect((await run(['verify-bulletin', '2024-03', '--events', `${file}.missing`])).code).toBe(2);
  });
});
