import * as t from 'io-ts';
import { FeedStreamInput } from '../feed/feed.routes';
import { IdText, NoInput, PositionText, textPattern } from '../http/query-inputs';
import type { ExchangeRoute } from '../http/routes';

/** Who manages webhooks: the office that runs the system (as it adopts the working calendar). */
export const WEBHOOK_ADMIN_ROLES = ['leading-group-office'] as const;

/** A receiver's URL: http or https, no credentials in it, at most 2000 characters. */
export const WebhookUrl = t.refinement(
  t.string,
  (s) => {
    if (s.length > 2000) return false;
    try {
      const url = new URL(s);
      return (
        (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === ''
      );
    } catch {
      return false;
    }
  },
  'an http(s) URL without credentials',
);

/** `POST /webhooks/subscriptions`: the URL, the feed's filters (comma lists), where to start. */
export const RegisterSubscription = t.exact(
  t.intersection([
    t.type({ url: WebhookUrl }),
    t.partial({
      type: t.string,
      category: t.string,
      unitId: IdText,
      /** A checkpoint to deliver the events after; absent: `from`. */
      after: PositionText,
      /** `now` (default): the events appended from now on; `start`: every event. */
      from: t.keyof({ now: null, start: null }),
    }),
  ]),
  // named: the OpenAPI document describes its fields as this structure's
  'RegisterSubscription',
);
export type RegisterSubscription = t.TypeOf<typeof RegisterSubscription>;

const SubscriptionId = textPattern(
  'SubscriptionId',
  /^wh-[0-9a-f]{32}$/,
  { min: 35, max: 35 },
  'wh-5f0c9a2e7b3d41c6a8e2f09b1d7c4e63',
);

/** `POST /webhooks/subscriptions/{id}/replay`: deliver again, from a checkpoint or from where it stopped. */
export const ReplaySubscription = t.exact(
  t.intersection([
    t.type({ id: SubscriptionId }),
    t.partial({ after: PositionText, from: t.literal('start') }),
  ]),
  // named: the OpenAPI document describes its fields as this structure's
  'ReplaySubscription',
);
export type ReplaySubscription = t.TypeOf<typeof ReplaySubscription>;

/** `GET /webhooks/subscriptions/{id}/deliveries?limit=`. */
export const DeliveriesInput = t.exact(
  t.intersection([
    t.type({ id: SubscriptionId }),
    t.partial({ limit: textPattern('DeliveriesLimit', /^(1000|[1-9]\d{0,2})$/, { min: 1, max: 4 }, '100') }),
  ]),
);
export type DeliveriesInput = t.TypeOf<typeof DeliveriesInput>;

/** The filters of a subscription, decoded as the feed decodes its query (unknown types refused). */
export const SubscriptionFilter = FeedStreamInput;

// The webhook routes in the OpenAPI document (issue #18 item 7)
const subscription = '/webhooks/subscriptions';
/** A subscription id that passes decoding (no such subscription): the role decides first. */
const SAMPLE_ID = `wh-${'0'.repeat(32)}`;
const adminOnly = {
  zh: '仅限领导小组办公室。',
  en: 'The leading-group office only.',
};

/** The webhook subscriptions' routes, for the OpenAPI document and the role matrix. */
export const webhookRoutes: ReadonlyArray<ExchangeRoute> = [
  {
    kind: 'exchange',
    name: 'RegisterWebhookSubscription',
    method: 'POST',
    path: subscription,
    tag: 'webhooks',
    summary: '登记推送订阅 / Register a webhook subscription',
    description: {
      zh: `登记一个接收地址及其过滤条件（事件类型、事件流类别、单位），从现在起（或从头、或从某个检查点之后）推送事件。答复中的签名密钥只显示这一次。${adminOnly.zh}`,
      en: `Registers a receiver URL with its filters (event types, stream categories, unit) and starts delivering events from now on (or from the start, or after a checkpoint). The signing secret in the answer is shown this once. ${adminOnly.en}`,
    },
    roles: WEBHOOK_ADMIN_ROLES,
    body: { codec: RegisterSubscription },
    status: 201,
    answer: {
      mediaType: 'application/json',
      description: { zh: '订阅及其签名密钥', en: 'the subscription and its signing secret' },
    },
    sample: subscription,
    // A loopback receiver: refused (400) for the office, so that the matrix registers nothing.
    sampleBody: { url: 'https://127.0.0.1/hook' },
  },
  {
    kind: 'exchange',
    name: 'ListWebhookSubscriptions',
    method: 'GET',
    path: subscription,
    tag: 'webhooks',
    summary: '推送订阅列表 / The webhook subscriptions',
    description: {
      zh: `全部订阅及其状态和检查点（不含密钥）。${adminOnly.zh}`,
      en: `Every subscription with its state and checkpoint (without its secret). ${adminOnly.en}`,
    },
    roles: WEBHOOK_ADMIN_ROLES,
    input: NoInput,
    status: 200,
    answer: { mediaType: 'application/json', description: { zh: '订阅列表', en: 'the subscriptions' } },
    sample: subscription,
  },
  {
    kind: 'exchange',
    name: 'ReadWebhookDeliveries',
    method: 'GET',
    path: `${subscription}/:id/deliveries`,
    tag: 'webhooks',
    summary: '推送记录 / A subscription’s delivery log',
    description: {
      zh: `一个订阅的推送记录，最新的在前：每次尝试的时间、状态码和结果。${adminOnly.zh}`,
      en: `A subscription’s delivery log, latest first: each attempt’s time, status and outcome. ${adminOnly.en}`,
    },
    roles: WEBHOOK_ADMIN_ROLES,
    input: DeliveriesInput,
    status: 200,
    answer: { mediaType: 'application/json', description: { zh: '推送记录', en: 'the delivery log' } },
    sample: `${subscription}/${SAMPLE_ID}/deliveries`,
  },
  {
    kind: 'exchange',
    name: 'ReplayWebhookSubscription',
    method: 'POST',
    path: `${subscription}/:id/replay`,
    tag: 'webhooks',
    summary: '重新推送 / Replay a subscription',
    description: {
      zh: `重新启用订阅（例如进入死信之后），从给定检查点之后、从头或从中断处重新推送。${adminOnly.zh}`,
      en: `Makes a subscription active again (after a dead letter, say) and delivers again after a checkpoint, from the start, or from where it stopped. ${adminOnly.en}`,
    },
    roles: WEBHOOK_ADMIN_ROLES,
    input: t.exact(t.type({ id: SubscriptionId })),
    body: { codec: ReplaySubscription },
    status: 200,
    answer: { mediaType: 'application/json', description: { zh: '订阅', en: 'the subscription' } },
    sample: `${subscription}/${SAMPLE_ID}/replay`,
    sampleBody: {},
  },
];
