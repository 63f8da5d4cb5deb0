// The web chat demo's personas: the people who may be played, and the web groups each sees.
import type { FieldCipher } from '@baiying/crypto';
import { personName } from '../person-name.js';
import type { Tx } from '../prisma.js';

export interface WebPersona {
  externalId: string;
  displayName: string;
  roles: string[];
  groups: Array<{ chatId: string; title: string }>;
}

/** The web chat's demo personas: people with a web identity, and the web groups they see. */
export async function listWebPersonas(tx: Tx, cipher: FieldCipher): Promise<WebPersona[]> {
  const identities = await tx.channelIdentity.findMany({
    where: { channel: 'web', externalId: { startsWith: 'demo-' } },
    orderBy: { externalId: 'asc' },
    include: { person: { include: { roles: true, volunteer: { include: { memberships: { where: { status: 'approved' } } } } } } },
  });
  const chats = await tx.teamChat.findMany({ where: { channel: 'web' }, include: { team: true } });
  const units = await tx.orgUnit.findMany({ select: { id: true, path: true } });
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  return identities.map((i) => {
    const p = i.person;
    const teamIds = new Set(p.volunteer?.memberships.map((m) => m.teamId) ?? []);
    const scopes = p.roles.filter((r) => r.role === 'coordinator').map((r) => pathOf.get(r.orgUnitId) ?? '\u0000');
    const groups = chats
      .filter((c) => teamIds.has(c.teamId) || scopes.some((s) => (pathOf.get(c.team.orgUnitId) ?? '').startsWith(s)))
      .map((c) => ({ chatId: c.chatId, title: c.title ?? c.team.name }));
    const roles = [
      ...(p.roles.some((r) => r.role === 'coordinator') ? ['coordinator'] : []),
      ...(p.volunteer ? ['volunteer'] : []),
      ...(p.roles.length || p.volunteer ? [] : ['resident']),
    ];
    return { externalId: i.externalId, displayName: personName(cipher, p), roles, groups };
  });
}
