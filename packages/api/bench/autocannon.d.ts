// The few parts of autocannon 8 the API benchmark uses (the package ships no types).
declare module 'autocannon' {
  interface Histogram {
    readonly average: number;
    readonly p50: number;
    readonly p99: number;
  }
  interface Result {
    readonly requests: Histogram & { readonly total: number };
    readonly latency: Histogram;
    readonly errors: number;
    readonly non2xx: number;
  }
  interface RequestSpec {
    readonly method?: string;
    readonly path?: string;
    readonly headers?: Record<string, string>;
    readonly body?: string;
    readonly setupRequest?: (
      req: RequestSpec & Record<string, unknown>,
    ) => RequestSpec & Record<string, unknown>;
  }
  interface Options extends RequestSpec {
    readonly url: string;
    readonly connections?: number;
    readonly duration?: number;
    /** Requests in all (overrides duration). */
    readonly amount?: number;
    readonly requests?: ReadonlyArray<RequestSpec>;
  }
  function autocannon(options: Options): Promise<Result>;
  export = autocannon;
}
