// Telegram's command menu (setMyCommands): one short description per command, per language.
// Which commands each person's menu lists (resident, volunteer, coordinator, groups) is decided
// in apps/bot/src/telegram/command-menus.ts. Telegram: 1-256 characters each.
export const menus = {
  'menu.start': { zh: '开始使用', en: 'Start' },
  'menu.help': { zh: '帮助：我能做什么', en: 'Help: what I can do' },
  'menu.my': { zh: '我的需求（查看、取消）', en: 'My needs (view, cancel)' },
  'menu.register': { zh: '注册志愿者', en: 'Become a volunteer' },
  'menu.link': { zh: '绑定其他渠道的账号', en: 'Link your account on another channel' },
  'menu.lang': { zh: '切换语言', en: 'Change the language' },
  'menu.cancel': { zh: '退出当前填写', en: 'Leave the current form' },
  'menu.me': { zh: '我的服务时长和星级', en: 'My hours and stars' },
  'menu.jobs': { zh: '我接的单', en: 'Jobs I took' },
  'menu.checkin': { zh: '召集签到（签到码）', en: 'Check in to a call (with its code)' },
  'menu.checkout': { zh: '召集签退', en: 'Check out of a call' },
  'menu.pending': { zh: '待处理事项', en: 'What is waiting for me' },
  'menu.approve': { zh: '审核志愿者申请', en: 'Review volunteer applications' },
  'menu.call': { zh: '发起召集（一呼百应）', en: 'Start a call for volunteers' },
  'menu.roster': { zh: '召集名单', en: 'Roster of a call' },
  'menu.reassign': { zh: '改派需求：编号 队伍', en: 'Reassign a need: CODE TEAM' },
  'menu.close': { zh: '结案：编号 日期 原因', en: 'Close a need: CODE DATE REASON' },
  'menu.verify': { zh: '核实服务：编号', en: 'Verify a service: CODE' },
  'menu.emergency': { zh: '开启或关闭应急状态', en: 'Emergency mode on or off' },
  'menu.danger': { zh: '标记危险：编号 是|否', en: 'Mark danger: CODE yes|no' },
  'menu.erase': { zh: '删除个人数据：需求编号或手机号', en: 'Erase personal data: NEED or PHONE' },
  'menu.token': { zh: '接口令牌（程序对接用）', en: 'Token for the HTTP API' },
  'menu.console': { zh: '管理后台登录链接', en: 'Login link for the web console' },
  'menu.bindteam': { zh: '绑定本群到队伍', en: 'Bind this group to a team' },
} as const satisfies Record<string, { zh: string; en: string }>;
