// Fuzz: every route of the console API (read from the running app's router, so a new one is
// included) gets random query strings, path parameters and bodies from a logged-in county
// administrator with a valid CSRF token: the answer is never a 5xx. Over real HTTP on the run's
// database; FUZZ_E2E_RUNS inputs in all (500 in npm test).
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import fc from 'fast-check';
import { startApi } from '../../apps/api/src/bootstrap.js';
import { http, routesOf, sessionRow } from '../integration/api/console-support.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../support/test-env.js';
import { E2E_TIMEOUT_MS, FUZZ_E2E_RUNS, nastyText } from './fuzz-support.js';

const KEYS = [
  'status',
  'category',
  'unit',
  'station',
  'urgency',
  'from',
  'to',
  'q',
  'cursor',
  'limit',
  'action',
  'actor',
  'need',
  'reason',
  'note',
  'persona',
  'x',
];

describe(`fuzz: console API (${FUZZ_E2E_RUNS} requests over every route)`, () => {
  let config: AppConfig;
  let h: DeskHarness;
  let api: INestApplication;
  let base = '';

  beforeAll(async () => {
    config = testConfig({ API_PORT: '0' });
    h = deskHarness(config, 3);
    await resetDatabase(h.prisma, h.cipher);
    api = await startApi(config);
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  }, 60_000);

  afterAll(async () => {
    await api?.close();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it(
    'never answers 5xx',
    async () => {
      const admin = (await h.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'demo-coord-county' } })).personId;
      const routes = routesOf(api).filter((r) => r.path.startsWith('/api/v1'));
      expect(routes.length).toBeGreaterThanOrEqual(13);
      const value = fc.oneof(
        nastyText(60),
        fc.uuid(),
        fc.integer().map(String),
        fc.constantFrom('2026-12-06', '2026-02-30', 'dispatched,taken', 'other', '', '%'),
      );
      const json = fc.oneof(
        fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }))),
        fc.jsonValue({ maxDepth: 3 }),
      );
      const input = fc.record({
        route: fc.constantFrom(...routes),
        param: value,
        query: fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 4 }),
        body: fc.option(
          fc.oneof(
            json.map((j) => JSON.stringify(j)),
            nastyText(80),
          ),
          { nil: undefined },
        ),
      });
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(input, async ({ route, param, query, body }) => {
          const s = await sessionRow(h.prisma, admin);
          const path = route.path.replace(/:\w+/g, encodeURIComponent(Buffer.from(param).toString()));
          const qs = new URLSearchParams(query).toString();
          const r = await http(
            base,
            route.method,
            `${path}${qs ? `?${qs}` : ''}`,
            { cookie: s.cookie, csrf: s.csrf, headers: { origin: base } },
            route.method === 'GET' ? undefined : body,
          );
          statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
          expect({ route: `${route.method} ${route.path}`, status: r.status < 500 }).toEqual({ route: `${route.method} ${route.path}`, status: true });
        }),
        { numRuns: FUZZ_E2E_RUNS },
      );
      // Both sides are reached: some requests succeed, some are refused as bad input.
      expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
      expect([...statuses.keys()].some((k) => k < 300)).toBe(true);
    },
    E2E_TIMEOUT_MS,
  );
});
