// The taker's buttons on the private job details, and the keywords that do the same.
import { defineButton, field } from '@baiying/kernel';
import { defineKeyword, NEED_CODE } from '@baiying/conversation';

export const setOffButton = defineButton<{ claimId: string }>('go', { claimId: field.uuid() });
export const doneButton = defineButton<{ claimId: string }>('dn', { claimId: field.uuid() });
export const releaseButton = defineButton<{ claimId: string }>('rl', { claimId: field.uuid() });
/** 💬 on a relayed message or the job's messages: the next text goes to the other side. */
export const relayReplyButton = defineButton<{ needId: string }>('ry', { needId: field.uuid() });
/** 📞 on a relayed message: the presser gives the other side their phone number. */
export const sharePhoneButton = defineButton<{ needId: string }>('sp', { needId: field.uuid() });
export const hoursButton = defineButton<{ claimId: string; hours: number }>('hr', { claimId: field.uuid(), hours: field.quarterHours() });

export const setOffKeyword = defineKeyword<{ code: string }>({
  name: 'set_off',
  words: ['出发', '出发了', 'on my way'],
  args: `\\s*${NEED_CODE}`,
  read: (m) => ({ code: m[1]! }),
  write: (a) => a.code,
});

export const finishKeyword = defineKeyword<{ code: string; hours: string | null }>({
  name: 'finish',
  words: ['完成', '已完成', 'done'],
  args: `\\s*${NEED_CODE}(?:\\s+(.{1,20}))?`,
  read: (m) => ({ code: m[1]!, hours: m[2]?.trim() ?? null }),
  write: (a) => (a.hours ? `${a.code} ${a.hours}` : a.code),
});

export const releaseKeyword = defineKeyword<{ code: string; reason: string | null }>({
  name: 'release',
  words: ['放弃', 'release'],
  args: `\\s*${NEED_CODE}(?:\\s+([\\s\\S]{1,200}))?`,
  read: (m) => ({ code: m[1]!, reason: m[2]?.trim() || null }),
  write: (a) => (a.reason ? `${a.code} ${a.reason}` : a.code),
});

/** 回复 N-… 内容: a message passed on between the resident and the taker (the whole text within MAX_KEYWORD_TEXT). */
export const relayKeyword = defineKeyword<{ code: string; text: string }>({
  name: 'relay',
  words: ['回复', '留言', 'reply'],
  args: `\\s*${NEED_CODE}\\s+([\\s\\S]{1,280})`,
  read: (m) => ({ code: m[1]!, text: m[2]!.trim() }),
  write: (a) => `${a.code} ${a.text}`,
});

/** 分享电话 N-…: give the other side of the job your phone number (your own choice). */
export const sharePhoneKeyword = defineKeyword<{ code: string }>({
  name: 'share_phone',
  words: ['分享电话', '分享手机号', 'share phone'],
  args: `\\s*${NEED_CODE}`,
  read: (m) => ({ code: m[1]! }),
  write: (a) => a.code,
});
