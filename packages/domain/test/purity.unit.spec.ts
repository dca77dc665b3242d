/**
 * The domain is pure (docs/domain.md, STYLE.md): no I/O, no clock, no randomness — time and ids
 * come in with the commands. This test reads every non-spec source file and fails, naming file and
 * line, on an import outside the allowed set or on a read of the clock or of randomness.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const SRC = join(__dirname, '..', 'src');

/** Packages the domain may import (prefix match); everything else must be a relative path. */
const ALLOWED_PACKAGES = ['fp-ts', 'io-ts', 'chinese-days'] as const;
/** The testing subpath (`@zhaoshang/domain/testing`) may also use fast-check, an optional peer dependency. */
const ALLOWED_IN_TESTING = ['fast-check'] as const;

const NODE_BUILTINS = [
  'assert',
  'async_hooks',
  'buffer',
  'child_process',
  'cluster',
  'console',
  'crypto',
  'dgram',
  'diagnostics_channel',
  'dns',
  'domain',
  'events',
  'fs',
  'http',
  'http2',
  'https',
  'inspector',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'punycode',
  'querystring',
  'readline',
  'repl',
  'stream',
  'string_decoder',
  'sys',
  'timers',
  'tls',
  'trace_events',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'wasi',
  'worker_threads',
  'zlib',
  'test',
  'sqlite',
];
const FORBIDDEN_PACKAGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^node:/, 'a Node built-in'],
  [new RegExp(`^(${NODE_BUILTINS.join('|')})(/|$)`), 'a Node built-in'],
  [/^(better-sqlite3|sqlite3|mongodb|mongoose|pg|mysql2?|redis|ioredis)(\/|$)/, 'a database driver'],
  [/^@eventstore\//, 'a database driver'],
  [/^@nestjs\//, 'NestJS'],
  [/^rxjs(\/|$)/, 'rxjs'],
  [/^pino(\/|$|-)/, 'a logger'],
];

const IMPURE_CALLS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bDate\s*\.\s*now\s*\(/, 'reads the clock (Date.now)'],
  [/\bnew\s+Date\b/, 'reads the clock (new Date)'],
  [/(?<!new\s+)(?<![\w.])Date\s*\(\s*\)/, 'reads the clock (Date())'],
  [/\bperformance\s*\.\s*now\b/, 'reads the clock (performance.now)'],
  [/\bMath\s*\.\s*random\b/, 'draws randomness (Math.random)'],
  [/\bcrypto\s*\.\s*(getRandomValues|randomUUID|randomBytes)\b/, 'draws randomness (crypto)'],
  [/(?<![\w.])process\s*\./, 'reads the process environment (process.)'],
  [/\b(setTimeout|setInterval|setImmediate)\s*\(/, 'schedules work on the clock'],
];

export interface Impurity {
  readonly file: string;
  readonly line: number;
  readonly problem: string;
  readonly text: string;
}

/** Blanks out comments (keeping line breaks and string contents), so prose never trips the checks. */
export const stripComments = (source: string): string => {
  let out = '';
  let i = 0;
  let quote: string | undefined;
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (quote !== undefined) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote) quote = undefined;
      i += 1;
    } else if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') {
        out += ' ';
        i += 1;
      }
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      if (c === '"' || c === "'" || c === '`') quote = c;
      out += c;
      i += 1;
    }
  }
  return out;
};

const SPECIFIER =
  /(?:\bimport\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+from\s+)?|\bexport\s+(?:type\s+)?(?:[\w*{}\s,$]+\s+)?from\s+|\brequire\s*\(\s*|\bimport\s*\(\s*)(['"])([^'"]+)\1/g;

/** Every module specifier a source imports, with its line. */
export const importsOf = (
  source: string,
): ReadonlyArray<{ readonly specifier: string; readonly line: number }> => {
  const code = stripComments(source);
  return [...code.matchAll(SPECIFIER)].map((m) => ({
    specifier: m[2]!,
    line: code.slice(0, m.index).split('\n').length,
  }));
};

/** The purity problems of one source file. */
export const findImpurities = (
  file: string,
  source: string,
  options: { readonly testingSupport?: boolean } = {},
): ReadonlyArray<Impurity> => {
  const problems: Impurity[] = [];
  const lines = source.split('\n');
  const code = stripComments(source).split('\n');
  const allowed = [...ALLOWED_PACKAGES, ...(options.testingSupport === true ? ALLOWED_IN_TESTING : [])];
  for (const { specifier, line } of importsOf(source)) {
    const text = lines[line - 1]!.trim();
    const forbidden = FORBIDDEN_PACKAGES.find(([re]) => re.test(specifier));
    if (forbidden !== undefined) {
      problems.push({ file, line, problem: `imports ${forbidden[1]} '${specifier}'`, text });
    } else if (
      !specifier.startsWith('./') &&
      !specifier.startsWith('../') &&
      !allowed.some((p) => specifier === p || specifier.startsWith(`${p}/`))
    ) {
      problems.push({
        file,
        line,
        problem: `imports '${specifier}', which is not one of ${allowed.join(', ')} or a relative path`,
        text,
      });
    }
  }
  code.forEach((text, i) => {
    for (const [re, problem] of IMPURE_CALLS) {
      if (re.test(text)) problems.push({ file, line: i + 1, problem, text: lines[i]!.trim() });
    }
  });
  return problems;
};

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')
      ? [path]
      : [];
  });

const report = (problems: ReadonlyArray<Impurity>): string =>
  problems.map((p) => `${p.file}:${p.line}: ${p.problem}\n    ${p.text}`).join('\n');

describe('the domain library is pure', () => {
  const files = sourceFiles(SRC);

  it('finds the sources it checks', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files.some((f) => f.endsWith(join('project', 'project.decide.ts')))).toBe(true);
  });

  it('no source imports Node built-ins, drivers, NestJS, rxjs or a logger, nor reads the clock or randomness', () => {
    const problems = files.flatMap((path) => {
      const file = relative(join(SRC, '..'), path);
      const testingSupport = relative(SRC, path).split(sep)[0] === 'testing';
      return findImpurities(file, readFileSync(path, 'utf8'), { testingSupport });
    });
    expect(report(problems)).toBe('');
  });

  it('imports are exactly relative paths plus fp-ts, io-ts and chinese-days (and fast-check in testing/)', () => {
    const packages = new Set(
      files.flatMap((path) =>
        importsOf(readFileSync(path, 'utf8'))
          .map((i) => i.specifier)
          .filter((s) => !s.startsWith('.'))
          .map((s) => s.split('/')[0]!),
      ),
    );
    expect([...packages].every((p) => ['fp-ts', 'io-ts', 'chinese-days', 'fast-check'].includes(p))).toBe(
      true,
    );
  });
});

describe('the purity checker itself', () => {
  const bad = [
    "import fs from 'fs';",
    "import { join } from 'node:path';",
    "import * as E from 'fp-ts/Either';",
    "import { Client } from '@eventstore/db-client';",
    "export { x } from 'lodash';",
    '// Date.now() in a comment is fine',
    'const at = Date.now();',
    "const id = require('crypto').randomUUID();",
    'const today = new Date();',
    'const stamp = Date();',
    'if (Math.random() < 0.5) process.exit(1);',
  ].join('\n');

  it('flags a source that reads the clock and imports fs, naming the lines', () => {
    const problems = findImpurities('sample.ts', bad);
    expect(problems.map((p) => `${p.line} ${p.problem}`)).toEqual([
      "1 imports a Node built-in 'fs'",
      "2 imports a Node built-in 'node:path'",
      "4 imports a database driver '@eventstore/db-client'",
      "5 imports 'lodash', which is not one of fp-ts, io-ts, chinese-days or a relative path",
      "8 imports a Node built-in 'crypto'",
      '7 reads the clock (Date.now)',
      '9 reads the clock (new Date)',
      '10 reads the clock (Date())',
      '11 draws randomness (Math.random)',
      '11 reads the process environment (process.)',
    ]);
  });

  it('accepts relative imports and the allowed packages, and ignores comments', () => {
    const good = [
      "import * as t from 'io-ts';",
      "import { pipe } from 'fp-ts/function';",
      "import chineseDays from 'chinese-days/dist/chinese-days.json';",
      "import type { Project } from '../project/project.state';",
      "/* a process that watches the clock: new Date() is the caller's */",
      "const s = 'Date.parse is not a clock read';",
      'const d = Date.parse(at);',
    ].join('\n');
    expect(findImpurities('good.ts', good)).toEqual([]);
  });

  it('allows fast-check only in the testing subpath', () => {
    const src = "import fc from 'fast-check';";
    expect(findImpurities('x.ts', src)).toHaveLength(1);
    expect(findImpurities('testing/x.ts', src, { testingSupport: true })).toEqual([]);
  });
});
