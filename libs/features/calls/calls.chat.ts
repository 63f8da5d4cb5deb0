// 一呼百应 in chat: /call creates one; volunteers answer (buttons or 参加/不能参加 M-…), check in
// (签到 + the code shown on site, or a live location) and out (签退); coordinators use the tally's
// buttons or the typed controls, /roster, and 确认到场 M-… after the end.
import { button, command, flow, keyword, type ChatFeature, type Turn } from '@baiying/conversation';
import { parseCallCode, type Result } from '@baiying/domain';
import type { MessageKey } from '@baiying/i18n';
import { formatLocal } from '@baiying/kernel';
import { callIdOf } from './call-access.js';
import { CallForm } from './call.flow.js';
import { callFlow } from './call-flow.data.js';
import {
  ADMIN_KEYWORDS,
  CALL_ADMIN_OPS,
  callAdminButton,
  callAnswerButton,
  callCheckButton,
  checkInKeyword,
  checkOutKeyword,
  declineKeyword,
  joinKeyword,
  type CallAdminOp,
} from './calls.buttons.js';
import type { CallsFeature } from './calls.feature.js';
import type { CheckInCommand } from './check-in.usecase.js';

export function callsChat(f: CallsFeature): ChatFeature {
  const form = new CallForm(f.preview, f.create);

  // The answer is recorded now and applied by the call's consumer, whose reply says where it put
  // the person (decision 0037): a press is acknowledged without words, a typed answer gets no
  // reply of its own.
  const answer = async (turn: Turn, callId: string, yes: boolean, viaButton: boolean) => {
    const r = await f.answer.execute(turn.w, turn.actor, { callId, yes, from: { channel: turn.ev.channel, chatId: turn.ev.chat.id } });
    if (!r.ok) return turn.fail(r, viaButton);
    if (viaButton) turn.ack();
  };

  const checkIn = async (turn: Turn, by: CheckInCommand, viaButton: boolean) => {
    const r = await f.checkIn.execute(turn.w, turn.actor, by);
    if (!r.ok) return turn.fail(r, viaButton);
    const params = { code: r.value.code, title: r.value.title };
    turn.say('call.checked_in', params, [[f.render.checkOutButton(r.value.call)]]);
    if (viaButton) turn.toast('call.checked_in', params);
  };

  const checkOut = async (turn: Turn, callId: string | undefined, viaButton: boolean) => {
    const r = await f.checkOut.execute(turn.w, turn.actor, callId ? { callId } : {});
    if (!r.ok) return turn.fail(r, viaButton);
    // The credit message itself goes out from the use case; acknowledge the press.
    if (viaButton) turn.toast('btn.call_check_out');
  };

  const admin = async (turn: Turn, callId: string, op: CallAdminOp, viaButton: boolean) => {
    const done = (r: Result<Record<string, string | number>>, key: MessageKey) => (r.ok ? turn.done(key, r.value, viaButton) : turn.fail(r, viaButton));
    switch (op) {
      case 'close':
        return done(await f.close.execute(turn.w, turn.actor, { callId }), 'call.closed_ok');
      case 'extend': {
        const r = await f.extend.execute(turn.w, turn.actor, { callId, hours: 2 });
        return done(
          r.ok ? { ok: true, value: { code: r.value.code, answerBy: formatLocal(r.value.answerBy, turn.w.config.timeZone) } } : r,
          'call.extended_ok',
        );
      }
      case 'remind': {
        const r = await f.remind.execute(turn.w, turn.actor, { callId });
        return done(r.ok ? { ok: true, value: { n: r.value.reminded } } : r, 'call.reminded_ok');
      }
      case 'cancel': {
        const r = await f.cancel.execute(turn.w, turn.actor, { callId });
        return done(r.ok ? { ok: true, value: { code: r.value.code, n: r.value.told } } : r, 'call.cancelled_ok');
      }
      case 'confirm':
        return done(await f.confirmAttendance.execute(turn.w, turn.actor, { callId }), 'call.confirmed_ok');
      case 'roster': {
        const r = await f.status.execute(turn.w, turn.actor, { callId });
        if (!r.ok) return turn.fail(r, viaButton);
        turn.reply({ text: r.value.tally });
        if (viaButton) turn.ack();
        return;
      }
    }
  };

  /** A typed control or answer names the call by code. */
  const byCode = async (turn: Turn, callCode: string, run: (callId: string) => Promise<void>) => {
    const id = await callIdOf(turn.w, { callCode });
    return id ? run(id) : turn.say('call/not_found');
  };

  return {
    feature: 'calls',
    commands: [
      command('call', 'private', (turn) => form.start(turn)),
      command('roster', 'private', async (turn, args) => {
        const code = parseCallCode(args);
        if (!code) return turn.say('call.roster_usage');
        return byCode(turn, code, (id) => admin(turn, id, 'roster', false));
      }),
      command('checkin', 'private', (turn, args) => (args ? checkIn(turn, { code: args }, false) : turn.say('call/bad_check_code'))),
      command('checkout', 'private', (turn) => checkOut(turn, undefined, false)),
    ],
    keywords: [
      keyword(joinKeyword, 'private', (turn, a) => byCode(turn, a.callCode, (id) => answer(turn, id, true, false))),
      keyword(declineKeyword, 'private', (turn, a) => byCode(turn, a.callCode, (id) => answer(turn, id, false, false))),
      keyword(checkInKeyword, 'private', (turn, a) => (a.checkCode ? checkIn(turn, { code: a.checkCode }, false) : turn.say('call/bad_check_code'))),
      keyword(checkOutKeyword, 'private', (turn, a) =>
        a.callCode ? byCode(turn, a.callCode, (id) => checkOut(turn, id, false)) : checkOut(turn, undefined, false),
      ),
      ...CALL_ADMIN_OPS.map((op) => keyword(ADMIN_KEYWORDS[op], 'private', (turn, a) => byCode(turn, a.callCode, (id) => admin(turn, id, op, false)))),
    ],
    buttons: [
      button(callAnswerButton, 'private', (turn, p) => answer(turn, p.callId, p.yes, true)),
      button(callCheckButton, 'private', (turn, p) => (p.out ? checkOut(turn, p.callId, true) : checkIn(turn, { callId: p.callId }, true))),
      button(callAdminButton, 'private', (turn, p) => admin(turn, p.callId, p.op, true)),
    ],
    flows: [
      flow(callFlow, {
        onText: (turn, data, text) => form.onText(turn, data, text),
        onChoice: (turn, data, choice) => form.onChoice(turn, data, choice),
        onChoices: (turn, data, choices) => form.onChoices(turn, data, choices),
        onLocation: (turn, data, loc) => form.onLocation(turn, data, loc),
      }),
    ],
    // A location outside any form: check-in at a call's site (a live one only; see CheckIn).
    fallbacks: { location: (turn, loc) => checkIn(turn, { location: loc }, false) },
  };
}
