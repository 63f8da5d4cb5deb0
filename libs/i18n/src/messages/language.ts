// One language per person: /lang (语言) for a person, /lang in a team's group for the team;
// the words channel renderers add (WeChat's numbered replies).
export const language = {
  'lang.pick': { zh: '请选择您想用的语言：', en: 'Which language would you like me to use?' },
  'lang.set': { zh: '好的，以后我都用中文和您说。', en: 'OK, I will write to you in English from now on.' },
  'lang.team_set': { zh: '好的，本群（{team}）以后用中文。', en: 'OK, this group ({teamEn}) gets messages in English from now on.' },
  'lang.group_usage': { zh: '管理员可以设置本群的语言：/lang zh 或 /lang en。', en: "A coordinator can set this group's language: /lang zh or /lang en." },
  'team/chat_unbound': { zh: '本群还没有绑定队伍，请先发送 /bindteam。', en: 'This group is not bound to a team yet; send /bindteam first.' },
  'btn.lang_zh': { zh: '中文', en: '中文 (Chinese)' },
  'btn.lang_en': { zh: 'English（英文）', en: 'English' },
  'wechat.reply_number': { zh: '👉 回复 {n}：{label}', en: '👉 Reply {n}: {label}' },
  'wechat.reply_number_or_word': { zh: '👉 回复 {n} 或「{word}」：{label}', en: '👉 Reply {n} or "{word}": {label}' },
  'wechat.reply_word': { zh: '👉 回复「{word}」：{label}', en: '👉 Reply "{word}": {label}' },
} as const;
