import * as t from 'io-ts';
import { isRole, type Role } from '../auth/roles';
import { textPattern } from '../http/query-inputs';
import { MAX_PASSWORD_BYTES } from './password-hash';

/**
 * Who administers people's accounts: the leading-group office (区招商引资工作领导小组办公室), the
 * office that runs the system for the region — it already adopts the working calendar and manages
 * the webhooks; a unit's officer never creates accounts, not even for its own unit (docs/security.md).
 */
export const ACCOUNT_ADMIN_ROLES: ReadonlyArray<Role> = ['leading-group-office'];

/** A username: letters, digits and . _ - (3–64), starting with a letter or digit. */
export const Username = textPattern(
  'Username',
  /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/,
  { min: 3, max: 64 },
  'li-xiaoyan',
);

/** A password as typed: 1 to 1,024 characters (the rule for a new one is checked by the server). */
export const PasswordText = t.refinement(
  t.string,
  (s) => s.length >= 1 && Buffer.byteLength(s, 'utf8') <= MAX_PASSWORD_BYTES,
  'PasswordText',
);

/** `POST /session`. */
export const SignInRequest = t.exact(t.type({ username: t.string, password: PasswordText }));
export type SignInRequest = t.TypeOf<typeof SignInRequest>;

/** A person's role (any role but `system`, which is for keys). */
export const PersonRole = t.refinement(t.string, (s): s is Role => isRole(s) && s !== 'system', 'PersonRole');

/** A display name: 1–100 characters, e.g. 李晓燕（经开区投资促进局）. */
export const DisplayName = t.refinement(
  t.string,
  (s) => s.trim().length >= 1 && s.length <= 100,
  'DisplayName',
);

/** `POST /accounts`: the password may be omitted (one is generated and answered once). */
export const AddAccountRequest = t.exact(
  t.intersection([
    t.type({ username: Username, displayName: DisplayName, role: PersonRole, unitId: t.string }),
    t.partial({ password: PasswordText }),
  ]),
);
export type AddAccountRequest = t.TypeOf<typeof AddAccountRequest>;

/** `PUT /accounts/{username}/password`: a new password, or none to have one generated. */
export const SetPasswordRequest = t.exact(
  t.intersection([t.type({ username: Username }), t.partial({ password: PasswordText })]),
);
export type SetPasswordRequest = t.TypeOf<typeof SetPasswordRequest>;

/** `POST /accounts/{username}/disable` and `/enable`. */
export const AccountPath = t.exact(t.type({ username: Username }));
export type AccountPath = t.TypeOf<typeof AccountPath>;
