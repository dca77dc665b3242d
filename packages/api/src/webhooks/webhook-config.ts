/** Settings of webhook deliveries (docs/integration.md "Webhooks"). */
export interface WebhookConfig {
  /** Internal networks webhooks may go to all the same (`WEBHOOK_ALLOWED_NETWORKS`, CIDRs; default none). */
  readonly allowedNetworks: ReadonlyArray<string>;
  /** How long a receiver has to answer (`WEBHOOK_TIMEOUT_MS`, default 10 s). */
  readonly timeoutMs: number;
  /** Tries of one event before the subscription is dead-lettered (`WEBHOOK_MAX_ATTEMPTS`, default 10). */
  readonly maxAttempts: number;
  /** Wait after the first failure, doubled after each (`WEBHOOK_BACKOFF_MS`, default 10 s)… */
  readonly backoffMs: number;
  /** …up to this (`WEBHOOK_BACKOFF_MAX_MS`, default 1 h): 10 tries span about 1 h 25 min. */
  readonly backoffMaxMs: number;
  /** How often the dispatcher looks for events to deliver (`WEBHOOK_POLL_MS`, default 1 s; 0: never, deliveries off). */
  readonly pollMs: number;
}

const count = (value: string | undefined, fallback: number, name: string, min: number): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`${name} must be an integer of at least ${min}, got ${JSON.stringify(value)}`);
  return n;
};

/** The webhook settings from the environment. */
export const webhookConfig = (env: NodeJS.ProcessEnv): WebhookConfig => ({
  allowedNetworks: (env.WEBHOOK_ALLOWED_NETWORKS ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== ''),
  timeoutMs: count(env.WEBHOOK_TIMEOUT_MS, 10_000, 'WEBHOOK_TIMEOUT_MS', 1),
  maxAttempts: count(env.WEBHOOK_MAX_ATTEMPTS, 10, 'WEBHOOK_MAX_ATTEMPTS', 1),
  backoffMs: count(env.WEBHOOK_BACKOFF_MS, 10_000, 'WEBHOOK_BACKOFF_MS', 1),
  backoffMaxMs: count(env.WEBHOOK_BACKOFF_MAX_MS, 3_600_000, 'WEBHOOK_BACKOFF_MAX_MS', 1),
  pollMs: count(env.WEBHOOK_POLL_MS, 1000, 'WEBHOOK_POLL_MS', 0),
});

/** The wait before the next try after `failures` failed tries in a row (exponential, capped). */
export const backoffAfter = (config: WebhookConfig, failures: number): number =>
  Math.min(config.backoffMaxMs, config.backoffMs * 2 ** Math.max(0, failures - 1));
