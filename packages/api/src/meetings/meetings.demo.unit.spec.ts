import { fold, makeMeetingDecider, itemDueOn, type MeetingEvent, type MeetingState } from '@zhaoshang/domain';
import * as E from 'fp-ts/Either';
import { decodeCommand } from '../command-handling/aggregates';
import { DEMO_TODAY, demoLayout, demoRegionScript } from '../demo/seed';
import { demoMeetingSteps } from './meetings.demo';

describe('the demo region’s leading-group meetings (R20, 000 §五.1 例会 and 专题会)', () => {
  const steps = demoMeetingSteps(demoLayout(DEMO_TODAY));
  const decider = makeMeetingDecider();
  /** Each meeting's state after its steps, every command decoded as a request's would be. */
  const meetings = new Map<string, MeetingState>();
  const events = new Map<string, MeetingEvent[]>();
  for (const step of steps) {
    const type = step.command.type;
    if (
      type !== 'HoldMeeting' &&
      type !== 'RecordDecision' &&
      type !== 'ReportItemDone' &&
      type !== 'ExtendItem' &&
      type !== 'VerifyItem'
    )
      throw new Error(`not a meeting command: ${type}`);
    const command = decodeCommand(type, step.command);
    const id = command.meetingId;
    const before = events.get(id) ?? [];
    const decided = decider.decide(command, fold(decider, before));
    if (E.isLeft(decided)) throw new Error(`${type} refused: ${decided.left.code}`);
    events.set(id, [...before, ...decided.right]);
    meetings.set(id, fold(decider, events.get(id)!));
  }

  it('holds a monthly 例会 and a 专题会, every fact on or before the demo’s today, in the demo script', () => {
    const held = [...meetings.values()].flatMap((s) => (s.status === 'held' ? [s] : []));
    expect(held.map((m) => m.kind).sort()).toEqual(['monthly', 'special']);
    for (const m of held) expect(m.heldOn <= DEMO_TODAY).toBe(true);
    const script = demoRegionScript();
    for (const step of steps) expect(script).toContainEqual(step);
  });

  it('has items done on time and exactly one overdue and open on the demo’s today (R20, 003 限时办结制)', () => {
    const items = [...meetings.values()].flatMap((s) => (s.status === 'held' ? s.items : []));
    const onTime = items.filter((i) => i.done !== undefined && i.done.on <= (itemDueOn(i) ?? ''));
    const overdue = items.filter((i) => i.status === 'handed-out' && (itemDueOn(i) ?? '9999') < DEMO_TODAY);
    expect(onTime.length).toBeGreaterThanOrEqual(3);
    expect(overdue.map((i) => [i.itemId, i.owner])).toEqual([
      ['JB-3', { kind: 'unit', unitId: 'fenghuang-town' }],
    ]);
  });
});
