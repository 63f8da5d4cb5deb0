// /lang or 语言 (language): a person picks the language the desk writes to them in, from two
// buttons or typed ("/lang en", "语言 中文"); in a team's group a coordinator sets the group's.
import { button, command, defineKeyword, keyword, type ChatFeature, type Turn } from '@baiying/conversation';
import { t, type Locale } from '@baiying/i18n';
import { defineButton, field } from '@baiying/kernel';
import type { LanguageFeature } from './language.feature.js';

export const languageButton = defineButton<{ locale: Locale }>('lg', { locale: field.oneOf(['zh', 'en'] as const) });
export const teamLanguageButton = defineButton<{ locale: Locale }>('lt', { locale: field.oneOf(['zh', 'en'] as const) });

export const languageKeyword = defineKeyword<{ choice: string }>({
  name: 'language',
  words: ['语言', 'language'],
  // Only the language names: "语言障碍，需要翻译" is a need, not this keyword.
  args: '(?:\\s*(中文|汉语|普通话|英文|英语|english|chinese|en|zh))?',
  read: (m) => ({ choice: m[1] ?? '' }),
  write: (a) => a.choice,
});

/** "en", "English", "英文" → en; "zh", "中文", "汉语" → zh; anything else → null (show the buttons). */
export function readLocale(text: string): Locale | null {
  const s = text.trim().toLowerCase();
  if (['en', 'english', '英文', '英语'].includes(s)) return 'en';
  if (['zh', 'cn', 'chinese', '中文', '汉语', '普通话'].includes(s)) return 'zh';
  return null;
}

export function languageChat(f: LanguageFeature): ChatFeature {
  const choices = (turn: Turn, def: typeof languageButton) => [
    [
      { label: t('btn.lang_zh', {}, 'zh'), data: turn.w.buttons.encode(def, { locale: 'zh' }) },
      { label: t('btn.lang_en', {}, 'en'), data: turn.w.buttons.encode(def, { locale: 'en' }) },
    ],
  ];
  const choose = async (turn: Turn, locale: Locale) => {
    const r = await f.choose.execute(turn.w, turn.actor, { locale });
    if (!r.ok) return turn.fail(r, false);
    turn.locale = r.value.locale; // the answer, and the rest of the conversation, in the new language
    turn.say('lang.set');
  };
  const setTeam = async (turn: Turn, locale: Locale, viaButton: boolean) => {
    const r = await f.team.execute(turn.w, turn.actor, { chat: { channel: turn.ev.channel, chatId: turn.ev.chat.id }, locale });
    if (!r.ok) return turn.fail(r, viaButton);
    turn.locale = r.value.locale;
    turn.say('lang.team_set', { team: r.value.team, teamEn: r.value.teamEn });
  };
  const onText = async (turn: Turn, args: string) => {
    const locale = readLocale(args);
    if (turn.isPrivate) return locale ? choose(turn, locale) : turn.say('lang.pick', {}, choices(turn, languageButton));
    return locale ? setTeam(turn, locale, false) : turn.say('lang.group_usage', {}, choices(turn, teamLanguageButton));
  };
  return {
    feature: 'language',
    commands: [command('lang', 'any', onText)],
    keywords: [keyword(languageKeyword, 'any', (turn, a) => onText(turn, a.choice))],
    buttons: [
      button(languageButton, 'private', async (turn, p) => {
        turn.ack();
        await choose(turn, p.locale);
      }),
      button(teamLanguageButton, 'group', async (turn, p) => {
        turn.ack();
        await setTeam(turn, p.locale, true);
      }),
    ],
  };
}
