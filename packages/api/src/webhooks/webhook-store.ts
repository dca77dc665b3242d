import type Database from 'better-sqlite3';
import { openSqliteFile } from '../sqlite-file';

/** What a subscription delivers: the feed's filters, as the administrator gave them (comma lists). */
export interface WebhookFilter {
  readonly type?: string;
  readonly category?: string;
  readonly unitId?: string;
}

/** `active`: delivering; `dead-letter`: stopped after the last try of an event, until replayed. */
export type SubscriptionStatus = 'active' | 'dead-letter';

/** A subscription as the registry keeps it (the secret is shown once, when it is registered). */
export interface WebhookSubscription {
  readonly id: string;
  readonly url: string;
  readonly filter: WebhookFilter;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly status: SubscriptionStatus;
  /** The last event delivered (or passed over by the filters): an opaque checkpoint; null: none yet. */
  readonly checkpoint: string | null;
  /** Failed tries of the next event in a row. */
  readonly failures: number;
  /** When the next try is due (ms since the epoch). */
  readonly nextAttemptAt: number;
  readonly lastError: string | null;
}

/** One line of the delivery log. */
export interface DeliveryRecord {
  readonly subscriptionId: string;
  readonly eventId: string;
  readonly position: string;
  readonly attempt: number;
  readonly at: string;
  readonly outcome: 'delivered' | 'failed' | 'dead-letter';
  readonly status: number | null;
  readonly error: string | null;
  readonly durationMs: number;
}

interface SubscriptionRow {
  id: string;
  url: string;
  filter: string;
  created_by: string;
  created_at: string;
  status: SubscriptionStatus;
  checkpoint: string | null;
  failures: number;
  next_attempt_at: number;
  last_error: string | null;
}

interface DeliveryRow {
  subscription_id: string;
  event_id: string;
  position: string;
  attempt: number;
  at: string;
  outcome: DeliveryRecord['outcome'];
  status: number | null;
  error: string | null;
  duration_ms: number;
}

const subscriptionOf = (r: SubscriptionRow): WebhookSubscription => ({
  id: r.id,
  url: r.url,
  filter: JSON.parse(r.filter) as WebhookFilter,
  createdBy: r.created_by,
  createdAt: r.created_at,
  status: r.status,
  checkpoint: r.checkpoint,
  failures: r.failures,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
});

/**
 * The webhook registry (`DATA_DIR/webhooks.sqlite`): subscriptions with their secrets and their
 * delivery checkpoints, and the delivery log. Operational data, not facts of the domain: it is
 * kept out of the event store, whose events the feed publishes (a secret must never be one).
 * Every change is one SQLite transaction, so a checkpoint survives a restart exactly as written.
 */
export class WebhookStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = openSqliteFile(
      file,
      `
      CREATE TABLE IF NOT EXISTS subscriptions (
        id TEXT PRIMARY KEY, url TEXT NOT NULL, filter TEXT NOT NULL, secret TEXT NOT NULL,
        created_by TEXT NOT NULL, created_at TEXT NOT NULL, status TEXT NOT NULL,
        checkpoint TEXT, failures INTEGER NOT NULL DEFAULT 0, next_attempt_at INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      );
      CREATE TABLE IF NOT EXISTS deliveries (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, subscription_id TEXT NOT NULL, event_id TEXT NOT NULL,
        position TEXT NOT NULL, attempt INTEGER NOT NULL, at TEXT NOT NULL, outcome TEXT NOT NULL,
        status INTEGER, error TEXT, duration_ms INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS deliveries_by_subscription ON deliveries (subscription_id, seq);
    `,
    );
  }

  register(
    subscription: Pick<
      WebhookSubscription,
      'id' | 'url' | 'filter' | 'createdBy' | 'createdAt' | 'checkpoint'
    >,
    secret: string,
  ): void {
    this.db
      .prepare(
        `INSERT INTO subscriptions (id, url, filter, secret, created_by, created_at, status, checkpoint)
         VALUES (?, ?, ?, ?, ?, ?, 'active', ?)`,
      )
      .run(
        subscription.id,
        subscription.url,
        JSON.stringify(subscription.filter),
        secret,
        subscription.createdBy,
        subscription.createdAt,
        subscription.checkpoint,
      );
  }

  list(): WebhookSubscription[] {
    return this.db
      .prepare<[], SubscriptionRow>('SELECT * FROM subscriptions ORDER BY created_at, id')
      .all()
      .map(subscriptionOf);
  }

  get(id: string): WebhookSubscription | undefined {
    const row = this.db
      .prepare<[string], SubscriptionRow>('SELECT * FROM subscriptions WHERE id = ?')
      .get(id);
    return row === undefined ? undefined : subscriptionOf(row);
  }

  secretOf(id: string): string | undefined {
    return this.db
      .prepare<[string], { secret: string }>('SELECT secret FROM subscriptions WHERE id = ?')
      .get(id)?.secret;
  }

  /** The active subscriptions whose next try is due. */
  due(now: number): WebhookSubscription[] {
    return this.db
      .prepare<[number], SubscriptionRow>(
        "SELECT * FROM subscriptions WHERE status = 'active' AND next_attempt_at <= ? ORDER BY created_at, id",
      )
      .all(now)
      .map(subscriptionOf);
  }

  /** An event was delivered: the checkpoint moves past it, failures are forgotten, the log says so. */
  delivered(record: DeliveryRecord): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE subscriptions SET checkpoint = ?, failures = 0, next_attempt_at = 0, last_error = NULL WHERE id = ?',
        )
        .run(record.position, record.subscriptionId);
      this.log(record);
    })();
  }

  /** A try failed: retry at `nextAttemptAt`, or dead-letter the subscription (`outcome: 'dead-letter'`). */
  failed(record: DeliveryRecord, nextAttemptAt: number): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE subscriptions SET status = ?, failures = failures + 1, next_attempt_at = ?, last_error = ? WHERE id = ?',
        )
        .run(
          record.outcome === 'dead-letter' ? 'dead-letter' : 'active',
          nextAttemptAt,
          record.error,
          record.subscriptionId,
        );
      this.log(record);
    })();
  }

  /** The events read past the last delivered one were all filtered out: the checkpoint moves on. */
  passed(id: string, checkpoint: string): void {
    this.db.prepare('UPDATE subscriptions SET checkpoint = ? WHERE id = ?').run(checkpoint, id);
  }

  /** Delivers again: active, no failures, from `checkpoint` when given (else from where it stopped). */
  replay(id: string, checkpoint: string | null | undefined): void {
    this.db
      .prepare(
        `UPDATE subscriptions SET status = 'active', failures = 0, next_attempt_at = 0, last_error = NULL,
         checkpoint = CASE WHEN ? THEN ? ELSE checkpoint END WHERE id = ?`,
      )
      .run(checkpoint !== undefined ? 1 : 0, checkpoint ?? null, id);
  }

  /** The delivery log of a subscription, latest first. */
  deliveries(id: string, limit: number): DeliveryRecord[] {
    return this.db
      .prepare<[string, number], DeliveryRow>(
        'SELECT * FROM deliveries WHERE subscription_id = ? ORDER BY seq DESC LIMIT ?',
      )
      .all(id, limit)
      .map((r) => ({
        subscriptionId: r.subscription_id,
        eventId: r.event_id,
        position: r.position,
        attempt: r.attempt,
        at: r.at,
        outcome: r.outcome,
        status: r.status,
        error: r.error,
        durationMs: r.duration_ms,
      }));
  }

  close(): void {
    this.db.close();
  }

  private log(r: DeliveryRecord): void {
    this.db
      .prepare(
        `INSERT INTO deliveries (subscription_id, event_id, position, attempt, at, outcome, status, error, duration_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.subscriptionId,
        r.eventId,
        r.position,
        r.attempt,
        r.at,
        r.outcome,
        r.status,
        r.error,
        r.durationMs,
      );
  }
}
