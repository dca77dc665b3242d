import fc from 'fast-check';
import type { AdvisorCommand } from '../advisor/advisor.commands';
import { date, type BusinessDate } from '../shared/dates';
import { unsafeId, type AdvisorId } from '../shared/ids';
import type { Cny } from '../shared/money';
import { arbBusinessDate, arbText } from './shared.arbitraries';

/** Days of one year, so that terms, introductions, signings and rewards often fall in order. */
const arbDay: fc.Arbitrary<BusinessDate> = arbBusinessDate('2024-01-01', '2024-12-31');
/** Two projects and two agreements, so that repeats and conflicts occur. */
const arbProject = fc.constantFrom(unsafeId.project('XM-1'), unsafeId.project('XM-2'));
const arbAgreement = fc.constantFrom(unsafeId.agreement('XY-1'), unsafeId.agreement('XY-2'));
const arbUnit = fc.constantFrom(unsafeId.unit('jingkaiqu'), unsafeId.unit('gaoxinqu'));
const arbAmount = fc.constantFrom(0, 3_000_000, 5_000_000).map((n) => n as Cny);

/** Any command of one advisor (id given), with small ranges so that every rule is reached. */
export const arbAdvisorCommand = (advisorId = 'GW-1' as AdvisorId): fc.Arbitrary<AdvisorCommand> =>
  fc.oneof(
    fc.record({
      type: fc.constant('AppointAdvisor' as const),
      advisorId: fc.constant(advisorId),
      name: fc.constantFrom('陈某某', '林某某').map(unsafeId.text),
      category: fc.constantFrom('association-figure' as const, 'entrepreneur' as const, 'scholar' as const),
      organisation: arbText,
      civilServant: fc.boolean(),
      term: fc.record({ from: arbDay, to: arbDay }),
      appointedOn: arbDay,
      appointedBy: fc.constant(unsafeId.text('领导小组办公室')),
    }),
    fc.record(
      {
        type: fc.constant('EndAdvisorAppointment' as const),
        advisorId: fc.constant(advisorId),
        reason: fc.constantFrom('dismissed' as const, 'term-ended' as const, 'resigned' as const),
        endedOn: arbDay,
        endedBy: fc.constant(unsafeId.text('领导小组办公室')),
        note: arbText,
      },
      { requiredKeys: ['type', 'advisorId', 'reason', 'endedOn', 'endedBy'] },
    ),
    fc.record({
      type: fc.constant('CreditIntroduction' as const),
      advisorId: fc.constant(advisorId),
      projectId: arbProject,
      unitId: arbUnit,
      introducedOn: arbDay,
      creditedBy: fc.constant(unsafeId.text('招商专员')),
    }),
    fc.record({
      type: fc.constant('RewardAdvisor' as const),
      advisorId: fc.constant(advisorId),
      projectId: arbProject,
      agreementId: arbAgreement,
      signedOn: arbDay,
      amount: arbAmount,
      policyRef: fc.constant(unsafeId.text('《谯城区招商引资目标管理激励办法》')),
      rewardedOn: arbDay,
      approvedBy: fc.constant(unsafeId.text('区财政局')),
    }),
  );

/**
 * An advisor's life in order — appointed for the year, credited with a project, rewarded for it
 * (introduction ≤ signing ≤ reward), perhaps ended — with an arbitrary civil-servant status and
 * amount, so that a property reaches every event and every refusal of the reward.
 */
export const arbAdvisorLife = (
  advisorId = 'GW-1' as AdvisorId,
): fc.Arbitrary<ReadonlyArray<AdvisorCommand>> =>
  fc
    .record({
      civilServant: fc.boolean(),
      days: fc.uniqueArray(arbDay, { minLength: 4, maxLength: 4 }).map((d) => [...d].sort()),
      projectId: arbProject,
      agreementId: arbAgreement,
      unitId: arbUnit,
      amount: arbAmount,
      ended: fc.boolean(),
    })
    .map(({ civilServant, days, projectId, agreementId, unitId, amount, ended }) => {
      const [introducedOn, signedOn, rewardedOn, endedOn] = days as [
        BusinessDate,
        BusinessDate,
        BusinessDate,
        BusinessDate,
      ];
      const life: AdvisorCommand[] = [
        {
          type: 'AppointAdvisor',
          advisorId,
          name: unsafeId.text('陈某某'),
          category: 'entrepreneur',
          organisation: unsafeId.text('某新能源集团'),
          civilServant,
          term: { from: date('2024-01-01'), to: date('2024-12-31') },
          appointedOn: date('2024-01-01'),
          appointedBy: unsafeId.text('领导小组办公室'),
        },
        {
          type: 'CreditIntroduction',
          advisorId,
          projectId,
          unitId,
          introducedOn,
          creditedBy: unsafeId.text('招商专员'),
        },
        {
          type: 'RewardAdvisor',
          advisorId,
          projectId,
          agreementId,
          signedOn,
          amount,
          policyRef: unsafeId.text('《谯城区招商引资目标管理激励办法》'),
          rewardedOn,
          approvedBy: unsafeId.text('区财政局'),
        },
      ];
      if (ended)
        life.push({
          type: 'EndAdvisorAppointment',
          advisorId,
          reason: 'term-ended',
          endedOn,
          endedBy: unsafeId.text('领导小组办公室'),
        });
      return life;
    });
