import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { addApiKey } from '../src/auth/api-keys';
import { issueToken } from '../src/auth/authenticator';
import { generateNoteKey } from '@zhaoshang/eventstore';
import { DEV_JWT_SECRET } from '../src/config';
// People's sign-in (issue #18 item 1)
import { AccountStore } from '../src/accounts/account-store';
import { hashPassword } from '../src/accounts/password-hash';
import { accountsFileOf } from '../src/accounts/sign-in';
import type { Role } from '../src/auth/roles';

/**
 * Issue #13 item 1, on the real entry point (src/main.ts in a child process, compiled like the
 * tests): a production start with any development secret or key exits non-zero with a clear
 * message; a production start with a proper configuration serves, without the demo and without
 * a credential on the dashboard.
 */
const MAIN = path.resolve(__dirname, '..', 'src', 'main.ts');
const RUN_TS = path.resolve(__dirname, 'run-ts.js');
const SECRET = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

interface Child {
  readonly exited: Promise<number | null>;
  readonly output: () => string;
  readonly kill: () => void;
}

const start = (env: NodeJS.ProcessEnv): Child => {
  const child = spawn(process.execPath, [RUN_TS, MAIN], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', WATCHER_INTERVAL_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return {
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    output: () => output,
    kill: () => child.kill('SIGTERM'),
  };
};

/** Polls until the server answers (a busy machine compiles and starts it slowly). */
const waitForHealth = async (url: string, child: Child, deadline: number): Promise<void> => {
  let exited = false;
  void child.exited.then(() => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`the server exited:\n${child.output()}`);
    try {
      if ((await fetch(`${url}/health/live`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not start:\n${child.output()}`);
};

describe('production start (NODE_ENV=production)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhaoshang-production-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('with the development token secret: exits 1 and says why', async () => {
    addApiKey(path.join(dir, 'api-keys.json'), {
      name: 'stats',
      role: 'statistics-bureau',
      unitId: 'region',
    });
    const child = start({
      NODE_ENV: 'production',
      DATA_DIR: dir,
      HOST: '127.0.0.1',
      JWT_SECRET: DEV_JWT_SECRET,
    });
    expect(await child.exited).toBe(1);
    expect(child.output()).toContain('refusing to start in production mode');
    expect(child.output()).toContain('JWT_SECRET is the published development secret');
    expect(child.output()).toContain('TRANSPARENCY_SIGNING_KEY is not set'); // issue #15
    expect(child.output()).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
  }, 120_000);

  it('with a development API key (or none configured): exits 1 and says why', async () => {
    const child = start({
      NODE_ENV: 'production',
      DATA_DIR: dir,
      HOST: '127.0.0.1',
      JWT_SECRET: SECRET,
      API_KEYS: 'dev-dashboard-key:dashboard:auditor:region',
    });
    expect(await child.exited).toBe(1);
    expect(child.output()).toContain('API_KEYS holds a development key');
    expect(child.output()).toContain('no API key is configured');
  }, 120_000);

  it('with a proper configuration: serves; development credentials fail; no demo; no credential on the dashboard', async () => {
    const { key } = addApiKey(path.join(dir, 'api-keys.json'), {
      name: 'stats',
      role: 'statistics-bureau',
      unitId: 'region',
    });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = start({
      PRODUCTION: 'true',
      DATA_DIR: dir,
      HOST: '127.0.0.1',
      PORT: String(port),
      JWT_SECRET: SECRET,
      TRANSPARENCY_SIGNING_KEY: generateNoteKey('audit.example.gov.cn/zhaoshang').signerKey,
      SEED_DEMO: 'true', // not the demo's name: DEMO=seed is
    });
    try {
      await waitForHealth(url, child, Date.now() + 100_000);
      const get = (route: string, headers: Record<string, string> = {}) =>
        fetch(`${url}${route}`, { headers });
      const projects = await get('/projects', { 'x-api-key': key });
      expect(projects.status).toBe(200);
      expect(((await projects.json()) as { data: { total: number } }).data.total).toBe(0);
      expect((await get('/projects', { 'x-api-key': 'dev-stats-key' })).status).toBe(401);
      const devToken = await issueToken(
        { sub: 'x', role: 'auditor', unit: 'region' },
        { secret: DEV_JWT_SECRET, issuer: 'zhaoshang' },
      );
      expect((await get('/projects', { authorization: `Bearer ${devToken}` })).status).toBe(401);
      const realToken = await issueToken(
        { sub: 'x', role: 'auditor', unit: 'region' },
        { secret: SECRET, issuer: 'zhaoshang' },
      );
      expect((await get('/projects', { authorization: `Bearer ${realToken}` })).status).toBe(200);
      const dashboard = (await (await get('/dashboard/config.json')).json()) as Record<string, unknown>;
      expect(dashboard).not.toHaveProperty('demoKey');
      expect(JSON.stringify(dashboard)).not.toMatch(/dev-[a-z]+-key|zk_/);
      expect(child.output()).not.toContain('DEVELOPMENT MODE');
    } finally {
      child.kill();
      await child.exited;
    }
  }, 150_000);

  it('development start says loudly that it is insecure', async () => {
    const port = await freePort();
    const child = start({ DATA_DIR: dir, PORT: String(port), SEED_DEMO: 'false' });
    try {
      await waitForHealth(`http://127.0.0.1:${port}`, child, Date.now() + 100_000);
      expect(child.output()).toContain('DEVELOPMENT MODE — INSECURE');
    } finally {
      child.kill();
      await child.exited;
    }
  }, 150_000);
});

// ---- People's sign-in in production (issue #18 item 1) ----
describe('production start: people’s sign-in', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhaoshang-production-'));
    addApiKey(path.join(dir, 'api-keys.json'), {
      name: 'stats',
      role: 'statistics-bureau',
      unitId: 'region',
    });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const production = (port?: number): NodeJS.ProcessEnv => ({
    NODE_ENV: 'production',
    DATA_DIR: dir,
    HOST: '127.0.0.1',
    JWT_SECRET: SECRET,
    TRANSPARENCY_SIGNING_KEY: generateNoteKey('audit.example.gov.cn/zhaoshang').signerKey,
    ...(port !== undefined ? { PORT: String(port) } : {}),
  });
  const withAccounts = async (
    accounts: ReadonlyArray<{ username: string; password: string; role: Role; unitId: string }>,
  ) => {
    const store = new AccountStore(accountsFileOf(dir));
    for (const a of accounts)
      store.add({ ...a, displayName: a.username, passwordHash: await hashPassword(a.password) });
    store.close();
  };

  it('with an account holding the published development password: exits 1 and says why', async () => {
    await withAccounts([
      {
        username: 'demo-officer',
        password: 'zhaoshang-dev',
        role: 'investment-officer',
        unitId: 'jingkaiqu',
      },
    ]);
    const child = start(production());
    expect(await child.exited).toBe(1);
    expect(child.output()).toContain('refusing to start in production mode');
    expect(child.output()).toContain('account demo-officer has the published development password');
  }, 120_000);

  it('creates no development account, refuses zhaoshang-dev, and sets a Secure session cookie', async () => {
    await withAccounts([
      { username: 'li-xiaoyan', password: 'river-stone-42', role: 'investment-officer', unitId: 'region' },
    ]);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = start({ ...production(port), DEV_ACCOUNTS: undefined });
    try {
      await waitForHealth(url, child, Date.now() + 100_000);
      const signIn = (username: string, password: string) =>
        fetch(`${url}/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password }),
        });
      expect((await signIn('demo-officer', 'zhaoshang-dev')).status).toBe(401);
      expect((await signIn('demo-leader', 'zhaoshang-dev')).status).toBe(401);
      const res = await signIn('li-xiaoyan', 'river-stone-42');
      expect(res.status).toBe(200);
      const cookie = res.headers.get('set-cookie') ?? '';
      expect(cookie.split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict', 'Secure']);
      const me = await fetch(`${url}/session`, { headers: { cookie: cookie.split(';')[0]! } });
      expect(me.status).toBe(200);
      const store = new AccountStore(accountsFileOf(dir));
      expect(store.list().map((a) => a.username)).toEqual(['li-xiaoyan']);
      store.close();
    } finally {
      child.kill();
      await child.exited;
    }
  }, 150_000);
});
