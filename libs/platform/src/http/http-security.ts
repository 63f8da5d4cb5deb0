// What every HTTP response of the bot app gets, before any route: the Host check (a page or an
// API reached under a name the desk does not own is refused — DNS rebinding cannot aim a
// browser at a desk on loopback or an intranet) and restrictive security headers. The web chat
// page overrides the Content-Security-Policy with its own (its inline script and style by hash).
import type { NextFunction, Request, Response } from 'express';

/** For JSON and everything that is not the page: nothing may be loaded or framed. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The host name of a Host header (port and IPv6 brackets kept apart), lower case. */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::\d{1,5})?$/.exec(header.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/** Paths a load balancer, an orchestrator or Prometheus reaches by address: no data, no cookies (/metrics has its own access rule). */
const PROBES = new Set(['/healthz', '/health/live', '/health/ready', '/metrics']);

export function httpSecurity(allowedHosts: readonly string[]) {
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  return (req: Request, res: Response, next: NextFunction): void => {
    res.setHeader('Content-Security-Policy', API_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    const host = hostName(req.headers.host);
    if (!PROBES.has(req.path) && (!host || !allowed.has(host))) {
      res.status(421).type('text/plain').send('Misdirected request: this desk does not answer to that host name.\n');
      return;
    }
    next();
  };
}
