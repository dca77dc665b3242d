import { date, unsafeId, usd, type BusinessDate, type ProjectEvent, type Year } from '@zhaoshang/domain';
import { projectArbitraries, projectFixtures as fx } from '@zhaoshang/domain/testing';
import fc from 'fast-check';
import {
  duplicates,
  evolveFacts,
  measure,
  resolveDuplicates,
  type ProjectFacts,
  type Window,
} from './project-facts';

const YEAR: Window = { from: date('2024-01-01'), to: date('2024-12-31') };
const YI = 10_000_000_000;

/** A lead's facts in 2024; `link` adds a duplicate link (and `unlinkOn` its undo). */
const lead = (
  projectId: string,
  unitId: string,
  o: {
    readonly capturedOn?: string;
    readonly qualifiedOn?: string;
    readonly droppedOn?: string;
    readonly signedOn?: string;
    readonly link?: { readonly to: string; readonly on: string; readonly unlinkOn?: string };
  } = {},
): ProjectFacts => {
  const links =
    o.link === undefined
      ? undefined
      : [
          { on: date(o.link.on), canonical: o.link.to },
          ...(o.link.unlinkOn !== undefined ? [{ on: date(o.link.unlinkOn), canonical: null }] : []),
        ];
  return {
    projectId,
    unitId,
    name: projectId,
    origin: 'lead',
    capturedOn: date(o.capturedOn ?? '2024-03-01'),
    ...(o.qualifiedOn !== undefined ? { qualifiedOn: date(o.qualifiedOn) } : {}),
    ...(o.droppedOn !== undefined ? { droppedOn: date(o.droppedOn) } : {}),
    ...(o.signedOn !== undefined
      ? { signedOn: date(o.signedOn), investments: [{ on: date(o.signedOn), amount: 2 * YI }] }
      : {}),
    ...(links !== undefined ? { links, linked: true as const } : {}),
    ...(links !== undefined && o.link?.unlinkOn === undefined ? { duplicateOf: o.link!.to } : {}),
    investmentByMonth: {},
    missed: {},
    procedures: {},
    years: [2024],
  };
};

const inUnit = (facts: ReadonlyArray<ProjectFacts>, unitId: string) =>
  facts.filter((f) => f.unitId === unitId);
const asOf = (d: string): BusinessDate => date(d);

describe('counting once across units and links (R13 · 004 §(十六) 避免包装项目「一炮数响」)', () => {
  it('R13 · 004 §(十六): the zone signs the project 高新区 signed; it counts once, for 高新区, region-wide once', () => {
    const facts = resolveDuplicates(
      [
        lead('J07', 'jingkai', { signedOn: '2024-08-08', link: { to: 'G01', on: '2024-09-01' } }),
        lead('G01', 'gaoxin', { signedOn: '2024-08-08' }),
      ],
      asOf('2024-12-31'),
    );
    expect(measure(inUnit(facts, 'jingkai'), 'signedProjects', YEAR)).toBe(0);
    expect(measure(inUnit(facts, 'gaoxin'), 'signedProjects', YEAR)).toBe(1);
    expect(measure(facts, 'signedProjects', YEAR)).toBe(1);
    // the zone answers for the padded claim (a link in force at the end of the year)
    expect(duplicates(inUnit(facts, 'jingkai'), YEAR)).toBe(1);
  });

  it('R13 · 004 §(十六): two units each link their claim to the other (A→B, B→A): still counted once, for the earlier captured', () => {
    const facts = resolveDuplicates(
      [
        lead('A', 'jingkai', {
          capturedOn: '2024-03-05',
          qualifiedOn: '2024-03-06',
          link: { to: 'B', on: '2024-05-01' },
        }),
        lead('B', 'gaoxin', {
          capturedOn: '2024-03-01',
          qualifiedOn: '2024-03-02',
          link: { to: 'A', on: '2024-05-02' },
        }),
      ],
      asOf('2024-12-31'),
    );
    expect(measure(facts, 'leads', YEAR)).toBe(1);
    expect(measure(inUnit(facts, 'gaoxin'), 'leads', YEAR)).toBe(1);
  });

  it('R13 · 004 §(十六): linked to a lead that was abandoned afterwards, the project counts (never zero times)', () => {
    const facts = [
      lead('A', 'jingkai', {
        qualifiedOn: '2024-03-10',
        signedOn: '2024-09-01',
        link: { to: 'B', on: '2024-04-01' },
      }),
      lead('B', 'gaoxin', { qualifiedOn: '2024-03-02', droppedOn: '2024-06-30' }),
    ];
    // Before the abandonment B counts and A counts under it; after it, A is the one that counts.
    expect(
      measure(resolveDuplicates(facts, asOf('2024-05-31')), 'capturedLeads', {
        from: YEAR.from,
        to: asOf('2024-05-31'),
      }),
    ).toBe(1);
    const yearEnd = resolveDuplicates(facts, asOf('2024-12-31'));
    expect(inUnit(yearEnd, 'jingkai')[0]?.duplicateOf).toBeUndefined();
    expect(measure(yearEnd, 'capturedLeads', YEAR)).toBe(1);
    expect(measure(inUnit(yearEnd, 'jingkai'), 'signedProjects', YEAR)).toBe(1);
  });

  it('R13 · 004 §(十六): a link undone with a reason: both count again from the undo on, and the unit no longer answers for a padded claim', () => {
    const facts = [
      lead('A', 'jingkai', { link: { to: 'B', on: '2024-04-01', unlinkOn: '2024-06-03' } }),
      lead('B', 'gaoxin'),
    ];
    expect(measure(resolveDuplicates(facts, asOf('2024-05-31')), 'capturedLeads', YEAR)).toBe(1);
    expect(measure(resolveDuplicates(facts, asOf('2024-12-31')), 'capturedLeads', YEAR)).toBe(2);
    expect(duplicates(facts, { from: YEAR.from, to: asOf('2024-05-31') })).toBe(1);
    expect(duplicates(facts, YEAR)).toBe(0);
  });
});

describe('foreign capital counted as received (R11 · 000 §二「利用外资」, DOMAIN.md §5)', () => {
  const foldFacts = (events: ReadonlyArray<ProjectEvent>): ProjectFacts => {
    let f: ProjectFacts | undefined;
    for (const e of events) f = evolveFacts(f, e);
    return f!;
  };

  it('R11 · 000 §二: the agreement promises 3000万美元; 1200万 arrive in 2024 and an amendment in 2025 raises the promise: 2024 counts 1200万, 2025 only what arrives in 2025', () => {
    const signed = fx.historyUntil('signed', {
      terms: fx.signedAgreementTerms({ foreignCapital: usd.wan(3_000) }),
    });
    const received = fx.runScript([fx.recordForeignCapitalReceipt({ on: date('2024-07-15') })], signed);
    const amended = fx.runScript(
      [
        fx.amendAgreement({
          on: date('2025-02-01'),
          terms: fx.signedAgreementTerms({ foreignCapital: usd.wan(5_000) }),
        }),
      ],
      [...signed, ...received],
    );
    const later = fx.runScript(
      [
        fx.recordForeignCapitalReceipt({
          receiptId: unsafeId.text('WH-2025-0301'),
          amount: usd.wan(800),
          on: date('2025-03-01'),
        }),
      ],
      [...signed, ...received, ...amended],
    );
    const facts = foldFacts([...signed, ...received, ...amended, ...later]);
    expect(measure([facts], 'foreignCapital', YEAR)).toBe(1_200 * 1_000_000);
    expect(measure([facts], 'foreignCapital', { from: date('2025-01-01'), to: date('2025-12-31') })).toBe(
      800 * 1_000_000,
    );
    // the promise is kept as a commitment, never counted as used
    expect(facts.foreignCapital).toBe(5_000 * 1_000_000);
  });

  it('R11 · 000 §二 / DOMAIN.md §5: a corrected receipt replaces its figure, it is not added twice', () => {
    const signed = fx.historyUntil('signed');
    const received = fx.runScript([fx.recordForeignCapitalReceipt({ on: date('2024-07-15') })], signed);
    const corrected = fx.runScript(
      [
        fx.recordForeignCapitalReceipt({
          on: date('2024-07-15'),
          amount: usd.wan(1_100),
          correction: { reason: unsafeId.text('录入有误') },
        }),
      ],
      [...signed, ...received],
    );
    expect(measure([foldFacts([...signed, ...received, ...corrected])], 'foreignCapital', YEAR)).toBe(
      1_100 * 1_000_000,
    );
  });

  it('R11 · 003「利用省外资金」: funds from outside the province count by the day they arrived', () => {
    const signed = fx.historyUntil('signed');
    const received = fx.runScript([fx.recordOutOfProvinceFundsReceipt({ on: date('2024-06-20') })], signed);
    const facts = foldFacts([...signed, ...received]);
    expect(measure([facts], 'outOfProvinceFunds', YEAR)).toBe(2 * YI);
    expect(measure([facts], 'outOfProvinceFunds', { from: date('2024-01-01'), to: date('2024-06-19') })).toBe(
      0,
    );
  });
});

describe('见效 in the counting (R8 · 001 §(四) 三年不见效; R10 · 002 §七 the latest evaluated year governs)', () => {
  const [sample] = fc.sample(projectArbitraries.projectEventArbitraries.FulfilmentEvaluated, {
    numRuns: 1,
    seed: 14,
  });
  const evaluated = (year: number, verdict: 'compliant' | 'underperforming', on: string): ProjectEvent => ({
    type: 'FulfilmentEvaluated',
    data: { ...sample!.data, projectId: unsafeId.project('P-1'), year: year as Year, verdict, on: date(on) },
  });
  const withMiss: ProjectFacts = {
    ...lead('P-1', 'qugou', { signedOn: '2024-01-10' }),
    missed: {
      'exit-no-results': {
        kind: 'exit-no-results',
        dueOn: date('2027-01-10'),
        detectedOn: date('2027-01-11'),
      },
    },
  };
  const metOn = (facts: ProjectFacts | undefined) => facts?.missed['exit-no-results']?.metOn;

  it('a compliant verdict of the governing year meets the missed 三年不见效 deadline', () => {
    expect(metOn(evolveFacts(withMiss, evaluated(2027, 'compliant', '2028-02-01')))).toBe('2028-02-01');
  });

  it('an earlier year evaluated compliant after a later one was not shows no results', () => {
    const later = evolveFacts(withMiss, evaluated(2027, 'underperforming', '2028-02-01'));
    const earlier = evolveFacts(later, evaluated(2026, 'compliant', '2028-03-01'));
    expect(metOn(earlier)).toBeUndefined();
    expect(metOn(evolveFacts(earlier, evaluated(2028, 'compliant', '2029-02-01')))).toBe('2029-02-01');
  });
});
