import type { Vocabulary } from '@zhaoshang/domain';

/**
 * What GET /dashboard/config.json tells the page before it asks for any data. Shared by the
 * controller and the page's type-checked JavaScript (assets/*.js import this type), so it imports
 * types only.
 */
export interface DashboardConfig {
  /** The server's business date (Asia/Shanghai, or the pinned TODAY): the default "as of". */
  readonly today: string;
  /**
   * The read-only development key (auditor) the credential field is pre-filled with. Present only
   * while the server runs in development on its built-in development keys alone (API_KEYS unset, no
   * key file); never a configured key, never in production.
   */
  readonly demoKey?: string;
  /** Display names of the units the server knows (the demo region's), by unit id. */
  readonly units: Readonly<Record<string, { readonly zh: string; readonly en: string }>>;
  /**
   * The domain's vocabulary: every business term the page shows (metrics, milestone kinds, event
   * types, history phases …) in both languages. The page's own words (titles, buttons) are in
   * assets/i18n.js.
   */
  readonly vocabulary: Vocabulary;
  /**
   * Whether the request for this file carried the workbench's session cookie (HttpOnly, so the page
   * cannot see it): the page then asks `GET /session` and, signed in, needs no key (issue #18).
   */
  readonly sessionCookie?: boolean;
  /**
   * Scoring policies by their name in the performance review (`policy`, an id such as
   * `default-R12-R15`): what the page prints instead of the id (issue #18: no ids on screen).
   */
  readonly policies: Readonly<Record<string, { readonly zh: string; readonly en: string }>>;
  /** The vocabulary's event types (`vocabulary.eventTypes`), kept under this name for earlier callers. */
  readonly events: Vocabulary['eventTypes'];
}
