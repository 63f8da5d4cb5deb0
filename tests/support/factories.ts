// People and calls for tests that bring their own cast into the seeded demo county (its units
// and teams are the world; who lives in it is up to the test). Every factory makes new rows
// with keys unique within the run, so a test never depends on whom the seed put where, and
// returns what the use cases take (an ActorRow, a CallDraft, a call's id and code).
import { randomUUID } from 'node:crypto';
import { seedBulkVolunteers, type ActorRow, type Channel, type PrismaClient, nameColumns } from '@baiying/db';
import type { CallDraft, Desk } from '@baiying/features';

/** What the factories need of a harness (DeskHarness has both). */
export interface World {
  prisma: PrismaClient;
  desk: Desk;
}

export interface IdentityOptions {
  /** Default: web. */
  channel?: Channel;
  /** The platform's user id; default: a fresh unique key. */
  externalId?: string;
  /** Their private chat; default: the external id (as on Telegram and web). */
  chatId?: string;
  name?: string;
}

export interface VolunteerOptions extends IdentityOptions {
  /** Teams they are a member of (none: a volunteer of `station` in no team). */
  teams?: string[];
  /** Their station; default: the unit of the first team. */
  station?: string;
  skills?: string[];
  /** The person's id (to control the order of rows sorted by it); default: a random uuid. */
  personId?: string;
}

let serial = 0;
/** Unique within the run (the suffix keeps two test files' keys apart in a shared database). */
const uniqueKey = (prefix: string): string => `${prefix}-${++serial}-${randomUUID().slice(0, 8)}`;
/** Numeric chat ids (Telegram's are integers) in a block of their own per batch. */
let chatBlock = 0;
const nextChatBase = (): number => 8_000_000_000 + ++chatBlock * 100_000 + Math.floor(Math.random() * 50_000);

/** The desk's view of a person (roles, volunteer status, teams), as the use cases take it. */
export function actorOf(h: World, personId: string, desk: Desk = h.desk): Promise<ActorRow> {
  return desk.uow.run((w) => w.repos.people.actor(personId));
}

function identity(o: IdentityOptions, prefix: string) {
  const externalId = o.externalId ?? uniqueKey(prefix);
  return { channel: o.channel ?? 'web', externalId, chatId: o.chatId ?? externalId, name: o.name ?? externalId };
}

/** A coordinator of the unit `unitCode` (its subtree is their scope). */
export async function coordinatorOf(h: World, unitCode: string, o: IdentityOptions = {}): Promise<ActorRow> {
  const unit = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: unitCode } });
  const id = identity(o, `coord-${unitCode}`);
  const person = await h.prisma.person.create({
    data: {
      ...nameColumns(h.desk.uow.deps.cipher, id.name),
      identities: { create: { channel: id.channel, externalId: id.externalId, chatId: id.chatId } },
      roles: { create: { role: 'coordinator', orgUnitId: unit.id } },
    },
  });
  return actorOf(h, person.id);
}

/**
 * A new team of `unit` (default category: environment, which no other test routes to, so a
 * team made here never takes a need meant for a seeded one). Returns its code.
 */
export async function teamOf(h: World, unitCode: string, o: { category?: string; name?: string } = {}): Promise<string> {
  const unit = await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: unitCode } });
  const code = uniqueKey(`T-${unitCode}`).toUpperCase();
  await h.prisma.team.create({ data: { code, name: o.name ?? code, categoryCode: o.category ?? 'environment', orgUnitId: unit.id } });
  return code;
}

/** An approved volunteer. */
export async function volunteerOf(h: World, o: VolunteerOptions): Promise<ActorRow> {
  const teams = await Promise.all((o.teams ?? []).map((code) => h.prisma.team.findUniqueOrThrow({ where: { code } })));
  const stationId = o.station ? (await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: o.station } })).id : teams[0]?.orgUnitId;
  if (!stationId) throw new Error('volunteerOf: name a station or a team');
  const id = identity(o, 'vol');
  const person = await h.prisma.person.create({
    data: {
      ...(o.personId ? { id: o.personId } : {}),
      ...nameColumns(h.desk.uow.deps.cipher, id.name),
      identities: { create: { channel: id.channel, externalId: id.externalId, chatId: id.chatId } },
      volunteer: {
        create: {
          stationId,
          status: 'approved',
          approvedAt: new Date(),
          skills: o.skills ?? [],
          memberships: { create: teams.map((t) => ({ teamId: t.id, status: 'approved' as const })) },
        },
      },
    },
  });
  return actorOf(h, person.id);
}

/** A person with a private chat and no role (a resident, once they submit a need). */
export async function residentOf(h: World, o: IdentityOptions = {}): Promise<ActorRow> {
  const id = identity(o, 'resident');
  const person = await h.prisma.person.create({
    data: { ...nameColumns(h.desk.uow.deps.cipher, id.name), identities: { create: { channel: id.channel, externalId: id.externalId, chatId: id.chatId } } },
  });
  return actorOf(h, person.id);
}

export interface VolunteersOptions {
  /** Members of this team. */
  team?: string;
  /** Default: the team's unit. */
  station?: string;
  channel?: Channel;
  /** Names are the prefix and a number from 1, in creation order. */
  namePrefix?: string;
  skills?: string[];
}

/** `n` approved volunteers at once (bulk inserts: hundreds are cheap), in creation order. */
export async function volunteersOf(h: World, n: number, o: VolunteersOptions): Promise<ActorRow[]> {
  const team = o.team ? await h.prisma.team.findUniqueOrThrow({ where: { code: o.team }, include: { orgUnit: true } }) : null;
  const station = o.station ?? team?.orgUnit.code;
  if (!station) throw new Error('volunteersOf: name a station or a team');
  const seeded = await seedBulkVolunteers(h.prisma, {
    count: n,
    stationCodes: [station],
    cipher: h.desk.uow.deps.cipher,
    ...(o.team ? { teamCode: o.team } : {}),
    channel: o.channel ?? 'web',
    chatIdBase: nextChatBase(),
    namePrefix: o.namePrefix ?? `${o.team ?? station}-`,
    ...(o.skills ? { skills: o.skills } : {}),
  });
  return h.desk.uow.run(async (w) => {
    const out: ActorRow[] = [];
    for (const s of seeded) out.push(await w.repos.people.actor(s.personId));
    return out;
  });
}

const HOUR = 3_600_000;

/** A call two days after `now`, four hours long, for ten people, to everyone in the coordinator's scope. */
export function callDraft(now: Date, over: Partial<CallDraft> = {}): CallDraft {
  const startsAt = new Date(now.getTime() + 48 * HOUR);
  return {
    title: '防汛搬沙袋',
    description: '东湖大堤加固，需要青壮年',
    placeText: '东湖大堤北闸口',
    startsAt,
    endsAt: new Date(startsAt.getTime() + 4 * HOUR),
    headcount: 10,
    audience: { everyone: true },
    ...over,
  };
}

/** Creates the call at the desk (throws on a refusal, naming it). */
export async function createCall(desk: Desk, coordinator: ActorRow, draft: CallDraft): Promise<{ callId: string; code: string; recipients: number }> {
  const r = await desk.uow.run((w) => desk.calls.create.execute(w, coordinator, draft));
  if (!r.ok) throw new Error(`call not created: ${r.code} ${JSON.stringify(r.detail ?? {})}`);
  return { callId: r.value.callId, code: r.value.code, recipients: r.value.preview.recipients };
}
