import type { BusinessDate, ProjectEventOf } from '@zhaoshang/domain';
import { collection, put, type DocChange, type DocReader } from '../read-model';
import type { ReadModelReader } from '../stores/read-model-store';
import { reviewFacts } from './performance-review.document';

/**
 * Weekly 包保 visits (R18, 000 §五.2 「包保责任人每周不少于一次对包保单位进行走访调研」): each week the
 * clock raised without the responsible person's visit, with the unit of its project. The review
 * counts a unit's weeks that ended in the period (缺访周数): the week is when the visit was owed.
 */
export interface MissedVisitWeekDoc {
  /** `<projectId>:<week>`: a week is raised once per project. */
  readonly id: string;
  readonly projectId: string;
  readonly unitId: string;
  readonly week: string;
  readonly weekEnd: BusinessDate;
}

export const reviewMissedVisitWeeks = collection<MissedVisitWeekDoc>('review_missed_visit_weeks', [
  { name: 'unit_week_end', fields: ['unitId', 'weekEnd'] },
]);

/** The review's record of a week raised without a visit (the project's unit from its counting facts). */
export const missedVisitWeekChanges = (
  docs: DocReader,
  e: ProjectEventOf<'VisitWeekMissed'>['data'],
): ReadonlyArray<DocChange> => {
  const unitId = docs.get(reviewFacts, e.projectId)?.unitId;
  if (unitId === undefined) return [];
  const id = `${e.projectId}:${e.week}`;
  return [
    put(reviewMissedVisitWeeks, id, { id, projectId: e.projectId, unitId, week: e.week, weekEnd: e.weekEnd }),
  ];
};

/** Missed visit weeks per unit whose week ended between `from` and `to` (both inside). */
export const missedVisitWeeksByUnit = async (
  store: ReadModelReader,
  unitIds: ReadonlyArray<string>,
  window: { readonly from: BusinessDate; readonly to: BusinessDate },
): Promise<ReadonlyMap<string, number>> => {
  const weeks = await store.findAll(reviewMissedVisitWeeks, {
    filter: { unitId: { $in: unitIds }, weekEnd: { $gte: window.from, $lte: window.to } },
  });
  const byUnit = new Map<string, number>();
  for (const w of weeks) byUnit.set(w.unitId, (byUnit.get(w.unitId) ?? 0) + 1);
  return byUnit;
};
