import type { Label } from '@zhaoshang/domain';
import type { FieldError } from '../api';

/** What a person reads for the codec a 400 names (`expected`), instead of the codec's type name. */
const EXPECTED: Readonly<Record<string, Label>> = {
  NonEmptyText: { zh: '不能为空（最多 4000 字）', en: 'Must not be blank (at most 4,000 characters)' },
  BusinessDate: { zh: '请填写有效日期（年-月-日）', en: 'A valid date (YYYY-MM-DD)' },
  YearMonth: { zh: '请填写有效月份（年-月）', en: 'A valid month (YYYY-MM)' },
  Year: { zh: '请填写 2000—2199 之间的年度', en: 'A year between 2000 and 2199' },
  Cny: { zh: '金额须为不小于零的精确金额', en: 'A non-negative exact amount' },
  Usd: { zh: '金额须为不小于零的精确金额', en: 'A non-negative exact amount' },
  Mu: { zh: '面积须为不小于零的数（最多 4 位小数）', en: 'A non-negative area (at most 4 decimals)' },
  Count: { zh: '须为不小于零的整数', en: 'A non-negative whole number' },
  CreditCode: {
    zh: '统一社会信用代码无效（18 位，校验位须正确）',
    en: 'Not a valid unified social credit code (18 characters, check character)',
  },
  Sha256: { zh: '文件摘要须为 64 位十六进制', en: '64 hexadecimal characters' },
};

/** A field's 400 in the chosen language: the known codecs in words, else what the server said. */
export const expectedText = (e: FieldError, lang: 'zh' | 'en'): string => {
  const known = EXPECTED[e.expected];
  if (known !== undefined) return known[lang];
  if (e.expected.startsWith('a unit of this deployment'))
    return lang === 'zh' ? '不是本部署的责任单位' : 'Not a unit of this deployment';
  if (/^(".*"\s*\|?\s*)+$/.test(e.expected) || e.expected.includes('|'))
    return lang === 'zh' ? '请从列表中选择' : 'Choose from the list';
  return lang === 'zh' ? `格式不符（应为 ${e.expected}）` : `Invalid (expected ${e.expected})`;
};
