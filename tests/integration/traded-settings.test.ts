import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { addMembership, callerAs, makeUser, makeWorkspaceWithEveryRole } from '../fixtures/factories';
import { openTestDatabase } from './harness';

describe('traded settings: a workspace’s own price names', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('the manager names the two prices and the partial-cover rule; others cannot; bad names are refused', async () => {
    const ws = await makeWorkspaceWithEveryRole(database.db, ['traded', 'courses']);
    expect(await ws.caller.catalogue.settings()).toEqual({
      memberPriceName: 'Member',
      nonMemberPriceName: 'Non-member',
      partialCover: 'split',
    });
    await expect(
      ws.caller.catalogue.updateSettings({
        memberPriceName: 'Member',
        nonMemberPriceName: ' member ',
        partialCover: 'split',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('different names') });
    await expect(
      ws.caller.catalogue.updateSettings({
        memberPriceName: '',
        nonMemberPriceName: 'x',
        partialCover: 'split',
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const saved = await ws.caller.catalogue.updateSettings({
      memberPriceName: ' Buy-back ',
      nonMemberPriceName: 'Standard',
      partialCover: 'refuse',
    });
    expect(saved).toEqual({
      memberPriceName: 'Buy-back',
      nonMemberPriceName: 'Standard',
      partialCover: 'refuse',
    });
    // The workspace carries them: pages, forms and quotes read them from it.
    expect((await ws.caller.workspaces.current()).tenant.settings.traded).toMatchObject({
      partialCover: 'refuse',
      priceNames: { member: 'Buy-back', nonMember: 'Standard' },
    });

    const head = await makeUser(database.db);
    await addMembership(database.db, ws.tenant.id, head.id, 'school_admin', ws.school.id);
    const asHead = callerAs(database.db, head, ws.tenant.slug);
    await expect(asHead.catalogue.settings()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      asHead.catalogue.updateSettings({
        memberPriceName: 'A',
        nonMemberPriceName: 'B',
        partialCover: 'split',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
