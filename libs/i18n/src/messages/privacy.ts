// Privacy: erasing a person's personal data (删除我的数据, a coordinator's /erase); docs/privacy.md.
export const privacy = {
  'erase.confirm_self': {
    zh: '确定要删除您的个人数据吗？将删除您的昵称、电话、地址、需求描述、聊天记录和账号绑定，且无法恢复；服务时长和积分只以匿名方式保留。请在 1 小时内点“确认删除”。',
    en: 'Erase your personal data? Your name, phone, addresses, need descriptions, chat history and account links are deleted for good; hours and points are kept only anonymously. Press "Erase" within an hour to confirm.',
  },
  'erase.confirm_other': {
    zh: '确定要删除 {who} 对应人员的全部个人数据吗？无法恢复，操作将被记录。请在 1 小时内点“确认删除”。',
    en: 'Erase all personal data of the person behind {who}? This cannot be undone and is recorded. Press "Erase" within an hour to confirm.',
  },
  'btn.erase': { zh: '确认删除', en: 'Erase' },
  'erase.done_self': {
    zh: '您的个人数据已删除。以后再发消息，我会把您当作新用户。',
    en: 'Your personal data has been erased. If you write again, you will be a new user to me.',
  },
  'erase.done_other': { zh: '该人员的个人数据已删除，操作已记录。', en: 'The person’s personal data has been erased; the action is recorded.' },
  'erase.usage': {
    zh: '用法：/erase 需求编号（删除该需求的居民的数据）或 /erase 登记的手机号，例如 /erase N-20261123-0042',
    en: 'Usage: /erase NEED (that need’s resident) or /erase PHONE (the person registered with it), e.g. /erase N-20261123-0042',
  },
  'privacy/person_not_found': {
    zh: '没有找到唯一登记这个手机号的人员，请改用需求编号。',
    en: 'No single person is registered with that phone; name a need code instead.',
  },
  'privacy/open_needs': {
    zh: '还有未结束的需求（{codes}），请先取消或等它们完成后再删除数据。',
    en: 'There are needs still open ({codes}); cancel them or wait until they are done, then erase.',
  },
  'privacy/active_claim': {
    zh: '还有进行中的服务任务，请先完成或放弃后再删除数据。',
    en: 'There is a job in progress; finish or release it first, then erase.',
  },
  'privacy/confirm_invalid': { zh: '这个确认已失效，请重新发起删除。', en: 'This confirmation is no longer valid; start the erasure again.' },
  'privacy/already_erased': { zh: '这些数据已经删除过了。', en: 'This data has already been erased.' },
  'privacy/no_scope': {
    zh: '这位居民的记录不全在您的管辖范围内，请由上级管理员处理。',
    en: 'This resident’s records are not all within your scope; ask a coordinator above you.',
  },
} as const satisfies Record<string, { zh: string; en: string }>;
