// The coordinator's live roll-call: one message edited in place as answers come in (at most
// one edit per refresh window), or re-sent now and then where the channel cannot edit.
import { personName } from '@baiying/db';
import { maskPhone, systemClock, type OutButton } from '@baiying/domain';
import { label, t, type MessageKey } from '@baiying/i18n';
import type { Renderer, Work } from '@baiying/kernel';
import { ADMIN_KEYWORDS, callAdminButton, type CallAdminOp } from './calls.buttons.js';
import type { CallRenderer } from './calls.render.js';
import type { CallRow } from './call-row.js';

/** Names listed in the tally (the rest are counted). */
const TALLY_NAMES = 30;

type AdminOp = Exclude<CallAdminOp, 'roster' | 'confirm'>;
const ADMIN_BUTTON_KEYS: Record<AdminOp, MessageKey> = {
  remind: 'btn.call_remind',
  extend: 'btn.call_extend',
  close: 'btn.call_close',
  cancel: 'btn.call_cancel',
};

/**
 * Debounced: at most one tally refresh per window per call. The slot comes from the live clock,
 * not the transaction's start: callers hold the call's row lock, so the slot's refresh job cannot
 * have run yet (with the start's time, a refresh that ran in between would keep this change out of
 * the tally until the next event).
 */
export function refreshSoon(w: Work, callId: string): void {
  const every = w.config.calls.tallyRefreshMs;
  const slot = Math.floor((w.deps.clock ?? systemClock).now().getTime() / every) + 1;
  w.schedule('refresh-tally', { callId, slot }, new Date(slot * every));
}

export class TallyRenderer {
  constructor(private readonly render: CallRenderer) {}

  /** The roll-call, read now and rendered for its reader (the call's creator) in their language. */
  async tally(w: Work, call: CallRow): Promise<Renderer> {
    const counts = await w.repos.calls.counts(call.id);
    const delivery = await w.repos.calls.delivery(call.id);
    const roster = await w.repos.calls.roster(call.id, TALLY_NAMES);
    const people = new Map((await w.repos.calls.people(roster.map((r) => r.personId))).map((p) => [p.id, p]));
    const names = roster.map((r, i) => {
      const p = people.get(r.personId);
      const phone = maskPhone(w.deps.cipher.decryptOptional(p?.phoneEnc ?? null));
      const mark = r.roster === 'waitlisted' ? '⏳' : r.checkedInAt ? (r.checkedOutAt ? '🏁' : '📍') : '✅';
      return `${i + 1}. ${mark} ${p ? personName(w.deps.cipher, p) : '-'} ${phone}`.trimEnd();
    });
    const more = counts.confirmed + counts.waitlisted - roster.length;
    const status: MessageKey = call.status === 'open' ? 'call.status.open' : call.status === 'closed' ? 'call.status.closed' : 'call.status.cancelled';
    const rows: AdminOp[][] =
      call.status === 'open'
        ? [
            ['remind', 'extend'],
            ['close', 'cancel'],
          ]
        : [];
    const data = new Map(rows.flat().map((op) => [op, w.buttons.encode(callAdminButton, { callId: call.id, op })]));
    return () => {
      const buttons: OutButton[][] = rows.map((row) =>
        row.map((op) => ({ label: label(ADMIN_BUTTON_KEYS[op]), data: data.get(op)!, keyword: ADMIN_KEYWORDS[op].show({ callCode: call.code }) })),
      );
      const text = [
        t('call.tally', {
          ...this.render.facts(call),
          confirmed: counts.confirmed,
          waitlisted: counts.waitlisted,
          declined: counts.declined + counts.withdrawn,
          silent: counts.none,
          sent: delivery.sent,
          recipients: delivery.recipients,
          status: t(status),
          checkCode: call.checkCode,
        }),
        delivery.uncertain ? t('call.tally.uncertain', { n: delivery.uncertain }) : '',
        names.join('\n'),
        more > 0 ? t('call.tally.more', { n: more }) : '',
      ]
        .filter(Boolean)
        .join('\n');
      return this.render.banner(call, buttons.length ? { text, buttons } : { text });
    };
  }
}
