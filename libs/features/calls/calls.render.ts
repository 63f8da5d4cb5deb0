// What a call's messages say: the call itself with its answer buttons, the group notice,
// reminders (how to check in, never the code: it is shown on site only), the check-out button
// and the coordinator's notice of those never checked out; emergency-mode calls carry the banner.
import type { OutButton, OutMessage } from '@baiying/domain';
import { label, t } from '@baiying/i18n';
import { formatLocal, listOf, msg, type ButtonCodec } from '@baiying/kernel';
import { withEmergencyBanner } from '../emergency/index.js';
import { ADMIN_KEYWORDS, callAdminButton, callAnswerButton, callCheckButton, checkOutKeyword, declineKeyword, joinKeyword } from './calls.buttons.js';
import type { CallRow } from './call-row.js';

/** What a recipient's call message says after their answer (or a promotion from the waiting list). */
export type AnsweredState = 'confirmed' | 'waitlisted' | 'declined' | 'withdrawn' | 'promoted';

export class CallRenderer {
  constructor(
    private readonly timeZone: string,
    private readonly buttons: ButtonCodec,
  ) {}

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
      skills: call.skills.length ? listOf(call.skills) : '-',
    };
  }

  /** Emergency-mode calls carry the urgent banner. */
  banner(call: Pick<CallRow, 'emergency'>, m: OutMessage): OutMessage {
    return call.emergency ? withEmergencyBanner(m) : m;
  }

  callMessage(call: CallRow): OutMessage {
    return this.banner(call, { text: t('call.message', this.facts(call)), buttons: this.answerButtons(call) });
  }

  /**
   * A recipient's call message once answered: the call, what they answered and when, and only the
   * button that can still change it (withdraw until the start; join again while answers are taken).
   */
  answered(call: CallRow, state: AnsweredState, at: Date, now: Date): OutMessage {
    const text = `${t('call.message', this.facts(call))}\n\n${t(`call.state.${state}`, { at: formatLocal(at, this.timeZone) })}`;
    const inRoster = state === 'confirmed' || state === 'waitlisted' || state === 'promoted';
    const button: OutButton | null = inRoster
      ? now < call.startsAt
        ? {
            label: label('btn.call_withdraw'),
            data: this.buttons.encode(callAnswerButton, { callId: call.id, yes: false }),
            keyword: declineKeyword.show({ callCode: call.code }),
          }
        : null
      : call.status === 'open' && now < call.answerBy
        ? {
            label: label('btn.call_rejoin'),
            data: this.buttons.encode(callAnswerButton, { callId: call.id, yes: true }),
            keyword: joinKeyword.show({ callCode: call.code }),
          }
        : null;
    return this.banner(call, button ? { text, buttons: [[button]] } : { text });
  }

  groupNotice(call: CallRow): OutMessage {
    return this.banner(call, msg('call.group_notice', this.facts(call)));
  }

  nudge(call: CallRow): OutMessage {
    return this.banner(call, { text: `${t('call.nudge', this.facts(call))}\n\n${this.callMessage(call).text}`, buttons: this.answerButtons(call) });
  }

  reminder(call: CallRow, minutes: number): OutMessage {
    return this.banner(call, {
      text: t('call.reminder', { ...this.facts(call), hours: Math.round((minutes / 60) * 10) / 10 }),
      buttons: [
        [
          {
            label: label('btn.call_withdraw'),
            data: this.buttons.encode(callAnswerButton, { callId: call.id, yes: false }),
            keyword: declineKeyword.show({ callCode: call.code }),
          },
        ],
      ],
    });
  }

  /** To the call's creator at the finish: `n` checked in and never out; credited only if confirmed. */
  unconfirmed(call: CallRow, n: number): OutMessage {
    return this.banner(call, {
      text: t('call.unconfirmed', { ...this.facts(call), n }),
      buttons: [
        [
          {
            label: label('btn.call_confirm'),
            data: this.buttons.encode(callAdminButton, { callId: call.id, op: 'confirm' }),
            keyword: ADMIN_KEYWORDS.confirm.show({ callCode: call.code }),
          },
        ],
      ],
    });
  }

  answerButtons(call: CallRow): OutButton[][] {
    return [
      [
        {
          label: label('btn.call_yes'),
          data: this.buttons.encode(callAnswerButton, { callId: call.id, yes: true }),
          keyword: joinKeyword.show({ callCode: call.code }),
        },
        {
          label: label('btn.call_no'),
          data: this.buttons.encode(callAnswerButton, { callId: call.id, yes: false }),
          keyword: declineKeyword.show({ callCode: call.code }),
        },
      ],
    ];
  }

  checkOutButton(call: CallRow): OutButton {
    return {
      label: label('btn.call_check_out'),
      data: this.buttons.encode(callCheckButton, { callId: call.id, out: true }),
      keyword: checkOutKeyword.show({ callCode: call.code }),
    };
  }
}
