// `npm run keys:rotate` on a seeded database while the desk reads and writes it: the desk runs
// with the new key as ENCRYPTION_KEY and the old one in ENCRYPTION_KEY_PREVIOUS; afterwards
// nothing is left under the old key (nor in the single-key `v1` format), everything still
// decrypts to what it was, API tokens issued before still authenticate, and a second run changes
// nothing.
import { createCipheriv, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { FieldCipher, keyId } from '@baiying/crypto';
import { ENCRYPTED_TABLES, personName, rotateKeys } from '@baiying/db';
import { routedNeed } from '../../support/needs.js';
import { deskHarness, flushPrefix, resetDatabase, TEST_KEY, testConfig, type DeskHarness } from '../../support/test-env.js';

const OLD_KEY = Buffer.from(TEST_KEY, 'hex');
const NEW_KEY = randomBytes(32);
let before: DeskHarness;
let after: DeskHarness;

beforeAll(() => {
  before = deskHarness(testConfig(), 5);
  after = deskHarness(testConfig({ ENCRYPTION_KEY: NEW_KEY.toString('hex'), ENCRYPTION_KEY_PREVIOUS: TEST_KEY }), 5);
});
afterAll(async () => {
  await flushPrefix(before.config.redisUrl, before.config.redisPrefix);
  await flushPrefix(after.config.redisUrl, after.config.redisPrefix);
  await before.close();
  await after.close();
});

/** A ciphertext as the single-key desk wrote it (`v1:iv:tag:ct`, sub-key HMAC(key, 'enc')). */
function v1(plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', createHmac('sha256', OLD_KEY).update('enc').digest(), iv);
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), ct.toString('base64url')].join(':');
}
const legacyHash = (value: string) => createHmac('sha256', createHmac('sha256', OLD_KEY).update('mac').digest()).update(value).digest('base64url');

type Cells = Map<string, string | null>;

/** Every encrypted cell of the database, by table/key/column. */
async function cells(h: DeskHarness): Promise<Cells> {
  const out: Cells = new Map();
  for (const t of ENCRYPTED_TABLES) {
    const key = t.key.map((k) => `"${k.column}"::text`).join(` || '/' || `);
    const rows: Array<Record<string, string | null>> = await h.prisma.$queryRawUnsafe(
      `SELECT ${key} AS k, ${t.columns.map((c) => `"${c}"`).join(', ')} FROM "${t.table}"`,
    );
    for (const r of rows) for (const c of t.columns) out.set(`${t.table}/${r['k']}/${c}`, r[c] ?? null);
  }
  return out;
}

/** The plaintext of every cell, decrypted with `cipher` (throws if any does not decrypt). */
async function plaintexts(h: DeskHarness, cipher: FieldCipher): Promise<Map<string, string | null>> {
  return new Map([...(await cells(h))].map(([k, v]) => [k, cipher.decryptOptional(v)]));
}

describe('npm run keys:rotate', () => {
  it('re-encrypts everything under the new key while the desk reads and writes, and a second run changes nothing', async () => {
    await resetDatabase(before.prisma, before.cipher);
    // The world under the old key: needs with phones and addresses (v2, old key id), ...
    for (let i = 0; i < 4; i++)
      await routedNeed(before, `resident-${i}`, { description: `第${i}位老人需要帮忙买药`, phone: `1381234567${i}`, address: `幸福小区${i}号楼` });
    const coordinator = (await before.prisma.roleAssignment.findFirstOrThrow({ where: { role: 'coordinator' } })).personId;
    const actor = await before.desk.uow.run((w) => w.repos.people.actor(coordinator));
    const issued = await before.desk.uow.run((w) => before.desk.identity.issueApiToken.execute(w, actor));
    if (!issued.ok) throw new Error('no token');
    // ... and rows from before key ids: a person, a dialogue and an API token of the single-key desk.
    const legacy = await before.prisma.person.create({
      data: { displayNameEnc: v1('老王'), phoneEnc: v1('13900001111'), phoneHash: legacyHash('13900001111') },
    });
    // A profile name from before names were encrypted (decision 0027): in clear, to be moved.
    const clearName = await before.prisma.person.create({ data: { displayNameClear: '张阿姨' } });
    for (let i = 0; i < 5; i++) {
      await before.prisma.conversationState.create({ data: { channel: 'telegram', chatKey: `chat-${i}`, flow: 'intake', dataEnc: v1(`{"step":${i}}`) } });
    }
    await before.prisma.sentMessage.create({
      data: { purposeKey: randomUUID(), channel: 'web', chatId: 'c', template: 't', bodyEnc: v1('地址：幸福小区1号楼') },
    });
    await before.prisma.apiToken.create({
      data: { tokenHash: legacyHash('api-token:by_legacy-token-000000000000'), personId: coordinator, expiresAt: new Date(Date.now() + 86_400_000) },
    });

    const expected = await plaintexts(before, before.cipher);
    const oldKid = keyId(OLD_KEY);
    expect([...(await cells(before)).values()].some((v) => v?.startsWith(`v2:${oldKid}:`))).toBe(true);
    expect([...(await cells(before)).values()].some((v) => v?.startsWith('v1:'))).toBe(true);

    // The desk reads everything between each batch's read and write, and once writes a dialogue
    // itself (under the new key) in that window: the rotation must not overwrite it.
    let reads = 0;
    let deskWrote = false;
    const report = await rotateKeys(after.prisma, after.cipher, {
      batchSize: 2,
      beforeWrite: async (table) => {
        await plaintexts(after, after.cipher);
        reads++;
        if (table === 'conversation_state' && !deskWrote) {
          deskWrote = true;
          await after.prisma.conversationState.update({
            where: { channel_chatKey: { channel: 'telegram', chatKey: 'chat-0' } },
            data: { dataEnc: after.cipher.encrypt('{"step":"desk"}') },
          });
        }
      },
    });
    expect(reads).toBeGreaterThan(5);
    expect(report.retried).toBe(1);
    expected.set('conversation_state/telegram/chat-0/dataEnc', '{"step":"desk"}');
    expected.set(`person/${clearName.id}/displayNameEnc`, '张阿姨');
    expect(report.rewritten['person']).toBeGreaterThan(0);

    // Everything decrypts to what it was, with the new key alone; nothing is under the old one.
    const newKid = keyId(NEW_KEY);
    const now = await cells(after);
    expect([...now.values()].filter((v) => v !== null && !v.startsWith(`v2:${newKid}:`))).toEqual([]);
    expect(await plaintexts(after, new FieldCipher(NEW_KEY))).toEqual(expected);
    // Every name is encrypted under the new key, and no clear copy is left.
    expect(await after.prisma.person.count({ where: { displayNameClear: { not: null } } })).toBe(0);
    expect(await after.prisma.person.count({ where: { displayNameEnc: null } })).toBe(0);
    expect(personName(new FieldCipher(NEW_KEY), await after.prisma.person.findUniqueOrThrow({ where: { id: legacy.id } }))).toBe('老王');
    // Phone look-up hashes are re-made under the new key.
    expect((await after.prisma.person.findUniqueOrThrow({ where: { id: legacy.id } })).phoneHash).toBe(new FieldCipher(NEW_KEY).hash('13900001111'));
    const phones = await after.prisma.person.findMany({ where: { phoneEnc: { not: null } } });
    for (const p of phones) expect(p.phoneHash).toBe(new FieldCipher(NEW_KEY).hash(new FieldCipher(NEW_KEY).decrypt(p.phoneEnc!)));

    // API tokens cannot be re-hashed (only their hash is kept): they match under the ring.
    const authenticate = async (token: string) => {
      const r = await after.desk.uow.run((w) => after.desk.identity.authenticateToken.execute(w, token, 'rotation-test'));
      return r.ok ? r.value.personId : r.code;
    };
    expect(await authenticate(issued.value.token)).toBe(coordinator);
    expect(await authenticate('by_legacy-token-000000000000')).toBe(coordinator);

    // A second run finds nothing to do and changes nothing.
    const again = await rotateKeys(after.prisma, after.cipher, { batchSize: 2 });
    expect(Object.values(again.rewritten).every((n) => n === 0)).toBe(true);
    expect(again.scanned).toEqual(report.scanned);
    expect(await cells(after)).toEqual(now);
  });

  it('stops at a row under a key that is not in the ring, naming the table, the row and the key, and refuses a bad batch size', async () => {
    await resetDatabase(before.prisma, before.cipher);
    const stranger = new FieldCipher(randomBytes(32));
    const p = await before.prisma.person.create({ data: { phoneEnc: stranger.encrypt('13700000000') } });
    await expect(rotateKeys(after.prisma, after.cipher)).rejects.toThrow(
      `person ${p.id} phoneEnc: ciphertext under key ${stranger.currentKeyId}, which is not in the keyring`,
    );
    await expect(rotateKeys(after.prisma, after.cipher, { batchSize: 0 })).rejects.toThrow('batch size must be a positive whole number, not 0');
  });
});
