#!/usr/bin/env node
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { unsafeId, type ProjectId } from '@zhaoshang/domain';
import { isEventStoreError, openSqliteEventStore, type EventStore } from '@zhaoshang/eventstore';
import {
  BulletinRecomputeError,
  parseBulletinPeriod,
  verifyBulletin,
  type BulletinVerification,
} from '../bulletin';
import { exportBundle, verifyBundle, type BundleCheckpointOptions, type BundleReport } from '../bundle';
import {
  hasInclusionProofs,
  readBundleLeaves,
  verifyBundleTransparency,
  type EarlierRecord,
  type TransparencyReport,
} from '../bundle-transparency';
import {
  formatCheckpoint,
  formatSignerKey,
  formatVerifierKey,
  generateSignerKey,
  isTreeHash,
  isValidKeyName,
  parseSignerKey,
  parseVerifierKey,
  SIGNATURE_TYPE,
  verifierKeyOf,
  witnessCheckpoint,
  witnessRefusalMessages,
  type ConsistencyEvidence,
  type SignerKey,
  type VerifierKey,
  type WitnessState,
} from '../transparency';
import { diffStates, projectHistory, stateOfHistory, UndecodableEventError, type AsOf } from '../history';
import { verifyStore, type VerifyReport } from '../verify';
import { runTransparencyCommand, TRANSPARENCY_USAGE } from './transparency';

/** Where the CLI writes; tests pass collectors. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Exit codes: 0 all good, 1 a problem was found (broken chain, bad bundle, unknown project), 2 usage error. */
export const EXIT_OK = 0;
export const EXIT_PROBLEM = 1;
export const EXIT_USAGE = 2;

const USAGE = `用法 usage: zhaoshang-audit <command> [options]
  history <projectId> --events <file>                      项目历史 project history
  as-of <projectId> --date YYYY-MM-DD|--position N --events <file>   某时点状态 state as of
  diff <projectId> --from D|N --to D|N --events <file>     状态差异 differences between two points
  verify [--stream <name>] --events <file>                 哈希链校验 verify hash chains
  export-bundle <dir> [--project <id>] --events <file>     导出审计包 export an audit bundle
      [--log-key-file <file> [--origin <log origin>]] [--checkpoint <file>]... [--tree-hash sha256|sm3]
                                                           附签名检查点 with signed checkpoints (checkpoints the API recorded in
                                                           the store are always included; a project bundle adds each event's inclusion proof)
  verify-bundle <dir|file.jsonl> [--key <vkey|file>]... [--against <bundle|checkpoint file>]...
                                                           离线校验审计包（及检查点）verify a bundle (and its checkpoints) offline
  witness init --witness-key <file> --name <name> --log-key <vkey|file> --origin <origin> --state <file>
                                                           见证人初始化 create a witness key and state
  witness cosign [<checkpoint file>] --witness-key <file> --state <file> [--bundle <dir|file>|--proof <file>]
      [--out <file>] [--divergence <file>]                 核对一致后联署 co-sign a checkpoint if it extends the last one
  verify-bulletin <2024-03|2024-Q1|2024> --events <file> [--key <log vkey|file>]...
                                                           通报重算核对 verify a published bulletin (and the checkpoint it carries)
  --json                                                   机器可读输出 JSON output
${TRANSPARENCY_USAGE}`;

class UsageError extends Error {}

const json = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString(10) : v), 2);

const parsePoint = (text: string, flag: string): AsOf => {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { date: text };
  if (/^\d+$/.test(text)) return { position: BigInt(text) };
  throw new UsageError(`${flag}: expected YYYY-MM-DD or a position, got ${JSON.stringify(text)}`);
};

const pointLabel = (asOf: AsOf): string =>
  'date' in asOf ? `业务日期 date ${asOf.date}` : `位置 position ${asOf.position}`;

const openStore = (file: string | undefined): EventStore => {
  if (file === undefined) throw new UsageError('--events <file> is required');
  if (!existsSync(file)) throw new UsageError(`--events: no such file ${file}`);
  return openSqliteEventStore({ file });
};

const projectIdOf = (positionals: ReadonlyArray<string>, what: string): ProjectId => {
  const id = positionals[0];
  if (id === undefined) throw new UsageError(`${what}: <projectId> is required`);
  return unsafeId.project(id);
};

const withStore = async <T>(file: string | undefined, run: (store: EventStore) => Promise<T>): Promise<T> => {
  const store = openStore(file);
  try {
    return await run(store);
  } finally {
    await store.close();
  }
};

const printVerify = (io: CliIo, report: VerifyReport, asJson: boolean): number => {
  if (asJson) io.stdout(`${json(report)}\n`);
  else if (report.ok) io.stdout(`校验通过 OK: ${report.scope}, 已校验 checked ${report.checked}\n`);
  else {
    const b = report.firstBroken;
    io.stdout(
      `校验失败 BROKEN: ${report.scope}, 已校验 checked ${report.checked}\n` +
        `首个断点 first broken link: ${b.streamName} 修订 revision ${b.revision} 位置 position ${b.position} 原因 reason ${b.reason}\n`,
    );
  }
  return report.ok ? EXIT_OK : EXIT_PROBLEM;
};

const printBundle = (io: CliIo, report: BundleReport, asJson: boolean): number => {
  if (asJson) io.stdout(`${json(report)}\n`);
  else if (report.ok) io.stdout(`审计包校验通过 bundle OK: 已校验 checked ${report.checked}\n`);
  else {
    const p = report.problem;
    const where =
      p.line === undefined
        ? ''
        : ` 行 line ${p.line}${p.streamName === undefined ? '' : ` ${p.streamName}@${p.revision ?? '?'}`}`;
    io.stdout(
      `审计包有问题 bundle BROKEN: ${p.code}${where}: ${p.detail}\n已校验 checked ${report.checked}\n`,
    );
  }
  return report.ok ? EXIT_OK : EXIT_PROBLEM;
};

const printBulletin = (io: CliIo, v: BulletinVerification, asJson: boolean): number => {
  if (asJson) {
    io.stdout(`${json(v)}\n`);
    return v.ok ? EXIT_OK : EXIT_PROBLEM;
  }
  io.stdout(
    `通报 bulletin ${v.period} (${v.stream}), ${v.editions.length} 版 editions, 现行 in force: ${v.inForce}\n`,
  );
  for (const e of v.editions) {
    const what = e.event === 'BulletinPublished' ? '发布 published' : `更正 corrected (${e.reason ?? ''})`;
    io.stdout(
      `[${e.edition}] ${e.bulletinId} ${what} ${e.on} ${e.by}, 位置 position ${e.position}, 计算位置 computed at ${e.computedAtPosition}\n` +
        `    摘要 digest: 发布 published ${e.digest.published}\n` +
        `                 重算 recomputed ${e.digest.recomputed}\n`,
    );
    if (!e.computedBeforeEdition)
      io.stdout(`    计算位置不早于本版自身 computed at or after its own position\n`);
    if (e.digest.ofPublishedFigures !== e.digest.published)
      io.stdout(
        `    发布的摘要与发布的数据不符 the published digest is not that of the published figures (${e.digest.ofPublishedFigures})\n`,
      );
    const figuresFollow =
      e.computedBeforeEdition &&
      e.differences.length === 0 &&
      e.digest.published === e.digest.recomputed &&
      e.digest.ofPublishedFigures === e.digest.recomputed;
    io.stdout(
      figuresFollow
        ? `    一致 EQUAL: 数据可由历史重算得出 the figures follow from history\n`
        : `    不一致 DIFFERENT: ${e.differences.length} 处差异 differences\n`,
    );
    for (const d of e.differences)
      io.stdout(
        `    ${d.unit} ${d.metric}: 发布 published ${JSON.stringify(d.published)}, 重算 recomputed ${JSON.stringify(d.recomputed)}\n`,
      );
    const c = e.checkpoint;
    if (c !== undefined) {
      const signature = {
        valid: '日志签名有效 signed by the log key',
        invalid: '签名无效 NOT signed by the given log key',
        unchecked: '未核签名 signature not checked (no --key)',
      }[c.signature];
      io.stdout(
        `    检查点 checkpoint ${c.origin} 规模 size ${c.treeSize} 根 root ${c.rootHash}: ${signature}\n` +
          (c.noteMatches
            ? ''
            : `    检查点签名文本与字段不符 the note is not a checkpoint of these fields\n`) +
          (c.eventsUpToPosition === c.treeSize && c.recomputedRoot === c.rootHash
            ? `    树根一致 ROOT EQUAL: 计算位置前的 ${c.eventsUpToPosition} 个事件 the events up to the position give that root\n`
            : `    树根不一致 ROOT DIFFERENT: 计算位置前 ${c.eventsUpToPosition} 个事件 events up to the position, 根 root ${c.recomputedRoot}\n`),
      );
    }
  }
  return v.ok ? EXIT_OK : EXIT_PROBLEM;
};

type Values = ReturnType<typeof parseOptions>['values'];

/** A value that is either the text itself or the name of a file holding it. */
const textOrFile = (value: string): string =>
  existsSync(value) && statSync(value).isFile() ? readFileSync(value, 'utf8').trim() : value.trim();

const verifierKeyArg = (value: string, flag: string): VerifierKey => {
  const key = parseVerifierKey(textOrFile(value));
  if (typeof key === 'string') throw new UsageError(`${flag}: ${key}`);
  return key;
};

const signerKeyFile = (file: string | undefined, flag: string): SignerKey => {
  if (file === undefined) throw new UsageError(`${flag} <file> is required`);
  if (!existsSync(file)) throw new UsageError(`${flag}: no such file ${file}`);
  const key = parseSignerKey(readFileSync(file, 'utf8'));
  if (typeof key === 'string') throw new UsageError(`${flag}: ${key}`);
  return key;
};

const earlierRecordArg = (path: string): EarlierRecord => {
  if (!existsSync(path)) throw new UsageError(`--against: no such file or directory ${path}`);
  if (statSync(path).isDirectory() || path.endsWith('.jsonl')) return { kind: 'bundle', path };
  return { kind: 'checkpoint', text: readFileSync(path, 'utf8') };
};

const checkpointOptions = (values: Values): BundleCheckpointOptions | undefined => {
  const earlier = (values.checkpoint ?? []).map((f) => {
    if (!existsSync(f)) throw new UsageError(`--checkpoint: no such file ${f}`);
    return readFileSync(f, 'utf8');
  });
  const logKeyFile = values['log-key-file'];
  const treeHash = values['tree-hash'];
  if (treeHash !== undefined && !isTreeHash(treeHash))
    throw new UsageError(`--tree-hash: sha256 or sm3, got ${JSON.stringify(treeHash)}`);
  // A project bundle is anchored whenever the store or the options hold a checkpoint (an empty
  // options object: the checkpoints recorded in the store); a whole-store one always is.
  if (logKeyFile === undefined && earlier.length === 0) return values.project === undefined ? undefined : {};
  const logKey = logKeyFile === undefined ? undefined : signerKeyFile(logKeyFile, '--log-key-file');
  // The origin: as given, else the log key's name (C2SP: they should match), else the checkpoints'.
  const origin = values.origin ?? logKey?.name;
  return {
    ...(origin === undefined ? {} : { origin }),
    ...(logKey === undefined ? {} : { logKey }),
    ...(treeHash === undefined ? {} : { treeHash }),
    earlier,
  };
};

const printTransparency = (io: CliIo, report: TransparencyReport): number => {
  if (report.ok) {
    io.stdout(
      `检查点校验通过 checkpoints OK: ${report.checkpoints} 个检查点 checkpoints, 延续 extends ${report.extends} 个早前检查点 earlier\n` +
        (report.proved === undefined
          ? ''
          : `  包含证明 inclusion proofs: ${report.proved} 个事件均在检查点的树中 events, each in the checkpoint's tree\n`) +
        (report.signatures === 'unchecked'
          ? '  未核签名 signatures not checked (no --key): 证明按检查点所述的根校验 proofs checked against the root the checkpoint states\n'
          : '') +
        report.cosigned
          .map((c) => `  见证人 witness ${c.witness} 联署至 co-signed up to ${c.size}\n`)
          .join(''),
    );
    return EXIT_OK;
  }
  const p = report.problem;
  let where = '';
  if (p.firstDifference !== undefined) {
    const d = p.firstDifference;
    where =
      `\n历史分叉于 histories part at 第 ${d.index + 1} 个事件 event #${d.index + 1} of $all: ` +
      `本包位置 position here ${d.position ?? '(无 none)'}, 早前位置 earlier position ${d.earlierPosition ?? '(无 none)'}`;
  } else if (p.partsWithin !== undefined)
    where = `\n历史分叉于第 ${p.partsWithin.from + 1}..${p.partsWithin.upTo} 个事件之间 histories part within events #${p.partsWithin.from + 1}..#${p.partsWithin.upTo} of $all`;
  if (p.event !== undefined)
    where = `\n事件 event: 行 line ${p.event.line}, 位置 position ${p.event.position}, ${p.event.streamName}@${p.event.revision}`;
  io.stdout(`检查点校验失败 checkpoints BROKEN: ${p.code}: ${p.detail}${where}\n`);
  return EXIT_PROBLEM;
};

const readState = (file: string): WitnessState => {
  const value = JSON.parse(readFileSync(file, 'utf8')) as WitnessState;
  if (value.format !== 1 || typeof value.origin !== 'string' || typeof value.logKey !== 'string')
    throw new UsageError(`--state: ${file} is not a witness state`);
  return value;
};

const witnessInit = (io: CliIo, values: Values, rest: ReadonlyArray<string>): number => {
  if (rest.length > 0) throw new UsageError('witness init takes no positional argument');
  const keyFile = values['witness-key'];
  const stateFile = values.state;
  const name = values.name;
  if (keyFile === undefined || stateFile === undefined || name === undefined || values.origin === undefined)
    throw new UsageError('witness init: --witness-key, --name, --log-key, --origin and --state are required');
  if (!isValidKeyName(name)) throw new UsageError('--name: non-empty, no space, no "+"');
  if (existsSync(keyFile) || existsSync(stateFile))
    throw new UsageError('witness init: the key or state file exists already; never overwrite a witness');
  const logKey = verifierKeyArg(values['log-key'] ?? '', '--log-key');
  const key = generateSignerKey(name, SIGNATURE_TYPE.cosignatureV1);
  writeFileSync(keyFile, `${formatSignerKey(key)}\n`, { encoding: 'utf8', mode: 0o600 });
  chmodSync(keyFile, 0o600);
  const state: WitnessState = { format: 1, origin: values.origin, logKey: formatVerifierKey(logKey) };
  writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
  io.stdout(`见证人公钥 witness public key (vkey):\n${formatVerifierKey(verifierKeyOf(key))}\n`);
  return EXIT_OK;
};

const evidenceOf = (values: Values): ConsistencyEvidence | undefined => {
  if (values.bundle !== undefined && values.proof !== undefined)
    throw new UsageError('witness cosign: give --bundle or --proof, not both');
  if (values.bundle !== undefined) {
    const read = readBundleLeaves(values.bundle);
    if (typeof read === 'string') throw new UsageError(`--bundle: ${read}`);
    return { kind: 'leaves', leafData: read.leafData.toArray() };
  }
  if (values.proof !== undefined) {
    // The proof as `GET /transparency/consistency` answers it ({ proof: [base64…] }), or one base64 hash a line.
    const text = readFileSync(values.proof, 'utf8');
    let lines: string[];
    try {
      const answer = JSON.parse(text) as { proof?: unknown };
      lines = Array.isArray(answer.proof) ? answer.proof.map(String) : [];
    } catch {
      lines = text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '');
    }
    if (lines.some((l) => !/^[A-Za-z0-9+/]{43}=$/.test(l)))
      throw new UsageError(
        '--proof: the consistency proof, one base64 SHA-256 hash per line or as the API answers it',
      );
    return { kind: 'proof', proof: lines.map((l) => new Uint8Array(Buffer.from(l, 'base64'))) };
  }
  return undefined;
};

/** The checkpoint offered to a witness: the file given, else the latest checkpoint of --bundle. */
const offeredCheckpoint = (values: Values, rest: ReadonlyArray<string>): { text: string; name: string } => {
  const file = rest[0];
  if (rest.length > 1) throw new UsageError('witness cosign: at most one <checkpoint file>');
  if (file !== undefined) {
    if (!existsSync(file)) throw new UsageError(`witness cosign: no such file ${file}`);
    return { text: readFileSync(file, 'utf8'), name: file };
  }
  if (values.bundle === undefined)
    throw new UsageError('witness cosign: a <checkpoint file> or --bundle is required');
  const read = readBundleLeaves(values.bundle);
  if (typeof read === 'string') throw new UsageError(`--bundle: ${read}`);
  // The checkpoint at the bundle's head (its size is the number of events), else the largest.
  const texts = read.manifest?.transparency?.checkpoints ?? [];
  const head = `\n${read.leafData.length}\n`;
  const latest = texts.find((t) => t.slice(t.indexOf('\n')).startsWith(head)) ?? texts.at(-1);
  if (latest === undefined) throw new UsageError(`--bundle: ${values.bundle} holds no checkpoint`);
  return { text: latest, name: values.bundle.replace(/\/+$/, '') };
};

const witnessCosign = (io: CliIo, values: Values, rest: ReadonlyArray<string>): number => {
  const offered = offeredCheckpoint(values, rest);
  const stateFile = values.state;
  if (stateFile === undefined || !existsSync(stateFile))
    throw new UsageError('witness cosign: --state <file> (from witness init) is required');
  const witnessKey = signerKeyFile(values['witness-key'], '--witness-key');
  const state = readState(stateFile);
  const logKey = verifierKeyArg(state.logKey, 'the state’s log key');
  const decision = witnessCheckpoint({
    state,
    logKey,
    witnessKey,
    offered: offered.text,
    evidence: evidenceOf(values),
    now: BigInt(Math.floor(Date.now() / 1000)),
  });
  if (decision.verdict === 'refused') {
    const m = witnessRefusalMessages[decision.code];
    io.stderr(`拒绝联署 REFUSED ${decision.code}: ${m.zh}\n${m.en}\n`);
    if (decision.divergence !== undefined) {
      const out = values.divergence ?? `${offered.name}.divergence.json`;
      writeFileSync(out, `${JSON.stringify(decision.divergence, null, 2)}\n`, 'utf8');
      io.stderr(`分叉证据 proof of divergence → ${out}\n`);
    }
    return EXIT_PROBLEM;
  }
  const text = formatCheckpoint(decision.checkpoint);
  writeFileSync(stateFile, `${JSON.stringify(decision.state, null, 2)}\n`, 'utf8');
  if (values.out !== undefined) {
    writeFileSync(values.out, text, 'utf8');
    io.stdout(
      `已联署 co-signed ${decision.checkpoint.origin} 规模 size ${decision.checkpoint.size} → ${values.out}\n`,
    );
  } else io.stdout(text);
  return EXIT_OK;
};

const parseOptions = (args: ReadonlyArray<string>) => {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        events: { type: 'string' },
        date: { type: 'string' },
        position: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        stream: { type: 'string' },
        project: { type: 'string' },
        json: { type: 'boolean', default: false },
        key: { type: 'string', multiple: true },
        against: { type: 'string', multiple: true },
        checkpoint: { type: 'string', multiple: true },
        origin: { type: 'string' },
        'log-key-file': { type: 'string' },
        'log-key': { type: 'string' },
        'witness-key': { type: 'string' },
        name: { type: 'string' },
        state: { type: 'string' },
        bundle: { type: 'string' },
        proof: { type: 'string' },
        out: { type: 'string' },
        divergence: { type: 'string' },
        'tree-hash': { type: 'string' },
      },
    });
  } catch (e) {
    // parseArgs throws a TypeError (ERR_PARSE_ARGS_*) for unknown options and missing values.
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
};

const run = async (argv: ReadonlyArray<string>, io: CliIo): Promise<number> => {
  const [command, ...rest] = argv;
  const transparency = await runTransparencyCommand(command, rest, io);
  if (transparency !== undefined) return transparency;
  const { values, positionals } = parseOptions(rest);
  const asJson = values.json === true;
  switch (command) {
    case 'history': {
      const id = projectIdOf(positionals, 'history');
      const history = await withStore(values.events, (store) => projectHistory(store, id));
      if (asJson) {
        io.stdout(`${json(history.map(({ event: _event, ...entry }) => entry))}\n`);
      } else {
        io.stdout(`项目 project ${id}: ${history.length} 个事件 events\n`);
        io.stdout(
          '修订 rev\t位置 pos\t业务时间 business time\t\t记录时间 recorded at\t\t操作人 actor\t事件 type\t原因 reason\n',
        );
        for (const h of history)
          io.stdout(
            `${h.revision}\t${h.position}\t${h.businessTime}\t${h.recordedAt}\t${h.actor.userId}/${h.actor.role}\t${h.type}\t${h.reason ?? ''}\n`,
          );
      }
      return EXIT_OK;
    }
    case 'as-of': {
      const id = projectIdOf(positionals, 'as-of');
      if ((values.date === undefined) === (values.position === undefined))
        throw new UsageError('as-of: give exactly one of --date YYYY-MM-DD or --position N');
      const asOf =
        values.date !== undefined
          ? parsePoint(values.date, '--date')
          : parsePoint(values.position ?? '', '--position');
      if (values.date !== undefined && !('date' in asOf)) throw new UsageError('--date: expected YYYY-MM-DD');
      if (values.position !== undefined && !('position' in asOf))
        throw new UsageError('--position: expected a number');
      const history = await withStore(values.events, (store) => projectHistory(store, id));
      const state = stateOfHistory(history, asOf);
      if (asJson)
        io.stdout(
          `${json({ projectId: id, asOf: 'date' in asOf ? { date: asOf.date } : { position: asOf.position }, state })}\n`,
        );
      else {
        io.stdout(`项目 project ${id} 截至 as of ${pointLabel(asOf)} 的状态 state:\n`);
        io.stdout(`${json(state)}\n`);
      }
      return EXIT_OK;
    }
    case 'diff': {
      const id = projectIdOf(positionals, 'diff');
      if (values.from === undefined || values.to === undefined)
        throw new UsageError('diff: --from and --to are required');
      const from = parsePoint(values.from, '--from');
      const to = parsePoint(values.to, '--to');
      const history = await withStore(values.events, (store) => projectHistory(store, id));
      const changes = diffStates(stateOfHistory(history, from), stateOfHistory(history, to));
      if (asJson) io.stdout(`${json(changes)}\n`);
      else {
        io.stdout(
          `项目 project ${id}: ${pointLabel(from)} → ${pointLabel(to)}, ${changes.length} 处变化 changes\n`,
        );
        for (const c of changes)
          io.stdout(
            `${c.path}: ${JSON.stringify(c.before) ?? '(无 none)'} → ${JSON.stringify(c.after) ?? '(无 none)'}\n`,
          );
      }
      return EXIT_OK;
    }
    case 'verify': {
      if (positionals.length > 0) throw new UsageError('verify takes no positional argument');
      const report = await withStore(values.events, (store) =>
        verifyStore(store, values.stream === undefined ? {} : { stream: values.stream }),
      );
      return printVerify(io, report, asJson);
    }
    case 'export-bundle': {
      const dir = positionals[0];
      if (dir === undefined) throw new UsageError('export-bundle: <dir> is required');
      const checkpoints = checkpointOptions(values);
      const manifest = await withStore(values.events, (store) =>
        exportBundle(
          store,
          values.project === undefined ? {} : { projectId: unsafeId.project(values.project) },
          dir,
          checkpoints,
        ),
      );
      if (asJson) io.stdout(`${json(manifest)}\n`);
      else
        io.stdout(
          `已导出 exported ${manifest.count} 个事件 events (位置 positions ${manifest.fromPosition ?? '-'}..${manifest.toPosition ?? '-'}) → ${dir}\n` +
            `events.jsonl SHA-256 ${manifest.eventsSha256}\n`,
        );
      return EXIT_OK;
    }
    case 'verify-bundle': {
      const path = positionals[0];
      if (path === undefined) throw new UsageError('verify-bundle: <dir> or <file.jsonl> is required');
      const keys = (values.key ?? []).map((k) => verifierKeyArg(k, '--key'));
      const against = (values.against ?? []).map(earlierRecordArg);
      if (keys.length === 0) {
        if (against.length > 0) throw new UsageError('verify-bundle: --against needs the log key (--key)');
        // A project bundle's inclusion proofs are checked even without a key (against the root its
        // checkpoint states; the signature needs --key).
        if (!hasInclusionProofs(path)) return printBundle(io, verifyBundle(path), asJson);
      }
      const chain = verifyBundle(path);
      const checkpoints = verifyBundleTransparency(path, keys, against);
      if (asJson) {
        io.stdout(`${json({ ok: chain.ok && checkpoints.ok, chain, checkpoints })}\n`);
        return chain.ok && checkpoints.ok ? EXIT_OK : EXIT_PROBLEM;
      }
      const chainCode = printBundle(io, chain, false);
      return printTransparency(io, checkpoints) === EXIT_OK && chainCode === EXIT_OK ? EXIT_OK : EXIT_PROBLEM;
    }
    case 'witness': {
      const [sub, ...rest] = positionals;
      if (sub === 'init') return witnessInit(io, values, rest);
      if (sub === 'cosign') return witnessCosign(io, values, rest);
      throw new UsageError('witness: init or cosign');
    }
    case 'verify-bulletin': {
      const label = positionals[0];
      if (label === undefined || positionals.length > 1)
        throw new UsageError('verify-bulletin: one <period> is required (2024-03, 2024-Q1 or 2024)');
      const period = parseBulletinPeriod(label);
      if (period === undefined)
        throw new UsageError(
          `verify-bulletin: expected 2024-03, 2024-Q1 or 2024, got ${JSON.stringify(label)}`,
        );
      const logKeys = (values.key ?? []).map((k) => verifierKeyArg(k, '--key'));
      const verification = await withStore(values.events, (store) =>
        verifyBulletin(store, period, { logKeys }),
      );
      if (verification === undefined) {
        io.stderr(`该期未发布通报 no bulletin was published for ${label}\n`);
        return EXIT_PROBLEM;
      }
      return printBulletin(io, verification, asJson);
    }
    default:
      throw new UsageError(command === undefined ? 'a command is required' : `unknown command ${command}`);
  }
};

/** Runs the CLI; resolves to the exit code. */
export const main = async (argv: ReadonlyArray<string>, io: CliIo): Promise<number> => {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n${USAGE}`);
      return EXIT_USAGE;
    }
    if (e instanceof UndecodableEventError) {
      io.stderr(`无法解码事件 cannot decode event: ${e.message}\n`);
      return EXIT_PROBLEM;
    }
    if (e instanceof BulletinRecomputeError) {
      io.stderr(`无法重算通报 cannot recompute the bulletin: ${e.message}\n`);
      return EXIT_PROBLEM;
    }
    if (isEventStoreError(e) && e.code === 'STREAM_NOT_FOUND') {
      io.stderr(`没有该项目的事件 no events for this project: ${e.message}\n`);
      return EXIT_PROBLEM;
    }
    throw e;
  }
};

if (require.main === module) {
  void main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = EXIT_PROBLEM;
    },
  );
}
