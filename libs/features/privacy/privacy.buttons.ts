import { defineKeyword } from '@baiying/conversation';
import { defineButton, field } from '@baiying/kernel';

/**
 * "确认删除": the second step of an erasure. Signed and bound to the chat it was sent to; it names
 * the person to erase and the hour it was offered (whole hours since the epoch), so an old
 * confirmation does not work.
 */
export const eraseConfirmButton = defineButton<{ personId: string; hour: number }>('ex', { personId: field.uuid(), hour: field.int() });

/** 删除我的数据: a resident's own erasure (confirmed by the button above). */
export const eraseMeKeyword = defineKeyword<Record<string, never>>({
  name: 'erase_me',
  words: ['删除我的数据', 'delete my data'],
  args: '',
  read: () => ({}),
  write: () => '',
});
