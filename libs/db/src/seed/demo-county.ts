// The demo county (清溪县): 1 centre, 2 institutes, 4 stations, teams of several categories
// bound to web-chat groups, a resident, volunteers and coordinators with web identities.
// Idempotent: re-running updates in place.
import { nameColumns } from '../person-name.js';
import type { FieldCipher } from '@baiying/crypto';
import type { OrgTier } from '@baiying/domain';
import { Prisma, type PrismaClient } from '../prisma.js';
import { DEFAULT_CATEGORIES } from './categories.js';

interface UnitSeed {
  code: string;
  name: string;
  nameEn: string;
  tier: OrgTier;
  parent?: string;
  aliases?: string[];
}

export const DEMO_UNITS: UnitSeed[] = [
  { code: 'C', name: '清溪县新时代文明实践中心', nameEn: 'Qingxi County Civilisation Practice Centre', tier: 'center', aliases: ['县中心', '清溪县'] },
  { code: 'I-DH', name: '东湖镇新时代文明实践所', nameEn: 'Donghu Town Practice Institute', tier: 'institute', parent: 'C', aliases: ['东湖镇', '东湖'] },
  { code: 'I-XS', name: '西山街道新时代文明实践所', nameEn: 'Xishan Subdistrict Practice Institute', tier: 'institute', parent: 'C', aliases: ['西山街道'] },
  { code: 'S-XF', name: '幸福社区', nameEn: 'Xingfu Community', tier: 'station', parent: 'I-DH', aliases: ['幸福小区', '幸福社区实践站', 'Xingfu'] },
  { code: 'S-HP', name: '和平村', nameEn: 'Heping Village', tier: 'station', parent: 'I-DH', aliases: ['和平村实践站', 'Heping'] },
  { code: 'S-XS', name: '西山社区', nameEn: 'Xishan Community', tier: 'station', parent: 'I-XS', aliases: ['西山社区实践站', 'Xishan'] },
  { code: 'S-TY', name: '桃源村', nameEn: 'Taoyuan Village', tier: 'station', parent: 'I-XS', aliases: ['桃源村实践站', 'Taoyuan'] },
];

/** Team code → [org unit code, category, name, English name]. County level carries the full 8+N. */
export const DEMO_TEAMS: Array<[string, string, string, string, string]> = [
  ['S-XF-ELDER', 'S-XF', 'elderly', '幸福社区为老服务队', 'Xingfu elderly care team'],
  ['S-XF-REPAIR', 'S-XF', 'repair', '幸福社区便民维修队', 'Xingfu repairs team'],
  ['S-HP-ELDER', 'S-HP', 'elderly', '和平村助老队', 'Heping elderly care team'],
  ['S-XS-EDU', 'S-XS', 'education', '西山社区四点半课堂', 'Xishan after-school class'],
  ['I-DH-ELDER', 'I-DH', 'elderly', '东湖镇为老助老队', 'Donghu elderly care team'],
  ['I-DH-LEGAL', 'I-DH', 'legal', '东湖镇法律服务队', 'Donghu legal aid team'],
  ['I-XS-REPAIR', 'I-XS', 'repair', '西山街道维修队', 'Xishan repairs team'],
  ['I-XS-HEALTH', 'I-XS', 'health', '西山街道医疗健身队', 'Xishan health and fitness team'],
  ...DEFAULT_CATEGORIES.map((c): [string, string, string, string, string] => [
    `C-${c.code.toUpperCase()}`,
    'C',
    c.code,
    `县${c.nameZh}志愿服务队`,
    `County ${c.nameEn.toLowerCase()} team`,
  ]),
];

interface PersonSeed {
  key: string;
  name: string;
  phone: string;
  coordinatorOf?: string;
  /** A console-only role (no chat powers): station staff or a read-only viewer, on a unit. */
  consoleRole?: { role: 'staff' | 'viewer'; unit: string };
  volunteer?: { station: string; teams: string[]; skills: string[] };
}

export const DEMO_PEOPLE: PersonSeed[] = [
  { key: 'demo-resident', name: '王阿姨', phone: '13800000001' },
  { key: 'demo-vol-li', name: '李师傅', phone: '13800000002', volunteer: { station: 'S-XF', teams: ['S-XF-ELDER', 'S-XF-REPAIR'], skills: ['理发', '电工'] } },
  { key: 'demo-vol-zhang', name: '张护士', phone: '13800000003', volunteer: { station: 'S-XF', teams: ['S-XF-ELDER', 'I-DH-ELDER'], skills: ['护理'] } },
  { key: 'demo-vol-chen', name: '陈老师', phone: '13800000004', volunteer: { station: 'S-XS', teams: ['S-XS-EDU', 'C-EDUCATION'], skills: ['数学', '英语'] } },
  { key: 'demo-coord-dh', name: '赵主任', phone: '13800000005', coordinatorOf: 'I-DH' },
  { key: 'demo-coord-county', name: '孙主任', phone: '13800000006', coordinatorOf: 'C' },
  { key: 'demo-staff-xf', name: '刘站长', phone: '13800000007', consoleRole: { role: 'staff', unit: 'S-XF' } },
  { key: 'demo-viewer', name: '周科员', phone: '13800000008', consoleRole: { role: 'viewer', unit: 'C' } },
];

export async function seedCategories(prisma: PrismaClient): Promise<void> {
  for (const [i, c] of DEFAULT_CATEGORIES.entries()) {
    const data = { nameZh: c.nameZh, nameEn: c.nameEn, defaultHours: new Prisma.Decimal(c.defaultHours), keywords: c.keywords, sortOrder: i };
    await prisma.category.upsert({ where: { code: c.code }, create: { code: c.code, ...data }, update: data });
  }
}

export async function seedDemoCounty(prisma: PrismaClient, cipher: FieldCipher, opts: { webGroups?: boolean } = {}): Promise<void> {
  await seedCategories(prisma);
  const ids = new Map<string, { id: string; path: string }>();
  for (const u of DEMO_UNITS) {
    const parent = u.parent ? ids.get(u.parent) : undefined;
    const row = await prisma.orgUnit.upsert({
      where: { code: u.code },
      create: { code: u.code, name: u.name, nameEn: u.nameEn, tier: u.tier, parentId: parent?.id ?? null, aliases: u.aliases ?? [], path: '' },
      update: { name: u.name, nameEn: u.nameEn, tier: u.tier, parentId: parent?.id ?? null, aliases: u.aliases ?? [] },
    });
    const path = `${parent?.path ?? '/'}${row.id}/`;
    await prisma.orgUnit.update({ where: { id: row.id }, data: { path } });
    ids.set(u.code, { id: row.id, path });
  }
  const teamIds = new Map<string, string>();
  for (const [code, unit, category, name, nameEn] of DEMO_TEAMS) {
    const orgUnitId = ids.get(unit)!.id;
    const t = await prisma.team.upsert({
      where: { code },
      create: { code, name, nameEn, categoryCode: category, orgUnitId },
      update: { name, nameEn, categoryCode: category, orgUnitId },
    });
    teamIds.set(code, t.id);
    if (opts.webGroups !== false) {
      const chatId = `g-${code}`;
      await prisma.teamChat.upsert({
        where: { channel_chatId: { channel: 'web', chatId } },
        create: { teamId: t.id, channel: 'web', chatId, title: name },
        update: { teamId: t.id, title: name },
      });
    }
  }
  for (const p of DEMO_PEOPLE) {
    const existing = await prisma.channelIdentity.findUnique({ where: { channel_externalId: { channel: 'web', externalId: p.key } } });
    const person = existing
      ? await prisma.person.update({ where: { id: existing.personId }, data: nameColumns(cipher, p.name) })
      : await prisma.person.create({
          data: {
            ...nameColumns(cipher, p.name),
            phoneEnc: cipher.encrypt(p.phone),
            phoneHash: cipher.hash(p.phone),
            identities: { create: { channel: 'web', externalId: p.key, chatId: p.key } },
          },
        });
    if (p.coordinatorOf) {
      const orgUnitId = ids.get(p.coordinatorOf)!.id;
      await prisma.roleAssignment.upsert({
        where: { personId_role_orgUnitId: { personId: person.id, role: 'coordinator', orgUnitId } },
        create: { personId: person.id, role: 'coordinator', orgUnitId },
        update: {},
      });
    }
    if (p.consoleRole) {
      const orgUnitId = ids.get(p.consoleRole.unit)!.id;
      await prisma.roleAssignment.upsert({
        where: { personId_role_orgUnitId: { personId: person.id, role: p.consoleRole.role, orgUnitId } },
        create: { personId: person.id, role: p.consoleRole.role, orgUnitId },
        update: {},
      });
    }
    if (p.volunteer) {
      const stationId = ids.get(p.volunteer.station)!.id;
      await prisma.volunteer.upsert({
        where: { personId: person.id },
        create: { personId: person.id, stationId, skills: p.volunteer.skills, status: 'approved', approvedAt: new Date() },
        update: { stationId, skills: p.volunteer.skills },
      });
      for (const team of p.volunteer.teams) {
        const teamId = teamIds.get(team)!;
        await prisma.teamMembership.upsert({
          where: { teamId_volunteerId: { teamId, volunteerId: person.id } },
          create: { teamId, volunteerId: person.id, status: 'approved', decidedAt: new Date() },
          update: {},
        });
      }
    }
  }
}
