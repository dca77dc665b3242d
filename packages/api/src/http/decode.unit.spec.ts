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

describe('decodeOrThrow: every failing path, with what was expected', () => {
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
      ['signatory', 'Signatory'],
      ['terms.totalInvestment', 'Cny'],
      ['terms.schedule.startBy', 'BusinessDate'],
      ['terms.incentives.0.kind', 'IncentiveKind'],
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
