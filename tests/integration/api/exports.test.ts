// Exports (报表) over real HTTP, PostgreSQL and Redis with the real worker job (BullMQ consumer of
// the exports queue in this process): xlsx read back with exceljs (sheet names, zh-CN headers,
// rows), csv parsed; masked exports hold no phone (the understanding's detector), no seeded
// address, no full name; an unmasked one is audited with its filter and row count; wrong role
// or scope refused; expired and forged links refused; pull tokens (revoked: refused); bad input 400.
import { nameColumns, NAME_SELECT, personName } from '@baiying/db';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { AppConfig } from '@baiying/config';
import { JobRegistry } from '@baiying/kernel';
import { findPhones } from '@baiying/nlu';
import { startQueueWorker, type RunningWorker } from '@baiying/platform';
import { QueueName } from '@baiying/queue';
import { startApi } from '../../../apps/api/src/bootstrap.js';
import { coordinatorOf, createCall, callDraft, volunteerOf } from '../../support/factories.js';
import { doneBy, routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';
import { http, sessionRow, type Caller } from './console-support.js';

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

interface ExportView {
  id: string;
  status: string;
  rowsDone: number;
  rowsTotal: number | null;
  progress: number | null;
  download: { url: string; expiresAt: string } | null;
}

const PHONES = ['13912345678', '13987654321', '13700001111'];
const ADDRESSES = ['幸福小区3栋2单元501', '西山社区8栋602', '和平村东头12号'];
const VOLUNTEER = '欧阳建国';

describe('Exports (报表)', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let api: INestApplication;
  let worker: RunningWorker;
  let base = '';
  let dir = '';
  const who = {} as Record<'admin' | 'coord' | 'staff' | 'viewer' | 'other', Caller & { personId: string }>;
  let names: string[] = [];

  async function caller(personId: string): Promise<Caller & { personId: string }> {
    const s = await sessionRow(h.prisma, personId, { expiresAt: new Date(Date.now() + 6 * 3_600_000) });
    return { cookie: s.cookie, csrf: s.csrf, headers: { origin: base }, personId };
  }

  async function exported(c: Caller, body: unknown): Promise<ExportView> {
    const r = await http(base, 'POST', '/api/v1/exports', c, body);
    expect({ status: r.status, body: r.body }).toEqual({ status: 201, body: expect.objectContaining({ status: 'queued' }) as unknown });
    const id = (r.body as ExportView).id;
    return waitUntil(
      async () => {
        const s = (await http(base, 'GET', `/api/v1/exports/${id}`, c)).body as ExportView;
        if (s.status === 'failed') throw new Error(`export failed: ${JSON.stringify(s)}`);
        return s.status === 'done' ? s : null;
      },
      `export ${id} done`,
      60_000,
    );
  }

  async function fetchFile(url: string): Promise<{ status: number; body: Buffer; type: string | null }> {
    const r = await fetch(`${base}${url}`);
    return { status: r.status, body: Buffer.from(await r.arrayBuffer()), type: r.headers.get('content-type') };
  }

  async function workbook(buf: Buffer): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    return wb;
  }

  const sheetRows = (ws: ExcelJS.Worksheet): unknown[][] => {
    const out: unknown[][] = [];
    ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  };

  /** Personal data a masked export must not hold. */
  function leaks(text: string): string[] {
    const found: string[] = [];
    for (const p of findPhones(text)) found.push(`phone ${p.value}`);
    for (const p of PHONES) if (text.includes(p)) found.push(`phone ${p}`);
    for (const a of ADDRESSES) if (text.includes(a)) found.push(`address ${a}`);
    for (const n of names) if (text.includes(n)) found.push(`name ${n}`);
    return found;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'baiying-exports-'));
    config = testConfig({ API_PORT: '0', EXPORT_DIR: dir, OUTBOX_POLL_MS: '100' });
    h = deskHarness(config, 8);
    await resetDatabase(h.prisma, h.cipher);
    const a = await routedNeed(h, 'res-exp-1', { teamCode: 'S-XF-ELDER', phone: PHONES[0]!, address: ADDRESSES[0]!, description: '腿脚不便' });
    await routedNeed(h, 'res-exp-2', { teamCode: 'S-XS-EDU', category: 'education', phone: PHONES[1]!, address: ADDRESSES[1]! });
    await routedNeed(h, 'res-exp-3', { stationCode: 'S-HP', teamCode: 'S-XF-ELDER', phone: PHONES[2]!, address: ADDRESSES[2]! });
    const vol = await volunteerOf(h, { name: VOLUNTEER, teams: ['S-XF-ELDER'], station: 'S-XF' });
    await doneBy(h, vol, a.id, 2);
    await h.prisma.serviceRecord.updateMany({ where: { needId: a.id }, data: { status: 'credited', creditedAt: new Date(), creditedBy: 'resident' } });
    await h.prisma.need.update({ where: { id: a.id }, data: { status: 'confirmed' } });
    await h.prisma.rating.create({ data: { needId: a.id, residentId: a.actor.personId, volunteerId: vol.personId, score: 5 } });
    const dh = await coordinatorOf(h, 'I-DH', { name: '东方主任' });
    await createCall(h.desk, dh, callDraft(new Date()));
    // Every person's full name (residents, volunteers, coordinators) is scanned for.
    names = (await h.prisma.person.findMany({ select: NAME_SELECT })).map((p) => personName(h.cipher, p)).filter((n) => [...n].length >= 2);
    expect(names).toContain(VOLUNTEER);
    const persona = async (key: string) => (await h.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: key } })).personId;
    api = await startApi(config);
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    who.admin = await caller(await persona('demo-coord-county'));
    who.coord = await caller(dh.personId);
    who.staff = await caller(await persona('demo-staff-xf'));
    who.viewer = await caller(await persona('demo-viewer'));
    who.other = await caller((await coordinatorOf(h, 'I-XS', { name: '西山主任' })).personId);
    worker = startQueueWorker(QueueName.Exports, new JobRegistry(h.desk.jobs(silent)), {
      redisUrl: config.redisUrl,
      prefix: config.redisPrefix,
      concurrency: 1,
    });
  }, 90_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds a masked needs xlsx that exceljs reads back: zh-CN sheet and headers, every row in scope, no personal data', async () => {
    const done = await exported(who.admin, { kind: 'needs', format: 'xlsx' });
    expect(done.rowsTotal).toBe(3);
    expect(done.rowsDone).toBe(3);
    expect(done.progress).toBe(1);
    const file = await fetchFile(done.download!.url);
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    const wb = await workbook(file.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['需求明细']);
    const rows = sheetRows(wb.worksheets[0]!);
    expect(rows[0]).toEqual([
      '需求编号',
      '状态',
      '服务类别',
      '站点',
      '紧急程度',
      '服务对象',
      '接单层级',
      '志愿队伍',
      '志愿者',
      '点单时间',
      '接单时间',
      '完成时间',
      '服务时长（小时）',
      '群众评分',
    ]);
    expect(rows).toHaveLength(4);
    const codes = (await h.prisma.need.findMany({ select: { code: true } })).map((n) => n.code).sort();
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(codes);
    const taken = rows.slice(1).find((r) => r[8] !== null && r[8] !== undefined)!;
    expect(taken.slice(6, 9)).toEqual(['station', expect.any(String) as unknown, '欧**国']);
    // Times in the desk's zone (Asia/Shanghai, UTC+8), read as UTC from PostgreSQL.
    const createdAt = (await h.prisma.need.findUniqueOrThrow({ where: { code: String(taken[0]) } })).createdAt;
    expect(taken[9]).toBe(new Date(createdAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '));
    expect(taken[12]).toBe(2);
    expect(taken[13]).toBe(5);
    expect(leaks(JSON.stringify(rows))).toEqual([]);
  });

  it('builds masked csv of needs, service records, volunteers and call attendance that parse, with no personal data; scope narrows', async () => {
    const kinds: Array<[string, string, number | null]> = [
      ['needs', '需求编号', 2],
      ['service_records', '需求编号', 1],
      ['volunteers', '志愿者', null],
      ['calls', '活动编号', null],
    ];
    for (const [kind, first, expected] of kinds) {
      const done = await exported(who.coord, { kind, format: 'csv' });
      const file = await fetchFile(done.download!.url);
      expect(file.type).toContain('text/csv');
      const text = file.body.toString('utf8');
      const rows = parse(text, { bom: true, relax_column_count: false }) as string[][];
      expect(rows[0]![0]).toBe(first);
      expect(rows.length - 1).toBe(done.rowsTotal);
      if (expected !== null) expect(rows.length - 1).toBe(expected);
      expect(rows.length).toBeGreaterThan(1);
      expect({ kind, leaks: leaks(text) }).toEqual({ kind, leaks: [] });
    }
    // The coordinator of 东湖镇 sees no need of 西山街道, even asking for that unit.
    const none = await exported(who.coord, { kind: 'needs', format: 'csv', filter: { unit: 'I-XS' } });
    expect(none.rowsTotal).toBe(0);
    const rows = parse((await fetchFile(none.download!.url)).body.toString('utf8'), { bom: true }) as string[][];
    expect(rows).toHaveLength(1);
    // The needs list's filters apply: one station, one status.
    const one = await exported(who.admin, { kind: 'needs', format: 'csv', filter: { station: 'S-XF', status: 'confirmed' } });
    expect(one.rowsTotal).toBe(1);
  });

  it('writes English sheet names and headers for a person whose language is English', async () => {
    await h.prisma.person.update({ where: { id: who.viewer.personId }, data: { locale: 'en' } });
    try {
      const done = await exported(who.viewer, { kind: 'volunteers', format: 'xlsx' });
      const wb = await workbook((await fetchFile(done.download!.url)).body);
      expect(wb.worksheets[0]!.name).toBe('Volunteers');
      expect(sheetRows(wb.worksheets[0]!)[0]![0]).toBe('Volunteer');
    } finally {
      await h.prisma.person.update({ where: { id: who.viewer.personId }, data: { locale: 'zh' } });
    }
  });

  it('reveals only for those allowed, and audits every export with its filter and row count', async () => {
    expect((await http(base, 'POST', '/api/v1/exports', who.viewer, { kind: 'needs', reveal: true })).status).toBe(403);
    expect(await h.prisma.exportJob.count({ where: { personId: who.viewer.personId, reveal: true } })).toBe(0);
    const filter = { station: 'S-XF' };
    const done = await exported(who.staff, { kind: 'needs', format: 'csv', reveal: true, filter });
    const text = (await fetchFile(done.download!.url)).body.toString('utf8');
    expect(text).toContain(PHONES[0]);
    expect(text).toContain(ADDRESSES[0]);
    expect(text).toContain(VOLUNTEER);
    const audit = await h.prisma.auditLog.findFirstOrThrow({ where: { action: 'export', actorId: who.staff.personId } });
    expect(audit.reason).toBe('unmasked');
    expect(audit.detail).toEqual({ exportId: done.id, kind: 'needs', format: 'csv', filter, rows: 1, masked: false });
    // Masked exports are audited too.
    expect(await h.prisma.auditLog.count({ where: { action: 'export', actorId: who.admin.personId, reason: 'masked' } })).toBeGreaterThan(0);
    // A coordinator reveals over their unit; a filter naming a unit beyond the scope narrows to nothing.
    expect((await http(base, 'POST', '/api/v1/exports', who.coord, { kind: 'volunteers', format: 'csv', reveal: true })).status).toBe(201);
  });

  it('builds the monthly assessment workbook: one sheet per indicator with its inputs, formulas and totals', async () => {
    const month = new Date().toLocaleString('sv-SE', { timeZone: config.timeZone }).slice(0, 7);
    const done = await exported(who.viewer, { kind: 'assessment', filter: { unit: 'I-DH', month } });
    const wb = await workbook((await fetchFile(done.download!.url)).body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '参与率', '人均服务时长', '满意度', '需求办结']);
    const hours = sheetRows(wb.getWorksheet('人均服务时长')!);
    expect(hours[0]).toEqual(['站点', '本年累计时长（小时）', '在册志愿者（人）', '年度目标（小时/人）', '人均时长（小时）', '目标完成度']);
    expect(hours.map((r) => r[0])).toEqual(['站点', '和平村', '幸福社区', '合计']);
    const xf = hours.find((r) => r[0] === '幸福社区')!;
    expect(xf[1]).toBe(2);
    expect(xf[3]).toBe(20);
    expect(xf[4]).toEqual({ formula: 'IF(C3=0,"",B3/C3)', result: expect.any(Number) as unknown });
    const sat = sheetRows(wb.getWorksheet('满意度')!);
    const satXf = sat.find((r) => r[0] === '幸福社区')!;
    expect(satXf.slice(1, 4)).toEqual([1, 5, 1]);
    expect(satXf[5]).toEqual({ formula: 'IF(B3=0,"",D3/B3)', result: 1 });
    const total = sat[sat.length - 1]!;
    expect(total[1]).toEqual({ formula: 'SUM(B2:B3)', result: 1 });
    const ful = sheetRows(wb.getWorksheet('需求办结')!);
    expect(ful.find((r) => r[0] === '和平村')!.slice(1, 3)).toEqual([1, 0]);
    // A unit outside the viewer-of-东湖镇's scope: refused like a missing one.
    const dhViewer = await caller(
      (
        await h.prisma.person.create({
          data: {
            ...nameColumns(h.cipher, '东湖考核员'),
            roles: { create: { role: 'viewer', orgUnitId: (await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'I-DH' } })).id } },
          },
        })
      ).id,
    );
    expect((await http(base, 'POST', '/api/v1/exports', dhViewer, { kind: 'assessment', filter: { unit: 'I-XS', month } })).status).toBe(404);
  });

  it('refuses another person’s export, forged and expired links, and deletes files after their lifetime', async () => {
    const done = await exported(who.admin, { kind: 'needs', format: 'csv' });
    expect((await http(base, 'GET', `/api/v1/exports/${done.id}`, who.coord)).status).toBe(404);
    const url = done.download!.url;
    const [id, exp, sig] = url.split('/').pop()!.split('.') as [string, string, string];
    // A later expiry under the old signature, or a changed signature: refused.
    expect((await fetchFile(`/api/v1/exports/download/${id}.${Number(exp) + 3_600_000}.${sig}`)).status).toBe(404);
    expect((await fetchFile(`/api/v1/exports/download/${id}.${exp}.${sig.slice(0, -2)}AA`)).status).toBe(404);
    // A link past its own lifetime (an API whose links last 50 ms).
    const quick = await startApi({ ...config, exports: { ...config.exports, linkMinutes: 50 / 60_000 } });
    try {
      const qbase = (await quick.getUrl()).replace('[::1]', '127.0.0.1');
      const s = (await http(qbase, 'GET', `/api/v1/exports/${done.id}`, { ...who.admin, headers: { origin: qbase } })).body as ExportView;
      const expiresAt = new Date(s.download!.expiresAt).getTime();
      await waitUntil(() => Promise.resolve(Date.now() > expiresAt + 5), 'the link expired', 5_000, 10);
      expect((await fetch(`${qbase}${s.download!.url}`)).status).toBe(404);
    } finally {
      await quick.close();
    }
    expect((await fetchFile(url)).status).toBe(200);
    // The file's lifetime passes: the reconciler deletes it, the link and the status say so.
    await h.prisma.exportJob.update({ where: { id: done.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(readdirSync(dir)).toContain(`${done.id}.csv`);
    const report = await new JobRegistry(h.desk.jobs(silent)).reconcile({
      ensurer: { ensure: () => Promise.resolve(false) },
      clock: { now: () => new Date() },
    });
    expect(report['exports.expired']).toBeGreaterThanOrEqual(1);
    expect(readdirSync(dir)).not.toContain(`${done.id}.csv`);
    expect((await fetchFile(url)).status).toBe(404);
    const after = (await http(base, 'GET', `/api/v1/exports/${done.id}`, who.admin)).body as ExportView;
    expect(after.status).toBe('expired');
    expect(after.download).toBeNull();
  });

  it('pulls csv with a token as its owner (masked, scoped, audited); a revoked token is refused; only admins and coordinators make them', async () => {
    expect((await http(base, 'POST', '/api/v1/export-tokens', who.staff, { kind: 'needs', label: '站点' })).status).toBe(403);
    expect((await http(base, 'POST', '/api/v1/export-tokens', who.viewer, { kind: 'needs', label: '考核' })).status).toBe(403);
    const made = await http(base, 'POST', '/api/v1/export-tokens', who.coord, {
      kind: 'needs',
      label: '县民政局拉取',
      filter: { status: 'confirmed,dispatched' },
    });
    expect(made.status).toBe(201);
    const { id, url, token } = made.body as { id: string; url: string; token: string };
    expect(await h.prisma.exportToken.count({ where: { tokenHash: token } })).toBe(0);
    const pulled = await fetch(`${base}${url}`);
    expect(pulled.status).toBe(200);
    const text = await pulled.text();
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]![0]).toBe('需求编号');
    expect(rows).toHaveLength(3);
    expect(leaks(text)).toEqual([]);
    const audit = await h.prisma.auditLog.findFirstOrThrow({ where: { action: 'export_pull', actorId: who.coord.personId } });
    expect(audit.detail).toEqual(expect.objectContaining({ tokenId: id, kind: 'needs', filter: { status: 'confirmed,dispatched' }, rows: 2, complete: true }));
    const list = (await http(base, 'GET', '/api/v1/export-tokens', who.coord)).body as { items: Array<{ id: string; lastUsedAt: string | null }> };
    expect(list.items.find((t) => t.id === id)?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(token);
    // Someone else cannot revoke it; its owner can, and then it opens nothing.
    expect((await http(base, 'DELETE', `/api/v1/export-tokens/${id}`, who.other)).status).toBe(404);
    expect((await http(base, 'DELETE', `/api/v1/export-tokens/${id}`, who.coord)).status).toBe(200);
    expect((await fetch(`${base}${url}`)).status).toBe(401);
    expect((await fetch(`${base}/api/v1/pull/${'A'.repeat(43)}`)).status).toBe(401);
  });

  it('answers bad input with 400 and field errors', async () => {
    const bad: Array<[string, string, unknown]> = [
      ['POST', '/api/v1/exports', { kind: 'nonsense' }],
      ['POST', '/api/v1/exports', { kind: 'needs', format: 'pdf' }],
      ['POST', '/api/v1/exports', { kind: 'needs', filter: { status: 'lost' } }],
      ['POST', '/api/v1/exports', { kind: 'needs', filter: { from: '2026-13' } }],
      ['POST', '/api/v1/exports', { kind: 'needs', filter: { cursor: 'abcdefghijk' } }],
      ['POST', '/api/v1/exports', { kind: 'needs', reveal: 'yes' }],
      ['POST', '/api/v1/exports', { kind: 'needs', extra: 1 }],
      ['POST', '/api/v1/exports', { kind: 'assessment', filter: { unit: 'C', month: '2026-13' } }],
      ['POST', '/api/v1/exports', { kind: 'assessment', format: 'csv', filter: { unit: 'C', month: '2026-11' } }],
      ['POST', '/api/v1/exports', { kind: 'assessment', reveal: true, filter: { unit: 'C', month: '2026-11' } }],
      ['POST', '/api/v1/exports', '[1]'],
      ['GET', '/api/v1/exports/not-a-uuid', undefined],
      ['GET', '/api/v1/exports?limit=1', undefined],
      ['GET', '/api/v1/exports/download/garbage', undefined],
      ['POST', '/api/v1/export-tokens', { kind: 'assessment', label: 'x' }],
      ['POST', '/api/v1/export-tokens', { kind: 'needs', label: '' }],
      ['POST', '/api/v1/export-tokens', { kind: 'needs', label: 'x'.repeat(61) }],
      ['DELETE', '/api/v1/export-tokens/1', undefined],
      ['GET', '/api/v1/pull/short', undefined],
    ];
    for (const [method, p, body] of bad) {
      const r = await http(base, method, p, who.admin, body);
      expect({ p, body, status: r.status }).toEqual({ p, body, status: 400 });
      expect((r.body as { fields?: unknown[] }).fields?.length ?? 0).toBeGreaterThan(0);
    }
    // Nothing was queued by any of them.
    expect(await h.prisma.exportJob.count({ where: { kind: 'nonsense' } })).toBe(0);
  });
});
