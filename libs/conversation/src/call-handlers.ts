// 一呼百应 and 平战结合 in chat: answers to calls, check-in/out, the coordinator's call controls,
// emergency mode and personal API tokens. Channel-free, like the rest of the engine.
import { formatLocal, hashToken, newApiToken, type CallAdminOp, type Desk } from '@baiying/desk';
import { parseCallCode, type Result } from '@baiying/domain';
import type { MessageKey } from '@baiying/i18n';
import type { KeywordCommand } from './keyword-command.js';
import type { Turn } from './turn.js';

type CallKeyword = Extract<KeywordCommand, { kind: 'call_answer' | 'check_in' | 'check_out' | 'call_admin' }>;

export class CallHandlers {
  constructor(private readonly desk: Desk) {}

  static isCallKeyword(kw: KeywordCommand): kw is CallKeyword {
    return kw.kind === 'call_answer' || kw.kind === 'check_in' || kw.kind === 'check_out' || kw.kind === 'call_admin';
  }

  private async callId(turn: Turn, code: string): Promise<string | null> {
    const full = parseCallCode(code);
    const call = full ? await turn.w.repos.calls.byCode(full) : null;
    return call?.id ?? null;
  }

  /** Keyword forms (WeChat and everywhere): 参加/不能参加 M-…, 签到 123456, 签退, 名单 M-…. */
  async onKeyword(turn: Turn, kw: CallKeyword): Promise<void> {
    if (turn.ev.chat.kind === 'group') return turn.say('private_only');
    if (kw.kind === 'check_in') {
      if (!kw.checkCode) return turn.say('call/bad_check_code');
      return this.checkIn(turn, { code: kw.checkCode }, false);
    }
    if (kw.kind === 'check_out') {
      const id = kw.callCode ? await this.callId(turn, kw.callCode) : undefined;
      if (id === null) return turn.say('call/not_found');
      return this.checkOut(turn, id, false);
    }
    const id = await this.callId(turn, kw.callCode);
    if (!id) return turn.say('call/not_found');
    if (kw.kind === 'call_answer') return this.answer(turn, id, kw.yes, false);
    return this.admin(turn, id, kw.op, false);
  }

  async answer(turn: Turn, callId: string, yes: boolean, button: boolean): Promise<void> {
    const r = await this.desk.mobilisation.answer(turn.w, turn.actor, callId, yes);
    if (!r.ok) return this.fail(turn, r, button);
    const key: MessageKey = r.value.changed ? (`call.answer.${r.value.roster}` as MessageKey) : 'call.answer.none';
    return this.done(turn, key, { code: r.value.code }, button);
  }

  async checkIn(turn: Turn, by: { callId: string } | { code: string } | { location: { lat: number; lng: number } }, button: boolean): Promise<void> {
    const r = await this.desk.mobilisation.checkIn(turn.w, turn.actor, by);
    if (!r.ok) return this.fail(turn, r, button);
    const call = await turn.w.repos.calls.byCode(r.value.code);
    turn.say('call.checked_in', r.value, call ? [[this.desk.mobilisation.checkButton(call, true)]] : undefined);
    if (button) turn.toast('call.checked_in', r.value);
  }

  async checkOut(turn: Turn, callId: string | undefined, button: boolean): Promise<void> {
    const r = await this.desk.mobilisation.checkOut(turn.w, turn.actor, callId);
    if (!r.ok) return this.fail(turn, r, button);
    // The credit message itself goes out from the service; acknowledge the press.
    if (button) turn.toast('btn.call_check_out');
  }

  async admin(turn: Turn, callId: string, op: CallAdminOp, button: boolean): Promise<void> {
    const m = this.desk.mobilisation;
    switch (op) {
      case 'close': {
        const r = await m.close(turn.w, turn.actor, callId);
        return r.ok ? this.done(turn, 'call.closed_ok', r.value, button) : this.fail(turn, r, button);
      }
      case 'extend': {
        const r = await m.extend(turn.w, turn.actor, callId, 2);
        return r.ok ? this.done(turn, 'call.extended_ok', { code: r.value.code, answerBy: formatLocal(r.value.answerBy, turn.w.deps.config.timeZone) }, button) : this.fail(turn, r, button);
      }
      case 'remind': {
        const r = await m.remindSilent(turn.w, turn.actor, callId);
        return r.ok ? this.done(turn, 'call.reminded_ok', { n: r.value.reminded }, button) : this.fail(turn, r, button);
      }
      case 'cancel': {
        const r = await m.cancel(turn.w, turn.actor, callId);
        return r.ok ? this.done(turn, 'call.cancelled_ok', { code: r.value.code, n: r.value.told }, button) : this.fail(turn, r, button);
      }
      case 'roster': {
        const r = await m.rosterText(turn.w, turn.actor, callId);
        if (!r.ok) return this.fail(turn, r, button);
        turn.reply({ text: r.value });
        if (button) turn.answer = { text: '✓', alert: false };
        return;
      }
    }
  }

  /** /roster M-…: the full tally as a new message. */
  async roster(turn: Turn, args: string): Promise<void> {
    const code = parseCallCode(args);
    if (!code) return turn.say('call.roster_usage');
    const id = await this.callId(turn, code);
    if (!id) return turn.say('call/not_found');
    return this.admin(turn, id, 'roster', false);
  }

  /** /emergency on [reason] | off */
  async emergency(turn: Turn, args: string): Promise<void> {
    const m = /^(on|off|开启|关闭|开|关)(?:\s+([\s\S]+))?$/i.exec(args.trim());
    if (!m) return turn.say('mode.usage');
    const on = /^(on|开启|开)$/i.test(m[1]!);
    const r = await this.desk.emergency.switchMode(turn.w, turn.actor, on, m[2]?.trim() ?? null);
    if (!r.ok) return turn.say(r.code, r.detail ?? {});
    return turn.say(on ? 'mode.on' : 'mode.off', r.value);
  }

  /** /token: a personal API token for the coordinator's HTTP API (shown once, stored hashed). */
  async token(turn: Turn): Promise<void> {
    if (turn.actor.coordinatorUnitIds.length === 0) return turn.say('auth/not_coordinator');
    const token = newApiToken();
    await turn.w.repos.calls.issueToken(turn.actor.personId, hashToken(turn.w.deps.cipher, token));
    turn.say('token.issued', { token });
  }

  private done(turn: Turn, key: MessageKey, params: Record<string, string | number>, button: boolean): void {
    if (button) turn.toast(key, params);
    else turn.say(key, params);
  }

  private fail<T>(turn: Turn, r: Extract<Result<T>, { ok: false }>, button: boolean): void {
    if (button) turn.toast(r.code, r.detail ?? {}, true);
    else turn.say(r.code, r.detail ?? {});
  }
}
