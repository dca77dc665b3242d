/** The API's clock, injected so that tests and demos pin "today" (the domain never reads one). */
export interface Clock {
  now(): Date;
  /** Today's business date in Asia/Shanghai, 'YYYY-MM-DD'. */
  today(): string;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => new Date(Date.now() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10),
};

/** A clock whose date is fixed (the time of day still runs). */
export const fixedDayClock = (day: string): Clock => ({ now: () => new Date(), today: () => day });
