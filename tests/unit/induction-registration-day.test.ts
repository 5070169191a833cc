import { describe, expect, it } from 'vitest';
import { registrationDay } from '~/server/induction/register-ect';

const abManager = { roles: ['tenant_admin'] as const };
const head = { roles: ['school_admin'] as const };
const today = '2026-12-05';

describe('the day of an ECT’s registration', () => {
  it('is today when none is given, or today is given', () => {
    expect(registrationDay(head, undefined, today)).toBe(today);
    expect(registrationDay(head, today, today)).toBe(today);
    expect(registrationDay(abManager, undefined, today)).toBe(today);
  });

  it('may be earlier when the Appropriate Body enters a registration made late', () => {
    expect(registrationDay(abManager, '2026-10-01', today)).toBe('2026-10-01');
  });

  it('is never earlier for a school, nor in the future for anyone', () => {
    expect(() => registrationDay(head, '2026-10-01', today)).toThrow(
      'Only the Appropriate Body can enter an earlier date of registration.',
    );
    expect(() => registrationDay(abManager, '2026-12-06', today)).toThrow(
      'The date of registration cannot be in the future.',
    );
  });
});
