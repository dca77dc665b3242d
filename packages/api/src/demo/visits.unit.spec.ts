import { date, isoWeekOf, officialCalendar, weekHasWorkingDay, mondayOf, addDays } from '@zhaoshang/domain';
import { DEMO_TODAY, demoRegionScript } from './seed';

/** R18 (000 §五.2 包保责任人每周不少于一次走访): the demo's responsible persons visit most weeks. */
describe('the demo region’s weekly 包保 visits (R18 · 000 §五.2)', () => {
  const script = demoRegionScript();
  const visits = script.filter((s) => s.command.type === 'RecordSiteVisit');
  const signed = script.filter((s) => s.command.type === 'SignAgreement');

  it('visits every signed project in most weeks, by its responsible person, on or before the demo’s today', () => {
    expect(visits.every((v) => String(v.command.on) <= DEMO_TODAY)).toBe(true);
    const lastMonday = addDays(mondayOf(date(DEMO_TODAY)), -7);
    let owed = 0;
    let missed: string[] = [];
    for (const s of signed) {
      const pid = s.command.projectId;
      const byPerson = new Set(
        visits
          .filter((v) => v.command.projectId === pid && String(v.command.leaderId).endsWith('-2'))
          .map((v) => isoWeekOf(date(String(v.command.on)))),
      );
      const on = date(String(s.command.on));
      const first = mondayOf(on) === on ? on : addDays(mondayOf(on), 7);
      for (let m = first; m <= lastMonday; m = addDays(m, 7)) {
        if (weekHasWorkingDay(officialCalendar, m) !== true) continue;
        owed += 1;
        if (!byPerson.has(isoWeekOf(m))) missed = [...missed, `${String(pid)} ${isoWeekOf(m)}`];
      }
    }
    // Three units × (the last week; the last two weeks; one September week).
    expect(missed.length).toBe(12);
    expect(missed.filter((w) => w.endsWith('2024-W43')).length).toBe(6);
    expect(owed - missed.length).toBeGreaterThan(0.95 * owed);
  });
});
