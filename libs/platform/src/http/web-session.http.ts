// The HTTP side of web sessions: the cookie (HttpOnly, SameSite=Lax, Secure and __Host- when the
// desk is served over https), the CSRF header checked on every state-changing call, and the
// Origin check (a browser's cross-site POST is refused even before the CSRF token is).
import { timingSafeEqual } from 'node:crypto';
import { ForbiddenException, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';

export const CSRF_HEADER = 'x-csrf-token';

export class SessionCookie {
  readonly name: string;

  constructor(
    private readonly secure: boolean,
    base: string,
  ) {
    // __Host-: the browser accepts it only Secure, from this host, for path / (no subdomain can set it).
    this.name = secure ? `__Host-${base}` : base;
  }

  read(req: Request): string | undefined {
    for (const part of (req.headers.cookie ?? '').split(';')) {
      const i = part.indexOf('=');
      if (i > 0 && part.slice(0, i).trim() === this.name) return part.slice(i + 1).trim();
    }
    return undefined;
  }

  write(res: Response, token: string, expiresAt: Date): void {
    const attrs = [`${this.name}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Expires=${expiresAt.toUTCString()}`];
    if (this.secure) attrs.push('Secure');
    res.append('Set-Cookie', attrs.join('; '));
  }

  clear(res: Response): void {
    const attrs = [`${this.name}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0'];
    if (this.secure) attrs.push('Secure');
    res.append('Set-Cookie', attrs.join('; '));
  }
}

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** A state-changing call must come from this desk's own page: same origin and the session's CSRF token. */
export function checkCsrf(req: Request, csrf: string): void {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    let originHost: string | null;
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      originHost = null;
    }
    if (!originHost || originHost !== req.headers.host?.toLowerCase()) throw new ForbiddenException('cross-origin request refused');
  }
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !same(sent, csrf)) throw new ForbiddenException('missing or wrong CSRF token');
}

export const noSession = (what = 'no web chat session: reload the page'): UnauthorizedException => new UnauthorizedException(what);
