import { Inject, Injectable } from '@nestjs/common';
import { generators, Issuer, type BaseClient } from 'openid-client';
import type { ApiConfig } from '../config';
import { CodedApiError } from '../errors/api-errors';
import { API_CONFIG } from '../tokens';
import type { Account } from './account-store';
import type { OidcConfig } from './accounts-config';
import { SignIn } from './sign-in';

/** How long a person has at the identity provider between leaving and coming back. */
const PENDING_MS = 10 * 60_000;
/** Sign-ins in progress kept at most (the oldest are dropped beyond it). */
const MAX_PENDING = 10_000;

interface Pending {
  readonly codeVerifier: string;
  readonly nonce: string;
  readonly at: number;
}

/** Why a person who came back from the identity provider gets no session. */
export type OidcRefusal =
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'unknown-person'; readonly who: string };

/** The outcome of a callback: a session for an account, or a refusal to show on a page. */
export type OidcOutcome =
  | { readonly ok: true; readonly sessionId: string; readonly account: Account }
  | { readonly ok: false; readonly refusal: OidcRefusal };

/**
 * Sign-in through the region's identity provider (OpenID Connect, authorization-code flow with
 * PKCE S256, state and nonce; openid-client 5). The provider says who the person is; this system
 * says what they may do: the role and unit come from the person's account here. An account is
 * found by the provider's `sub` once linked; the first time, by the username claim
 * (`OIDC_USERNAME_CLAIM`, default `preferred_username`) equal to an account's username, which is
 * then linked to that `sub` (a later change of the claim at the provider does not move the person to
 * another account). Nobody is created by signing in: an unknown or disabled person is refused.
 *
 * The state, nonce and PKCE verifier of a sign-in in progress are kept in this process (ten
 * minutes), keyed by the state the browser brings back in its `zs_oidc` cookie.
 */
@Injectable()
export class OidcSignIn {
  private client: Promise<BaseClient> | undefined;
  private readonly pending = new Map<string, Pending>();

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(SignIn) private readonly signIn: SignIn,
  ) {}

  private get oidc(): OidcConfig {
    const oidc = this.config.accounts.oidc;
    if (oidc === undefined) throw new CodedApiError(404, 'OIDC_NOT_CONFIGURED');
    return oidc;
  }

  /** The provider's client, from its discovery document (read once; again after a failure). */
  private clientOf(oidc: OidcConfig): Promise<BaseClient> {
    this.client ??= Issuer.discover(oidc.issuer).then(
      (issuer) =>
        new issuer.Client({
          client_id: oidc.clientId,
          client_secret: oidc.clientSecret,
          redirect_uris: [oidc.redirectUri],
          response_types: ['code'],
        }),
      (error: unknown) => {
        this.client = undefined;
        throw error;
      },
    );
    return this.client;
  }

  /** Starts a sign-in: the provider's authorization URL and the state to keep in the browser's cookie. */
  async start(now: number = Date.now()): Promise<{ readonly url: string; readonly state: string }> {
    const oidc = this.oidc;
    let client: BaseClient;
    try {
      client = await this.clientOf(oidc);
    } catch (error) {
      throw new CodedApiError(502, 'OIDC_FAILED', { reason: `discovery: ${(error as Error).message}` });
    }
    this.forgetOld(now);
    const state = generators.state();
    const nonce = generators.nonce();
    const codeVerifier = generators.codeVerifier();
    this.pending.set(state, { codeVerifier, nonce, at: now });
    const url = client.authorizationUrl({
      scope: 'openid profile',
      state,
      nonce,
      code_challenge: generators.codeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, state };
  }

  /** Completes a sign-in from the provider's redirect (`?code&state`, or `?error`). */
  async complete(
    query: Readonly<Record<string, unknown>>,
    stateFromCookie: string | undefined,
    now: number = Date.now(),
  ): Promise<OidcOutcome> {
    const oidc = this.oidc;
    const fail = (reason: string): OidcOutcome => ({ ok: false, refusal: { kind: 'failed', reason } });
    const pending = stateFromCookie === undefined ? undefined : this.pending.get(stateFromCookie);
    if (stateFromCookie === undefined || pending === undefined || now - pending.at > PENDING_MS)
      return fail('no sign-in in progress in this browser (or it took longer than 10 minutes)');
    this.pending.delete(stateFromCookie);
    const params = Object.fromEntries(
      Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    let claims: Readonly<Record<string, unknown>>;
    try {
      const client = await this.clientOf(oidc);
      const tokens = await client.callback(oidc.redirectUri, params, {
        state: stateFromCookie,
        nonce: pending.nonce,
        code_verifier: pending.codeVerifier,
        response_type: 'code',
      });
      claims = tokens.claims();
    } catch (error) {
      return fail((error as Error).message);
    }
    const subject = `${String(claims.iss)}|${String(claims.sub)}`;
    const claimed = claims[oidc.usernameClaim];
    let account = this.signIn.store.findBySubject(subject);
    if (account === undefined && typeof claimed === 'string') {
      const named = this.signIn.store.find(claimed);
      if (named !== undefined && named.oidcSubject === undefined) {
        this.signIn.store.linkSubject(named.username, subject);
        account = { ...named, oidcSubject: subject };
      }
    }
    if (account === undefined || account.disabled)
      return {
        ok: false,
        refusal: { kind: 'unknown-person', who: typeof claimed === 'string' ? claimed : String(claims.sub) },
      };
    return { ok: true, sessionId: this.signIn.store.openSession(account.username), account };
  }

  private forgetOld(now: number): void {
    for (const [state, p] of this.pending) if (now - p.at > PENDING_MS) this.pending.delete(state);
    while (this.pending.size >= MAX_PENDING) {
      const oldest = this.pending.keys().next().value;
      if (oldest === undefined) break;
      this.pending.delete(oldest);
    }
  }
}
