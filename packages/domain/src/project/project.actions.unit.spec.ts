import * as E from 'fp-ts/Either';
import { projectFixtures as fx } from '../testing';
import { projectActions, projectActionsAt, projectCommandStages } from './project.actions';
import type { ProjectCommand } from './project.commands';
import { projectDecider } from './project.decide';
import { STAGES } from './project.vocabulary';

const refusal = (history: ReturnType<typeof fx.historyUntil>, c: ProjectCommand): string | undefined => {
  const r = projectDecider.decide(c, fx.stateOf(history));
  return E.isLeft(r) ? r.left.code : undefined;
};

describe('the actions a project stage allows (issue #18 item 1: the project page offers them)', () => {
  it('before the first event only the creation commands; the watcher’s command is nobody’s action', () => {
    expect(projectActions({ status: 'none' })).toEqual(['CaptureLead', 'PlanProject']);
    for (const stage of STAGES) expect(projectActionsAt(stage)).not.toContain('RecordMissedMilestones');
  });

  it('lists every stage it names among the project stages', () => {
    for (const stages of Object.values(projectCommandStages))
      for (const s of stages) expect(STAGES).toContain(s);
  });

  it('offers the fixture project’s next step at each point of its life (the decider accepts it there)', () => {
    const script = fx.fixtureScript();
    for (let i = 1; i < script.length; i++) {
      const history = fx.historyUntil(script[i - 1]![0]);
      const state = fx.stateOf(history);
      for (const c of script[i]![1]) {
        expect([script[i - 1]![0], c.type, projectActions(state).includes(c.type)]).toEqual([
          script[i - 1]![0],
          c.type,
          true,
        ]);
      }
    }
  });

  it('does not offer what the decider refuses for the stage (WRONG_STAGE, AGREEMENT_NOT_SIGNED, PROJECT_CLOSED)', () => {
    const lead = fx.historyUntil('lead');
    const signed = fx.historyUntil('signed');
    const cases: ReadonlyArray<readonly [ReturnType<typeof fx.historyUntil>, ProjectCommand, string]> = [
      [lead, fx.startConstruction(), 'AGREEMENT_NOT_SIGNED'],
      [fx.historyUntil('qualified'), fx.requestProcedure(), 'AGREEMENT_NOT_SIGNED'],
      [signed, fx.holdNegotiation(), 'WRONG_STAGE'],
      [signed, fx.qualifyLead(), 'WRONG_STAGE'],
      [signed, fx.abandonProject(), 'WRONG_STAGE'],
      [fx.andThen(lead, fx.discardLead()), fx.qualifyLead(), 'PROJECT_CLOSED'],
    ];
    for (const [history, command, code] of cases) {
      const stage = fx.projectOf(history).stage;
      expect([stage, command.type, projectActionsAt(stage).includes(command.type)]).toEqual([
        stage,
        command.type,
        false,
      ]);
      expect(refusal(history, command)).toBe(code);
    }
  });

  it('a closed project offers only what a closed project still answers (decideClosed)', () => {
    expect(projectActionsAt('discarded')).toEqual(['LinkDuplicate', 'UnlinkDuplicate']);
    expect([...projectActionsAt('terminated')].sort()).toEqual(
      ['ClawBackSubsidy', 'CorrectFact', 'LinkDuplicate', 'ReclaimLand', 'UnlinkDuplicate'].sort(),
    );
  });
});
