/**
 * The aggregate registry (ARCHITECTURE.md "The aggregate registry"): every command is routed to
 * exactly one aggregate, every event type of every aggregate is read back through its aggregate,
 * older schema versions read as their upcaster says, and every command has its business date
 * (DOMAIN.md §5: "Business dates are Chinese dates (Asia/Shanghai)").
 */
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import { eventCatalogue } from '../catalogue';
import type { ProjectCommandOf, ProjectCommandType } from '../project/project.commands';
import { bulletinEvents } from '../bulletin/bulletin.events';
import { enterpriseRequestEvents } from '../enterprise-request/enterprise-request.events';
import { leaderActivityEvents } from '../leader-activity/leader-activity.events';
import { projectEvents } from '../project/project.events';
import { targetPlanEvents } from '../target-plan/target-plan.events';
import { workingCalendarEvents } from '../working-calendar/working-calendar.events';
import { date, type BusinessDate } from '../shared/dates';
import type { DomainEvent } from '../shared/event-codec';
import { unsafeId } from '../shared/ids';
import { count } from '../shared/money';
import type { StoredEventData, Upcaster } from '../shared/upcasting';
import { arbBulletinCommand, arbBulletinPeriod } from '../testing/bulletin.arbitraries';
import { arbEnterpriseRequestCommand, arbReceiveRequest } from '../testing/enterprise-request.arbitraries';
// Leading-group meetings (R20)
import { arbHoldMeeting, arbMeetingCommand } from '../testing/meeting.arbitraries';
import { meetingEvents, type ItemOwner } from '../meeting/meeting.events';
import type { RecordDecision, ReportItemDone } from '../meeting/meeting.commands';
import { arbLeaderActivityCommand } from '../testing/leader-activity.arbitraries';
// advisors (招商顾问, R21 · 002 §八)
import { advisorEvents } from '../advisor/advisor.events';
import { arbAdvisorCommand } from '../testing/advisor.arbitraries';
import { projectEventArbitraries } from '../testing/project.arbitraries';
import * as fx from '../testing/project.fixtures';
import { arbTargetPlanCommand } from '../testing/target-plan.arbitraries';
import { adoptFixture2027 } from '../testing/working-calendar.fixtures';
import { foldStored, type Aggregate } from './aggregate';
import {
  aggregateNames,
  aggregateOfCommand,
  aggregateOfStream,
  aggregates,
  commandBusinessDate,
  commandCodecs,
  readStreamEvent,
  withAggregateOf,
  type AnyCommand,
} from './aggregates';

/** One command of each project command type (a missing type fails to compile). */
const oneProjectCommandOfEach: { readonly [T in ProjectCommandType]: ProjectCommandOf<T> } = {
  CaptureLead: fx.captureLead(),
  PlanProject: fx.planProject(),
  QualifyLead: fx.qualifyLead(),
  DiscardLead: fx.discardLead(),
  OpenConsultation: fx.openConsultation(),
  RecordDepartmentOpinion: fx.recordOpinion('development-reform'),
  ApproveAdmission: fx.approveAdmission(),
  RejectAdmission: fx.rejectAdmission(),
  CompleteDueDiligence: fx.completeDueDiligence(),
  AssignLeader: fx.assignLeader('responsible-leader'),
  RecordSiteVisit: fx.recordSiteVisit(),
  HoldNegotiation: fx.holdNegotiation(),
  RecordLegalReview: fx.recordLegalReview(),
  SignAgreement: fx.signAgreement(),
  AmendAgreement: fx.amendAgreement(),
  RequestProcedure: fx.requestProcedure(),
  CompleteProcedure: fx.completeProcedure(),
  StartConstruction: fx.startConstruction(),
  ReportInvestmentProgress: fx.reportInvestment('2024-07', 1_000),
  EnterStatistics: fx.enterStatistics(),
  CompleteConstruction: fx.completeConstruction(),
  StartProduction: fx.startProduction(),
  ReachCapacity: fx.reachCapacity(),
  ReportPerformance: fx.reportPerformance(),
  EvaluateFulfilment: fx.evaluateFulfilment(),
  DisburseIncentive: fx.disburseIncentive(),
  StartSecondaryPromotion: fx.startSecondaryPromotion(),
  OrderRectification: fx.orderRectification(),
  CompleteRectification: fx.completeRectification(),
  ClawBackSubsidy: fx.clawBackSubsidy(),
  ReclaimLand: fx.reclaimLand(),
  TerminateProject: fx.terminateProject(),
  AbandonProject: fx.abandonProject(),
  RecordMissedMilestones: fx.recordMissedMilestones('2024-09-01'),
  LinkDuplicate: fx.linkDuplicate(),
  CorrectFact: fx.correctFact(),
  UnlinkDuplicate: fx.unlinkDuplicate(),
  RecordForeignCapitalReceipt: fx.recordForeignCapitalReceipt(),
  RecordOutOfProvinceFundsReceipt: fx.recordOutOfProvinceFundsReceipt(),
  // The project's profile (R22)
  RecordProjectProfile: fx.recordProjectProfile(),
};

/** Commands of every aggregate: one of each project command, and arbitrary ones of the others. */
const arbAnyCommand: fc.Arbitrary<AnyCommand> = fc.oneof(
  fc.constantFrom<AnyCommand>(...Object.values(oneProjectCommandOfEach)),
  arbTargetPlanCommand(),
  arbLeaderActivityCommand(),
  arbBulletinPeriod.chain(arbBulletinCommand),
  arbEnterpriseRequestCommand(),
  // Leading-group meetings (R20)
  arbMeetingCommand(),
  // advisors (招商顾问, R21 · 002 §八)
  arbAdvisorCommand(),
  fc.constantFrom<AnyCommand>(adoptFixture2027(), {
    ...adoptFixture2027(),
    type: 'CorrectHolidaySchedule',
    reason: unsafeId.text('通知更正'),
  }),
);

/** The value at a dotted path of a command ('changes.from'). */
const at = (value: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (v, key) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined),
      value,
    );

/** An event as stored: its encoded data and the version it was written with. */
const stored = <C extends { type: string }, Ev extends DomainEvent, S>(
  aggregate: Aggregate<C, Ev, S>,
  event: Ev,
): StoredEventData => ({
  type: event.type,
  version: aggregate.versionOf(event.type),
  data: JSON.parse(JSON.stringify(event.data)) as unknown,
});

describe('the aggregate registry', () => {
  it('routes every command type to exactly one aggregate, the one whose codecs decode it', () => {
    const owners = new Map<string, string[]>();
    for (const name of aggregateNames)
      for (const type of Object.keys(aggregates[name].commands))
        owners.set(type, [...(owners.get(type) ?? []), name]);
    expect([...owners.values()].filter((names) => names.length !== 1)).toEqual([]);
    expect(Object.keys(commandCodecs).sort()).toEqual([...owners.keys()].sort());
    fc.assert(
      fc.property(arbAnyCommand, (command) => {
        const { aggregate } = aggregateOfCommand(command);
        expect(owners.get(command.type)).toEqual([aggregate]);
        const codec = aggregates[aggregate].commands;
        expect(Object.keys(codec)).toContain(command.type);
      }),
    );
  });

  it('routes each project command type to the project (all 40 of them)', () => {
    const commands = Object.values(oneProjectCommandOfEach);
    expect(commands.map((c) => aggregateOfCommand(c).aggregate)).toEqual(commands.map(() => 'project'));
    expect(commands.map((c) => c.type).sort()).toEqual(Object.keys(aggregates.project.commands).sort());
  });

  it('names every stream of an aggregate with its prefix, and a stream name leads back to its aggregate', () => {
    const prefixes = aggregateNames.map((n) => aggregates[n].streamPrefix);
    for (const p of prefixes) expect(prefixes.filter((q) => q.startsWith(p))).toEqual([p]);
    fc.assert(
      fc.property(arbAnyCommand, (command) =>
        withAggregateOf(command, (aggregate, c) => {
          const stream = aggregate.streamOf(c);
          expect(stream.startsWith(aggregate.streamPrefix)).toBe(true);
          expect(aggregateOfStream(stream)).toBe(aggregate.name);
        }),
      ),
    );
    expect(aggregateOfStream('$audit-log')).toBeUndefined();
  });

  it('knows every event type of every aggregate, at the version of the catalogue', () => {
    for (const { aggregate, definition } of eventCatalogue) {
      const entry = aggregates[aggregate];
      const probe = { type: definition.type, version: definition.version, data: {} };
      const read = entry.readEvent(probe);
      // Known (the data is empty, so it is refused for its data, not for its type).
      expect(E.isLeft(read) && read.left.code).toBe('INVALID_EVENT_DATA');
      const future = entry.readEvent({ ...probe, version: definition.version + 1 });
      expect(E.isLeft(future) && future.left.code).toBe('FUTURE_VERSION');
    }
    expect(eventCatalogue.filter((e) => e.aggregate === 'project')).toHaveLength(
      Object.keys(projectEvents).length,
    );
    const versions = <C extends { type: string }, Ev extends DomainEvent, S>(
      a: Aggregate<C, Ev, S>,
      definitions: ReadonlyArray<{ readonly type: Ev['type']; readonly version: number }>,
    ) => definitions.filter((d) => a.versionOf(d.type) !== d.version);
    expect([
      ...versions(aggregates.project, Object.values(projectEvents)),
      ...versions(aggregates['target-plan'], Object.values(targetPlanEvents)),
      ...versions(aggregates['leader-activity'], Object.values(leaderActivityEvents)),
      ...versions(aggregates.bulletin, Object.values(bulletinEvents)),
      ...versions(aggregates['working-calendar'], Object.values(workingCalendarEvents)),
      ...versions(aggregates['enterprise-request'], Object.values(enterpriseRequestEvents)),
      // Leading-group meetings (R20)
      ...versions(aggregates.meeting, Object.values(meetingEvents)),
      // advisors (招商顾问, R21 · 002 §八)
      ...versions(aggregates.advisor, Object.values(advisorEvents)),
    ]).toEqual([]);
    expect(aggregates.project.versionOf('LeadCaptured')).toBe(2);
  });

  it('reads back every project event type as stored at its current version', () => {
    for (const [type, arb] of Object.entries(projectEventArbitraries)) {
      fc.assert(
        fc.property(arb, (event) => {
          const read = readStreamEvent('project-P1', stored(aggregates.project, event));
          expect(read).toEqual(E.right({ aggregate: 'project', event }));
        }),
        { numRuns: 20 },
      );
      expect(type).toBeDefined();
    }
  });

  it('reads back what the deciders of the other aggregates record', () => {
    const decided = fc.oneof(
      arbTargetPlanCommand(),
      arbLeaderActivityCommand(),
      arbBulletinPeriod.chain(arbBulletinCommand),
      fc.constant<AnyCommand>(adoptFixture2027()),
      arbEnterpriseRequestCommand(),
      // Leading-group meetings (R20)
      arbHoldMeeting(),
      // advisors (招商顾问, R21 · 002 §八)
      arbAdvisorCommand(),
    );
    const seen = new Set<string>();
    fc.assert(
      fc.property(decided, (command) =>
        withAggregateOf(command, (aggregate, c) => {
          const events = aggregate.decider.decide(c, aggregate.decider.initialState);
          for (const event of E.isRight(events) ? events.right : []) {
            seen.add(event.type);
            expect(aggregate.readEvent(stored(aggregate, event))).toEqual(E.right(event));
          }
        }),
      ),
      { numRuns: 200 },
    );
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'AnnualTargetsSet',
        'BulletinPublished',
        'HolidayScheduleAdopted',
        'OutboundTripRecorded',
        'RequestReceived',
        // Leading-group meetings (R20)
        'MeetingHeld',
      ]),
    );
  });

  it('says which stream an unreadable event came from, and skips streams of no aggregate', () => {
    expect(readStreamEvent('leader-LD-1', { type: 'Nonsense', version: 1, data: {} })).toEqual(
      E.left({ code: 'UNKNOWN_EVENT_TYPE', type: 'Nonsense', aggregate: 'leader-activity' }),
    );
    expect(readStreamEvent('$audit-log', { type: 'Nonsense', version: 1, data: {} })).toBeUndefined();
  });
});

describe('reading an older schema version (STYLE.md: a shipped event is changed by a new version + upcaster)', () => {
  /** What the upcaster makes of the data, decoded with the current codec: what readEvent must give. */
  const expected = (u: Upcaster, data: unknown) => {
    const entry = eventCatalogue.find((e) => e.definition.type === u.type);
    if (entry === undefined) throw new Error(`no definition for ${u.type}`);
    return entry.definition.codec.decode({ type: u.type, data: u.upcast(data) }) as E.Either<
      unknown,
      unknown
    >;
  };

  /** Version 1 named the exit rule's kinds with their term (exit-no-start-3-months) and had no termMonths. */
  const V1_KIND: Readonly<Record<string, string>> = {
    'exit-no-start': 'exit-no-start-3-months',
    'exit-no-production': 'exit-no-production-2-years',
    'exit-no-results': 'exit-no-results-3-years',
  };
  const milestoneV1 = ({
    termMonths: _term,
    ...rest
  }: {
    readonly kind: string;
    readonly termMonths?: number;
  }) => ({
    ...rest,
    kind: V1_KIND[rest.kind] ?? rest.kind,
  });

  /** Version 1 data of the upcast event types, as the pilot wrote them. */
  const v1Data: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
    LeadCaptured: projectEventArbitraries.LeadCaptured.map(({ data }) => {
      const { intendedInvestment, channel: _channel, ...rest } = data;
      return { ...rest, intendedInvestmentWan: intendedInvestment / 1_000_000 };
    }),
    ProcedureRequested: projectEventArbitraries.ProcedureRequested.map(({ data }) => {
      const { approval: _approval, ...rest } = data;
      return { ...rest, timeLimitDays: 10, dueOn: '2024-06-03' };
    }),
    FulfilmentEvaluated: projectEventArbitraries.FulfilmentEvaluated.map(({ data }) => {
      const { asOf: _asOf, perMu: _perMu, findings, ratios, ...rest } = data;
      const { tax: _tax, ...v1Ratios } = ratios;
      return {
        ...rest,
        ratios: v1Ratios,
        findings: findings.map(
          (f) => `${String(f.params['figure'] ?? 'output')} ${String(f.params['ratio'] ?? 0.5)}`,
        ),
      };
    }),
    MilestoneMissed: projectEventArbitraries.MilestoneMissed.map(({ data }) => milestoneV1(data)),
    MilestoneWithdrawn: projectEventArbitraries.MilestoneWithdrawn.map(({ data }) => milestoneV1(data)),
    // Weekly 包保 visits (R18): version 1 recorded no issues found or solved.
    SiteVisitRecorded: projectEventArbitraries.SiteVisitRecorded.map(({ data }) => {
      const { issuesFound: _found, issuesSolved: _solved, ...v1 } = data;
      return v1;
    }),
  };

  it('every upcast event type has version-1 data to try', () => {
    const upcast = aggregateNames.flatMap((n) => aggregates[n].upcasters.map((u) => u.type));
    expect(upcast.sort()).toEqual(Object.keys(v1Data).sort());
  });

  for (const name of aggregateNames)
    for (const u of aggregates[name].upcasters)
      it(`${name}: a stored ${u.type} v${u.fromVersion} reads as its upcaster's output`, () => {
        const data = fc.oneof(v1Data[u.type] ?? fc.constant({}), fc.object());
        fc.assert(
          fc.property(data, (d) => {
            const read = aggregates[name].readEvent({ type: u.type, version: u.fromVersion, data: d });
            const want = expected(u, d);
            if (E.isRight(want)) expect(read).toEqual(want);
            else expect(E.isLeft(read) && read.left.code).toBe('INVALID_EVENT_DATA');
          }),
          { numRuns: 100 },
        );
      });

  it('a realistic v1 lead reads as a v2 lead (in 分, channel "other")', () => {
    fc.assert(
      fc.property(v1Data['LeadCaptured'] ?? fc.constant({}), (d) => {
        const read = aggregates.project.readEvent({ type: 'LeadCaptured', version: 1, data: d });
        expect(E.isRight(read) && read.right.type === 'LeadCaptured' && read.right.data.channel).toBe(
          'other',
        );
      }),
      { numRuns: 50 },
    );
  });
});

describe('the business date of every command (DOMAIN.md §5)', () => {
  it('is the first fact date of the command, read from the field it names', () => {
    fc.assert(
      fc.property(arbAnyCommand, (command) =>
        withAggregateOf(command, (aggregate, c) => {
          const [first] = aggregate.factDatesOf(c);
          const business: BusinessDate = aggregate.businessDateOf(c);
          expect(business).toBe(first.date);
          expect(commandBusinessDate(command)).toBe(business);
          // A reporting month or year is dated by its first day; every other date is the field itself.
          const field = at(c, first.field);
          expect(typeof field === 'string' && business.startsWith(field)).toBe(true);
          expect(date(business)).toBe(business);
        }),
      ),
    );
  });

  it('dates each project command by its own fact (one of each)', () => {
    const dated = Object.values(oneProjectCommandOfEach).map((c) => [c.type, commandBusinessDate(c)]);
    expect(dated.filter(([, d]) => !/^\d{4}-\d{2}-\d{2}$/.test(d ?? ''))).toEqual([]);
    expect(commandBusinessDate(oneProjectCommandOfEach.RequestProcedure)).toBe(
      oneProjectCommandOfEach.RequestProcedure.completeOn,
    );
  });
});

describe('the unit of a command', () => {
  it('a new project belongs to the unit that captured it; an existing one to its own unit', () => {
    const lead = fx.captureLead();
    const p = aggregates.project;
    expect(p.unitOf(p.decider.initialState, lead)).toBe(lead.unitId);
    const state = fx.stateOf([fx.leadCaptured()]);
    expect(p.unitOf(state, { ...fx.qualifyLead() })).toBe(lead.unitId);
    expect(p.unitOf(p.decider.initialState, fx.qualifyLead())).toBeUndefined();
  });

  it('an enterprise request belongs to the unit that received it, whoever acts on it later (R17)', () => {
    const r = aggregates['enterprise-request'];
    const [receive] = fc.sample(arbReceiveRequest(), 1);
    if (receive === undefined) throw new Error('no sample');
    expect(r.unitOf(r.decider.initialState, receive)).toBe(receive.unitId);
    const received = r.decider.decide(receive, r.decider.initialState);
    const state = (E.isRight(received) ? received.right : []).reduce(
      r.decider.evolve,
      r.decider.initialState,
    );
    const close = {
      type: 'CloseRequest',
      requestId: receive.requestId,
      closedOn: receive.receivedOn,
      closedBy: receive.receivedBy,
    } as const;
    expect(r.unitOf(state, close)).toBe(receive.unitId);
    expect(r.unitOf(r.decider.initialState, close)).toBeUndefined();
  });

  // Leading-group meetings (R20)
  it('a meeting belongs to its leading group’s unit; an item handed to a unit is that unit’s to report (R20, 003 首问负责制)', () => {
    const m = aggregates.meeting;
    const [hold] = fc.sample(arbHoldMeeting(), 1);
    if (hold === undefined) throw new Error('no sample');
    expect(m.unitOf(m.decider.initialState, hold)).toBe(hold.unitId);
    const decision: RecordDecision = {
      type: 'RecordDecision',
      meetingId: hold.meetingId,
      decision: count(1),
      text: unsafeId.text('议定事项'),
      recordedOn: hold.heldOn,
      recordedBy: unsafeId.text('领导小组办公室'),
      items: [
        {
          itemId: unsafeId.meetingItem('A'),
          task: unsafeId.text('任务'),
          owner: { kind: 'unit', unitId: unsafeId.unit('gaoxinqu') },
          deadline: { kind: 'date', dueOn: hold.heldOn },
        },
        {
          itemId: unsafeId.meetingItem('B'),
          task: unsafeId.text('任务'),
          owner: { kind: 'department', department: 'natural-resources-planning' },
          deadline: { kind: 'date', dueOn: hold.heldOn },
        },
      ],
    };
    let state = m.decider.initialState;
    for (const c of [hold, decision]) {
      const r = m.decider.decide(c, state);
      if (E.isLeft(r)) throw new Error(`fixture refused: ${r.left.code}`);
      state = r.right.reduce(m.decider.evolve, state);
    }
    const report = (itemId: string, owner: ItemOwner): ReportItemDone => ({
      type: 'ReportItemDone',
      meetingId: hold.meetingId,
      itemId: unsafeId.meetingItem(itemId),
      owner,
      report: unsafeId.text('已办结'),
      evidence: [],
      doneOn: hold.heldOn,
      reportedBy: unsafeId.text('责任单位'),
    });
    expect(m.unitOf(state, report('A', { kind: 'unit', unitId: unsafeId.unit('gaoxinqu') }))).toBe(
      'gaoxinqu',
    );
    expect(
      m.unitOf(state, report('B', { kind: 'department', department: 'natural-resources-planning' })),
    ).toBe(hold.unitId);
    expect(m.unitOf(state, decision)).toBe(hold.unitId);
  });

  it('bulletins and the working calendar belong to no unit', () => {
    const c = adoptFixture2027();
    expect(
      aggregates['working-calendar'].unitOf(aggregates['working-calendar'].decider.initialState, c),
    ).toBe(undefined);
  });
});

describe('foldStored: the one fold of an aggregate from its stored events', () => {
  it('folds stored events of any schema version into the decider’s state', () => {
    const v1Lead = {
      type: 'LeadCaptured',
      version: 1,
      data: (({ intendedInvestment, channel: _c, ...rest }) => ({
        ...rest,
        intendedInvestmentWan: intendedInvestment / 1_000_000,
      }))(fx.leadCaptured().data),
    };
    const folded = foldStored(aggregates.project, [v1Lead]);
    expect(E.isRight(folded) && folded.right.status).toBe('open');
    expect(E.isRight(folded) && folded.right.status !== 'none' && folded.right.unitId).toBe(
      fx.fixtureIds.unit,
    );
  });

  it('names the first event it cannot read', () => {
    const good = stored(aggregates.project, fx.leadCaptured());
    expect(foldStored(aggregates.project, [good, { type: 'Nonsense', version: 1, data: {} }])).toEqual(
      E.left({ code: 'UNKNOWN_EVENT_TYPE', type: 'Nonsense', index: 1 }),
    );
  });
});
