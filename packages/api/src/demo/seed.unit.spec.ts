import { DEMO_TODAY, demoBulletin, demoLayout, demoRegionScript, factDatesOfStep } from './seed';

describe('the demo region (DOMAIN.md §5: no fact is dated after the day it is recorded)', () => {
  const script = demoRegionScript();

  it('dates every fact of every demo command on or before the demo’s today', () => {
    const late = script.flatMap((step) =>
      factDatesOfStep(step)
        .filter((d) => d.date > DEMO_TODAY)
        .map((d) => `${step.command.type} ${String(step.command.projectId ?? '')} ${d.field}=${d.date}`),
    );
    expect(late).toEqual([]);
    expect(demoBulletin(demoLayout(DEMO_TODAY))).toEqual({ period: '2024-09', publishedOn: '2024-10-08' });
  });

  it('counts 36 projects: 10 per unit and a discarded lead and an abandoned negotiation in each', () => {
    expect(new Set(script.map((s) => s.command.projectId).filter((p) => p !== undefined)).size).toBe(36);
  });

  it('stands at the server’s today when that is earlier, dropping what had not happened yet', () => {
    expect(demoLayout('2024-06-01')).toEqual({ today: '2024-06-01', months: 0 });
    expect(demoBulletin(demoLayout('2024-06-01')).publishedOn > '2024-06-01').toBe(true);
    const early = demoRegionScript({ anchor: '2024-06-01' });
    expect(early.flatMap((s) => factDatesOfStep(s)).filter((d) => d.date > '2024-06-01')).toEqual([]);
    expect(new Set(early.map((s) => s.command.projectId).filter((p) => p !== undefined)).size).toBe(36);
  });
});
