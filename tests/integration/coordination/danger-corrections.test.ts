// Coordinators correct the danger check in chat (/danger N-… 是|否): the correction is kept once
// per need as a labelled example with the need's text encrypted, only by a coordinator whose
// scope covers the need, and exports as evaluation/training examples.
import type { ConversationEngine } from '@baiying/conversation';
import { Repos } from '@baiying/db';
import type { InboundEvent, OutMessage } from '@baiying/domain';
import { dangerCorrections } from '@baiying/features';
import { routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, testConfig, type DeskHarness } from '../../support/test-env.js';

describe('danger corrections', () => {
  const config = testConfig();
  let h: DeskHarness;
  let engine: ConversationEngine;
  let seq = 0;

  const command = async (from: string, args: string): Promise<string> => {
    const ev: InboundEvent = {
      channel: 'web',
      updateId: `dc${++seq}`,
      chat: { id: from, kind: 'private' },
      from: { externalId: from, displayName: from },
      kind: 'command',
      command: { name: 'danger', args },
    };
    await engine.handle(ev);
    const row = await h.prisma.sentMessage.findFirstOrThrow({ where: { chatId: from }, orderBy: { seq: 'desc' } });
    return (JSON.parse(h.cipher.decrypt(row.bodyEnc)) as OutMessage).text;
  };

  beforeAll(async () => {
    h = deskHarness(config);
    await resetDatabase(h.prisma, h.cipher);
    engine = await h.engine();
  });

  afterAll(async () => {
    await flushPrefix(config.redisUrl, config.redisPrefix);
    await h.close();
  });

  it('keeps one label per need, encrypted, and exports it as an example', async () => {
    const need = await routedNeed(h, 'res-dc1', { stationCode: 'S-XF', description: '楼下王奶奶三天没开门了，敲门也不应' });
    expect(await command('demo-coord-dh', `${need.code} 是`)).toContain('当时有人身危险');
    // A second word on the same need replaces the first: one row, the latest label.
    expect(await command('demo-coord-dh', `${need.code} 否`)).toContain('当时没有人身危险');
    const rows = await h.prisma.nluCorrection.findMany({ where: { needId: need.id } });
    expect(rows.map((r) => ({ kind: r.kind, label: r.label }))).toEqual([{ kind: 'danger', label: 'no_danger' }]);
    expect(rows[0]!.textEnc).not.toContain('王奶奶');
    expect(await command('demo-coord-dh', `${need.code} 是`)).toContain('当时有人身危险');
    expect(await dangerCorrections(new Repos(h.prisma), h.cipher)).toContainEqual({
      text: '楼下王奶奶三天没开门了，敲门也不应',
      danger: true,
      source: 'correction',
    });
  });

  it('refuses residents, coordinators out of scope, unknown needs and bad arguments, keeping nothing', async () => {
    const need = await routedNeed(h, 'res-dc2', { stationCode: 'S-XS' });
    const before = await h.prisma.nluCorrection.count();
    expect(await command('res-dc2', `${need.code} 是`)).toContain('只有管理员可以这样做');
    expect(await command('demo-coord-dh', `${need.code} 是`)).toContain('这不在您的管辖范围内');
    expect(await command('demo-coord-dh', 'N-20990101-0001 是')).toContain('没有找到这个需求');
    expect(await command('demo-coord-dh', `${need.code} 也许`)).toContain('用法：/danger');
    expect(await h.prisma.nluCorrection.count()).toBe(before);
  });
});
