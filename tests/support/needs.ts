// Needs at the desk level, for tests that set up a world before they act: a resident's need
// submitted and routed, taken in its team's group, marked done — through the use cases.
import type { ActorRow } from '@baiying/db';
import type { Channel } from '@baiying/domain';
import type { Desk } from '@baiying/features';
import type { DeskHarness } from './test-env.js';

export interface NeedOptions {
  channel?: Channel;
  stationCode?: string;
  /** A team code: the need goes to its station (unless stationCode says otherwise). */
  teamCode?: string;
  category?: string;
  description?: string;
  urgency?: 'urgent' | 'normal';
  beneficiary?: 'elderly' | 'child' | 'disabled' | 'hardship' | 'none';
  location?: { lat: number; lng: number } | null;
  phone?: string | null;
  address?: string | null;
  /** The resident's answer to "when?", as typed. */
  wantedTime?: string | null;
}

/** A resident (created on first contact) submits a need; it is routed at once. */
export async function routedNeed(
  h: DeskHarness,
  resident: string,
  o: NeedOptions = {},
  desk: Desk = h.desk,
): Promise<{ id: string; code: string; actor: ActorRow }> {
  const channel = o.channel ?? 'web';
  const actor = await desk.uow.run((w) => w.repos.people.resolve(channel, resident, resident, resident, null));
  const stationId = o.stationCode
    ? (await h.prisma.orgUnit.findUniqueOrThrow({ where: { code: o.stationCode } })).id
    : (await h.prisma.team.findUniqueOrThrow({ where: { code: o.teamCode ?? 'S-XF-ELDER' } })).orgUnitId;
  const r = await desk.uow.run((w) =>
    desk.intake.submit.execute(w, actor, {
      channel,
      description: o.description ?? '需要帮助',
      truncated: false,
      categoryCode: o.category ?? 'elderly',
      stationId,
      address: o.address ?? null,
      location: o.location ?? null,
      wantedTime: o.wantedTime ?? null,
      phone: o.phone ?? null,
      beneficiary: o.beneficiary ?? 'none',
      urgency: o.urgency ?? 'normal',
      attachments: [],
    }),
  );
  if (!r.ok) throw new Error(`submit failed: ${r.code}`);
  await desk.uow.run((w) => desk.routing.route.execute(w, { needId: r.value.id }));
  return { id: r.value.id, code: r.value.code, actor };
}

/** The group chat bound to the team of a dispatch (a web group is bound if there is none). */
export async function groupOf(h: DeskHarness, dispatchId: string): Promise<{ channel: Channel; chatId: string }> {
  const d = await h.prisma.dispatch.findUniqueOrThrow({ where: { id: dispatchId } });
  if (!d.teamId) throw new Error('dispatch without a team');
  const existing = await h.prisma.teamChat.findFirst({ where: { teamId: d.teamId } });
  if (existing) return { channel: existing.channel, chatId: existing.chatId };
  const chat = await h.prisma.teamChat.create({ data: { teamId: d.teamId, channel: 'web', chatId: `grp-${d.teamId.slice(0, 8)}` } });
  return { channel: chat.channel, chatId: chat.chatId };
}

/** A volunteer presses "take" on the card in their team's group. */
export async function takeInGroup(h: DeskHarness, volunteer: ActorRow, dispatchId: string, desk: Desk = h.desk) {
  const via = { ...(await groupOf(h, dispatchId)), chat: 'group' as const };
  return desk.uow.run((w) => desk.claims.take.execute(w, volunteer, { target: { dispatchId }, via }));
}

/** The open dispatch of a need. */
export async function openDispatchOf(h: DeskHarness, needId: string): Promise<string> {
  return (await h.prisma.dispatch.findFirstOrThrow({ where: { needId, status: 'open' } })).id;
}

/** The need taken by `volunteer` and marked done with `hours`. */
export async function doneBy(h: DeskHarness, volunteer: ActorRow, needId: string, hours: string | number, desk: Desk = h.desk): Promise<void> {
  const taken = await takeInGroup(h, volunteer, await openDispatchOf(h, needId), desk);
  if (!taken.ok) throw new Error(`take failed: ${taken.code}`);
  const claim = await h.prisma.claim.findFirstOrThrow({ where: { needId, status: 'active' } });
  const done = await desk.uow.run((w) => desk.claims.finish.execute(w, volunteer, { claim: { claimId: claim.id }, hours }));
  if (!done.ok) throw new Error(`finish failed: ${done.code}`);
}
