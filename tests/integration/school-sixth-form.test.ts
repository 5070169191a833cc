import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { schools } from '~/db/schema';
import {
  addMembership,
  callerAs,
  makeSchool,
  makeUser,
  makeWorkspaceWithEveryRole,
} from '../fixtures/factories';
import { openTestDatabase } from './harness';

describe('a school’s sixth form', () => {
  let database: Database;
  let ws: Awaited<ReturnType<typeof makeWorkspaceWithEveryRole>>;

  beforeAll(async () => {
    database = await openTestDatabase();
    ws = await makeWorkspaceWithEveryRole(database.db, ['statutory'], { kind: 'la' });
  });

  const as = async (role: 'la_officer' | 'adviser') => {
    const user = await makeUser(database.db);
    await addMembership(database.db, ws.tenant.id, user.id, role, null);
    return callerAs(database.db, user, ws.tenant.slug);
  };

  it('an officer sets it on the school’s page; the register reads the school’s current value', async () => {
    const school = await makeSchool(database.db, ws.tenant.id, {
      name: 'Canons High School',
      phase: 'Secondary',
    });
    await ws.caller.register.addSchool({ schoolId: school.id, reason: 'Opened this term in our area.' });
    const onRegister = async () =>
      (await ws.caller.register.list({ sort: 'name' })).rows.find((r) => r.schoolId === school.id)
        ?.hasSixthForm;
    expect(await onRegister()).toBe(false);

    // An LA officer (who edits the register) records it on the school's page.
    const officer = await as('la_officer');
    expect(await officer.schools.setSixthForm({ schoolId: school.id, hasSixthForm: true })).toEqual({
      id: school.id,
      hasSixthForm: true,
    });
    expect((await officer.schools.byId({ id: school.id })).officialSixthForm).toBe(true);
    expect(await onRegister()).toBe(true);
    expect((await ws.caller.register.school({ schoolId: school.id })).entry.hasSixthForm).toBe(true);

    // The school's value changes later (a GIAS import): the register follows it, not the copy made at join.
    await withTenant(database.db, ws.tenant.id, (tx) =>
      tx.update(schools).set({ officialSixthForm: false }).where(eq(schools.id, school.id)),
    );
    expect(await onRegister()).toBe(false);

    // Set on the register entry instead, it is the same value: the school's page shows it.
    await officer.register.updateMonitoring({
      schoolId: school.id,
      riskNotes: '',
      riseInvolvement: '',
      capacitySecure: null,
      hasSixthForm: true,
    });
    expect((await officer.schools.byId({ id: school.id })).officialSixthForm).toBe(true);
    expect(await onRegister()).toBe(true);
  });

  it('is the officers’ to set: an adviser cannot', async () => {
    const school = await makeSchool(database.db, ws.tenant.id, { phase: 'Secondary' });
    const adviser = await as('adviser');
    await expect(
      adviser.schools.setSixthForm({ schoolId: school.id, hasSixthForm: true }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await ws.caller.schools.byId({ id: school.id })).officialSixthForm).toBeNull();
  });
});
