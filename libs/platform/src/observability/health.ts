// Liveness and readiness (@nestjs/terminus). Live: the process answers. Ready: PostgreSQL and
// Redis answer, and every check the app registered (its queue workers, its chat connections)
// passes; a non-critical check (a WeChat account waiting for its QR scan) is shown as degraded
// and does not take the process out of service.
import { Inject, Injectable } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult, type HealthIndicatorResult } from '@nestjs/terminus';
import type { PrismaClient } from '@baiying/db';
import { JobProducer } from '@baiying/queue';
import { PRISMA } from '../tokens.js';

/** How long one dependency may take to answer a readiness check. */
const CHECK_TIMEOUT_MS = 2000;

export interface ReadinessCheck {
  /** `up`: fine; `down`: not ready (critical) or degraded (not critical). Details: states, never personal data. */
  check(): Promise<{ up: boolean; details?: Record<string, string | number | boolean> }>;
  critical: boolean;
}

@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();

  /** Apps add their own readiness checks (queue workers running, chat connections). */
  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  entries(): Array<[string, ReadinessCheck]> {
    return [...this.checks];
  }
}

@Injectable()
export class HealthProbes {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly registry: HealthRegistry,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly producer: JobProducer,
  ) {}

  /** The answer to GET /health/live: the process runs and its event loop turns. */
  async live(): Promise<{ status: number; body: HealthCheckResult }> {
    return this.run([async () => this.indicator.check('process').up({ uptimeSeconds: Math.round(process.uptime()) })]);
  }

  /** The answer to GET /health/ready: 503 while PostgreSQL, Redis or a critical check is down. */
  async ready(): Promise<{ status: number; body: HealthCheckResult }> {
    const checks: Array<() => PromiseLike<HealthIndicatorResult>> = [
      () =>
        this.indicator
          .check('postgresql')
          .attempt(async () => {
            await this.prisma.$queryRawUnsafe('SELECT 1');
          })
          .withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicator
          .check('redis')
          .attempt(async () => {
            // A closed client never answers. One still connecting (just after start-up) or
            // reconnecting queues the PING until it is ready; the timeout bounds that wait, so a
            // slow first connection is not reported as Redis being down.
            const status = this.producer.connection.status;
            if (status === 'end' || status === 'close') throw new Error(`connection ${status}`);
            await this.producer.connection.ping();
          })
          .withTimeout(CHECK_TIMEOUT_MS),
      ...this.registry.entries().map(([name, c]) => async () => {
        const r = await c.check().catch((e: Error) => ({ up: false, details: { error: e.message.slice(0, 120) } }));
        const s = this.indicator.check(name);
        return r.up ? s.up(r.details ?? {}) : c.critical ? s.down(r.details ?? {}) : s.degraded(r.details ?? {});
      }),
    ];
    return this.run(checks);
  }

  private async run(checks: Array<() => PromiseLike<HealthIndicatorResult>>): Promise<{ status: number; body: HealthCheckResult }> {
    try {
      return { status: 200, body: await this.health.check(checks) };
    } catch (e) {
      const body = e && typeof e === 'object' && 'getResponse' in e && typeof e.getResponse === 'function' ? (e.getResponse() as HealthCheckResult) : null;
      if (body) return { status: 503, body };
      throw e;
    }
  }
}
