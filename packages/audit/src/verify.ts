import {
  positionToString,
  type EventStore,
  type VerifyOptions,
  type VerifyResult,
} from '@zhaoshang/eventstore';

/** A hash-chain verification report, ready for JSON (positions as strings). */
export type VerifyReport =
  | { readonly ok: true; readonly scope: string; readonly checked: number }
  | {
      readonly ok: false;
      readonly scope: string;
      readonly checked: number;
      readonly firstBroken: {
        readonly streamName: string;
        readonly revision: number;
        readonly position: string;
        readonly reason: string;
      };
    };

const toReport = (scope: string, result: VerifyResult): VerifyReport =>
  result.ok
    ? { ok: true, scope, checked: result.checked }
    : {
        ok: false,
        scope,
        checked: result.checked,
        firstBroken: { ...result.brokenAt, position: positionToString(result.brokenAt.position) },
      };

/**
 * Verifies one stream's hash chain (`stream` given) or the whole store's; for the whole store,
 * `onProgress` and `signal` are passed to the store's `verifyAll` (progress after each page read,
 * stop between pages).
 */
export const verifyStore = async (
  store: EventStore,
  options: { readonly stream?: string } & VerifyOptions = {},
): Promise<VerifyReport> => {
  if (options.stream !== undefined) return toReport(options.stream, await store.verifyStream(options.stream));
  const { stream: _stream, ...verifyOptions } = options;
  return toReport('$all', await store.verifyAll(verifyOptions));
};
