import { Module } from '@nestjs/common';
import { ExportRequestsHandler } from './queries/request-export';
import { requestQueryHandlers } from './queries/request-queries';
import { RequestsController } from './requests.controller';

/** Enterprise requests and complaints (企业诉求 / 投诉, R17). */
@Module({ controllers: [RequestsController], providers: [...requestQueryHandlers, ExportRequestsHandler] })
export class RequestsModule {}
