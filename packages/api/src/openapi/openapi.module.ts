import { Module } from '@nestjs/common';
import { OpenApiController } from './openapi.controller';

/** The OpenAPI document (from the route table and the codecs). */
@Module({ controllers: [OpenApiController] })
export class OpenApiModule {}
