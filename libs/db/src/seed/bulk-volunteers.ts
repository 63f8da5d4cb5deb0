// Many approved volunteers at once (benchmarks, broadcast tests, load rehearsals): persons,
// one private-chat identity each and the volunteer row, inserted in chunks.
import { randomUUID } from 'node:crypto';
import type { FieldCipher } from '@baiying/crypto';
import { nameColumns } from '../person-name.js';
import type { Channel, PrismaClient } from '../prisma.js';

export interface BulkVolunteersOptions {
  count: number;
  /** Org unit codes the volunteers are spread over (round robin), e.g. ['S-XF', 'S-HP']. */
  stationCodes: string[];
  channel?: Channel;
  /** Private chat ids are `chatIdBase + i` (Telegram user ids are positive integers). */
  chatIdBase?: number;
  /** Also make them members of this team (by code). */
  teamCode?: string;
  skills?: string[];
  namePrefix?: string;
  /** Names are stored encrypted (decision 0027). */
  cipher: FieldCipher;
}

/** Returns the created person ids and chat ids, in creation order. */
export async function seedBulkVolunteers(prisma: PrismaClient, o: BulkVolunteersOptions): Promise<Array<{ personId: string; chatId: string }>> {
  const units = await prisma.orgUnit.findMany({ where: { code: { in: o.stationCodes } } });
  const byCode = new Map(units.map((u) => [u.code, u.id]));
  const stationIds = o.stationCodes.map((c) => {
    const id = byCode.get(c);
    if (!id) throw new Error(`unknown org unit ${c}`);
    return id;
  });
  const team = o.teamCode ? await prisma.team.findUnique({ where: { code: o.teamCode } }) : null;
  if (o.teamCode && !team) throw new Error(`unknown team ${o.teamCode}`);
  const base = o.chatIdBase ?? 7_000_000_000;
  const out: Array<{ personId: string; chatId: string }> = [];
  const CHUNK = 1000;
  for (let start = 0; start < o.count; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, o.count - start) }, (_, k) => {
      const i = start + k;
      return { personId: randomUUID(), chatId: String(base + i), name: `${o.namePrefix ?? '志愿者'}${i + 1}`, stationId: stationIds[i % stationIds.length]! };
    });
    await prisma.person.createMany({ data: rows.map((r) => ({ id: r.personId, ...nameColumns(o.cipher, r.name) })) });
    await prisma.channelIdentity.createMany({
      data: rows.map((r) => ({ personId: r.personId, channel: o.channel ?? 'telegram', externalId: r.chatId, chatId: r.chatId })),
    });
    await prisma.volunteer.createMany({
      data: rows.map((r) => ({ personId: r.personId, status: 'approved' as const, stationId: r.stationId, skills: o.skills ?? [], approvedAt: new Date() })),
    });
    if (team) await prisma.teamMembership.createMany({ data: rows.map((r) => ({ teamId: team.id, volunteerId: r.personId, status: 'approved' as const })) });
    out.push(...rows.map((r) => ({ personId: r.personId, chatId: r.chatId })));
  }
  return out;
}
