import { defineButton, field } from '@baiying/kernel';
import { defineKeyword, NEED_CODE } from '@baiying/conversation';

/** "取消 N-…" on the resident's list of their needs. */
export const cancelNeedButton = defineButton<{ needId: string }>('cx', { needId: field.uuid() });

export const myNeedsKeyword = defineKeyword<Record<string, never>>({
  name: 'my',
  words: ['我的需求', 'my needs'],
  args: '',
  read: () => ({}),
  write: () => '',
});

export const cancelNeedKeyword = defineKeyword<{ code: string }>({
  name: 'cancel',
  words: ['取消', 'cancel'],
  args: `\\s*${NEED_CODE}`,
  read: (m) => ({ code: m[1]! }),
  write: (a) => a.code,
});
