import fc from 'fast-check';
import { targetPlanStream } from '../registry/streams';
import * as E from 'fp-ts/Either';
import { fold } from '../shared/decider';
import type { BusinessDate, Year } from '../shared/dates';
import { unsafeId } from '../shared/ids';
import { cny, count } from '../shared/money';
import { spec } from '../testing/decider-spec';
import { arbTargetPlanCommand } from '../testing/target-plan.arbitraries';
import {
  AnnualTargetsSet,
  defaultTargetsR11,
  districtTargets2024R12,
  metricCatalogue,
  metricKinds,
  MetricKey,
  ReviseAnnualTargets,
  zoneTargets003,
  SetAnnualTargets,
  TargetPlanEventCodec,
  targetPlanDecider,
  targetPlanErrors,
  type TargetPlanCommand,
  type TargetPlanEvent,
  type Targets,
} from './index';

const unitId = unsafeId.unit('kaifaqu');
const district = unsafeId.unit('xiangshan');
const year = 2024 as Year;
const text = unsafeId.text;
const on = (d: string) => d as BusinessDate;

const setTargets = (
  targets: Targets = defaultTargetsR11,
  extra: Partial<SetAnnualTargets> = {},
): SetAnnualTargets => ({
  type: 'SetAnnualTargets',
  unitId,
  year,
  scope: 'unit',
  targets,
  setOn: on('2024-02-20'),
  setBy: text('区投资促进局'),
  ...extra,
});
const targetsSet = (targets: Targets = defaultTargetsR11): TargetPlanEvent => ({
  type: 'AnnualTargetsSet',
  data: { unitId, year, scope: 'unit', targets, setOn: on('2024-02-20'), setBy: text('区投资促进局') },
});
const revised: Targets = defaultTargetsR11.map((e) =>
  e.metric === 'capturedLeads' ? { ...e, target: { kind: 'count', value: count(60) } } : e,
);
const revise = (targets: Targets = revised): ReviseAnnualTargets => ({
  type: 'ReviseAnnualTargets',
  unitId,
  year,
  targets,
  revisedOn: on('2024-07-01'),
  revisedBy: text('区招商引资工作领导小组'),
  reason: text('年中调整：线索目标提高到 60 条'),
});
const targetsRevised = (targets: Targets = revised): TargetPlanEvent => ({
  type: 'AnnualTargetsRevised',
  data: {
    unitId,
    year,
    targets,
    revisedOn: on('2024-07-01'),
    revisedBy: text('区招商引资工作领导小组'),
    reason: text('年中调整：线索目标提高到 60 条'),
  },
});

const plan = spec(targetPlanDecider);

describe('annual target plan', () => {
  describe('setting targets (R11)', () => {
    it('a unit receives its annual targets (R11)', () => {
      plan.given([]).when(setTargets()).then([targetsSet()]);
    });

    it('a region-wide plan is set under the region’s unit id (R12)', () => {
      const command = setTargets(districtTargets2024R12, {
        unitId: district,
        scope: 'region',
        basis: text('相山区投资促进局 2024-02-20'),
      });
      plan
        .given([])
        .when(command)
        .then([
          {
            type: 'AnnualTargetsSet',
            data: {
              unitId: district,
              year,
              scope: 'region',
              targets: districtTargets2024R12,
              setOn: on('2024-02-20'),
              setBy: text('区投资促进局'),
              basis: text('相山区投资促进局 2024-02-20'),
            },
          },
        ]);
    });

    it('targets for a unit-year are set once: the same plan again changes nothing (R11)', () => {
      plan.given([targetsSet()]).when(setTargets()).thenNothingHappens();
    });

    it('the same plan listed in another order is the same plan (R11)', () => {
      plan
        .given([targetsSet()])
        .when(setTargets([...defaultTargetsR11].reverse()))
        .thenNothingHappens();
    });

    it('a late repeat of the original plan after a revision changes nothing (R11)', () => {
      plan.given([targetsSet(), targetsRevised()]).when(setTargets()).thenNothingHappens();
    });

    it('targets for a unit-year are set once: a different plan is refused (R11)', () => {
      plan
        .given([targetsSet()])
        .when(setTargets(revised))
        .thenFails('TARGETS_ALREADY_SET', { unitId: 'kaifaqu', year: 2024 });
    });

    it('setting the same plan under another scope is refused (R11)', () => {
      plan
        .given([targetsSet()])
        .when(setTargets(defaultTargetsR11, { scope: 'region' }))
        .thenFails('TARGETS_ALREADY_SET');
    });

    it('a plan without any metric is refused (R11)', () => {
      plan.given([]).when(setTargets([])).thenFails('NO_TARGETS');
    });

    it('a metric listed twice with the same threshold is refused (R11)', () => {
      const signed = defaultTargetsR11.find((e) => e.metric === 'signedProjects')!;
      plan
        .given([])
        .when(setTargets([...defaultTargetsR11, { ...signed, target: { kind: 'count', value: count(8) } }]))
        .thenFails('DUPLICATE_METRIC', { metric: 'signedProjects', minInvestment: cny.yi(1) });
    });

    it('a metric may appear under different thresholds, as size bands (R11)', () => {
      const bands: Targets = [
        { metric: 'signedProjects', target: { kind: 'count', value: count(6) }, minInvestment: cny.yi(1) },
        { metric: 'signedProjects', target: { kind: 'count', value: count(1) }, minInvestment: cny.yi(50) },
      ];
      plan
        .given([])
        .when(setTargets(bands))
        .then([targetsSet(bands)]);
    });

    it('a money metric given as a count is refused (R11)', () => {
      plan
        .given([])
        .when(setTargets([{ metric: 'fixedAssetInvestment', target: { kind: 'count', value: count(12) } }]))
        .thenFails('METRIC_UNIT_MISMATCH', {
          metric: 'fixedAssetInvestment',
          expected: 'cny',
          actual: 'count',
        });
    });

    it('foreign capital is in USD, not CNY (R11)', () => {
      plan
        .given([])
        .when(setTargets([{ metric: 'foreignCapital', target: { kind: 'cny', value: cny.wan(9000) } }]))
        .thenFails('METRIC_UNIT_MISMATCH', { expected: 'usd', actual: 'cny' });
    });

    it('a rate is in basis points, not a count (R12)', () => {
      plan
        .given([])
        .when(setTargets([{ metric: 'signedToStartedRate', target: { kind: 'count', value: count(75) } }]))
        .thenFails('METRIC_UNIT_MISMATCH', { expected: 'rate' });
    });
  });

  describe('revising targets (R11)', () => {
    it('targets in force are revised with a reason (R11)', () => {
      plan.given([targetsSet()]).when(revise()).then([targetsRevised()]);
    });

    it('the revision replaces the targets in force and keeps the original (R11)', () => {
      const state = plan.given([targetsSet()]).when(revise()).thenState();
      expect(state).toMatchObject({
        status: 'set',
        targets: revised,
        originalTargets: defaultTargetsR11,
        revisions: 1,
      });
    });

    it('targets that were never set cannot be revised (R11)', () => {
      plan.given([]).when(revise()).thenFails('TARGETS_NOT_SET', { unitId: 'kaifaqu', year: 2024 });
    });

    it('a revision that changes nothing emits nothing (R11)', () => {
      plan.given([targetsSet()]).when(revise(defaultTargetsR11)).thenNothingHappens();
    });

    it('repeating a revision emits nothing (R11)', () => {
      plan.given([targetsSet(), targetsRevised()]).when(revise()).thenNothingHappens();
    });

    it('a revision follows the same plan rules: no duplicate metric (R11)', () => {
      plan
        .given([targetsSet()])
        .when(revise([...revised, revised[0]!]))
        .thenFails('DUPLICATE_METRIC');
    });

    it('a revision without a reason does not decode (R11)', () => {
      const { reason: _reason, ...withoutReason } = revise();
      expect(E.isLeft(ReviseAnnualTargets.decode({ ...withoutReason, reason: '  ' }))).toBe(true);
      expect(E.isLeft(ReviseAnnualTargets.decode(withoutReason))).toBe(true);
      expect(E.isRight(ReviseAnnualTargets.decode(revise()))).toBe(true);
    });
  });

  describe('the seed figures', () => {
    it('the zone targets of seed 000 §二 are a valid plan (R11)', () => {
      expect(defaultTargetsR11).toHaveLength(8);
      expect(defaultTargetsR11).toContainEqual({
        metric: 'signedAgreementFunds',
        target: { kind: 'cny', value: cny.yi(50) },
        minInvestment: cny.yi(1),
      });
      expect(defaultTargetsR11).toContainEqual({
        metric: 'startedProjects',
        target: { kind: 'count', value: 10 },
        minInvestment: cny.wan(5000),
      });
      expect(defaultTargetsR11).toContainEqual({
        metric: 'foreignCapital',
        target: { kind: 'usd', value: 9_000_000_000 },
      });
      expect(E.isRight(SetAnnualTargets.decode(setTargets()))).toBe(true);
    });

    it('the district targets of seed 004 are a valid region-wide plan (R12)', () => {
      expect(districtTargets2024R12).toEqual([
        { metric: 'signedProjects', target: { kind: 'count', value: 117 }, minInvestment: cny.yi(1) },
        { metric: 'startedProjects', target: { kind: 'count', value: 79 }, minInvestment: cny.yi(1) },
        { metric: 'signedToStartedRate', target: { kind: 'rate', basisPoints: 7500 } },
        { metric: 'startedToStatisticsRate', target: { kind: 'rate', basisPoints: 8000 } },
      ]);
    });

    it('R11 · 000 §二 / 004 §(十六): 搜集招商信息 (every lead captured) and 有效项目信息 (qualified leads) are two metrics, each saying what it counts', () => {
      expect(metricCatalogue.capturedLeads).toMatchObject({ zh: '搜集招商信息', kind: 'count' });
      expect(metricCatalogue.capturedLeads.countsZh).toContain('无论其后是否研判为有效');
      expect(metricCatalogue.leads).toMatchObject({ zh: '有效线索', kind: 'count' });
      expect(metricCatalogue.leads.countsZh).toContain('有效项目信息');
      expect(metricCatalogue.leads.countsEn).toContain('qualified');
      // seed 000's plan names the captured leads; a region that counts qualified leads lists `leads`
      expect(defaultTargetsR11[0]).toEqual({ metric: 'capturedLeads', target: { kind: 'count', value: 50 } });
      expect(
        E.isRight(
          SetAnnualTargets.decode(
            setTargets([{ metric: 'leads', target: { kind: 'count', value: count(30) } }]),
          ),
        ),
      ).toBe(true);
    });

    it('R11 · 000 §二 / 003 / 004 §(十六): every metric key has a definition (zh/en) of what it counts, in the unit of its kind', () => {
      for (const key of Object.keys(MetricKey.keys) as MetricKey[]) {
        const m = metricCatalogue[key];
        expect(m.kind).toBe(metricKinds[key]);
        expect(m.countsZh.length).toBeGreaterThan(0);
        expect(m.countsEn.length).toBeGreaterThan(0);
        expect(m.seeds.length).toBeGreaterThan(0);
      }
    });

    it('R11 · 003「竣工投產工業項目38個，利用省外資金110億元」: the zone plan of seed 003 is a valid plan with 利用省外资金 in CNY', () => {
      const outcome = targetPlanDecider.decide(setTargets(zoneTargets003), targetPlanDecider.initialState);
      expect(E.isRight(outcome) && outcome.right.map((e) => e.type)).toEqual(['AnnualTargetsSet']);
      expect(zoneTargets003).toContainEqual({
        metric: 'outOfProvinceFunds',
        target: { kind: 'cny', value: cny.yi(110) },
      });
      expect(zoneTargets003).toContainEqual({
        metric: 'projectsInProduction',
        target: { kind: 'count', value: 38 },
      });
    });

    it('R11 · 004 §(十六)「新竣工投产项目」: completions are a plan metric of their own', () => {
      expect(
        E.isRight(
          SetAnnualTargets.decode(
            setTargets([{ metric: 'completedProjects', target: { kind: 'count', value: count(12) } }]),
          ),
        ),
      ).toBe(true);
    });

    it('a rate above 100 % does not decode (R12)', () => {
      const bad = setTargets([
        { metric: 'signedToStartedRate', target: { kind: 'rate', basisPoints: 10_001 as never } },
      ]);
      expect(E.isLeft(SetAnnualTargets.decode(bad))).toBe(true);
    });
  });

  it('names the stream by unit and year', () => {
    expect(targetPlanStream(unitId, year)).toBe('target-plan-kaifaqu-2024');
  });

  it('events round-trip through the catalogue codec', () => {
    for (const event of [targetsSet(), targetsRevised()]) {
      expect(
        TargetPlanEventCodec.decode(JSON.parse(JSON.stringify(TargetPlanEventCodec.encode(event)))),
      ).toEqual(E.right(event));
    }
    expect(AnnualTargetsSet.type).toBe('AnnualTargetsSet');
  });

  it('every error code has a message in both languages and names its rule', () => {
    for (const message of Object.values(targetPlanErrors)) {
      expect(message.rule).toMatch(/^R1[12]$/);
      expect(message.zh.length).toBeGreaterThan(0);
      expect(message.en.length).toBeGreaterThan(0);
    }
  });

  describe('properties', () => {
    /** Runs commands in turn, keeping what each accepted one emitted. */
    const run = (commands: ReadonlyArray<TargetPlanCommand>) => {
      let state = targetPlanDecider.initialState;
      const events: TargetPlanEvent[] = [];
      for (const command of commands) {
        const outcome = targetPlanDecider.decide(command, state);
        if (E.isRight(outcome)) {
          for (const event of outcome.right) state = targetPlanDecider.evolve(state, event);
          events.push(...outcome.right);
          // A repeated command emits nothing.
          expect(targetPlanDecider.decide(command, state)).toEqual(E.right([]));
        }
      }
      return { state, events };
    };

    it('replaying the same history gives the same state, and a repeated command emits nothing', () => {
      fc.assert(
        fc.property(fc.array(arbTargetPlanCommand(unitId, year), { maxLength: 12 }), (commands) => {
          const { state, events } = run(commands);
          expect(fold(targetPlanDecider, events)).toEqual(state);
          expect(fold(targetPlanDecider, events)).toEqual(fold(targetPlanDecider, events));
          for (const event of events) expect(TargetPlanEventCodec.is(event)).toBe(true);
        }),
      );
    });
  });
});
