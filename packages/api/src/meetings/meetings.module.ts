import { Module } from '@nestjs/common';
import { MeetingsController } from './meetings.controller';
import { meetingQueryHandlers } from './queries/meeting-queries';

/** Leading-group meetings and their 交办 items (R20). */
@Module({ controllers: [MeetingsController], providers: [...meetingQueryHandlers] })
export class MeetingsModule {}
