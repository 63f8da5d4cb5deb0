// Shared by every feature: greetings, help, generic answers, need statuses, common buttons.
export const common = {
  welcome: {
    zh: '您好！我是百应志愿服务助手。直接说说您需要什么帮助就行，例如“家里老人腿脚不便，想找人上门理发”。\n/my 我的需求　/register 注册志愿者　/me 我的时长　/help 帮助',
    en: 'Hello! I am the Baiying volunteer desk. Just tell me what help you need, e.g. "my elderly mother needs a haircut at home".\n/my my needs  /register become a volunteer  /me my hours  /help help',
  },
  // /help: one section per role the person holds (resident always; volunteer or an invitation to
  // register; coordinator), then what everyone can do.
  'help.resident': { zh: '居民：直接描述需求即可；/my 查看和取消需求。', en: 'Residents: just describe your need; /my lists and cancels your needs.' },
  'help.volunteer': {
    zh: '志愿者：/me 时长和星级，/jobs 我接的单；在队伍群里“接单、出发、完成 编号 小时、放弃 编号 原因”。召集：回复“参加/不能参加 召集编号”，现场“签到 签到码”或发送位置，结束“签退”。',
    en: 'Volunteers: /me for hours and stars, /jobs for jobs you took; in your team group: take, on my way, done CODE HOURS, release CODE REASON. Calls: "join CODE" or "decline CODE"; on site "check in CODE" or share your location; "check out" at the end.',
  },
  'help.volunteer_pending': {
    zh: '您的志愿者申请正在审核，通过后会通知您。',
    en: 'Your volunteer application is being reviewed; you will be told when it is approved.',
  },
  'help.join': { zh: '想当志愿者？发送 /register。', en: 'Want to volunteer? Send /register.' },
  'help.coordinator': {
    zh: '管理员：/pending 待处理，/approve 审核志愿者，/reassign 编号 队伍，/close 编号 日期 原因，/verify 编号，/call 发起召集，/roster 召集编号，/emergency on|off 应急状态，/danger 编号 是|否，/erase 需求编号|手机号，/token API 令牌，“登录 口令”或 /console 进入管理后台；在群里发 /bindteam 查看并绑定队伍。',
    en: 'Coordinators: /pending, /approve, /reassign CODE TEAM, /close CODE DATE REASON, /verify CODE, /call starts a call, /roster CODE, /emergency on|off, /danger CODE yes|no, /erase NEED|PHONE, /token for the HTTP API, "login CODE" or /console for the web console; in a group, /bindteam lists the teams to bind.',
  },
  'help.more': {
    zh: '/link 绑定其他渠道的账号，/lang 切换语言，/cancel 退出当前填写。说“删除我的数据”可删除您的个人数据。',
    en: '/link links your account on another channel, /lang changes the language, /cancel leaves the current form. Say "delete my data" to erase your personal data.',
  },
  'input/unknown_command': { zh: '我不认识这个命令。发送 /help 查看可用命令。', en: 'I do not know that command. Send /help to see what I can do.' },
  private_only: { zh: '请私聊我使用这个命令。', en: 'Please use this command in a private chat with me.' },
  group_only: { zh: '这个命令需要在队伍群里使用。', en: 'This command must be used in the team group.' },
  contentless: { zh: '请用文字说说您需要什么帮助。', en: 'Please tell me in words what help you need.' },
  unsupported: { zh: '这类消息我还处理不了，请发文字。', en: 'I cannot handle this kind of message yet; please send text.' },
  flow_cancelled: { zh: '好的，已退出当前填写。', en: 'OK, the current form was cancelled.' },
  nothing_to_cancel: { zh: '当前没有正在填写的内容。要取消已提交的需求，请发送 /my。', en: 'Nothing in progress. To cancel a submitted need, send /my.' },
  'button/forged': { zh: '无效的操作。', en: 'Invalid action.' },
  'button/stale': { zh: '这个按钮已过期。', en: 'This button has expired.' },
  rate_limited: {
    zh: '您发得太快了，请稍等一分钟再发，之后我会继续为您处理。如有危险，请立即拨打 {numbers}。',
    en: 'You are sending messages too fast; please wait a minute, then I will carry on. If anyone is in danger, call {numbers} now.',
  },
  'choice/expired': {
    zh: '这个编号已失效（对应的选项已过期或尚未送达）。请按最新一条消息回复，或发送 /help。',
    en: 'That number no longer stands for anything (its menu expired or never arrived). Answer the latest message, or send /help.',
  },
  'choice/one_at_a_time': { zh: '这一步请只回复一个编号。', en: 'Please answer this one with a single number.' },
  error_generic: { zh: '抱歉，出了点问题，请稍后再试。', en: 'Sorry, something went wrong. Please try again shortly.' },
  /** A question once answered by a button: the choice made, under the question (where the channel edits). */
  'choice.pressed': { zh: '✓ {label}', en: '✓ {label}' },
  'btn.yes': { zh: '是的', en: 'Yes' },
  'btn.skip': { zh: '跳过', en: 'Skip' },
  'btn.cancel': { zh: '取消', en: 'Cancel' },
  'status.submitted': { zh: '已提交', en: 'Submitted' },
  'status.dispatched': { zh: '等待接单', en: 'Waiting for a volunteer' },
  'status.unrouted': { zh: '待人工安排', en: 'Waiting for a coordinator' },
  'status.claimed': { zh: '已接单', en: 'Taken' },
  'status.en_route': { zh: '志愿者已出发', en: 'Volunteer on the way' },
  'status.done': { zh: '待您确认', en: 'Waiting for your confirmation' },
  'status.confirmed': { zh: '已完成', en: 'Completed' },
  'status.cancelled': { zh: '已取消', en: 'Cancelled' },
  'status.unfulfilled': { zh: '暂未兑现', en: 'Not fulfilled yet' },
  not_given: { zh: '未填写', en: 'not given' },
  'need/not_found': { zh: '没有找到这个需求。', en: 'Need not found.' },
  'need/not_yours': { zh: '这不是您的需求。', en: 'This is not your need.' },
  'need/invalid_transition': { zh: '这个需求当前的状态不允许这样操作。', en: 'That is not possible in the need’s current state.' },
  'input/invalid': { zh: '输入有误：{field}。', en: 'Invalid input: {field}.' },
} as const satisfies Record<string, { zh: string; en: string }>;
