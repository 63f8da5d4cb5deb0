// Identity: linking accounts across channels, personal API tokens.
export const identity = {
  'link.code': {
    zh: '账号绑定码：{code}（{minutes} 分钟内有效，只能用一次，只绑定到本账号）。请在另一个渠道（微信/Telegram/网页）私聊我发送：绑定账号 {code}\n不要把绑定码告诉任何人。',
    en: 'Link code: {code} (valid {minutes} min, once, and only for this account). In your other channel, message me: /link {code}\nNever share this code.',
  },
  'link.done': {
    zh: '绑定成功！这个账号已与“{name}”合并，时长、评价和角色都会跟着您。',
    en: 'Linked! This account now belongs to {name}: hours, ratings and roles follow you.',
  },
  'link/bad_code': { zh: '绑定码无效或已过期，请在原渠道重新获取。', en: 'That link code is invalid or expired; get a new one in your other channel.' },
  'link/locked': {
    zh: '绑定码输错次数太多，绑定已暂停，请 {minutes} 分钟后再试。',
    en: 'Too many wrong link codes: linking is paused, try again in {minutes} min.',
  },
  'link.burned': {
    zh: '有人多次输错了您的账号绑定码，这个绑定码已作废。如果不是您本人，请不要把绑定码告诉别人；需要时请重新获取。',
    en: 'Someone entered your link code wrongly several times, so it has been cancelled. If that was not you, never share your code; ask for a new one when you need it.',
  },
  'link/already': { zh: '这两个账号已经是同一个人了。', en: 'These accounts are already linked.' },
  'link/has_history': {
    zh: '这个账号已有需求或服务记录，不能自动合并，请联系工作人员。',
    en: 'This account already has needs or service records; a coordinator must merge it.',
  },
  'token/invalid': { zh: 'API 令牌无效。', en: 'Invalid API token.' },
  'token/expired': { zh: 'API 令牌已过期，请私聊我发送 /token 重新获取。', en: 'This API token has expired; message me /token for a new one.' },
  'token/locked': { zh: '令牌验证失败次数太多，请 {minutes} 分钟后再试。', en: 'Too many failed token attempts; try again in {minutes} min.' },
  'token.issued': {
    zh: '您的 API 令牌（只显示这一次，旧令牌已作废，{days} 天后过期）：\n{token}',
    en: 'Your API token (shown once; any older one is revoked; it expires in {days} days):\n{token}',
  },
} as const satisfies Record<string, { zh: string; en: string }>;
