import { describe, expect, it } from 'vitest';
import { filterRegister, type RegisterRow } from '~/server/monitoring/list-register';
import { defaultStatutorySettings as settings } from '~/server/monitoring/statutory-settings';
import { filterablePhases } from '~/server/schools/phases';

const row = (over: Partial<RegisterRow>): RegisterRow => ({
  schoolId: over.name ?? 'x',
  name: 'School',
  urn: 100000,
  type: 'Community school',
  typeGroup: 'Local authority maintained schools',
  phase: 'Primary',
  status: 'open',
  pupils: 200,
  governance: 'maintained',
  laCategory: '2',
  laCategoryLabel: '2 Good',
  causingConcern: false,
  capacitySecure: null,
  hasSixthForm: false,
  linkAdviserUserId: 'a1',
  linkAdviserName: 'Rachel',
  secondAdviserUserId: null,
  secondAdviserName: null,
  riskNotes: '',
  riseInvolvement: '',
  latestInspection: null,
  ofstedCategory: null,
  joinedOn: '2026-09-15',
  joinedReason: '',
  leftOn: null,
  leftReason: null,
  ...over,
});

const inspected = (inspectedOn: string) => ({
  inspectedOn,
  framework: 'legacy_overall' as const,
  overallGrade: 2,
  grades: {},
  safeguarding: null,
  categoryOfConcern: null,
  kind: 'graded',
});

const rows = [
  row({
    name: 'Beech',
    urn: 100002,
    laCategory: '3',
    causingConcern: true,
    pupils: 400,
    latestInspection: inspected('2024-03-01'),
  }),
  row({ name: 'Ash', urn: 100001, laCategory: '1', pupils: 100, latestInspection: inspected('2019-03-01') }),
  row({
    name: 'Cedar Academy',
    urn: 100003,
    governance: 'academy',
    phase: 'Secondary',
    linkAdviserUserId: 'a2',
    pupils: null,
  }),
];

describe('filtering and sorting the register', () => {
  it('filters by causing concern, governance, phase, adviser and search (name or URN)', () => {
    expect(
      filterRegister(rows, { causingConcern: 'yes', sort: 'name' }, settings).map((r) => r.name),
    ).toEqual(['Beech']);
    expect(filterRegister(rows, { causingConcern: 'no', sort: 'name' }, settings).map((r) => r.name)).toEqual(
      ['Ash', 'Cedar Academy'],
    );
    expect(filterRegister(rows, { governance: 'academy', sort: 'name' }, settings)).toHaveLength(1);
    expect(filterRegister(rows, { phase: 'Secondary', sort: 'name' }, settings)).toHaveLength(1);
    expect(filterRegister(rows, { linkAdviserUserId: 'a2', sort: 'name' }, settings)).toHaveLength(1);
    expect(filterRegister(rows, { search: 'cedar', sort: 'name' }, settings)).toHaveLength(1);
    expect(filterRegister(rows, { search: '100001', sort: 'name' }, settings).map((r) => r.name)).toEqual([
      'Ash',
    ]);
    expect(filterRegister(rows, { category: '3', sort: 'name' }, settings).map((r) => r.name)).toEqual([
      'Beech',
    ]);
  });

  it('sorts by name, category order from settings, newest inspection and pupils', () => {
    const names = (sort: 'name' | 'category' | 'inspected' | 'pupils') =>
      filterRegister(rows, { sort }, settings).map((r) => r.name);
    expect(names('name')).toEqual(['Ash', 'Beech', 'Cedar Academy']);
    expect(names('category')).toEqual(['Ash', 'Cedar Academy', 'Beech']);
    expect(names('inspected')).toEqual(['Beech', 'Ash', 'Cedar Academy']);
    expect(names('pupils')).toEqual(['Beech', 'Ash', 'Cedar Academy']);
  });
});

describe('filterablePhases', () => {
  it('offers the phases the schools have, in GIAS order, without "Not applicable" or a blank', () => {
    expect(
      filterablePhases(['Secondary', 'Not applicable', 'Primary', 'Nursery', '', 'Primary', 'All-through']),
    ).toEqual(['Nursery', 'Primary', 'Secondary', 'All-through']);
  });

  it('puts a phase GIAS adds later after the known ones, and offers nothing for schools with no phase', () => {
    expect(filterablePhases(['Secondary', 'Sixth form college', '16 plus'])).toEqual([
      'Secondary',
      '16 plus',
      'Sixth form college',
    ]);
    expect(filterablePhases(['Not applicable'])).toEqual([]);
  });
});
