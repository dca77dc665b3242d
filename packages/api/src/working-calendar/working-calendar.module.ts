import { Module } from '@nestjs/common';
import { workingCalendarQueryHandlers } from './queries/working-calendar-queries';
import { WorkingCalendarController } from './working-calendar.controller';

/** The working-day calendar: adopted holiday schedules (the CalendarHolder is the core module's). */
@Module({ controllers: [WorkingCalendarController], providers: [...workingCalendarQueryHandlers] })
export class WorkingCalendarModule {}
