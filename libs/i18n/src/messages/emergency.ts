// 平战结合 emergency mode.
export const emergency = {
  'banner.emergency': { zh: '🚨【应急状态】', en: '🚨 [EMERGENCY]' },
  'mode/not_allowed': {
    zh: '只有县中心或乡镇所的管理员可以切换应急状态。',
    en: 'Only coordinators of a county centre or township institute can switch emergency mode.',
  },
  'mode/unchanged': { zh: '{unit} 已经是这个状态了。', en: '{unitEn} is already in that mode.' },
  'mode.on': {
    zh: '🚨 {unit} 已切换到应急状态：应急类和紧急需求直接推送给区域内所有应急队员，时限 {minutes} 分钟，超时直接上报县中心。发送 /emergency off 恢复日常。',
    en: '{unitEn} is now in emergency mode: emergency and urgent needs go to every emergency volunteer in the area, SLA {minutes} min, escalation straight to the county. /emergency off restores daily routing.',
  },
  'mode.off': { zh: '✅ {unit} 已恢复日常状态。', en: '{unitEn} is back to daily routing.' },
  'mode.usage': {
    zh: '用法：/emergency on [原因] 或 /emergency off（作用于您管理的单位）。',
    en: 'Usage: /emergency on [reason] or /emergency off (for the unit you coordinate).',
  },
} as const satisfies Record<string, { zh: string; en: string }>;
