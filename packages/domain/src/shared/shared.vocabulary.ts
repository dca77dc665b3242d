import type { EvidenceKind } from './evidence';
import type { Labels } from './label';

/** What each kind of supporting document is called (DOMAIN.md §6). */
export const evidenceKindLabels = {
  contract: { zh: '协议文本', en: 'Agreement' },
  'site-photo': { zh: '现场照片', en: 'Site photo' },
  licence: { zh: '许可证、批复', en: 'Licence or approval' },
  report: { zh: '报表、统计资料', en: 'Report or statistics' },
  invoice: { zh: '发票、凭证', en: 'Invoice or voucher' },
  minutes: { zh: '会议纪要', en: 'Minutes' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Labels<EvidenceKind>;
