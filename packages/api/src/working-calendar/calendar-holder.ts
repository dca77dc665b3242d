import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  aggregates,
  initialWorkingCalendarState,
  packagedSchedules,
  WORKING_CALENDAR_STREAM,
  workingDayCalendarOf,
  type BusinessDate,
  type WorkingCalendarState,
  type WorkingDayCalendar,
} from '@zhaoshang/domain';
import { readStreamOrEmpty, type EventStore } from '@zhaoshang/eventstore';
import { foldEvents } from '../read-models/stream-state';
import { EVENT_STORE } from '../tokens';

/** Where the schedule of a covered year comes from. */
export type CoveredYear =
  | { readonly year: number; readonly origin: 'packaged' }
  | {
      readonly year: number;
      readonly origin: 'adopted';
      readonly source: WorkingCalendarState['adopted'][number]['source'];
      readonly adoptedOn: BusinessDate;
      readonly corrections: number;
    };

/**
 * The working-day calendar the API decides project commands on (R7, DOMAIN.md §3 "Working-day
 * calendar"): the packaged official schedules plus those adopted in the `working-calendar`
 * stream. Loaded at start, refreshed after an adoption through this instance and before every
 * pass of the deadline watcher; an instance that has not seen an adoption yet records a deadline
 * as pending (never guessed), and the watcher's next pass computes it.
 */
@Injectable()
export class CalendarHolder implements OnModuleInit {
  private state: WorkingCalendarState = initialWorkingCalendarState;
  private calendar: WorkingDayCalendar = workingDayCalendarOf(initialWorkingCalendarState);
  private lastRevision: number | undefined;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
  }

  /** Re-reads the calendar stream (a handful of events: one per adopted year or correction). */
  async refresh(): Promise<void> {
    const stored = await readStreamOrEmpty(this.store, WORKING_CALENDAR_STREAM);
    this.state = foldEvents(aggregates['working-calendar'], stored);
    this.calendar = workingDayCalendarOf(this.state);
    this.lastRevision = stored.at(-1)?.revision;
  }

  private readonly current = (): WorkingDayCalendar => this.calendar;

  /** A calendar that always answers with the latest schedules this instance has read. */
  readonly live: WorkingDayCalendar = liveCalendar(this.current);

  /**
   * Names the calendar's content for command ids: '' before any adoption, then one token per
   * revision of the calendar stream, so that a watcher pass after an adoption is a new command.
   */
  get version(): string {
    return this.lastRevision === undefined ? '' : `cal${this.lastRevision}`;
  }

  /** Every covered year with the origin of its schedule, ascending. */
  coveredYears(): ReadonlyArray<CoveredYear> {
    const years = new Map<number, CoveredYear>(
      packagedSchedules.map((s) => [s.year, { year: s.year, origin: 'packaged' }]),
    );
    for (const a of Object.values(this.state.adopted)) {
      years.set(a.year, {
        year: a.year,
        origin: 'adopted',
        source: a.source,
        adoptedOn: a.adoptedOn,
        corrections: a.corrections,
      });
    }
    return [...years.values()].sort((a, b) => a.year - b.year);
  }
}

/** A calendar whose every answer comes from the calendar `current` returns at that moment. */
const liveCalendar = (current: () => WorkingDayCalendar): WorkingDayCalendar => ({
  get coveredYears() {
    return current().coveredYears;
  },
  covers: (d) => current().covers(d),
  isWorkday: (d) => current().isWorkday(d),
});
