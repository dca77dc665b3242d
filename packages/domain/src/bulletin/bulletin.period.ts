import { addDays, addMonths, type BusinessDate } from '../shared/dates';
import type { BulletinPeriod, Figures } from './bulletin.events';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** '2024-03' for a month, '2024-Q1' for a quarter, '2024' for a year. */
export const periodLabel = (p: BulletinPeriod): string => {
  switch (p.kind) {
    case 'month':
      return `${p.year}-${pad2(p.index)}`;
    case 'quarter':
      return `${p.year}-Q${p.index}`;
    case 'year':
      return String(p.year);
    default: {
      const unknown: never = p;
      return unknown;
    }
  }
};

/** First and last day of a period. */
export const periodBounds = (
  p: BulletinPeriod,
): { readonly first: BusinessDate; readonly last: BusinessDate } => {
  const firstMonth = p.kind === 'month' ? p.index : p.kind === 'quarter' ? (p.index - 1) * 3 + 1 : 1;
  const months = p.kind === 'month' ? 1 : p.kind === 'quarter' ? 3 : 12;
  const first = `${p.year}-${pad2(firstMonth)}-01` as BusinessDate;
  return { first, last: addDays(addMonths(first, months), -1) };
};

/** Same period. */
export const samePeriod = (a: BulletinPeriod, b: BulletinPeriod): boolean =>
  a.kind === b.kind && a.year === b.year && a.index === b.index;

const sortedKeys = (o: object): ReadonlyArray<string> => Object.keys(o).sort();

/**
 * The canonical JSON text of figures (keys sorted at both levels, no spaces): `figuresDigest` is
 * the lower-case hex SHA-256 of its UTF-8 bytes, computed where hashing is available (the domain
 * has no crypto), so that an auditor who re-derives the figures gets the same digest.
 */
export const canonicalFiguresJson = (figures: Figures): string =>
  `{${sortedKeys(figures)
    .map((unit) => {
      const metrics = figures[unit]!;
      return `${JSON.stringify(unit)}:{${sortedKeys(metrics)
        .map((m) => `${JSON.stringify(m)}:${JSON.stringify(metrics[m])}`)
        .join(',')}}`;
    })
    .join(',')}}`;
