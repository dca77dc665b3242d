/**
 * The supervision list (督办清单) resolves 三年不见效 (R8 · 001 §(四)) only when the governing
 * verdict — the latest evaluated year's (R10 · 002 §七) — is compliant.
 */
import { cny, date, type Cny, type ProjectEvent, type Year } from '@zhaoshang/domain';
import { projectFixtures as fx } from '@zhaoshang/domain/testing';
import type { Doc, DocReader } from '../read-model';
import { supervisionItems } from './supervision.document';
import { supervisionProjection } from './supervision.projection';

/** Folds project events through the projection with an in-memory reader. */
const fold = (events: ReadonlyArray<ProjectEvent>): DocReader => {
  const docs = new Map<string, Doc>();
  const reader: DocReader = {
    get: <D extends Doc>(c: { name: string }, id: string) => docs.get(`${c.name}/${id}`) as D | undefined,
  };
  events.forEach((event, i) => {
    for (const change of supervisionProjection.apply(reader, {
      category: 'project',
      event,
      position: BigInt(i + 1),
      streamName: `project-${event.data.projectId}`,
    })) {
      if (change.doc === null) docs.delete(`${change.collection}/${change.id}`);
      else docs.set(`${change.collection}/${change.id}`, change.doc);
    }
  });
  return reader;
};
const then = (history: ReadonlyArray<ProjectEvent>, ...commands: Parameters<typeof fx.runScript>[0]) => [
  ...history,
  ...fx.runScript(commands, history),
];

describe('supervision list: 三年不见效 follows the governing verdict', () => {
  // Signed 2024-05-10: three years run out on 2027-05-10. 2026 output 6亿 of 8亿 → underperforming.
  const noResultsRaised = (output2026: Cny) =>
    then(
      fx.historyUntil('completed'),
      fx.reportInvestment('2024-12', cny.yi(3.2)),
      fx.startProduction(),
      fx.reportPerformance({ output: output2026 }),
      fx.evaluateFulfilment(),
      fx.recordMissedMilestones('2027-05-11'),
    );
  const itemId = `${fx.fixtureIds.project}:exit-no-results`;

  it('R8 · 001 §(四) / R10 · 002 §七: an earlier year (2025) evaluated compliant after 2026 fell short does not resolve 三年不见效', () => {
    const history = then(
      noResultsRaised(cny.yi(6)),
      fx.evaluateFulfilment({ year: 2025 as Year, on: date('2027-05-20') }),
    );
    const item = fold(history).get(supervisionItems, itemId);
    expect(item).toMatchObject({ milestoneKind: 'exit-no-results' });
    expect(item?.resolvedOn).toBeUndefined();
  });

  it('R8 · 001 §(四) / R10 · 002 §七: the latest year (2027) evaluated compliant resolves it as met', () => {
    const history = then(
      noResultsRaised(cny.yi(6)),
      fx.reportPerformance({ year: 2027 as Year, on: date('2028-01-20') }),
      fx.evaluateFulfilment({ year: 2027 as Year, on: date('2028-02-15') }),
    );
    expect(fold(history).get(supervisionItems, itemId)).toMatchObject({
      resolvedOn: '2028-02-15',
      resolution: 'met',
    });
  });
});

describe('supervision list: items in the vocabulary’s words', () => {
  it('R8 · 001 §(四) 三年不见效: an exit-rule miss reads with the term it was raised under (the policy’s 36 months), in both languages', () => {
    const history = then(fx.historyUntil('in-production'), fx.recordMissedMilestones('2027-05-11'));
    expect(fold(history).get(supervisionItems, `${fx.fixtureIds.project}:exit-no-results`)).toMatchObject({
      kind: 'milestone',
      milestoneKind: 'exit-no-results',
      label: '三年不见效',
      labelEn: 'No results within 3 years',
    });
  });

  it('R8: the agreed start missed reads as the vocabulary’s 协议约定开工逾期', () => {
    const history = then(fx.historyUntil('signed'), fx.recordMissedMilestones('2024-08-11'));
    const reader = fold(history);
    const item = reader.get(supervisionItems, `${fx.fixtureIds.project}:agreed-start:2024-08-01`);
    expect(item).toMatchObject({ label: '协议约定开工逾期', labelEn: 'Agreed start missed' });
    expect(reader.get(supervisionItems, `${fx.fixtureIds.project}:exit-no-start`)).toMatchObject({
      label: '三个月不开工',
    });
  });
});
