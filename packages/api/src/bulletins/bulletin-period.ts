import { parseBulletinPeriod } from '@zhaoshang/audit';
import type { BulletinPeriod } from '@zhaoshang/domain';
import { InvalidInputError } from '../errors/api-errors';

/** '2024-03' as the domain's period; a 400 for a label the domain refuses (e.g. a year out of range). */
export const bulletinPeriodOf = (label: string, path = 'period'): BulletinPeriod => {
  const period = parseBulletinPeriod(label);
  if (period === undefined)
    throw new InvalidInputError([
      { path, expected: 'BulletinPeriod (2024-03, 2024-Q1, 2024)', value: label },
    ]);
  return period;
};
