// The four lists (四张清单) export over real HTTP, PostgreSQL and Redis with the real run-export job
// (a BullMQ consumer of the exports queue in this process): the latest 公示 snapshot version of a
// unit's month as an xlsx that exceljs reads back (sheet names and zh-CN headers, every list's
// rows, the residents' score, a correction's public texts), English for an English speaker, no
// phone, address or full name; out of scope or no snapshot 404; bad input 400; audited.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { AppConfig } from '@baiying/config';
import { JobRegistry } from '@baiying/kernel';
import { findPhones } from '@baiying/nlu';
import { startQueueWorker, type RunningWorker } from '@baiying/platform';
import { QueueName } from '@baiying/queue';
import { startApi } from '../../../apps/api/src/bootstrap.js';
import { actorOf, coordinatorOf } from '../../support/factories.js';
import { doneBy, routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, waitUntil, type DeskHarness } from '../../support/test-env.js';
import { http, sessionRow, type Caller } from './console-support.js';
import { NAME_SELECT, personName } from '@baiying/db';

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };
const MONTH = '2026-11';
const PHONES = ['13912345600', '13912345601'];
const ADDRESSES = ['幸福小区9栋902', '和平村西头3号'];

interface ExportView {
  id: string;
  status: string;
  rowsDone: number;
  rowsTotal: number | null;
  download: { url: string } | null;
}

describe('Exports: the four lists (四张清单) of a unit’s month', () => {
  let config: AppConfig;
  let h: DeskHarness;
  let api: INestApplication;
  let worker: RunningWorker;
  let base = '';
  let dir = '';
  let coord: Caller;
  let other: Caller;
  let viewer: Caller;
  let fulfilled = '';
  let unfulfilled = '';
  let names: string[] = [];

  const caller = async (personId: string): Promise<Caller> => {
    const s = await sessionRow(h.prisma, personId, { expiresAt: new Date(Date.now() + 3_600_000) });
    return { cookie: s.cookie, csrf: s.csrf, headers: { origin: base } };
  };
  const persona = async (key: string) => (await h.prisma.channelIdentity.findFirstOrThrow({ where: { externalId: key } })).personId;

  async function exported(c: Caller, body: unknown): Promise<ExportView> {
    const r = await http(base, 'POST', '/api/v1/exports', c, body);
    expect({ status: r.status, kind: (r.body as { status?: string }).status }).toEqual({ status: 201, kind: 'queued' });
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

  async function workbook(url: string): Promise<{ wb: ExcelJS.Workbook; text: string; name: string }> {
    const r = await fetch(`${base}${url}`);
    expect(r.status).toBe(200);
    const name = decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(r.headers.get('content-disposition') ?? '')?.[1] ?? '');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await r.arrayBuffer()) as unknown as ArrayBuffer);
    const cells: string[] = [];
    for (const ws of wb.worksheets)
      ws.eachRow((row) => cells.push((row.values as unknown[]).map((v) => (v === undefined || v === null ? '' : String(v))).join('\t')));
    return { wb, text: cells.join('\n'), name };
  }

  const rowsOf = (ws: ExcelJS.Worksheet): string[][] => {
    const out: string[][] = [];
    ws.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v)))));
    return out;
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'baiying-four-lists-'));
    config = testConfig({ API_PORT: '0', EXPORT_DIR: dir, OUTBOX_POLL_MS: '100' });
    h = deskHarness(config, 6);
    await resetDatabase(h.prisma, h.cipher);
    const li = await actorOf(h, await persona('demo-vol-li'));
    const a = await routedNeed(h, 'fl-res-1', { teamCode: 'S-XF-ELDER', phone: PHONES[0]!, address: ADDRESSES[0]!, beneficiary: 'elderly' });
    await doneBy(h, li, a.id, 2);
    const b = await routedNeed(h, 'fl-res-2', { stationCode: 'S-HP', teamCode: 'S-XF-REPAIR', category: 'repair', phone: PHONES[1]!, address: ADDRESSES[1]! });
    await h.prisma.need.update({ where: { id: a.id }, data: { createdAt: new Date('2026-11-05T03:00:00Z') } });
    await h.prisma.need.update({
      where: { id: b.id },
      data: { createdAt: new Date('2026-11-25T03:00:00Z'), status: 'unfulfilled', promisedDate: new Date('2026-12-31T00:00:00Z') },
    });
    fulfilled = a.code;
    unfulfilled = b.code;
    const dh = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'I-DH' } });
    const frozen = await h.desk.uow.run((w) => h.desk.publicity.freeze.execute(w, { unitId: dh.id, month: MONTH }));
    if (!frozen.ok) throw new Error(frozen.code);
    api = await startApi(config);
    base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    coord = await caller(await persona('demo-coord-dh'));
    viewer = await caller(await persona('demo-viewer'));
    other = await caller((await coordinatorOf(h, 'I-XS', { name: '西山主任' })).personId);
    // Published, scored by the resident, then corrected (version 2 with the public texts).
    expect((await http(base, 'POST', `/api/v1/publicity/snapshots/${frozen.value.snapshotId}/publish`, coord, {})).status).toBe(200);
    await h.prisma.publicityScore.update({ where: { needId: a.id }, data: { score: 5, source: 'chat', scoredAt: new Date() } });
    const corrected = await http(base, 'POST', `/api/v1/publicity/snapshots/${frozen.value.snapshotId}/corrections`, coord, {
      summary: '补充原因',
      items: [{ code: b.code, reason: '等待配件', steps: '到货后上门维修' }],
    });
    expect(corrected.status).toBe(201);
    names = (await h.prisma.person.findMany({ select: NAME_SELECT })).map((p) => personName(h.cipher, p)).filter((n) => [...n].length >= 2);
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

  it('writes the latest version as a workbook: 说明 and the four lists, zh-CN headers, scores and public texts, no personal data; audited', async () => {
    const done = await exported(coord, { kind: 'four_lists', filter: { unit: 'I-DH', month: MONTH } });
    const { wb, text, name } = await workbook(done.download!.url);
    expect(name).toMatch(/^四张清单-\d{8}\.xlsx$/);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '需求清单', '服务清单', '资源清单', '落实清单']);
    const about = rowsOf(wb.getWorksheet('说明')!).map((r) => r.join(''));
    expect(about[0]).toBe(`四张清单：东湖镇新时代文明实践所，${MONTH}`);
    expect(about[1]).toMatch(/^第 2 版，已公示，冻结于 /);
    expect(about).toContain('本版更正说明：补充原因');
    expect(about).toContain(`公示页面：/gongshi/I-DH/${MONTH}/v2`);

    const needs = rowsOf(wb.getWorksheet('需求清单')!);
    expect(needs[0]).toEqual(['需求编号', '站点', '服务类别', '服务对象', '状态', '日期']);
    expect(
      needs
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([fulfilled, unfulfilled].sort());
    expect(needs.find((r) => r[0] === fulfilled)!.slice(1, 5)).toEqual(['幸福社区', '为老助老', 'elderly', 'done']);

    const services = rowsOf(wb.getWorksheet('服务清单')!);
    expect(services[0]).toEqual(['服务类别', '志愿队伍', '单位']);
    expect(services).toContainEqual(['为老助老', '幸福社区为老服务队', '幸福社区']);
    const resources = rowsOf(wb.getWorksheet('资源清单')!);
    expect(resources[0]).toEqual(['志愿队伍', '单位', '服务类别', '在册志愿者（人）']);
    expect(resources.map((r) => r[0])).toContain('技能');
    expect(resources.map((r) => r[0])).toContain('理发');

    const fulfilment = rowsOf(wb.getWorksheet('落实清单')!);
    expect(fulfilment[0]).toEqual([
      '需求编号',
      '站点',
      '服务类别',
      '服务对象',
      '落实情况',
      '志愿队伍',
      '完成时间',
      '群众评分',
      '群众点评',
      '承诺兑现日期',
      '未兑现原因',
      '实施步骤',
    ]);
    const f = fulfilment.find((r) => r[0] === fulfilled)!;
    expect([f[4], f[5], f[8]]).toEqual(['已兑现', '幸福社区为老服务队', '5']);
    const u = fulfilment.find((r) => r[0] === unfulfilled)!;
    expect([u[1], u[4], u[9], u[10], u[11]]).toEqual(['和平村', '未兑现（限时兑现）', '2026-12-31', '等待配件', '到货后上门维修']);

    // Public facts only: no phone (the understanding's detector and the seeded ones), address or name.
    expect(findPhones(text).map((p) => p.value)).toEqual([]);
    for (const p of PHONES) expect(text).not.toContain(p);
    for (const a of ADDRESSES) expect(text).not.toContain(a);
    for (const n of names) expect([n, text.includes(n)]).toEqual([n, false]);
    expect(done.rowsDone).toBe(done.rowsTotal);
    const audit = await h.prisma.auditLog.findFirstOrThrow({ where: { action: 'export', detail: { path: ['exportId'], equals: done.id } } });
    expect(audit.reason).toBe('masked');
    expect(audit.detail).toMatchObject({ kind: 'four_lists', format: 'xlsx', filter: { unit: 'I-DH', month: MONTH }, rows: done.rowsTotal });
  }, 90_000);

  it('writes English headers for an English speaker, and lets the viewer export it (public facts: masked anyway)', async () => {
    const personId = await persona('demo-coord-dh');
    await h.prisma.person.update({ where: { id: personId }, data: { locale: 'en' } });
    try {
      const done = await exported(coord, { kind: 'four_lists', filter: { unit: 'I-DH', month: MONTH } });
      const { wb, name } = await workbook(done.download!.url);
      expect(name).toMatch(/^four-lists-\d{8}\.xlsx$/);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['About', 'Needs list', 'Service menu', 'Resources', 'Implementation']);
      expect(rowsOf(wb.getWorksheet('Needs list')!)[1]![1]).toMatch(/Xingfu|Heping/);
    } finally {
      await h.prisma.person.update({ where: { id: personId }, data: { locale: 'zh-CN' } });
    }
    const byViewer = await exported(viewer, { kind: 'four_lists', filter: { unit: 'I-DH', month: MONTH } });
    expect(byViewer.rowsTotal).toBeGreaterThan(0);
  }, 90_000);

  it('answers 404 for a unit out of scope or a month without a snapshot, 400 for bad input; queues nothing', async () => {
    const before = await h.prisma.exportJob.count();
    expect((await http(base, 'POST', '/api/v1/exports', other, { kind: 'four_lists', filter: { unit: 'I-DH', month: MONTH } })).status).toBe(404);
    expect((await http(base, 'POST', '/api/v1/exports', coord, { kind: 'four_lists', filter: { unit: 'I-DH', month: '2026-09' } })).status).toBe(404);
    expect((await http(base, 'POST', '/api/v1/exports', coord, { kind: 'four_lists', filter: { unit: 'NOPE', month: MONTH } })).status).toBe(404);
    for (const bad of [
      { kind: 'four_lists', filter: { unit: 'I-DH', month: '2026-13' } },
      { kind: 'four_lists', filter: { unit: 'I-DH' } },
      { kind: 'four_lists', format: 'csv', filter: { unit: 'I-DH', month: MONTH } },
      { kind: 'four_lists', reveal: true, filter: { unit: 'I-DH', month: MONTH } },
      { kind: 'four_lists', filter: { unit: 'I-DH', month: MONTH, station: 'S-XF' } },
    ]) {
      const r = await http(base, 'POST', '/api/v1/exports', coord, bad);
      expect([JSON.stringify(bad), r.status]).toEqual([JSON.stringify(bad), 400]);
    }
    expect((await http(base, 'POST', '/api/v1/export-tokens', coord, { kind: 'four_lists', label: 'x' })).status).toBe(400);
    expect(await h.prisma.exportJob.count()).toBe(before);
  });
});
