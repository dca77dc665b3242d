import { vocabulary, type BusinessDate, type ProjectEventOf } from '@zhaoshang/domain';
import type { SupervisionItem } from './supervision.document';

/**
 * A week raised without the responsible person's visit (R18, 000 §五.2 「包保责任人每周不少于一次对包保
 * 单位进行走访调研」) as an item of the supervision list: owned by that person, due on the week's
 * last day, listed from the day the clock raised it.
 *
 * A missed week cannot be made good; what the office follows up is that visits resume. So the item
 * stays on the list (overdue from the week's end) until the responsible person's next visit dated
 * after the week, which answers it (`visited`); it leaves with the 包保 period too (capacity or
 * termination: `closed`). A visit recorded before the clock raised the week answers it at once: it
 * is kept, and still counted by the performance review, but is not listed.
 */
export const visitWeekItem = (
  e: ProjectEventOf<'VisitWeekMissed'>['data'],
  lastResponsibleVisitOn: BusinessDate | undefined,
): {
  readonly key: string;
  readonly item: Omit<SupervisionItem, 'itemId' | 'projectId' | 'unitId' | 'projectName'>;
} => {
  const kind = vocabulary.supervisionItemKinds['visit-week'];
  const who = { leaderId: e.responsiblePerson.leaderId, name: e.responsiblePerson.name };
  return {
    key: `visit-week:${e.week}`,
    item: {
      kind: 'visit-week',
      label: `${kind.zh}（${e.week}：${e.weekStart}至${e.weekEnd}）`,
      labelEn: `${kind.en} (${e.week}: ${e.weekStart} to ${e.weekEnd})`,
      openedOn: e.detectedOn,
      dueOn: e.weekEnd,
      raisedOn: e.detectedOn,
      owner: who,
      ownerId: who.leaderId,
      responsiblePerson: who,
      ...(lastResponsibleVisitOn !== undefined && lastResponsibleVisitOn > e.weekEnd
        ? { resolvedOn: lastResponsibleVisitOn, resolution: 'visited' as const }
        : {}),
    },
  };
};
