// The console API's authorisation matrix, over real HTTP: every route the running app serves
// (read from its router, so a new endpoint cannot escape) × role (administrator, coordinator,
// station staff, viewer) × a need in / out of scope × no session, expired (idle and absolute),
// revoked and forged cookies, missing or forged CSRF tokens and cross-origin requests.
// Counted: unauthorised successes (must be 0). Then bad input on every route: 400 with field
// errors in zh and en, never a 500; bodies over the limit: 413.
import { nameColumns } from '@baiying/db';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { AppConfig } from '@baiying/config';
import { startApi } from '../../../apps/api/src/bootstrap.js';
import { coordinatorOf } from '../../support/factories.js';
import { routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';
import { http, routesOf, sessionRow, type Caller } from './console-support.js';

type Role = 'admin' | 'coordinator' | 'staff' | 'viewer';
const ROLES: Role[] = ['admin', 'coordinator', 'staff', 'viewer'];

/** Routes anyone may call (the login steps and the probe); each is tested on its own. */
const PUBLIC = new Set([
  'GET /healthz',
  'POST /api/v1/auth/login-codes',
  'GET /api/v1/auth/login-codes/current',
  'GET /api/v1/auth/link/:token',
  'GET /api/v1/auth/demo/personas',
  'POST /api/v1/auth/demo/login',
  // The link or token is the permission (signed and expiring; hashed and revocable): tested in exports.test.ts.
  'GET /api/v1/exports/download/:token',
  'GET /api/v1/pull/:token',
  // The public 公示 page and its score form (tests/integration/publicity).
  'GET /gongshi/:unit/:month',
  'GET /gongshi/:unit/:month/:version',
  'POST /gongshi/:unit/:month/score',
]);

/** Swagger's own routes (the document and the reference page's files). */
const isDocs = (path: string): boolean => path.startsWith('/api/docs') || path === '/api/openapi.json';

interface Ctx {
  /** A need this principal may read (or null), and one it may not. */
  inScope: string | null;
  outOfScope: string;
  /** Another live session of the same person, and one of someone else. */
  ownOther: string;
  foreign: string;
  /** An export and a pull token of this person, and of someone else. */
  ownExport: string;
  foreignExport: string;
  ownToken: string;
  foreignToken: string;
  /** A fresh draft snapshot of S-XF (every role below reads it), and one of S-XS. */
  snapshot: string;
  foreignSnapshot: string;
}

interface Case {
  path: (c: Ctx) => string;
  body?: unknown;
  /** Who may succeed, given the need/session the path names is in scope or not. */
  allowed: (role: Role, inScope: boolean) => boolean;
  /** Whether this route names something scoped (an out-of-scope variant is tried). */
  scoped: boolean;
}

/** The policy: every authenticated /api/v1 route must be here, or the suite fails. */
const CASES: Record<string, Case> = {
  'GET /api/v1/auth/me': { path: () => '/api/v1/auth/me', allowed: () => true, scoped: false },
  'GET /api/v1/auth/sessions': { path: () => '/api/v1/auth/sessions', allowed: () => true, scoped: false },
  'DELETE /api/v1/auth/sessions/:id': { path: (c) => `/api/v1/auth/sessions/${c.ownOther}`, allowed: (_r, s) => s, scoped: true },
  'POST /api/v1/auth/logout': { path: () => '/api/v1/auth/logout', body: {}, allowed: () => true, scoped: false },
  'GET /api/v1/needs': { path: () => '/api/v1/needs', allowed: () => true, scoped: false },
  'GET /api/v1/needs/:id': { path: (c) => `/api/v1/needs/${c.inScope}`, allowed: (_r, s) => s, scoped: true },
  'POST /api/v1/needs/:id/reveal': {
    path: (c) => `/api/v1/needs/${c.inScope}/reveal`,
    body: { reason: 'contact_resident' },
    allowed: (r, s) => s && r !== 'viewer',
    scoped: true,
  },
  'GET /api/v1/audit': { path: () => '/api/v1/audit', allowed: (r) => r === 'admin' || r === 'coordinator', scoped: false },
  // Dashboard figures: every console role, over its own scope (a unit outside it: 404, tested in
  // tests/integration/reports).
  'GET /api/v1/reports/overview': { path: () => '/api/v1/reports/overview', allowed: () => true, scoped: false },
  'GET /api/v1/reports/charts': { path: () => '/api/v1/reports/charts', allowed: () => true, scoped: false },
  'GET /api/v1/publicity/snapshots': { path: () => '/api/v1/publicity/snapshots', allowed: () => true, scoped: false },
  'GET /api/v1/publicity/snapshots/:id': { path: (c) => `/api/v1/publicity/snapshots/${c.snapshot}`, allowed: (_r, s) => s, scoped: true },
  'POST /api/v1/publicity/snapshots/:id/publish': {
    path: (c) => `/api/v1/publicity/snapshots/${c.snapshot}/publish`,
    body: {},
    allowed: (r, s) => s && (r === 'admin' || r === 'coordinator'),
    scoped: true,
  },
  'POST /api/v1/publicity/snapshots/:id/corrections': {
    path: (c) => `/api/v1/publicity/snapshots/${c.snapshot}/corrections`,
    body: { summary: '补充原因', items: [{ code: 'N-20000101-0001', reason: '场地维修中' }] },
    allowed: (r, s) => s && (r === 'admin' || r === 'coordinator'),
    scoped: true,
  },
  'POST /api/v1/exports': { path: () => '/api/v1/exports', body: { kind: 'needs', format: 'csv' }, allowed: () => true, scoped: false },
  'GET /api/v1/exports': { path: () => '/api/v1/exports', allowed: () => true, scoped: false },
  'GET /api/v1/exports/:id': { path: (c) => `/api/v1/exports/${c.ownExport}`, allowed: (_r, s) => s, scoped: true },
  'POST /api/v1/export-tokens': {
    path: () => '/api/v1/export-tokens',
    body: { kind: 'needs', label: 'matrix' },
    allowed: (r) => r === 'admin' || r === 'coordinator',
    scoped: false,
  },
  'GET /api/v1/export-tokens': { path: () => '/api/v1/export-tokens', allowed: (r) => r === 'admin' || r === 'coordinator', scoped: false },
  'DELETE /api/v1/export-tokens/:id': {
    path: (c) => `/api/v1/export-tokens/${c.ownToken}`,
    allowed: (r, s) => s && (r === 'admin' || r === 'coordinator'),
    scoped: true,
  },
};

const outOfScopePath = (key: string, c: Ctx): string => {
  if (key === 'DELETE /api/v1/auth/sessions/:id') return `/api/v1/auth/sessions/${c.foreign}`;
  if (key.startsWith('GET /api/v1/publicity/snapshots/:id')) return `/api/v1/publicity/snapshots/${c.foreignSnapshot}`;
  if (key.startsWith('POST /api/v1/publicity/snapshots/:id/')) return `/api/v1/publicity/snapshots/${c.foreignSnapshot}/${key.split('/').pop()!}`;
  if (key === 'GET /api/v1/needs/:id') return `/api/v1/needs/${c.outOfScope}`;
  if (key === 'GET /api/v1/exports/:id') return `/api/v1/exports/${c.foreignExport}`;
  if (key === 'DELETE /api/v1/export-tokens/:id') return `/api/v1/export-tokens/${c.foreignToken}`;
  return `/api/v1/needs/${c.outOfScope}/reveal`;
};

describe('Console API authorisation matrix and bad input', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let api: INestApplication;
  let base = '';
  let origin = '';
  const people = {} as Record<Role, string>;
  const needs = { xf: '', xs: '', xfCode: '', xsCode: '' };
  let stranger = '';
  let months = 0;

  /** A draft snapshot of a unit for a month nobody used yet (one unfulfilled item to correct). */
  async function draftSnapshot(unitCode: string): Promise<string> {
    const u = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: unitCode } });
    const n = months++;
    const month = `${2000 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
    const item = {
      code: 'N-20000101-0001',
      station: u.name,
      stationEn: u.name,
      category: 'elderly',
      beneficiary: 'elderly',
      promised: '2000-02-01',
      reason: null,
      steps: null,
    };
    const data = {
      unit: { code: u.code, name: u.name, nameEn: u.name, tier: u.tier },
      month,
      timeZone: 'Asia/Shanghai',
      categories: [],
      needs: { total: 0, byCategory: [], byStation: [], items: [] },
      services: [],
      resources: { teams: [], talents: [], venuesRecorded: false },
      fulfilment: { fulfilled: [], unfulfilled: [item] },
    };
    return (await h.prisma.publicitySnapshot.create({ data: { orgUnitId: u.id, month, version: 1, data } })).id;
  }

  async function grant(role: string, unit: string, name: string): Promise<string> {
    const u = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: unit } });
    const p = await h.prisma.person.create({ data: { ...nameColumns(h.cipher, name), roles: { create: { role, orgUnitId: u.id } } } });
    return p.id;
  }

  beforeAll(async () => {
    config = testConfig({ API_PORT: '0', CONSOLE_SESSION_IDLE_MINUTES: '30', OUTBOX_POLL_MS: '100' });
    h = deskHarness(config, 5);
    await resetDatabase(h.prisma, h.cipher);
    people.admin = (await h.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: 'demo-coord-county' } })).personId;
    people.coordinator = (await coordinatorOf(h, 'I-DH', { name: '冯主任' })).personId;
    people.staff = await grant('staff', 'S-XF', '幸福站员');
    people.viewer = await grant('viewer', 'I-DH', '考核员');
    stranger = (await coordinatorOf(h, 'I-XS', { name: '西山主任' })).personId;
    const xf = await routedNeed(h, 'res-matrix-xf', {
      teamCode: 'S-XF-ELDER',
      phone: '13912345678',
      address: '幸福小区3栋2单元501',
      description: '腿脚不便，需要上门理发',
    });
    const xs = await routedNeed(h, 'res-matrix-xs', { teamCode: 'S-XS-EDU', category: 'education', phone: '13987654321', address: '西山社区8栋' });
    Object.assign(needs, { xf: xf.id, xs: xs.id, xfCode: xf.code, xsCode: xs.code });
    api = await startApi(config);
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    origin = base;
  }, 90_000);

  afterAll(async () => {
    await api?.close();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('classifies every route the app serves, and documents every /api/v1 route in /api/openapi.json', async () => {
    const served = routesOf(api).map((r) => `${r.method} ${r.path}`);
    const v1 = served.filter((k) => k.split(' ')[1]!.startsWith('/api/v1'));
    expect(v1.length).toBeGreaterThanOrEqual(Object.keys(CASES).length);
    const unclassified = served.filter((k) => !PUBLIC.has(k) && !CASES[k] && !isDocs(k.split(' ')[1]!));
    expect(unclassified).toEqual([]);
    const doc = (await http(base, 'GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`));
    for (const k of v1) expect(documented).toContain(k);
    expect((await http(base, 'GET', '/api/docs/')).status).toBe(200);
    // Answered by the platform's middleware before any route or guard, without a session.
    expect((await http(base, 'GET', '/health/live')).status).toBe(200);
    expect((await http(base, 'GET', '/health/ready')).status).toBe(200);
    expect((await http(base, 'GET', '/metrics')).status).toBe(200);
  });

  it('allows no unauthorised success (role × scope × session × CSRF)', async () => {
    const served = routesOf(api)
      .map((r) => `${r.method} ${r.path}`)
      .filter((k) => CASES[k]);
    let attempts = 0;
    let unauthorisedSuccesses = 0;
    const mismatches: string[] = [];
    const expectStatus = (what: string, got: number, want: number | number[]) => {
      attempts++;
      const ok = Array.isArray(want) ? want.includes(got) : got === want;
      if (!ok) mismatches.push(`${what}: ${got}, expected ${String(want)}`);
    };
    for (const key of served) {
      const c = CASES[key]!;
      const method = key.split(' ')[0]!;
      const safe = method === 'GET';
      for (const role of ROLES) {
        const pid = people[role];
        const scoped = async (): Promise<Ctx> => ({
          inScope: needs.xf,
          // The administrator's scope is the whole county: out of scope is a need that does not exist.
          outOfScope: role === 'admin' ? randomUUID() : needs.xs,
          ownOther: (await sessionRow(h.prisma, pid)).id,
          foreign: (await sessionRow(h.prisma, stranger)).id,
          ownExport: (await h.prisma.exportJob.create({ data: { personId: pid, kind: 'needs', format: 'csv' } })).id,
          foreignExport: (await h.prisma.exportJob.create({ data: { personId: stranger, kind: 'needs', format: 'csv' } })).id,
          ownToken: (await h.prisma.exportToken.create({ data: { personId: pid, tokenHash: randomUUID(), label: 'own', kind: 'needs' } })).id,
          foreignToken: (await h.prisma.exportToken.create({ data: { personId: stranger, tokenHash: randomUUID(), label: 'theirs', kind: 'needs' } })).id,
          snapshot: await draftSnapshot('S-XF'),
          foreignSnapshot: role === 'admin' ? randomUUID() : await draftSnapshot('S-XS'),
        });
        const call = async (caller: Caller, path: string) => http(base, method, path, { ...caller, headers: { origin, ...(caller.headers ?? {}) } }, c.body);
        const variants: Array<[string, (s: Awaited<ReturnType<typeof sessionRow>>) => Caller, boolean]> = [
          ['valid', (s) => ({ cookie: s.cookie, csrf: s.csrf }), true],
          ['no session', () => ({}), false],
          ['forged cookie', (s) => ({ cookie: `baiying_console=${'A'.repeat(43)}`, csrf: s.csrf }), false],
          ['chat cookie name', (s) => ({ cookie: s.cookie.replace('baiying_console', 'baiying_chat'), csrf: s.csrf }), false],
        ];
        if (!safe) {
          variants.push(['missing CSRF', (s) => ({ cookie: s.cookie }), false]);
          variants.push(['forged CSRF', (s) => ({ cookie: s.cookie, csrf: `${s.csrf.slice(0, -2)}xx` }), false]);
          variants.push(['cross-origin', (s) => ({ cookie: s.cookie, csrf: s.csrf, headers: { origin: 'http://evil.example' } }), false]);
        }
        for (const [name, make, authorised] of variants) {
          for (const inScope of c.scoped ? [true, false] : [true]) {
            const ctx = await scoped();
            const s = await sessionRow(h.prisma, pid);
            const path = inScope ? c.path(ctx) : outOfScopePath(key, ctx);
            const r = await call(make(s), path);
            const mayPass = authorised && c.allowed(role, inScope);
            if (r.status < 300 && !mayPass) unauthorisedSuccesses++;
            const what = `${key} ${role} ${name} ${inScope ? 'in' : 'out'}`;
            if (name === 'no session' || name === 'forged cookie' || name === 'chat cookie name') expectStatus(what, r.status, 401);
            else if (!authorised) expectStatus(what, r.status, 403);
            else if (mayPass) expectStatus(what, r.status, [200, 201]);
            else expectStatus(what, r.status, inScope ? 403 : 404);
          }
        }
        // Dead sessions: idle past the timeout, past the absolute lifetime, revoked.
        const dead = [
          await sessionRow(h.prisma, pid, { lastSeenAt: new Date(Date.now() - 31 * 60_000) }),
          await sessionRow(h.prisma, pid, { expiresAt: new Date(Date.now() - 1000) }),
          await sessionRow(h.prisma, pid, { revokedAt: new Date() }),
        ];
        for (const s of dead) {
          const r = await call({ cookie: s.cookie, csrf: s.csrf }, c.path(await scoped()));
          if (r.status < 300) unauthorisedSuccesses++;
          expectStatus(`${key} ${role} dead session`, r.status, 401);
        }
      }
    }
    // A person whose role was withdrawn: their live session opens nothing.
    const former = await coordinatorOf(h, 'S-HP', { name: '卸任' });
    const s = await sessionRow(h.prisma, former.personId);
    await h.prisma.roleAssignment.deleteMany({ where: { personId: former.personId } });
    const r = await http(base, 'GET', '/api/v1/needs', { cookie: s.cookie });
    if (r.status < 300) unauthorisedSuccesses++;
    expectStatus('withdrawn role', r.status, 401);

    expect(mismatches).toEqual([]);
    expect(unauthorisedSuccesses).toBe(0);
    expect(attempts).toBeGreaterThan(300);
    console.log(`authorisation matrix: ${attempts} requests, ${unauthorisedSuccesses} unauthorised successes`);
  }, 240_000);

  it('lists only needs in scope, masked; reveals with a reason and audits it; keyset pages', async () => {
    const staff = await sessionRow(h.prisma, people.staff);
    const list = (await http(base, 'GET', '/api/v1/needs', staff)).body as { items: Array<{ code: string; phone: string; address: string }> };
    expect(list.items.map((i) => i.code)).toEqual([needs.xfCode]);
    expect(list.items[0]!.phone).toBe('139****5678');
    expect(list.items[0]!.address).toBe('幸福小区***');
    expect(JSON.stringify(list)).not.toContain('501');
    const detail = (await http(base, 'GET', `/api/v1/needs/${needs.xf}`, staff)).body as { timeline: Array<{ kind: string }>; description: unknown };
    expect(detail.description).toBeNull();
    expect(detail.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['submitted', 'route', 'dispatched']));
    const revealed = await http(base, 'POST', `/api/v1/needs/${needs.xf}/reveal`, { ...staff, headers: { origin } }, { reason: 'contact_resident' });
    expect(revealed.body).toEqual({ phone: '13912345678', address: '幸福小区3栋2单元501', description: '腿脚不便，需要上门理发' });
    const audit = await h.prisma.auditLog.findFirstOrThrow({ where: { action: 'reveal', needId: needs.xf, actorId: people.staff } });
    expect(audit.reason).toBe('contact_resident');
    // The coordinator of the unit above reads that entry; the other institute's coordinator does not.
    const coord = await sessionRow(h.prisma, people.coordinator);
    const mine = (await http(base, 'GET', '/api/v1/audit?action=reveal', coord)).body as { items: Array<{ needId: string }> };
    expect(mine.items.map((i) => i.needId)).toContain(needs.xf);
    const other = await sessionRow(h.prisma, stranger);
    const theirs = (await http(base, 'GET', '/api/v1/audit?action=reveal', other)).body as { items: Array<{ needId: string }> };
    expect(theirs.items.map((i) => i.needId)).not.toContain(needs.xf);
    // Keyset pages: the administrator sees both needs, one per page, then no cursor.
    const admin = await sessionRow(h.prisma, people.admin);
    const p1 = (await http(base, 'GET', '/api/v1/needs?limit=1', admin)).body as { items: Array<{ code: string }>; nextCursor: string };
    const p2 = (await http(base, 'GET', `/api/v1/needs?limit=1&cursor=${p1.nextCursor}`, admin)).body as {
      items: Array<{ code: string }>;
      nextCursor: string | null;
    };
    expect([...p1.items, ...p2.items].map((i) => i.code).sort()).toEqual([needs.xfCode, needs.xsCode].sort());
    expect(p2.nextCursor).toBeNull();
    const filtered = (await http(base, 'GET', `/api/v1/needs?unit=I-XS&status=dispatched,submitted&q=${needs.xsCode.slice(-4)}`, admin)).body as {
      items: Array<{ code: string }>;
    };
    expect(filtered.items.map((i) => i.code)).toEqual([needs.xsCode]);
  });

  it('answers bad input on every route with 400 and field errors in zh and en, never 500; 413 beyond the body limit', async () => {
    const admin = await sessionRow(h.prisma, people.admin);
    const caller = { cookie: admin.cookie, csrf: admin.csrf, headers: { origin } };
    const bad: Array<[string, string, unknown]> = [
      ['GET', '/api/v1/needs?limit=abc', undefined],
      ['GET', '/api/v1/needs?status=nonsense', undefined],
      ['GET', '/api/v1/needs?from=2026-13', undefined],
      ['GET', '/api/v1/needs?hack=1', undefined],
      ['GET', '/api/v1/needs?cursor=%00%00', undefined],
      ['GET', '/api/v1/needs?q=%27%20OR%201%3D1', undefined],
      ['GET', '/api/v1/needs/not-a-uuid', undefined],
      ['POST', `/api/v1/needs/${needs.xf}/reveal`, {}],
      ['POST', `/api/v1/needs/${needs.xf}/reveal`, { reason: 'curiosity' }],
      ['POST', `/api/v1/needs/${needs.xf}/reveal`, { reason: 'other' }],
      ['POST', `/api/v1/needs/${needs.xf}/reveal`, { reason: 'complaint', extra: true }],
      ['POST', `/api/v1/needs/${needs.xf}/reveal`, '[1,2,3]'],
      ['POST', `/api/v1/needs/${needs.xf}/reveal`, '{"reason":'],
      ['POST', '/api/v1/needs/not-a-uuid/reveal', { reason: 'complaint' }],
      ['GET', '/api/v1/audit?action=drop', undefined],
      ['GET', '/api/v1/audit?actor=1', undefined],
      ['GET', '/api/v1/audit?limit=100000', undefined],
      ['GET', '/api/v1/reports/overview?period=decade', undefined],
      ['GET', '/api/v1/reports/charts?from=2026-03-01&to=2026-01-01', undefined],
      ['DELETE', '/api/v1/auth/sessions/not-a-uuid', undefined],
      ['POST', '/api/v1/auth/demo/login', { persona: '../../etc' }],
      ['POST', '/api/v1/auth/demo/login', { persona: 'demo-coord-dh', as: 'admin' }],
      ['POST', '/api/v1/auth/login-codes', { personId: randomUUID() }],
      ['GET', '/api/v1/auth/link/short', undefined],
      ['GET', '/api/v1/publicity/snapshots?month=2026-13', undefined],
      ['GET', '/api/v1/publicity/snapshots?extra=1', undefined],
      ['GET', '/api/v1/publicity/snapshots/not-a-uuid', undefined],
      ['POST', `/api/v1/publicity/snapshots/${randomUUID()}/publish`, { force: true }],
      ['POST', `/api/v1/publicity/snapshots/${randomUUID()}/corrections`, {}],
      ['POST', `/api/v1/publicity/snapshots/${randomUUID()}/corrections`, { summary: 'x', items: [{ code: 'N-1', reason: 'y'.repeat(201) }] }],
    ];
    for (const [method, path, body] of bad) {
      const r = await http(base, method, path, caller, body);
      expect({ path, body, status: r.status }).toEqual({ path, body, status: 400 });
      const b = r.body as { message?: string; messageEn?: string; fields?: Array<{ field: string; message: string; messageEn: string }> };
      if (b.fields) {
        expect(b.fields.length).toBeGreaterThan(0);
        for (const f of b.fields) {
          expect(f.message).toMatch(/[\u4e00-\u9fff]/);
          expect(f.messageEn).toMatch(/[a-z]/);
        }
      } else {
        // Malformed JSON is refused by the body parser before any route: still a 400.
        expect(path).toContain('/reveal');
      }
    }
    const big = JSON.stringify({ reason: 'other', note: 'x'.repeat(40_000) });
    expect((await http(base, 'POST', `/api/v1/needs/${needs.xf}/reveal`, caller, big)).status).toBe(413);
    expect((await http(base, 'POST', '/api/v1/auth/login-codes', { headers: { origin } }, big)).status).toBe(413);
  });

  it('checks the Host header and sends a strict CSP', async () => {
    const r = await fetch(`${base}/api/v1/auth/me`);
    expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
    const { request } = await import('node:http');
    const url = new URL(base);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: '/api/v1/auth/me', setHost: false, headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('offers no persona login outside demo mode', async () => {
    const plain = await startApi({ ...config, api: { ...config.api, demo: false } });
    try {
      const url = (await plain.getUrl()).replace('[::1]', '127.0.0.1');
      expect((await http(url, 'GET', '/api/v1/auth/demo/personas')).status).toBe(404);
      const r = await http(url, 'POST', '/api/v1/auth/demo/login', { headers: { origin: url } }, { persona: 'demo-coord-county' });
      expect(r.status).toBe(404);
      expect(r.setCookie).toBe('');
    } finally {
      await plain.close();
    }
  });
});
