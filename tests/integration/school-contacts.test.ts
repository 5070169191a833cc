import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { callerFor, openTestDatabase } from './harness';

describe('school contacts', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('the manager and the school keep the contacts; others only read them', async () => {
    const head = await callerFor(database.db, 'head@brookvale.sch.example', 'bep');
    const school = (await head.workspaces.current()).mySchools[0];
    if (!school) throw new Error('no school');
    const manager = await callerFor(database.db, 'manager@bep.example', 'bep');
    const added = await manager.schools.addContact({
      schoolId: school.id,
      role: 'finance',
      name: 'Priya Raman',
      email: 'Finance@Brookvale.sch.example',
      phone: '0121 496 0000',
    });
    const ownAdd = await head.schools.addContact({ schoolId: school.id, role: 'bookings', name: 'Office' });
    const listed = await head.schools.contacts({ schoolId: school.id });
    expect(listed.map((c) => [c.role, c.name, c.email])).toEqual(
      expect.arrayContaining([
        ['finance', 'Priya Raman', 'finance@brookvale.sch.example'],
        ['bookings', 'Office', null],
      ]),
    );
    const finance = await callerFor(database.db, 'finance@bep.example', 'bep');
    expect((await finance.schools.contacts({ schoolId: school.id })).length).toBeGreaterThanOrEqual(2);
    await expect(
      finance.schools.addContact({ schoolId: school.id, role: 'finance', name: 'X' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await head.schools.removeContact({ id: ownAdd.id ?? '', schoolId: school.id });
    await expect(
      head.schools.removeContact({ id: ownAdd.id ?? '', schoolId: school.id }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(added.id).toBeDefined();
  });

  it('refuses a bad email address with a field message', async () => {
    const manager = await callerFor(database.db, 'manager@bep.example', 'bep');
    const schools = await manager.schools.list({});
    await expect(
      manager.schools.addContact({
        schoolId: schools[0]?.id ?? '',
        role: 'finance',
        name: 'Sam',
        email: 'not-an-email',
      }),
    ).rejects.toThrow(/email address/);
  });
});
