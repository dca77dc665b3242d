import type { AdvisorCategory, AdvisorStatus, AppointmentEnd, BusinessDate, Stage } from '@zhaoshang/domain';
import { collection } from '../read-model';

/** A project the advisor is credited with introducing (牵线搭桥, 002 §八). */
export interface AdvisorIntroductionDoc {
  readonly projectId: string;
  readonly unitId: string;
  readonly introducedOn: BusinessDate;
  readonly note?: string;
}

/** A one-time reward (一次性奖励) paid for a project brought in. */
export interface AdvisorRewardDoc {
  readonly projectId: string;
  readonly agreementId: string;
  readonly signedOn: BusinessDate;
  /** 分 (integer CNY minor units). */
  readonly amount: number;
  readonly policyRef: string;
  readonly rewardedOn: BusinessDate;
  readonly approvedBy: string;
}

/** One advisor of the advisor registry (招商顾问名册), as its own stream records it. */
export interface AdvisorDoc {
  readonly advisorId: string;
  readonly name: string;
  readonly category: AdvisorCategory;
  readonly organisation: string;
  readonly civilServant: boolean;
  readonly termFrom: BusinessDate;
  readonly termTo: BusinessDate;
  readonly contact?: string;
  readonly appointedOn: BusinessDate;
  readonly status: AdvisorStatus;
  readonly endedOn?: BusinessDate;
  readonly endReason?: AppointmentEnd;
  readonly introductions: ReadonlyArray<AdvisorIntroductionDoc>;
  /** The units of the projects introduced (a list filter). */
  readonly unitIds: ReadonlyArray<string>;
  readonly rewards: ReadonlyArray<AdvisorRewardDoc>;
  /** The rewards' sum, in 分. */
  readonly rewardTotal: number;
}

/** A project introduced, with its name, stage and latest activity as the project register has them now. */
export interface AdvisorIntroductionEntry extends AdvisorIntroductionDoc {
  readonly projectName?: string;
  readonly stage?: Stage;
  readonly signedOn?: BusinessDate;
  readonly rewarded: boolean;
}

/** An advisor as the queries answer: its introductions joined with the project register. */
export interface AdvisorEntry extends Omit<AdvisorDoc, 'introductions'> {
  readonly introductions: ReadonlyArray<AdvisorIntroductionEntry>;
}

/** The advisor registry (招商顾问名册): one document per advisor. */
export const advisorsCollection = collection<AdvisorDoc>('advisors', [
  { name: 'status', fields: ['status'] },
  { name: 'category', fields: ['category'] },
  { name: 'units', fields: ['unitIds'] },
]);
