// A dispatch round: a need offered to one team at one tier, with its cards in every chat bound
// to the team and an SLA timer. Routing opens rounds; claims (release), intake (cancel) and
// coordination (close) end them through here.
import type { NeedRow } from '@baiying/db';
import { PurposeKey, slaMs, type OrgTier, Priority } from '@baiying/domain';
import type { EmergencyPolicy } from '../emergency/index.js';
import { withEmergencyBanner } from '../emergency/index.js';
import { alertCoordinators, msg, slaInForce, type Work } from '@baiying/kernel';
import { t, type Locale } from '@baiying/i18n';
import { directCard, jobCard, publicFacts, type CardFooter } from './job-card.render.js';

export class DispatchRounds {
  constructor(private readonly emergency: EmergencyPolicy) {}

  /** Opens a dispatch round: job cards to every chat bound to the team, SLA timer. */
  async open(w: Work, need: NeedRow, teamId: string, unitId: string, tier: OrgTier): Promise<string> {
    const emergencyUnit = await this.emergency.unitFor(w, need);
    const rules = await slaInForce(w);
    const sla = emergencyUnit ? this.emergency.slaMs(rules) : slaMs(rules, tier, need.urgency === 'urgent' ? 'urgent' : 'normal');
    const due = new Date(w.now.getTime() + sla);
    const d = await w.repos.needs.openDispatch(need.id, teamId, unitId, tier, due);
    // Rendered per chat at commit: each group in its team's language, each person in theirs.
    const card = (locale: Locale) => {
      const base = jobCard(need, w.buttons, d.id, undefined, locale);
      return emergencyUnit ? withEmergencyBanner(base) : base;
    };
    const priority = need.urgency === 'urgent' || emergencyUnit ? Priority.emergency : Priority.card;
    for (const c of await w.repos.org.teamChats(teamId)) {
      w.out.to({ channel: c.channel, chatId: c.chatId }, PurposeKey.jobCard(d.id, c.id), 'job-card', card, priority);
    }
    if (emergencyUnit) {
      // Every emergency-team member of the area gets the card privately, with their own take button.
      const direct = (locale: Locale) => directCard(card(locale), w.buttons, d.id, need.code, locale);
      for (const personId of await this.emergency.directRecipients(w, emergencyUnit)) {
        await w.out.toPerson(personId, PurposeKey.directCard(d.id, personId), 'job-card-direct', direct, Priority.emergency);
      }
    }
    w.schedule('escalate-dispatch', { dispatchId: d.id }, due);
    return d.id;
  }

  /**
   * Group cards of an open round that turned uncertain (the bot died between claiming and
   * recording the send: it may or may not have arrived) go out once more as a NEW card with a
   * note, and only while nothing was taken (round open, need still dispatched, read in this
   * transaction). Never a blind resend of the same row; a second uncertain copy is left to the
   * round's SLA timer, which escalates whatever the cards did. Returns the cards posted again.
   */
  async postUncertainAgain(w: Work, dispatchId: string): Promise<number> {
    const d = await w.repos.needs.dispatch(dispatchId);
    if (!d || d.status !== 'open') return 0;
    const need = await w.repos.needs.byId(d.needId);
    if (!need || need.status !== 'dispatched') return 0;
    const emergencyUnit = await this.emergency.unitFor(w, need);
    const priority = need.urgency === 'urgent' || emergencyUnit ? Priority.emergency : Priority.card;
    const card = (locale: Locale) => {
      const base = jobCard(need, w.buttons, d.id, undefined, locale);
      const marked = emergencyUnit ? withEmergencyBanner(base) : base;
      return { ...marked, text: `${marked.text}\n${t('card.again', {}, locale)}` };
    };
    let n = 0;
    for (const c of await w.repos.messaging.uncertainWithPrefix(PurposeKey.cardsOf(d.id))) {
      if (c.template !== 'job-card') continue; // private emergency cards: the (short) emergency SLA covers them
      if (await w.repos.messaging.byPurpose(PurposeKey.cardAgain(c.purposeKey))) continue; // once
      w.out.to({ channel: c.channel, chatId: c.chatId }, PurposeKey.cardAgain(c.purposeKey), 'job-card-again', card, priority);
      n++;
    }
    return n;
  }

  /** Rewrites every card of a dispatch (taken, escalated, closed); buttons disappear. */
  async editCards(w: Work, dispatchId: string, need: NeedRow, footer: CardFooter): Promise<void> {
    const cards = await w.repos.messaging.sentWithPrefix(PurposeKey.cardsOf(dispatchId));
    const edited = (locale: Locale) => jobCard(need, w.buttons, dispatchId, footer, locale);
    for (const c of cards) {
      w.out.edit({ channel: c.channel, chatId: c.chatId, purposeKey: c.purposeKey }, PurposeKey.cardEdit(c.purposeKey, footer.key), 'job-card-edit', edited);
    }
  }

  /** Ends the need's open round, if any, and marks its cards closed (cancel, close, reassign). */
  async closeOpen(w: Work, need: NeedRow): Promise<void> {
    const open = await w.repos.needs.openDispatchOf(need.id);
    if (!open) return;
    await w.repos.needs.closeDispatch(open.id, 'superseded');
    await this.editCards(w, open.id, need, { key: 'card.closed', params: {} });
  }

  /** Nobody anywhere can take it: the resident is told, coordinators are alerted. */
  async markUnrouted(w: Work, need: NeedRow): Promise<void> {
    if (!(await w.repos.needs.apply(need.id, 'no_route'))) return;
    await w.repos.needs.event(need.id, 'no_route', null);
    await w.out.toPerson(
      need.residentId,
      PurposeKey.needUnrouted(need.id),
      'need-unrouted',
      () => msg('need.unrouted', { code: need.code }),
      Priority.status,
      need.channel,
    );
    await alertCoordinators(w, need.stationId, PurposeKey.alert('unrouted', need.id), () => msg('alert.unrouted', publicFacts(need)));
  }
}
