import { businessTimeOf } from './business-time';

describe('businessTimeOf', () => {
  const arrived = new Date('2026-11-23T02:03:04.000Z');

  it("takes the command's own business date, at 00:00 in Asia/Shanghai", () => {
    expect(businessTimeOf({ type: 'StartConstruction', on: '2024-05-06' }, arrived)).toBe(
      '2024-05-06T00:00:00+08:00',
    );
    expect(businessTimeOf({ type: 'CaptureLead', capturedOn: '2024-01-05' }, arrived)).toBe(
      '2024-01-05T00:00:00+08:00',
    );
  });

  it('dates a procedure request by the day its application became complete', () => {
    expect(
      businessTimeOf({ type: 'RequestProcedure', procedureId: 'P-1', completeOn: '2024-04-02' }, arrived),
    ).toBe('2024-04-02T00:00:00+08:00');
  });

  it('dates a correction by the day it is made, not by the corrected fact’s date (DOMAIN.md §5)', () => {
    expect(
      businessTimeOf(
        { type: 'CorrectFact', fact: 'construction-started', on: '2024-05-18', correctedOn: '2024-06-01' },
        arrived,
      ),
    ).toBe('2024-06-01T00:00:00+08:00');
  });

  it('falls back to the arrival time when the command names no date', () => {
    expect(businessTimeOf({ type: 'LinkDuplicate', duplicateOf: 'XM-1' }, arrived)).toBe(
      '2026-11-23T02:03:04.000Z',
    );
  });
});
