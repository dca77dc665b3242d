import * as t from 'io-ts';
import { textPattern } from '../http/query-inputs';
import { ProfileName } from './import-profile';

/** Who imports: an investment officer for their own unit, the leading-group office for any unit. */
export const IMPORT_ROLES = ['investment-officer', 'leading-group-office'] as const;

/** `PUT /imports/profiles/{name}` and `GET /imports/profiles/{name}`: the profile's name. */
export const ProfileInput = t.exact(t.type({ name: ProfileName }));
export type ProfileInput = t.TypeOf<typeof ProfileInput>;

/** `POST /imports/dry-run?profile=` and `POST /imports?profile=`: the saved profile to read the workbook with. */
export const ImportInput = t.exact(
  t.intersection([
    t.type({ profile: ProfileName }),
    t.partial({
      sheet: textPattern('ImportSheetName', /^[^\\/?*[\]:]{1,31}$/, { min: 1, max: 31 }, '项目台账'),
    }),
  ]),
);
export type ImportInput = t.TypeOf<typeof ImportInput>;
