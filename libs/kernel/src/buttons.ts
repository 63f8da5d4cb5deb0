// Button payloads, declared by the feature that renders them (in the spirit of grammY's
// createCallbackData): a short tag and typed fields, encoded as `tag.field.field.expiry.mac`
// within Telegram's 64-byte limit. Payloads that change shared state are signed (tamper
// evidence, logged as forgery when wrong); every action is still authorised on the server.
// The MAC covers the chat the button is sent to and an expiry: a payload copied into another
// chat is forged, an old one expired. A feature encodes a button without knowing the chat; the
// outbox seals it for the destination (`seal`, called by Outbound).
import { BUTTON_MAC_CHARS, type FieldCipher } from '@baiying/crypto';
import { MAX_BUTTON_DATA_BYTES } from '@baiying/domain';

/** How long a signed button works after it was sent. */
export const BUTTON_TTL_HOURS = 30 * 24;
/** Stands where expiry and MAC go until the outbox seals the button for its chat (never valid). */
const UNSEALED = '~';
/** Expiry: whole hours since the epoch, base36 (4 characters until the 2160s). */
const EXPIRY = /^[0-9a-z]{1,6}$/;
const HOUR_MS = 3_600_000;
/** What sealing adds to a body: `.` expiry `.` MAC. */
const SEAL_BYTES = 1 + 4 + 1 + BUTTON_MAC_CHARS;

/** The chat a button is sent to and pressed in. */
export interface ButtonChat {
  channel: string;
  chatId: string;
}

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

export type DecodedButton = { ok: true; def: ButtonDef<object>; payload: object } | { ok: false; reason: 'malformed' | 'forged' | 'unknown' | 'expired' };

/** Encodes payloads of any declared button; decodes against a registry of the buttons handled. */
export class ButtonCodec {
  constructor(
    private readonly cipher: FieldCipher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A signed button's data is sealed for its chat by the outbox (`seal`); until then it is never valid. */
  encode<P extends object>(def: ButtonDef<P>, payload: P): string {
    const keys = Object.keys(def.fields) as Array<keyof P>;
    const body = [def.tag, ...keys.map((k) => def.fields[k].write(payload[k]))].join('.');
    const bytes = Buffer.byteLength(body) + (def.signed ? SEAL_BYTES : 0);
    if (bytes > MAX_BUTTON_DATA_BYTES) throw new Error(`button payload too long: ${bytes}`);
    return def.signed ? `${body}.${UNSEALED}` : body;
  }

  /** Binds a signed button to the chat it is sent to, with an expiry; other data is returned as is. */
  seal(data: string, chat: ButtonChat): string {
    if (!data.endsWith(`.${UNSEALED}`)) return data;
    const body = data.slice(0, -UNSEALED.length - 1);
    const expiry = Math.ceil(this.now().getTime() / HOUR_MS + BUTTON_TTL_HOURS).toString(36);
    return `${body}.${expiry}.${this.cipher.sign(macInput(chat, `${body}.${expiry}`))}`;
  }

  /** `chat`: where the button was pressed; a payload sealed for another chat is forged. */
  decode(data: string, registry: ReadonlyMap<string, ButtonDef<object>>, chat: ButtonChat): DecodedButton {
    if (data.length > MAX_BUTTON_DATA_BYTES || !/^[\w.:-]+$/.test(data)) return { ok: false, reason: 'malformed' };
    const parts = data.split('.');
    const def = registry.get(parts[0] ?? '');
    if (!def) return { ok: false, reason: 'unknown' };
    const keys = Object.keys(def.fields);
    let values = parts.slice(1);
    if (def.signed) {
      // Buttons sent before MACs were bound to chats carry one 8-character signature: expired.
      if (values.length === keys.length + 1 && values.at(-1)?.length === 8) return { ok: false, reason: 'expired' };
      const mac = values.pop();
      const expiry = values.pop();
      if (!mac || expiry === undefined || !EXPIRY.test(expiry) || values.length !== keys.length) return { ok: false, reason: 'malformed' };
      if (!this.cipher.verifySignature(macInput(chat, parts.slice(0, -1).join('.')), mac)) return { ok: false, reason: 'forged' };
      if (parseInt(expiry, 36) * HOUR_MS <= this.now().getTime()) return { ok: false, reason: 'expired' };
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

/** What a button MAC covers: the chat, then the payload and its expiry (NUL never occurs in either). */
function macInput(chat: ButtonChat, sealedBody: string): string {
  return `${chat.channel}\u0000${chat.chatId}\u0000${sealedBody}`;
}
