// Per-chat dialogue state (a form being filled), stored encrypted in PostgreSQL so it survives
// restarts and Redis loss. Each flow validates its own data with a zod schema when the state is
// loaded: a state written by an older version that no longer fits is dropped, not trusted.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Turn } from './turn.js';

export interface Dialogue {
  flow: string;
  /** Dialogue buttons carry it: a button from an older form, or of a question already settled, is stale. */
  nonce: string;
  data: unknown;
  /**
   * The form's open question: the message that carries its buttons now (its purpose key and
   * text), rewritten once answered (`Turn.settle`). Kept by the turn, not by the flow's data.
   */
  asked?: { key: string; text: string };
}

export const newNonce = (): string => randomBytes(3).toString('base64url');

/** A stored dialogue state, decrypted and checked; null when there is none or it no longer reads (a rotated key: start afresh rather than fail the chat). */
export function readDialogue(decrypt: (s: string) => string, row: { dataEnc: string } | null): Dialogue | null {
  if (!row) return null;
  try {
    const d = JSON.parse(decrypt(row.dataEnc)) as Partial<Dialogue>;
    if (typeof d.flow !== 'string' || typeof d.nonce !== 'string') return null;
    const asked = typeof d.asked?.key === 'string' && typeof d.asked.text === 'string' ? { asked: { key: d.asked.key, text: d.asked.text } } : {};
    return { flow: d.flow, nonce: d.nonce, data: d.data, ...asked };
  } catch {
    return null;
  }
}

export interface FlowDef<D> {
  readonly name: string;
  readonly schema: z.ZodType<D>;
  /** The flow's data if the turn's dialogue is this flow and fits its schema. */
  read(turn: Turn): D | null;
  /** Starts the flow afresh (a new nonce: buttons of an earlier form go stale). */
  start(turn: Turn, data: D): void;
  /** Keeps the flow's nonce and stores new data. */
  save(turn: Turn, data: D): void;
}

export function defineFlow<D>(name: string, schema: z.ZodType<D>): FlowDef<D> {
  return {
    name,
    schema,
    read: (turn) => {
      const d = turn.dialogue;
      if (!d || d.flow !== name) return null;
      const r = schema.safeParse(d.data);
      return r.success ? r.data : null;
    },
    start: (turn, data) => turn.setDialogue({ flow: name, nonce: newNonce(), data }),
    save: (turn, data) => turn.setDialogue({ flow: name, nonce: turn.dialogue?.flow === name ? turn.dialogue.nonce : newNonce(), data }),
  };
}
