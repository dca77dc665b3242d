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

/**
 * ProcedureRequested v1 → v2. Version 1 knew one kind of procedure, the district's own approval
 * with a 3/10-working-day limit, and recorded it flat (`timeLimitDays`, `dueOn`). Version 2 records
 * the approval level (R7: 001 §(三)2 limits 属本区审批的事项 only) and a deadline that may wait for a
 * year's calendar: a v1 event is read as a district approval due on its `dueOn`.
 */
export const procedureRequestedV1toV2: Upcaster = {
  type: 'ProcedureRequested',
  fromVersion: 1,
  upcast: (data) => {
    if (typeof data !== 'object' || data === null) return data;
    const { timeLimitDays, dueOn, ...rest } = data as { timeLimitDays?: unknown; dueOn?: unknown } & Record<
      string,
      unknown
    >;
    return {
      ...rest,
      approval: { level: 'district', workingDays: timeLimitDays, deadline: { kind: 'due', dueOn } },
    };
  },
};

export const projectUpcasters: ReadonlyArray<Upcaster> = [leadCapturedV1toV2, procedureRequestedV1toV2];

/** Reads a stored project event of any schema version into the current one. */
export const readProjectEvent = makeEventReader<ProjectEvent>(projectEvents, projectUpcasters);
