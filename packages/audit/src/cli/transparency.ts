import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  checkHistoryAgainst,
  checkpointText,
  generateNoteKey,
  isTreeHashAlgorithm,
  MemoryTransparencyStorage,
  openNote,
  openSqliteEventStore,
  parseCheckpointText,
  parsePosition,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  TransparencyLog,
  verifyConsistency,
  verifyInclusion,
  type EventRef,
  type EventStore,
  type TreeHashAlgorithm,
} from '@zhaoshang/eventstore';

/**
 * The transparency log's commands of `zhaoshang-audit` (issue #15), on an embedded store file: the
 * tree is rebuilt in memory from the events, so what they print depends on nothing but the events
 * (and the key given).
 */
export const TRANSPARENCY_USAGE = `  transparency-keygen <name> [--sm2] [--out <file>] [--json]   生成日志签名密钥 the log's signing key (signer + verifier key;
                                                           --out writes the signer key to a new file, mode 0600, and prints the verifier key)
  checkpoint --events <file> --key <signer key|@file> [--origin O] [--size N]   签署检查点 sign a checkpoint
  inclusion-proof --events <file> (--position N | --stream S --revision R) [--size N]   包含证明 inclusion proof
  consistency-proof --events <file> --first N [--second M] 一致性证明 consistency proof
  check-history --events <file> --checkpoint <note file> --key <verifier key|@file>   以早先检查点核对历史 check history against an earlier checkpoint
  (tree hash: --tree-hash sha256|sm3, default sha256)
`;

const COMMANDS = new Set([
  'transparency-keygen',
  'checkpoint',
  'inclusion-proof',
  'consistency-proof',
  'check-history',
]);

class TransparencyUsageError extends Error {}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

const natural = (flag: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^(0|[1-9][0-9]{0,15})$/.test(text))
    throw new TransparencyUsageError(`${flag}: expected a number, got ${JSON.stringify(text)}`);
  return Number(text);
};

/** A key given inline or as `@file`. */
const keyText = (value: string | undefined, flag: string): string => {
  if (value === undefined) throw new TransparencyUsageError(`${flag} is required`);
  return value.startsWith('@') ? readFileSync(value.slice(1), 'utf8').trim() : value;
};

const openStore = (file: string | undefined): EventStore => {
  if (file === undefined) throw new TransparencyUsageError('--events <file> is required');
  if (!existsSync(file)) throw new TransparencyUsageError(`--events: no such file ${file}`);
  return openSqliteEventStore({ file });
};

const treeHashOf = (text: string | undefined): TreeHashAlgorithm => {
  const value = text ?? 'sha256';
  if (!isTreeHashAlgorithm(value))
    throw new TransparencyUsageError(`--tree-hash: sha256 or sm3, got ${JSON.stringify(value)}`);
  return value;
};

const withLog = async <T>(
  file: string | undefined,
  algorithm: TreeHashAlgorithm,
  run: (log: TransparencyLog, store: EventStore) => Promise<T>,
): Promise<T> => {
  const store = openStore(file);
  try {
    const log = new TransparencyLog(store, new MemoryTransparencyStorage(algorithm));
    await log.catchUp();
    return await run(log, store);
  } finally {
    await store.close();
  }
};

/**
 * Runs one of the transparency commands; undefined when `command` is not one of them (the caller
 * goes on with its own). Exit codes as the CLI's: 0 OK, 1 problem found, 2 usage error.
 */
export const runTransparencyCommand = async (
  command: string | undefined,
  args: ReadonlyArray<string>,
  io: { readonly stdout: (text: string) => void; readonly stderr: (text: string) => void },
): Promise<number | undefined> => {
  if (command === undefined || !COMMANDS.has(command)) return undefined;
  try {
    return await run(command, args, io);
  } catch (e) {
    if (e instanceof TransparencyUsageError || e instanceof RangeError || e instanceof TypeError) {
      io.stderr(`${e.message}\n${TRANSPARENCY_USAGE}`);
      return 2;
    }
    throw e;
  }
};

const run = async (
  command: string,
  args: ReadonlyArray<string>,
  io: { readonly stdout: (text: string) => void; readonly stderr: (text: string) => void },
): Promise<number> => {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      events: { type: 'string' },
      key: { type: 'string' },
      origin: { type: 'string' },
      size: { type: 'string' },
      position: { type: 'string' },
      stream: { type: 'string' },
      revision: { type: 'string' },
      first: { type: 'string' },
      second: { type: 'string' },
      checkpoint: { type: 'string' },
      'tree-hash': { type: 'string' },
      out: { type: 'string' },
      sm2: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const algorithm = treeHashOf(values['tree-hash']);
  const print = (value: unknown): void => io.stdout(`${JSON.stringify(value, null, 2)}\n`);
  switch (command) {
    case 'transparency-keygen': {
      const name = positionals[0];
      if (name === undefined) throw new TransparencyUsageError('transparency-keygen: <name> is required');
      const out = values.out;
      if (out !== undefined && existsSync(out))
        throw new TransparencyUsageError(`transparency-keygen: ${out} exists already`);
      const { signerKey, verifierKey } = generateNoteKey(name, values.sm2 ? 'sm2' : 'ed25519');
      if (out !== undefined) {
        writeFileSync(out, `${signerKey}\n`, { encoding: 'utf8', mode: 0o600 });
        chmodSync(out, 0o600);
        if (values.json) print({ signerKeyFile: out, verifierKey });
        else io.stdout(`验证密钥 verifier key (公开 publish):\n${verifierKey}\n`);
      } else if (values.json) print({ signerKey, verifierKey });
      else
        io.stdout(
          `签名密钥 signer key (保密 keep secret: TRANSPARENCY_SIGNING_KEY):\n${signerKey}\n` +
            `验证密钥 verifier key (公开 publish):\n${verifierKey}\n`,
        );
      return 0;
    }
    case 'checkpoint': {
      const signer = parseSignerKey(keyText(values.key, '--key'));
      const note = await withLog(values.events, algorithm, (log) => {
        const size = natural('--size', values.size) ?? log.size;
        if (size > log.size) throw new TransparencyUsageError(`--size: the store has ${log.size} events`);
        const text = checkpointText({
          origin: values.origin ?? signer.name,
          size,
          root: log.root(size),
          treeHash: algorithm,
        });
        return Promise.resolve(signNote(text, signer, { timestamp: Math.floor(Date.now() / 1000) }));
      });
      io.stdout(note);
      return 0;
    }
    case 'inclusion-proof': {
      let ref: EventRef;
      if (values.position !== undefined) ref = { position: parsePosition(values.position) };
      else if (values.stream !== undefined && values.revision !== undefined)
        ref = { streamName: values.stream, revision: natural('--revision', values.revision)! };
      else throw new TransparencyUsageError('inclusion-proof: --position N, or --stream S --revision R');
      return withLog(values.events, algorithm, (log) => {
        const leaf = log.leaf(ref);
        if (leaf === undefined) {
          io.stderr('没有该事件 no such event\n');
          return Promise.resolve(1);
        }
        const size = natural('--size', values.size) ?? log.size;
        if (size > log.size || leaf.index >= size) {
          io.stderr(`该事件不在大小为 ${size} 的树中 the event is not in a tree of ${size}\n`);
          return Promise.resolve(1);
        }
        const proof = log.inclusionProof(leaf.index, size);
        const root = log.root(size);
        const leafHash = log.tree.leafHash(leaf.index);
        print({
          treeHash: algorithm,
          leafIndex: leaf.index,
          treeSize: size,
          position: leaf.position.toString(),
          streamName: leaf.streamName,
          revision: leaf.revision,
          eventHash: leaf.eventHash,
          leafHash: b64(leafHash),
          rootHash: b64(root),
          proof: proof.map(b64),
          verified: verifyInclusion(log.hasher, leaf.index, size, leafHash, proof, root),
        });
        return Promise.resolve(0);
      });
    }
    case 'consistency-proof': {
      const first = natural('--first', values.first);
      if (first === undefined) throw new TransparencyUsageError('consistency-proof: --first N is required');
      return withLog(values.events, algorithm, (log) => {
        const second = natural('--second', values.second) ?? log.size;
        if (first > second || second > log.size) {
          io.stderr(`大小不符 sizes out of range: ${first}..${second} of ${log.size}\n`);
          return Promise.resolve(1);
        }
        const proof = log.consistencyProof(first, second);
        const [r1, r2] = [log.root(first), log.root(second)];
        print({
          treeHash: algorithm,
          first,
          second,
          firstRootHash: b64(r1),
          secondRootHash: b64(r2),
          proof: proof.map(b64),
          verified: verifyConsistency(log.hasher, first, second, r1, r2, proof),
        });
        return Promise.resolve(0);
      });
    }
    case 'check-history': {
      if (values.checkpoint === undefined)
        throw new TransparencyUsageError('check-history: --checkpoint <note file> is required');
      const verifier = parseVerifierKey(keyText(values.key, '--key'));
      const text = openNote(readFileSync(values.checkpoint, 'utf8'), [verifier]);
      const checkpoint = text === undefined ? undefined : parseCheckpointText(text);
      if (checkpoint === undefined) {
        io.stdout('检查点签名无效 the checkpoint is not validly signed by that key\n');
        return 1;
      }
      const store = openStore(values.events);
      try {
        // The tree hash is the one the checkpoint signed (`tree-hash sm3`), unless --tree-hash says otherwise.
        const verdict = await checkHistoryAgainst(
          store,
          checkpoint,
          new MemoryTransparencyStorage(values['tree-hash'] === undefined ? checkpoint.treeHash : algorithm),
        );
        if (values.json)
          print({
            ...verdict,
            ...('recomputedRoot' in verdict ? { recomputedRoot: b64(verdict.recomputedRoot) } : {}),
            ...('consistency' in verdict ? { consistency: verdict.consistency.map(b64) } : {}),
          });
        else if (verdict.ok)
          io.stdout(
            `历史一致 OK: 检查点 checkpoint ${checkpoint.origin} 大小 size ${checkpoint.size} 是当前历史 (${verdict.currentSize} 个事件 events) 的前缀 is a prefix of today's history\n`,
          );
        else if (verdict.reason === 'history-shorter')
          io.stdout(
            `历史被改写 REWRITTEN: 检查点 checkpoint 覆盖 covers ${checkpoint.size} 个事件 events, 库中只有 the store holds ${verdict.currentSize}\n`,
          );
        else
          io.stdout(
            `历史被改写 REWRITTEN: 前 ${checkpoint.size} 个事件的根 the root of the first ${checkpoint.size} events is ${b64(verdict.recomputedRoot)}, 检查点签署的是 the checkpoint signed ${b64(checkpoint.root)}\n`,
          );
        return verdict.ok ? 0 : 1;
      } finally {
        await store.close();
      }
    }
    default:
      throw new TransparencyUsageError(`unknown command ${command}`);
  }
};
