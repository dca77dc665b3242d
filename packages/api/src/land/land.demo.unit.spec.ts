import {
  aggregateOfCommand,
  aggregates,
  commandFactDates,
  type AnyCommand,
  type LandQuotaState,
  type PlotState,
} from '@zhaoshang/domain';
import * as E from 'fp-ts/Either';
import { decodeCommand } from '../command-handling/aggregates';
import type { CommandType } from '../auth/permissions';
import { DEMO_TODAY, demoRegionScript } from '../demo/seed';

/** The demo's land steps, decoded as requests are. */
const landCommands = (): ReadonlyArray<AnyCommand> =>
  demoRegionScript()
    .filter((s) => /Plot|LandQuota/.test(s.command.type))
    .map((s) => decodeCommand(s.command.type as CommandType, s.command));

describe('the demo region’s land (R19)', () => {
  it('has a dozen plots, idle and low-efficiency ones, one revitalised by 合作招商 and one taken into reserve, and the year’s quota', () => {
    const commands = landCommands();
    const count = (type: string) => commands.filter((c) => c.type === type).length;
    expect(count('RegisterPlot')).toBe(12);
    expect(
      commands
        .filter((c) => c.type === 'FlagPlot')
        .map((c) => c.type === 'FlagPlot' && c.flag)
        .sort(),
    ).toEqual(['idle', 'idle', 'idle', 'low-efficiency', 'low-efficiency', 'low-efficiency']);
    expect(commands.flatMap((c) => (c.type === 'RevitalisePlot' ? [c.route] : [])).sort()).toEqual([
      'cooperative-investment',
      'government-reserve',
    ]);
    expect(count('GrantLandQuota')).toBe(1);
    expect(count('UseLandQuota')).toBe(2);
  });

  it('is allowed by the rules, every step in order, and dated no later than the demo’s today', () => {
    const plots = new Map<string, PlotState>();
    const quotas = new Map<string, LandQuotaState>();
    const refusals: string[] = [];
    for (const command of landCommands()) {
      expect(commandFactDates(command).every((d) => d.date <= DEMO_TODAY)).toBe(true);
      const routed = aggregateOfCommand(command);
      if (routed.aggregate === 'plot') {
        const { decider } = aggregates.plot;
        const stream = aggregates.plot.streamOf(routed.command);
        const state = plots.get(stream) ?? decider.initialState;
        const out = decider.decide(routed.command, state);
        if (E.isLeft(out)) refusals.push(out.left.code);
        else plots.set(stream, out.right.reduce(decider.evolve, state));
      } else if (routed.aggregate === 'land-quota') {
        const { decider } = aggregates['land-quota'];
        const stream = aggregates['land-quota'].streamOf(routed.command);
        const state = quotas.get(stream) ?? decider.initialState;
        const out = decider.decide(routed.command, state);
        if (E.isLeft(out)) refusals.push(out.left.code);
        else quotas.set(stream, out.right.reduce(decider.evolve, state));
      }
    }
    expect(refusals).toEqual([]);
    expect([...plots.values()].map((p) => p.status).sort()).toEqual([
      'idle',
      'idle',
      'in-use',
      'in-use',
      'low-efficiency',
      'low-efficiency',
      'reserve',
      'reserve',
      'reserve',
      'reserve',
      'reserve',
      'reserve',
    ]);
  });
});
