// The intake form's summary: what was understood, the time repeated as a date, and a button per
// field to fix one of them (also typed: "改时间", "change the phone").
import type { Turn } from '@baiying/conversation';
import type { OutMessage } from '@baiying/domain';
import { label, t } from '@baiying/i18n';
import { beneficiaryKey, categoryName, unitName, urgencyKey, wantedTimeLabel } from '../routing/index.js';
import type { IntakeData } from './intake.flow-state.js';
import { wantedWhenOf } from './wanted-when.js';

/** The summary shows this much of the description. */
const SUMMARY_DESCRIPTION_CHARS = 300;

export async function summaryMessage(turn: Turn, data: IntakeData): Promise<OutMessage> {
  const category = data.categoryCode ? await turn.w.repos.org.category(data.categoryCode) : null;
  const station = data.stationId ? await turn.w.repos.org.unit(data.stationId) : null;
  const place = [station ? unitName(station) : null, data.address, data.location ? '📍' : null].filter(Boolean).join(' ');
  return {
    text: t('intake.summary', {
      category: category ? categoryName(category) : '-',
      place: place || t('not_given'),
      time: understoodTime(turn, data.wantedTime ?? null),
      phone: data.phone ?? t('not_given'),
      beneficiary: t(beneficiaryKey(data.beneficiary ?? 'none')),
      urgency: t(urgencyKey(data.urgency)),
      description: data.description.length > SUMMARY_DESCRIPTION_CHARS ? `${data.description.slice(0, SUMMARY_DESCRIPTION_CHARS)}…` : data.description,
    }),
    buttons: [
      [turn.flowButton('ok', label('btn.submit'))],
      [
        turn.flowButton('e:time', label('btn.edit_time')),
        turn.flowButton('e:place', label('btn.edit_place')),
        turn.flowButton('e:phone', label('btn.edit_phone')),
      ],
      [turn.flowButton('e:category', label('btn.edit_category')), turn.flowButton('e:who', label('btn.edit_who'))],
      [turn.flowButton('re', label('btn.restart')), turn.flowButton('x', label('btn.cancel'))],
    ],
  };
}

/**
 * The summary repeats the time as understood, as a date ("12月12日（周六）上午"), so the resident
 * checks the day itself; words that name no time are shown as said (this is their own chat).
 */
function understoodTime(turn: Turn, words: string | null): string {
  const when = wantedWhenOf(words, turn.w.now, turn.w.config.timeZone);
  if (!when) return t('not_given');
  return when.kind === 'tbd' ? (words ?? '') : wantedTimeLabel(when, true, turn.locale);
}

/** The summary's fields a resident can fix one at a time, and the label of each one's button. */
export const EDITABLE = {
  category: 'btn.edit_category',
  place: 'btn.edit_place',
  time: 'btn.edit_time',
  phone: 'btn.edit_phone',
  who: 'btn.edit_who',
} as const;
export type Editable = keyof typeof EDITABLE;
export const isEditable = (s: string): s is Editable => Object.hasOwn(EDITABLE, s);

/** "改时间", "修改地址", "change the phone" typed on the summary → the field to fix. */
const TYPED_EDITS: ReadonlyArray<[RegExp, Editable]> = [
  [/^(?:改|修改|更改|换)(?:一下)?(?:时间|日期)$|^change (?:the )?(?:time|date)$/i, 'time'],
  [/^(?:改|修改|更改|换)(?:一下)?(?:地点|地址|位置|社区)$|^change (?:the )?(?:place|address)$/i, 'place'],
  [/^(?:改|修改|更改|换)(?:一下)?(?:电话|手机|号码|手机号)$|^change (?:the )?phone(?: number)?$/i, 'phone'],
  [/^(?:改|修改|更改|换)(?:一下)?(?:类别|类型|分类)$|^change (?:the )?category$/i, 'category'],
  [/^(?:改|修改|更改|换)(?:一下)?(?:对象|服务对象)$|^change (?:who it is for|the beneficiary)$/i, 'who'],
];
export function typedEdit(text: string): Editable | null {
  const s = text
    .normalize('NFKC')
    .trim()
    .replace(/[。.!！]$/, '');
  return TYPED_EDITS.find(([re]) => re.test(s))?.[1] ?? null;
}
