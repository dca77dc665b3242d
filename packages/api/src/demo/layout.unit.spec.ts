import { createHash } from 'node:crypto';
import { addDays, addMonths, date, mondayOf } from '@zhaoshang/domain';
import { demoBulletin, demoLayout, placed } from './layout';
import { DEMO_PROJECT_UNITS, DEMO_STAGES, DEMO_TODAY, demoRegionScript, factDatesOfStep } from './seed';
import type { ScriptStep } from './project-life';

/** The anchors of issue #18 item 6: the docs' day, today's real date, a year with no adopted calendar, a leap day. */
const ANCHORS = ['2024-10-31', '2026-12-08', '2027-03-15', '2028-02-29'] as const;

const sha256 = (script: ReadonlyArray<ScriptStep>): string =>
  createHash('sha256').update(JSON.stringify(script)).digest('hex');

/** Every fact date of a script, with its command's type. */
const factDates = (script: ReadonlyArray<ScriptStep>) =>
  script.flatMap((step) => factDatesOfStep(step).map((d) => ({ type: step.command.type, date: d.date })));

describe('the demo region laid out for its anchor (issue #18 item 6; DOMAIN.md §5)', () => {
  it('on DEMO_TODAY is the reference layout itself: the script the docs and tests quote, byte for byte', () => {
    // The digest of the script before the layout existed (commit 3efc3c8): the docs' figures stand.
    // Issue #18's register (ledger) added to it what no figure counts: the people's names from the
    // leaders registry (王建国, not 包保领导（jingkaiqu）) and 57 RecordProjectProfile steps (R22).
    expect(sha256(demoRegionScript({ anchor: DEMO_TODAY }))).toBe(
      'e19d2c039eec256bdbbc9c5c82d221b0a50cd5118b77b5b61750d14b9794d75a',
    );
    expect(demoRegionScript()).toEqual(demoRegionScript({ anchor: DEMO_TODAY }));
  });

  it('moves the reference by whole calendar months to the month end nearest the anchor', () => {
    expect(demoLayout('2024-06-01')).toEqual({ today: '2024-06-01', months: 0 }); // earlier: as it stood
    expect(demoLayout(DEMO_TODAY)).toEqual({ today: DEMO_TODAY, months: 0 });
    expect(demoLayout('2024-11-14')).toEqual({ today: '2024-11-14', months: 0 }); // 14 days after October's end
    expect(demoLayout('2024-11-15')).toEqual({ today: '2024-11-15', months: 1 }); // November's end is nearer
    expect(demoLayout('2026-12-08').months).toBe(25); // ends 2026-11-30
    expect(demoLayout('2027-03-15').months).toBe(29); // ends 2027-03-31: the rest of March has not happened
    expect(demoLayout('2028-02-29').months).toBe(40);
    // The day of the month is kept, clamped to the month's length.
    expect(placed(demoLayout('2028-02-29'), '2024-10-31')).toBe('2028-02-29');
    expect(placed(demoLayout('2026-12-08'), '2024-09-09')).toBe('2026-10-09');
  });

  describe.each(ANCHORS)('anchored on %s', (anchor) => {
    const script = demoRegionScript({ anchor });
    const dates = factDates(script);

    it('is deterministic: the same anchor gives the same script, byte for byte', () => {
      expect(sha256(demoRegionScript({ anchor }))).toBe(sha256(script));
    });

    it('dates no fact after the anchor, and its latest facts lie in the days before it', () => {
      expect(dates.filter((d) => d.date > anchor)).toEqual([]);
      const recent = addDays(date(anchor), -16);
      // Facts of the office's own work (not only the weekly visits) within the last 16 days …
      expect(dates.some((d) => d.type !== 'RecordSiteVisit' && d.date >= recent)).toBe(true);
      // … and the responsible persons' visits up to the last full week before the anchor (R18).
      const lastWeek = addDays(mondayOf(date(anchor)), -7);
      expect(dates.some((d) => d.type === 'RecordSiteVisit' && d.date >= lastWeek)).toBe(true);
    });

    it('has the anchor year’s target plans (R11, R12), set by the anchor', () => {
      const plans = script.filter((s) => s.command.type === 'SetAnnualTargets');
      const year = Number(anchor.slice(0, 4));
      const thisYear = plans.filter((s) => s.command['year'] === year);
      expect(thisYear.map((s) => s.command['unitId']).sort()).toEqual(
        ['xiangshan-district', ...DEMO_PROJECT_UNITS].sort(),
      );
      expect(thisYear.every((s) => String(s.command['setOn']) <= anchor)).toBe(true);
      // Every year the history's signings lie in has its plans too (plans are per calendar year).
      const planned = new Set(plans.map((s) => Number(s.command['year'])));
      const signedYears = script
        .filter((s) => s.command.type === 'SignAgreement' && String(s.command['on']) >= `${year - 1}-01-01`)
        .map((s) => Number(String(s.command['on']).slice(0, 4)));
      for (const y of signedYears) if (y >= Math.min(...planned)) expect(planned.has(y)).toBe(true);
    });

    it('shows every stage of the life in every unit, lead to clawback (late stages by earlier captures), and 36 projects', () => {
      expect(DEMO_STAGES).toEqual(expect.arrayContaining(['lead', 'in-production', 'clawed-back']));
      const unitOf = new Map<unknown, unknown>();
      const lastStage = new Map<unknown, string>();
      for (const step of script) {
        if (step.command.type === 'CaptureLead') unitOf.set(step.command.projectId, step.command.unitId);
        if (step.stage !== undefined) lastStage.set(step.command.projectId, step.stage);
      }
      for (const unit of DEMO_PROJECT_UNITS) {
        const stages = [...lastStage].filter(([p]) => unitOf.get(p) === unit).map(([, stage]) => stage);
        expect(new Set(stages)).toEqual(new Set(DEMO_STAGES));
      }
      expect(new Set(script.map((s) => s.command.projectId).filter((p) => p !== undefined)).size).toBe(36);
    });

    it('publishes last month’s bulletin, on or before the anchor', () => {
      const bulletin = demoBulletin(demoLayout(anchor));
      const lastMonth = addDays(date(`${anchor.slice(0, 7)}-01`), -1).slice(0, 7);
      expect(bulletin.period).toBe(lastMonth);
      expect(bulletin.publishedOn <= anchor && bulletin.publishedOn > `${lastMonth}-31`).toBe(true);
    });
  });
});

// demo lights (issue #18 item 6: "a realistic share of green, yellow and red")
/**
 * The lead light of every unsigned open project on the anchor, from the script's own fact dates, by
 * the register's rule (DOMAIN.md §6: no progress for 2 months yellow, for 3 red; else blue).
 */
const leadLights = (script: ReadonlyArray<ScriptStep>, anchor: string) => {
  const last = new Map<string, string>();
  const settled = new Set<unknown>();
  for (const step of script) {
    const projectId = step.command.projectId;
    if (typeof projectId !== 'string') continue;
    if (['SignAgreement', 'DiscardLead', 'AbandonProject'].includes(step.command.type))
      settled.add(projectId);
    for (const d of factDatesOfStep(step))
      if (d.date > (last.get(projectId) ?? '')) last.set(projectId, d.date);
  }
  const today = date(anchor);
  const lights = { red: 0, yellow: 0, blue: 0 };
  for (const [projectId, on] of last) {
    if (settled.has(projectId)) continue;
    if (addMonths(date(on), 3) <= today) lights.red += 1;
    else if (addMonths(date(on), 2) <= today) lights.yellow += 1;
    else lights.blue += 1;
  }
  return lights;
};

describe('the demo region’s leads on a moved anchor are followed up as an office does (issue #18 item 6)', () => {
  it('leaves the reference’s leads as they are on DEMO_TODAY: 12 of 15 idle three months or more', () => {
    // The reference is byte for byte the docs' (the SHA-256 above); its lead lights are what it was.
    expect(leadLights(demoRegionScript({ anchor: DEMO_TODAY }), DEMO_TODAY)).toEqual({
      red: 12,
      yellow: 1,
      blue: 2,
    });
  });

  it.each(ANCHORS.filter((a) => a > DEMO_TODAY))(
    'on %s: of the 15 unsigned open projects at most 3 red, at least 5 yellow and 5 blue, by follow-ups of the last weeks',
    (anchor) => {
      const script = demoRegionScript({ anchor });
      const lights = leadLights(script, anchor);
      expect(lights.red + lights.yellow + lights.blue).toBe(15);
      expect(lights.red).toBeLessThanOrEqual(3);
      expect(lights.yellow).toBeGreaterThanOrEqual(5);
      expect(lights.blue).toBeGreaterThanOrEqual(5);
      // The follow-ups are negotiation records (洽谈记录) dated in the three months before the anchor,
      // and the most recent of them within the last three weeks.
      const followUps = factDates(script).filter(
        (d) => d.type === 'HoldNegotiation' && d.date > addMonths(date(anchor), -3),
      );
      expect(followUps.length).toBeGreaterThanOrEqual(8);
      expect(followUps.every((d) => d.date <= anchor)).toBe(true);
      expect(followUps.filter((d) => d.date >= addDays(date(anchor), -21)).length).toBeGreaterThanOrEqual(4);
    },
  );
});
