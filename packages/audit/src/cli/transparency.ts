import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { command, existingPath, UsageError, type CliIo, type Command } from '@zhaoshang/cli';
import {
  checkHistoryAgainst,
  checkpointText,
  generateNoteKey,
  isTreeHashAlgorithm,
  MemoryTransparencyStorage,
  openNote,
  parseCheckpointText,
  parsePosition,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  TransparencyLog,
  verifyConsistency,
  verifyInclusion,
  type EventRef,
  type TreeHashAlgorithm,
} from '@zhaoshang/eventstore';
import { EVENTS_OPTION, JSON_OPTION, openStore, printJson, usageOn, withStore } from './common';

/**
 * The transparency log's commands of `zhaoshang-audit` (issue #15), on an embedded store file: the
 * tree is rebuilt in memory from the events, so what they print depends on nothing but the events
 * (and the key given).
 */

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

const natural = (flag: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^(0|[1-9][0-9]{0,15})$/.test(text))
    throw new UsageError(`${flag}: 需要数字 expected a number, got ${JSON.stringify(text)}`);
  return Number(text);
};

/** A key given inline or as `@file`. */
const keyText = (value: string | undefined, flag: string): string => {
  if (value === undefined) throw new UsageError(`${flag}: 必填 is required`);
  return value.startsWith('@') ? readFileSync(existingPath(flag, value.slice(1)), 'utf8').trim() : value;
};

const TREE_HASH_OPTION = {
  'tree-hash': { type: 'string', arg: 'sha256|sm3', help: '树哈希 tree hash (default sha256)' },
} as const;

const treeHashOf = (text: string | undefined): TreeHashAlgorithm => {
  const value = text ?? 'sha256';
  if (!isTreeHashAlgorithm(value))
    throw new UsageError(`--tree-hash: sha256 或 or sm3, got ${JSON.stringify(value)}`);
  return value;
};

const withLog = <T>(
  file: string | undefined,
  algorithm: TreeHashAlgorithm,
  run: (log: TransparencyLog) => Promise<T>,
): Promise<T> =>
  withStore(file, async (store) => {
    const log = new TransparencyLog(store, new MemoryTransparencyStorage(algorithm));
    await log.catchUp();
    return run(log);
  });

const keygen = command({
  name: 'transparency-keygen',
  args: '<name>',
  positionals: [1, 1],
  summary: '生成日志签名密钥 the log’s signing key (signer + verifier key)',
  options: {
    sm2: { type: 'boolean', help: 'SM2 密钥（缺省 Ed25519）an SM2 key (default Ed25519)' },
    out: {
      type: 'string',
      arg: '<file>',
      help: '把签名密钥写入新文件（0600）并只打印验证密钥 write the signer key to a new file, mode 0600, and print the verifier key',
    },
    ...JSON_OPTION,
  },
  run: ({ values, positionals: [name = ''] }, io) => {
    const out = values.out;
    if (out !== undefined && existsSync(out))
      throw new UsageError(`transparency-keygen: ${out} 已存在 exists already`);
    const { signerKey, verifierKey } = generateNoteKey(name, values.sm2 === true ? 'sm2' : 'ed25519');
    if (out !== undefined) {
      writeFileSync(out, `${signerKey}\n`, { encoding: 'utf8', mode: 0o600 });
      chmodSync(out, 0o600);
      if (values.json === true) printJson(io, { signerKeyFile: out, verifierKey });
      else io.stdout(`验证密钥 verifier key (公开 publish):\n${verifierKey}\n`);
    } else if (values.json === true) printJson(io, { signerKey, verifierKey });
    else
      io.stdout(
        `签名密钥 signer key (保密 keep secret: TRANSPARENCY_SIGNING_KEY):\n${signerKey}\n` +
          `验证密钥 verifier key (公开 publish):\n${verifierKey}\n`,
      );
    return 0;
  },
});

const checkpoint = command({
  name: 'checkpoint',
  summary: '签署检查点 sign a checkpoint',
  options: {
    ...EVENTS_OPTION,
    key: { type: 'string', arg: '<signer key|@file>', help: '日志签名密钥 the log’s signer key' },
    origin: { type: 'string', arg: '<origin>', help: '日志来源名 the log origin (default the key’s name)' },
    size: { type: 'string', arg: '<n>', help: '树大小 tree size (default all events)' },
    ...TREE_HASH_OPTION,
  },
  run: async ({ values }, io) => {
    const signer = usageOn('--key', () => parseSignerKey(keyText(values.key, '--key')));
    const algorithm = treeHashOf(values['tree-hash']);
    const note = await withLog(values.events, algorithm, (log) => {
      const size = natural('--size', values.size) ?? log.size;
      if (size > log.size) throw new UsageError(`--size: 库中只有 the store has ${log.size} events`);
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
  },
});

const inclusionProof = command({
  name: 'inclusion-proof',
  summary: '包含证明 inclusion proof (--position N | --stream S --revision R)',
  options: {
    ...EVENTS_OPTION,
    position: { type: 'string', arg: '<n>', help: '事件位置 the event’s position' },
    stream: { type: 'string', arg: '<name>', help: '事件流 the event’s stream' },
    revision: { type: 'string', arg: '<n>', help: '流内修订号 its revision in the stream' },
    size: { type: 'string', arg: '<n>', help: '树大小 tree size (default all events)' },
    ...TREE_HASH_OPTION,
  },
  run: ({ values }, io) => {
    let ref: EventRef;
    if (values.position !== undefined) {
      const text = values.position;
      ref = { position: usageOn('--position', () => parsePosition(text)) };
    } else if (values.stream !== undefined && values.revision !== undefined)
      ref = { streamName: values.stream, revision: natural('--revision', values.revision)! };
    else throw new UsageError('inclusion-proof: 需要 needs --position N, or --stream S --revision R');
    const algorithm = treeHashOf(values['tree-hash']);
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
      printJson(io, {
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
  },
});

const consistencyProof = command({
  name: 'consistency-proof',
  summary: '一致性证明 consistency proof',
  options: {
    ...EVENTS_OPTION,
    first: { type: 'string', arg: '<n>', help: '较早的树大小 the earlier tree size' },
    second: { type: 'string', arg: '<m>', help: '较晚的树大小 the later tree size (default all events)' },
    ...TREE_HASH_OPTION,
  },
  run: ({ values }, io) => {
    const first = natural('--first', values.first);
    if (first === undefined) throw new UsageError('consistency-proof: --first N 必填 is required');
    const algorithm = treeHashOf(values['tree-hash']);
    return withLog(values.events, algorithm, (log) => {
      const second = natural('--second', values.second) ?? log.size;
      if (first > second || second > log.size) {
        io.stderr(`大小不符 sizes out of range: ${first}..${second} of ${log.size}\n`);
        return Promise.resolve(1);
      }
      const proof = log.consistencyProof(first, second);
      const [r1, r2] = [log.root(first), log.root(second)];
      printJson(io, {
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
  },
});

const checkHistory = command({
  name: 'check-history',
  summary: '以早先检查点核对历史 check history against an earlier checkpoint',
  options: {
    ...EVENTS_OPTION,
    checkpoint: { type: 'string', arg: '<note file>', help: '早先的检查点 the earlier checkpoint' },
    key: { type: 'string', arg: '<verifier key|@file>', help: '日志验证密钥 the log’s verifier key' },
    'tree-hash': {
      type: 'string',
      arg: 'sha256|sm3',
      help: '树哈希 tree hash (default the one the checkpoint signed)',
    },
    ...JSON_OPTION,
  },
  run: async ({ values }, io) => {
    const file = existingPath('--checkpoint', values.checkpoint);
    const verifier = usageOn('--key', () => parseVerifierKey(keyText(values.key, '--key')));
    const text = openNote(readFileSync(file, 'utf8'), [verifier]);
    const checkpoint = text === undefined ? undefined : parseCheckpointText(text);
    if (checkpoint === undefined) {
      io.stdout('检查点签名无效 the checkpoint is not validly signed by that key\n');
      return 1;
    }
    const store = openStore(values.events);
    try {
      // The tree hash is the one the checkpoint signed (`tree-hash sm3`), unless --tree-hash says otherwise.
      const algorithm =
        values['tree-hash'] === undefined ? checkpoint.treeHash : treeHashOf(values['tree-hash']);
      const verdict = await checkHistoryAgainst(store, checkpoint, new MemoryTransparencyStorage(algorithm));
      if (values.json === true)
        printJson(io, {
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
  },
});

/** The transparency commands, as the runner lists them. */
export const transparencyCommands: ReadonlyArray<Command<CliIo>> = [
  keygen,
  checkpoint,
  inclusionProof,
  consistencyProof,
  checkHistory,
];
