// The resident's buttons after a job is marked done: confirm or dispute, then stars.
import type { OutButton } from '@baiying/domain';
import { label } from '@baiying/i18n';
import { defineButton, field, type ButtonCodec } from '@baiying/kernel';
import { defineKeyword, NEED_CODE } from '@baiying/conversation';

export const confirmButton = defineButton<{ needId: string; yes: boolean }>('cf', { needId: field.uuid(), yes: field.flag('y', 'n') });
export const rateButton = defineButton<{ needId: string; score: number }>('rt', { needId: field.uuid(), score: field.int() });

export const RATING_SCORES = [1, 2, 3, 4, 5] as const;

export const rateKeyword = defineKeyword<{ code: string; score: number; comment: string | null }>({
  name: 'rate',
  words: ['评价', 'rate'],
  // The comment is capped so the whole text stays within MAX_KEYWORD_TEXT (a longer one would be
  // read as a new need).
  args: `\\s*${NEED_CODE}\\s+([1-5])(?:\\s*星)?(?:\\s+([\\s\\S]{1,250}))?`,
  read: (m) => ({ code: m[1]!, score: Number(m[2]), comment: m[3]?.trim() || null }),
  write: (a) => `${a.code} ${a.score}${a.comment ? ` ${a.comment}` : ''}`,
});

export function confirmButtons(buttons: ButtonCodec, needId: string): OutButton[][] {
  return [
    [
      { label: label('btn.confirm_yes'), data: buttons.encode(confirmButton, { needId, yes: true }) },
      { label: label('btn.confirm_no'), data: buttons.encode(confirmButton, { needId, yes: false }) },
    ],
  ];
}

export function ratingButtons(buttons: ButtonCodec, needId: string): OutButton[][] {
  return [RATING_SCORES.map((n) => ({ label: label('btn.stars', { stars: '⭐'.repeat(n), n }), data: buttons.encode(rateButton, { needId, score: n }) }))];
}
