import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NOT_BUILT_PAGE, workbenchAnswer } from './workbench-files';

describe('the workbench’s files under /workbench/ (issue #18 item 1)', () => {
  let dist: string;
  beforeEach(() => {
    dist = mkdtempSync(path.join(tmpdir(), 'workbench-dist-'));
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  const build = () => {
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(dist, 'assets', 'index-1a2b3c.js'), 'export {}');
    writeFileSync(path.join(dist, 'favicon.svg'), '<svg/>');
  };

  it('answers "not built" for every path while there is no build', () => {
    expect(workbenchAnswer(dist, '')).toEqual({ kind: 'not-built' });
    expect(workbenchAnswer(dist, 'assets/index-1a2b3c.js')).toEqual({ kind: 'not-built' });
    // …whose page (503) says in both languages how to build it
    expect(NOT_BUILT_PAGE).toContain('工作台尚未构建');
    expect(NOT_BUILT_PAGE).toContain('The workbench has not been built');
    expect(NOT_BUILT_PAGE).toContain('npm run build');
  });

  it('serves hashed assets for a year, other files revalidated, app paths with index.html', () => {
    build();
    expect(workbenchAnswer(dist, 'assets/index-1a2b3c.js')).toEqual({
      kind: 'file',
      file: path.join(dist, 'assets', 'index-1a2b3c.js'),
      cache: 'public, max-age=31536000, immutable',
    });
    expect(workbenchAnswer(dist, 'favicon.svg')).toMatchObject({ kind: 'file', cache: 'no-cache' });
    for (const page of ['', 'projects/XM-2024-001', 'new', 'import'])
      expect(workbenchAnswer(dist, page)).toEqual({ kind: 'page', file: path.join(dist, 'index.html') });
  });

  it('answers 404 for a missing asset and for paths that leave the build', () => {
    build();
    expect(workbenchAnswer(dist, 'assets/gone-0000.js')).toEqual({ kind: 'not-found' });
    expect(workbenchAnswer(dist, 'missing.css')).toEqual({ kind: 'not-found' });
    expect(workbenchAnswer(dist, '../package.json')).toEqual({ kind: 'not-found' });
    expect(workbenchAnswer(dist, '%2e%2e/%2e%2e/etc/passwd')).toEqual({ kind: 'not-found' });
    expect(workbenchAnswer(dist, '%E0%A4%A')).toEqual({ kind: 'not-found' });
  });
});
