// What takers press and type: 接单 in the group (or privately in emergency mode), 出发, 完成 with
// hours, 放弃 with a reason; the hours and the reason are asked in a short private dialogue
// when a button was pressed. /jobs lists their jobs.
import { button, command, defineFlow, flow, keyword, type ChatFeature, type Turn } from '@baiying/conversation';
import { label, t } from '@baiying/i18n';
import { z } from 'zod';
import { takeButton, takeDirectButton, takeKeyword } from '../routing/index.js';
import {
  doneButton,
  finishKeyword,
  hoursButton,
  relayKeyword,
  relayReplyButton,
  sharePhoneButton,
  sharePhoneKeyword,
  releaseButton,
  releaseKeyword,
  setOffButton,
  setOffKeyword,
} from './claims.buttons.js';
import type { ClaimsFeature } from './claims.feature.js';
import { hoursChoices, jobLine } from './claims.render.js';
import { REASON_CHARS } from './release-job.usecase.js';

/** After "done": the next text is the hours. After "release": the next text is the reason. */
const hoursFlow = defineFlow('hours', z.object({ claimId: z.string() }));
const releaseReasonFlow = defineFlow('release_reason', z.object({ claimId: z.string() }));
/** After 💬: the next text is passed on to the other side of the job. */
const relayFlow = defineFlow('relay', z.object({ needId: z.string() }));

/** The volunteer's /jobs list shows this many. */
const JOBS_SHOWN = 5;

export function claimsChat(f: ClaimsFeature): ChatFeature {
  const via = (turn: Turn) => ({ channel: turn.ev.channel, chatId: turn.ev.chat.id, chat: turn.ev.chat.kind });
  const relay = async (turn: Turn, need: { needId: string } | { needCode: string }, text: string) => {
    const r = await f.relay.execute(turn.w, turn.actor, { need, text });
    return r.ok ? turn.say('relay.sent', { to: t(`relay.to_${r.value.to}`, {}, turn.locale) }) : turn.fail(r, false);
  };
  const sharePhone = async (turn: Turn, need: { needId: string } | { needCode: string }, viaButton: boolean) => {
    const r = await f.sharePhone.execute(turn.w, turn.actor, { need });
    return r.ok ? turn.done('relay.phone_shared', { to: t(`relay.to_${r.value.to}`, {}, turn.locale) }, viaButton) : turn.fail(r, viaButton);
  };
  return {
    feature: 'claims',
    commands: [
      command('jobs', 'private', async (turn) => {
        const claims = await f.myJobs.execute(turn.w, turn.actor);
        if (claims.length === 0) return turn.say('jobs.empty');
        for (const c of claims.slice(0, JOBS_SHOWN)) turn.reply(jobLine(c, turn.w.buttons));
      }),
    ],
    keywords: [
      keyword(takeKeyword, 'any', async (turn, a) => {
        const r = await f.take.execute(turn.w, turn.actor, { target: { needCode: a.code }, via: via(turn) });
        if (!r.ok) return turn.fail(r, false);
        if (turn.isPrivate) turn.say('take.won');
        else turn.say('take.won_group', { volunteer: turn.actor.displayName, code: r.value.code });
      }),
      keyword(relayKeyword, 'private', (turn, a) => relay(turn, { needCode: a.code }, a.text)),
      keyword(sharePhoneKeyword, 'private', (turn, a) => sharePhone(turn, { needCode: a.code }, false)),
      keyword(setOffKeyword, 'any', async (turn, a) => {
        const r = await f.setOff.execute(turn.w, turn.actor, { needCode: a.code });
        return r.ok ? turn.say('set_off.ok') : turn.fail(r, false);
      }),
      keyword(finishKeyword, 'any', async (turn, a) => {
        const r = await f.finish.execute(turn.w, turn.actor, { claim: { needCode: a.code }, ...(a.hours ? { hours: a.hours } : {}) });
        return r.ok ? turn.say('done.recorded', r.value) : turn.fail(r, false);
      }),
      keyword(releaseKeyword, 'any', async (turn, a) => {
        if (!a.reason) {
          const r = await f.checkRelease.execute(turn.w, turn.actor, { needCode: a.code });
          if (!r.ok) return turn.fail(r, false);
          // In a group the reason is typed with the keyword; privately it may follow.
          if (turn.isPrivate) releaseReasonFlow.start(turn, { claimId: r.value.claimId });
          return turn.say('release.ask_reason', { code: r.value.code });
        }
        const r = await f.release.execute(turn.w, turn.actor, { claim: { needCode: a.code }, reason: a.reason });
        return r.ok ? turn.say('release.ok', r.value) : turn.fail(r, false);
      }),
    ],
    buttons: [
      button(takeButton, 'group', async (turn, p) => {
        const r = await f.take.execute(turn.w, turn.actor, { target: { dispatchId: p.dispatchId }, via: via(turn) });
        return r.ok ? turn.toast('take.won') : turn.fail(r, true);
      }),
      button(takeDirectButton, 'private', async (turn, p) => {
        const r = await f.take.execute(turn.w, turn.actor, { target: { dispatchId: p.dispatchId }, via: via(turn) });
        return r.ok ? turn.toast('take.won') : turn.fail(r, true);
      }),
      button(sharePhoneButton, 'private', (turn, p) => sharePhone(turn, { needId: p.needId }, true)),
      button(relayReplyButton, 'private', (turn, p) => {
        relayFlow.start(turn, { needId: p.needId });
        turn.say('relay.ask_text');
        turn.ack();
      }),
      button(setOffButton, 'private', async (turn, p) => {
        const r = await f.setOff.execute(turn.w, turn.actor, { claimId: p.claimId });
        return r.ok ? turn.toast('set_off.ok') : turn.fail(r, true);
      }),
      button(doneButton, 'private', async (turn, p) => {
        const r = await f.checkFinish.execute(turn.w, turn.actor, { claimId: p.claimId });
        if (!r.ok) return turn.fail(r, true);
        hoursFlow.start(turn, { claimId: p.claimId });
        turn.say('done.ask_hours', {}, [
          hoursChoices(r.value.defaultHours, r.value.maxHours).map((h) => ({
            label: label('btn.hours', { hours: h }),
            data: turn.w.buttons.encode(hoursButton, { claimId: p.claimId, hours: h }),
          })),
        ]);
        turn.toast('done.ask_hours');
      }),
      button(hoursButton, 'private', async (turn, p) => {
        const r = await f.finish.execute(turn.w, turn.actor, { claim: { claimId: p.claimId }, hours: p.hours });
        if (!r.ok) return turn.fail(r, true);
        if (turn.dialogue?.flow === hoursFlow.name) turn.clearDialogue();
        turn.say('done.recorded', r.value);
        turn.toast('done.recorded', { hours: String(r.value.hours), code: r.value.code });
      }),
      button(releaseButton, 'private', async (turn, p) => {
        const r = await f.checkRelease.execute(turn.w, turn.actor, { claimId: p.claimId });
        if (!r.ok) return turn.fail(r, true);
        releaseReasonFlow.start(turn, { claimId: p.claimId });
        turn.say('release.ask_reason', { code: r.value.code });
        turn.toast('release.ask_reason', { code: r.value.code });
      }),
    ],
    flows: [
      flow(hoursFlow, {
        onText: async (turn, data, text) => {
          const r = await f.finish.execute(turn.w, turn.actor, { claim: { claimId: data.claimId }, hours: text });
          if (!r.ok && r.code === 'input/bad_hours') return turn.say('input/bad_hours');
          turn.clearDialogue();
          return r.ok ? turn.say('done.recorded', r.value) : turn.fail(r, false);
        },
        onChoice: (turn) => turn.toast('button/stale', {}, true),
      }),
      flow(relayFlow, {
        onText: async (turn, data, text) => {
          turn.clearDialogue();
          await relay(turn, { needId: data.needId }, text);
        },
        onChoice: (turn) => turn.toast('button/stale', {}, true),
      }),
      flow(releaseReasonFlow, {
        onText: async (turn, data, text) => {
          const r = await f.release.execute(turn.w, turn.actor, { claim: { claimId: data.claimId }, reason: text.trim().slice(0, REASON_CHARS) || '-' });
          turn.clearDialogue();
          return r.ok ? turn.say('release.ok', r.value) : turn.fail(r, false);
        },
        onChoice: (turn) => turn.toast('button/stale', {}, true),
      }),
    ],
  };
}
