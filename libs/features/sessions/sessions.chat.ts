// 登录 <code> / /login <code>: a staff member approves the console login showing that code (the
// answer says when and from which browser, with a "不是我" button that refuses it); /console gives
// a single-use login link. Private chats only, on any channel (the conversation is channel-free).
import { button, command, defineKeyword, keyword, type ChatFeature, type Turn } from '@baiying/conversation';
import { label } from '@baiying/i18n';
import { defineButton, field } from '@baiying/kernel';
import { LOGIN_CODE_TYPED } from './login-code.js';
import type { SessionsFeature } from './sessions.feature.js';

export const consoleLoginKeyword = defineKeyword<{ code: string | null }>({
  name: 'console_login',
  words: ['登录', '登入'],
  args: `(?:\\s+(${LOGIN_CODE_TYPED}))?`,
  read: (m) => ({ code: m[1] ?? null }),
  write: (a) => a.code ?? '',
});

/** "不是我": refuses the console login it names (signed, bound to the chat it was sent to). */
export const notMeButton = defineButton<{ loginId: string }>('nm', { loginId: field.uuid() });

const timeOf = (at: Date, timeZone: string): string =>
  at.toLocaleString('zh-CN', {
    timeZone,
    hour12: false,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

export function sessionsChat(f: SessionsFeature): ChatFeature {
  const login = async (turn: Turn, code: string | null) => {
    if (!code) return turn.say('console.login_usage');
    const r = await f.redeemLoginCode.execute(turn.w, turn.actor, { code });
    if (!r.ok) return turn.fail(r, false);
    const notMe = { label: label('btn.not_me'), data: turn.w.buttons.encode(notMeButton, { loginId: r.value.loginId }) };
    turn.say('console.login_ok', { time: timeOf(r.value.at, turn.w.config.timeZone), browser: r.value.browser }, [[notMe]]);
  };
  return {
    feature: 'sessions',
    commands: [
      command('login', 'private', (turn, args) => login(turn, args.trim() || null)),
      command('console', 'private', async (turn) => {
        const r = await f.issueLoginLink.execute(turn.w, turn.actor);
        return r.ok ? turn.say('console.link', r.value) : turn.fail(r, false);
      }),
    ],
    keywords: [keyword(consoleLoginKeyword, 'private', (turn, a) => login(turn, a.code))],
    buttons: [
      button(notMeButton, 'private', async (turn, p) => {
        const r = await f.refuseLogin.execute(turn.w, turn.actor, p);
        if (!r.ok) return turn.fail(r, true);
        turn.ack();
        turn.say('console.login_refused');
      }),
    ],
  };
}
