/**
 * Counts the names each package exports from its main entry (`src/index.ts`) and from its subpath
 * entries (`./testing`…, as package.json "exports" lists them), with the TypeScript compiler's own
 * view of the module: values (functions, constants, classes, codecs) and type-only names
 * (interfaces, type aliases) apart. A name that is both (an io-ts codec and its type) counts once,
 * as a value.
 *
 *   npx tsx scripts/public-surface.ts          # a table
 *   npx tsx scripts/public-surface.ts --json   # { package: { entry: { values, types, names } } }
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(__dirname, '..');
const packagesDir = join(root, 'packages');

interface Surface {
  readonly values: number;
  readonly types: number;
  readonly names: ReadonlyArray<string>;
}

/** The source file behind an "exports" entry: ./dist/x/index.js → src/x/index.ts. */
const sourceOf = (pkg: string, target: unknown): string | undefined => {
  const text =
    typeof target === 'string'
      ? target
      : typeof target === 'object' && target !== null && 'default' in target
        ? String((target as { default: unknown }).default)
        : undefined;
  if (text === undefined || !text.startsWith('./dist/') || !text.endsWith('.js')) return undefined;
  return join(packagesDir, pkg, 'src', text.slice('./dist/'.length, -'.js'.length) + '.ts');
};

const entries = (): ReadonlyArray<{ pkg: string; entry: string; file: string }> =>
  readdirSync(packagesDir).flatMap((pkg) => {
    const manifest = JSON.parse(readFileSync(join(packagesDir, pkg, 'package.json'), 'utf8')) as {
      exports?: Record<string, unknown>;
    };
    const exports = manifest.exports ?? { '.': './dist/index.js' };
    return Object.entries(exports).flatMap(([entry, target]) => {
      const file = sourceOf(pkg, target);
      return file === undefined ? [] : [{ pkg, entry, file }];
    });
  });

const surfaces = (): Record<string, Record<string, Surface>> => {
  const list = entries();
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.check.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  );
  const program = ts.createProgram(
    list.map((e) => e.file),
    { ...(config?.options ?? {}), noEmit: true },
  );
  const checker = program.getTypeChecker();
  const result: Record<string, Record<string, Surface>> = {};
  for (const { pkg, entry, file } of list) {
    const source = program.getSourceFile(file);
    const symbol = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (symbol === undefined) continue;
    let values = 0;
    let types = 0;
    const names: string[] = [];
    for (const exported of checker.getExportsOfModule(symbol)) {
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      if (target.flags & ts.SymbolFlags.Value) values += 1;
      else types += 1;
      names.push(exported.name);
    }
    (result[pkg] ??= {})[entry] = { values, types, names: names.sort() };
  }
  return result;
};

const all = surfaces();
if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
else {
  process.stdout.write('package\tentry\tnames\tvalues\ttype-only\n');
  for (const [pkg, byEntry] of Object.entries(all))
    for (const [entry, s] of Object.entries(byEntry))
      process.stdout.write(`${pkg}\t${entry}\t${s.values + s.types}\t${s.values}\t${s.types}\n`);
}
