// The console API's authorisation matrix, over real HTTP: every route the running app serves
// (read from its router, so a new endpoint cannot escape) × role (administrator, coordinator,
// station staff, viewer) × a need in / out of scope × no session, expired (idle and absolute),
// revoked and forged cookies, missing or forged CSRF tokens and cross-origin requests.
// Counted: unauthorised successes (must be 0). Then bad input on every route: 400 with field
// errors in zh and en, never a 500; bodies over the limit: 413.
import { nameColumns } from '@baiying/db';
import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { appRoutes } from '@bull-board/api/dist/routes.js';
import { Worker, type ConnectionOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { QueueName } from '@baiying/queue';
import type { AppConfig } from '@baiying/config';
import { startApi } from '../../../apps/api/src/bootstrap.js';
import { isOfferedMutation, QUEUE_BOARD_PATH } from '../../../apps/api/src/ops/queue-board.js';
import type { ActorRow } from '@baiying/db';
import { callDraft, coordinatorOf, createCall, volunteerOf } from '../../support/factories.js';
import { doneBy, routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';
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
  // The login page's live stream (the pre-session is the permission): tests/integration/api/console-live.test.ts.
  'GET /api/v1/auth/login-codes/current/events',
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
  /** A need an action may use up: fresh for an attempt that may succeed (done, for verify), else the shared one. */
  actionNeed: string;
  outOfScope: string;
  /** Another live session of the same person, and one of someone else. */
  ownOther: string;
  foreign: string;
  /** An export and a pull token of this person, and of someone else. */
  ownExport: string;
  foreignExport: string;
  ownToken: string;
  foreignToken: string;
  /** A saved needs-list filter of this person, and one of someone else. */
  ownFilter: string;
  foreignFilter: string;
  /** A fresh draft snapshot of S-XF (every role below reads it), and one of S-XS. */
  snapshot: string;
  foreignSnapshot: string;
  /** Office pages: a volunteer, a fresh pending membership, a team and an institute of S-XF/I-DH, and of S-XS/I-XS. */
  volunteer: string;
  foreignVolunteer: string;
  membership: string;
  foreignMembership: string;
  team: string;
  foreignTeam: string;
  institute: string;
  foreignInstitute: string;
  station: string;
  /** Settings: a fresh unused category, station and team each attempt at a delete may use up. */
  spareCategory: string;
  spareUnit: string;
  spareTeam: string;
  /** A fresh open call of 东湖镇 (made by its coordinator), and one of 西山 (or none). */
  call: string;
  foreignCall: string;
}

interface Case {
  path: (c: Ctx) => string;
  /** The request body, or how to make it from the attempt's context (ids of fresh rows). */
  body?: unknown;
  bodyOf?: (c: Ctx) => unknown;
  /** Who may succeed, given the need/session the path names is in scope or not. */
  allowed: (role: Role, inScope: boolean) => boolean;
  /** Whether this route names something scoped (an out-of-scope variant is tried). */
  scoped: boolean;
  /** The status of an authenticated refusal when not the usual 403 in scope / 404 out of it. */
  refused?: (role: Role, inScope: boolean) => number;
}

/** A call body the calls API takes (东湖镇's own stations). */
const CALL_BODY = () => {
  const startsAt = new Date(Date.now() + 48 * 3_600_000);
  return {
    title: '矩阵测试召集',
    place: '东湖镇政府',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
    headcount: 2,
    audience: { units: [{ code: 'S-XF' }] },
  };
};
const managesCalls = (r: Role) => r === 'admin' || r === 'coordinator';
/** Station staff and viewers manage no calls: 403 whatever the code (which codes exist stays hidden). */
const callRefusal = (r: Role, inScope: boolean) => (managesCalls(r) ? (inScope ? 403 : 404) : 403);
const callOp = (op: string, body?: unknown): Case => ({
  path: (c) => `/api/v1/calls/${c.call}/${op}`,
  ...(body !== undefined ? { body } : {}),
  allowed: (r, s) => s && managesCalls(r),
  scoped: true,
  refused: callRefusal,
});

/** The need page's actions: administrators and coordinators in scope (console-need-actions.test.ts). */
const needAction = (action: string, body: unknown): Case => ({
  path: (c) => `/api/v1/needs/${c.actionNeed}/${action}`,
  body,
  allowed: (r, s) => s && (r === 'admin' || r === 'coordinator'),
  scoped: true,
});
const FUTURE_DAY = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** The policy: every authenticated /api/v1 route must be here, or the suite fails. */
const CASES: Record<string, Case> = {
  'GET /api/v1/auth/me': { path: () => '/api/v1/auth/me', allowed: () => true, scoped: false },
  'GET /api/v1/auth/sessions': { path: () => '/api/v1/auth/sessions', allowed: () => true, scoped: false },
  'DELETE /api/v1/auth/sessions/:id': { path: (c) => `/api/v1/auth/sessions/${c.ownOther}`, allowed: (_r, s) => s, scoped: true },
  'POST /api/v1/auth/logout': { path: () => '/api/v1/auth/logout', body: {}, allowed: () => true, scoped: false },
  'GET /api/v1/needs': { path: () => '/api/v1/needs', allowed: () => true, scoped: false },
  'GET /api/v1/needs/:id': { path: (c) => `/api/v1/needs/${c.inScope}`, allowed: (_r, s) => s, scoped: true },
  // Saved filters: every role, its own only (someone else's: 404); tests/integration/api/needs-list.test.ts.
  'GET /api/v1/needs/saved-filters': { path: () => '/api/v1/needs/saved-filters', allowed: () => true, scoped: false },
  'POST /api/v1/needs/saved-filters': {
    path: () => '/api/v1/needs/saved-filters',
    body: { name: '矩阵', query: 'review=true' },
    allowed: () => true,
    scoped: false,
  },
  'DELETE /api/v1/needs/saved-filters/:id': {
    path: (c) => `/api/v1/needs/saved-filters/${c.ownFilter}`,
    allowed: (_r, s) => s,
    scoped: true,
  },
  'POST /api/v1/needs/:id/reveal': {
    path: (c) => `/api/v1/needs/${c.inScope}/reveal`,
    body: { reason: 'contact_resident' },
    allowed: (r, s) => s && r !== 'viewer',
    scoped: true,
  },
  'POST /api/v1/needs/:id/reassign': needAction('reassign', { team: 'I-DH-ELDER' }),
  'POST /api/v1/needs/:id/close': needAction('close', { promisedDate: FUTURE_DAY, reason: '矩阵测试' }),
  'POST /api/v1/needs/:id/verify': needAction('verify', {}),
  'POST /api/v1/needs/:id/cancel': needAction('cancel', { reason: '矩阵测试' }),
  'POST /api/v1/needs/:id/category': needAction('category', { category: 'repair' }),
  // 纠正统计: counts only, every role over its own scope.
  'GET /api/v1/corrections': { path: () => '/api/v1/corrections', allowed: () => true, scoped: false },
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
  // Office pages (volunteers, teams, emergency, settings): tests/integration/api/console-office.test.ts.
  'GET /api/v1/volunteers': { path: () => '/api/v1/volunteers', allowed: () => true, scoped: false },
  'GET /api/v1/volunteers/:id': { path: (c) => `/api/v1/volunteers/${c.volunteer}`, allowed: (_r, s) => s, scoped: true },
  'POST /api/v1/volunteers/memberships/:id/decision': {
    path: (c) => `/api/v1/volunteers/memberships/${c.membership}/decision`,
    body: { approve: true },
    allowed: (r, s) => s && (r === 'admin' || r === 'coordinator'),
    scoped: true,
  },
  'GET /api/v1/teams': { path: () => '/api/v1/teams', allowed: () => true, scoped: false },
  'GET /api/v1/teams/:id': { path: (c) => `/api/v1/teams/${c.team}`, allowed: (_r, s) => s, scoped: true },
  'GET /api/v1/emergency': { path: () => '/api/v1/emergency', allowed: () => true, scoped: false },
  'POST /api/v1/emergency/units/:id': {
    path: (c) => `/api/v1/emergency/units/${c.institute}`,
    body: { on: true, reason: '防汛演练' },
    allowed: (r, s) => s && (r === 'admin' || r === 'coordinator'),
    scoped: true,
  },
  'GET /api/v1/settings': { path: () => '/api/v1/settings', allowed: (r) => r === 'admin', scoped: false },
  'PATCH /api/v1/settings/categories/:code': {
    path: () => '/api/v1/settings/categories/repair',
    body: { keywords: ['水龙头'] },
    allowed: (r) => r === 'admin',
    scoped: false,
  },
  'PATCH /api/v1/settings/units/:id': {
    path: (c) => `/api/v1/settings/units/${c.station}`,
    body: { aliases: ['幸福'] },
    allowed: (r) => r === 'admin',
    scoped: false,
  },
  'PATCH /api/v1/settings/teams/:id': {
    path: (c) => `/api/v1/settings/teams/${c.team}`,
    body: { nameEn: 'Xingfu elderly care' },
    allowed: (r) => r === 'admin',
    scoped: false,
  },
  'PATCH /api/v1/settings/sla': { path: () => '/api/v1/settings/sla', body: { station: 45 }, allowed: (r) => r === 'admin', scoped: false },
  'POST /api/v1/settings/categories': {
    path: () => '/api/v1/settings/categories',
    body: { code: 'matrix_new', nameZh: '矩阵分类', nameEn: 'Matrix category', keywords: ['矩阵'] },
    allowed: (r) => r === 'admin',
    scoped: false,
  },
  'DELETE /api/v1/settings/categories/:code': {
    path: (c) => `/api/v1/settings/categories/${c.spareCategory}`,
    allowed: (r) => r === 'admin',
    scoped: false,
  },
  'POST /api/v1/settings/units': {
    path: () => '/api/v1/settings/units',
    bodyOf: (c) => ({ code: 'S-MATRIX', name: '矩阵站', parent: c.institute }),
    allowed: (r) => r === 'admin',
    scoped: false,
  },
  'DELETE /api/v1/settings/units/:id': { path: (c) => `/api/v1/settings/units/${c.spareUnit}`, allowed: (r) => r === 'admin', scoped: false },
  'POST /api/v1/settings/teams': {
    path: () => '/api/v1/settings/teams',
    bodyOf: (c) => ({ code: 'S-XF-MATRIX', name: '矩阵队', unit: c.station, category: 'repair' }),
    allowed: (r) => r === 'admin',
    scoped: false,
  },
  'DELETE /api/v1/settings/teams/:id': { path: (c) => `/api/v1/settings/teams/${c.spareTeam}`, allowed: (r) => r === 'admin', scoped: false },
  // Live updates: every console role, filtered to its scope per event (console-live.test.ts).
  'GET /api/v1/events': { path: () => '/api/v1/events', allowed: () => true, scoped: false },
  'GET /api/v1/dispatch': { path: () => '/api/v1/dispatch', allowed: () => true, scoped: false },
  // 一呼百应: the list for every role (its own scope); managing calls as in chat (coordinators).
  'GET /api/v1/calls': { path: () => '/api/v1/calls', allowed: () => true, scoped: false },
  'POST /api/v1/calls/preview': { path: () => '/api/v1/calls/preview', body: CALL_BODY(), allowed: (r) => managesCalls(r), scoped: false },
  'POST /api/v1/calls': { path: () => '/api/v1/calls', body: CALL_BODY(), allowed: (r) => managesCalls(r), scoped: false },
  'GET /api/v1/calls/:code': { path: (c) => `/api/v1/calls/${c.call}`, allowed: (r, s) => s && managesCalls(r), scoped: true, refused: callRefusal },
  'GET /api/v1/calls/:code/roster': callOp('roster'),
  'POST /api/v1/calls/:code/close': callOp('close', {}),
  'POST /api/v1/calls/:code/cancel': callOp('cancel', {}),
  'POST /api/v1/calls/:code/remind': callOp('remind', {}),
  'POST /api/v1/calls/:code/extend': callOp('extend', { hours: 2 }),
};

const outOfScopePath = (key: string, c: Ctx): string => {
  if (key === 'GET /api/v1/volunteers/:id') return `/api/v1/volunteers/${c.foreignVolunteer}`;
  if (key === 'POST /api/v1/volunteers/memberships/:id/decision') return `/api/v1/volunteers/memberships/${c.foreignMembership}/decision`;
  if (key === 'GET /api/v1/teams/:id') return `/api/v1/teams/${c.foreignTeam}`;
  if (key === 'POST /api/v1/emergency/units/:id') return `/api/v1/emergency/units/${c.foreignInstitute}`;
  if (key === 'DELETE /api/v1/auth/sessions/:id') return `/api/v1/auth/sessions/${c.foreign}`;
  if (key.startsWith('GET /api/v1/publicity/snapshots/:id')) return `/api/v1/publicity/snapshots/${c.foreignSnapshot}`;
  if (key.startsWith('POST /api/v1/publicity/snapshots/:id/')) return `/api/v1/publicity/snapshots/${c.foreignSnapshot}/${key.split('/').pop()!}`;
  if (key === 'GET /api/v1/needs/:id') return `/api/v1/needs/${c.outOfScope}`;
  if (key.startsWith('POST /api/v1/needs/:id/') && !key.endsWith('/reveal')) return `/api/v1/needs/${c.outOfScope}/${key.split('/').pop()!}`;
  if (key === 'GET /api/v1/exports/:id') return `/api/v1/exports/${c.foreignExport}`;
  if (key === 'DELETE /api/v1/export-tokens/:id') return `/api/v1/export-tokens/${c.foreignToken}`;
  if (key === 'DELETE /api/v1/needs/saved-filters/:id') return `/api/v1/needs/saved-filters/${c.foreignFilter}`;
  if (key === 'GET /api/v1/calls/:code') return `/api/v1/calls/${c.foreignCall}`;
  if (key.startsWith('GET /api/v1/calls/:code/') || key.startsWith('POST /api/v1/calls/:code/'))
    return `/api/v1/calls/${c.foreignCall}/${key.split('/').pop()!}`;
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
  const callers = {} as Record<'coordinator' | 'stranger', ActorRow>;
  const sharedCalls: { mine?: string; theirs?: string } = {};

  /** A fresh open call (its fan-out marked done, so remind applies), made by `by`. */
  async function openCall(by: ActorRow): Promise<string> {
    const { callId, code } = await createCall(h.desk, by, callDraft(new Date()));
    await h.prisma.call.update({ where: { id: callId }, data: { fanoutDoneAt: new Date() } });
    return code;
  }

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

  /** A person who asked to join a team (pending), at the team's station. */
  async function applicant(teamCode: string): Promise<{ volunteer: string; membership: string }> {
    const team = await h.prisma.team.findUniqueOrThrow({ where: { code: teamCode } });
    const p = await h.prisma.person.create({
      data: {
        ...nameColumns(h.cipher, '申请人'),
        volunteer: { create: { stationId: team.orgUnitId, status: 'pending', memberships: { create: { teamId: team.id, status: 'pending' } } } },
      },
      include: { volunteer: { include: { memberships: true } } },
    });
    return { volunteer: p.id, membership: p.volunteer!.memberships[0]!.id };
  }

  /**
   * A fresh need for an action that may succeed (done by a volunteer, for verify): of 和平村 (the
   * coordinator's and the administrator's scope, not station staff's) and urgent, so the lists
   * checked below (幸福社区's, the normal needs') stay the two planted ones.
   */
  async function actionNeed(done: boolean): Promise<string> {
    const n = await routedNeed(h, `res-matrix-act-${randomUUID().slice(0, 8)}`, { teamCode: 'S-HP-ELDER', urgency: 'urgent' });
    if (done) await doneBy(h, await volunteerOf(h, { teams: ['S-HP-ELDER'] }), n.id, 1);
    return n.id;
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
    callers.coordinator = await coordinatorOf(h, 'I-DH', { name: '冯主任' });
    people.coordinator = callers.coordinator.personId;
    people.staff = await grant('staff', 'S-XF', '幸福站员');
    people.viewer = await grant('viewer', 'I-DH', '考核员');
    callers.stranger = await coordinatorOf(h, 'I-XS', { name: '西山主任' });
    stranger = callers.stranger.personId;
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
    const unitId = async (code: string) => (await h.prisma.orgUnit.findUniqueOrThrow({ where: { code } })).id;
    const teamId = async (code: string) => (await h.prisma.team.findUniqueOrThrow({ where: { code } })).id;
    const ids = {
      teamXf: await teamId('S-XF-ELDER'),
      teamXs: await teamId('S-XS-EDU'),
      dh: await unitId('I-DH'),
      xs: await unitId('I-XS'),
      xf: await unitId('S-XF'),
    };
    const OFFICE_NONE = {
      volunteer: '',
      foreignVolunteer: '',
      membership: '',
      foreignMembership: '',
      team: '',
      foreignTeam: '',
      institute: '',
      foreignInstitute: '',
      station: '',
    };
    const office = async (role: Role): Promise<typeof OFFICE_NONE> => {
      // Each attempt switches I-DH on from daily mode, and decides a fresh application.
      await h.prisma.orgUnit.update({ where: { id: ids.dh }, data: { emergencyMode: false } });
      const mine = await applicant('S-XF-ELDER');
      const admin = role === 'admin';
      const theirs = admin ? null : await applicant('S-XS-EDU');
      return {
        volunteer: mine.volunteer,
        foreignVolunteer: theirs?.volunteer ?? randomUUID(),
        membership: mine.membership,
        foreignMembership: theirs?.membership ?? randomUUID(),
        team: ids.teamXf,
        foreignTeam: admin ? randomUUID() : ids.teamXs,
        institute: ids.dh,
        foreignInstitute: admin ? randomUUID() : ids.xs,
        station: ids.xf,
      };
    };
    // Unused rows a delete may remove (one each per attempt).
    let spareSerial = 0;
    const spares = async (): Promise<Pick<Ctx, 'spareCategory' | 'spareUnit' | 'spareTeam'>> => {
      const n = ++spareSerial;
      const letters = n.toString(26).replace(/[0-9a-p]/g, (d) => String.fromCharCode(97 + parseInt(d, 26)));
      const category = await h.prisma.category.create({ data: { code: `spare_${letters}`, nameZh: '备用', nameEn: 'Spare', defaultHours: 1 } });
      const unitId = randomUUID();
      const dhPath = (await h.prisma.orgUnit.findUniqueOrThrow({ where: { id: ids.dh } })).path;
      const unit = await h.prisma.orgUnit.create({
        data: { id: unitId, code: `S-SPARE-${n}`, name: `备用站${n}`, tier: 'station', parentId: ids.dh, path: `${dhPath}${unitId}/` },
      });
      const team = await h.prisma.team.create({ data: { code: `S-XF-SPARE-${n}`, name: '备用队', categoryCode: 'repair', orgUnitId: ids.xf } });
      return { spareCategory: category.code, spareUnit: unit.id, spareTeam: team.id };
    };
    const SPARES_NONE = { spareCategory: 'none', spareUnit: randomUUID(), spareTeam: randomUUID() };
    for (const key of served) {
      const c = CASES[key]!;
      const method = key.split(' ')[0]!;
      const safe = method === 'GET';
      for (const role of ROLES) {
        const pid = people[role];
        // Only what this route's path names is made (fresh per attempt: a success may use it up).
        const wants = (fragment: string) => key.includes(fragment);
        // `fresh`: only an authorised attempt can use a call up; the others share one each side.
        const scoped = async (fresh = false): Promise<Ctx> => ({
          inScope: needs.xf,
          actionNeed: wants('/needs/:id/') && !wants('/reveal') && fresh ? await actionNeed(key.endsWith('/verify')) : needs.xf,
          // The administrator's scope is the whole county: out of scope is a need that does not exist.
          outOfScope: role === 'admin' ? randomUUID() : needs.xs,
          ownOther: wants('/auth/sessions/:id') ? (await sessionRow(h.prisma, pid)).id : '',
          foreign: wants('/auth/sessions/:id') ? (await sessionRow(h.prisma, stranger)).id : '',
          ownExport: wants('/exports/:id') ? (await h.prisma.exportJob.create({ data: { personId: pid, kind: 'needs', format: 'csv' } })).id : '',
          foreignExport: wants('/exports/:id') ? (await h.prisma.exportJob.create({ data: { personId: stranger, kind: 'needs', format: 'csv' } })).id : '',
          ownToken: wants('/export-tokens/:id')
            ? (await h.prisma.exportToken.create({ data: { personId: pid, tokenHash: randomUUID(), label: 'own', kind: 'needs' } })).id
            : '',
          foreignToken: wants('/export-tokens/:id')
            ? (await h.prisma.exportToken.create({ data: { personId: stranger, tokenHash: randomUUID(), label: 'theirs', kind: 'needs' } })).id
            : '',
          ownFilter: wants('/saved-filters/:id')
            ? (await h.prisma.consoleSavedFilter.create({ data: { personId: pid, name: randomUUID(), query: '' } })).id
            : '',
          foreignFilter: wants('/saved-filters/:id')
            ? (await h.prisma.consoleSavedFilter.create({ data: { personId: stranger, name: randomUUID(), query: '' } })).id
            : '',
          snapshot: wants('/publicity/snapshots/:id') ? await draftSnapshot('S-XF') : '',
          foreignSnapshot: !wants('/publicity/snapshots/:id') ? '' : role === 'admin' ? randomUUID() : await draftSnapshot('S-XS'),
          // Reads share one call each side; a control gets its own (a close is not undone).
          call: !wants('/calls/:code') ? '' : safe || !fresh ? (sharedCalls.mine ??= await openCall(callers.coordinator)) : await openCall(callers.coordinator),
          foreignCall: !wants('/calls/:code')
            ? ''
            : role === 'admin'
              ? 'M-20990101-001'
              : safe || !fresh
                ? (sharedCalls.theirs ??= await openCall(callers.stranger))
                : await openCall(callers.stranger),
          ...(['/volunteers', '/teams', '/emergency', '/settings'].some(wants) ? await office(role) : OFFICE_NONE),
          ...(method === 'DELETE' && wants('/settings/') ? await spares() : SPARES_NONE),
        });
        const call = async (caller: Caller, path: string, ctx: Ctx) =>
          http(base, method, path, { ...caller, headers: { origin, ...(caller.headers ?? {}) } }, c.bodyOf ? c.bodyOf(ctx) : c.body);
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
            const ctx = await scoped(name === 'valid' && c.allowed(role, inScope));
            const s = await sessionRow(h.prisma, pid);
            const path = inScope ? c.path(ctx) : outOfScopePath(key, ctx);
            const r = await call(make(s), path, ctx);
            const mayPass = authorised && c.allowed(role, inScope);
            if (r.status < 300 && !mayPass) unauthorisedSuccesses++;
            const what = `${key} ${role} ${name} ${inScope ? 'in' : 'out'}`;
            if (name === 'no session' || name === 'forged cookie' || name === 'chat cookie name') expectStatus(what, r.status, 401);
            else if (!authorised) expectStatus(what, r.status, 403);
            else if (mayPass) expectStatus(what, r.status, [200, 201]);
            else expectStatus(what, r.status, c.refused ? c.refused(role, inScope) : inScope ? 403 : 404);
          }
        }
        // Dead sessions: idle past the timeout, past the absolute lifetime, revoked.
        const dead = [
          await sessionRow(h.prisma, pid, { lastSeenAt: new Date(Date.now() - 31 * 60_000) }),
          await sessionRow(h.prisma, pid, { expiresAt: new Date(Date.now() - 1000) }),
          await sessionRow(h.prisma, pid, { revokedAt: new Date() }),
        ];
        for (const s of dead) {
          const ctx = await scoped();
          const r = await call({ cookie: s.cookie, csrf: s.csrf }, c.path(ctx), ctx);
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
  }, 480_000);

  it('opens the queue view (bull-board, /ops/queues) to county administrators only; CSRF holds on retry and clean', async () => {
    // Failed jobs to retry and clean: a throw-away consumer of the exports queue fails each once.
    const connection = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
    const failing = new Worker(
      QueueName.Exports,
      () => {
        throw new Error('planted failure');
      },
      { connection: connection as ConnectionOptions, prefix: config.redisPrefix },
    );
    const exportsQueue = h.producer.queue(QueueName.Exports);
    // One failed job per retry/clean call of one job (2 routes × 7 callers × 6 variants), made
    // before the calls, then the consumer stops: a retried job stays waiting.
    const pool = Array.from({ length: 2 * 7 * 6 }, () => randomUUID());
    await h.producer.addBulk(
      'run-export',
      pool.map((exportId) => ({ payload: { exportId }, opts: { attempts: 1 } })),
    );
    try {
      await waitUntil(async () => (await exportsQueue.getJobCountByTypes('failed')) >= pool.length, 'planted jobs failed', 30_000);
    } finally {
      await failing.close();
    }
    const failedJob = (): string => `run-export_${pool.pop()!}`;
    // An 'admin' row on a station is an administrator of that station only: not of the county.
    const stationAdmin = await grant('admin', 'S-XF', '站点管理员');
    const who: Array<[string, string, boolean]> = [
      ['county admin', people.admin, true],
      ['station admin', stationAdmin, false],
      ...ROLES.filter((r) => r !== 'admin').map((r): [string, string, boolean] => [r, people[r], false]),
    ];
    const routes = [
      ...(appRoutes.entryPoint.route as string[]).map((route) => ({ method: 'GET', route })),
      ...appRoutes.api.flatMap((r) =>
        (Array.isArray(r.route) ? r.route : [r.route]).flatMap((route) =>
          (Array.isArray(r.method) ? r.method : [r.method]).map((m) => ({ method: m.toUpperCase(), route })),
        ),
      ),
      { method: 'GET', route: '/static/images/logo.svg' },
    ];
    expect(routes.filter((r) => r.method !== 'GET').length).toBeGreaterThan(15);
    let attempts = 0;
    let unauthorisedSuccesses = 0;
    const mismatches: string[] = [];
    try {
      for (const { method, route } of routes) {
        for (const [name, pid, county] of who) {
          const variants: Array<[string, (s: Awaited<ReturnType<typeof sessionRow>>) => Caller, boolean]> = [
            ['valid', (s) => ({ cookie: s.cookie, headers: { 'x-xsrf-token': s.csrf } }), true],
            ['no session', () => ({}), false],
            ['forged cookie', (s) => ({ cookie: `baiying_console=${'A'.repeat(43)}`, headers: { 'x-xsrf-token': s.csrf } }), false],
          ];
          if (method !== 'GET') {
            variants.push(['missing CSRF', (s) => ({ cookie: s.cookie }), false]);
            variants.push(['forged CSRF', (s) => ({ cookie: s.cookie, headers: { 'x-xsrf-token': `${s.csrf.slice(0, -2)}xx` } }), false]);
            variants.push(['cross-origin', (s) => ({ cookie: s.cookie, csrf: s.csrf, headers: { origin: 'http://evil.example' } }), false]);
          }
          for (const [variant, make, authorised] of variants) {
            // Whole-state retry/clean act on completed jobs (none here), so they touch no planted job.
            const offered = isOfferedMutation(method, route.replace(':queueStatus', 'completed'));
            const jobId = offered && route.includes(':jobId') ? failedJob() : 'no-such-job';
            const rel = route
              .replace(':queueName', QueueName.Exports)
              .replace(':jobId', jobId)
              .replace(':queueStatus', 'completed')
              .replace(':schedulerId', 'none');
            const s = await sessionRow(h.prisma, pid);
            const r = await http(
              base,
              method,
              `${QUEUE_BOARD_PATH}${rel}`,
              { ...make(s), headers: { origin, ...(make(s).headers ?? {}) } },
              method === 'GET' ? undefined : {},
            );
            attempts++;
            const what = `${method} ${route} ${name} ${variant}`;
            const mayPass = authorised && county && (method === 'GET' || offered);
            if (r.status < 300 && !mayPass) unauthorisedSuccesses++;
            const want = variant === 'no session' || variant === 'forged cookie' ? [401] : !county || !authorised || !mayPass ? [403] : null;
            if (want && !want.includes(r.status)) mismatches.push(`${what}: ${r.status}, expected ${want.join('|')}`);
            // Redis's own details (INFO: addresses, memory) are hidden from the board (hideRedisDetails): bull-board's 403.
            const hidden = route === '/api/redis/stats';
            if (!want && (r.status === 401 || (r.status === 403) !== hidden || r.status >= 500)) mismatches.push(`${what}: ${r.status}`);
            // A refused retry or clean leaves the job failed; an allowed one moves or removes it.
            if (offered && route.includes(':jobId')) {
              const state = await exportsQueue.getJobState(jobId);
              if (mayPass ? state === 'failed' : state !== 'failed') mismatches.push(`${what}: job ${state} after ${r.status}`);
            }
          }
        }
      }
    } finally {
      connection.disconnect();
    }
    expect(mismatches).toEqual([]);
    expect(unauthorisedSuccesses).toBe(0);
    expect(attempts).toBeGreaterThan(300);
    console.log(`queue view matrix: ${attempts} requests, ${unauthorisedSuccesses} unauthorised successes`);
  }, 120_000);

  it('lists only needs in scope, masked; reveals with a reason and audits it; keyset pages', async () => {
    const staff = await sessionRow(h.prisma, people.staff);
    const list = (await http(base, 'GET', '/api/v1/needs', staff)).body as { items: Array<{ code: string; phone: string; address: string }> };
    expect(list.items.map((i) => i.code)).toEqual([needs.xfCode]);
    expect(list.items[0]!.phone).toBe('139****5678');
    expect(list.items[0]!.address).toBe('幸福小区***');
    // (Not just "501": a timestamp's milliseconds may read 501.)
    expect(JSON.stringify(list)).not.toContain('3栋2单元501');
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
    // Keyset pages: the administrator sees both normal needs, one per page, then no cursor.
    const admin = await sessionRow(h.prisma, people.admin);
    const p1 = (await http(base, 'GET', '/api/v1/needs?limit=1&urgency=normal', admin)).body as { items: Array<{ code: string }>; nextCursor: string };
    const p2 = (await http(base, 'GET', `/api/v1/needs?limit=1&urgency=normal&cursor=${p1.nextCursor}`, admin)).body as {
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
      ['GET', '/api/v1/volunteers?status=maybe', undefined],
      ['GET', '/api/v1/volunteers?team=%27%3B--', undefined],
      ['GET', '/api/v1/volunteers?pending=yes', undefined],
      ['GET', '/api/v1/volunteers?limit=0', undefined],
      ['GET', '/api/v1/volunteers/not-a-uuid', undefined],
      ['POST', `/api/v1/volunteers/memberships/${randomUUID()}/decision`, {}],
      ['POST', `/api/v1/volunteers/memberships/${randomUUID()}/decision`, { approve: 'yes' }],
      ['POST', `/api/v1/volunteers/memberships/${randomUUID()}/decision`, { approve: true, as: 'admin' }],
      ['POST', '/api/v1/volunteers/memberships/nope/decision', { approve: true }],
      ['GET', '/api/v1/teams?unit=%00', undefined],
      ['GET', '/api/v1/teams/not-a-uuid', undefined],
      ['POST', `/api/v1/emergency/units/${randomUUID()}`, { on: true }],
      ['POST', `/api/v1/emergency/units/${randomUUID()}`, { on: 'on', reason: '演练' }],
      ['POST', `/api/v1/emergency/units/${randomUUID()}`, { on: true, reason: '   ' }],
      ['POST', `/api/v1/emergency/units/${randomUUID()}`, { on: true, reason: 'x'.repeat(201) }],
      ['POST', `/api/v1/emergency/units/${randomUUID()}`, { on: true, reason: '演练\u0000' }],
      ['PATCH', '/api/v1/settings/categories/repair', {}],
      ['PATCH', '/api/v1/settings/categories/repair', { keywords: '水管' }],
      ['PATCH', '/api/v1/settings/categories/repair', { keywords: ['水管', '水管'] }],
      ['PATCH', '/api/v1/settings/categories/repair', { keywords: ['x'.repeat(21)] }],
      ['PATCH', '/api/v1/settings/categories/repair', { keywords: Array.from({ length: 101 }, (_, i) => `词${i}`) }],
      ['PATCH', '/api/v1/settings/categories/Repair!', { active: true }],
      ['PATCH', '/api/v1/settings/categories/repair', { code: 'other' }],
      ['PATCH', `/api/v1/settings/units/${randomUUID()}`, { aliases: [''] }],
      ['PATCH', `/api/v1/settings/units/${randomUUID()}`, { tier: 'center' }],
      ['PATCH', '/api/v1/settings/units/not-a-uuid', { name: '新名' }],
      ['PATCH', `/api/v1/settings/teams/${randomUUID()}`, { name: 'a\u0007b' }],
      ['POST', `/api/v1/needs/${randomUUID()}/reassign`, {}],
      ['POST', `/api/v1/needs/${randomUUID()}/reassign`, { team: "'; DROP TABLE need;--" }],
      ['POST', '/api/v1/needs/not-a-uuid/reassign', { team: 'I-DH-ELDER' }],
      ['POST', `/api/v1/needs/${randomUUID()}/close`, { promisedDate: '2026-1-1', reason: '原因' }],
      ['POST', `/api/v1/needs/${randomUUID()}/close`, { promisedDate: FUTURE_DAY, reason: 'x'.repeat(501) }],
      ['POST', `/api/v1/needs/${randomUUID()}/verify`, { force: true }],
      ['POST', `/api/v1/needs/${randomUUID()}/cancel`, { reason: '   ' }],
      ['POST', `/api/v1/needs/${randomUUID()}/category`, { category: 'Repair!' }],
      ['GET', '/api/v1/corrections?month=2026-13', undefined],
      ['PATCH', '/api/v1/settings/sla', {}],
      ['PATCH', '/api/v1/settings/sla', { station: 0 }],
      ['PATCH', '/api/v1/settings/sla', { station: 1.5 }],
      ['PATCH', '/api/v1/settings/sla', { station: '60' }],
      ['PATCH', '/api/v1/settings/sla', { station: 10_081 }],
      ['PATCH', '/api/v1/settings/sla', { point: 30 }],
      ['POST', '/api/v1/settings/categories', { code: 'Bad-Code', nameZh: '甲', nameEn: 'A' }],
      ['POST', '/api/v1/settings/categories', { code: 'fine', nameZh: '甲' }],
      ['POST', '/api/v1/settings/categories', { code: 'fine', nameZh: '甲', nameEn: 'A', defaultHours: 0 }],
      ['POST', '/api/v1/settings/categories', { code: 'fine', nameZh: '甲', nameEn: 'A', keywords: ['词', '词'] }],
      ['DELETE', '/api/v1/settings/categories/Repair!', undefined],
      ['POST', '/api/v1/settings/units', { code: 'S-NEW', name: '新站', parent: 'I-DH' }],
      ['POST', '/api/v1/settings/units', { code: 'S NEW', name: '新站', parent: randomUUID() }],
      ['POST', '/api/v1/settings/units', { code: 'S-NEW', name: '新站', parent: randomUUID(), tier: 'center' }],
      ['DELETE', '/api/v1/settings/units/not-a-uuid', undefined],
      ['POST', '/api/v1/settings/teams', { code: 'T-NEW', name: '新队', unit: randomUUID() }],
      ['POST', '/api/v1/settings/teams', { code: 'T-NEW', name: '\u0000', unit: randomUUID(), category: 'repair' }],
      ['DELETE', '/api/v1/settings/teams/not-a-uuid', undefined],
      ['GET', '/api/v1/calls?limit=0', undefined],
      ['GET', '/api/v1/calls?status=open', undefined],
      ['POST', '/api/v1/calls/preview', {}],
      ['POST', '/api/v1/calls/preview', { ...CALL_BODY(), headcount: 0 }],
      ['POST', '/api/v1/calls', { ...CALL_BODY(), startsAt: 'tomorrow' }],
      ['POST', '/api/v1/calls', { ...CALL_BODY(), audience: { units: [{ code: 'S-XF', hack: true }] } }],
      ['GET', '/api/v1/calls/%27%3B--', undefined],
      ['GET', '/api/v1/calls/M-20990101-001%20OR%201/roster', undefined],
      ['POST', '/api/v1/calls/M-20990101-001/close', { force: true }],
      ['POST', '/api/v1/calls/M-20990101-001/extend', { hours: 'two' }],
      ['POST', '/api/v1/calls/M-20990101-001/extend', { hours: 10_000 }],
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
