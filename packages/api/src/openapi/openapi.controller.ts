import { Controller, Get } from '@nestjs/common';
import { openApiDocument } from './openapi-document';
// The AsyncAPI document of the event feed (issue #17), served beside the OpenAPI one.
import { asyncApiDocument } from './asyncapi-document';

const document = openApiDocument();
const asyncDocument = asyncApiDocument();

/** The OpenAPI 3 document (Swagger UI at /docs shows the same one). */
@Controller()
export class OpenApiController {
  @Get('openapi.json')
  openapi() {
    return document;
  }

  /** The AsyncAPI 3.0 document of the event feed, its live stream and the webhooks (issue #17). */
  @Get('asyncapi.json')
  asyncapi() {
    return asyncDocument;
  }
}
