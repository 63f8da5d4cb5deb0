// 中心派单 routing: job cards, escalation, reassignment notices.
export const routing = {
  'need.dispatched': { zh: '您的需求 {code} 已派给“{team}”，正在等待志愿者接单。', en: 'Your need {code} was sent to team "{team}"; waiting for a volunteer.' },
  'need.escalated': { zh: '您的需求 {code} 暂时无人接单，已转交{unit}继续安排。', en: 'No one has taken {code} yet; it was passed up to {unit}.' },
  'need.unrouted': { zh: '您的需求 {code} 暂时没有匹配的志愿队伍，工作人员会尽快处理。', en: 'No team matches {code} yet; a coordinator will handle it.' },
  'card.new': {
    zh: '【新需求 {code}】\n类别：{category}\n地区：{area}\n时间：{time}\n对象：{beneficiary}\n紧急程度：{urgency}',
    en: 'New need {code}: {categoryEn}, {area}, {beneficiaryEn}, {urgencyEn}',
  },
  'card.taken': { zh: '✅ 已由 {volunteer} 接单', en: 'Taken by {volunteer}' },
  'card.escalated': { zh: '⏫ 超时未接，已转交{unit}', en: 'Not taken in time; passed up to {unit}' },
  'card.reopened': { zh: '↩️ 志愿者已放弃，已重新派单', en: 'Released by the volunteer; re-posted' },
  'card.closed': { zh: '⛔ 需求已关闭', en: 'This need is closed' },
  'reassign.usage': { zh: '用法：/reassign 需求编号 队伍编号', en: 'Usage: /reassign NEED_CODE TEAM_CODE' },
  'reassign.ok': { zh: '已将 {code} 改派给“{team}”。', en: '{code} reassigned to "{team}".' },
} as const satisfies Record<string, { zh: string; en: string }>;
