import { date, type BusinessDate } from '@zhaoshang/domain';
import * as E from 'fp-ts/Either';
import type { ProjectFacts } from '../counting/project-facts';
import type { PlanDoc } from '../target-progress/target-progress.document';
import {
  periodWindow,
  rulePoints,
  scoreUnits,
  unitFigures,
  type ScoringInput,
} from './performance-review.compute';
import { defaultScoringPolicy, parseScoringPolicy, type ScoringRule } from './scoring-policy';

const YI = 10_000_000_000;
const year = { kind: 'year', year: 2024 } as const;
const window = periodWindow(year);

/** A signed project of `yi` 亿元, started or not, with reports for the given months. */
const project = (id: string, unitId: string, yi: number, o: Partial<ProjectFacts> = {}): ProjectFacts => ({
  projectId: id,
  unitId,
  name: id,
  origin: 'lead',
  capturedOn: date('2024-01-02'),
  qualifiedOn: date('2024-01-05'),
  signedOn: date('2024-03-01'),
  investments: [{ on: date('2024-03-01'), amount: Math.round(yi * YI) }],
  investmentByMonth: {},
  missed: {},
  procedures: {},
  years: [2024],
  ...o,
});

const plan = (unitId: string, signed: number, funds: number): PlanDoc => ({
  unitId,
  year: 2024,
  scope: 'unit',
  setOn: date('2024-01-02'),
  revisions: [],
  targets: [
    { metric: 'signedProjects', kind: 'count', value: signed, minInvestment: YI },
    { metric: 'signedAgreementFunds', kind: 'cny', value: funds, minInvestment: YI },
  ],
});

const input = (unitId: string, facts: ReadonlyArray<ProjectFacts>, p?: PlanDoc): ScoringInput => ({
  figures: unitFigures(unitId, facts, [], window),
  facts,
  trips: [],
  plan: p,
  window,
});

const a = input(
  'a',
  [project('a1', 'a', 5), project('a2', 'a', 2), project('a3', 'a', 0.5)],
  plan('a', 4, 20 * YI),
);
const b = input(
  'b',
  [project('b1', 'b', 12), project('b2', 'b', 60, { startedOn: date('2024-06-01') })],
  plan('b', 4, 20 * YI),
);
const c = input('c', [], plan('c', 4, 20 * YI));
const peers = [a, b, c];
const points = (rule: ScoringRule, who: ScoringInput) => rulePoints(rule, who, peers).points;

describe('every scoring form of DOMAIN.md §6 is data', () => {
  it('ratio to target × weight with a cap (signed investment ÷ target × 50, at most 50)', () => {
    const rule: ScoringRule = {
      id: 'funds',
      label: '协议资金',
      form: 'ratio',
      measure: { kind: 'metric', metric: 'signedAgreementFunds', minInvestment: YI },
      target: { plan: 'signedAgreementFunds', minInvestment: YI },
      weight: 50,
      cap: 50,
    };
    expect(points(rule, a)).toBeCloseTo((7 / 20) * 50, 10); // 5亿 + 2亿 of 20亿
    expect(points(rule, b)).toBe(50); // 72亿 of 20亿, capped
  });

  it('count ratio and amount ratio averaged', () => {
    const rule: ScoringRule = {
      id: 'signings',
      label: '签约',
      form: 'average',
      parts: [
        {
          measure: { kind: 'metric', metric: 'signedProjects', minInvestment: YI },
          target: { plan: 'signedProjects', minInvestment: YI },
        },
        {
          measure: { kind: 'metric', metric: 'signedAgreementFunds', minInvestment: YI },
          target: { fixed: 20 * YI },
        },
      ],
      weight: 20,
    };
    expect(points(rule, a)).toBeCloseTo(((2 / 4 + 7 / 20) / 2) * 20, 10);
  });

  it('min–max scaling among peers: 60 + 40 × (x − min) ÷ (max − min)', () => {
    const rule: ScoringRule = {
      id: 'scale',
      label: '赛马',
      form: 'peer-scale',
      measure: { kind: 'metric', metric: 'signedAgreementFunds' },
      floor: 60,
      span: 40,
    };
    expect(points(rule, b)).toBe(100);
    expect(points(rule, c)).toBe(60);
    expect(points(rule, a)).toBeCloseTo(60 + (40 * 7.5) / 72, 10);
  });

  it('bonuses per event: +4 per project of 10–50亿, +8 per project of 50亿 or more', () => {
    const ten: ScoringRule = {
      id: 'b10',
      label: '10亿',
      form: 'per-item',
      measure: { kind: 'metric', metric: 'signedProjects', minInvestment: 10 * YI, maxInvestment: 50 * YI },
      points: 4,
    };
    const fifty: ScoringRule = {
      id: 'b50',
      label: '50亿',
      form: 'per-item',
      measure: { kind: 'metric', metric: 'signedProjects', minInvestment: 50 * YI },
      points: 8,
    };
    expect(points(ten, b) + points(fifty, b)).toBe(12);
    expect(points(ten, a) + points(fifty, a)).toBe(0);
  });

  it('penalties per shortfall and per project not started on time, and heavier ones for padded projects', () => {
    const shortfall: ScoringRule = {
      id: 'short',
      label: '签约缺口',
      form: 'shortfall',
      measure: { kind: 'metric', metric: 'signedProjects', minInvestment: YI },
      target: { plan: 'signedProjects', minInvestment: YI },
      pointsPerUnit: -2,
    };
    expect(points(shortfall, a)).toBe(-4); // 2 of 4
    expect(points(shortfall, c)).toBe(-8);
    const late = project('l1', 'd', 3, {
      missed: {
        'agreed-start:2024-05-01': {
          kind: 'agreed-start',
          dueOn: date('2024-05-01'),
          detectedOn: date('2024-05-02'),
        },
      },
    });
    const dup = project('l2', 'd', 3, { duplicateOf: 'b1' });
    const d = input('d', [late, dup]);
    const notStarted: ScoringRule = {
      id: 'late',
      label: '未按期开工',
      form: 'per-item',
      measure: { kind: 'missedMilestones', milestoneKinds: ['agreed-start'] },
      points: -3,
    };
    const padded: ScoringRule = {
      id: 'pad',
      label: '包装项目',
      form: 'per-item',
      measure: { kind: 'duplicates' },
      points: -10,
    };
    expect(rulePoints(notStarted, d, [d]).points).toBe(-3);
    expect(rulePoints(padded, d, [d]).points).toBe(-10);
  });

  it('size bands with minimum counts (≥ 2 of 0.3–1亿, ≥ 1 of 1–10亿, ≥ 1 above 10亿)', () => {
    const rule: ScoringRule = {
      id: 'bands',
      label: '项目结构',
      form: 'bands',
      metric: 'signedProjects',
      bands: [
        { minInvestment: 0.3 * YI, maxInvestment: YI, minCount: 2 },
        { minInvestment: YI, maxInvestment: 10 * YI, minCount: 1 },
        { minInvestment: 10 * YI, minCount: 1 },
      ],
      points: 10,
      penaltyPerMissingBand: -2,
    };
    expect(points(rule, a)).toBe(-4); // one 0.5亿 project (short), 1–10亿 met, none above 10亿
    expect(points(rule, c)).toBe(-6);
    const full = input('e', [
      project('e1', 'e', 0.4),
      project('e2', 'e', 0.6),
      project('e3', 'e', 3),
      project('e4', 'e', 11),
    ]);
    expect(rulePoints(rule, full, [full]).points).toBe(10);
  });

  it('points off for each missed monthly report, and a one-vote veto', () => {
    const reports: ScoringRule = {
      id: 'reports',
      label: '漏报',
      form: 'per-item',
      measure: { kind: 'missedReports' },
      points: -1,
    };
    // b2 started in June and reported nothing: June–December are seven missed reports.
    expect(points(reports, b)).toBe(-7);
    const veto: ScoringRule = {
      id: 'veto',
      label: '一票否决',
      form: 'veto',
      measure: { kind: 'duplicates' },
    };
    const d = input('d', [project('d1', 'd', 3, { duplicateOf: 'x' }), project('d2', 'd', 3)]);
    const review = scoreUnits(year, [d, c], {
      name: 'veto',
      rules: [
        reports,
        veto,
        {
          id: 'base',
          label: '基础分',
          form: 'peer-scale',
          measure: { kind: 'tripDays' },
          floor: 60,
          span: 40,
        },
      ],
    });
    expect(review.units.find((u) => u.unitId === 'd')).toMatchObject({ vetoed: true, score: 0 });
    expect(review.units.find((u) => u.unitId === 'c')).toMatchObject({ vetoed: false, score: 100, rank: 1 });
  });

  it('which rules count for which unit is data too, and equal scores share a rank', () => {
    const rule: ScoringRule = {
      id: 'signed',
      label: '签约',
      form: 'per-item',
      measure: { kind: 'metric', metric: 'signedProjects' },
      points: 1,
    };
    const other: ScoringRule = {
      id: 'x',
      label: '额外',
      form: 'per-item',
      measure: { kind: 'metric', metric: 'signedProjects' },
      points: 10,
    };
    const review = scoreUnits(year, [a, b, c], {
      name: 'subset',
      rules: [rule, other],
      rulesByUnit: { a: ['signed'] },
    });
    expect(review.units.map((u) => [u.unitId, u.score, u.rank])).toEqual([
      ['b', 22, 1],
      ['a', 3, 2],
      ['c', 0, 3],
    ]);
    const tie = scoreUnits(year, [c, input('z', [])], { name: 'tie', rules: [rule] });
    expect(tie.units.map((u) => u.rank)).toEqual([1, 1]);
  });

  it('the default policy and a region’s JSON policy decode; a bad one lists its errors', () => {
    expect(E.isRight(parseScoringPolicy(JSON.parse(JSON.stringify(defaultScoringPolicy))))).toBe(true);
    const bad = parseScoringPolicy({
      name: 'x',
      rules: [{ id: 'r', label: 'r', form: 'ratio', measure: { kind: 'metric', metric: 'nonsense' } }],
    });
    expect(E.isLeft(bad)).toBe(true);
    const repeated = parseScoringPolicy({
      name: 'x',
      rules: [defaultScoringPolicy.rules[0], defaultScoringPolicy.rules[0]],
    });
    expect(repeated).toEqual(E.left(['rule ids repeat: leads']));
  });
});

describe('review periods', () => {
  it('months, quarters and the year', () => {
    expect(periodWindow({ kind: 'month', year: 2024, index: 2 })).toEqual({
      from: '2024-02-01',
      to: '2024-02-29' as BusinessDate,
    });
    expect(periodWindow({ kind: 'quarter', year: 2024, index: 4 })).toEqual({
      from: '2024-10-01',
      to: '2024-12-31',
    });
    expect(() => periodWindow({ kind: 'quarter', year: 2024, index: 5 })).toThrow(RangeError);
  });
});
