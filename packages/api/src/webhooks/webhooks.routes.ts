import * as t from 'io-ts';
import { FeedStreamInput } from '../feed/feed.routes';
import { IdText, PositionText, textPattern } from '../http/query-inputs';

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
);
export type RegisterSubscription = t.TypeOf<typeof RegisterSubscription>;

const SubscriptionId = textPattern('SubscriptionId', /^wh-[0-9a-f]{32}$/, { min: 35, max: 35 }, 'wh-0123…');

/** `POST /webhooks/subscriptions/{id}/replay`: deliver again, from a checkpoint or from where it stopped. */
export const ReplaySubscription = t.exact(
  t.intersection([
    t.type({ id: SubscriptionId }),
    t.partial({ after: PositionText, from: t.literal('start') }),
  ]),
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
