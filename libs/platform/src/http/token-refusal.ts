// How the HTTP edges answer a refused bearer token: 401 for a wrong or expired one, 429 with
// Retry-After while the client (or everyone) is locked out after too many wrong ones.
import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { httpStatusOf, type Err } from '@baiying/domain';
import { en, zh } from '@baiying/i18n';

type TokenRefusal = 'token/invalid' | 'token/expired' | 'token/locked';

/** A lockout: 429, and when to come back. */
export class LockedOutException extends HttpException {
  constructor(
    body: Record<string, unknown>,
    readonly retryAfterSeconds: number,
  ) {
    super(body, 429);
  }
}

@Catch(LockedOutException)
export class LockedOutFilter implements ExceptionFilter {
  catch(e: LockedOutException, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().status(429).setHeader('Retry-After', String(e.retryAfterSeconds)).json(e.getResponse());
  }
}

/** The exception for a refused token, with the code and both languages' text. */
export function tokenRefusal(r: Err<TokenRefusal>): HttpException {
  const params = r.detail ?? {};
  const body = { error: r.code, message: zh(r.code, params), messageEn: en(r.code, params) };
  if (r.code === 'token/locked') return new LockedOutException(body, Number(params.retryAfter ?? 1));
  return new HttpException(body, httpStatusOf(r.code));
}
