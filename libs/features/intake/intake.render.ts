// The resident's list of their needs (/my), with a cancel button for those nobody has taken.
import type { NeedRow } from '@baiying/db';
import { isCancellable, type OutMessage } from '@baiying/domain';
import { label, t } from '@baiying/i18n';
import type { ButtonCodec } from '@baiying/kernel';
import { categoryName, statusKey } from '../routing/index.js';
import { cancelNeedButton } from './intake.buttons.js';

export function myNeedsMessage(needs: NeedRow[], buttons: ButtonCodec): OutMessage {
  const lines = needs.map((n) => t('my.item', { code: n.code, category: categoryName(n.category), status: t(statusKey(n.status)) }));
  const rows = needs
    .filter((n) => isCancellable(n.status))
    .map((n) => [{ label: label('btn.cancel_need', { code: n.code }), data: buttons.encode(cancelNeedButton, { needId: n.id }) }]);
  const text = `${t('my.header')}\n${lines.join('\n')}`;
  return rows.length ? { text, buttons: rows } : { text };
}
