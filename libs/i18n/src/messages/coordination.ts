// Coordinators' desk: scope refusals, alerts, /pending, closing a need unfulfilled.
export const coordination = {
  'alert.wechat_breaker': {
    zh: '⚠️ 微信账号发送过于频繁，已暂停发送 {minutes} 分钟；消息会在恢复后补发，不会丢失。',
    en: 'The WeChat account was rate-limited; sending paused for {minutes} min. Queued messages will go out afterwards.',
  },
  'alert.report_drift': {
    zh: '⚠️ 报表汇总与原始数据不一致（{days}，共 {count} 行）。看板数字可能有误：请技术人员检查日志，并运行 npm run reports:rebuild 重建这些日期。',
    en: '⚠️ The report rollups differ from the raw rows ({days}; {count} row(s)). Dashboard figures may be wrong: check the logs and run npm run reports:rebuild for those days.',
  },
  'alert.dead_letter': {
    zh: '⚠️ 有消息多次处理仍失败（{channel}，死信 {id}），已保存，不会丢失。请技术人员排查后运行 npm run dlq:replay 重放；{minutes} 分钟内的其他失败不再单独提醒。',
    en: 'An update still failed after retries ({channel}, dead letter {id}); it is kept. Once fixed, run npm run dlq:replay; further failures within {minutes} min are not alerted separately.',
  },
  'need.closed_unfulfilled': {
    zh: '很抱歉，需求 {code} 暂时无法完成：{reason}。承诺在 {date} 前兑现。',
    en: 'Sorry, {code} cannot be fulfilled now: {reason}. Promised by {date}.',
  },
  'need/unknown_category': { zh: '没有这个服务类别：{category}。', en: 'There is no category {category}.' },
  'need.cancelled_by_coordinator': {
    zh: '需求 {code} 已由工作人员取消：{reason}。如有疑问请联系我们。',
    en: '{code} was cancelled by a coordinator: {reason}. Contact us if you have questions.',
  },
  'need/cancel_reason': { zh: '请写明取消原因。', en: 'Please give a reason for cancelling.' },
  'auth/not_coordinator': { zh: '只有管理员可以这样做。', en: 'Only a coordinator can do that.' },
  'auth/out_of_scope': { zh: '这不在您的管辖范围内。', en: 'That is outside your scope.' },
  'alert.escalated': {
    zh: '⚠️ 需求 {code}（{category}，{area}）在{from}超过 {minutes} 分钟无人接单，已升级到{to}。',
    en: '⚠️ Need {code} ({categoryEn}, {areaEn}) was not taken at {fromEn} within {minutes} min; escalated to {toEn}.',
  },
  'alert.unrouted': {
    zh: '⚠️ 需求 {code}（{category}，{area}）没有可派的队伍。请处理：/reassign {code} 队伍编号，或 /close {code} 日期 原因',
    en: '⚠️ Need {code} ({categoryEn}, {areaEn}) has no team. Use /reassign {code} TEAM or /close {code} DATE REASON.',
  },
  'alert.reply_uncertain': {
    zh: 'ℹ️ 发给需求 {code} 居民的一条消息可能未送达（发送时系统重启），不会自动重发。请与居民核实。',
    en: 'A message to the resident of {code} may not have arrived (the desk restarted while sending); it is not re-sent automatically. Please check with the resident.',
  },
  'alert.disputed': { zh: '⚠️ 居民表示需求 {code} 还没有完成（志愿者：{volunteer}）。', en: 'The resident says {code} is not done (volunteer: {volunteer}).' },
  'alert.claim_timed_out': {
    zh: '⏰ 志愿者 {volunteer} 接下 {code} 后 {hours} 小时没有进展，已退回队伍重新派单。',
    en: '{volunteer} made no progress on {code} for {hours} h; it went back to the team.',
  },
  'alert.released': { zh: 'ℹ️ 志愿者 {volunteer} 放弃了 {code}：{reason}', en: '{volunteer} released {code}: {reason}' },
  'alert.review': {
    zh: '📝 需求 {code} 的类别没能自动确定（居民选择：{category}，{area}），请审单：/pending 查看，必要时 /reassign {code} 队伍编号。',
    en: '📝 The category of {code} could not be determined (the resident chose {categoryEn}, {areaEn}); please review it: /pending, and /reassign {code} TEAM if needed.',
  },
  'pending.review': { zh: '【待审单】', en: '[review]' },
  'pending.header': { zh: '待处理需求：', en: 'Needs to handle:' },
  'pending.item': { zh: '{code}　{category}　{area}　{status}', en: '{code} {categoryEn} {areaEn} {statusEn}' },
  'pending.empty': { zh: '没有待处理的需求或志愿者申请。', en: 'No needs or volunteer applications to handle.' },
  'pending.applications': { zh: '待审核的志愿者申请（{n}）：', en: 'Volunteer applications to decide ({n}):' },
  'close.usage': { zh: '用法：/close 需求编号 承诺日期(YYYY-MM-DD) 原因', en: 'Usage: /close NEED_CODE YYYY-MM-DD REASON' },
  'input/bad_date': { zh: '日期格式不对，请用 YYYY-MM-DD，且不早于今天。', en: 'Bad date: use YYYY-MM-DD, not in the past.' },
  'close.ok': { zh: '已关闭 {code}，原因已记录，承诺 {date} 前兑现。', en: '{code} closed; reason recorded, promised by {date}.' },
  'alert.danger': {
    zh: '🚨 紧急求助 {code}（{category}，{area}）：居民的消息显示可能有人身危险（{signals}）。已按应急派单，请立即跟进。',
    en: 'Emergency {code} ({categoryEn}, {areaEn}): the message signals danger to a person ({signals}). Dispatched as an emergency; follow up now.',
  },
  'alert.self_harm': {
    zh: '⚠️ 自伤风险：居民 {resident} 的消息显示可能有自伤念头。已回复关怀的话和心理援助热线 {hotline}，正在问其所在社区；需求提交后会再通知您单号。请立即关注。',
    en: 'Self-harm risk: a message from resident {resident} suggests thoughts of self-harm. They were answered with care and the crisis hotline {hotline} and are being asked where they are; you will get the need code once it is filed. Please follow up now.',
  },
  'danger.correct_usage': {
    zh: '用法：/danger 需求编号 是|否（这个需求当时是否有人身危险），用于改进危险识别。',
    en: 'Usage: /danger NEED_CODE yes|no (was anyone in danger), to improve the danger check.',
  },
  'danger.corrected_yes': {
    zh: '已记录：{code} 当时有人身危险。谢谢，这会用来改进危险识别。',
    en: 'Noted: {code} was an emergency. Thank you; this improves the danger check.',
  },
  'danger.corrected_no': {
    zh: '已记录：{code} 当时没有人身危险。谢谢，这会用来改进危险识别。',
    en: 'Noted: {code} was not an emergency. Thank you; this improves the danger check.',
  },
} as const satisfies Record<string, { zh: string; en: string }>;
