import * as path from 'node:path';
import { Module } from '@nestjs/common';
import type { ApiConfig } from '../config';
import { FeedModule } from '../feed/feed.module';
import { API_CONFIG } from '../tokens';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookStore } from './webhook-store';
import { WebhooksController } from './webhooks.controller';

/** Webhooks (issue #17 item 3): the subscription registry, the delivery log and the dispatcher. */
@Module({
  imports: [FeedModule],
  controllers: [WebhooksController],
  providers: [
    {
      provide: WebhookStore,
      inject: [API_CONFIG],
      useFactory: (config: ApiConfig) => new WebhookStore(path.join(config.dataDir, 'webhooks.sqlite')),
    },
    WebhookDispatcher,
  ],
})
export class WebhooksModule {}
