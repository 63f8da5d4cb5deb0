// A fresh world for each end-to-end test while the apps keep running: the people, needs,
// bindings and messages of the previous test are gone, the demo county's units, teams and
// categories stay (with the same ids: a running bot read its stations once at start), and the
// test brings its own cast through the use cases. A suite's beforeAll still calls
// resetDatabase (test-env.ts) once: the county itself may hold another suite's extra teams.
import type { ActorRow, Channel } from '@baiying/db';
import { outboundSettled, type DeskHarness } from './test-env.js';
import { seedDemoCounty, nameColumns } from '@baiying/db';

/**
 * Kept across tests: the org tree, teams and categories (the bot caches stations at start),
 * the migrations, and the need counter (codes keep growing, so a code never names two needs
 * of one suite).
 */
const KEPT = new Set(['_prisma_migrations', 'org_unit', 'team', 'category', 'need_counter', 'report_setting']);

async function tablesToEmpty(h: DeskHarness): Promise<string[]> {
  const rows = await h.prisma.$queryRawUnsafe<Array<{ tablename: string }>>(`SELECT tablename FROM pg_tables WHERE schemaname = current_schema()`);
  return rows.map((r) => r.tablename).filter((t) => !KEPT.has(t));
}

export interface ResetOptions {
  /**
   * Seed the demo county's people again (the web chat's personas), with or without their web
   * groups; null: no demo people, the test brings its whole cast (and no one else gets alerts).
   */
  demo: { webGroups: boolean } | null;
  /** How long to wait for the previous test's messages to go out first. */
  settleMs?: number;
}

/**
 * Waits until the previous test's messages are out (its late sends must not land in this
 * test, nor be cut off mid-send), then empties everything but the county (and seeds the demo
 * people again if asked). A previous test that failed with messages stuck does not fail this one: after
 * the bound its rows are deleted anyway and the outbound worker skips rows that are gone.
 */
export async function resetWorld(h: DeskHarness, opts: ResetOptions): Promise<void> {
  await outboundSettled(h, '', opts.settleMs ?? 20_000).catch(() => undefined);
  const tables = await tablesToEmpty(h);
  // TRUNCATE waits for the apps' transactions; a deadlock with one of them is retried.
  for (let attempt = 1; ; attempt++) {
    try {
      await h.prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t}"`).join(', ')} CASCADE`);
      break;
    } catch (e) {
      if (attempt >= 3 || !/deadlock/i.test(String(e))) throw e;
    }
  }
  await h.prisma.orgUnit.updateMany({ data: { emergencyMode: false } });
  await h.prisma.team.updateMany({ data: { locale: 'zh' } });
  if (opts.demo) await seedDemoCounty(h.prisma, h.cipher, opts.demo);
}

export interface Identity {
  channel: Channel;
  externalId: string;
  /** Their private chat; default: the external id (as on Telegram and web). */
  chatId?: string;
  name: string;
}

async function personWith(h: DeskHarness, who: Identity, extra: { coordinatorOf?: string; teams?: string[] } = {}): Promise<ActorRow> {
  const identities = { create: { channel: who.channel, externalId: who.externalId, chatId: who.chatId ?? who.externalId } };
  const coordinator = extra.coordinatorOf ? await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: extra.coordinatorOf } }) : null;
  const teams = await Promise.all((extra.teams ?? []).map((code) => h.prisma.team.findUniqueOrThrow({ where: { code } })));
  const person = await h.prisma.person.create({
    data: {
      ...nameColumns(h.cipher, who.name),
      identities,
      ...(coordinator ? { roles: { create: { role: 'coordinator', orgUnitId: coordinator.id } } } : {}),
      ...(teams[0]
        ? {
            volunteer: {
              create: {
                stationId: teams[0].orgUnitId,
                status: 'approved',
                approvedAt: new Date(),
                memberships: { create: teams.map((t) => ({ teamId: t.id, status: 'approved' as const })) },
              },
            },
          }
        : {}),
    },
  });
  return h.desk.uow.run((w) => w.repos.people.actor(person.id));
}

/** A person with a private chat and no role (a resident once they submit a need). */
export const residentAs = (h: DeskHarness, who: Identity): Promise<ActorRow> => personWith(h, who);

/** An approved volunteer, member of `teams` (their station: the first team's unit). */
export function volunteerAs(h: DeskHarness, who: Identity, teams: [string, ...string[]]): Promise<ActorRow> {
  return personWith(h, who, { teams });
}

/** A coordinator of the unit `unitCode` (its subtree is their scope). */
export function coordinatorAs(h: DeskHarness, who: Identity, unitCode: string): Promise<ActorRow> {
  return personWith(h, who, { coordinatorOf: unitCode });
}

/** The coordinator binds a group chat to a team, as /bindteam does. */
export async function bindGroup(
  h: DeskHarness,
  coordinator: ActorRow,
  teamCode: string,
  chat: { channel: Channel; chatId: string; title?: string },
): Promise<void> {
  const r = await h.desk.uow.run((w) =>
    h.desk.teams.bind.execute(w, coordinator, { team: { code: teamCode }, chat: { channel: chat.channel, chatId: chat.chatId, title: chat.title ?? null } }),
  );
  if (!r.ok) throw new Error(`binding ${chat.chatId} to ${teamCode} refused: ${r.code}`);
}
