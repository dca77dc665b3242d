import * as http from 'node:http';
import * as https from 'node:https';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { parsePosition, positionToString } from '@zhaoshang/eventstore';
import type { CloudEvent } from 'cloudevents';
import type { Principal } from '../auth/roles';
import type { ApiConfig } from '../config';
import { FeedService } from '../feed/feed.service';
import { decodeOrThrow } from '../http/decode';
import { API_CONFIG } from '../tokens';
import { OutboundGuard } from './outbound-guard';
import { backoffAfter } from './webhook-config';
import { signWebhook } from './webhook-signature';
import { WebhookStore, type DeliveryRecord, type WebhookSubscription } from './webhook-store';
import { SubscriptionFilter } from './webhooks.routes';

/** Events read for a subscription at a time. */
const BATCH = 50;
/** Bytes of a receiver's answer that are read (and ignored) at most. */
const ANSWER_BYTES = 64 * 1024;

/** What one try of one delivery gave. */
interface Attempt {
  readonly status: number | null;
  readonly error: string | null;
  readonly durationMs: number;
}

/**
 * Delivers the feed to the webhook subscriptions (issue #17 item 3): for each active subscription
 * whose next try is due, the events after its checkpoint (the feed's order, filters and scope),
 * one at a time, each POSTed as a CloudEvent signed as Standard Webhooks specify, the next only
 * after a 2xx: in order per subscription, at least once (an answer lost after the receiver took
 * the event means it comes again, with the same `webhook-id`). The checkpoint moves in the same
 * transaction as the log line, so it survives a restart. A failed try waits `backoffAfter`
 * (exponential, capped); after `maxAttempts` tries of one event the subscription is dead-lettered
 * until an administrator replays it. Outbound connections go through the SSRF guard.
 */
@Injectable()
export class WebhookDispatcher
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('Webhooks');
  private readonly guard: OutboundGuard;
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;
  private stopped = false;
  /** Aborts the requests in flight at shutdown. */
  private readonly stopping = new AbortController();

  constructor(
    @Inject(WebhookStore) private readonly store: WebhookStore,
    @Inject(FeedService) private readonly feed: FeedService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    this.guard = new OutboundGuard(config.webhooks.allowedNetworks);
  }

  /** Whether a URL's host is an address the guard refuses (a name is checked when connecting). */
  refusesHost(url: string): boolean {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    if (host === 'localhost') return !this.guard.mayConnect('127.0.0.1');
    return /^[\d.]+$|:/.test(host) && !this.guard.mayConnect(host);
  }

  onApplicationBootstrap(): void {
    if (this.config.webhooks.pollMs > 0) this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.stopping.abort();
    await this.pass;
  }

  onApplicationShutdown(): void {
    this.store.close();
  }

  /** One pass over the due subscriptions (the timer runs it; tests may too). */
  async deliverDue(): Promise<void> {
    for (const subscription of this.store.due(Date.now())) {
      if (this.stopped) return;
      try {
        await this.deliver(subscription);
      } catch (error) {
        this.logger.error({
          msg: 'webhook pass failed',
          subscription: subscription.id,
          error: String(error),
        });
      }
    }
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.pass = this.deliverDue().finally(() => {
        this.pass = undefined;
        if (!this.stopped) this.schedule();
      });
    }, this.config.webhooks.pollMs);
  }

  private async deliver(subscription: WebhookSubscription): Promise<void> {
    const filters = decodeOrThrow(SubscriptionFilter, subscription.filter);
    const caller: Principal = {
      userId: `webhook:${subscription.id}`,
      role: 'system',
      unitId: 'region',
      via: 'api-key',
    };
    const after = subscription.checkpoint === null ? undefined : parsePosition(subscription.checkpoint);
    const page = await this.feed.page(caller, filters, after, BATCH);
    let failures = subscription.failures;
    for (const event of page.events) {
      if (this.stopped) return;
      const attempt = await this.post(subscription, event);
      const record: DeliveryRecord = {
        subscriptionId: subscription.id,
        eventId: event.id,
        position: String(event.position),
        attempt: failures + 1,
        at: new Date().toISOString(),
        outcome: 'delivered',
        ...attempt,
      };
      if (attempt.error === null) {
        this.store.delivered(record);
        failures = 0;
        continue;
      }
      const dead = failures + 1 >= this.config.webhooks.maxAttempts;
      this.store.failed(
        { ...record, outcome: dead ? 'dead-letter' : 'failed' },
        Date.now() + backoffAfter(this.config.webhooks, failures + 1),
      );
      return;
    }
    // Every event read was delivered; those the filters left out are passed over for good.
    if (page.checkpoint !== undefined) this.store.passed(subscription.id, positionToString(page.checkpoint));
  }

  /** POSTs one event; an answer other than 2xx, a timeout or a refused address is a failure. */
  private post(subscription: WebhookSubscription, event: CloudEvent<unknown>): Promise<Attempt> {
    const started = Date.now();
    const secret = this.store.secretOf(subscription.id) ?? '';
    const body = JSON.stringify(event);
    const headers = signWebhook(secret, event.id, started / 1000, body);
    const url = new URL(subscription.url);
    const client = url.protocol === 'https:' ? https : http;
    const { timeoutMs } = this.config.webhooks;
    return new Promise<Attempt>((resolve) => {
      const done = (status: number | null, error: string | null): void =>
        resolve({ status, error, durationMs: Date.now() - started });
      const req = client.request(
        url,
        {
          method: 'POST',
          headers: {
            ...headers,
            'content-type': 'application/cloudevents+json; charset=utf-8',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'zhaoshang-webhooks/1',
          },
          lookup: this.guard.lookup,
          timeout: timeoutMs,
          signal: this.stopping.signal,
        },
        (res) => {
          const status = res.statusCode ?? 0;
          let read = 0;
          res.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > ANSWER_BYTES) res.destroy();
          });
          res.on('close', () => done(status, status >= 200 && status < 300 ? null : `HTTP ${status}`));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', (error) => done(null, error.message));
      req.end(body);
    });
  }
}
