/** Why a witness refuses a checkpoint: stable codes, each with a zh and an en message. */
export type WitnessRefusalCode =
  | 'CHECKPOINT_UNREADABLE'
  | 'LOG_SIGNATURE_INVALID'
  | 'ORIGIN_MISMATCH'
  | 'TREE_SHRANK'
  | 'TREE_HASH_CHANGED'
  | 'SAME_SIZE_OTHER_ROOT'
  | 'NOT_CONSISTENT'
  | 'NO_CONSISTENCY_EVIDENCE';

export const witnessRefusalMessages = {
  CHECKPOINT_UNREADABLE: {
    zh: '检查点格式无法识别，拒绝联署',
    en: 'the checkpoint cannot be read; not co-signed',
  },
  LOG_SIGNATURE_INVALID: {
    zh: '检查点没有日志公钥的有效签名，拒绝联署',
    en: 'the checkpoint carries no valid signature by the log’s key; not co-signed',
  },
  ORIGIN_MISMATCH: {
    zh: '检查点来自另一个日志（origin 不同），拒绝联署',
    en: 'the checkpoint is from another log (different origin); not co-signed',
  },
  TREE_HASH_CHANGED: {
    zh: '新检查点的树哈希算法与已联署的不同（如 SHA-256 改为 SM3）：不是同一个日志，拒绝联署',
    en: 'the new checkpoint names another tree hash than the one already co-signed (e.g. SHA-256 to SM3): not the same log; not co-signed',
  },
  TREE_SHRANK: {
    zh: '新检查点的事件数少于已联署的检查点：历史被删改，拒绝联署',
    en: 'the new checkpoint has fewer events than the one already co-signed: history was cut; not co-signed',
  },
  SAME_SIZE_OTHER_ROOT: {
    zh: '事件数相同但根哈希不同：同一段历史出现两个版本，拒绝联署',
    en: 'same number of events but another root hash: two versions of one history; not co-signed',
  },
  NOT_CONSISTENT: {
    zh: '新检查点与已联署的检查点不一致（一致性证明不成立）：历史被改写，拒绝联署',
    en: 'the new checkpoint is not consistent with the one already co-signed (the consistency proof fails): history was rewritten; not co-signed',
  },
  NO_CONSISTENCY_EVIDENCE: {
    zh: '缺少一致性证明或审计包，无法判断是否只追加，拒绝联署',
    en: 'no consistency proof or bundle to show the log only appended; not co-signed',
  },
} as const satisfies Record<WitnessRefusalCode, { readonly zh: string; readonly en: string }>;
