// Every button the features declare (and the dialogue button of the conversation engine), with
// payloads like the ones they carry: each stays within Telegram's 64 bytes and reads back as
// written, and no two share a tag. Carries over what the old ActionCodec spec checked.
import { randomBytes, randomUUID } from 'node:crypto';
import { FieldCipher } from '@baiying/crypto';
import { flowButton } from '@baiying/conversation';
import { MAX_BUTTON_DATA_BYTES } from '@baiying/domain';
import { buttonRegistry, ButtonCodec, type ButtonDef } from '@baiying/kernel';
import * as features from './index.js';
import {
  approveButton,
  bindButton,
  CALL_ADMIN_OPS,
  callAdminButton,
  notMeButton,
  callAnswerButton,
  callCheckButton,
  cancelNeedButton,
  confirmButton,
  doneButton,
  hoursButton,
  languageButton,
  rateButton,
  releaseButton,
  scoreButton,
  setOffButton,
  takeButton,
  takeDirectButton,
  teamLanguageButton,
} from './index.js';

const cipher = new FieldCipher(randomBytes(32));
const codec = new ButtonCodec(cipher);
/** A Telegram supergroup id: the longest chat ids a button is sealed for. */
const chat = { channel: 'telegram', chatId: '-1001234567890' };
/** As the outbox sends it: sealed for its chat. */
const sent = (def: ButtonDef<object>, payload: object) => codec.seal(codec.encode(def, payload), chat);
const decode = (data: string) => codec.decode(data, registry, chat);
/** A body with a correct seal, to reach the field checks. */
const signed = (body: string) => codec.seal(`${body}.~`, chat);
const id = randomUUID();

/** [button, payloads it carries]: the extremes of each field (uuids are all 36 characters). */
const CASES: Array<[ButtonDef<object>, object[]]> = [
  [takeButton, [{ dispatchId: id }]],
  [takeDirectButton, [{ dispatchId: id }]],
  [setOffButton, [{ claimId: id }]],
  [doneButton, [{ claimId: id }]],
  [releaseButton, [{ claimId: id }]],
  [hoursButton, [0.25, 0.5, 1.5, 2, 8, 24].map((hours) => ({ claimId: id, hours }))],
  [confirmButton, [true, false].map((yes) => ({ needId: id, yes }))],
  [rateButton, [1, 2, 3, 4, 5].map((score) => ({ needId: id, score }))],
  [scoreButton, [1, 2, 3, 4, 5].map((score) => ({ needId: id, score }))],
  [cancelNeedButton, [{ needId: id }]],
  [approveButton, [true, false].map((approve) => ({ membershipId: id, approve }))],
  [bindButton, [{ teamId: id }]],
  [callAnswerButton, [true, false].map((yes) => ({ callId: id, yes }))],
  [callCheckButton, [true, false].map((out) => ({ callId: id, out }))],
  [callAdminButton, CALL_ADMIN_OPS.map((op) => ({ callId: id, op }))],
  [notMeButton, [{ loginId: id }]],
  [languageButton, ['zh', 'en'].map((locale) => ({ locale }))],
  [teamLanguageButton, ['zh', 'en'].map((locale) => ({ locale }))],
  // Dialogue choices: a station or team id is the longest (nonces are 4 base64url characters).
  [
    flowButton,
    ['skip', 'c:elderly', 'b:hardship', `s:${id}`, `t:${id}`, 'td', 'everyone'].flatMap((choice) => [
      { nonce: 'ab12', choice },
      { nonce: '-_Az', choice },
    ]),
  ],
] as Array<[ButtonDef<object>, object[]]>;

const registry = buttonRegistry(CASES.map(([def]) => def));

describe('the buttons of the features', () => {
  it('covers every button the features export', () => {
    const exported = (Object.values(features) as unknown[]).filter(
      (v): v is ButtonDef<object> => typeof v === 'object' && v !== null && 'tag' in v && 'fields' in v,
    );
    expect(new Set(exported)).toEqual(new Set(CASES.map(([def]) => def).filter((d) => d !== flowButton)));
    expect(exported).toHaveLength(18);
  });

  it('gives every button its own tag', () => {
    const tags = CASES.map(([def]) => def.tag);
    expect(new Set(tags).size).toBe(tags.length);
    expect(registry.size).toBe(CASES.length);
    expect(tags.sort()).toEqual(['bt', 'ca', 'cf', 'ck', 'cm', 'cx', 'dn', 'f', 'go', 'hr', 'lg', 'lt', 'nm', 'ps', 'rl', 'rt', 'td', 'tk', 'va']);
  });

  it('signs every button but the dialogue one', () => {
    expect(CASES.filter(([def]) => !def.signed).map(([def]) => def.tag)).toEqual(['f']);
  });

  it.each(CASES.map(([def, payloads]) => [def.tag, def, payloads] as const))('round-trips %s within 64 bytes', (_tag, def, payloads) => {
    for (const payload of payloads) {
      const data = sent(def, payload);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_BUTTON_DATA_BYTES);
      expect(decode(data)).toEqual({ ok: true, def, payload });
    }
  });

  it('flags a payload whose id was swapped as forged', () => {
    // Every signed button that carries an id (the language buttons carry none).
    for (const [def, payloads] of CASES.filter(([d, ps]) => d.signed && JSON.stringify(ps[0]).includes(id))) {
      const data = sent(def, payloads[0]!);
      expect({ tag: def.tag, r: decode(data.replace(id, randomUUID())) }).toEqual({ tag: def.tag, r: { ok: false, reason: 'forged' } });
    }
  });

  it('flags a payload signed with another key as forged', () => {
    const other = new ButtonCodec(new FieldCipher(randomBytes(32)));
    expect(decode(other.seal(other.encode(rateButton, { needId: id, score: 5 }), chat))).toEqual({ ok: false, reason: 'forged' });
    expect(decode(other.seal(other.encode(takeButton, { dispatchId: id }), chat))).toEqual({ ok: false, reason: 'forged' });
  });

  it('refuses malformed payloads', () => {
    const cases: Array<[string, string]> = [
      ['', 'malformed'],
      ['tk', 'malformed'],
      ['tk.not-a-uuid.abcdefgh', 'expired'],
      ['tk.not-a-uuid.k2a1.abcdefghij', 'forged'],
      [`zz.${id}.abcdefgh`, 'unknown'],
      ['x'.repeat(65), 'malformed'],
      ['tk.<script>', 'malformed'],
      ['f..', 'malformed'],
      ['f.ab12', 'malformed'],
      [`cf.${id}.q.k2a1.sig`, 'forged'],
      [`hr.${id}.0.k2a1.abcdefghij`, 'forged'],
      // The unbound format of before (one 8-character signature).
      [`hr.${id}.0.abcdefgh`, 'expired'],
      // Signed correctly, but a field does not read back.
      [signed(`cf.${id}.q`), 'malformed'],
      [signed(`hr.${id}.0`), 'malformed'],
      [signed(`rt.${id}.x`), 'malformed'],
      [signed(`cm.${id}.delete`), 'malformed'],
      [signed('tk.not-a-uuid'), 'malformed'],
    ];
    for (const [bad, reason] of cases) expect({ bad, r: decode(bad) }).toEqual({ bad, r: { ok: false, reason } });
  });
});
