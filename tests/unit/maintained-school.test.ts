import { describe, expect, it } from 'vitest';
import { isMaintainedSchool, maintainedEstablishmentTypes } from '~/server/schools/maintained';

describe('isMaintainedSchool (GIAS establishment type)', () => {
  it('counts every LA-maintained type, the special schools among them', () => {
    for (const type of maintainedEstablishmentTypes) expect(isMaintainedSchool({ type })).toBe(true);
    expect(isMaintainedSchool({ type: 'Community special school' })).toBe(true);
    expect(isMaintainedSchool({ type: 'foundation special school ' })).toBe(true);
  });

  it('does not count academies, free schools, non-maintained special or independent schools', () => {
    for (const type of [
      'Academy converter',
      'Academy sponsor led',
      'Academy special converter',
      'Free schools',
      'Free schools special',
      'Non-maintained special school',
      'Other independent school',
      'Other independent special school',
    ])
      expect(isMaintainedSchool({ type })).toBe(false);
  });
});
