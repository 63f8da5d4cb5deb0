// What the identity feature keeps on people: link codes (one person's accounts linked across
// channels), moving a channel account, personal API tokens. PeopleRepository extends this.
import type { Channel, Tx } from '../prisma.js';

export class PeopleIdentityRepository {
  constructor(protected readonly tx: Tx) {}

  // --- linking accounts of one person across channels ---------------------------------------

  /** A person's new link code (their older one is dropped, and every expired one). */
  async issueLinkCode(personId: string, selector: string, codeHash: string, expiresAt: Date, now: Date): Promise<void> {
    await this.tx.linkCode.deleteMany({ where: { OR: [{ personId }, { expiresAt: { lte: now } }] } });
    await this.tx.linkCode.create({ data: { codeHash, selector, personId, expiresAt } });
  }

  async linkCodeTaken(selector: string): Promise<boolean> {
    return (await this.tx.linkCode.count({ where: { selector } })) > 0;
  }

  /** The code issued under `selector`, locked for this transaction. */
  async linkCodeBySelector(selector: string): Promise<{ codeHash: string; personId: string; expiresAt: Date; failures: number } | null> {
    await this.tx.$executeRaw`SELECT 1 FROM link_code WHERE selector = ${selector} FOR UPDATE`;
    return this.tx.linkCode.findUnique({ where: { selector }, select: { codeHash: true, personId: true, expiresAt: true, failures: true } });
  }

  /** Counts a wrong secret said against a code; returns the count. */
  async linkCodeFailed(selector: string): Promise<number> {
    const row = await this.tx.linkCode.update({ where: { selector }, data: { failures: { increment: 1 } } });
    return row.failures;
  }

  async dropLinkCode(selector: string): Promise<void> {
    await this.tx.linkCode.deleteMany({ where: { selector } });
  }

  /** Whether a person has anything that linking would orphan (needs, service, roles, points). */
  async hasHistory(personId: string): Promise<boolean> {
    const [needs, claims, ratings, roles, volunteer, points] = await Promise.all([
      this.tx.need.count({ where: { residentId: personId } }),
      this.tx.claim.count({ where: { volunteerId: personId } }),
      this.tx.rating.count({ where: { residentId: personId } }),
      this.tx.roleAssignment.count({ where: { personId } }),
      this.tx.volunteer.count({ where: { personId } }),
      this.tx.pointsEntry.count({ where: { personId } }),
    ]);
    return needs + claims + ratings + roles + volunteer + points > 0;
  }

  /** Moves a channel account to another person and removes the now empty person. */
  async moveIdentity(channel: Channel, externalId: string, fromPersonId: string, toPersonId: string): Promise<void> {
    // Only an account that belongs to `fromPersonId` moves: a caller cannot name someone else's.
    const moved = await this.tx.channelIdentity.updateMany({ where: { channel, externalId, personId: fromPersonId }, data: { personId: toPersonId } });
    if (moved.count !== 1) throw new Error('the account to move does not belong to the person linking it');
    const left = await this.tx.channelIdentity.count({ where: { personId: fromPersonId } });
    if (left === 0) {
      await this.tx.linkCode.deleteMany({ where: { personId: fromPersonId } });
      await this.tx.person.delete({ where: { id: fromPersonId } });
    }
  }

  // --- personal API tokens ----------------------------------------------------------------

  async issueToken(personId: string, tokenHash: string, now: Date, expiresAt: Date): Promise<void> {
    await this.tx.apiToken.updateMany({ where: { personId, revokedAt: null }, data: { revokedAt: now } });
    await this.tx.apiToken.create({ data: { personId, tokenHash, expiresAt } });
  }

  /** `tokenHashes`: every hash the token may be stored under (see FieldCipher.lookupHashes). */
  async token(tokenHashes: string[]): Promise<{ personId: string; expiresAt: Date; revokedAt: Date | null } | null> {
    return this.tx.apiToken.findFirst({ where: { tokenHash: { in: tokenHashes } }, select: { personId: true, expiresAt: true, revokedAt: true } });
  }
}
