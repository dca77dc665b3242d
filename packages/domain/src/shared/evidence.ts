import * as t from 'io-ts';
import { NonEmptyText } from './ids';

/** Lower-case hex SHA-256 of a document's bytes. */
export interface Sha256Brand {
  readonly Sha256: unique symbol;
}
export const Sha256 = t.brand(
  t.string,
  (s): s is t.Branded<string, Sha256Brand> => /^[0-9a-f]{64}$/.test(s),
  'Sha256',
);
export type Sha256 = t.TypeOf<typeof Sha256>;

/** What a supporting document is (DOMAIN.md §6: evidence attached to the facts it supports). */
export const EvidenceKind = t.keyof({
  contract: null, // 协议文本扫描件
  'site-photo': null, // 现场照片
  licence: null, // 许可证、批复
  report: null, // 报表、统计资料
  invoice: null, // 发票、凭证
  minutes: null, // 会议纪要
  other: null,
});
export type EvidenceKind = t.TypeOf<typeof EvidenceKind>;

/** A reference to a document kept elsewhere: the event keeps its hash so the document can be checked. */
export const EvidenceRef = t.readonly(
  t.type({ sha256: Sha256, name: NonEmptyText, kind: EvidenceKind }),
  'EvidenceRef',
);
export type EvidenceRef = t.TypeOf<typeof EvidenceRef>;

export const Evidence = t.readonlyArray(EvidenceRef, 'Evidence');
export type Evidence = t.TypeOf<typeof Evidence>;
