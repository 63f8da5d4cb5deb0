import type { OutButton } from '@baiying/domain';
import { label } from '@baiying/i18n';
import { defineButton, field, type ButtonCodec } from '@baiying/kernel';

/** A coordinator approves or rejects one volunteer's membership of one team. */
export const approveButton = defineButton<{ membershipId: string; approve: boolean }>('va', { membershipId: field.uuid(), approve: field.flag('a', 'r') });

export function approvalButtons(buttons: ButtonCodec, membershipId: string): OutButton[][] {
  return [
    [
      { label: label('btn.approve'), data: buttons.encode(approveButton, { membershipId, approve: true }) },
      { label: label('btn.reject'), data: buttons.encode(approveButton, { membershipId, approve: false }) },
    ],
  ];
}
