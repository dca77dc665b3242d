import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { canonicalJson, eventHash, type EventMetadata } from '@zhaoshang/eventstore';
import { temporarySqliteStore, testContext } from '@zhaoshang/eventstore/testing';
import { main } from '../src/cli/main';

const run = async (argv: ReadonlyArray<string>) => {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
};

/**
 * The rewrite of issue #15 "Why", straight in the file: one amount of `stream` changed, the hashes
 * of that event and every later one of the stream recomputed (each prevHash following), and the
 * stream's last event — the last of the store — dropped.
 */
const rewrite = (file: string, stream: string, revision: number, amount: number): void => {
  const raw = new Database(file);
  const rows = raw
    .prepare<[string, number], { revision: number; type: string; data: string; metadata: string }>(
      'SELECT revision, type, data, metadata FROM events WHERE stream = ? AND revision >= ? ORDER BY revision',
    )
    .all(stream, revision);
  const write = raw.prepare<[string, string, string, number]>(
    'UPDATE events SET data = ?, metadata = ? WHERE stream = ? AND revision = ?',
  );
  let prevHash: string | undefined;
  for (const row of rows.slice(0, -1)) {
    const { hash: _old, ...stored } = JSON.parse(row.metadata) as EventMetadata;
    const unhashed = { ...stored, prevHash: prevHash ?? stored.prevHash };
    const data = row.revision === revision ? { amount } : (JSON.parse(row.data) as unknown);
    const hash = eventHash({
      streamName: stream,
      revision: row.revision,
      type: row.type,
      data,
      metadata: unhashed,
    });
    write.run(canonicalJson(data), canonicalJson({ ...unhashed, hash }), stream, row.revision);
    prevHash = hash;
  }
  raw
    .prepare('DELETE FROM events WHERE stream = ? AND revision = ?')
    .run(stream, rows[rows.length - 1]!.revision);
  raw.close();
};

describe('zhaoshang-audit transparency commands (issue #15 items 3, 5 server side)', () => {
  it("keygen, checkpoint, proofs; the issue's rewrite passes `verify` and fails `check-history` against the earlier checkpoint", async () => {
    const t = await temporarySqliteStore({ positions: 'dense' });
    try {
      for (const [stream, amount] of [
        ['fund-a', 100],
        ['fund-b', 5],
        ['fund-a', 200],
        ['fund-a', 300],
        ['fund-a', 400],
      ] as const)
        await t.store.append(stream, [{ type: 'Funded', data: { amount } }], {
          expectedRevision: 'any',
          context: testContext(),
        });
      await t.store.close();
      const dir = join(t.file, '..');

      const keys = await run(['transparency-keygen', 'audit.example/zhaoshang', '--json']);
      expect(keys.code).toBe(0);
      const { signerKey, verifierKey } = JSON.parse(keys.stdout) as {
        signerKey: string;
        verifierKey: string;
      };
      writeFileSync(join(dir, 'signer.key'), signerKey);

      const checkpoint = await run([
        'checkpoint',
        '--events',
        t.file,
        '--key',
        `@${join(dir, 'signer.key')}`,
      ]);
      expect(checkpoint.code).toBe(0);
      expect(checkpoint.stdout.split('\n').slice(0, 2)).toEqual(['audit.example/zhaoshang', '5']);
      const noteFile = join(dir, 'checkpoint-5.note');
      writeFileSync(noteFile, checkpoint.stdout);

      const inclusion = await run([
        'inclusion-proof',
        '--events',
        t.file,
        '--stream',
        'fund-a',
        '--revision',
        '1',
      ]);
      expect(JSON.parse(inclusion.stdout)).toMatchObject({ leafIndex: 2, treeSize: 5, verified: true });
      const consistency = await run(['consistency-proof', '--events', t.file, '--first', '3']);
      expect(JSON.parse(consistency.stdout)).toMatchObject({ first: 3, second: 5, verified: true });

      const before = await run([
        'check-history',
        '--events',
        t.file,
        '--checkpoint',
        noteFile,
        '--key',
        verifierKey,
      ]);
      expect(before.code).toBe(0);

      rewrite(t.file, 'fund-a', 1, 250);
      // today's check: ok
      const verify = await run(['verify', '--events', t.file, '--json']);
      expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, checked: 4 });
      // the earlier checkpoint: rewritten
      const after = await run([
        'check-history',
        '--events',
        t.file,
        '--checkpoint',
        noteFile,
        '--key',
        verifierKey,
      ]);
      expect(after.code).toBe(1);
      expect(after.stdout).toContain('REWRITTEN');
      // a checkpoint opened with another key proves nothing
      const wrongKey = await run([
        'check-history',
        '--events',
        t.file,
        '--checkpoint',
        noteFile,
        '--key',
        JSON.parse((await run(['transparency-keygen', 'audit.example/zhaoshang', '--json'])).stdout)
          .verifierKey as string,
      ]);
      expect(wrongKey.code).toBe(1);
      expect(wrongKey.stdout).toContain('not validly signed');
    } finally {
      await t.dispose();
    }
  });

  it('issue 15 · 2: transparency-keygen --out writes the signer key (0600, never over a file) and prints the verifier key; --sm2 too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keygen-'));
    try {
      for (const [file, extra] of [
        ['ed.key', []],
        ['sm2.key', ['--sm2']],
      ] as const) {
        const out = join(dir, file);
        const made = await run(['transparency-keygen', 'audit.example/zhaoshang', ...extra, '--out', out]);
        expect(made.code).toBe(0);
        const signer = readFileSync(out, 'utf8').trim();
        expect(signer).toMatch(/^PRIVATE\+KEY\+audit\.example\/zhaoshang\+[0-9a-f]{8}\+/);
        // The private half: everything after PRIVATE+KEY+<name>+<id>+ (base64, which may itself hold '+').
        const privateHalf = signer.split('+').slice(4).join('+');
        expect(privateHalf.length).toBeGreaterThan(20);
        expect(made.stdout).not.toContain(privateHalf);
        const vkey = made.stdout.trim().split('\n').at(-1)!;
        // signer and verifier key name the same key (same key ID)
        expect(vkey.split('+').slice(0, 2)).toEqual(signer.split('+').slice(2, 4));
        expect(statSync(out).mode & 0o777).toBe(0o600);
        const again = await run(['transparency-keygen', 'audit.example/zhaoshang', '--out', out]);
        expect(again.code).toBe(2);
        expect(readFileSync(out, 'utf8').trim()).toBe(signer);
      }
      expect(
        (await run(['keygen', '--name', 'audit.example/zhaoshang', '--out', join(dir, 'old.key')])).code,
      ).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
