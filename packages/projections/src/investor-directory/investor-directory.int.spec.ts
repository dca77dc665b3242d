/**
 * The investor directory (客商目录, 002 §一 "更新健全招商项目信息库，完善招商引资工作台账、客商目录") and
 * the advisor registry (招商顾问名册, 002 §八), built by the runner from real streams in the embedded
 * store and in MongoDB (the client double), which must hold the same documents.
 */
import {
  advisorDecider,
  advisorStream,
  enterpriseRequestDecider,
  enterpriseRequestStream,
  unsafeId,
  date,
  cny,
  type AdvisorCommand,
  type AdvisorId,
  type Decider,
  type DomainError,
  type EnterpriseRequestCommand,
} from '@zhaoshang/domain';
import { projectFixtures as fx } from '@zhaoshang/domain/testing';
import * as E from 'fp-ts/Either';
import type { MongoClient } from 'mongodb';
import {
  ProjectionRunner,
  advisorQueries,
  advisorsCollection,
  advisorsProjection,
  investorDirectoryProjection,
  investorsCollection,
} from '..';
import { MongoReadModelStore } from '../stores/mongodb/mongo-read-model-store';
import { dumpAll, projectStreamOf, toNewEvent, type ScenarioStream } from '../testing';
import { projectScenario, type ProjectedScenario } from '../../test/support/projected-scenario';
import { MongoServerDouble } from '../../test/support/mongodb-double';
import { investorDirectoryQueries } from './investor-directory.queries';
import { investorIdOfCode } from './investor-directory.projection';

const codeX = fx.creditCode('91341600MA2TXY401');
const codeY = fx.creditCode('91341600MA2TABC02');
const unitA = unsafeId.unit('qiaocheng-kaifaqu');
const unitB = unsafeId.unit('gongye-yuanqu');

const lead = (
  projectId: string,
  unitId: typeof unitA,
  investor: Parameters<typeof fx.captureLead>[0],
  on: string,
) => fx.captureLead({ projectId: unsafeId.project(projectId), unitId, capturedOn: date(on), ...investor });

/** Runs commands through a decider into one stream. */
const streamOf = <C, Ev extends { readonly type: string; readonly data: unknown }, S>(
  decider: Decider<C, Ev, S, DomainError>,
  streamName: string,
  commands: ReadonlyArray<C>,
): ScenarioStream => {
  let state = decider.initialState;
  const events: Ev[] = [];
  for (const c of commands) {
    const r = decider.decide(c, state);
    if (E.isLeft(r)) throw new Error(`refused: ${JSON.stringify(r.left)}`);
    for (const e of r.right) {
      state = decider.evolve(state, e);
      events.push(e);
    }
  }
  return { streamName, events: events.map(toNewEvent) };
};

const advisorId = 'GW-2024-01' as AdvisorId;
const advisorCommands: ReadonlyArray<AdvisorCommand> = [
  {
    type: 'AppointAdvisor',
    advisorId,
    name: unsafeId.text('李某'),
    category: 'association-figure',
    organisation: unsafeId.text('亳州市浙江商会'),
    civilServant: false,
    term: { from: date('2024-01-01'), to: date('2026-12-31') },
    appointedOn: date('2024-01-01'),
    appointedBy: unsafeId.text('区招商引资工作领导小组办公室'),
  },
  {
    type: 'CreditIntroduction',
    advisorId,
    projectId: unsafeId.project('KS-2'),
    unitId: unitB,
    introducedOn: date('2024-01-20'),
    creditedBy: unsafeId.text('招商专员'),
  },
  {
    type: 'RewardAdvisor',
    advisorId,
    projectId: unsafeId.project('KS-2'),
    agreementId: unsafeId.agreement('XY-KS-2'),
    signedOn: date('2024-05-01'),
    amount: cny.wan(3),
    policyRef: unsafeId.text('《谯城区招商引资目标管理激励办法》'),
    rewardedOn: date('2024-06-01'),
    approvedBy: unsafeId.text('区财政局'),
  },
];

const request: EnterpriseRequestCommand = {
  type: 'ReceiveRequest',
  requestId: unsafeId.request('SQ-KS-1'),
  unitId: unitA,
  kind: 'request',
  enterprise: {
    name: unsafeId.text('某某新能源科技有限公司'),
    projectId: unsafeId.project('KS-1'),
    contact: unsafeId.text('张经理 13800000000'),
  },
  channel: 'service-window',
  category: 'land',
  text: unsafeId.text('用地报批进度咨询'),
  evidence: [],
  receivedOn: date('2024-03-01'),
  receivedBy: unsafeId.text('企业服务中心窗口'),
};

const text = unsafeId.text;
/** Order matters (streams are appended round-robin): KS-1 (name only) comes before the code arrives with KS-2. */
const streams = (): ReadonlyArray<ScenarioStream> => [
  projectStreamOf([
    lead('KS-1', unitA, { investor: { name: text('某某新能源科技有限公司') } }, '2024-01-10'),
  ]),
  projectStreamOf([
    lead(
      'KS-2',
      unitB,
      { investor: { name: text('某某新能源科技 有限公司'), creditCode: codeX } },
      '2024-02-01',
    ),
  ]),
  projectStreamOf([
    lead('KS-3', unitA, { investor: { name: text('另一家实业有限公司'), creditCode: codeY } }, '2024-02-05'),
  ]),
  projectStreamOf([
    lead('KS-4', unitA, { investor: { name: text('临时登记名称') } }, '2024-02-10'),
    fx.qualifyLead({
      projectId: unsafeId.project('KS-4'),
      on: date('2024-02-20'),
      investor: { name: text('另一家实业有限公司'), creditCode: codeY },
    }),
  ]),
  streamOf(enterpriseRequestDecider, enterpriseRequestStream(request.requestId), [request]),
  streamOf(advisorDecider, advisorStream(advisorId), advisorCommands),
];

let scenario: ProjectedScenario;
beforeAll(async () => {
  scenario = await projectScenario('investor-directory', streams());
}, 60_000);
afterAll(() => scenario.close());

describe('the investor directory (客商目录, 002 §一)', () => {
  it('002 §一 客商目录: one entry per investor, matched by credit code, a name-only record joining by normalised name', async () => {
    const q = investorDirectoryQueries(scenario.store);
    const all = await q.search();
    expect(all.items.map((e) => [e.investorId, e.projects.map((p) => p.projectId).sort()])).toEqual([
      [investorIdOfCode(codeY), ['KS-3', 'KS-4']],
      [investorIdOfCode(codeX), ['KS-1', 'KS-2']],
    ]);
    const x = await q.get(investorIdOfCode(codeX));
    expect(x).toMatchObject({
      creditCode: codeX,
      unitIds: [unitB, unitA].sort(),
      firstContactOn: '2024-01-10',
      latestActivityOn: '2024-02-01',
      contacts: [
        { contact: '张经理 13800000000', on: '2024-03-01', requestId: 'SQ-KS-1', projectId: 'KS-1' },
      ],
    });
    expect(x?.projects.find((p) => p.projectId === 'KS-2')).toMatchObject({ stage: 'lead', unitId: unitB });
  });

  it('002 §一 客商目录: a lead re-identified on qualification moves to its investor; the empty entry goes', async () => {
    const y = await investorDirectoryQueries(scenario.store).get(investorIdOfCode(codeY));
    expect(y?.projects.find((p) => p.projectId === 'KS-4')).toMatchObject({ stage: 'qualified' });
    expect(y?.latestActivityOn).toBe('2024-02-20');
    expect((await investorDirectoryQueries(scenario.store).search({ name: '临时登记' })).total).toBe(0);
  });

  it('002 §一 客商目录: searched by name part, credit code, unit and stage; a unit sees only its own projects', async () => {
    const q = investorDirectoryQueries(scenario.store);
    expect((await q.search({ name: '新能源科技' })).items.map((e) => e.investorId)).toEqual([
      investorIdOfCode(codeX),
    ]);
    expect((await q.search({ creditCode: codeY })).total).toBe(1);
    const inB = await q.search({ unitId: unitB });
    expect(inB.items.map((e) => e.projects.map((p) => p.projectId))).toEqual([['KS-2']]);
    expect((await q.search({ stage: 'qualified' })).items.map((e) => e.investorId)).toEqual([
      investorIdOfCode(codeY),
    ]);
    expect(await q.get(investorIdOfCode(codeY), unitB)).toBeUndefined();
  });
});

describe('the advisor registry (招商顾问名册, 002 §八)', () => {
  it('002 §八: an advisor with the project introduced (its stage from the register) and the reward paid', async () => {
    const a = await advisorQueries(scenario.store).get(advisorId);
    expect(a).toMatchObject({
      status: 'serving',
      category: 'association-figure',
      civilServant: false,
      unitIds: [unitB],
      rewardTotal: cny.wan(3),
      introductions: [{ projectId: 'KS-2', projectName: expect.any(String), stage: 'lead', rewarded: true }],
    });
    expect((await advisorQueries(scenario.store).list({ unitId: unitA })).total).toBe(0);
  });
});

describe('on MongoDB (the client double)', () => {
  it('builds the directory and the registry exactly as the embedded store does', async () => {
    const mine = [advisorsProjection, investorDirectoryProjection];
    const server = new MongoServerDouble(true);
    const store = await MongoReadModelStore.fromClient(server.client() as unknown as MongoClient, {});
    const runner = new ProjectionRunner({ eventStore: scenario.events, store, projections: mine });
    await runner.start();
    await runner.stop();
    expect(await dumpAll(store, mine)).toEqual(await dumpAll(scenario.store, mine));
    expect((await store.findAll(investorsCollection)).length).toBe(2);
    expect((await store.findAll(advisorsCollection)).length).toBe(1);
    await store.close();
  });
});
