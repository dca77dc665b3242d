import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The bins as npm links them (node_modules/.bin, from each package's committed bin/ launcher), run
 * as a person runs them (issue #18 "Command lines"): --help everywhere, usage errors exit 2, dates
 * checked, and no store created at a path that does not exist. They run the built CLIs: `npm test`
 * builds first; on an unbuilt checkout the launcher builds the package (the long timeout).
 */
const root = resolve(__dirname, '../../..');
const bin = (name: string): string => join(root, 'node_modules', '.bin', name);

const spawn = (name: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((done) => {
    execFile(bin(name), args, { cwd: dir, timeout: 170_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      done({ code, stdout, stderr });
    });
  });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zhaoshang-bins-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BINS = [
  ['zhaoshang-audit', 'verify'],
  ['zhaoshang-projections', 'status'],
  ['zhaoshang-eventstore', 'copy'],
  ['zhaoshang-api', 'secret'],
] as const;

describe('the command lines, run from their bins', () => {
  it.each(BINS)(
    '%s: --help and help <command> print the usage (exit 0); no command or an unknown option: exit 2 with the usage',
    async (name, first) => {
      expect(existsSync(bin(name))).toBe(true);
      const help = await spawn(name, '--help');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`用法 usage: ${name} <command>`);
      const one = await spawn(name, 'help', first);
      expect(one.code).toBe(0);
      expect(one.stdout).toContain(`用法 usage: ${name} ${first}`);
      expect(one.stdout).toContain('-h, --help');
      const none = await spawn(name);
      expect(none.code).toBe(2);
      expect(none.stderr).toContain('缺少命令 a command is required');
      const bogus = await spawn(name, first, '--bogus');
      expect(bogus.code).toBe(2);
      expect(bogus.stderr).toContain('参数有误 invalid arguments');
      expect(bogus.stderr).toContain(`用法 usage: ${name} ${first}`);
    },
    180_000,
  );

  it.each(BINS.map(([name]) => name))(
    '`npx %s --help` in the clone runs the workspace bin (no registry lookup: --no-install), exit 0',
    (name) =>
      new Promise<void>((done, fail) => {
        execFile(
          'npx',
          ['--no-install', name, '--help'],
          { cwd: root, timeout: 170_000 },
          (error, stdout, stderr) => {
            try {
              // npm may warn about its own config on stderr; an error (e.g. the registry's 404) fails the run
              expect({ name, error: error?.message ?? null }).toEqual({ name, error: null });
              expect(stderr).not.toMatch(/npm error|E404/);
              expect(stdout).toContain(`用法 usage: ${name} <command>`);
              done();
            } catch (e) {
              fail(e);
            }
          },
        );
      }),
    180_000,
  );

  it('zhaoshang-audit refuses a date that is not on the calendar (2024-13-45, 2023-02-29), exit 2', async () => {
    for (const date of ['2024-13-45', '2023-02-29']) {
      const r = await spawn('zhaoshang-audit', 'as-of', 'p-1', '--date', date, '--events', 'events.sqlite');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--date: 不是有效日期 not a calendar date: ${date}`);
    }
    const diff = await spawn('zhaoshang-audit', 'diff', 'p-1', '--from', '2024-01-01', '--to', '2024-02-30');
    expect(diff.code).toBe(2);
    expect(diff.stderr).toContain('--to: 不是有效日期 not a calendar date: 2024-02-30');
  }, 60_000);

  it('a mistyped store path is a usage error (exit 2) and no file is created there', async () => {
    const events = join(dir, 'events.sqlite');
    writeFileSync(events, ''); // an (empty) SQLite database that exists
    const typo = join(dir, 'evnets.sqlite');
    const checks: ReadonlyArray<readonly [string, ReadonlyArray<string>, string, string]> = [
      ['zhaoshang-audit', ['verify', '--events', typo], '--events', typo],
      [
        'zhaoshang-projections',
        ['status', '--events', typo, '--read-models', join(dir, 'rm.sqlite')],
        '--events',
        typo,
      ],
      [
        'zhaoshang-projections',
        ['status', '--events', events, '--read-models', join(dir, 'rm-typo.sqlite')],
        '--read-models',
        join(dir, 'rm-typo.sqlite'),
      ],
      [
        'zhaoshang-projections',
        ['run', '--events', typo, '--read-models', join(dir, 'rm.sqlite')],
        '--events',
        typo,
      ],
      ['zhaoshang-eventstore', ['copy', '--from', typo, '--to', join(dir, 'copy.sqlite')], '--from', typo],
    ];
    for (const [name, args, flag, path] of checks) {
      const r = await spawn(name, ...args);
      expect({ name, args, code: r.code }).toEqual({ name, args, code: 2 });
      expect(r.stderr).toContain(`${flag}: 没有该文件 no such file: ${path}`);
    }
    for (const f of ['evnets.sqlite', 'rm.sqlite', 'rm-typo.sqlite', 'copy.sqlite'])
      expect(existsSync(join(dir, f))).toBe(false);
  }, 120_000);
});
