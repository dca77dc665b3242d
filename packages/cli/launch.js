'use strict';
/**
 * What each package's bin (`bin/zhaoshang-*.js`, committed, so npm links it on a fresh clone before
 * anything is built) runs: the package's built `dist/cli/main.js`, building the package first with
 * the workspace's TypeScript (`tsc -b`, which builds what it depends on too) when it is missing.
 * Plain CommonJS on purpose: it must run before any TypeScript in the repository has been compiled.
 */
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const fail = (zh, en) => {
  process.stderr.write(`${zh}\n${en}\n`);
  process.exitCode = 1;
};

const build = (packageDir, main) => {
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [packageDir] });
  } catch {
    tsc = undefined;
  }
  if (tsc === undefined || !existsSync(join(packageDir, 'tsconfig.json'))) {
    fail(`未编译：缺少 ${main}，请先运行 npm run build`, `not built: ${main} is missing; run npm run build`);
    return false;
  }
  process.stderr.write(`首次运行，正在编译 first run: building ${packageDir} (tsc -b)…\n`);
  const built = spawnSync(process.execPath, [tsc, '-b', packageDir], { stdio: ['ignore', 2, 2] });
  if (built.status !== 0 || !existsSync(main)) {
    fail('编译失败（见上）', 'the build failed (see above)');
    return false;
  }
  return true;
};

/** Runs the command line of the package at `packageDir` as this process. */
exports.launch = (packageDir) => {
  const main = join(packageDir, 'dist', 'cli', 'main.js');
  if (!existsSync(main) && !build(packageDir, main)) return;
  const cli = require(main);
  if (typeof cli.bin !== 'function') {
    fail(`${main} 是旧的编译结果，请运行 npm run build`, `${main} is an old build: run npm run build`);
    return;
  }
  void cli.bin();
};
