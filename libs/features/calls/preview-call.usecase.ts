// Before sending: how many people a call reaches on which channel, how many team groups get a
// notice, and how long sending takes at each channel's broadcast pace.
import type { CallPreview as Preview } from '@baiying/contracts';
import type { ActorRow, AudienceSelection } from '@baiying/db';
import { CHANNELS, err, ok, sendSeconds, type Channel, type Result } from '@baiying/domain';
import { isCoordinator, parseCommand, type Work } from '@baiying/kernel';
import { resolveAudience, teamChatsFor } from './audience.js';
import { callDraft, validateDraft, type CallDraft } from './call-draft.js';

/** The preview's shape is the API's contract (libs/contracts), over the server's channels. */
export type CallPreview = Preview<Channel>;

/** Reach and sending time of an audience (shared by preview and create). */
export async function estimate(w: Work, sel: AudienceSelection): Promise<CallPreview> {
  const byChannel = await w.repos.calls.previewCounts(sel);
  const teamChats = (await teamChatsFor(w, sel)).length;
  const secondsByChannel = Object.fromEntries(
    CHANNELS.map((ch) => {
      const pace = w.deps.channels.pace(ch).broadcastPerSecond;
      // Group notices share an account's pace on channels where they are sent like private ones.
      const count = byChannel[ch] + (w.deps.channels.pace(ch).groupsShareBroadcast ? teamChats : 0);
      return [ch, Number.isFinite(pace) ? sendSeconds(count, pace) : 0];
    }),
  ) as Record<Channel, number>;
  return {
    recipients: CHANNELS.reduce((n, ch) => n + byChannel[ch], 0),
    byChannel,
    teamChats,
    secondsByChannel,
    seconds: Math.max(...CHANNELS.map((ch) => secondsByChannel[ch])),
  };
}

export class PreviewCall {
  async execute(w: Work, actor: ActorRow, input: CallDraft): Promise<Result<CallPreview>> {
    const c = parseCommand(callDraft, input, 'call/bad_input');
    if (!c.ok) return c;
    if (!isCoordinator(actor)) return err('auth/not_coordinator');
    const v = validateDraft(c.value, w.now);
    if (!v.ok) return v;
    const sel = await resolveAudience(w, actor, c.value.audience);
    if (!sel.ok) return sel;
    return ok(await estimate(w, sel.value));
  }
}
