// Retention (docs/privacy.md), run by the worker's reconciler at start and every interval:
// closed needs' personal fields are anonymised RETENTION_CLOSED_NEED_DAYS after closing, idle
// dialogue state, old sent and web-chat messages and dead letters deleted, expired or revoked link codes, API
// tokens and web sessions deleted at once. Statistics (needs by category, station, status,
// time; hours; points) stay whole.
import { type Work } from '@baiying/kernel';
import { ERASED_TEXT, pseudonym } from './erase-person.usecase.js';

const DAY_MS = 86_400_000;

export interface RetentionReport {
  needsAnonymised: number;
  dialoguesDeleted: number;
  sentMessagesDeleted: number;
  webMessagesDeleted: number;
  deadLettersDeleted: number;
  codesDeleted: number;
}

export class ApplyRetention {
  async execute(w: Work): Promise<RetentionReport> {
    const { retention } = w.deps.config;
    const now = w.now.getTime();
    const before = (days: number) => new Date(now - days * DAY_MS);
    const p = w.repos.privacy;
    return {
      needsAnonymised: await p.anonymiseClosedNeeds(
        before(retention.closedNeedDays),
        { erasedCipher: w.deps.cipher.encrypt(ERASED_TEXT), pseudonym: w.deps.cipher.encrypt(pseudonym()) },
        w.now,
      ),
      dialoguesDeleted: await p.pruneDialogues(before(retention.dialogueDays)),
      sentMessagesDeleted: await p.pruneSentMessages(before(retention.messageDays)),
      webMessagesDeleted: await p.pruneWebMessages(before(retention.messageDays)),
      deadLettersDeleted: await p.pruneDeadLetters(before(retention.messageDays)),
      codesDeleted: await p.pruneExpiredCodes(w.now),
    };
  }
}
