import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, temporarySqliteStore } from '@zhaoshang/eventstore/testing';
import {
  EVENTS_FILE,
  exportBundle,
  MANIFEST_FILE,
  transparency,
  verifyBundle,
  verifyBundleTransparency,
  type BundleLine,
  type BundleManifest,
} from '../src';
import { appendFixtureProject, projectId } from './audit-fixture';
import { forge, readLines } from './forge';

const { SIGNATURE_TYPE, generateSignerKey, verifierKeyOf, witnessCheckpoint } = transparency;

const ORIGIN = 'zhaoshang.example/log';
const log = generateSignerKey(ORIGIN, SIGNATURE_TYPE.ed25519);
const witness = generateSignerKey('shenji.example/witness', SIGNATURE_TYPE.cosignatureV1);
const keys = [verifierKeyOf(log), verifierKeyOf(witness)];

const context = (n: number) => ({
  commandId: `other-${n}`,
  actor: { userId: 'u', role: 'r', unitId: 'x' },
  businessTime: '2024-04-01T00:00:00Z',
});

const manifestOf = (dir: string): BundleManifest =>
  JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as BundleManifest;

/** The index of the first event whose data holds a positive number under a key naming an amount (投资额). */
const amountLine = (lines: ReadonlyArray<BundleLine>): { index: number; key: string } => {
  for (const [index, line] of lines.entries()) {
    const data = line.data as Record<string, unknown>;
    for (const [key, value] of Object.entries(data ?? {}))
      if (/investment|amount/i.test(key) && (typeof value === 'number' || typeof value === 'string'))
        return { index, key };
  }
  throw new Error('no event with an amount in the fixture');
};

describe('audit bundle · signed checkpoints, witnesses, offline verification (issue 15 · 5)', () => {
  let root: string;
  let first: string; // bundle when the witness co-signed
  let second: string; // later bundle of the honest log
  let cosignedText: string;
  let witnessedSize: number;

  beforeAll(async () => {
    root = makeTempDir('audit-checkpoints');
    first = join(root, 'first');
    second = join(root, 'second');
    const t = await temporarySqliteStore();
    try {
      await appendFixtureProject(t.store);
      await t.store.append('project-XM-OTHER', [{ type: 'Noise', data: { n: 1 } }], {
        expectedRevision: 'no-stream',
        context: context(1),
      });
      const m1 = await exportBundle(t.store, {}, first, { origin: ORIGIN, logKey: log });
      witnessedSize = m1.count;
      const decision = witnessCheckpoint({
        state: { format: 1, origin: ORIGIN, logKey: transparency.formatVerifierKey(verifierKeyOf(log)) },
        logKey: verifierKeyOf(log),
        witnessKey: witness,
        offered: m1.transparency?.checkpoints[0] ?? '',
        now: 1_717_545_600n,
      });
      if (decision.verdict !== 'cosigned') throw new Error(decision.code);
      cosignedText = transparency.formatCheckpoint(decision.checkpoint);
      await t.store.append(
        'project-XM-OTHER',
        [
          { type: 'Noise', data: { n: 2 } },
          { type: 'Noise', data: { n: 3 } },
        ],
        {
          expectedRevision: 0,
          context: context(2),
        },
      );
      await exportBundle(t.store, {}, second, { origin: ORIGIN, logKey: log, earlier: [cosignedText] });
    } finally {
      await t.dispose();
    }
  }, 60_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('an honest later bundle verifies offline: log signatures, the witness’s cosignature, the consistency proof, every root recomputed', () => {
    const m = manifestOf(second);
    expect(m.transparency?.checkpoints).toHaveLength(2);
    expect(m.transparency?.consistency[0]?.from).toBe(String(witnessedSize));
    expect(verifyBundle(second).ok).toBe(true);
    expect(verifyBundleTransparency(second, keys, [{ kind: 'bundle', path: first }])).toEqual({
      ok: true,
      checkpoints: 3,
      cosigned: [{ witness: 'shenji.example/witness', size: String(witnessedSize) }],
      extends: 1,
    });
  });

  it('a key that did not sign fails: LOG_SIGNATURE_INVALID; a witness that did not cosign: COSIGNATURE_MISSING', () => {
    const stranger = generateSignerKey(ORIGIN, SIGNATURE_TYPE.ed25519);
    expect(verifyBundleTransparency(second, [verifierKeyOf(stranger)])).toMatchObject({
      ok: false,
      problem: { code: 'LOG_SIGNATURE_INVALID' },
    });
    const otherWitness = generateSignerKey('jiwei.example/witness', SIGNATURE_TYPE.cosignatureV1);
    expect(verifyBundleTransparency(second, [verifierKeyOf(log), verifierKeyOf(otherWitness)])).toMatchObject(
      {
        ok: false,
        problem: { code: 'COSIGNATURE_MISSING' },
      },
    );
  });

  const tampered = (name: string, edit: (lines: BundleLine[]) => BundleLine[]): string => {
    const dir = join(root, name);
    forge(second, dir, { origin: ORIGIN, logKey: log, earlier: [cosignedText] }, edit);
    return dir;
  };

  it('issue 15 · the rewrite (an amount changed, the stream’s later hashes recomputed, its last event dropped) passes today’s hash-chain check, fails against the witnessed checkpoint, and names the changed event', () => {
    const lines = readLines(second);
    const { index, key } = amountLine(lines);
    const dir = tampered('rewrite', (ls) => {
      const stream = `project-${projectId}`;
      const lastOfStream = ls.map((l) => l.streamName).lastIndexOf(stream);
      return ls
        .map((l, i) => {
          if (i !== index) return l;
          const data = l.data as Record<string, unknown>;
          const value = data[key];
          return {
            ...l,
            data: { ...data, [key]: typeof value === 'number' ? value * 10 : `${String(value)}0` },
          };
        })
        .filter((_, i) => i !== lastOfStream);
    });
    // Today's check: every chain holds, the manifest agrees. The rewrite goes unnoticed.
    expect(verifyBundle(dir)).toEqual({ ok: true, checked: lines.length - 1 });
    // Against the witnessed checkpoint carried in the bundle: caught, between the start and that checkpoint.
    expect(verifyBundleTransparency(dir, keys)).toMatchObject({
      ok: false,
      problem: {
        code: 'HISTORY_DIVERGES',
        checkpointSize: String(witnessedSize),
        partsWithin: { from: 0, upTo: witnessedSize },
      },
    });
    // With the auditor's earlier bundle: the first position where the histories part is the changed event.
    expect(verifyBundleTransparency(dir, keys, [{ kind: 'bundle', path: first }])).toMatchObject({
      ok: false,
      problem: {
        code: 'HISTORY_DIVERGES',
        firstDifference: {
          index,
          position: lines[index]?.globalPosition,
          earlierPosition: lines[index]?.globalPosition,
        },
      },
    });
  });

  it('issue 15 · a dropped event (chains recomputed) is caught against the witnessed checkpoint at the dropped event', () => {
    const lines = readLines(second);
    const dir = tampered('dropped', (ls) => ls.filter((_, i) => i !== 5));
    expect(verifyBundle(dir).ok).toBe(true);
    expect(verifyBundleTransparency(dir, keys, [{ kind: 'bundle', path: first }])).toMatchObject({
      ok: false,
      problem: {
        code: 'HISTORY_DIVERGES',
        firstDifference: {
          index: 5,
          position: lines[6]?.globalPosition,
          earlierPosition: lines[5]?.globalPosition,
        },
      },
    });
  });

  it('issue 15 · a reordered pair (positions kept increasing, chains recomputed) is caught at the first of the pair', () => {
    const lines = readLines(second);
    const dir = tampered('reordered', (ls) =>
      ls.map((l, i) => {
        const other = i === 3 ? ls[4] : i === 4 ? ls[3] : l;
        return { ...(other as BundleLine), globalPosition: l.globalPosition };
      }),
    );
    expect(verifyBundle(dir).ok).toBe(true);
    expect(verifyBundleTransparency(dir, keys, [{ kind: 'bundle', path: first }])).toMatchObject({
      ok: false,
      problem: {
        code: 'HISTORY_DIVERGES',
        firstDifference: { index: 3, position: lines[3]?.globalPosition },
      },
    });
  });

  it('issue 15 · a changed byte (nothing recomputed) is caught by the chain and against the witnessed checkpoint, at that event', () => {
    const dir = join(root, 'byte');
    mkdirSync(dir, { recursive: true });
    const text = readFileSync(join(second, EVENTS_FILE), 'utf8').split('\n');
    text[7] = (text[7] ?? '').replace('"businessTime":"2024-03-08T02', '"businessTime":"2024-03-08T03');
    writeFileSync(join(dir, EVENTS_FILE), text.join('\n'));
    writeFileSync(join(dir, MANIFEST_FILE), readFileSync(join(second, MANIFEST_FILE)));
    expect(verifyBundle(dir)).toMatchObject({ ok: false, problem: { code: 'HASH_MISMATCH', line: 8 } });
    expect(verifyBundleTransparency(dir, keys, [{ kind: 'bundle', path: first }])).toMatchObject({
      ok: false,
      problem: {
        code: 'HISTORY_DIVERGES',
        checkpointSize: String(witnessedSize),
        firstDifference: { index: 7 },
      },
    });
  });

  it('issue 15 · 5: a whole-store bundle carries the checkpoints the API recorded in the store, with the witness’s stored cosignature lines, and they verify offline', async () => {
    const t = await temporarySqliteStore();
    const out = makeTempDir('audit-recorded');
    try {
      await appendFixtureProject(t.store);
      const signed = await exportBundle(t.store, {}, join(out, 'signed'), { origin: ORIGIN, logKey: log });
      const note = signed.transparency?.checkpoints[0] ?? '';
      const checkpoint = transparency.parseCheckpoint(note);
      if (typeof checkpoint === 'string') throw new Error(checkpoint);
      const rootHash = Buffer.from(checkpoint.root).toString('base64');
      const at = { expectedRevision: 'any' as const, context: context(9) };
      await t.store.append(
        'transparency-checkpoints',
        [{ type: 'CheckpointSigned', data: { origin: ORIGIN, treeSize: signed.count, rootHash, note } }],
        at,
      );
      const line = transparency
        .formatNote({ text: '', signatures: [transparency.cosign(witness, checkpoint, 1_717_545_600n)] })
        .slice(1);
      await t.store.append(
        'transparency-checkpoints',
        [{ type: 'CheckpointCosigned', data: { origin: ORIGIN, treeSize: signed.count, rootHash, line } }],
        {
          ...at,
          context: context(10),
        },
      );
      const m = await exportBundle(t.store, {}, join(out, 'plain'));
      expect(m.count).toBe(signed.count + 2);
      expect(m.transparency?.checkpoints).toEqual([note + line]);
      expect(verifyBundleTransparency(join(out, 'plain'), keys)).toEqual({
        ok: true,
        checkpoints: 1,
        cosigned: [{ witness: 'shenji.example/witness', size: String(signed.count) }],
        extends: 0,
      });
      // A project bundle is a read of one stream unless asked to be anchored ...
      expect(
        (await exportBundle(t.store, { projectId }, join(out, 'plain-project'))).transparency,
      ).toBeUndefined();
      // ... then it carries the recorded checkpoint too, with each event's inclusion proof in it.
      const project = await exportBundle(t.store, { projectId }, join(out, 'project'), {});
      expect(project.transparency?.inclusion?.map((p) => p.index)).toEqual(
        Array.from({ length: project.count }, (_, i) => i),
      );
      expect(verifyBundleTransparency(join(out, 'project'), keys)).toMatchObject({
        ok: true,
        checkpoints: 1,
      });
    } finally {
      await t.dispose();
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
