import * as t from 'io-ts';
import { BusinessDate, Year } from '../shared/dates';
import { catalogueCodec, defineEvent, EventOf, struct } from '../shared/event-codec';
import { NonEmptyText, PlotId, ProjectId } from '../shared/ids';
import { LandArea, PositiveLandArea } from '../land/land.area';

/** An entry of the ledger (a grant, a use, a release): an id the office gives it, so a repeat is recognised. */
export interface QuotaEntryIdBrand {
  readonly QuotaEntryId: unique symbol;
}
export const QuotaEntryId = t.brand(
  t.string,
  (s): s is t.Branded<string, QuotaEntryIdBrand> => /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/.test(s),
  'QuotaEntryId',
);
export type QuotaEntryId = t.TypeOf<typeof QuotaEntryId>;

/** What a grant of land quota records (the command's fields and the event's data are the same). */
export const quotaGrant = {
  year: Year,
  grantId: QuotaEntryId,
  area: PositiveLandArea,
  /** The share kept for key projects (001 §(二) 有限指标保重点); may be none. */
  reservedForKeyProjects: LandArea,
  grantedOn: BusinessDate,
  /** The document that grants it (下达文件文号). */
  basis: NonEmptyText,
};

export const LandQuotaGranted = defineEvent('LandQuotaGranted', struct(quotaGrant, 'LandQuotaGrantedData'), {
  zh: '下达年度用地指标（其中预留重大项目用地指标）',
  en: 'A year’s land quota was granted (with the share reserved for key projects)',
  rules: ['R19'],
});

/** What a use of land quota records. */
export const quotaUse = {
  year: Year,
  useId: QuotaEntryId,
  projectId: ProjectId,
  area: PositiveLandArea,
  usedOn: BusinessDate,
  /** Whether the project is a key project (重点项目), checked against the project by the API. */
  keyProject: t.boolean,
};

export const LandQuotaUsed = defineEvent(
  'LandQuotaUsed',
  struct({ ...quotaUse, fromReserved: LandArea }, { plotId: PlotId }, 'LandQuotaUsedData'),
  {
    zh: '项目使用用地指标（其中使用预留指标的面积）',
    en: 'A project used land quota (and how much of it came from the key-project reservation)',
    rules: ['R19'],
  },
);

export const LandQuotaReservationReleased = defineEvent(
  'LandQuotaReservationReleased',
  struct(
    {
      year: Year,
      releaseId: QuotaEntryId,
      area: PositiveLandArea,
      releasedOn: BusinessDate,
      reason: NonEmptyText,
    },
    'LandQuotaReservationReleasedData',
  ),
  {
    zh: '释放未使用的预留指标，转为一般用地指标',
    en: 'An unused part of the key-project reservation was released to general use',
    rules: ['R19'],
  },
);

/** Every event of a year's land-quota ledger (stream `land-quota-<year>`). */
export const landQuotaEvents = {
  LandQuotaGranted,
  LandQuotaUsed,
  LandQuotaReservationReleased,
} as const;

export type LandQuotaEvent = EventOf<typeof landQuotaEvents>;
export type LandQuotaEventType = LandQuotaEvent['type'];

/** Decodes any land-quota event, dispatching on its type. */
export const LandQuotaEventCodec = catalogueCodec('LandQuotaEvent', landQuotaEvents);
