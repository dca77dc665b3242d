import { daysBetween, type BusinessDate, type MeetingKind } from '@zhaoshang/domain';
import type { Filter } from '../read-model';
import type { ReadModelReader } from '../stores/read-model-store';
import {
  meetingItemsCollection,
  meetingsCollection,
  type MeetingDoc,
  type MeetingItemDoc,
} from './meetings.document';

/** An item as a list shows it on a date: open or done then, and how many days overdue. */
export interface MeetingItemEntry extends MeetingItemDoc {
  readonly asOf: BusinessDate;
  /** Done (reported, not sent back) on or before `asOf`. */
  readonly doneByAsOf: boolean;
  readonly overdue: boolean;
  /** Calendar days from the day after the deadline to `asOf` (as the supervision list counts them). */
  readonly daysOverdue: number;
}

/** One month of the year: whether the monthly 例会 was held (000 §五.1 每月定期召开), and meetings by kind. */
export interface MeetingMonth {
  readonly month: string;
  readonly monthlyHeld: boolean;
  readonly meetings: { readonly [K in MeetingKind]: number };
}

/** A meeting as the register lists it, with its items' counts as of the date asked. */
export interface MeetingRow extends MeetingDoc {
  readonly items: number;
  readonly itemsDone: number;
  readonly itemsOverdue: number;
}

/** The meetings register of a year, as of a date. */
export interface MeetingsRegister {
  readonly year: number;
  readonly asOf: BusinessDate;
  readonly months: ReadonlyArray<MeetingMonth>;
  /** The months up to `asOf` without a monthly 例会: a visible fact, not a silence. */
  readonly monthsWithoutMonthlyMeeting: ReadonlyArray<string>;
  readonly meetings: ReadonlyArray<MeetingRow>;
}

/** A unit's 交办 figures for a review period (the performance review's block). */
export interface MeetingItemFigures {
  /** Items handed to the unit and due in the period. */
  readonly due: number;
  /** Of those, reported done on or before their deadline (and not sent back). */
  readonly doneOnTime: number;
  /** Of those, not done by their deadline. */
  readonly overdue: number;
}

export const noMeetingItems: MeetingItemFigures = { due: 0, doneOnTime: 0, overdue: 0 };

/** Whether an item is done, open or overdue on a date (none before its meeting). */
export const meetingItemEntry = (item: MeetingItemDoc, asOf: BusinessDate): MeetingItemEntry | undefined => {
  if (item.heldOn > asOf) return undefined;
  const doneByAsOf = item.doneOn !== undefined && item.doneOn <= asOf;
  const overdue = !doneByAsOf && item.dueOn !== undefined && asOf > item.dueOn;
  return {
    ...item,
    asOf,
    doneByAsOf,
    overdue,
    daysOverdue: overdue && item.dueOn !== undefined ? daysBetween(item.dueOn, asOf) : 0,
  };
};

/** The period's figures of one unit's items (due in the window, done on time, overdue). */
export const meetingItemFigures = (
  items: ReadonlyArray<MeetingItemDoc>,
  window: { readonly from: BusinessDate; readonly to: BusinessDate },
): MeetingItemFigures => {
  const due = items.filter((i) => i.dueOn !== undefined && i.dueOn >= window.from && i.dueOn <= window.to);
  const doneOnTime = due.filter(
    (i) => i.doneOn !== undefined && i.dueOn !== undefined && i.doneOn <= i.dueOn,
  );
  return { due: due.length, doneOnTime: doneOnTime.length, overdue: due.length - doneOnTime.length };
};

const noKinds = (): { [K in MeetingKind]: number } => ({ monthly: 0, special: 0, joint: 0, dispatch: 0 });

const byDueThenId = (a: MeetingItemDoc, b: MeetingItemDoc): number =>
  (a.dueOn ?? '9999') < (b.dueOn ?? '9999')
    ? -1
    : (a.dueOn ?? '9999') > (b.dueOn ?? '9999')
      ? 1
      : a.id < b.id
        ? -1
        : 1;

/** Queries of the meetings register (会议交办事项台账). */
export const meetingsQueries = (store: ReadModelReader) => ({
  /** The year's meetings by month and kind, up to `asOf`; a month with no monthly 例会 is listed as such. */
  register: async (q: { readonly year: number; readonly asOf: BusinessDate }): Promise<MeetingsRegister> => {
    const meetings = (
      await store.findAll(meetingsCollection, {
        filter: { year: q.year, heldOn: { $lte: q.asOf } },
        sort: [{ field: 'heldOn', direction: 'asc' }],
      })
    ).filter((m) => m.heldOn <= q.asOf);
    const items = await store.findAll(meetingItemsCollection, {
      filter: { meetingId: { $in: meetings.map((m) => m.meetingId) } },
    });
    const lastMonth =
      q.asOf.slice(0, 4) === String(q.year) ? Number(q.asOf.slice(5, 7)) : q.asOf < `${q.year}` ? 0 : 12;
    const months: MeetingMonth[] = [];
    for (let m = 1; m <= lastMonth; m += 1) {
      const month = `${q.year}-${String(m).padStart(2, '0')}`;
      const counts = noKinds();
      for (const meeting of meetings) if (meeting.month === month) counts[meeting.kind] += 1;
      months.push({ month, monthlyHeld: counts.monthly > 0, meetings: counts });
    }
    const rows = meetings.map((m): MeetingRow => {
      const own = items
        .filter((i) => i.meetingId === m.meetingId)
        .map((i) => meetingItemEntry(i, q.asOf))
        .filter((e): e is MeetingItemEntry => e !== undefined);
      return {
        ...m,
        items: own.length,
        itemsDone: own.filter((e) => e.doneByAsOf).length,
        itemsOverdue: own.filter((e) => e.overdue).length,
      };
    });
    return {
      year: q.year,
      asOf: q.asOf,
      months,
      monthsWithoutMonthlyMeeting: months.filter((m) => !m.monthlyHeld).map((m) => m.month),
      meetings: rows,
    };
  },

  /** One meeting with its decisions and items as of a date (undefined when no such meeting was held). */
  meeting: async (
    meetingId: string,
    asOf: BusinessDate,
  ): Promise<
    { readonly meeting: MeetingDoc; readonly items: ReadonlyArray<MeetingItemEntry> } | undefined
  > => {
    const meeting = await store.get(meetingsCollection, meetingId);
    if (meeting === undefined) return undefined;
    const items = await store.findAll(meetingItemsCollection, { filter: { meetingId } });
    return {
      meeting,
      items: [...items]
        .sort((a, b) => a.decision - b.decision || (a.itemId < b.itemId ? -1 : 1))
        .map((i) => meetingItemEntry(i, asOf))
        .filter((e): e is MeetingItemEntry => e !== undefined),
    };
  },

  /** Items handed out up to `asOf`, by owner (a unit, a department), meeting's unit or status; soonest due first. */
  items: async (q: {
    readonly asOf: BusinessDate;
    readonly ownerUnitId?: string;
    readonly ownerDepartment?: string;
    readonly unitIds?: ReadonlyArray<string>;
    readonly open?: boolean;
  }): Promise<ReadonlyArray<MeetingItemEntry>> => {
    const filter: Filter = {
      heldOn: { $lte: q.asOf },
      ...(q.ownerUnitId !== undefined ? { ownerUnitId: q.ownerUnitId } : {}),
      ...(q.ownerDepartment !== undefined ? { ownerDepartment: q.ownerDepartment } : {}),
    };
    const items = await store.findAll(meetingItemsCollection, { filter });
    return [...items]
      .filter((i) => q.unitIds === undefined || q.unitIds.includes(i.ownerUnitId ?? i.unitId))
      .sort(byDueThenId)
      .map((i) => meetingItemEntry(i, q.asOf))
      .filter((e): e is MeetingItemEntry => e !== undefined && (q.open !== true || !e.doneByAsOf));
  },

  /** Each unit's 交办 figures for a period (items handed to a department count against no unit). */
  figuresByUnit: async (
    unitIds: ReadonlyArray<string>,
    window: { readonly from: BusinessDate; readonly to: BusinessDate },
  ): Promise<ReadonlyMap<string, MeetingItemFigures>> => {
    const items = await store.findAll(meetingItemsCollection, {
      filter: { ownerUnitId: { $in: [...unitIds] }, dueOn: { $gte: window.from, $lte: window.to } },
    });
    return new Map(
      unitIds.map((u) => [
        u,
        meetingItemFigures(
          items.filter((i) => i.ownerUnitId === u),
          window,
        ),
      ]),
    );
  },
});
export type MeetingsQueries = ReturnType<typeof meetingsQueries>;
