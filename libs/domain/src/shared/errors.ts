// The catalogue of expected failures. Each code is the i18n key of the reply people see and
// carries the HTTP status an API answers with, so no edge decides statuses on its own.

/** How an API reports the failure (chat edges only say the message). */
export type HttpStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429;

export const ERRORS = {
  'need/not_found': 404,
  'need/not_yours': 403,
  'need/invalid_transition': 409,
  'need/already_taken': 409,
  'need/not_open': 409,
  'need/stale_card': 409,
  'need/already_rated': 409,
  'need/not_done': 409,
  'need/cannot_cancel': 409,
  'claim/not_member': 403,
  'claim/not_approved': 403,
  'claim/not_volunteer': 403,
  'claim/not_yours': 403,
  'claim/group_only': 409,
  'button/forged': 400,
  'button/stale': 409,
  'auth/not_coordinator': 403,
  'auth/out_of_scope': 403,
  'team/not_found': 400,
  'input/invalid': 400,
  'input/not_a_phone': 400,
  'input/bad_rating': 400,
  'input/bad_hours': 400,
  'input/bad_date': 400,
  'input/unknown_station': 400,
  'input/unknown_command': 400,
  'volunteer/already_registered': 409,
  'volunteer/not_found': 404,
  'link/bad_code': 400,
  'link/already': 409,
  'link/has_history': 409,
  'link/locked': 429,
  'call/bad_input': 400,
  'call/unknown_unit': 400,
  'call/empty_audience': 400,
  'call/not_found': 404,
  'call/not_recipient': 403,
  'call/cancelled': 409,
  'call/closed': 409,
  'call/started': 409,
  'call/already_reminded': 409,
  'call/still_sending': 409,
  'call/not_confirmed': 409,
  'call/check_in_closed': 409,
  'call/bad_check_code': 400,
  'call/nothing_to_check_in': 409,
  'call/too_far': 409,
  'call/already_checked_in': 409,
  'call/not_checked_in': 409,
  'mode/not_allowed': 403,
  'mode/unchanged': 409,
  'token/invalid': 401,
  'token/expired': 401,
  'token/locked': 429,
} as const satisfies Record<string, HttpStatus>;

export type ErrorCode = keyof typeof ERRORS;
export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

export const httpStatusOf = (code: ErrorCode): HttpStatus => ERRORS[code];
