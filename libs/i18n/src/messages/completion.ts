// 群众评单 completion: confirmation, dispute, rating, credit, verification.
export const completion = {
  'btn.confirm_yes': { zh: '是，已完成', en: 'Yes, it is done' },
  'btn.confirm_no': { zh: '还没有', en: 'Not yet' },
  'btn.stars': { zh: '{stars} {n}星', en: '{stars} {n} stars' },
  'need.ask_confirm': { zh: '志愿者 {volunteer} 表示需求 {code} 已完成。是否已完成？', en: 'Volunteer {volunteer} says {code} is done. Is it?' },
  'need.ask_rating': { zh: '谢谢确认！请为这次服务打分（1–5 星）：', en: 'Thanks! Please rate the service (1–5 stars):' },
  'need.disputed': { zh: '收到，已通知志愿者和工作人员跟进 {code}。', en: 'Noted; the volunteer and coordinators will follow up on {code}.' },
  'need.auto_confirmed': { zh: '需求 {code} 已按规则自动确认完成。', en: '{code} was confirmed automatically.' },
  'need.coordinator_confirmed': { zh: '工作人员已核实需求 {code} 已完成。', en: 'A coordinator verified that {code} is done.' },
  'rating.ask_comment': { zh: '谢谢您的评分！还想说点什么吗？直接输入，或点“跳过”。', en: 'Thank you! Anything to add? Type it, or Skip.' },
  'rating.thanks': { zh: '感谢您的评价！', en: 'Thank you for your feedback!' },
  'input/bad_rating': { zh: '请选择 1 到 5 星。', en: 'Please choose 1 to 5 stars.' },
  'need/already_rated': { zh: '这个需求已经评价过了。', en: 'This need has already been rated.' },
  'need/not_done': { zh: '这个需求还没有标记完成。', en: 'This need is not marked done yet.' },
  'hours.credited': { zh: '需求 {code} 已确认，{hours} 小时和 {points} 积分已计入。', en: '{code} confirmed: {hours} h and {points} points credited.' },
  'dispute.volunteer': {
    zh: '居民表示需求 {code} 还没有完成，请联系居民后再点“已完成”。',
    en: 'The resident says {code} is not done yet; please follow up, then press Done again.',
  },
  'rating.volunteer': { zh: '居民为 {code} 打了 {score} 星。', en: 'The resident rated {code} {score}/5.' },
  'verify.usage': { zh: '用法：/verify 需求编号', en: 'Usage: /verify NEED_CODE' },
  'verify.ok': { zh: '已核实 {code}，时长已计入。', en: '{code} verified; hours credited.' },
} as const satisfies Record<string, { zh: string; en: string }>;
