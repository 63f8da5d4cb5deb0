// The coordinators' console: login by a code said in chat (登录口令), login links, and the API's refusals.
export const consoleMessages = {
  'console.login_usage': {
    zh: '要登录管理后台，请在电脑上打开后台登录页，然后把页面上的登录口令发给我：登录 ABCD-EFGH',
    en: 'To log in to the console, open its login page on your computer and send me the code it shows: /login ABCD-EFGH',
  },
  'console.login_ok': {
    zh: '管理后台已登录。\n时间：{time}\n浏览器：{browser}\n如果不是您本人操作，请马上按“不是我”，这次登录会立即失效。',
    en: 'Console login approved.\nTime: {time}\nBrowser: {browser}\nIf this was not you, press "Not me" now and that login is revoked at once.',
  },
  'console.login_refused': { zh: '已拒绝这次登录，对应的后台会话已失效。', en: 'That login was refused and its console session revoked.' },
  'console.link': {
    zh: '管理后台登录链接（{minutes} 分钟内有效，只能用一次，不要转发给别人）：\n{url}',
    en: 'Console login link (valid {minutes} min, once; never forward it):\n{url}',
  },
  'btn.not_me': { zh: '不是我', en: 'Not me' },
  'console/not_staff': {
    zh: '只有协调员、站点工作人员和查看员可以登录管理后台。',
    en: 'Only coordinators, station staff and viewers can log in to the console.',
  },
  'console/bad_code': {
    zh: '登录口令无效或已过期，请刷新登录页获取新的口令。',
    en: 'That login code is invalid or expired; reload the login page for a new one.',
  },
  'console/locked': { zh: '登录口令输错次数太多，请 {minutes} 分钟后再试。', en: 'Too many wrong login codes; try again in {minutes} min.' },
  'console/bad_link': {
    zh: '登录链接无效、已用过或已过期，请私聊我发送 /console 重新获取。',
    en: 'That login link is invalid, used or expired; message me /console for a new one.',
  },
  'console/not_found': { zh: '没有找到，或不在您的管辖范围内。', en: 'Not found, or outside your scope.' },
  'console/read_only': { zh: '您的角色只能查看，不能查看个人信息。', en: 'Your role is read-only: it cannot reveal personal data.' },
  'console/forbidden': { zh: '您的角色不能使用这个功能。', en: 'Your role cannot use this.' },
  'console/no_session': {
    zh: '请先登录管理后台（会话不存在、已过期或已退出）。',
    en: 'Please log in to the console (no session, or it expired or was ended).',
  },
  'console/csrf': { zh: '请求被拒绝：缺少或错误的 CSRF 令牌，请刷新页面。', en: 'Request refused: missing or wrong CSRF token; reload the page.' },
  'console/demo_off': { zh: '演示登录未开启。', en: 'Demo login is off.' },
  'console/too_many_filters': {
    zh: '最多只能保存 {max} 个筛选条件，请先删除不用的。',
    en: 'You can keep at most {max} saved filters; delete one you no longer use first.',
  },
  'api.bad_request': { zh: '请求参数有误：{fields}', en: 'Invalid request: {fields}' },
  'api.too_large': { zh: '请求内容太大。', en: 'The request body is too large.' },
  'api.field.required': { zh: '必填', en: 'required' },
  'api.field.invalid': { zh: '格式不正确', en: 'invalid format' },
  'api.field.type': { zh: '类型不正确', en: 'wrong type' },
  'api.field.too_small': { zh: '太小或太短', en: 'too small or too short' },
  'api.field.too_big': { zh: '太大或太长', en: 'too large or too long' },
  'api.field.enum': { zh: '不是允许的取值', en: 'not one of the allowed values' },
  'api.field.unknown': { zh: '不接受这个字段', en: 'field not accepted' },
} as const satisfies Record<string, { zh: string; en: string }>;
