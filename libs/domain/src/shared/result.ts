/** Expected failures are values: a namespaced code that doubles as the i18n key of the reply. */
import type { ErrorCode } from './errors.js';

export type Ok<T> = { ok: true; value: T };
export type Err<C extends string = ErrorCode> = { ok: false; code: C; detail?: Record<string, string | number> };
export type Result<T, C extends string = ErrorCode> = Ok<T> | Err<C>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <C extends string>(code: C, detail?: Record<string, string | number>): Err<C> =>
  detail ? { ok: false, code, detail } : { ok: false, code };
