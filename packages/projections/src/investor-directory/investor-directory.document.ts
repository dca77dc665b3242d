import type { BusinessDate, Stage } from '@zhaoshang/domain';
import { collection } from '../read-model';

/** A project as the directory knows it: whose investor it is, and the facts its own events state. */
export interface InvestorProjectDoc {
  readonly projectId: string;
  /** The directory entry the project belongs to (see `investorIdOf`). */
  readonly investorId: string;
  /** The investor's name and credit code as the project's latest investor fact records them. */
  readonly investorName: string;
  readonly creditCode?: string;
  readonly origin?: string;
  readonly unitId: string;
  readonly projectName: string;
  /** The day the lead was captured: the first contact with the investor over this project. */
  readonly capturedOn: BusinessDate;
}

/**
 * A contact person or phone the office recorded for the investor. Project events record none: the
 * only contact recorded anywhere is an enterprise request's `enterprise.contact` (企业诉求), so
 * these come from requests that name one of the investor's projects (or its credit code or name).
 */
export interface InvestorContactDoc {
  readonly contact: string;
  readonly on: BusinessDate;
  readonly requestId: string;
  readonly projectId?: string;
}

/** One investor (客商) of the directory: every project it brought, matched as `investorIdOf` says. */
export interface InvestorDoc {
  readonly investorId: string;
  /** The name most recently recorded for it. */
  readonly name: string;
  /** Every name recorded for it (a name written two ways is listed twice). */
  readonly names: ReadonlyArray<string>;
  /** 统一社会信用代码, when a project recorded one. */
  readonly creditCode?: string;
  readonly origins: ReadonlyArray<string>;
  readonly projects: ReadonlyArray<{
    readonly projectId: string;
    readonly name: string;
    readonly unitId: string;
    readonly capturedOn: BusinessDate;
  }>;
  readonly unitIds: ReadonlyArray<string>;
  readonly firstContactOn: BusinessDate;
  readonly contacts: ReadonlyArray<InvestorContactDoc>;
}

/** Which entry a normalised name leads to (so a name-only project joins an investor known by its code). */
export interface InvestorNameDoc {
  readonly nameKey: string;
  readonly investorId: string;
}

/** A project of an investor with its stage and latest activity from the project register. */
export interface InvestorProjectEntry {
  readonly projectId: string;
  readonly name: string;
  readonly unitId: string;
  readonly capturedOn: BusinessDate;
  readonly stage?: Stage;
  readonly lastActivityOn?: BusinessDate;
  readonly signedOn?: BusinessDate;
}

/** An investor as the queries answer: its projects with their stage, and its latest activity. */
export interface InvestorEntry extends Omit<InvestorDoc, 'projects'> {
  readonly projects: ReadonlyArray<InvestorProjectEntry>;
  readonly latestActivityOn: BusinessDate;
}

/** The investor directory (客商目录, 002 §一): one document per investor. */
export const investorsCollection = collection<InvestorDoc>('investors', [
  { name: 'credit_code', fields: ['creditCode'] },
  { name: 'units', fields: ['unitIds'] },
]);
/** Each project's investor entry and investor facts. */
export const investorProjectsCollection = collection<InvestorProjectDoc>('investor_projects');
/** Normalised names to entries. */
export const investorNamesCollection = collection<InvestorNameDoc>('investor_names');
