// The web chat page's own words (the desk's messages come from the other namespaces).
export const web = {
  'web.title': { zh: '百应 · 网页聊天', en: 'Baiying · Web chat' },
  'web.brand': { zh: '百应', en: 'Baiying' },
  'web.persona': { zh: '我是', en: 'I am' },
  'web.placeholder': { zh: '在这里输入…', en: 'Type here…' },
  'web.send': { zh: '发送', en: 'Send' },
  'web.location': { zh: '发送我的位置', en: 'Send my location' },
  'web.private_chat': { zh: '和百应私聊', en: 'Chat with Baiying' },
  'web.hint_private': {
    zh: '说说您需要什么帮助，例如“家里老人想找人上门理发”。想当志愿者请发 /register。',
    en: 'Tell me what help you need, e.g. "my mother needs a haircut at home". To volunteer, send /register.',
  },
  'web.hint_group': { zh: '这是队伍群：新的求助会出现在这里。', en: 'This is a team group: new requests for help appear here.' },
  'web.no_location': { zh: '这个浏览器不能发送位置。', en: 'This browser cannot send a location.' },
  'web.location_failed': { zh: '没能取得您的位置。', en: 'Your location could not be found.' },
  'web.new_resident': { zh: '我（新居民）', en: 'Me (new resident)' },
  'web.role.resident': { zh: '居民', en: 'resident' },
  'web.role.volunteer': { zh: '志愿者', en: 'volunteer' },
  'web.role.coordinator': { zh: '管理员', en: 'coordinator' },
  /** The language toggle names the other language, in that language. */
  'web.lang_other': { zh: 'English', en: '中文' },
  'web.lang_label': { zh: '切换语言', en: 'Change language' },
} as const;
