// Every HTTP request of every process passes here first (after the Host check): /metrics and
// /health/* are answered here, outside the apps' routes and guards; anything else continues with
// its request id as the correlation id of everything it logs.
import { timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '@baiying/config';
import { APP_CONFIG } from '../tokens.js';
import { withCorrelation } from './correlation.js';
import { HealthProbes } from './health.js';
import { requestId } from './logging.js';
import { OpsMetrics } from './metrics.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Who may read /metrics: with METRICS_TOKEN, whoever sends it as a bearer token (401 otherwise);
 * without, callers on this machine only (403 otherwise). `clientAddress` is Express's `req.ip`:
 * the peer, or the address a reverse proxy on loopback forwarded (`trust proxy` is loopback), so
 * a request relayed from outside by a local proxy is not taken for a local one.
 */
export function metricsAccess(token: string | undefined, authorization: string | undefined, clientAddress: string | undefined): 200 | 401 | 403 {
  if (token) {
    const m = /^Bearer (\S+)$/.exec(authorization ?? '');
    const given = Buffer.from(m?.[1] ?? '');
    const want = Buffer.from(token);
    return given.length === want.length && timingSafeEqual(given, want) ? 200 : 401;
  }
  return clientAddress !== undefined && LOOPBACK.has(clientAddress) ? 200 : 403;
}

@Injectable()
export class OpsMiddleware implements NestMiddleware {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: OpsMetrics,
    private readonly probes: HealthProbes,
  ) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const path = req.path;
    if (req.method === 'GET' && (path === '/metrics' || path === '/health/live' || path === '/health/ready')) {
      void this.answer(path, req, res).catch(next);
      return;
    }
    const id = requestId(req);
    res.setHeader('X-Request-Id', id);
    withCorrelation(`http:${id}`, next);
  }

  private async answer(path: string, req: Request, res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (path === '/metrics') {
      const access = metricsAccess(this.config.ops.metricsToken, req.headers.authorization, req.ip);
      if (access === 401) res.setHeader('WWW-Authenticate', 'Bearer');
      if (access !== 200) {
        res
          .status(access)
          .type('text/plain')
          .send(access === 401 ? 'Unauthorized\n' : 'Forbidden: metrics answer loopback callers only (or set METRICS_TOKEN)\n');
        return;
      }
      res.type(this.metrics.registry.contentType).send(await this.metrics.registry.metrics());
      return;
    }
    const r = path === '/health/live' ? await this.probes.live() : await this.probes.ready();
    res.status(r.status).json(r.body);
  }
}
