import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Where `vite build` writes the workbench (packages/workbench/dist): the API runs from src (jest)
 * and from dist (`npm start`), both two levels below packages/api, so the path is the same.
 */
export const WORKBENCH_DIST = path.resolve(__dirname, '..', '..', '..', 'workbench', 'dist');

/** What a GET under /workbench/ answers. */
export type WorkbenchAnswer =
  /** A built file: hashed assets are kept a year, anything else revalidated. */
  | { readonly kind: 'file'; readonly file: string; readonly cache: string }
  /** A page of the single-page app (its own router reads the path): index.html, revalidated. */
  | { readonly kind: 'page'; readonly file: string }
  /** A missing asset (a file name under assets/): 404, never the page in its place. */
  | { readonly kind: 'not-found' }
  /** No build: the bilingual page that says how to build it. */
  | { readonly kind: 'not-built' };

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * The answer for a path below /workbench/ (`sub` without the prefix, e.g. "assets/index-1a2b.js" or
 * "projects/XM-1"), read from `dist`. Paths that leave `dist` (`..`, encoded or not) are not found.
 */
export const workbenchAnswer = (dist: string, sub: string): WorkbenchAnswer => {
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) return { kind: 'not-built' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(sub);
  } catch {
    return { kind: 'not-found' };
  }
  const file = path.resolve(dist, `.${path.posix.sep}${decoded}`);
  if (file !== dist && !file.startsWith(`${dist}${path.sep}`)) return { kind: 'not-found' };
  if (decoded !== '' && existsSync(file) && statSync(file).isFile())
    return {
      kind: 'file',
      file,
      cache: decoded.startsWith('assets/') ? IMMUTABLE : REVALIDATE,
    };
  if (decoded.startsWith('assets/') || /\.[a-z0-9]{1,8}$/i.test(decoded)) return { kind: 'not-found' };
  return { kind: 'page', file: index };
};

/** The page answered while the workbench has not been built (503: the server runs, the page is missing). */
export const NOT_BUILT_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>工作台尚未构建 · Workbench not built</title></head>
<body style="font-family: sans-serif; max-width: 40em; margin: 3em auto; line-height: 1.6">
<h1>工作台尚未构建</h1>
<p>服务器正在运行，但工作台页面（packages/workbench/dist）还没有生成。请在项目根目录运行 <code>npm run build</code>（或 <code>npm start</code>，它会先构建），然后刷新本页。</p>
<h1 lang="en">The workbench has not been built</h1>
<p lang="en">The server is running, but the workbench's pages (packages/workbench/dist) have not been built. Run <code>npm run build</code> (or <code>npm start</code>, which builds first) in the repository and reload this page.</p>
</body></html>
`;
