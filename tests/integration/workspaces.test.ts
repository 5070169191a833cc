import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { anonymousCaller, callerFor, openTestDatabase } from './harness';

describe('workspaces', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('lists the seeded workspaces publicly', async () => {
    const list = await anonymousCaller(database.db).workspaces.list();
    // Other tests make workspaces of their own (tests/fixtures/factories.ts: slugs ending in a tag); the rest
    // are exactly the seeded ones.
    const madeByTests = /-[0-9a-z]{8,}$/;
    const seeded = list.map((w) => w.slug).filter((slug) => !madeByTests.test(slug));
    expect(seeded.sort()).toEqual(['barnet', 'bep', 'birmingham', 'harrow', 'hsip', 'nwlhub']);
    expect(list.find((w) => w.slug === 'barnet')?.name).toBe('Barnet Education and Learning Service');
  });

  it("lists a multi-workspace user's workspaces with their roles, and each opens for them", async () => {
    const sbm = await callerFor(database.db, 'sbm@whitchurch.sch.example', null);
    const mine = await sbm.workspaces.mine();
    expect(mine.map((w) => w.slug).sort()).toEqual(['barnet', 'hsip']);
    expect(mine.every((w) => w.roles.includes('school_admin'))).toBe(true);
    for (const w of mine) {
      const inside = await callerFor(database.db, 'sbm@whitchurch.sch.example', w.slug);
      const current = await inside.workspaces.current();
      expect(current.tenant.slug).toBe(w.slug);
      expect(current.mySchools.map((s) => s.name)).toEqual(['Whitchurch Primary School']);
    }
  });

  it('refuses the switcher to a signed-out visitor', async () => {
    await expect(anonymousCaller(database.db).workspaces.mine()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it("uses the tenant's own vocabulary", async () => {
    const barnet = await callerFor(database.db, 'head.si@barnet.example', 'barnet');
    expect((await barnet.workspaces.current()).tenant.settings.linkAdviserTitle).toBe(
      'Learning Network Inspector',
    );
    const birmingham = await callerFor(database.db, 'head.si@birmingham.example', 'birmingham');
    expect((await birmingham.workspaces.current()).tenant.settings.reviewMeetingCadenceDays).toBe(14);
  });
});
