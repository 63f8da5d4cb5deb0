/** Expected failures are values: a namespaced code that doubles as the i18n key of the reply. */
export type Ok<T> = { ok: true; value: T };
export type Err<C extends string = ErrorCode> = { ok: false; code: C; detail?: Record<string, string | number> };
export type Result<T, C extends string = ErrorCode> = Ok<T> | Err<C>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <C extends string>(code: C, detail?: Record<string, string | number>): Err<C> =>
  detail ? { ok: false, code, detail } : { ok: false, code };

export const ERROR_CODES = [
  'need/not_found',
  'need/not_yours',
  'need/invalid_transition',
  'need/already_taken',
  'need/not_open',
  'need/stale_card',
  'need/already_rated',
  'need/not_done',
  'need/cannot_cancel',
  'claim/not_member',
  'claim/not_approved',
  'claim/not_volunteer',
  'claim/not_yours',
  'button/forged',
  'button/stale',
  'auth/not_coordinator',
  'auth/out_of_scope',
  'team/not_found',
  'input/not_a_phone',
  'input/bad_rating',
  'input/bad_hours',
  'input/bad_date',
  'input/unknown_station',
  'input/unknown_command',
  'volunteer/already_registered',
  'volunteer/not_found',
  'link/bad_code',
  'link/already',
  'link/has_history',
  'call/bad_input',
  'call/unknown_unit',
  'call/empty_audience',
  'call/not_found',
  'call/not_recipient',
  'call/cancelled',
  'call/closed',
  'call/started',
  'call/already_reminded',
  'call/still_sending',
  'call/not_confirmed',
  'call/check_in_closed',
  'call/bad_check_code',
  'call/nothing_to_check_in',
  'call/too_far',
  'call/already_checked_in',
  'call/not_checked_in',
  'mode/not_allowed',
  'mode/unchanged',
  'token/invalid',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
