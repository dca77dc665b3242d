import { command, EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, positiveInteger, program, UsageError } from '.';

class Refused extends Error {}

const calls: Array<{ values: unknown; positionals: ReadonlyArray<string> }> = [];

const greet = command({
  name: 'greet',
  args: '<name>',
  positionals: [1, 1],
  summary: '问候 greet someone',
  options: {
    loud: { type: 'boolean', help: '大声 loudly' },
    times: { type: 'string', arg: '<n>', help: '次数 how many times' },
    tag: { type: 'string', multiple: true, arg: '<tag>', help: '标签 a tag' },
  },
  run: ({ values, positionals }, io) => {
    calls.push({ values, positionals });
    const times = values.times === undefined ? 1 : positiveInteger('--times', values.times);
    const text = `hello ${positionals[0] ?? ''}${values.loud === true ? '!' : ''}`;
    io.stdout(`${Array.from({ length: times }, () => text).join(' ')}\n`);
    return positionals[0] === 'nobody' ? EXIT_PROBLEM : EXIT_OK;
  },
});

const keysAdd = command({
  name: 'keys add',
  args: '<name>',
  positionals: [1, 1],
  summary: '新增 add a key',
  options: {},
  run: () => EXIT_OK,
});
const keysList = command({ name: 'keys list', summary: '列出 list keys', options: {}, run: () => EXIT_OK });
const fail = command({
  name: 'fail',
  args: '<how>',
  positionals: [1, 1],
  summary: '失败 fail',
  options: {},
  run: ({ positionals: [how] }) => {
    if (how === 'usage') throw new UsageError('用法不对 wrong use');
    if (how === 'refused') throw new Refused('不行 refused');
    throw new Error('boom');
  },
});

const cli = program({
  name: 'demo',
  commands: [greet, keysAdd, keysList, fail],
  footer: '环境 environment: NONE',
  onError: (e, io) => {
    if (!(e instanceof Refused)) return undefined;
    io.stderr(`${e.message}\n`);
    return EXIT_PROBLEM;
  },
});

const run = async (...argv: string[]) => {
  let stdout = '';
  let stderr = '';
  const code = await cli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
};

describe('the shared command-line runner', () => {
  it.each([['--help'], ['-h'], ['help']])(
    '%s prints the overall usage (every command, the footer) on stdout, exit 0',
    async (flag) => {
      const r = await run(flag);
      expect(r).toMatchObject({ code: EXIT_OK, stderr: '' });
      expect(r.stdout).toMatch(/^用法 usage: demo <command> \[options\]\n/);
      for (const line of [
        'greet <name>',
        'keys add <name>',
        'keys list',
        'help [command]',
        '环境 environment',
      ])
        expect(r.stdout).toContain(line);
    },
  );

  it('a command’s help (--help after it, or help <command>) lists its options, exit 0', async () => {
    for (const argv of [
      ['greet', '--help'],
      ['greet', 'x', '-h'],
      ['help', 'greet'],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(EXIT_OK);
      expect(r.stdout).toMatch(/^用法 usage: demo greet <name> \[options\]\n {2}问候 greet someone\n/);
      expect(r.stdout).toMatch(/--times <n> +次数 how many times/);
      expect(r.stdout).toMatch(/--tag <tag>… +标签 a tag/);
      expect(r.stdout).toContain('-h, --help');
    }
    expect(calls).toHaveLength(0);
  });

  it('no command, an unknown command or help for one: exit 2 with the usage on stderr', async () => {
    for (const [argv, message] of [
      [[], '缺少命令 a command is required'],
      [['frobnicate'], '未知命令 unknown command: frobnicate'],
      [['help', 'frobnicate'], '没有该命令 no such command: frobnicate'],
    ] as const) {
      const r = await run(...argv);
      expect(r).toMatchObject({ code: EXIT_USAGE, stdout: '' });
      expect(r.stderr).toContain(message);
      expect(r.stderr).toContain('用法 usage: demo <command>');
    }
  });

  it('an unknown option, a missing value or the wrong number of arguments: exit 2 with the command’s usage', async () => {
    for (const argv of [
      ['greet', 'li', '--bogus'],
      ['greet', 'li', '--times'],
      ['greet'],
      ['greet', 'li', 'wang'],
      ['greet', 'li', '--times', '0'],
      ['fail', 'usage'],
    ]) {
      const r = await run(...argv);
      expect(r.code).toBe(EXIT_USAGE);
      expect(r.stderr).toContain(`用法 usage: demo ${argv[0]} <`);
    }
    expect((await run('greet')).stderr).toContain('greet: 需要 expects 1 个参数 argument, 收到 got 0');
    expect((await run('greet', 'li', '--bogus')).stderr).toMatch(/参数有误 invalid arguments: .*--bogus/);
    expect(calls).toHaveLength(1); // only --times 0 reached the command (and was refused there)
  });

  it('runs the command with typed values and passes its exit code through', async () => {
    calls.length = 0;
    const r = await run('greet', 'li', '--loud', '--times', '2', '--tag', 'a', '--tag', 'b');
    expect(r).toEqual({ code: EXIT_OK, stdout: 'hello li! hello li!\n', stderr: '' });
    expect(calls[0]).toEqual({
      values: { loud: true, times: '2', tag: ['a', 'b'] },
      positionals: ['li'],
    });
    expect((await run('greet', 'nobody')).code).toBe(EXIT_PROBLEM);
    // After `--`, --help is an argument, not a request for help.
    expect((await run('greet', '--', '--help')).stdout).toBe('hello --help\n');
  });

  it('sub-commands: the group alone is a usage error naming its sub-commands; the group with --help lists them', async () => {
    const alone = await run('keys');
    expect(alone.code).toBe(EXIT_USAGE);
    expect(alone.stderr).toContain('keys: 需要子命令 expects one of add, list');
    const help = await run('keys', '--help');
    expect(help.code).toBe(EXIT_OK);
    expect(help.stdout).toContain('keys add <name>');
    expect(help.stdout).not.toContain('greet');
    expect((await run('keys', 'add', 'x')).code).toBe(EXIT_OK);
  });

  it('an error the program maps is its exit code; any other error goes through', async () => {
    const refused = await run('fail', 'refused');
    expect(refused).toEqual({ code: EXIT_PROBLEM, stdout: '', stderr: '不行 refused\n' });
    await expect(run('fail', 'other')).rejects.toThrow('boom');
  });
});
