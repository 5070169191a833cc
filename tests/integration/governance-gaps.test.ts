import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import {
  addMembership,
  callerAs,
  makeSchool,
  makeTenant,
  makeUser,
  type MadeTenant,
  type MadeUser,
} from '../fixtures/factories';
import { openTestDatabase } from './harness';

/**
 * Gaps an LA starting governor services found, through the tRPC caller in a workspace of the test's own: an
 * academy's board follows the trust's rules, not the maintained-school constitution.
 */
describe('governance gaps', () => {
  let database: Database;
  let tenant: MadeTenant;
  let maintained: { id: string };
  let academy: { id: string };
  let officer: MadeUser;

  const as = (u: MadeUser) => callerAs(database.db, u, tenant.slug);
  const governor = (name: string, category: string, extra: Record<string, unknown> = {}) => ({
    name,
    category,
    appointedOn: '2024-09-01',
    ...extra,
  });

  beforeAll(async () => {
    database = await openTestDatabase();
    tenant = await makeTenant(database.db, { modules: ['governance', 'courses', 'traded'] });
    maintained = await makeSchool(database.db, tenant.id, { name: 'Elm Primary' });
    academy = await makeSchool(database.db, tenant.id, {
      name: 'Fir Academy',
      type: 'Academy converter',
      typeGroup: 'Academies',
    });
    officer = await makeUser(database.db, { name: 'Olu Officer' });
    await addMembership(database.db, tenant.id, officer.id, 'la_officer');
  });

  it('an academy’s board has the trust’s categories and no LA-governor vacancy; a maintained school keeps the 2012 rules', async () => {
    const keeper = as(officer).governance;
    const before = await keeper.board({ schoolId: academy.id });
    expect(before.kind).toBe('academy');
    expect(before.categories).toEqual(expect.arrayContaining(['trustee', 'local_governor']));
    expect(before.categories).not.toContain('la');
    expect(before.vacancies.rows.map((r) => r.category)).not.toContain('la');
    expect(before.vacancies.total).toBe(7);
    expect(before.warnings).toEqual([]);
    for (const p of [
      governor('Hana Head', 'headteacher'),
      governor('Lee Local', 'local_governor'),
      governor('Lou Local', 'local_governor', { office: 'chair' }),
      governor('Pia Parent', 'parent'),
    ])
      await keeper.addGovernor({ schoolId: academy.id, ...p } as never);
    await expect(
      keeper.addGovernor({ schoolId: academy.id, ...governor('Cllr Ann Authority', 'la') } as never),
    ).rejects.toThrow('An academy’s board has no LA governors');
    const after = await keeper.board({ schoolId: academy.id });
    expect(after.vacancies.total).toBe(3);
    expect(after.vacancies.rows.find((r) => r.category === 'local_governor')).toMatchObject({ vacant: 0 });
    // The trust's scheme sets the size: a board of trustees below the maintained minimum of seven is allowed.
    await keeper.setConstitution({ schoolId: academy.id, places: { trustee: 3, parent: 2 } });
    expect((await keeper.board({ schoolId: academy.id })).vacancies.total).toBe(4);
    await expect(
      keeper.setConstitution({ schoolId: academy.id, places: { la: 1, trustee: 3 } }),
    ).rejects.toThrow('An academy’s board has no LA governor places.');
    // The LA's overview counts no LA vacancy at the academy.
    const overview = await keeper.overview();
    const row = overview.boards.find((b) => b.schoolId === academy.id);
    expect(row?.vacancies.map((v) => v.category)).not.toContain('la');

    const school = await keeper.board({ schoolId: maintained.id });
    expect(school.kind).toBe('maintained');
    expect(school.vacancies.rows.find((r) => r.category === 'la')).toMatchObject({ places: 1, vacant: 1 });
    await expect(
      keeper.addGovernor({ schoolId: maintained.id, ...governor('Tom Trustee', 'trustee') } as never),
    ).rejects.toThrow('A maintained school’s board has no trustees.');
    await expect(
      keeper.setConstitution({ schoolId: maintained.id, places: { parent: 2, la: 1 } }),
    ).rejects.toThrow('A governing board has at least 7 governors; these places add up to 3.');
  });
});
