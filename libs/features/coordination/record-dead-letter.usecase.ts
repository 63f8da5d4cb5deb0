// An inbound update still failed after the bot's retries: it is kept (encrypted: it holds a
// resident's words) in dead_letter to be replayed once the fault is fixed, and the county
// centres' coordinators are told — once per burst, not once per update: a failure more than
// DEAD_LETTER_ALERT_QUIET_MINUTES after the previous one starts a new burst.
import { CHANNELS, ok, PurposeKey, type Result } from '@baiying/domain';
import { alertCoordinators, msg, parseCommand, type Work } from '@baiying/kernel';
import { z } from 'zod';

/** The longest error text kept (a stack or a driver message can be long). */
const MAX_ERROR_CHARS = 1000;

const recordDeadLetterCommand = z.object({
  channel: z.enum(CHANNELS),
  updateId: z.string().min(1).max(512),
  /** The whole inbound event, as the engine was given it. */
  payload: z.record(z.string(), z.unknown()),
  error: z.string().transform((e) => e.slice(0, MAX_ERROR_CHARS) || 'unknown error'),
  attempts: z.number().int().min(1),
});
export type RecordDeadLetterCommand = z.input<typeof recordDeadLetterCommand>;

export class RecordDeadLetter {
  async execute(w: Work, input: RecordDeadLetterCommand): Promise<Result<{ id: string; alerted: number }>> {
    const c = parseCommand(recordDeadLetterCommand, input);
    if (!c.ok) return c;
    const { channel, updateId, payload, error, attempts } = c.value;
    await w.repos.deadLetters.lock();
    const previous = await w.repos.deadLetters.lastFailureAt();
    const row = await w.repos.deadLetters.record({ channel, updateId, payloadEnc: w.deps.cipher.encrypt(JSON.stringify(payload)), error, attempts, at: w.now });
    const quietMinutes = w.deps.config.deadLetter.alertQuietMinutes;
    if (previous && w.now.getTime() - previous.getTime() < quietMinutes * 60_000) return ok({ id: row.id, alerted: 0 });
    const tree = await w.repos.org.tree();
    let alerted = 0;
    for (const centre of [...tree.values()].filter((u) => u.tier === 'center')) {
      alerted += await alertCoordinators(w, centre.id, PurposeKey.alert('dead_letter', row.id), () =>
        msg('alert.dead_letter', { channel, id: row.id.slice(0, 8), minutes: quietMinutes }),
      );
    }
    return ok({ id: row.id, alerted });
  }
}
