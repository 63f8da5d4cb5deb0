// Button payloads, declared by the feature that renders them (in the spirit of grammY's
// createCallbackData): a short tag and typed fields, encoded as `tag.field.field.signature`
// within Telegram's 64-byte limit. Payloads that change shared state are signed (tamper
// evidence, logged as forgery when wrong); every action is still authorised on the server.
import type { FieldCipher } from '@baiying/crypto';
import { MAX_BUTTON_DATA_BYTES } from '@baiying/domain';

/** One field of a payload: how it is written into the data string and read back. */
export interface ButtonField<T> {
  write(v: T): string;
  read(s: string): T | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const field = {
  uuid: (): ButtonField<string> => ({ write: (v) => v, read: (s) => (UUID.test(s) ? s : null) }),
  /** A yes/no written as one of two letters. */
  flag: (yes: string, no: string): ButtonField<boolean> => ({ write: (v) => (v ? yes : no), read: (s) => (s === yes ? true : s === no ? false : null) }),
  /** A positive integer (quarter hours, stars). */
  int: (): ButtonField<number> => ({ write: (v) => String(v), read: (s) => (/^\d{1,6}$/.test(s) ? Number(s) : null) }),
  /** Hours as whole quarters: a decimal point would collide with the separator. */
  quarterHours: (): ButtonField<number> => ({
    write: (v) => String(Math.round(v * 4)),
    read: (s) => (/^\d{1,4}$/.test(s) && Number(s) > 0 ? Number(s) / 4 : null),
  }),
  oneOf: <const V extends string>(values: readonly V[]): ButtonField<V> => ({ write: (v) => v, read: (s) => values.find((v) => v === s) ?? null }),
  /** Free word characters; as the last field it may contain dots (dialogue choices). */
  word: (): ButtonField<string> => ({ write: (v) => v, read: (s) => (/^[\w:.-]+$/.test(s) ? s : null) }),
};

type Fields<P> = { [K in keyof P]: ButtonField<P[K]> };

export interface ButtonDef<P extends object> {
  readonly tag: string;
  readonly fields: Fields<P>;
  /** Unsigned payloads (dialogue buttons) are checked against the dialogue's nonce instead. */
  readonly signed: boolean;
}

export function defineButton<P extends object>(tag: string, fields: Fields<P>, opts: { signed?: boolean } = {}): ButtonDef<P> {
  if (!/^[a-z]{1,3}$/.test(tag)) throw new Error(`button tag ${tag}: 1–3 lower-case letters`);
  return { tag, fields, signed: opts.signed ?? true };
}

export type DecodedButton = { ok: true; def: ButtonDef<object>; payload: object } | { ok: false; reason: 'malformed' | 'forged' | 'unknown' };

/** Encodes payloads of any declared button; decodes against a registry of the buttons handled. */
export class ButtonCodec {
  constructor(private readonly cipher: FieldCipher) {}

  encode<P extends object>(def: ButtonDef<P>, payload: P): string {
    const keys = Object.keys(def.fields) as Array<keyof P>;
    const body = [def.tag, ...keys.map((k) => def.fields[k].write(payload[k]))].join('.');
    const data = def.signed ? `${body}.${this.cipher.sign(body)}` : body;
    if (Buffer.byteLength(data) > MAX_BUTTON_DATA_BYTES) throw new Error(`button payload too long: ${data.length}`);
    return data;
  }

  decode(data: string, registry: ReadonlyMap<string, ButtonDef<object>>): DecodedButton {
    if (data.length > MAX_BUTTON_DATA_BYTES || !/^[\w.:-]+$/.test(data)) return { ok: false, reason: 'malformed' };
    const parts = data.split('.');
    const def = registry.get(parts[0] ?? '');
    if (!def) return { ok: false, reason: 'unknown' };
    const keys = Object.keys(def.fields);
    let values = parts.slice(1);
    if (def.signed) {
      const sig = values.pop();
      const body = parts.slice(0, -1).join('.');
      if (!sig || values.length !== keys.length) return { ok: false, reason: 'malformed' };
      if (!this.cipher.verifySignature(body, sig)) return { ok: false, reason: 'forged' };
    } else if (values.length > keys.length) {
      // The last field of an unsigned payload may itself contain dots.
      values = [...values.slice(0, keys.length - 1), values.slice(keys.length - 1).join('.')];
    }
    if (values.length !== keys.length) return { ok: false, reason: 'malformed' };
    const payload: Record<string, unknown> = {};
    for (const [i, key] of keys.entries()) {
      const f = (def.fields as Record<string, ButtonField<unknown>>)[key]!;
      const v = f.read(values[i]!);
      if (v === null) return { ok: false, reason: 'malformed' };
      payload[key] = v;
    }
    return { ok: true, def, payload };
  }
}

/** A registry of handled buttons; refuses two buttons with one tag. */
export function buttonRegistry(defs: Iterable<ButtonDef<object>>): Map<string, ButtonDef<object>> {
  const map = new Map<string, ButtonDef<object>>();
  for (const d of defs) {
    if (map.has(d.tag) && map.get(d.tag) !== d) throw new Error(`two buttons use the tag ${d.tag}`);
    map.set(d.tag, d);
  }
  return map;
}
