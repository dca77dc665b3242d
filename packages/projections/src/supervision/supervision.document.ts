import type { BusinessDate, MilestoneKind, SupervisionItemKind, WithdrawalReason } from '@zhaoshang/domain';
import { collection } from '../read-model';

export interface Owner {
  readonly leaderId: string;
  readonly name: string;
}

/**
 * One item of the 督办清单: a missed milestone, a procedure past its time limit, an ordered
 * rectification — and the items of the other mechanisms (issue #16: enterprise requests, missed
 * visit weeks, meetings' 交办 items), which may concern no project.
 */
export interface SupervisionItem {
  readonly itemId: string;
  /** The project the item concerns; absent for an item of no project (a request of an existing enterprise, a meeting's item). */
  readonly projectId?: string;
  readonly unitId: string;
  /** What the list prints as the item's subject: the project's name, or the enterprise's / meeting's. */
  readonly projectName: string;
  /** The department an item was handed to (交办), when it is a department rather than a project's owners. */
  readonly departmentId?: string;
  readonly kind: SupervisionItemKind;
  readonly milestoneKind?: MilestoneKind;
  /** The item in words (the vocabulary's; a procedure's own title when it has one). */
  readonly label: string;
  /** A missed milestone's words in English (an exit-rule miss with the term it was raised under). */
  readonly labelEn?: string;
  /** When the item enters the list's horizon: the application, the order, or the watcher's detection. */
  readonly openedOn: BusinessDate;
  /** Absent only for a procedure whose R7 deadline waits for a year's official holiday schedule. */
  readonly dueOn?: BusinessDate;
  /**
   * Procedures: 'pending-calendar' while the deadline waits for the official holiday schedule of
   * `pendingCalendarYear` (never overdue, no guessed date); 'due' once it is known.
   */
  readonly deadlineStatus?: 'due' | 'pending-calendar';
  readonly pendingCalendarYear?: number;
  /** When the deadline watcher raised it (MilestoneMissed). */
  readonly raisedOn?: BusinessDate;
  readonly resolvedOn?: BusinessDate;
  /**
   * How the item left the list: met, the project closed, a duplicate, or `withdrawn` — the miss
   * was withdrawn because the fact met the deadline (late entry or correction): it drops off the
   * list for every date, as it was never overdue (DOMAIN.md §5).
   */
  readonly resolution?:
    | 'met'
    | 'closed'
    | 'duplicate'
    | 'withdrawn'
    // Weekly 包保 visits (R18): a missed week is answered by the responsible person's next visit.
    | 'visited';
  readonly withdrawnReason?: WithdrawalReason;
  /** 包保领导 and 包保责任人 at the time of the last change. */
  readonly owner?: Owner;
  readonly responsiblePerson?: Owner;
  readonly ownerId?: string;
}

/** What the supervision projection remembers of a project. */
export interface SupervisionProject {
  readonly projectId: string;
  readonly unitId: string;
  readonly name: string;
  readonly owner?: Owner;
  readonly responsiblePerson?: Owner;
  readonly itemIds: ReadonlyArray<string>;
  readonly rectifications: number;
  /** The latest year evaluated: its verdict governs (R10), so only its compliance shows results (见效). */
  readonly governingYear?: number;
  // Weekly 包保 visits (R18)
  /** The latest visit of the responsible person of the day (it answers the weeks missed before it). */
  readonly lastResponsibleVisitOn?: BusinessDate;
}

export const supervisionItems = collection<SupervisionItem>('supervision_items', [
  { name: 'unit_opened', fields: ['unitId', 'openedOn'] },
  { name: 'owner', fields: ['ownerId'] },
  { name: 'due', fields: ['dueOn'] },
]);
export const supervisionProjects = collection<SupervisionProject>('supervision_projects');

/** An item as the list shows it on a date. */
export interface SupervisionEntry extends SupervisionItem {
  readonly asOf: BusinessDate;
  readonly daysOverdue: number;
  readonly overdue: boolean;
}
