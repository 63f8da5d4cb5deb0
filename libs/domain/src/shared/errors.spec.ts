// The catalogue of expected failures and the HTTP status each one answers with.
import { ERROR_CODES, ERRORS, httpStatusOf, type ErrorCode, type HttpStatus } from './errors.js';

const STATUSES: readonly HttpStatus[] = [400, 401, 403, 404, 409, 413, 429];
const under = (area: string) => ERROR_CODES.filter((c) => c.startsWith(`${area}/`));

/**
 * Unknown teams are named in a request's body (a call's audience, a team code to bind or
 * reassign to), so they are bad input like `call/unknown_unit`, not a missing resource
 * (decided in 74fe89b: "unknown team/unit/empty audience are 400").
 */
const NOT_FOUND_AS_BAD_INPUT: readonly ErrorCode[] = ['team/not_found'];

describe('ERRORS', () => {
  it('lists every code once, as area/snake_case', () => {
    expect(ERROR_CODES).toEqual(Object.keys(ERRORS));
    for (const c of ERROR_CODES) expect(c).toMatch(/^[a-z]+\/[a-z_]+$/);
  });

  it('gives every code a status an API may answer with', () => {
    for (const c of ERROR_CODES) expect({ c, status: STATUSES.includes(httpStatusOf(c)) }).toEqual({ c, status: true });
    expect(ERROR_CODES.map(httpStatusOf)).toEqual(ERROR_CODES.map((c) => ERRORS[c]));
  });

  it('answers 403 for refused authority and 401 for a bad token', () => {
    expect(under('auth')).toEqual(['auth/not_coordinator', 'auth/out_of_scope']);
    for (const c of under('auth')) expect({ c, s: httpStatusOf(c) }).toEqual({ c, s: 403 });
    expect(httpStatusOf('token/invalid')).toBe(401);
    expect(ERROR_CODES.filter((c) => httpStatusOf(c) === 401)).toEqual(['token/invalid', 'token/expired', 'console/no_session']);
    // The console: not staff, read-only, a role without the feature, a forged or missing CSRF token.
    for (const c of ['console/not_staff', 'console/read_only', 'console/forbidden', 'console/csrf'] as const)
      expect({ c, s: httpStatusOf(c) }).toEqual({ c, s: 403 });
  });

  it('answers 429 for a lockout after too many failed codes, tokens or check-ins, and for a cooling-off', () => {
    expect(ERROR_CODES.filter((c) => httpStatusOf(c) === 429).sort()).toEqual([
      'call/check_in_locked',
      'claim/cooling_off',
      'console/locked',
      'link/locked',
      'publicity/code_locked',
      'relay/too_many',
      'token/locked',
    ]);
  });

  it('answers 404 for a missing resource', () => {
    const notFound = ERROR_CODES.filter((c) => c.endsWith('/not_found'));
    // console/not_found: a missing thing and one outside the caller's scope answer alike.
    expect(notFound).toEqual(['need/not_found', 'team/not_found', 'volunteer/not_found', 'call/not_found', 'console/not_found', 'publicity/not_found']);
    for (const c of notFound.filter((n) => !NOT_FOUND_AS_BAD_INPUT.includes(n))) expect({ c, s: httpStatusOf(c) }).toEqual({ c, s: 404 });
    for (const c of NOT_FOUND_AS_BAD_INPUT) expect({ c, s: httpStatusOf(c) }).toEqual({ c, s: 400 });
    expect(httpStatusOf('call/unknown_unit')).toBe(400);
  });

  it('answers 400 for bad input', () => {
    expect(under('input')).toEqual([
      'input/invalid',
      'input/not_a_phone',
      'input/bad_rating',
      'input/bad_hours',
      'input/bad_date',
      'input/unknown_station',
      'input/unknown_command',
    ]);
    for (const c of under('input')) expect({ c, s: httpStatusOf(c) }).toEqual({ c, s: 400 });
    for (const c of [
      'button/forged',
      'link/bad_code',
      'call/bad_input',
      'call/bad_check_code',
      'call/empty_audience',
      'settings/bad_parent',
      'settings/unknown_ref',
    ] as const)
      expect({ c, s: httpStatusOf(c) }).toEqual({ c, s: 400 });
  });

  it('answers 409 when the state forbids it now, and 403 when it is not the caller’s', () => {
    for (const c of [
      'need/already_taken',
      'need/invalid_transition',
      'need/stale_card',
      'button/stale',
      'volunteer/already_registered',
      'mode/unchanged',
      'call/closed',
      'relay/closed',
      'relay/already_shared',
      'relay/no_phone',
      'settings/duplicate_code',
      'settings/in_use',
    ] as const) {
      expect({ c, s: httpStatusOf(c) }).toEqual({ c, s: 409 });
    }
    for (const c of ['need/not_yours', 'claim/not_yours', 'claim/not_member', 'call/not_recipient', 'mode/not_allowed'] as const)
      expect({ c, s: httpStatusOf(c) }).toEqual({ c, s: 403 });
  });
});
