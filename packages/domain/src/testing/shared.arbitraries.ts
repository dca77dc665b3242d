/**
 * fast-check arbitraries for the shared value types (the `@zhaoshang/domain/testing` subpath).
 * Every value they produce passes its io-ts codec.
 */
import fc from 'fast-check';
import { CREDIT_CODE_ALPHABET, CreditCode, creditCodeCheckChar } from '../shared/credit-code';
import { BusinessDate, fromDayNumber, toDayNumber, Year, YearMonth } from '../shared/dates';
import type { Evidence, EvidenceKind, Sha256 } from '../shared/evidence';
import type {
  AgreementId,
  IncentiveId,
  LeaderId,
  NonEmptyText,
  ProcedureId,
  ProjectId,
  UnitId,
} from '../shared/ids';
import type { Cny, Count, Mu, Usd } from '../shared/money';

/** A business date between two dates (inclusive), default 2020–2030. */
export const arbBusinessDate = (from = '2020-01-01', to = '2030-12-31'): fc.Arbitrary<BusinessDate> =>
  fc
    .integer({ min: toDayNumber(from as BusinessDate), max: toDayNumber(to as BusinessDate) })
    .map(fromDayNumber);

export const arbYear: fc.Arbitrary<Year> = fc.integer({ min: 2000, max: 2199 }).map((n) => n as Year);

export const arbYearMonth: fc.Arbitrary<YearMonth> = fc
  .tuple(fc.integer({ min: 2000, max: 2199 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}` as YearMonth);

/** An amount in 分 up to 1000亿元 (exact integers). */
export const arbCny: fc.Arbitrary<Cny> = fc.integer({ min: 0, max: 10 ** 15 }).map((n) => n as Cny);
export const arbUsd: fc.Arbitrary<Usd> = fc.integer({ min: 0, max: 10 ** 13 }).map((n) => n as Usd);
/** Land in 亩 with up to two decimals. */
export const arbMu: fc.Arbitrary<Mu> = fc.integer({ min: 0, max: 1_000_000 }).map((n) => (n / 100) as Mu);
export const arbCount: fc.Arbitrary<Count> = fc.integer({ min: 0, max: 100_000 }).map((n) => n as Count);

const CHINESE =
  '招商引资项目投资协议签约开工竣工投产达产土地厂房新能源汽车零部件电子信息生物医药装备制造研发中心生产线';
/** Non-empty Chinese text (names, summaries, reasons). */
export const arbText: fc.Arbitrary<NonEmptyText> = fc
  .array(fc.constantFrom(...CHINESE), { minLength: 1, maxLength: 24 })
  .map((cs) => cs.join('') as NonEmptyText);

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const arbIdString = (prefix: string): fc.Arbitrary<string> =>
  fc
    .array(fc.constantFrom(...ID_CHARS), { minLength: 1, maxLength: 12 })
    .map((cs) => `${prefix}-${cs.join('')}`);

export const arbProjectId = arbIdString('XM').map((s) => s as ProjectId);
export const arbUnitId = arbIdString('unit').map((s) => s as UnitId);
export const arbLeaderId = arbIdString('LD').map((s) => s as LeaderId);
export const arbAgreementId = arbIdString('XY').map((s) => s as AgreementId);
export const arbIncentiveId = arbIdString('JL').map((s) => s as IncentiveId);
export const arbProcedureId = arbIdString('SX').map((s) => s as ProcedureId);

/** A valid 统一社会信用代码: a random body with its computed check character. */
export const arbCreditCode: fc.Arbitrary<CreditCode> = fc
  .tuple(
    fc.constantFrom(...'123456789ANY'),
    fc.constantFrom(...'123459'),
    fc.integer({ min: 110000, max: 820000 }),
    fc.array(fc.constantFrom(...CREDIT_CODE_ALPHABET), { minLength: 9, maxLength: 9 }),
  )
  .map(([a, b, region, rest]) => {
    const body = `${a}${b}${region}${rest.join('')}`;
    return `${body}${creditCodeCheckChar(body)!}` as CreditCode;
  });

export const arbSha256: fc.Arbitrary<Sha256> = fc
  .array(fc.constantFrom(...'0123456789abcdef'), { minLength: 64, maxLength: 64 })
  .map((cs) => cs.join('') as Sha256);

const EVIDENCE_KINDS: ReadonlyArray<EvidenceKind> = [
  'contract',
  'site-photo',
  'licence',
  'report',
  'invoice',
  'minutes',
  'other',
];
export const arbEvidence: fc.Arbitrary<Evidence> = fc.array(
  fc.record({ sha256: arbSha256, name: arbText, kind: fc.constantFrom(...EVIDENCE_KINDS) }),
  { maxLength: 2 },
);

/** A finite ratio, never −0 (JSON cannot carry −0). */
export const arbRatio: fc.Arbitrary<number> = fc.integer({ min: 0, max: 30_000 }).map((n) => n / 10_000);
