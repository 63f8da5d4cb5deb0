// /link (绑定账号) without a code issues one; with a code links this account to its person.
// /token gives a coordinator a personal API token.
import { command, defineKeyword, keyword, type ChatFeature, type Turn } from '@baiying/conversation';
import type { IdentityFeature } from './identity.feature.js';

export const linkKeyword = defineKeyword<{ code: string | null }>({
  name: 'link',
  words: ['绑定账号', 'link'],
  args: '(?:\\s+([A-Za-z0-9]{5}-?[A-Za-z0-9]{5}))?',
  read: (m) => ({ code: m[1] ?? null }),
  write: (a) => a.code ?? '',
});

export function identityChat(f: IdentityFeature): ChatFeature {
  const link = async (turn: Turn, code: string | null) => {
    if (!code) return turn.say('link.code', await f.issueLinkCode.execute(turn.w, turn.actor));
    const r = await f.link.execute(turn.w, turn.actor, { code, account: { channel: turn.ev.channel, externalId: turn.ev.from.externalId } });
    return r.ok ? turn.say('link.done', r.value) : turn.fail(r, false);
  };
  return {
    feature: 'identity',
    commands: [
      command('link', 'private', (turn, args) => link(turn, args || null)),
      command('token', 'private', async (turn) => {
        const r = await f.issueApiToken.execute(turn.w, turn.actor);
        return r.ok ? turn.say('token.issued', { token: r.value.token, days: r.value.days }) : turn.fail(r, false);
      }),
    ],
    keywords: [keyword(linkKeyword, 'private', (turn, a) => link(turn, a.code))],
  };
}
