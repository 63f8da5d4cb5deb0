// The second step of an erasure (the confirm button): erases the person's personal data,
// keeping the person row under a random name so statistics and the hours ledger stay whole,
// and records who erased whom and when (ids only). The confirmation works for an hour, only
// for whoever was offered it, and once: afterwards the person has no account left to press it.
import { randomBytes } from 'node:crypto';
import type { ActorRow } from '@baiying/db';
import { err, ok, type Result } from '@baiying/domain';
import { parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';
import { mayErase, underWay } from './erasure-rules.js';

const HOUR_MS = 3_600_000;
/** A confirmation offered in hour h works until the end of hour h + 1. */
const CONFIRM_HOURS = 1;
/** What an erased need's description decrypts to. */
export const ERASED_TEXT = '[已删除]';

export const erasePersonCommand = z.object({ personId: z.uuid(), hour: z.number().int().nonnegative() });
export type ErasePersonCommand = z.input<typeof erasePersonCommand>;

/** The hour a confirmation offered now carries. */
export const confirmHour = (now: Date): number => Math.floor(now.getTime() / HOUR_MS);

export class ErasePerson {
  async execute(w: Work, actor: ActorRow, input: ErasePersonCommand): Promise<Result<{ kind: 'self' | 'coordinator' }>> {
    const c = parseCommand(erasePersonCommand, input);
    if (!c.ok) return c;
    const age = confirmHour(w.now) - c.value.hour;
    if (age < 0 || age > CONFIRM_HOURS) return err('privacy/confirm_invalid');
    const { personId } = c.value;
    const person = await w.repos.people.person(personId);
    if (!person) return err('privacy/confirm_invalid');
    // Pressed again after the erasure (the presser is a new person by then): said as such.
    if (person.erasedAt) return err('privacy/already_erased');
    const allowed = await mayErase(w, actor, personId);
    if (!allowed.ok) return allowed;
    const busy = await underWay(w, personId);
    if (busy) return busy;
    const erased = await w.repos.privacy.erasePerson(
      { personId, byId: actor.personId, kind: allowed.value },
      { erasedCipher: w.deps.cipher.encrypt(ERASED_TEXT), pseudonym: w.deps.cipher.encrypt(pseudonym()) },
      w.now,
    );
    return erased ? ok({ kind: allowed.value }) : err('privacy/already_erased');
  }
}

/** A random display name for an erased person (no trace of the old one). */
export const pseudonym = (): string => `已注销用户-${randomBytes(4).toString('hex')}`;
