import type { OutButton } from '@baiying/domain';
import { label } from '@baiying/i18n';
import { defineButton, field, type ButtonCodec } from '@baiying/kernel';

/** A coordinator approves or rejects a registration. */
export const approveButton = defineButton<{ personId: string; approve: boolean }>('va', { personId: field.uuid(), approve: field.flag('a', 'r') });

export function approvalButtons(buttons: ButtonCodec, personId: string): OutButton[][] {
  return [
    [
      { label: label('btn.approve'), data: buttons.encode(approveButton, { personId, approve: true }) },
      { label: label('btn.reject'), data: buttons.encode(approveButton, { personId, approve: false }) },
    ],
  ];
}
