import { SetAnnualTargets } from '@zhaoshang/domain';
import { commandCodecs } from '../command-handling/aggregates';
import { InvalidInputError } from '../errors/api-errors';
import { decodeOrThrow } from './decode';

const errorsOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof InvalidInputError) return e.errors;
    throw e;
  }
  throw new Error('expected a 400');
};

describe('decodeOrThrow: every failing path, with what was expected (as a person reads it: issue #18 item 7)', () => {
  it('names nested paths through readonly, intersection and array codecs', () => {
    const errors = errorsOf(() =>
      decodeOrThrow(commandCodecs.SignAgreement, {
        type: 'SignAgreement',
        projectId: 'P1',
        agreementId: 'A1',
        on: '2024-05-10',
        signatory: 'mayor',
        leadingGroupMinutesRef: 'x',
        terms: {
          totalInvestment: -1,
          fixedAssetInvestment: 1,
          landSupply: 'standalone',
          landArea: 1,
          schedule: { startBy: 'soon', completeBy: '2025-01-01', produceBy: '2025-06-01' },
          commitments: { annualOutput: 1, annualTax: 1, jobs: 1 },
          incentives: [{ incentiveId: 'I', kind: 'cash', ceiling: 1, conditions: 'c' }],
          clawbackClause: true,
        },
        evidence: [],
      }),
    );
    expect(errors.map((e) => [e.path, e.expected])).toEqual([
      [
        'signatory',
        '以下代码之一：district-government（区政府）、zone-committee（管委会） one of: district-government (District government), zone-committee (Zone management committee)',
      ],
      [
        'terms.totalInvestment',
        '金额（人民币，单位分，非负整数） an amount in CNY, in 分 (fen; a non-negative integer)',
      ],
      [
        'terms.schedule.startBy',
        '日期（YYYY-MM-DD，北京时间，1900–2199 年） a date YYYY-MM-DD (Asia/Shanghai), years 1900–2199',
      ],
      [
        'terms.incentives.0.kind',
        expect.stringMatching(
          /^以下代码之一：land-price（土地价格优惠）、.* one of: land-price \(Land price\), /,
        ),
      ],
    ]);
  });

  it('reports missing fields as undefined values', () => {
    const errors = errorsOf(() => decodeOrThrow(SetAnnualTargets, { type: 'SetAnnualTargets' }));
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['unitId', 'year', 'scope', 'targets', 'setOn', 'setBy']),
    );
    expect(errors.every((e) => e.value === null)).toBe(true);
  });

  it('refuses properties the codec does not declare', () => {
    const errors = errorsOf(() =>
      decodeOrThrow(commandCodecs.QualifyLead, {
        type: 'QualifyLead',
        projectId: 'P',
        on: '2024-01-01',
        assessment: 'ok',
        admin: true,
      }),
    );
    expect(errors).toEqual([{ path: 'admin', expected: 'no such property', value: true }]);
  });

  it('accepts a valid command unchanged', () => {
    const input = { type: 'QualifyLead', projectId: 'P', on: '2024-01-01', assessment: 'ok' };
    expect(decodeOrThrow(commandCodecs.QualifyLead, input)).toEqual(input);
  });
});
