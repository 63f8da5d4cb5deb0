// Teams: binding group chats to teams.
export const teams = {
  'group.joined': {
    zh: '大家好！请本队伍所属单位的管理员发送 /bindteam，从列表中选出本群的队伍（也可以直接写 /bindteam 队伍编号）。',
    en: 'Hello! A coordinator of this team should send /bindteam and pick this group’s team from the list (or send /bindteam TEAM_CODE).',
  },
  'group.help': {
    zh: '在群里可以说：接单 编号、出发 编号、完成 编号 小时、放弃 编号 原因；管理员：发送 /bindteam 选择要绑定的队伍。其他事请私聊我。',
    en: 'In a group: take CODE, on my way CODE, done CODE HOURS, release CODE REASON; coordinators: send /bindteam to pick the team to bind. Anything else: message me privately.',
  },
  'bind.ok': {
    zh: '本群已绑定到队伍“{team}”（{code}）。新需求会发到这里。',
    en: 'This group is now bound to team "{teamEn}" ({code}). New jobs will be posted here.',
  },
  'bind.pick': { zh: '请选择要绑定的队伍：', en: 'Pick the team to bind:' },
  'bind.none': { zh: '您管辖范围内没有队伍。', en: 'There are no teams in your scope.' },
  'team/not_found': { zh: '没有找到队伍 {code}。', en: 'Team {code} not found.' },
} as const satisfies Record<string, { zh: string; en: string }>;
