import { randomBytes } from 'node:crypto';
import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { positionToString, type EventStore } from '@zhaoshang/eventstore';
import { Read } from '../auth/route-access';
import type { Principal } from '../auth/roles';
import { ForbiddenError, InvalidInputError, NotFound } from '../errors/api-errors';
import { decodeOrThrow } from '../http/decode';
import { NoInput } from '../http/query-inputs';
import { BodyInput, Caller, QueryInput } from '../http/request-params';
import { EVENT_STORE } from '../tokens';
import { WebhookDispatcher } from './webhook-dispatcher';
import { newWebhookSecret } from './webhook-signature';
import { WebhookStore, type WebhookFilter, type WebhookSubscription } from './webhook-store';
import {
  DeliveriesInput,
  RegisterSubscription,
  ReplaySubscription,
  SubscriptionFilter,
  WEBHOOK_ADMIN_ROLES,
} from './webhooks.routes';

const admin = (caller: Principal): void => {
  if (!(WEBHOOK_ADMIN_ROLES as ReadonlyArray<string>).includes(caller.role))
    throw new ForbiddenError('ROLE_NOT_ALLOWED', { role: caller.role, action: 'ManageWebhooks' });
};

/**
 * Webhook subscriptions (issue #17 item 3), for the administrator (`WEBHOOK_ADMIN_ROLES`): register
 * one (its secret is shown once), list them, read a subscription's delivery log, replay it (after a
 * dead letter, or from an earlier checkpoint). The routes authenticate like reads and check the
 * role here: they change no fact of the domain, only the registry (webhook-store.ts).
 */
@Controller('webhooks/subscriptions')
export class WebhooksController {
  constructor(
    @Inject(WebhookStore) private readonly store: WebhookStore,
    @Inject(WebhookDispatcher) private readonly dispatcher: WebhookDispatcher,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  /** 登记 Webhook 订阅 / register a subscription: 201 with its secret, shown this once. */
  @Post()
  @Read()
  @HttpCode(201)
  async register(@BodyInput(RegisterSubscription) input: RegisterSubscription, @Caller() caller: Principal) {
    admin(caller);
    const filter: WebhookFilter = {
      ...(input.type !== undefined ? { type: input.type } : {}),
      ...(input.category !== undefined ? { category: input.category } : {}),
      ...(input.unitId !== undefined ? { unitId: input.unitId } : {}),
    };
    decodeOrThrow(SubscriptionFilter, filter);
    if (this.dispatcher.refusesHost(input.url))
      throw new InvalidInputError([
        {
          path: 'url',
          expected: 'a public address (WEBHOOK_ALLOWED_NETWORKS allows an internal network)',
          value: input.url,
        },
      ]);
    const checkpoint = input.after ?? (input.from === 'start' ? null : await this.head());
    const subscription = {
      id: `wh-${randomBytes(16).toString('hex')}`,
      url: input.url,
      filter,
      createdBy: caller.userId,
      createdAt: new Date().toISOString(),
      checkpoint,
    };
    const secret = newWebhookSecret();
    this.store.register(subscription, secret);
    return { ...this.found(subscription.id), secret };
  }

  /** Webhook 订阅列表 / the subscriptions (without their secrets). */
  @Get()
  @Read()
  list(@QueryInput(NoInput) _none: NoInput, @Caller() caller: Principal) {
    admin(caller);
    return { data: this.store.list() };
  }

  /** 推送记录 / a subscription's delivery log, latest first. */
  @Get(':id/deliveries')
  @Read()
  deliveries(@QueryInput(DeliveriesInput) input: DeliveriesInput, @Caller() caller: Principal) {
    admin(caller);
    this.found(input.id);
    return { data: this.store.deliveries(input.id, input.limit !== undefined ? Number(input.limit) : 100) };
  }

  /** 重新推送 / replay: active again, from `after` (or the start) when given, else from where it stopped. */
  @Post(':id/replay')
  @Read()
  @HttpCode(200)
  replay(@BodyInput(ReplaySubscription) input: ReplaySubscription, @Caller() caller: Principal) {
    admin(caller);
    this.found(input.id);
    this.store.replay(input.id, input.after ?? (input.from === 'start' ? null : undefined));
    return this.found(input.id);
  }

  private found(id: string): WebhookSubscription {
    const subscription = this.store.get(id);
    if (subscription === undefined) throw new NotFound('NOT_FOUND', { what: `webhook subscription ${id}` });
    return subscription;
  }

  /** The store's last event now (null on an empty store): a subscription "from now" starts after it. */
  private async head(): Promise<string | null> {
    const [last] = await this.events.readAll({ direction: 'backwards', maxCount: 1 });
    return last === undefined ? null : positionToString(last.globalPosition);
  }
}
