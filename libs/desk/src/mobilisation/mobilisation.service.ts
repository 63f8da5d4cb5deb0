// 一呼百应: coordinators call volunteers out for a task and watch a live roll-call. A call is
// created in one transaction (audience snapshotted as recipients, the coordinator's tally
// message, team notices, timers); the worker's fan-out then queues the private messages in
// steps, on the outbound queue's bulk lane, so daily dispatch keeps its priority.
import type { ActorRow, AudienceSelection, Channel } from '@baiying/db';
import {
  ancestry,
  answerOutcome,
  attendanceHours,
  checkCodeFrom,
  checkInOpen,
  CHECK_IN_LEAD_MS,
  distanceMeters,
  err,
  formatCallCode,
  maskPhone,
  needDay,
  ok,
  pointsFor,
  sendSeconds,
  type GeoPoint,
  type OutButton,
  type OutMessage,
  type Result,
} from '@baiying/domain';
import { label, t, zh, type MessageKey } from '@baiying/i18n';
import { Priority } from '@baiying/queue';
import { randomInt } from 'node:crypto';
import type { ActionCodec, CallAdminOp } from '../shared/action-codec.js';
import { unitsInScope } from '../shared/notify.js';
import { msg } from '../shared/render.js';
import type { Work } from '../unit-of-work.js';

export interface CallAudienceInput {
  /** Every approved volunteer in the coordinator's scope. */
  everyone?: boolean;
  teamCodes?: string[];
  units?: Array<{ code: string; subtree: boolean }>;
  skills?: string[];
}

export interface CallDraft {
  title: string;
  description: string;
  placeText: string;
  site?: GeoPoint | null;
  radiusM?: number;
  startsAt: Date;
  endsAt: Date;
  headcount: number;
  skills?: string[];
  /** Deadline to answer; default: the start. */
  answerBy?: Date | null;
  audience: CallAudienceInput;
}

export interface CallPreview {
  recipients: number;
  byChannel: Record<Channel, number>;
  teamChats: number;
  /** Seconds each channel needs at its broadcast pace; sending runs in parallel per channel. */
  secondsByChannel: Record<Channel, number>;
  seconds: number;
}

type CallRow = NonNullable<Awaited<ReturnType<Work['repos']['calls']['byId']>>>;

const MAX_TITLE = 60;
const MAX_TEXT = 1000;
const MAX_HEADCOUNT = 100_000;
const TALLY_NAMES = 30;
const WECHAT_TALLY_EVERY_MS = 5 * 60_000;
const CHANNELS: readonly Channel[] = ['telegram', 'wechat', 'web'];

export class MobilisationService {
  constructor(
    private readonly codec: ActionCodec,
    private readonly timeZone: string,
  ) {}

  // --- creating a call ----------------------------------------------------------------------

  validate(d: CallDraft, now: Date): Result<void> {
    const bad = (field: string) => err('call/bad_input', { field });
    if (!d.title.trim() || [...d.title].length > MAX_TITLE) return bad('title');
    if ([...d.description].length > MAX_TEXT) return bad('description');
    if (!d.placeText.trim() || [...d.placeText].length > 200) return bad('place');
    if (!Number.isInteger(d.headcount) || d.headcount < 1 || d.headcount > MAX_HEADCOUNT) return bad('headcount');
    if (!(d.startsAt instanceof Date) || Number.isNaN(d.startsAt.getTime()) || d.startsAt <= now) return bad('startsAt');
    if (!(d.endsAt instanceof Date) || Number.isNaN(d.endsAt.getTime()) || d.endsAt <= d.startsAt) return bad('endsAt');
    if (d.endsAt.getTime() - d.startsAt.getTime() > 7 * 86_400_000) return bad('endsAt');
    if (d.answerBy && (Number.isNaN(d.answerBy.getTime()) || d.answerBy <= now || d.answerBy > d.startsAt)) return bad('answerBy');
    if (d.site && (!(Math.abs(d.site.lat) <= 90) || !(Math.abs(d.site.lng) <= 180))) return bad('site');
    if (d.radiusM !== undefined && (!Number.isInteger(d.radiusM) || d.radiusM < 10 || d.radiusM > 50_000)) return bad('radiusM');
    if ((d.skills ?? []).some((s) => !s.trim() || s.length > 30)) return bad('skills');
    return ok(undefined);
  }

  /** Turns the audience into unit/team ids, refusing anything outside the coordinator's scope. */
  async resolveAudience(w: Work, actor: ActorRow, a: CallAudienceInput): Promise<Result<AudienceSelection>> {
    if (actor.coordinatorUnitIds.length === 0) return err('auth/not_coordinator');
    const scope = new Set(await unitsInScope(w, actor.coordinatorUnitIds));
    const tree = await w.repos.org.tree();
    const sel: AudienceSelection = { stationIds: [], teamIds: [], skills: [], skillScopeIds: [] };
    if (a.everyone) sel.stationIds.push(...scope);
    for (const u of a.units ?? []) {
      const unit = [...tree.values()].find((x) => x.code.toLowerCase() === u.code.trim().toLowerCase());
      if (!unit) return err('call/unknown_unit', { code: u.code });
      if (!scope.has(unit.id)) return err('auth/out_of_scope');
      if (u.subtree) sel.stationIds.push(...[...tree.values()].filter((x) => ancestry(tree, x.id).some((p) => p.id === unit.id)).map((x) => x.id));
      else sel.stationIds.push(unit.id);
    }
    for (const code of a.teamCodes ?? []) {
      const team = await w.repos.org.teamByCode(code.trim());
      if (!team) return err('team/not_found', { code });
      if (!scope.has(team.orgUnitId)) return err('auth/out_of_scope');
      sel.teamIds.push(team.id);
    }
    const skills = (a.skills ?? []).map((s) => s.trim()).filter(Boolean);
    if (skills.length) {
      sel.skills = skills;
      sel.skillScopeIds = [...scope];
    }
    sel.stationIds = [...new Set(sel.stationIds)];
    if (!sel.stationIds.length && !sel.teamIds.length && !sel.skills.length) return err('call/empty_audience');
    return ok(sel);
  }

  async preview(w: Work, actor: ActorRow, d: CallDraft): Promise<Result<CallPreview>> {
    if (actor.coordinatorUnitIds.length === 0) return err('auth/not_coordinator');
    const v = this.validate(d, w.now);
    if (!v.ok) return v;
    const sel = await this.resolveAudience(w, actor, d.audience);
    if (!sel.ok) return sel;
    return ok(await this.estimate(w, sel.value));
  }

  private async estimate(w: Work, sel: AudienceSelection): Promise<CallPreview> {
    const byChannel = await w.repos.calls.previewCounts(sel);
    const teamChats = (await this.teamChatsFor(w, sel)).length;
    const cfg = w.deps.config;
    const secondsByChannel: Record<Channel, number> = {
      telegram: sendSeconds(byChannel.telegram, { perSecond: cfg.telegram?.limits.bulkPerSecond ?? 29 }),
      // WeChat: one account, at most one send per gap and `perMinute` a minute, groups included.
      wechat: sendSeconds(byChannel.wechat + teamChats, { perSecond: Math.min(1000 / cfg.wechat.pacing.minGapMs, cfg.wechat.pacing.perMinute / 60) }),
      web: 0,
    };
    return {
      recipients: byChannel.telegram + byChannel.wechat + byChannel.web,
      byChannel,
      teamChats,
      secondsByChannel,
      seconds: Math.max(secondsByChannel.telegram, secondsByChannel.wechat),
    };
  }

  /** Group chats that get one notice: bound chats of the named teams and of teams in the named units. */
  private async teamChatsFor(w: Work, sel: AudienceSelection) {
    const teams = new Set(sel.teamIds);
    for (const t of await w.repos.org.teamsInUnits(sel.stationIds)) teams.add(t.id);
    const chats = [];
    for (const id of teams) chats.push(...(await w.repos.org.teamChats(id)));
    return chats;
  }

  async create(w: Work, actor: ActorRow, d: CallDraft): Promise<Result<{ callId: string; code: string; preview: CallPreview }>> {
    if (actor.coordinatorUnitIds.length === 0) return err('auth/not_coordinator');
    const v = this.validate(d, w.now);
    if (!v.ok) return v;
    const sel = await this.resolveAudience(w, actor, d.audience);
    if (!sel.ok) return sel;
    const preview = await this.estimate(w, sel.value);
    if (preview.recipients === 0) return err('call/empty_audience');
    const tree = await w.repos.org.tree();
    // The call belongs to the coordinator's highest unit (their widest scope).
    const owner = actor.coordinatorUnitIds.map((id) => tree.get(id)).filter((u) => u !== undefined).sort((a, b) => ancestry(tree, a.id).length - ancestry(tree, b.id).length)[0];
    if (!owner) return err('auth/not_coordinator');
    const emergency = ancestry(tree, owner.id).some((u) => tree.get(u.id)?.emergencyMode === true);
    const code = formatCallCode(needDay(w.now, w.deps.config.timeZone), await w.repos.calls.nextNumber(needDay(w.now, w.deps.config.timeZone)));
    const call = await w.repos.calls.create({
      code,
      createdById: actor.personId,
      orgUnitId: owner.id,
      title: d.title.trim(),
      description: d.description.trim(),
      placeText: d.placeText.trim(),
      siteLat: d.site?.lat ?? null,
      siteLng: d.site?.lng ?? null,
      radiusM: d.radiusM ?? w.deps.config.calls.checkInRadiusM,
      startsAt: d.startsAt,
      endsAt: d.endsAt,
      headcount: d.headcount,
      skills: (d.skills ?? []).map((s) => s.trim()),
      answerBy: d.answerBy ?? d.startsAt,
      audience: JSON.parse(JSON.stringify(d.audience)) as object,
      checkCode: checkCodeFrom(randomInt(1_000_000) / 1_000_000),
      emergency,
    });
    const recipients = await w.repos.calls.snapshotRecipients(call.id, sel.value);
    await w.repos.calls.event(call.id, 'create', actor.personId, { recipients, audience: JSON.parse(JSON.stringify(d.audience)) as object });
    // The coordinator's live tally (edited in place as answers come in).
    await w.out.toPerson(actor.personId, `call.${call.id}.tally`, 'call-tally', await this.tally(w, call), Priority.interactive);
    const notice = this.groupNotice(call);
    for (const c of await this.teamChatsFor(w, sel.value)) {
      w.out.to({ channel: c.channel, chatId: c.chatId }, `call.${call.id}.team.${c.id}`, 'call-team-notice', notice, Priority.status);
    }
    this.scheduleTimers(w, call);
    w.timer({ name: 'call-fanout', payload: { callId: call.id }, at: w.now });
    return ok({ callId: call.id, code, preview: { ...preview, recipients } });
  }

  scheduleTimers(w: Work, call: Pick<CallRow, 'id' | 'startsAt' | 'endsAt' | 'answerBy'>): void {
    const now = w.now.getTime();
    for (const m of w.deps.config.calls.reminderMinutes) {
      const at = call.startsAt.getTime() - m * 60_000;
      if (at > now) w.timer({ name: 'call-timer', payload: { callId: call.id, kind: `remind-${m}` }, at: new Date(at) });
    }
    w.timer({ name: 'call-timer', payload: { callId: call.id, kind: 'deadline' }, at: call.answerBy });
    w.timer({ name: 'call-timer', payload: { callId: call.id, kind: 'finish' }, at: call.endsAt });
  }

  // --- fan-out ------------------------------------------------------------------------------

  /** Queues up to `budget` more private messages of a call. `done` when everyone is queued. */
  async fanoutStep(w: Work, callId: string, budget: Record<Channel, number>): Promise<{ queued: number; done: boolean }> {
    const call = await w.repos.calls.byId(callId);
    if (!call || call.fanoutDoneAt) return { queued: 0, done: true };
    if (call.status === 'cancelled') {
      await w.repos.calls.update(call.id, { fanoutDoneAt: w.now });
      return { queued: 0, done: true };
    }
    // A closed call is not sent further; extending reopens it and the reconciler resumes.
    if (call.status === 'closed') return { queued: 0, done: true };
    // Each channel takes from its own recipients, so a full lane (WeChat's slow pace) never
    // holds up the others: sending runs in parallel per channel.
    const rows: Awaited<ReturnType<Work['repos']['calls']['unqueued']>> = [];
    for (const channel of CHANNELS) {
      const n = Math.min(5000, Math.floor(budget[channel]));
      if (n > 0) rows.push(...(await w.repos.calls.unqueued(call.id, n, channel)));
    }
    if (rows.length === 0) {
      // Nothing within the budget: done only when nobody at all is left.
      if ((await w.repos.calls.unqueued(call.id, 1)).length > 0) return { queued: 0, done: false };
      await w.repos.calls.update(call.id, { fanoutDoneAt: w.now });
      // One more tally refresh once the last queued messages have had time to go out.
      const every = w.deps.config.calls.tallyRefreshMs;
      const at = w.now.getTime() + (w.deps.config.calls.backlogSeconds + 2) * 1000;
      w.timer({ name: 'refresh-tally', payload: { callId: call.id, slot: Math.ceil(at / every) }, at: new Date(Math.ceil(at / every) * every) });
      return { queued: 0, done: true };
    }
    const message = this.callMessage(call);
    const queued: string[] = [];
    for (const r of rows) {
      w.out.bulk({ channel: r.channel, chatId: r.chatId }, `call.${call.id}.m.${r.personId}`, 'call', message);
      queued.push(r.personId);
    }
    await w.repos.calls.markQueued(call.id, queued, w.now);
    // The tally shows sending progress ("delivered x/y") while the fan-out runs.
    this.refreshSoon(w, call.id);
    return { queued: queued.length, done: false };
  }

  // --- answers ------------------------------------------------------------------------------

  async answer(w: Work, actor: ActorRow, callId: string, yes: boolean): Promise<Result<{ code: string; roster: 'confirmed' | 'waitlisted' | 'declined' | 'withdrawn' | 'none'; changed: boolean }>> {
    await w.repos.calls.lock(callId);
    const call = await w.repos.calls.byId(callId);
    if (!call) return err('call/not_found');
    const me = await w.repos.calls.recipient(call.id, actor.personId);
    if (!me) return err('call/not_recipient');
    if (call.status === 'cancelled') return err('call/cancelled', { code: call.code });
    // A closed call takes no new "yes"; withdrawing stays possible until the start.
    if (yes && call.status !== 'open') return err('call/closed', { code: call.code });
    const now = w.now;
    if (now >= call.startsAt) return err('call/started', { code: call.code });
    // After the deadline new "yes" answers are refused; withdrawing stays possible until the start.
    if (yes && now >= call.answerBy) return err('call/closed', { code: call.code });
    const counts = await w.repos.calls.counts(call.id);
    const confirmedOthers = counts.confirmed - (me.roster === 'confirmed' ? 1 : 0);
    const outcome = answerOutcome(me.roster, yes, confirmedOthers, call.headcount);
    if (outcome.kind === 'unchanged') return ok({ code: call.code, roster: outcome.roster, changed: false });
    const base = { answer: yes ? ('yes' as const) : ('no' as const), answeredAt: now };
    let seq = call.answerSeq;
    switch (outcome.kind) {
      case 'confirmed':
      case 'waitlisted':
        seq++;
        await w.repos.calls.setRoster(call.id, actor.personId, { ...base, roster: outcome.kind, rosterSeq: seq });
        break;
      case 'declined':
        await w.repos.calls.setRoster(call.id, actor.personId, { ...base, roster: 'declined' });
        break;
      case 'withdrawn':
        await w.repos.calls.setRoster(call.id, actor.personId, { ...base, roster: 'withdrawn' });
        if (outcome.promote) await this.promoteNext(w, call);
        break;
    }
    await w.repos.calls.update(call.id, { answerSeq: seq, version: { increment: 1 } });
    await w.repos.calls.event(call.id, outcome.kind, actor.personId);
    this.refreshSoon(w, call.id);
    return ok({ code: call.code, roster: outcome.kind, changed: true });
  }

  private async promoteNext(w: Work, call: CallRow): Promise<void> {
    const next = await w.repos.calls.firstWaitlisted(call.id);
    if (!next) return;
    await w.repos.calls.setRoster(call.id, next.personId, { roster: 'confirmed' });
    await w.repos.calls.event(call.id, 'promoted', null, { personId: next.personId });
    w.out.to({ channel: next.channel, chatId: next.chatId }, `call.${call.id}.promoted.${next.personId}`, 'call-promoted', this.banner(call, msg('call.promoted', this.facts(call))), Priority.status);
  }

  // --- the coordinator's tally -----------------------------------------------------------------

  /** Debounced: at most one tally edit per refresh window per call. */
  refreshSoon(w: Work, callId: string): void {
    const every = w.deps.config.calls.tallyRefreshMs;
    const slot = Math.floor(w.now.getTime() / every) + 1;
    w.timer({ name: 'refresh-tally', payload: { callId, slot }, at: new Date(slot * every) });
  }

  async refreshTally(w: Work, callId: string): Promise<'edited' | 'unchanged' | 'skipped'> {
    await w.repos.calls.lock(callId);
    const call = await w.repos.calls.byId(callId);
    if (!call) return 'skipped';
    const original = await w.repos.messaging.byPurpose(`call.${call.id}.tally`);
    if (!original) return 'skipped';
    const delivery = await w.repos.calls.delivery(call.id);
    const stamp = `${call.version}.${delivery.sent}.${delivery.uncertain}.${call.status}`;
    const last = await w.repos.messaging.byPurpose(`call.${call.id}.tally.v${stamp}`);
    if (last) return 'unchanged';
    if (original.channel === 'wechat') {
      // WeChat cannot edit: every refresh is a new message from an account limited to ~20 a
      // minute, which the call itself needs. Refresh there at most every few minutes, or when the
      // call's status changes.
      const prev = await w.repos.messaging.latestEdit(original.purposeKey);
      const due = prev ? prev.createdAt.getTime() + WECHAT_TALLY_EVERY_MS : 0;
      if (prev && due > w.now.getTime() && prev.purposeKey.endsWith(`.${call.status}`)) {
        const every = w.deps.config.calls.tallyRefreshMs;
        const slot = Math.ceil(due / every);
        w.timer({ name: 'refresh-tally', payload: { callId: call.id, slot }, at: new Date(slot * every) });
        return 'unchanged';
      }
    }
    w.out.edit({ channel: original.channel, chatId: original.chatId, purposeKey: original.purposeKey }, `call.${call.id}.tally.v${stamp}`, 'call-tally-edit', await this.tally(w, call));
    await w.repos.calls.update(call.id, { tallyVersion: call.version });
    return 'edited';
  }

  async tally(w: Work, call: CallRow): Promise<OutMessage> {
    const counts = await w.repos.calls.counts(call.id);
    const delivery = await w.repos.calls.delivery(call.id);
    const roster = await w.repos.calls.roster(call.id, TALLY_NAMES);
    const people = new Map((await w.repos.calls.people(roster.map((r) => r.personId))).map((p) => [p.id, p]));
    const names = roster.map((r, i) => {
      const p = people.get(r.personId);
      const phone = maskPhone(w.deps.cipher.decryptOptional(p?.phoneEnc ?? null));
      const mark = r.roster === 'waitlisted' ? '⏳' : r.checkedInAt ? (r.checkedOutAt ? '🏁' : '📍') : '✅';
      return `${i + 1}. ${mark} ${p?.displayName ?? '-'} ${phone}`.trimEnd();
    });
    const more = counts.confirmed + counts.waitlisted - roster.length;
    const status: MessageKey = call.status === 'open' ? 'call.status.open' : call.status === 'closed' ? 'call.status.closed' : 'call.status.cancelled';
    const text = [
      t('call.tally', {
        ...this.facts(call),
        confirmed: counts.confirmed,
        waitlisted: counts.waitlisted,
        declined: counts.declined + counts.withdrawn,
        silent: counts.none,
        sent: delivery.sent,
        recipients: delivery.recipients,
        status: zh(status),
        checkCode: call.checkCode,
      }),
      delivery.uncertain ? t('call.tally.uncertain', { n: delivery.uncertain }) : '',
      names.join('\n'),
      more > 0 ? t('call.tally.more', { n: more }) : '',
    ]
      .filter(Boolean)
      .join('\n');
    const buttons: OutButton[][] =
      call.status === 'open'
        ? [
            [this.adminButton(call, 'remind', 'btn.call_remind', '提醒未回复'), this.adminButton(call, 'extend', 'btn.call_extend', '延长召集')],
            [this.adminButton(call, 'close', 'btn.call_close', '截止召集'), this.adminButton(call, 'cancel', 'btn.call_cancel', '取消召集')],
          ]
        : [];
    return this.banner(call, buttons.length ? { text, buttons } : { text });
  }

  private adminButton(call: CallRow, op: CallAdminOp, key: MessageKey, keyword: string): OutButton {
    return { label: label(key), data: this.codec.encode({ kind: 'call_admin', callId: call.id, op }), keyword: `${keyword} ${call.code}` };
  }

  // --- the coordinator's controls -------------------------------------------------------------

  private async manageable(w: Work, actor: ActorRow, callId: string): Promise<Result<CallRow>> {
    if (actor.coordinatorUnitIds.length === 0) return err('auth/not_coordinator');
    await w.repos.calls.lock(callId);
    const call = await w.repos.calls.byId(callId);
    if (!call) return err('call/not_found');
    const tree = await w.repos.org.tree();
    const chain = ancestry(tree, call.orgUnitId).map((u) => u.id);
    if (call.createdById !== actor.personId && !actor.coordinatorUnitIds.some((id) => chain.includes(id))) return err('auth/out_of_scope');
    return ok(call);
  }

  async close(w: Work, actor: ActorRow, callId: string): Promise<Result<{ code: string }>> {
    const r = await this.manageable(w, actor, callId);
    if (!r.ok) return r;
    const call = r.value;
    if (call.status !== 'open') return err('call/closed', { code: call.code });
    await w.repos.calls.update(call.id, { status: 'closed', closedAt: w.now, version: { increment: 1 } });
    await w.repos.calls.event(call.id, 'close', actor.personId);
    this.refreshSoon(w, call.id);
    return ok({ code: call.code });
  }

  /** Moves the answer deadline later (by `hours`, never past the start); reopens a closed call. */
  async extend(w: Work, actor: ActorRow, callId: string, hours: number): Promise<Result<{ code: string; answerBy: Date }>> {
    const r = await this.manageable(w, actor, callId);
    if (!r.ok) return r;
    const call = r.value;
    if (call.status === 'cancelled') return err('call/cancelled', { code: call.code });
    if (w.now >= call.startsAt) return err('call/started', { code: call.code });
    if (!(hours > 0 && hours <= 24 * 30)) return err('call/bad_input', { field: 'hours' });
    const base = Math.max(call.answerBy.getTime(), w.now.getTime());
    const answerBy = new Date(Math.min(base + hours * 3_600_000, call.startsAt.getTime()));
    await w.repos.calls.update(call.id, { status: 'open', closedAt: null, answerBy, version: { increment: 1 } });
    await w.repos.calls.event(call.id, 'extend', actor.personId, { answerBy: answerBy.toISOString() });
    w.timer({ name: 'call-timer', payload: { callId: call.id, kind: `deadline-${answerBy.getTime()}` }, at: answerBy });
    this.refreshSoon(w, call.id);
    return ok({ code: call.code, answerBy });
  }

  /** Reminds everyone who has not answered — once per call. */
  async remindSilent(w: Work, actor: ActorRow, callId: string): Promise<Result<{ code: string; reminded: number }>> {
    const r = await this.manageable(w, actor, callId);
    if (!r.ok) return r;
    const call = r.value;
    if (call.status !== 'open') return err('call/closed', { code: call.code });
    if (call.nudgedAt) return err('call/already_reminded', { code: call.code });
    // While the call is still going out, the silent ones may simply not have it yet.
    if (!call.fanoutDoneAt) return err('call/still_sending', { code: call.code });
    const silent = (await w.repos.calls.withRoster(call.id, ['none'])).filter((p) => p.queuedAt !== null);
    const reminder = this.banner(call, { text: `${t('call.nudge', this.facts(call))}\n\n${this.callMessage(call).text}`, buttons: this.answerButtons(call) });
    for (const p of silent) w.out.bulk({ channel: p.channel, chatId: p.chatId }, `call.${call.id}.nudge.${p.personId}`, 'call-nudge', reminder);
    await w.repos.calls.update(call.id, { nudgedAt: w.now });
    await w.repos.calls.event(call.id, 'remind_silent', actor.personId, { n: silent.length });
    return ok({ code: call.code, reminded: silent.length });
  }

  /** Cancels the call: everyone who said yes (confirmed or waiting) is told. */
  async cancel(w: Work, actor: ActorRow, callId: string): Promise<Result<{ code: string; told: number }>> {
    const r = await this.manageable(w, actor, callId);
    if (!r.ok) return r;
    const call = r.value;
    if (call.status === 'cancelled') return err('call/cancelled', { code: call.code });
    await w.repos.calls.update(call.id, { status: 'cancelled', closedAt: w.now, version: { increment: 1 } });
    const yes = await w.repos.calls.withRoster(call.id, ['confirmed', 'waitlisted']);
    const notice = this.banner(call, msg('call.cancelled_notice', this.facts(call)));
    for (const p of yes) w.out.to({ channel: p.channel, chatId: p.chatId }, `call.${call.id}.cancelled.${p.personId}`, 'call-cancelled', notice, Priority.status);
    await w.repos.calls.event(call.id, 'cancel', actor.personId, { told: yes.length });
    this.refreshSoon(w, call.id);
    return ok({ code: call.code, told: yes.length });
  }

  async rosterText(w: Work, actor: ActorRow, callId: string): Promise<Result<string>> {
    const r = await this.manageable(w, actor, callId);
    if (!r.ok) return r;
    return ok((await this.tally(w, r.value)).text);
  }

  // --- timers -------------------------------------------------------------------------------

  async onTimer(w: Work, callId: string, kind: string): Promise<string> {
    // Closing at the deadline or the end is decided under the call's lock, like answers and the
    // coordinator's controls: an extension committed meanwhile is seen, not overwritten.
    if (kind.startsWith('deadline') || kind === 'finish') await w.repos.calls.lock(callId);
    const call = await w.repos.calls.byId(callId);
    if (!call) return 'skipped';
    if (kind.startsWith('remind-')) {
      if (call.status === 'cancelled' || w.now >= call.startsAt) return 'skipped';
      const minutes = Number(kind.slice('remind-'.length));
      const yes = await w.repos.calls.withRoster(call.id, ['confirmed']);
      const reminder = this.banner(call, {
        text: t('call.reminder', { ...this.facts(call), hours: Math.round((minutes / 60) * 10) / 10 }),
        buttons: [[this.checkButton(call, false)], [{ label: label('btn.call_withdraw'), data: this.codec.encode({ kind: 'call_answer', callId: call.id, yes: false }), keyword: `不能参加 ${call.code}` }]],
      });
      for (const p of yes) w.out.bulk({ channel: p.channel, chatId: p.chatId }, `call.${call.id}.remind${minutes}.${p.personId}`, 'call-reminder', reminder);
      return `reminded ${yes.length}`;
    }
    if (kind.startsWith('deadline')) {
      if (call.status !== 'open' || w.now.getTime() + 1000 < call.answerBy.getTime()) return 'skipped';
      await w.repos.calls.update(call.id, { status: 'closed', closedAt: w.now, version: { increment: 1 } });
      await w.repos.calls.event(call.id, 'deadline', null);
      this.refreshSoon(w, call.id);
      return 'closed';
    }
    if (kind === 'finish') {
      if (w.now.getTime() + 1000 < call.endsAt.getTime()) return 'skipped';
      let credited = 0;
      for (const r of await w.repos.calls.checkedInNotCredited(call.id)) {
        if (await this.credit(w, call, r.personId, r.checkedInAt!, r.checkedOutAt ?? call.endsAt)) credited++;
      }
      if (call.status === 'open') await w.repos.calls.update(call.id, { status: 'closed', closedAt: w.now, version: { increment: 1 } });
      this.refreshSoon(w, call.id);
      return `credited ${credited}`;
    }
    return 'skipped';
  }

  // --- on the day: check-in and check-out -----------------------------------------------------

  /** By button (callId), by the six-digit code shown on site, or by a shared location. */
  async checkIn(w: Work, actor: ActorRow, by: { callId: string } | { code: string } | { location: GeoPoint }): Promise<Result<{ code: string; title: string }>> {
    const active = await w.repos.calls.activeFor(actor.personId, w.now, CHECK_IN_LEAD_MS);
    let pick: (typeof active)[number] | undefined;
    if ('callId' in by) {
      pick = active.find((a) => a.callId === by.callId);
      if (!pick) {
        const me = await w.repos.calls.recipient(by.callId, actor.personId);
        if (!me) return err('call/not_recipient');
        if (me.roster !== 'confirmed') return err('call/not_confirmed');
        return err('call/check_in_closed');
      }
    } else if ('code' in by) {
      const code = by.code.normalize('NFKC').trim();
      pick = active.find((a) => a.call.checkCode === code);
      if (!pick) return err(active.length ? 'call/bad_check_code' : 'call/nothing_to_check_in');
    } else {
      const sited = active.filter((a) => a.call.siteLat !== null && a.call.siteLng !== null);
      if (!sited.length) return err('call/nothing_to_check_in');
      const near = sited
        .map((a) => ({ a, d: distanceMeters(by.location, { lat: a.call.siteLat!, lng: a.call.siteLng! }) }))
        .sort((x, y) => x.d - y.d)[0]!;
      if (near.d > near.a.call.radiusM) return err('call/too_far', { meters: Math.round(near.d), radius: near.a.call.radiusM });
      pick = near.a;
    }
    const call = pick.call;
    if (!checkInOpen(w.now, call.startsAt, call.endsAt)) return err('call/check_in_closed');
    // A double tap must not move the check-in time: decide under the call's row lock.
    await w.repos.calls.lock(call.id);
    const fresh = await w.repos.calls.recipient(call.id, actor.personId);
    if (!fresh || fresh.checkedInAt) return err('call/already_checked_in', { code: call.code });
    await w.repos.calls.setRoster(call.id, actor.personId, { checkedInAt: w.now });
    await w.repos.calls.update(call.id, { version: { increment: 1 } });
    await w.repos.calls.event(call.id, 'check_in', actor.personId, { by: 'callId' in by ? 'button' : 'code' in by ? 'code' : 'location' });
    this.refreshSoon(w, call.id);
    return ok({ code: call.code, title: call.title });
  }

  /** Check-out: the hours from check-in to now (capped by the call's end) are credited at once. */
  async checkOut(w: Work, actor: ActorRow, callId?: string): Promise<Result<{ code: string; hours: number; points: number }>> {
    const active = await w.repos.calls.activeFor(actor.personId, w.now, CHECK_IN_LEAD_MS);
    const candidates = active.filter((a) => a.checkedInAt && !a.checkedOutAt && (!callId || a.callId === callId));
    const pick = candidates[0];
    if (!pick) return err('call/not_checked_in');
    const call = pick.call;
    await w.repos.calls.lock(call.id);
    const fresh = await w.repos.calls.recipient(call.id, actor.personId);
    if (!fresh?.checkedInAt || fresh.checkedOutAt) return err('call/not_checked_in');
    await w.repos.calls.setRoster(call.id, actor.personId, { checkedOutAt: w.now });
    const credited = await this.credit(w, call, actor.personId, fresh.checkedInAt, w.now);
    await w.repos.calls.update(call.id, { version: { increment: 1 } });
    await w.repos.calls.event(call.id, 'check_out', actor.personId, { hours: credited?.hours ?? 0 });
    this.refreshSoon(w, call.id);
    return ok({ code: call.code, hours: credited?.hours ?? 0, points: credited?.points ?? 0 });
  }

  /** Hours into the attendance record and points into the same append-only ledger, once. */
  private async credit(w: Work, call: CallRow, personId: string, checkedInAt: Date, checkedOutAt: Date): Promise<{ hours: number; points: number } | null> {
    const hours = attendanceHours(checkedInAt, checkedOutAt, call.endsAt);
    const me = await w.repos.calls.recipient(call.id, personId);
    if (!me || me.creditedAt) return null;
    await w.repos.calls.setRoster(call.id, personId, { hours, creditedAt: w.now, checkedOutAt: me.checkedOutAt ?? checkedOutAt });
    const points = pointsFor(hours, w.deps.config.pointsPerHour);
    if (points > 0) await w.repos.needs.addPoints(personId, points, `call ${call.code}`, `call_attendance:${call.id}:${personId}`);
    w.out.to({ channel: me.channel, chatId: me.chatId }, `call.${call.id}.credited.${personId}`, 'hours-credited', msg('call.credited', { code: call.code, title: call.title, hours, points }), Priority.status);
    return { hours, points };
  }

  // --- rendering ------------------------------------------------------------------------------

  facts(call: CallRow): Record<string, string | number> {
    const tz = this.timeZone;
    return {
      code: call.code,
      title: call.title,
      description: call.description || '-',
      place: call.placeText,
      start: formatLocal(call.startsAt, tz),
      end: formatLocal(call.endsAt, tz),
      answerBy: formatLocal(call.answerBy, tz),
      headcount: call.headcount,
      skills: call.skills.length ? call.skills.join('、') : '-',
    };
  }

  callMessage(call: CallRow): OutMessage {
    return this.banner(call, { text: t('call.message', this.facts(call)), buttons: this.answerButtons(call) });
  }

  private answerButtons(call: CallRow): OutButton[][] {
    return [
      [
        { label: label('btn.call_yes'), data: this.codec.encode({ kind: 'call_answer', callId: call.id, yes: true }), keyword: `参加 ${call.code}` },
        { label: label('btn.call_no'), data: this.codec.encode({ kind: 'call_answer', callId: call.id, yes: false }), keyword: `不能参加 ${call.code}` },
      ],
    ];
  }

  checkButton(call: CallRow, out: boolean): OutButton {
    return out
      ? { label: label('btn.call_check_out'), data: this.codec.encode({ kind: 'call_check', callId: call.id, out: true }), keyword: `签退 ${call.code}` }
      : { label: label('btn.call_check_in'), data: this.codec.encode({ kind: 'call_check', callId: call.id, out: false }), keyword: `签到 ${call.checkCode}` };
  }

  private groupNotice(call: CallRow): OutMessage {
    return this.banner(call, msg('call.group_notice', this.facts(call)));
  }

  /** Emergency-mode calls carry the urgent banner. */
  banner(call: Pick<CallRow, 'emergency'>, m: OutMessage): OutMessage {
    return call.emergency ? { ...m, text: `${zh('banner.emergency')}\n${m.text}` } : m;
  }
}

export function formatLocal(d: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(d);
  const get = (k: string) => parts.find((p) => p.type === k)?.value ?? '';
  return `${Number(get('month'))}月${Number(get('day'))}日 ${get('hour') === '24' ? '00' : get('hour')}:${get('minute')}`;
}
