/**
 * The land-quota ledger decider (R19): 001 §(二) "有限指标保重点" — a year's land quota (用地指标) is
 * granted with a share reserved for key projects (预留重大项目建设用地指标); uses never exceed the
 * grant; the reservation is used by key projects only, until an unused part of it is released.
 */
import * as E from 'fp-ts/Either';
import type { Either } from 'fp-ts/Either';
import type { Decider } from '../shared/decider';
import { all, same, withoutType } from '../shared/decision';
import { domainError, type DomainError, type ErrorParams } from '../shared/errors';
import { assertNever } from '../shared/exhaustive';
import type { LandArea } from '../land/land.area';
import type {
  GrantLandQuota,
  LandQuotaCommand,
  ReleaseLandQuotaReservation,
  UseLandQuota,
} from './land-quota.commands';
import type { LandQuotaErrorCode } from './land-quota.errors';
import type { LandQuotaEvent } from './land-quota.events';
import { evolveLandQuota } from './land-quota.evolve';
import {
  generalLeft,
  initialLandQuotaState,
  reservedLeft,
  type LandQuotaLedger,
  type LandQuotaState,
} from './land-quota.state';

type Decision = Either<DomainError, ReadonlyArray<LandQuotaEvent>>;
type Check = Either<DomainError, true>;

const refuse = (code: LandQuotaErrorCode, params: ErrorParams = {}): Either<DomainError, never> =>
  E.left(domainError(code, params));
const ok: Check = E.right(true);
const nothing: Decision = E.right([]);

/** R19 (001 §(二) 预留重大项目建设用地指标): the reserved share is part of the grant. */
export const requireReserveWithinGrant = (c: GrantLandQuota): Check =>
  c.reservedForKeyProjects <= c.area
    ? ok
    : refuse('LAND_QUOTA_RESERVE_EXCEEDS_GRANT', { reserved: c.reservedForKeyProjects, area: c.area });

/** R19: quota is used or released only once the year's quota has been granted. */
export const requireGranted = (s: LandQuotaState, year: number): Either<DomainError, LandQuotaLedger> =>
  s.status === 'none' ? refuse('LAND_QUOTA_NOT_GRANTED', { year }) : E.right(s);

/**
 * R19 (001 §(二) 有限指标): a use never exceeds what is left of the grant; a project that is not a
 * key project never uses the reservation (保重点). Answers how much of the use comes from the
 * reservation: a key project draws on the reservation first, then on the general quota.
 */
export const requireQuotaAvailable = (s: LandQuotaLedger, c: UseLandQuota): Either<DomainError, LandArea> => {
  const general = generalLeft(s);
  const reserved = reservedLeft(s);
  if (c.area > general + reserved)
    return refuse('LAND_QUOTA_EXCEEDED', { area: c.area, available: general + reserved, year: s.year });
  if (c.keyProject) return E.right(Math.min(c.area, reserved) as LandArea);
  return c.area <= general
    ? E.right(0 as LandArea)
    : refuse('LAND_QUOTA_RESERVED_FOR_KEY_PROJECTS', { area: c.area, available: general });
};

/** R19: only an unused part of the reservation is released. */
export const requireUnusedReservation = (s: LandQuotaLedger, c: ReleaseLandQuotaReservation): Check =>
  c.area <= reservedLeft(s)
    ? ok
    : refuse('LAND_QUOTA_RELEASE_EXCEEDS_RESERVATION', { area: c.area, available: reservedLeft(s) });

/** An entry id names one entry: the same entry again is harmless, another under its id is refused. */
const repeated = (recorded: object | undefined, entry: object, entryId: string): Decision | undefined =>
  recorded === undefined
    ? undefined
    : same(recorded, entry)
      ? nothing
      : refuse('LAND_QUOTA_ENTRY_CONFLICT', { entryId });

/** 下达用地指标: a grant (a year may receive several batches). */
export const decideGrantLandQuota = (c: GrantLandQuota, s: LandQuotaState): Decision =>
  repeated(s.status === 'none' ? undefined : s.grants[c.grantId], withoutType(c), c.grantId) ??
  E.map((): ReadonlyArray<LandQuotaEvent> => [{ type: 'LandQuotaGranted', data: withoutType(c) }])(
    requireReserveWithinGrant(c),
  );

/** 使用用地指标: within what is left, the reservation for key projects only. */
export const decideUseLandQuota = (c: UseLandQuota, s: LandQuotaLedger): Decision => {
  const previous = s.uses[c.useId];
  if (previous !== undefined) {
    const { fromReserved: _f, ...recorded } = previous;
    return repeated(recorded, withoutType(c), c.useId) ?? nothing;
  }
  return E.map((fromReserved: LandArea): ReadonlyArray<LandQuotaEvent> => [
    { type: 'LandQuotaUsed', data: { ...withoutType(c), fromReserved } },
  ])(requireQuotaAvailable(s, c));
};

/** 释放预留指标: an unused part of the reservation goes to general use. */
export const decideReleaseLandQuotaReservation = (
  c: ReleaseLandQuotaReservation,
  s: LandQuotaLedger,
): Decision =>
  repeated(s.releases[c.releaseId], withoutType(c), c.releaseId) ??
  E.map((): ReadonlyArray<LandQuotaEvent> => [
    { type: 'LandQuotaReservationReleased', data: withoutType(c) },
  ])(all(() => requireUnusedReservation(s, c)));

const decideLandQuota = (command: LandQuotaCommand, state: LandQuotaState): Decision => {
  if (command.type === 'GrantLandQuota') return decideGrantLandQuota(command, state);
  const found = requireGranted(state, command.year);
  if (E.isLeft(found)) return found;
  switch (command.type) {
    case 'UseLandQuota':
      return decideUseLandQuota(command, found.right);
    case 'ReleaseLandQuotaReservation':
      return decideReleaseLandQuotaReservation(command, found.right);
    default:
      return assertNever(command);
  }
};

/** The land-quota ledger decider (a year's ledger stays open: later grants and uses may come). */
export const landQuotaDecider: Decider<LandQuotaCommand, LandQuotaEvent, LandQuotaState> = {
  initialState: initialLandQuotaState,
  evolve: evolveLandQuota,
  decide: decideLandQuota,
  isTerminal: () => false,
};
