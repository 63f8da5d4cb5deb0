// The console keeps its own copies of the value lists it offers in filters and pickers (it is
// built by Vite from apps/console and libs/contracts, which import nothing from the server): these
// tests fail when one of them drifts from the list the server decides with.
import { CONSOLE_ROLES } from '@baiying/features';
import { DEFAULT_CATEGORIES } from '@baiying/db';
import { BENEFICIARIES as DOMAIN_BENEFICIARIES, NEED_STATUSES as DOMAIN_STATUSES } from '@baiying/domain';
import { OrgTier } from '../../../libs/db/src/generated/prisma/enums.js';
import { URGENCY_ORDER } from '../../../libs/features/console/needs-list.schemas.js';
import { BENEFICIARIES, CATEGORIES, NEED_STATUSES, TIERS, URGENCIES, type Role } from '../../../apps/console/src/api-types.js';

const sorted = (xs: readonly string[]) => [...xs].sort();

describe("the console's value lists", () => {
  it('are the need statuses, urgencies and beneficiaries the server accepts, in the lifecycle order', () => {
    expect(NEED_STATUSES).toEqual(DOMAIN_STATUSES);
    expect(sorted(URGENCIES)).toEqual(sorted(URGENCY_ORDER));
    expect(BENEFICIARIES).toEqual(DOMAIN_BENEFICIARIES);
  });

  it("are the demo county's categories and the organisation's tiers", () => {
    expect(sorted(CATEGORIES)).toEqual(sorted(DEFAULT_CATEGORIES.map((c) => c.code)));
    expect(TIERS).toEqual(Object.values(OrgTier));
  });

  it("name the server's console roles", () => {
    const roles: Record<Role, true> = { admin: true, coordinator: true, staff: true, viewer: true };
    expect(sorted(Object.keys(roles))).toEqual(sorted(CONSOLE_ROLES));
  });
});
