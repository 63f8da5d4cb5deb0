// Identity: linking accounts across channels, personal API tokens.
export const identity = {
  'link.code': {
    zh: '账号绑定码：{code}（{minutes} 分钟内有效）。请在另一个渠道（微信/Telegram/网页）私聊我发送：绑定账号 {code}',
    en: 'Link code: {code} (valid {minutes} min). In your other channel, message me: /link {code}',
  },
  'link.done': {
    zh: '绑定成功！这个账号已与“{name}”合并，时长、评价和角色都会跟着您。',
    en: 'Linked! This account now belongs to {name}: hours, ratings and roles follow you.',
  },
  'link/bad_code': { zh: '绑定码无效或已过期，请在原渠道重新获取。', en: 'That link code is invalid or expired; get a new one in your other channel.' },
  'link/already': { zh: '这两个账号已经是同一个人了。', en: 'These accounts are already linked.' },
  'link/has_history': {
    zh: '这个账号已有需求或服务记录，不能自动合并，请联系工作人员。',
    en: 'This account already has needs or service records; a coordinator must merge it.',
  },
  'token/invalid': { zh: 'API 令牌无效。', en: 'Invalid API token.' },
  'token.issued': { zh: '您的 API 令牌（只显示这一次，旧令牌已作废）：\n{token}', en: 'Your API token (shown once; any older one is revoked):\n{token}' },
} as const satisfies Record<string, { zh: string; en: string }>;
