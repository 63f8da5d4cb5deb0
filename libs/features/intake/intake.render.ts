// The resident's list of their needs (/my), with a cancel button for those nobody has taken.
import type { NeedRow } from '@baiying/db';
import { isCancellable, type OutMessage } from '@baiying/domain';
import { en, label, t, zh } from '@baiying/i18n';
import type { ButtonCodec } from '@baiying/kernel';
import { statusKey } from '../routing/index.js';
import { cancelNeedButton } from './intake.buttons.js';

export function myNeedsMessage(needs: NeedRow[], buttons: ButtonCodec): OutMessage {
  const lines = needs.map(
    (n) =>
      zh('my.item', { code: n.code, category: n.category.nameZh, status: zh(statusKey(n.status)) }) +
      `\n  ${en('my.item', { code: '', categoryEn: n.category.nameEn, statusEn: en(statusKey(n.status)) }).trim()}`,
  );
  const rows = needs
    .filter((n) => isCancellable(n.status))
    .map((n) => [{ label: label('btn.cancel_need', { code: n.code }), data: buttons.encode(cancelNeedButton, { needId: n.id }) }]);
  const text = `${t('my.header')}\n${lines.join('\n')}`;
  return rows.length ? { text, buttons: rows } : { text };
}
