// The channel-free conversation engine: every adapter hands it normalised events; it runs
// each in one transaction (dedupe, dialogue step, domain action, replies) and returns what
// the adapter must answer synchronously (a button toast).
import type { Desk } from '@baiying/desk';
import { parseNeedCode, isContentless, type ErrorCode } from '@baiying/domain';
import { label, t, zh, en, type MessageKey } from '@baiying/i18n';
import { starsText, statusKey } from '@baiying/desk';
import type { Dialogue } from './dialogue-state.js';
import { newNonce } from './dialogue-state.js';
import { CallHandlers } from './call-handlers.js';
import { CallFlow } from './flows/call.flow.js';
import { IntakeFlow } from './flows/intake.flow.js';
import { RegisterFlow } from './flows/register.flow.js';
import type { HandleOutcome, InboundEvent, Logger } from './inbound-event.js';
import { parseKeywordCommand, splitCode, type KeywordCommand } from './keyword-command.js';
import { Turn } from './turn.js';
import type { Understander } from './understander.js';

export interface EngineOptions {
  understander: Understander;
  confidenceThreshold: number;
  logger: Logger;
}

export class ConversationEngine {
  private readonly intake: IntakeFlow;
  private readonly register = new RegisterFlow();
  private readonly callFlow = new CallFlow();
  private readonly calls: CallHandlers;
  private readonly logger: Logger;

  constructor(
    private readonly desk: Desk,
    opts: EngineOptions,
  ) {
    this.intake = new IntakeFlow(opts.understander, opts.confidenceThreshold);
    this.calls = new CallHandlers(desk);
    this.logger = opts.logger;
  }

  async handle(ev: InboundEvent): Promise<HandleOutcome> {
    return this.desk.uow.run(async (w) => {
      // Group chats keep no dialogue state; their races (the take button) are decided in SQL.
      if (ev.chat.kind === 'private') await w.repos.messaging.lockChat(ev.channel, ev.chat.id);
      if (!(await w.repos.messaging.markProcessed(ev.channel, ev.updateId))) {
        return { duplicate: true };
      }
      const actor = await w.repos.people.resolve(ev.channel, ev.from.externalId, ev.chat.kind === 'private' ? ev.chat.id : null, ev.from.displayName, ev.from.username ?? null);
      const dialogue = ev.chat.kind === 'private' ? await this.loadDialogue(w.deps.cipher.decrypt.bind(w.deps.cipher), await w.repos.messaging.state(ev.channel, ev.chat.id)) : null;
      const turn = new Turn(w, this.desk, ev, actor, dialogue);
      if (ev.kind === 'callback') await this.onCallback(turn);
      else if (ev.chat.kind === 'group') await this.onGroup(turn);
      else await this.onPrivate(turn);
      await turn.flush();
      return { duplicate: false, callbackAnswer: turn.answer };
    });
  }

  private async loadDialogue(decrypt: (s: string) => string, row: { dataEnc: string } | null): Promise<Dialogue | null> {
    if (!row) return null;
    try {
      return JSON.parse(decrypt(row.dataEnc)) as Dialogue;
    } catch {
      return null; // unreadable state (e.g. rotated key): start afresh rather than fail the chat
    }
  }

  // --- group chats: job cards, /bindteam; ordinary chatter is ignored ---------------------

  private async onGroup(turn: Turn): Promise<void> {
    const { ev } = turn;
    if (ev.kind === 'joined') return turn.say('group.joined');
    if (ev.kind === 'text' && ev.text) {
      const kw = parseKeywordCommand(ev.text);
      // Ordinary group chatter is ignored; only the desk's keywords are answered.
      if (kw) return this.onKeyword(turn, kw);
      if (ev.mentioned) return turn.say('group.help');
      return;
    }
    if (ev.kind !== 'command' || !ev.command) return;
    if (ev.command.name === 'bindteam') return this.bindTeam(turn, ev.command.args.trim());
    if (ev.command.name === 'start' || ev.command.name === 'help') return turn.say('private_only');
    // Unknown commands in groups are ignored: they may be meant for another bot.
  }

  private async bindTeam(turn: Turn, code: string): Promise<void> {
    const { ev } = turn;
    if (code) {
      const r = await this.desk.teams.bind(turn.w, turn.actor, ev.channel, ev.chat.id, ev.chat.title ?? null, { code });
      if (!r.ok) {
        this.logger.warn('bindteam refused', { code: r.code, personId: turn.actor.personId, chat: ev.chat.id });
        return turn.say(r.code, { code });
      }
      return turn.say('bind.ok', { team: r.value.name, code: r.value.code });
    }
    const teams = await this.desk.teams.bindable(turn.w, turn.actor);
    if (!teams.ok) return turn.say(teams.code);
    if (teams.value.length === 0) return turn.say('bind.none');
    turn.say(
      'bind.pick',
      {},
      teams.value.slice(0, 30).map((tm) => [{ label: `${tm.name} (${tm.code})`, data: this.desk.codec.encode({ kind: 'bind', teamId: tm.id }) }]),
    );
  }

  // --- private chats ------------------------------------------------------------------------

  private async onPrivate(turn: Turn): Promise<void> {
    const { ev, dialogue } = turn;
    switch (ev.kind) {
      case 'command':
        return this.onCommand(turn);
      case 'text': {
        const text = ev.text ?? '';
        if (!text.trim() || isContentless(text)) return turn.say('contentless');
        const kw = parseKeywordCommand(text);
        if (kw) return this.onKeyword(turn, kw);
        if (dialogue) return this.onDialogueText(turn, dialogue, text);
        return this.intake.start(turn, text);
      }
      case 'location':
        if (dialogue?.flow === 'intake' && ev.location) return this.intake.onLocation(turn, dialogue.data, ev.location);
        if (dialogue?.flow === 'call' && ev.location) return this.callFlow.onLocation(turn, dialogue.data, ev.location);
        // A location outside any form: check-in at a call's site (一呼百应).
        if (ev.location) return this.calls.checkIn(turn, { location: ev.location }, false);
        return turn.say('contentless');
      case 'photo':
      case 'voice': {
        const att = { kind: ev.kind, fileRef: ev.fileRef ?? '' };
        if (dialogue?.flow === 'intake') {
          dialogue.data.attachments.push(att);
          await turn.setDialogue(dialogue);
          if (ev.text?.trim()) return this.onDialogueText(turn, dialogue, ev.text);
          return turn.say(ev.kind === 'voice' ? 'voice_kept' : 'photo_kept');
        }
        if (ev.text?.trim() && !dialogue) return this.intake.start(turn, ev.text, [att]);
        // A photo or voice note before any words: keep it for the need that follows.
        const pending = dialogue?.flow === 'pending_photo' ? dialogue.data.attachments : [];
        await turn.setDialogue({ flow: 'pending_photo', nonce: newNonce(), data: { attachments: [...pending, att].slice(0, 10) } });
        return turn.say(ev.kind === 'voice' ? 'voice_kept' : 'photo_first');
      }
      case 'sticker':
        return turn.say('contentless');
      default:
        return turn.say('unsupported');
    }
  }

  // --- keyword commands (chats without buttons) --------------------------------------------

  private async needByCode(turn: Turn, code: string) {
    const c = splitCode(code);
    if ('full' in c) return turn.w.repos.needs.byCode(c.full);
    return turn.w.repos.needs.byShortNumber(c.number, new Date(turn.w.now.getTime() - 7 * 86_400_000));
  }

  private async onKeyword(turn: Turn, kw: KeywordCommand): Promise<void> {
    const inGroup = turn.ev.chat.kind === 'group';
    if (kw.kind === 'bind') return inGroup ? this.bindTeam(turn, kw.teamCode) : turn.say('group_only');
    if (kw.kind === 'my') return inGroup ? turn.say('private_only') : this.myNeeds(turn);
    if (kw.kind === 'link') return inGroup ? turn.say('private_only') : this.link(turn, kw.code);
    if (CallHandlers.isCallKeyword(kw)) return this.calls.onKeyword(turn, kw);
    const need = await this.needByCode(turn, kw.code);
    if (!need) return turn.say('need/not_found');
    switch (kw.kind) {
      case 'take': {
        if (!inGroup) {
          // 平战结合: the private emergency card's keyword (its take_direct button on WeChat).
          if (!(await this.desk.routing.emergencyUnit(turn.w, need))) return turn.say('group_only');
          const open = await turn.w.repos.needs.openDispatchOf(need.id);
          if (!open) return turn.say(need.status === 'claimed' || need.status === 'en_route' ? 'need/already_taken' : 'need/not_open');
          const r = await this.desk.claims.take(turn.w, turn.actor, open.id, true);
          return r.ok ? turn.say('take.won') : turn.say(r.code);
        }
        const binding = await turn.w.repos.org.teamChatByChat(turn.ev.channel, turn.ev.chat.id);
        const d = await turn.w.repos.needs.openDispatchOf(need.id);
        if (!d) return turn.say(need.status === 'claimed' || need.status === 'en_route' ? 'need/already_taken' : 'need/not_open');
        if (!binding || binding.teamId !== d.teamId) return turn.say('need/stale_card');
        const r = await this.desk.claims.take(turn.w, turn.actor, d.id);
        return r.ok ? turn.say('take.won_group', { volunteer: turn.actor.displayName, code: r.value.code }) : turn.say(r.code);
      }
      case 'set_off':
      case 'finish':
      case 'release': {
        const claim = await turn.w.repos.needs.activeClaim(need.id);
        if (!claim || claim.volunteerId !== turn.actor.personId) return turn.say('claim/not_yours');
        if (kw.kind === 'set_off') {
          const r = await this.desk.claims.setOff(turn.w, turn.actor, claim.id);
          return r.ok ? turn.say('set_off.ok') : turn.say(r.code);
        }
        if (kw.kind === 'finish') {
          const r = await this.desk.claims.finish(turn.w, turn.actor, claim.id, kw.hours ?? Number(need.category.defaultHours));
          return r.ok ? turn.say('done.recorded', { hours: r.value.hours, code: r.value.code }) : turn.say(r.code);
        }
        if (!kw.reason) {
          if (inGroup) return turn.say('release.ask_reason', { code: need.code });
          await turn.setDialogue({ flow: 'release_reason', nonce: newNonce(), data: { claimId: claim.id } });
          return turn.say('release.ask_reason', { code: need.code });
        }
        const r = await this.desk.claims.release(turn.w, turn.actor, claim.id, kw.reason);
        return r.ok ? turn.say('release.ok', { code: r.value.code }) : turn.say(r.code);
      }
      case 'rate': {
        if (inGroup) return turn.say('private_only');
        if (need.residentId !== turn.actor.personId) return turn.say('need/not_yours');
        // Rating a need the volunteer marked done confirms it first.
        if (need.status === 'done') {
          const c = await this.desk.completion.respond(turn.w, turn.actor, need.id, true);
          if (!c.ok) return turn.say(c.code);
        }
        const r = await this.desk.completion.rate(turn.w, turn.actor, need.id, kw.score);
        if (!r.ok) return turn.say(r.code);
        if (kw.comment) await this.desk.completion.comment(turn.w, turn.actor, need.id, kw.comment);
        return turn.say('rating.thanks');
      }
      case 'cancel': {
        if (inGroup) return turn.say('private_only');
        const r = await this.desk.intake.cancel(turn.w, turn.actor, need.id);
        return r.ok ? undefined : turn.say(r.code, { code: need.code });
      }
    }
  }

  private async onDialogueText(turn: Turn, d: Dialogue, text: string): Promise<void> {
    switch (d.flow) {
      case 'intake':
        return this.intake.onText(turn, d.data, text);
      case 'register':
        return this.register.onText(turn, d.data, text);
      case 'call':
        return this.callFlow.onText(turn, d.data, text);
      case 'pending_photo':
        await turn.clearDialogue();
        return this.intake.start(turn, text, d.data.attachments);
      case 'hours': {
        const r = await this.desk.claims.finish(turn.w, turn.actor, d.data.claimId, text);
        if (!r.ok && r.code === 'input/bad_hours') return turn.say('input/bad_hours');
        await turn.clearDialogue();
        if (!r.ok) return turn.say(r.code);
        return turn.say('done.recorded', { hours: r.value.hours, code: r.value.code });
      }
      case 'release_reason': {
        const r = await this.desk.claims.release(turn.w, turn.actor, d.data.claimId, text.trim().slice(0, 200));
        await turn.clearDialogue();
        if (!r.ok) return turn.say(r.code);
        return turn.say('release.ok', { code: r.value.code });
      }
      case 'rating_comment': {
        await this.desk.completion.comment(turn.w, turn.actor, d.data.needId, text.trim());
        await turn.clearDialogue();
        return turn.say('rating.thanks');
      }
    }
  }

  private async onCommand(turn: Turn): Promise<void> {
    const { name, args } = turn.ev.command!;
    const a = args.trim();
    switch (name) {
      case 'start':
        return turn.say('welcome');
      case 'help':
        return turn.say('help');
      case 'cancel':
        if (!turn.dialogue) return turn.say('nothing_to_cancel');
        await turn.clearDialogue();
        return turn.say('flow_cancelled');
      case 'my':
        return this.myNeeds(turn);
      case 'me':
        return this.me(turn);
      case 'jobs':
        return this.jobs(turn);
      case 'register':
        return this.register.start(turn);
      case 'bindteam':
        return turn.say('group_only');
      case 'pending':
        return this.pending(turn);
      case 'approve':
        return this.approvals(turn);
      case 'reassign': {
        const [code, team] = a.split(/\s+/);
        const needCode = code ? parseNeedCode(code) : null;
        if (!needCode || !team) return turn.say('reassign.usage');
        const r = await this.desk.routing.reassign(turn.w, turn.actor, needCode, team);
        return r.ok ? turn.say('reassign.ok', r.value) : turn.say(r.code, { code: team });
      }
      case 'close': {
        const m = /^(\S+)\s+(\S+)\s+([\s\S]+)$/.exec(a);
        const needCode = m ? parseNeedCode(m[1]!) : null;
        if (!m || !needCode) return turn.say('close.usage');
        const r = await this.desk.coordination.close(turn.w, turn.actor, needCode, m[2]!, m[3]!.trim());
        return r.ok ? turn.say('close.ok', r.value) : turn.say(r.code);
      }
      case 'link':
        return this.link(turn, a || null);
      case 'call':
        return this.callFlow.start(turn);
      case 'roster':
        return this.calls.roster(turn, a);
      case 'checkin':
        return a ? this.calls.onKeyword(turn, { kind: 'check_in', checkCode: a }) : turn.say('call/bad_check_code');
      case 'checkout':
        return this.calls.checkOut(turn, undefined, false);
      case 'emergency':
        return this.calls.emergency(turn, a);
      case 'token':
        return this.calls.token(turn);
      case 'verify': {
        const needCode = parseNeedCode(a);
        if (!needCode) return turn.say('verify.usage');
        const r = await this.desk.completion.verify(turn.w, turn.actor, needCode);
        return r.ok ? turn.say('verify.ok', r.value) : turn.say(r.code);
      }
      default:
        return turn.say('input/unknown_command');
    }
  }

  /** Without a code: issue one here; with a code: link this account to the code's person. */
  private async link(turn: Turn, code: string | null): Promise<void> {
    if (!code) {
      const c = await this.desk.identity.issue(turn.w, turn.actor);
      return turn.say('link.code', { code: c, minutes: 10 });
    }
    const r = await this.desk.identity.link(turn.w, turn.actor, turn.ev.channel, turn.ev.from.externalId, code);
    return r.ok ? turn.say('link.done', r.value) : turn.say(r.code);
  }

  private async myNeeds(turn: Turn): Promise<void> {
    const needs = await this.desk.intake.mine(turn.w, turn.actor);
    if (needs.length === 0) return turn.say('my.empty');
    const lines = needs.map((n) =>
      zh('my.item', { code: n.code, category: n.category.nameZh, status: zh(statusKey(n.status)) }) +
      `\n  ${en('my.item', { code: '', categoryEn: n.category.nameEn, statusEn: en(statusKey(n.status)) }).trim()}`,
    );
    const buttons = needs
      .filter((n) => ['submitted', 'dispatched', 'unrouted'].includes(n.status))
      .map((n) => [{ label: label('btn.cancel_need', { code: n.code }), data: this.desk.codec.encode({ kind: 'cancel', needId: n.id }) }]);
    turn.reply({ text: `${t('my.header')}\n${lines.join('\n')}`, buttons: buttons.length ? buttons : undefined });
  }

  private async me(turn: Turn): Promise<void> {
    const v = turn.actor.volunteer;
    if (!v) return turn.say('me.not_volunteer');
    if (v.status === 'pending') return turn.say('me.pending');
    const r = await this.desk.volunteers.record(turn.w, turn.actor);
    if (!r.ok) return turn.say(r.code);
    const s = starsText(r.value.stars);
    turn.say('me', {
      name: r.value.name,
      hours: r.value.hours,
      stars: s.zh,
      starsEn: s.en,
      jobs: r.value.jobs,
      rating: r.value.rating ?? '-',
      points: r.value.points,
      next: r.value.nextStarIn === null ? '' : zh('me.next_star', { hours: r.value.nextStarIn }),
    });
  }

  private async jobs(turn: Turn): Promise<void> {
    const claims = await this.desk.volunteers.jobs(turn.w, turn.actor);
    if (claims.length === 0) return turn.say('jobs.empty');
    for (const c of claims.slice(0, 5)) {
      turn.reply({
        text: `${c.need.code}　${c.need.category.nameZh}　${c.need.station.name}　${zh(statusKey(c.need.status))}`,
        buttons: [
          [
            { label: label('btn.set_off'), data: this.desk.codec.encode({ kind: 'set_off', claimId: c.id }) },
            { label: label('btn.done'), data: this.desk.codec.encode({ kind: 'done', claimId: c.id }) },
            { label: label('btn.release'), data: this.desk.codec.encode({ kind: 'release', claimId: c.id }) },
          ],
        ],
      });
    }
  }

  private async pending(turn: Turn): Promise<void> {
    const r = await this.desk.coordination.pending(turn.w, turn.actor);
    if (!r.ok) return turn.say(r.code);
    if (r.value.length === 0) return turn.say('pending.empty');
    const lines = r.value.map((n) => (n.reviewReason ? zh('pending.review') : '') + zh('pending.item', { code: n.code, category: n.category.nameZh, area: n.station.name, status: zh(statusKey(n.status)) }));
    turn.reply({ text: `${t('pending.header')}\n${lines.join('\n')}` });
  }

  private async approvals(turn: Turn): Promise<void> {
    const r = await this.desk.volunteers.pending(turn.w, turn.actor);
    if (!r.ok) return turn.say(r.code);
    if (r.value.length === 0) return turn.say('approval.none');
    for (const v of r.value) {
      turn.reply({
        text: `${v.person.displayName}（${v.skills.join('、') || '-'}）`,
        buttons: [
          [
            { label: label('btn.approve'), data: this.desk.codec.encode({ kind: 'approve', personId: v.personId, approve: true }) },
            { label: label('btn.reject'), data: this.desk.codec.encode({ kind: 'approve', personId: v.personId, approve: false }) },
          ],
        ],
      });
    }
  }

  // --- buttons ------------------------------------------------------------------------------

  private async onCallback(turn: Turn): Promise<void> {
    const data = turn.ev.callback?.data ?? '';
    const decoded = this.desk.codec.decode(data);
    if (!decoded.ok) {
      this.logger.warn(`button payload refused (${decoded.reason})`, { personId: turn.actor.personId, chat: turn.ev.chat.id, length: data.length });
      return turn.toast('button/forged', {}, true);
    }
    const a = decoded.action;
    const fail = (code: ErrorCode | MessageKey, params: Record<string, string> = {}) => turn.toast(code, params, true);
    const inGroup = turn.ev.chat.kind === 'group';
    // Only "take" and "bind" belong in groups; everything else concerns one person privately.
    // (take_direct is the private card of emergency mode.)
    if (inGroup !== (a.kind === 'take' || a.kind === 'bind')) {
      this.logger.warn('button used in the wrong kind of chat', { kind: a.kind, chat: turn.ev.chat.id });
      return fail('button/forged');
    }
    switch (a.kind) {
      case 'take': {
        // The card must be the one posted in this chat: a payload replayed elsewhere is refused.
        const chatBinding = await turn.w.repos.org.teamChatByChat(turn.ev.channel, turn.ev.chat.id);
        const d = await turn.w.repos.needs.dispatch(a.dispatchId);
        if (!chatBinding || !d || d.teamId !== chatBinding.teamId) {
          this.logger.warn('take pressed outside its team chat', { dispatchId: a.dispatchId, chat: turn.ev.chat.id });
          return fail('need/stale_card');
        }
        const r = await this.desk.claims.take(turn.w, turn.actor, a.dispatchId);
        return r.ok ? turn.toast('take.won') : fail(r.code);
      }
      case 'bind': {
        const r = await this.desk.teams.bind(turn.w, turn.actor, turn.ev.channel, turn.ev.chat.id, turn.ev.chat.title ?? null, { id: a.teamId });
        if (!r.ok) return fail(r.code, { code: '-' });
        turn.say('bind.ok', { team: r.value.name, code: r.value.code });
        return turn.toast('bind.ok', { team: r.value.name, code: r.value.code });
      }
      case 'set_off': {
        const r = await this.desk.claims.setOff(turn.w, turn.actor, a.claimId);
        return r.ok ? turn.toast('set_off.ok') : fail(r.code);
      }
      case 'done': {
        const r = await this.desk.claims.canFinish(turn.w, turn.actor, a.claimId);
        if (!r.ok) return fail(r.code);
        await turn.setDialogue({ flow: 'hours', nonce: newNonce(), data: { claimId: a.claimId } });
        const options = [...new Set([r.value.defaultHours, 1, 2, 3, 4])].sort((x, y) => x - y);
        turn.say('done.ask_hours', {}, [options.map((h) => ({ label: label('btn.hours', { hours: h }), data: this.desk.codec.encode({ kind: 'hours', claimId: a.claimId, hours: h }) }))]);
        return turn.toast('done.ask_hours');
      }
      case 'hours': {
        const r = await this.desk.claims.finish(turn.w, turn.actor, a.claimId, a.hours);
        if (!r.ok) return fail(r.code);
        if (turn.dialogue?.flow === 'hours') await turn.clearDialogue();
        turn.say('done.recorded', { hours: r.value.hours, code: r.value.code });
        return turn.toast('done.recorded', { hours: String(r.value.hours), code: r.value.code });
      }
      case 'release': {
        const r = await this.desk.claims.canRelease(turn.w, turn.actor, a.claimId);
        if (!r.ok) return fail(r.code);
        await turn.setDialogue({ flow: 'release_reason', nonce: newNonce(), data: { claimId: a.claimId } });
        turn.say('release.ask_reason', { code: r.value.code });
        return turn.toast('release.ask_reason', { code: r.value.code });
      }
      case 'confirm': {
        const r = await this.desk.completion.respond(turn.w, turn.actor, a.needId, a.yes);
        if (!r.ok) return fail(r.code);
        if (!r.value.confirmed) turn.say('need.disputed', { code: r.value.code });
        return turn.toast(r.value.confirmed ? 'need.ask_rating' : 'need.disputed', { code: r.value.code });
      }
      case 'rate': {
        const r = await this.desk.completion.rate(turn.w, turn.actor, a.needId, a.score);
        if (!r.ok) return fail(r.code);
        await turn.setDialogue({ flow: 'rating_comment', nonce: newNonce(), data: { needId: a.needId } });
        turn.say('rating.ask_comment', {}, [[turn.flowButton('skip', label('btn.skip'))]]);
        return turn.toast('rating.thanks');
      }
      case 'cancel': {
        const r = await this.desk.intake.cancel(turn.w, turn.actor, a.needId);
        return r.ok ? turn.toast('need.cancelled', { code: r.value.code }) : fail(r.code, { code: '' });
      }
      case 'approve': {
        const r = await this.desk.volunteers.decide(turn.w, turn.actor, a.personId, a.approve);
        if (!r.ok) return fail(r.code);
        if (!r.value.decided) return fail('approval.already');
        return turn.toast('approval.done', { name: r.value.name, decision: a.approve ? zh('btn.approve') : zh('btn.reject'), decisionEn: a.approve ? en('btn.approve') : en('btn.reject') });
      }
      case 'flow':
        return this.onFlowChoice(turn, a.nonce, a.choice);
      case 'call_answer':
        return this.calls.answer(turn, a.callId, a.yes, true);
      case 'call_check':
        return a.out ? this.calls.checkOut(turn, a.callId, true) : this.calls.checkIn(turn, { callId: a.callId }, true);
      case 'call_admin':
        return this.calls.admin(turn, a.callId, a.op, true);
      case 'take_direct': {
        const r = await this.desk.claims.take(turn.w, turn.actor, a.dispatchId, true);
        return r.ok ? turn.toast('take.won') : fail(r.code);
      }
    }
  }

  private async onFlowChoice(turn: Turn, nonce: string, choice: string): Promise<void> {
    const d = turn.dialogue;
    if (!d || d.nonce !== nonce) return turn.toast('button/stale', {}, true);
    turn.answer = { text: '✓', alert: false };

    switch (d.flow) {
      case 'intake':
        return this.intake.onChoice(turn, d.data, choice);
      case 'register':
        return this.register.onChoice(turn, d.data, choice);
      case 'call':
        return this.callFlow.onChoice(turn, d.data, choice);
      case 'rating_comment':
        if (choice === 'skip') {
          await turn.clearDialogue();
          return turn.say('rating.thanks');
        }
        return turn.toast('button/stale', {}, true);
      default:
        return turn.toast('button/stale', {}, true);
    }
  }
}
