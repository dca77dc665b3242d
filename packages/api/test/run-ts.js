/* global require, __dirname, process */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS loader run by node itself */
/**
 * Runs a TypeScript entry point of the repository in a child process, compiled on the fly by swc
 * the way jest compiles the tests (decorator metadata included, which Nest needs), with
 * @zhaoshang/* resolved to the packages' sources: `node packages/api/test/run-ts.js <file.ts>`.
 * Used by tests that start the server as a process (production.e2e.spec.ts).
 */
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const packages = path.resolve(__dirname, '..', '..');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const m = /^@zhaoshang\/(\w+)$/.exec(request);
  return resolve.call(this, m ? path.join(packages, m[1], 'src', 'index.ts') : request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
const entry = path.resolve(process.argv[2]);
process.argv.splice(1, 2, entry);
require(entry);
