import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CalendarHolder, type CoveredYear } from '../calendar-holder';

/** The years the working-day calendar covers (R7). */
export class GetWorkingCalendar extends Query<WorkingCalendarCoverage> {}

/** What the calendar covers: deadlines counted into a later year wait for its schedule. */
export interface WorkingCalendarCoverage {
  readonly coveredYears: ReadonlyArray<CoveredYear>;
  /** The last covered year: a deadline counted past it is pending until the next year is adopted. */
  readonly lastCoveredYear: number | null;
}

@QueryHandler(GetWorkingCalendar)
export class GetWorkingCalendarHandler implements IQueryHandler<GetWorkingCalendar, WorkingCalendarCoverage> {
  constructor(@Inject(CalendarHolder) private readonly calendar: CalendarHolder) {}
  async execute(): Promise<WorkingCalendarCoverage> {
    // Strongly consistent: read the calendar stream itself, as the next command will be decided on it.
    await this.calendar.refresh();
    const coveredYears = this.calendar.coveredYears();
    return { coveredYears, lastCoveredYear: coveredYears.at(-1)?.year ?? null };
  }
}

export const workingCalendarQueryHandlers = [GetWorkingCalendarHandler];
