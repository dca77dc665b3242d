import type { WorkingCalendarEvent } from './working-calendar.events';
import type { WorkingCalendarState } from './working-calendar.state';

/** Records what happened; never validates (the decider already did). */
export const evolveWorkingCalendar = (
  state: WorkingCalendarState,
  event: WorkingCalendarEvent,
): WorkingCalendarState => {
  const d = event.data;
  const previous = state.adopted[d.year];
  const schedule = {
    year: d.year,
    holidays: d.holidays,
    adjustedWorkdays: d.adjustedWorkdays,
    source: d.source,
  };
  switch (event.type) {
    case 'HolidayScheduleAdopted':
      return { adopted: { ...state.adopted, [d.year]: { ...schedule, adoptedOn: d.on, corrections: 0 } } };
    case 'HolidayScheduleCorrected':
      return {
        adopted: {
          ...state.adopted,
          [d.year]: {
            ...schedule,
            adoptedOn: previous?.adoptedOn ?? d.on,
            corrections: (previous?.corrections ?? 0) + 1,
            lastCorrectedOn: d.on,
          },
        },
      };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
};
