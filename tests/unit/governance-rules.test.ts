import { describe, expect, it } from 'vitest';
import {
  boardCategoriesFor,
  boardKindOf,
  boardWarnings,
  defaultConstitution,
  isCurrent,
  membershipPeriod,
  multiBoardPeople,
  personKey,
  servedWithinYear,
  termEndFor,
  termEndsWithin,
  vacanciesOf,
} from '~/server/governance/board-rules';
import type { GovernorCategory } from '~/db/schema';

const board = (cats: GovernorCategory[]) => cats.map((category) => ({ category }));

describe('governing board rules', () => {
  it('the default constitution has seven places: head, two parents, one staff, one LA, two co-opted', () => {
    expect(defaultConstitution('Community school')).toEqual({
      headteacher: 1,
      parent: 2,
      staff: 1,
      la: 1,
      co_opted: 2,
    });
    expect(defaultConstitution('Voluntary controlled school').foundation).toBe(2);
    // Voluntary aided: foundation governors outnumber all the others by two.
    expect(defaultConstitution('Voluntary aided school').foundation).toBe(9);
  });

  it('an academy’s board follows the trust’s rules: its own categories, no LA governor, no LA vacancy', () => {
    expect(boardKindOf({ type: 'Academy converter' })).toBe('academy');
    expect(boardKindOf({ type: 'Free schools' })).toBe('academy');
    expect(boardKindOf({ type: 'Community special school' })).toBe('maintained');
    const places = defaultConstitution('Academy sponsor led');
    expect(places).toEqual({ headteacher: 1, local_governor: 2, parent: 2, staff: 1, co_opted: 1 });
    expect(places.la).toBeUndefined();
    expect(boardCategoriesFor('academy')).toEqual(
      expect.arrayContaining(['trustee', 'local_governor', 'parent', 'staff', 'co_opted']),
    );
    expect(boardCategoriesFor('academy')).not.toContain('la');
    expect(boardCategoriesFor('maintained')).not.toContain('trustee');
    // A stored constitution that still gives an academy an LA place counts no LA vacancy there.
    const v = vacanciesOf({ la: 1, parent: 2, trustee: 1 }, board(['parent']), 'academy');
    expect(v.rows.map((r) => r.category)).toEqual(['parent', 'trustee']);
    expect(v.total).toBe(2);
    expect(vacanciesOf({ la: 1, parent: 2 }, board(['parent']), 'maintained').total).toBe(2);
  });

  it('counts vacancies per category against current governors, ignoring the clerk and associate members', () => {
    const places = defaultConstitution('Community school');
    const v = vacanciesOf(
      places,
      board(['headteacher', 'parent', 'staff', 'co_opted', 'clerk', 'associate_member']),
    );
    expect(v.total).toBe(3);
    expect(v.rows.find((r) => r.category === 'parent')).toMatchObject({ places: 2, filled: 1, vacant: 1 });
    expect(v.rows.find((r) => r.category === 'la')).toMatchObject({ vacant: 1 });
    expect(
      vacanciesOf(places, board(['parent', 'parent', 'parent'])).rows.find((r) => r.category === 'parent')
        ?.vacant,
    ).toBe(0);
  });

  it('warns when the board breaks the rules for maintained schools', () => {
    const full = board(['headteacher', 'parent', 'parent', 'staff', 'la', 'co_opted', 'co_opted']);
    expect(boardWarnings(full)).toEqual([]);
    expect(boardWarnings(full.slice(0, 6))).toContain('The board has 6 governors; it needs at least 7.');
    expect(
      boardWarnings(board(['headteacher', 'parent', 'parent', 'staff', 'staff', 'la', 'co_opted'])),
    ).toEqual(
      expect.arrayContaining([
        'The board needs exactly one staff governor.',
        'Staff (with the headteacher) are more than one third of the board.',
      ]),
    );
  });

  it('a term of four years from 1 September 2022 ends on 31 August 2026; the 60-day window includes both ends', () => {
    expect(termEndFor('2022-09-01', 4)).toBe('2026-08-31');
    expect(termEndsWithin('2026-08-31', '2026-07-02')).toBe(true);
    expect(termEndsWithin('2026-08-31', '2026-07-01')).toBe(false);
    expect(termEndsWithin('2026-08-31', '2026-08-31')).toBe(true);
    expect(termEndsWithin('2026-08-31', '2026-09-01')).toBe(false);
    expect(termEndsWithin(null, '2026-08-01')).toBe(false);
  });

  it('current means appointed, not stepped down and in term; the published list keeps leavers for a year', () => {
    const m = {
      category: 'parent' as const,
      appointedOn: '2024-01-01',
      termEndsOn: '2027-12-31',
      steppedDownOn: null,
    };
    expect(isCurrent(m, '2026-01-01')).toBe(true);
    expect(isCurrent({ ...m, steppedDownOn: '2025-12-01' }, '2026-01-01')).toBe(false);
    expect(isCurrent({ ...m, termEndsOn: '2025-12-31' }, '2026-01-01')).toBe(false);
    expect(servedWithinYear({ ...m, steppedDownOn: '2025-03-01' }, '2026-01-01')).toBe(true);
    expect(servedWithinYear({ ...m, steppedDownOn: '2024-12-01' }, '2026-01-01')).toBe(false);
  });

  it('matches one person across boards by email, else by name without titles or punctuation', () => {
    expect(personKey({ name: 'Mrs. Ann O’Neill', email: '' })).toBe(
      personKey({ name: 'ann  o neill', email: '' }),
    );
    expect(personKey({ name: 'A', email: ' Ann@X.org ' })).toBe('email:ann@x.org');
    const groups = multiBoardPeople([
      { name: 'Ann Lee', email: 'ann@x.org', schoolId: 's1' },
      { name: 'Ann B. Lee', email: 'ANN@x.org', schoolId: 's2' },
      { name: 'Dr Raj Patel', email: '', schoolId: 's1' },
      { name: 'Raj Patel', email: '', schoolId: 's3' },
      { name: 'Sam Cole', email: 'sam@x.org', schoolId: 's1' },
      { name: 'Sam Cole', email: 'sam@y.org', schoolId: 's2' },
    ]);
    expect(groups.map((g) => g.map((x) => x.schoolId))).toEqual([
      ['s1', 's2'],
      ['s1', 's3'],
    ]);
  });
});

describe('a committee membership’s period', () => {
  const today = '2026-12-06';
  const member = {
    category: 'parent' as const,
    appointedOn: '2024-09-01',
    steppedDownOn: null,
    termEndsOn: '2028-08-31',
  };

  it('runs from when it was added (not before the appointment) and is current while open and on the board', () => {
    expect(membershipPeriod({ joinedOn: '2025-01-15', leftOn: null }, member, today)).toEqual({
      joinedOn: '2025-01-15',
      leftOn: null,
      current: true,
    });
    expect(membershipPeriod({ joinedOn: '2024-01-01', leftOn: null }, member, today).joinedOn).toBe(
      '2024-09-01',
    );
  });

  it('ends when they were taken off it, or left the board (stepped down, term over), whichever came first', () => {
    expect(membershipPeriod({ joinedOn: '2025-01-15', leftOn: '2026-03-01' }, member, today)).toEqual({
      joinedOn: '2025-01-15',
      leftOn: '2026-03-01',
      current: false,
    });
    const steppedDown = { ...member, steppedDownOn: '2026-02-01' };
    expect(membershipPeriod({ joinedOn: '2025-01-15', leftOn: null }, steppedDown, today)).toMatchObject({
      leftOn: '2026-02-01',
      current: false,
    });
    expect(
      membershipPeriod({ joinedOn: '2025-01-15', leftOn: '2026-03-01' }, steppedDown, today).leftOn,
    ).toBe('2026-02-01');
    const termOver = { ...member, termEndsOn: '2026-08-31' };
    expect(membershipPeriod({ joinedOn: '2025-01-15', leftOn: null }, termOver, today)).toMatchObject({
      leftOn: '2026-08-31',
      current: false,
    });
    // Stepping down at a date still to come leaves them on the committee until then.
    const leaving = { ...member, steppedDownOn: '2027-01-01' };
    expect(membershipPeriod({ joinedOn: '2025-01-15', leftOn: null }, leaving, today)).toMatchObject({
      leftOn: null,
      current: true,
    });
  });
});
