import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { generateNoteKey } from '@zhaoshang/eventstore';
import { addApiKey, hashApiKey, readApiKeyFile, writeApiKeyFile } from './auth/api-keys';
import {
  ConfigError,
  DEV_API_KEYS,
  DEV_JWT_SECRET,
  DEV_TRANSPARENCY_SIGNING_KEY,
  loadConfig,
  parseApiKeys,
  tokenSecretProblem,
} from './config';
import { DEMO_UNITS, parseUnits, REGION_UNIT } from './units';

const STRONG = 'c3f1e0a9b87d6c5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e';
/** A transparency-log signing key of this test run (issue #15): production requires one of its own. */
const LOG_KEY = generateNoteKey('audit.example.gov.cn/zhaoshang').signerKey;

/** The problems a configuration is refused for, or [] when it loads. */
const problemsOf = (env: NodeJS.ProcessEnv): ReadonlyArray<string> => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
};

describe('configuration', () => {
  it('parses API_KEYS as key:role:unitId or key:name:role:unitId, keeping only the SHA-256 of each key', () => {
    expect(parseApiKeys('k1:statistics-bureau:region, k2:hall:investment-officer:jingkaiqu')).toEqual([
      {
        sha256: hashApiKey('k1'),
        name: 'statistics-bureau@region',
        role: 'statistics-bureau',
        unitId: 'region',
      },
      { sha256: hashApiKey('k2'), name: 'hall', role: 'investment-officer', unitId: 'jingkaiqu' },
    ]);
    expect(() => parseApiKeys('only-a-key')).toThrow(/API_KEYS entry/);
    expect(() => parseApiKeys('a:b:c:d:e')).toThrow(/API_KEYS entry/);
  });

  it("EVENTSTORE_MAX_APPEND_SIZE is the EventStoreDB server's MaxAppendSize in bytes (issue #12: appends sized in bytes)", () => {
    const dev = { EVENTSTORE_CONNECTION_STRING: 'esdb://localhost:2113?tls=false' };
    expect(loadConfig(dev).eventStoreMaxAppendSize).toBeUndefined();
    expect(loadConfig({ ...dev, EVENTSTORE_MAX_APPEND_SIZE: '524288' }).eventStoreMaxAppendSize).toBe(
      524_288,
    );
    expect(() => loadConfig({ ...dev, EVENTSTORE_MAX_APPEND_SIZE: '0' })).toThrow(
      /EVENTSTORE_MAX_APPEND_SIZE/,
    );
    expect(() => loadConfig({ ...dev, EVENTSTORE_MAX_APPEND_SIZE: '1MiB' })).toThrow(
      /EVENTSTORE_MAX_APPEND_SIZE/,
    );
  });

  it('keeps the embedded store in .data/ unless DATA_DIR says otherwise', () => {
    expect(loadConfig({}).dataDir.endsWith('.data')).toBe(true);
    expect(loadConfig({ DATA_DIR: '/tmp/zs' }).dataDir).toBe('/tmp/zs');
  });

  it('UNITS names the units requests may name; region always exists; development defaults to the demo region', () => {
    expect(parseUnits('jingkaiqu:经开区投资促进局, gaoxinqu:高新区招商局')).toEqual([
      REGION_UNIT,
      { unitId: 'jingkaiqu', name: '经开区投资促进局' },
      { unitId: 'gaoxinqu', name: '高新区招商局' },
    ]);
    expect(() => parseUnits('-bad:名')).toThrow(/UNITS entry/);
    expect(() => parseUnits('ok:')).toThrow(/UNITS entry/);
    expect(loadConfig({}).units.map((u) => u.unitId)).toEqual(['region', ...Object.keys(DEMO_UNITS)]);
  });

  it('development (npm start): the demo is loaded, the development credentials work, it listens on 127.0.0.1', () => {
    const config = loadConfig({ DATA_DIR: path.join(tmpdir(), 'zhaoshang-no-such-dir') });
    expect(config.mode).toBe('development');
    expect(config.seedDemo).toBe(true);
    expect(config.host).toBe('127.0.0.1');
    expect(config.jwtSecret).toBe(DEV_JWT_SECRET);
    expect(config.apiKeys).toEqual(parseApiKeys(DEV_API_KEYS));
    expect(loadConfig({ SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});

describe('production mode (issue #13): refuses to start on development credentials', () => {
  let dir: string;
  let keysFile: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zhaoshang-config-'));
    keysFile = path.join(dir, 'api-keys.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const production = (env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    NODE_ENV: 'production',
    DATA_DIR: dir,
    JWT_SECRET: STRONG,
    HOST: '127.0.0.1',
    TRANSPARENCY_SIGNING_KEY: LOG_KEY,
    ...env,
  });

  it('a proper configuration loads: strong secret, a hashed key from the key file, HOST; no demo unless DEMO=seed', () => {
    const { key } = addApiKey(keysFile, {
      name: 'stats-platform',
      role: 'statistics-bureau',
      unitId: 'region',
    });
    const config = loadConfig(production());
    expect(config.mode).toBe('production');
    expect(config.apiKeys).toEqual([
      { sha256: hashApiKey(key), name: 'stats-platform', role: 'statistics-bureau', unitId: 'region' },
    ]);
    expect(config.seedDemo).toBe(false);
    expect(loadConfig(production({ SEED_DEMO: 'true' })).seedDemo).toBe(false);
    expect(loadConfig(production({ DEMO: 'seed' })).seedDemo).toBe(true);
    expect(loadConfig({ ...production(), NODE_ENV: undefined, PRODUCTION: 'true' }).mode).toBe('production');
    // The key itself is nowhere in the file.
    expect(JSON.stringify(readApiKeyFile(keysFile))).not.toContain(key);
  });

  it('the development secret, no secret, or a weak one is refused, each with what to do', () => {
    addApiKey(keysFile, { name: 'k', role: 'auditor', unitId: 'region' });
    expect(problemsOf(production({ JWT_SECRET: DEV_JWT_SECRET }))).toEqual([
      'JWT_SECRET is the published development secret',
    ]);
    expect(problemsOf(production({ JWT_SECRET: '' }))[0]).toMatch(
      /JWT_SECRET is not set.*zhaoshang-api secret/,
    );
    expect(problemsOf(production({ JWT_SECRET: 'a'.repeat(40) }))[0]).toMatch(/20 bytes; at least 32/);
    expect(problemsOf(production({ JWT_SECRET: '0'.repeat(64) }))[0]).toMatch(/does not look random/);
    expect(problemsOf(production({ JWT_SECRET: 'correct horse battery staple correct horse' }))[0]).toMatch(
      /hex or base64/,
    );
  });

  it('any development key, plain API_KEYS, or no key at all is refused', () => {
    expect(problemsOf(production())).toEqual([expect.stringMatching(/no API key is configured.*keys add/)]);
    addApiKey(keysFile, { name: 'k', role: 'auditor', unitId: 'region' });
    expect(problemsOf(production({ API_KEYS: DEV_API_KEYS }))).toEqual([
      expect.stringMatching(/development key/),
    ]);
    expect(problemsOf(production({ API_KEYS: 'dev-dashboard-key:auditor:region' }))).toEqual([
      expect.stringMatching(/development key/),
    ]);
    expect(problemsOf(production({ API_KEYS: 'k3y-0123456789:auditor:region' }))).toEqual([
      expect.stringMatching(/API_KEYS .* is for development/),
    ]);
    // A development key written into the key file by hand.
    const file = readApiKeyFile(keysFile);
    writeApiKeyFile(keysFile, {
      format: 1,
      keys: [...file.keys, { ...file.keys[0]!, id: 'dev', name: 'dev', sha256: hashApiKey('dev-stats-key') }],
    });
    expect(problemsOf(production())).toEqual([expect.stringMatching(/holds a development key/)]);
  });

  it('HOST must be named and the clock cannot be pinned; every problem is listed at once', () => {
    expect(
      problemsOf(production({ HOST: undefined, TODAY: '2024-10-31', JWT_SECRET: DEV_JWT_SECRET })),
    ).toEqual([
      'JWT_SECRET is the published development secret',
      expect.stringMatching(/no API key/),
      expect.stringMatching(/HOST is not set/),
      expect.stringMatching(/TODAY pins/),
    ]);
  });

  it('issue #15: the transparency log signing key must be set and not the development one; the origin defaults to its name', () => {
    addApiKey(keysFile, { name: 'k', role: 'auditor', unitId: 'region' });
    expect(problemsOf(production({ TRANSPARENCY_SIGNING_KEY: undefined }))).toEqual([
      expect.stringMatching(/TRANSPARENCY_SIGNING_KEY is not set.*transparency-keygen/),
    ]);
    expect(problemsOf(production({ TRANSPARENCY_SIGNING_KEY: DEV_TRANSPARENCY_SIGNING_KEY }))).toEqual([
      expect.stringMatching(/published development key/),
    ]);
    expect(loadConfig(production()).transparency.origin).toBe('audit.example.gov.cn/zhaoshang');
    expect(loadConfig({}).transparency).toMatchObject({
      signingKey: DEV_TRANSPARENCY_SIGNING_KEY,
      origin: 'zhaoshang.dev/INSECURE-development-log',
      treeHash: 'sha256',
      checkpointIntervalMs: 3_600_000,
    });
    expect(() => loadConfig({ TRANSPARENCY_SIGNING_KEY: 'not a key' })).toThrow(RangeError);
    expect(() => loadConfig({ TRANSPARENCY_TREE_HASH: 'md5' })).toThrow(/sha256 or sm3/);
  });

  it('tokenSecretProblem: 32 random bytes in hex or base64 pass', () => {
    expect(tokenSecretProblem(STRONG)).toBeUndefined();
    expect(tokenSecretProblem(Buffer.from(STRONG, 'hex').toString('base64'))).toBeUndefined();
    expect(tokenSecretProblem(STRONG.slice(0, 62))).toMatch(/31 bytes/);
  });
});
