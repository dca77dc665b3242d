import * as t from 'io-ts';
import type { BusinessDate } from '../shared/dates';

/**
 * A half-year, 'YYYY-H1' or 'YYYY-H2': the period of a land clearance (001 §(四) "每半年对园区
 * 土地进行一次清理").
 */
export interface HalfYearBrand {
  readonly HalfYear: unique symbol;
}
const HALF_YEAR = /^(20\d\d|21\d\d)-H[12]$/;
export const HalfYear = t.brand(
  t.string,
  (s): s is t.Branded<string, HalfYearBrand> => HALF_YEAR.test(s),
  'HalfYear',
);
export type HalfYear = t.TypeOf<typeof HalfYear>;

/** The first and last day of a half-year (H1: 1 January – 30 June; H2: 1 July – 31 December). */
export const halfYearBounds = (h: HalfYear): { readonly from: BusinessDate; readonly to: BusinessDate } => {
  const year = h.slice(0, 4);
  return h.endsWith('H1')
    ? { from: `${year}-01-01` as BusinessDate, to: `${year}-06-30` as BusinessDate }
    : { from: `${year}-07-01` as BusinessDate, to: `${year}-12-31` as BusinessDate };
};

/** The half-year a day falls in. */
export const halfYearOf = (d: BusinessDate): HalfYear =>
  `${d.slice(0, 4)}-${Number(d.slice(5, 7)) <= 6 ? 'H1' : 'H2'}` as HalfYear;
