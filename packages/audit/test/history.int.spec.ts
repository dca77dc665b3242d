import { projectFixtures } from '@zhaoshang/domain/testing';
import { temporarySqliteStore } from '@zhaoshang/eventstore/testing';
import { diffStates, projectHistory, stateAsOf, UndecodableEventError } from '../src';
import { appendFixtureProject, positionAt, projectId } from './audit-fixture';

describe('project history (审计: 项目历史)', () => {
  it('lists every event in revision order with its business time, actor and decoded data', async () => {
    const t = await temporarySqliteStore();
    try {
      const count = await appendFixtureProject(t.store);
      const history = await projectHistory(t.store, projectId);
      expect(history.map((h) => h.revision)).toEqual([...Array(count).keys()]);
      expect(history[0]?.type).toBe('LeadCaptured');
      expect(history[0]?.position).toBe(String(await positionAt(t.store, 0)));
      expect(history[0]?.actor.userId).toBe('u-wang');
      expect(history[1]?.businessTime).toBe('2024-03-02T02:00:00.000Z');
      // The reason column: data.reason, correction.reason, else the event's summary.
      const opinion = history.find((h) => h.type === 'DepartmentOpinionRecorded');
      expect(opinion?.reason).toBe((opinion?.data as { summary?: string } | undefined)?.summary);
      expect(opinion?.reason).toEqual(expect.any(String));
      expect(history[0]?.reason).toBeUndefined();
    } finally {
      await t.dispose();
    }
  });

  it('the state as of the last date equals the fold of the whole history', async () => {
    const t = await temporarySqliteStore();
    try {
      const count = await appendFixtureProject(t.store);
      const whole = projectFixtures.stateOf(projectFixtures.historyUntil('signed'));
      expect(await stateAsOf(t.store, projectId, { date: '2099-01-01' })).toEqual(whole);
      expect(await stateAsOf(t.store, projectId, { position: await positionAt(t.store, count - 1) })).toEqual(
        whole,
      );
    } finally {
      await t.dispose();
    }
  });

  it('a date and the matching position give the same earlier state', async () => {
    const t = await temporarySqliteStore();
    try {
      await appendFixtureProject(t.store);
      // Events 0..2 are on 2024-03-01..03 (Shanghai); the third is the last of the state as of either.
      const byDate = await stateAsOf(t.store, projectId, { date: '2024-03-03' });
      const byPosition = await stateAsOf(t.store, projectId, { position: await positionAt(t.store, 2) });
      expect(byDate).toEqual(byPosition);
      expect(byDate).toEqual(projectFixtures.stateOf(projectFixtures.historyUntil('signed').slice(0, 3)));
      const before = await stateAsOf(t.store, projectId, { date: '2024-02-28' });
      expect(diffStates(before, byDate).length).toBeGreaterThan(0);
    } finally {
      await t.dispose();
    }
  });
  it('decodes only the events up to the point: a bad later event fails the history, not an earlier state', async () => {
    const t = await temporarySqliteStore();
    try {
      const count = await appendFixtureProject(t.store);
      await t.store.append(
        `project-${projectId}`,
        [{ type: 'SiteVisitRecorded', data: { on: 'yesterday' } }],
        {
          expectedRevision: count - 1,
          context: {
            commandId: 'cmd-bad',
            actor: { userId: 'u-wang', role: 'project-manager', unitId: 'jingkaiqu-touzicujinju' },
            businessTime: '2024-04-01T02:00:00.000Z',
          },
        },
      );
      await expect(projectHistory(t.store, projectId)).rejects.toBeInstanceOf(UndecodableEventError);
      await expect(stateAsOf(t.store, projectId, { date: '2024-04-01' })).rejects.toMatchObject({
        revision: count,
        code: 'INVALID_EVENT_DATA',
      });
      const whole = projectFixtures.stateOf(projectFixtures.historyUntil('signed'));
      expect(await stateAsOf(t.store, projectId, { date: '2024-03-31' })).toEqual(whole);
      expect(await stateAsOf(t.store, projectId, { position: await positionAt(t.store, count - 1) })).toEqual(
        whole,
      );
    } finally {
      await t.dispose();
    }
  });
});

describe('diffStates', () => {
  it('lists changes deterministically by sorted path', () => {
    expect(
      diffStates({ b: 1, a: { x: [1, 2] }, c: 'same' }, { a: { x: [1, 3, 4] }, b: 2, c: 'same' }),
    ).toEqual([
      { path: 'a.x[1]', before: 2, after: 3 },
      { path: 'a.x[2]', before: undefined, after: 4 },
      { path: 'b', before: 1, after: 2 },
    ]);
  });
  it('finds nothing between equal states', () => {
    expect(diffStates({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
  });
});
