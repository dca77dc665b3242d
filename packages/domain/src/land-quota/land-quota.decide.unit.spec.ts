import * as E from 'fp-ts/Either';
/**
 * The land-quota ledger (R19), checked against 001 §(二): "有限指标保重点 … 预留重大项目建设用地指标".
 */
import { date, type Year } from '../shared/dates';
import { unsafeId } from '../shared/ids';
import { landArea, type PositiveLandArea } from '../land';
import { spec } from '../testing/decider-spec';
import { historyUntil, smallProjectSigned, stateOf } from '../testing/project.fixtures';
import {
  isKeyProject,
  requireKeyProjectClaim,
  landQuotaDecider,
  type GrantLandQuota,
  type LandQuotaEvent,
  type QuotaEntryId,
  type ReleaseLandQuotaReservation,
  type UseLandQuota,
} from './index';

const year = 2024 as Year;
const mu = (n: number) => landArea.mu(n) as PositiveLandArea;
const entry = (s: string) => s as QuotaEntryId;

const grant = (o: Partial<GrantLandQuota> = {}): GrantLandQuota => ({
  type: 'GrantLandQuota',
  year,
  grantId: entry('ZB-2024-1'),
  area: mu(500),
  reservedForKeyProjects: landArea.mu(200),
  grantedOn: date('2024-03-15'),
  basis: unsafeId.text('市自然资源局 2024 年第一批用地计划指标'),
  ...o,
});
const use = (o: Partial<UseLandQuota> = {}): UseLandQuota => ({
  type: 'UseLandQuota',
  year,
  useId: entry('SY-2024-1'),
  projectId: unsafeId.project('XM-1'),
  area: mu(100),
  usedOn: date('2024-05-01'),
  keyProject: false,
  ...o,
});
const release = (o: Partial<ReleaseLandQuotaReservation> = {}): ReleaseLandQuotaReservation => ({
  type: 'ReleaseLandQuotaReservation',
  year,
  releaseId: entry('SF-2024-1'),
  area: mu(50),
  releasedOn: date('2024-10-08'),
  reason: unsafeId.text('重大项目用地需求已落实，余量转一般项目'),
  ...o,
});
const data = <C extends { readonly type: string }>(c: C): Omit<C, 'type'> => {
  const { type: _t, ...rest } = c;
  return rest;
};
const granted: LandQuotaEvent = { type: 'LandQuotaGranted', data: data(grant()) };
const usedGeneral = (area: number, id = 'SY-G'): LandQuotaEvent => ({
  type: 'LandQuotaUsed',
  data: { ...data(use({ useId: entry(id), area: mu(area) })), fromReserved: landArea.zero },
});

const ledger = spec(landQuotaDecider);

describe('the land-quota ledger (R19, 001 §(二) 有限指标保重点)', () => {
  it('R19l (001 §(二) 预留重大项目建设用地指标) a grant keeps its reserved share within it; the same grant again is harmless', () => {
    expect(ledger.given([]).when(grant()).thenState()).toMatchObject({ granted: 50000, reserved: 20000 });
    ledger.given([granted]).when(grant()).thenNothingHappens();
  });

  it('R19l (001 §(二)) a reservation larger than the grant is refused; a grant id is never reused', () => {
    ledger
      .given([])
      .when(grant({ reservedForKeyProjects: landArea.mu(501) }))
      .thenFails('LAND_QUOTA_RESERVE_EXCEEDS_GRANT', { reserved: 50100, area: 50000 });
    ledger
      .given([granted])
      .when(grant({ area: mu(600) }))
      .thenFails('LAND_QUOTA_ENTRY_CONFLICT');
  });

  it('R19m (001 §(二) 有限指标) a use within the general quota is recorded; quota is used only once granted', () => {
    ledger
      .given([granted])
      .when(use({ area: mu(300) }))
      .thenMatches([{ type: 'LandQuotaUsed', data: { fromReserved: 0 } }]);
    ledger.given([]).when(use()).thenFails('LAND_QUOTA_NOT_GRANTED', { year: 2024 });
  });

  it('R19m (001 §(二) 有限指标) a use beyond what is left of the grant is refused, even for a key project', () => {
    ledger
      .given([granted, usedGeneral(300)])
      .when(use({ area: mu(200.01), keyProject: true }))
      .thenFails('LAND_QUOTA_EXCEEDED', { area: 20001, available: 20000 });
  });

  it('R19n (001 §(二) 保重点) a key project draws on the reservation first', () => {
    ledger
      .given([granted, usedGeneral(300)])
      .when(use({ area: mu(200), keyProject: true }))
      .thenMatches([{ type: 'LandQuotaUsed', data: { fromReserved: 20000 } }]);
  });

  it('R19n (001 §(二) 保重点) a project that is not a key project never uses the reservation', () => {
    ledger
      .given([granted, usedGeneral(300)])
      .when(use({ area: mu(0.01) }))
      .thenFails('LAND_QUOTA_RESERVED_FOR_KEY_PROJECTS', { available: 0 });
  });

  it('R19o (001 §(二)) an unused part of the reservation is released to general use, then any project may use it', () => {
    const released: LandQuotaEvent = { type: 'LandQuotaReservationReleased', data: data(release()) };
    ledger
      .given([granted])
      .when(release())
      .thenMatches([{ type: 'LandQuotaReservationReleased' }]);
    ledger
      .given([granted, usedGeneral(300), released])
      .when(use({ area: mu(50) }))
      .thenMatches([{ type: 'LandQuotaUsed', data: { fromReserved: 0 } }]);
  });

  it('R19o (001 §(二)) no more is released than is left unused of the reservation', () => {
    const keyUse: LandQuotaEvent = {
      type: 'LandQuotaUsed',
      data: { ...data(use({ area: mu(180), keyProject: true })), fromReserved: landArea.mu(180) },
    };
    ledger
      .given([granted, keyUse])
      .when(release({ area: mu(20.01) }))
      .thenFails('LAND_QUOTA_RELEASE_EXCEEDS_RESERVATION', { available: 2000 });
  });

  it('R19p (001 §(二) 保重点) a key project is a signed one whose fixed-asset investment reaches the key-project threshold', () => {
    // the fixture agreement's fixed-asset investment is above 1 亿元; the small project's is 600 万元
    expect(isKeyProject(stateOf(historyUntil('signed')))).toBe(true);
    expect(isKeyProject(stateOf(smallProjectSigned('2024-01-15')))).toBe(false);
    expect(isKeyProject(stateOf(historyUntil('admitted')))).toBe(false);
    expect(isKeyProject({ status: 'none' })).toBe(false);
  });

  it('R19p (001 §(二) 保重点) a use that claims the reservation for a project that is not a key project is refused', () => {
    const small = stateOf(smallProjectSigned('2024-01-15'));
    expect(E.isRight(requireKeyProjectClaim(false, 'XM-S', small))).toBe(true);
    expect(E.isRight(requireKeyProjectClaim(true, 'XM-K', stateOf(historyUntil('signed'))))).toBe(true);
    const refused = requireKeyProjectClaim(true, 'XM-S', small);
    expect(E.isLeft(refused) && refused.left.code).toBe('LAND_QUOTA_NOT_A_KEY_PROJECT');
  });
});
