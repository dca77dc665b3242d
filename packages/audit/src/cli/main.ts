#!/usr/bin/env node
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import {
  command,
  EXIT_OK,
  EXIT_PROBLEM,
  existingPath,
  processIo,
  program,
  runProcess,
  UsageError,
  type CliIo,
} from '@zhaoshang/cli';
import { BusinessDate, unsafeId, type ProjectId } from '@zhaoshang/domain';
import { isEventStoreError, parsePosition } from '@zhaoshang/eventstore';
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
import { EVENTS_OPTION, JSON_OPTION, json, printJson, usageOn, withStore } from './common';
import { transparencyCommands } from './transparency';

/** Exit codes: 0 all good, 1 a problem was found (broken chain, bad bundle, unknown project), 2 usage error. */
export { EXIT_OK, EXIT_PROBLEM, EXIT_USAGE } from '@zhaoshang/cli';

/**
 * A point in a project's history: a business date (a calendar date, checked as the API checks one:
 * 2024-13-45 is refused) or a global position.
 */
const parsePoint = (text: string, flag: string): AsOf => {
  if (/^\d+$/.test(text)) return { position: usageOn(flag, () => parsePosition(text)) };
  if (BusinessDate.is(text)) return { date: text };
  throw new UsageError(
    /^\d{4}-\d{2}-\d{2}$/.test(text)
      ? `${flag}: 不是有效日期 not a calendar date: ${text}`
      : `${flag}: 需要日期 YYYY-MM-DD 或位置 expected a date YYYY-MM-DD or a position, got ${JSON.stringify(text)}`,
  );
};

const pointLabel = (asOf: AsOf): string =>
  'date' in asOf ? `业务日期 date ${asOf.date}` : `位置 position ${asOf.position}`;

const projectIdOf = (positionals: ReadonlyArray<string>): ProjectId => unsafeId.project(positionals[0] ?? '');

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

/** A value that is either the text itself or the name of a file holding it. */
const textOrFile = (value: string): string =>
  existsSync(value) && statSync(value).isFile() ? readFileSync(value, 'utf8').trim() : value.trim();

const verifierKeyArg = (value: string, flag: string): VerifierKey => {
  const key = parseVerifierKey(textOrFile(value));
  if (typeof key === 'string') throw new UsageError(`${flag}: ${key}`);
  return key;
};

const signerKeyFile = (file: string | undefined, flag: string): SignerKey => {
  const key = parseSignerKey(readFileSync(existingPath(flag, file), 'utf8'));
  if (typeof key === 'string') throw new UsageError(`${flag}: ${key}`);
  return key;
};

const earlierRecordArg = (path: string): EarlierRecord => {
  existingPath('--against', path);
  if (statSync(path).isDirectory() || path.endsWith('.jsonl')) return { kind: 'bundle', path };
  return { kind: 'checkpoint', text: readFileSync(path, 'utf8') };
};

const checkpointOptions = (values: {
  readonly checkpoint?: ReadonlyArray<string> | undefined;
  readonly 'log-key-file'?: string | undefined;
  readonly origin?: string | undefined;
  readonly 'tree-hash'?: string | undefined;
  readonly project?: string | undefined;
}): BundleCheckpointOptions | undefined => {
  const earlier = (values.checkpoint ?? []).map((f) => readFileSync(existingPath('--checkpoint', f), 'utf8'));
  const logKeyFile = values['log-key-file'];
  const treeHash = values['tree-hash'];
  if (treeHash !== undefined && !isTreeHash(treeHash))
    throw new UsageError(`--tree-hash: sha256 或 or sm3, got ${JSON.stringify(treeHash)}`);
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
    throw new UsageError(`--state: ${file} 不是见证人状态文件 is not a witness state`);
  return value;
};

const evidenceOf = (values: {
  readonly bundle?: string | undefined;
  readonly proof?: string | undefined;
}): ConsistencyEvidence | undefined => {
  if (values.bundle !== undefined && values.proof !== undefined)
    throw new UsageError('witness cosign: --bundle 与 --proof 只能给一个 give --bundle or --proof, not both');
  if (values.bundle !== undefined) {
    const read = readBundleLeaves(values.bundle);
    if (typeof read === 'string') throw new UsageError(`--bundle: ${read}`);
    return { kind: 'leaves', leafData: read.leafData.toArray() };
  }
  if (values.proof !== undefined) {
    // The proof as `GET /transparency/consistency` answers it ({ proof: [base64…] }), or one base64 hash a line.
    const text = readFileSync(existingPath('--proof', values.proof), 'utf8');
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
        '--proof: 一致性证明，每行一个 base64 SHA-256 哈希或照 API 的回答 the consistency proof, one base64 SHA-256 hash per line or as the API answers it',
      );
    return { kind: 'proof', proof: lines.map((l) => new Uint8Array(Buffer.from(l, 'base64'))) };
  }
  return undefined;
};

/** The checkpoint offered to a witness: the file given, else the latest checkpoint of --bundle. */
const offeredCheckpoint = (
  bundle: string | undefined,
  file: string | undefined,
): { text: string; name: string } => {
  if (file !== undefined)
    return { text: readFileSync(existingPath('<checkpoint file>', file), 'utf8'), name: file };
  if (bundle === undefined)
    throw new UsageError(
      'witness cosign: 需要 <checkpoint file> 或 --bundle a <checkpoint file> or --bundle is required',
    );
  const read = readBundleLeaves(bundle);
  if (typeof read === 'string') throw new UsageError(`--bundle: ${read}`);
  // The checkpoint at the bundle's head (its size is the number of events), else the largest.
  const texts = read.manifest?.transparency?.checkpoints ?? [];
  const head = `\n${read.leafData.length}\n`;
  const latest = texts.find((t) => t.slice(t.indexOf('\n')).startsWith(head)) ?? texts.at(-1);
  if (latest === undefined) throw new UsageError(`--bundle: ${bundle} 不含检查点 holds no checkpoint`);
  return { text: latest, name: bundle.replace(/\/+$/, '') };
};

const PROJECT_ID = '<projectId>';

const history = command({
  name: 'history',
  args: PROJECT_ID,
  positionals: [1, 1],
  summary: '项目历史 project history',
  options: { ...EVENTS_OPTION, ...JSON_OPTION },
  run: async ({ values, positionals }, io) => {
    const id = projectIdOf(positionals);
    const entries = await withStore(values.events, (store) => projectHistory(store, id));
    if (values.json === true) {
      printJson(
        io,
        entries.map(({ event: _event, ...entry }) => entry),
      );
      return EXIT_OK;
    }
    io.stdout(`项目 project ${id}: ${entries.length} 个事件 events\n`);
    io.stdout(
      '修订 rev\t位置 pos\t业务时间 business time\t\t记录时间 recorded at\t\t操作人 actor\t事件 type\t原因 reason\n',
    );
    for (const h of entries)
      io.stdout(
        `${h.revision}\t${h.position}\t${h.businessTime}\t${h.recordedAt}\t${h.actor.userId}/${h.actor.role}\t${h.type}\t${h.reason ?? ''}\n`,
      );
    return EXIT_OK;
  },
});

const asOf = command({
  name: 'as-of',
  args: PROJECT_ID,
  positionals: [1, 1],
  summary: '某时点状态 state as of a business date or a position',
  options: {
    date: { type: 'string', arg: '<YYYY-MM-DD>', help: '业务日期 a business date' },
    position: { type: 'string', arg: '<n>', help: '全局位置 a global position' },
    ...EVENTS_OPTION,
    ...JSON_OPTION,
  },
  run: async ({ values, positionals }, io) => {
    const id = projectIdOf(positionals);
    const { date, position } = values;
    if ((date === undefined) === (position === undefined))
      throw new UsageError(
        'as-of: --date 与 --position 恰给一个 give exactly one of --date YYYY-MM-DD or --position N',
      );
    const point = date !== undefined ? parsePoint(date, '--date') : parsePoint(position ?? '', '--position');
    if (date !== undefined && !('date' in point))
      throw new UsageError('--date: 需要日期 expected a date YYYY-MM-DD');
    if (position !== undefined && !('position' in point))
      throw new UsageError('--position: 需要数字 expected a number');
    const entries = await withStore(values.events, (store) => projectHistory(store, id));
    const state = stateOfHistory(entries, point);
    if (values.json === true)
      printJson(io, {
        projectId: id,
        asOf: 'date' in point ? { date: point.date } : { position: point.position },
        state,
      });
    else io.stdout(`项目 project ${id} 截至 as of ${pointLabel(point)} 的状态 state:\n${json(state)}\n`);
    return EXIT_OK;
  },
});

const diff = command({
  name: 'diff',
  args: PROJECT_ID,
  positionals: [1, 1],
  summary: '两个时点间的状态差异 differences between two points',
  options: {
    from: { type: 'string', arg: '<date|position>', help: '起点 from (YYYY-MM-DD or a position)' },
    to: { type: 'string', arg: '<date|position>', help: '终点 to (YYYY-MM-DD or a position)' },
    ...EVENTS_OPTION,
    ...JSON_OPTION,
  },
  run: async ({ values, positionals }, io) => {
    const id = projectIdOf(positionals);
    if (values.from === undefined || values.to === undefined)
      throw new UsageError('diff: --from 与 --to 必填 --from and --to are required');
    const from = parsePoint(values.from, '--from');
    const to = parsePoint(values.to, '--to');
    const entries = await withStore(values.events, (store) => projectHistory(store, id));
    const changes = diffStates(stateOfHistory(entries, from), stateOfHistory(entries, to));
    if (values.json === true) printJson(io, changes);
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
  },
});

const verify = command({
  name: 'verify',
  summary: '哈希链校验 verify hash chains',
  options: {
    stream: { type: 'string', arg: '<name>', help: '只校验一个事件流 one stream only' },
    ...EVENTS_OPTION,
    ...JSON_OPTION,
  },
  run: async ({ values }, io) => {
    const report = await withStore(values.events, (store) =>
      verifyStore(store, values.stream === undefined ? {} : { stream: values.stream }),
    );
    return printVerify(io, report, values.json === true);
  },
});

const exportBundleCommand = command({
  name: 'export-bundle',
  args: '<dir>',
  positionals: [1, 1],
  summary:
    '导出审计包 export an audit bundle (checkpoints the API recorded in the store are always included; a project bundle adds each event’s inclusion proof)',
  options: {
    project: { type: 'string', arg: '<id>', help: '只导出一个项目 one project only' },
    'log-key-file': {
      type: 'string',
      arg: '<file>',
      help: '附日志签名检查点 add a checkpoint signed with this log key',
    },
    origin: {
      type: 'string',
      arg: '<log origin>',
      help: '日志来源名 the log origin (default the key’s name)',
    },
    checkpoint: {
      type: 'string',
      multiple: true,
      arg: '<file>',
      help: '附早前检查点 add an earlier checkpoint',
    },
    'tree-hash': { type: 'string', arg: 'sha256|sm3', help: '树哈希 tree hash (default sha256)' },
    ...EVENTS_OPTION,
    ...JSON_OPTION,
  },
  run: async ({ values, positionals: [dir = ''] }, io) => {
    const checkpoints = checkpointOptions(values);
    const manifest = await withStore(values.events, (store) =>
      exportBundle(
        store,
        values.project === undefined ? {} : { projectId: unsafeId.project(values.project) },
        dir,
        checkpoints,
      ),
    );
    if (values.json === true) printJson(io, manifest);
    else
      io.stdout(
        `已导出 exported ${manifest.count} 个事件 events (位置 positions ${manifest.fromPosition ?? '-'}..${manifest.toPosition ?? '-'}) → ${dir}\n` +
          `events.jsonl SHA-256 ${manifest.eventsSha256}\n`,
      );
    return EXIT_OK;
  },
});

const verifyBundleCommand = command({
  name: 'verify-bundle',
  args: '<dir|file.jsonl>',
  positionals: [1, 1],
  summary: '离线校验审计包（及检查点）verify a bundle (and its checkpoints) offline',
  options: {
    key: {
      type: 'string',
      multiple: true,
      arg: '<vkey|file>',
      help: '日志（或见证人）验证密钥 a log (or witness) verifier key',
    },
    against: {
      type: 'string',
      multiple: true,
      arg: '<bundle|checkpoint file>',
      help: '与早前的包或检查点核对 check against an earlier bundle or checkpoint (needs --key)',
    },
    ...JSON_OPTION,
  },
  run: ({ values, positionals: [path = ''] }, io) => {
    existingPath('<dir|file.jsonl>', path);
    const keys = (values.key ?? []).map((k) => verifierKeyArg(k, '--key'));
    const against = (values.against ?? []).map(earlierRecordArg);
    const asJson = values.json === true;
    if (keys.length === 0) {
      if (against.length > 0)
        throw new UsageError('verify-bundle: --against 需要日志密钥 needs the log key (--key)');
      // A project bundle's inclusion proofs are checked even without a key (against the root its
      // checkpoint states; the signature needs --key).
      if (!hasInclusionProofs(path)) return printBundle(io, verifyBundle(path), asJson);
    }
    const chain = verifyBundle(path);
    const checkpoints = verifyBundleTransparency(path, keys, against);
    if (asJson) {
      printJson(io, { ok: chain.ok && checkpoints.ok, chain, checkpoints });
      return chain.ok && checkpoints.ok ? EXIT_OK : EXIT_PROBLEM;
    }
    const chainCode = printBundle(io, chain, false);
    return printTransparency(io, checkpoints) === EXIT_OK && chainCode === EXIT_OK ? EXIT_OK : EXIT_PROBLEM;
  },
});

const witnessInit = command({
  name: 'witness init',
  summary: '见证人初始化 create a witness key and state',
  options: {
    'witness-key': { type: 'string', arg: '<file>', help: '新的见证人密钥文件 the new witness key file' },
    name: { type: 'string', arg: '<name>', help: '见证人名称 the witness’s name' },
    'log-key': { type: 'string', arg: '<vkey|file>', help: '日志验证密钥 the log’s verifier key' },
    origin: { type: 'string', arg: '<origin>', help: '日志来源名 the log origin' },
    state: { type: 'string', arg: '<file>', help: '新的见证人状态文件 the new witness state file' },
  },
  run: ({ values }, io) => {
    const keyFile = values['witness-key'];
    const stateFile = values.state;
    const { name, origin } = values;
    if (keyFile === undefined || stateFile === undefined || name === undefined || origin === undefined)
      throw new UsageError(
        'witness init: --witness-key, --name, --log-key, --origin 与 and --state 必填 are required',
      );
    if (!isValidKeyName(name))
      throw new UsageError('--name: 非空、无空格、无 "+" non-empty, no space, no "+"');
    if (existsSync(keyFile) || existsSync(stateFile))
      throw new UsageError(
        'witness init: 密钥或状态文件已存在，决不覆盖 the key or state file exists already; never overwrite a witness',
      );
    const logKey = verifierKeyArg(values['log-key'] ?? '', '--log-key');
    const key = generateSignerKey(name, SIGNATURE_TYPE.cosignatureV1);
    writeFileSync(keyFile, `${formatSignerKey(key)}\n`, { encoding: 'utf8', mode: 0o600 });
    chmodSync(keyFile, 0o600);
    const state: WitnessState = { format: 1, origin, logKey: formatVerifierKey(logKey) };
    writeFileSync(stateFile, `${JSON.stringify(state, null, 2)}\n`, 'utf8');
    io.stdout(`见证人公钥 witness public key (vkey):\n${formatVerifierKey(verifierKeyOf(key))}\n`);
    return EXIT_OK;
  },
});

const witnessCosign = command({
  name: 'witness cosign',
  args: '[<checkpoint file>]',
  positionals: [0, 1],
  summary: '核对一致后联署 co-sign a checkpoint if it extends the last one',
  options: {
    'witness-key': { type: 'string', arg: '<file>', help: '见证人密钥 the witness key' },
    state: {
      type: 'string',
      arg: '<file>',
      help: '见证人状态（witness init 所建）the witness state (from witness init)',
    },
    bundle: {
      type: 'string',
      arg: '<dir|file>',
      help: '审计包：证据及缺省检查点 a bundle: the evidence, and the checkpoint by default',
    },
    proof: { type: 'string', arg: '<file>', help: '一致性证明 a consistency proof' },
    out: { type: 'string', arg: '<file>', help: '联署后的检查点写入 write the co-signed checkpoint here' },
    divergence: { type: 'string', arg: '<file>', help: '分叉证据写入 write a proof of divergence here' },
  },
  run: ({ values, positionals: [file] }, io) => {
    const offered = offeredCheckpoint(values.bundle, file);
    const stateFile = existingPath('--state', values.state);
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
  },
});

const verifyBulletinCommand = command({
  name: 'verify-bulletin',
  args: '<2024-03|2024-Q1|2024>',
  positionals: [1, 1],
  summary: '通报重算核对 verify a published bulletin (and the checkpoint it carries)',
  options: {
    key: {
      type: 'string',
      multiple: true,
      arg: '<log vkey|file>',
      help: '日志验证密钥 the log’s verifier key',
    },
    ...EVENTS_OPTION,
    ...JSON_OPTION,
  },
  run: async ({ values, positionals: [label = ''] }, io) => {
    const period = parseBulletinPeriod(label);
    if (period === undefined)
      throw new UsageError(
        `verify-bulletin: 需要期别 expected a period 2024-03, 2024-Q1 or 2024, got ${JSON.stringify(label)}`,
      );
    const logKeys = (values.key ?? []).map((k) => verifierKeyArg(k, '--key'));
    const verification = await withStore(values.events, (store) =>
      verifyBulletin(store, period, { logKeys }),
    );
    if (verification === undefined) {
      io.stderr(`该期未发布通报 no bulletin was published for ${label}\n`);
      return EXIT_PROBLEM;
    }
    return printBulletin(io, verification, values.json === true);
  },
});

/** Runs the CLI (`argv` without node and the script); resolves to the exit code. */
export const main = program<CliIo>({
  name: 'zhaoshang-audit',
  commands: [
    history,
    asOf,
    diff,
    verify,
    exportBundleCommand,
    verifyBundleCommand,
    witnessInit,
    witnessCosign,
    verifyBulletinCommand,
    ...transparencyCommands,
  ],
  footer:
    '退出码 exit codes: 0 正常 ok, 1 发现问题 a problem found (broken chain, bad bundle, unknown project), 2 用法错误 usage error',
  onError: (e, io) => {
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
    return undefined;
  },
});

/** The bin: runs the CLI as this process. */
export const bin = (): Promise<void> => runProcess((argv) => main(argv, processIo));

if (require.main === module) void bin();
