/**
 * Fulfilment monitoring (履约监管, DOMAIN.md §4.4) shows what the evaluations found (R9/R10):
 * per-mu figures in 万元/亩, ratios that are not applicable as null (never 100 %), each year's
 * evaluation, and the verdict of the latest evaluated year, which governs (002 §七).
 */
import { cny, date, mu, type ProjectEvent, type Year } from '@zhaoshang/domain';
import { projectFixtures as fx } from '@zhaoshang/domain/testing';
import type { Doc, DocReader } from '../read-model';
import { fulfilmentCollection, type FulfilmentDoc } from './fulfilment.document';
import { fulfilmentProjection } from './fulfilment.projection';
import { fulfilmentEntry } from './fulfilment.queries';

/** Folds project events through the projection with an in-memory reader; returns the project's document. */
const project = (events: ReadonlyArray<ProjectEvent>): FulfilmentDoc => {
  const docs = new Map<string, Doc>();
  const reader: DocReader = {
    get: <D extends Doc>(c: { name: string }, id: string) => docs.get(`${c.name}/${id}`) as D | undefined,
  };
  events.forEach((event, i) => {
    for (const change of fulfilmentProjection.apply(reader, {
      category: 'project',
      event,
      position: BigInt(i + 1),
      streamName: `project-${event.data.projectId}`,
    })) {
      if (change.doc === null) docs.delete(`${change.collection}/${change.id}`);
      else docs.set(`${change.collection}/${change.id}`, change.doc);
    }
  });
  const doc = reader.get(fulfilmentCollection, fx.fixtureIds.project);
  if (doc === undefined) throw new Error('no fulfilment document');
  return doc;
};
const then = (history: ReadonlyArray<ProjectEvent>, ...commands: Parameters<typeof fx.runScript>[0]) => [
  ...history,
  ...fx.runScript(commands, history),
];

describe('fulfilment monitoring (履约监管): per-mu figures, n/a ratios, per-year evaluations, the governing verdict', () => {
  it('R9 · 000 §三.4: the latest reported year shows ratios and per-mu figures in 万元/亩, committed and actual', () => {
    // 3.3亿 invested, 8.5亿 output, 2600万 tax on 120 亩, against 3.2亿, 8亿, 2400万.
    const doc = project(fx.historyUntil('performance-reported'));
    expect(doc.latest).toEqual({
      year: 2026,
      fixedAssetInvestment: 1.0313,
      investmentPerMu: 1.0313,
      output: 1.0625,
      outputPerMu: 1.0625,
      tax: 1.0833,
      taxPerMu: 1.0833,
      jobs: 1.0857, // 380 / 350
      perMu: {
        investment: { committed: 266.67, actual: 275 },
        tax: { committed: 20, actual: 21.67 },
        output: { committed: 666.67, actual: 708.33 },
      },
    });
  });

  it('R5 · 000 §三.4: without land the per-mu figures are not applicable (null), never 100 %', () => {
    const terms = fx.signedAgreementTerms({ landSupply: 'no-land', landArea: mu(0) });
    const doc = project(fx.historyUntil('evaluated', { terms }));
    expect(doc.latest).toMatchObject({
      investmentPerMu: null,
      taxPerMu: null,
      outputPerMu: null,
      perMu: { tax: { committed: null, actual: null } },
    });
    expect(doc.evaluation?.findings).toEqual([
      {
        code: 'NO_LAND',
        params: {},
        zh: '协议不涉及用地：亩均指标不适用',
        en: 'The agreement involves no land: per-mu figures are not applicable',
      },
    ]);
  });

  it('R10 · 002 §七: an earlier year evaluated later is listed, but the latest year keeps governing the verdict and the light', () => {
    // 2026 short (6亿 of 8亿 output: underperforming), 2027 as agreed, evaluated first; 2026 evaluated afterwards.
    const history = then(
      fx.historyUntil('performance-reported', { performance: { output: cny.yi(6) } }),
      fx.reportPerformance({ year: 2027 as Year, on: date('2028-01-20') }),
      fx.evaluateFulfilment({ year: 2027 as Year, on: date('2028-02-15') }),
      fx.evaluateFulfilment({ year: 2026 as Year, on: date('2028-03-01') }),
    );
    const doc = project(history);
    expect(doc.evaluations.map((e) => [e.year, e.verdict])).toEqual([
      [2027, 'compliant'],
      [2026, 'underperforming'],
    ]);
    expect(doc.verdict).toBe('compliant');
    expect(doc.evaluation).toMatchObject({ year: 2027, verdict: 'compliant' });
    expect(doc.evaluations[1]?.findings[0]).toEqual({
      code: 'SHORTFALL',
      params: { figure: 'output', ratio: 0.75 },
      zh: '年产值完成协议约定的 75%（未达约定，002 §七：二次招商、限期整改）',
      en: 'annual output at 75% of the agreement (short of it; 002 §七: secondary promotion, rectification)',
    });
    const entry = fulfilmentEntry(doc, date('2028-03-31'));
    expect(entry).toMatchObject({ light: 'green', governing: { year: 2027, verdict: 'compliant' } });
    expect(Object.keys(entry.byYear)).toEqual(['2026', '2027']);
    // Before the 2027 evaluation was recorded, nothing governed yet.
    expect(fulfilmentEntry(doc, date('2028-02-14'))).toMatchObject({ light: 'blue', byYear: {} });
  });

  it('R9 · 000 §三.4: a project not yet producing shows output, tax and jobs as not applicable', () => {
    const history = then(
      fx.historyUntil('completed'),
      fx.reportInvestment('2024-12', cny.yi(3.2)),
      fx.evaluateFulfilment({ on: date('2026-02-15'), year: 2026 as Year }),
    );
    const doc = project(history);
    expect(doc.evaluation).toMatchObject({
      verdict: 'compliant',
      asOf: '2026-02-15',
      ratios: { output: null, tax: null, jobs: null, fixedAssetInvestment: 1 },
      perMu: { output: { committed: 666.67, actual: null } },
    });
    expect(doc.evaluation?.findings.map((f) => f.code)).toEqual(['NOT_YET_PRODUCING']);
  });
});
