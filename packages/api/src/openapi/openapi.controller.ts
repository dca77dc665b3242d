import { Controller, Get } from '@nestjs/common';
import { openApiDocument } from './openapi-document';

const document = openApiDocument();

/** The OpenAPI 3 document (Swagger UI at /docs shows the same one). */
@Controller()
export class OpenApiController {
  @Get('openapi.json')
  openapi() {
    return document;
  }
}
