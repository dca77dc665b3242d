import type { Upcaster } from '../shared/upcasting';
import { makeEventReader } from '../shared/upcasting';
import { projectEvents, ProjectEvent } from './project.events';

/**
 * LeadCaptured v1 → v2. Version 1 (the first pilot) recorded the intended investment as a
 * floating-point number of 万元 (`intendedInvestmentWan`) and had no promotion channel.
 * Version 2 records exact integer 分 (DOMAIN.md §5: money is never a float) and the channel of
 * R16; v1 leads are read with channel 'other' (the pilot did not record it).
 * 1 万元 = 1,000,000 分; rounding to the 分 is exact for any figure the pilot could have entered.
 */
export const leadCapturedV1toV2: Upcaster = {
  type: 'LeadCaptured',
  fromVersion: 1,
  upcast: (data) => {
    if (typeof data !== 'object' || data === null) return data;
    const { intendedInvestmentWan, ...rest } = data as { intendedInvestmentWan?: unknown } & Record<
      string,
      unknown
    >;
    return {
      ...rest,
      intendedInvestment:
        typeof intendedInvestmentWan === 'number'
          ? Math.round(intendedInvestmentWan * 1_000_000)
          : intendedInvestmentWan,
      channel: rest['channel'] ?? 'other',
    };
  },
};

export const projectUpcasters: ReadonlyArray<Upcaster> = [leadCapturedV1toV2];

/** Reads a stored project event of any schema version into the current one. */
export const readProjectEvent = makeEventReader<ProjectEvent>(projectEvents, projectUpcasters);
