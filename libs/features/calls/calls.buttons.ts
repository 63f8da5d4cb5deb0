// The buttons of a call and the keywords that do the same on every channel (WeChat shows the
// keyword): 参加/不能参加 M-…, 签到 123456, 签退, and the coordinator's controls (确认到场 M-… after
// the end credits those who never checked out). The check-in button (`ck` …`i`) is no longer
// sent; one pressed from an older message is answered with how to check in.
import { defineButton, field } from '@baiying/kernel';
import { CALL_CODE, defineKeyword } from '@baiying/conversation';

export const CALL_ADMIN_OPS = ['close', 'extend', 'remind', 'cancel', 'roster', 'confirm'] as const;
export type CallAdminOp = (typeof CALL_ADMIN_OPS)[number];

export const callAnswerButton = defineButton<{ callId: string; yes: boolean }>('ca', { callId: field.uuid(), yes: field.flag('y', 'n') });
export const callCheckButton = defineButton<{ callId: string; out: boolean }>('ck', { callId: field.uuid(), out: field.flag('o', 'i') });
export const callAdminButton = defineButton<{ callId: string; op: CallAdminOp }>('cm', { callId: field.uuid(), op: field.oneOf(CALL_ADMIN_OPS) });

const callCode = (name: string, words: string[]) =>
  defineKeyword<{ callCode: string }>({ name, words, args: `\\s*${CALL_CODE}`, read: (m) => ({ callCode: m[1]! }), write: (a) => a.callCode });

export const joinKeyword = callCode('call_join', ['参加', '报名', 'join']);
export const declineKeyword = callCode('call_decline', ['不能参加', '不参加', '取消报名', 'decline']);

export const checkInKeyword = defineKeyword<{ checkCode: string | null }>({
  name: 'check_in',
  words: ['签到', 'check in', 'checkin'],
  args: '(?:\\s*(\\d{6}))?',
  read: (m) => ({ checkCode: m[1] ?? null }),
  write: (a) => a.checkCode ?? '',
});

export const checkOutKeyword = defineKeyword<{ callCode: string | null }>({
  name: 'check_out',
  words: ['签退', 'check out', 'checkout'],
  args: `(?:\\s*${CALL_CODE})?`,
  read: (m) => ({ callCode: m[1] ?? null }),
  write: (a) => a.callCode ?? '',
});

/** The coordinator's controls, typed: 提醒未回复 / 延长召集 / 截止召集 / 取消召集 / 名单 / 确认到场 + the call's code. */
export const ADMIN_KEYWORDS: Record<CallAdminOp, ReturnType<typeof callCode>> = {
  remind: callCode('call_remind', ['提醒未回复', 'remind silent']),
  extend: callCode('call_extend', ['延长召集', 'extend call']),
  close: callCode('call_close', ['截止召集', 'close call']),
  cancel: callCode('call_cancel', ['取消召集', 'cancel call']),
  roster: callCode('call_roster', ['名单', 'roster']),
  confirm: callCode('call_confirm', ['确认到场', 'confirm attendance']),
};
