export {
  ScheduleSource,
  HolidayScheduleAdopted,
  HolidayScheduleCorrected,
  workingCalendarEvents,
  WorkingCalendarEventCodec,
} from './working-calendar.events';
export type { WorkingCalendarEvent, WorkingCalendarEventType } from './working-calendar.events';
export {
  AdoptHolidaySchedule,
  CorrectHolidaySchedule,
  WorkingCalendarCommand,
  workingCalendarCommands,
  workingCalendarCommandDates,
} from './working-calendar.commands';
export { initialWorkingCalendarState } from './working-calendar.state';
export type { AdoptedSchedule, WorkingCalendarState } from './working-calendar.state';
export { evolveWorkingCalendar } from './working-calendar.evolve';
export {
  decideWorkingCalendar,
  workingCalendarDecider,
  workingDayCalendarOf,
  requireValidSchedule,
} from './working-calendar.decide';
export { workingCalendarErrors } from './working-calendar.errors';
export type { WorkingCalendarErrorCode } from './working-calendar.errors';
