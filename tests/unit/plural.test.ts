import { describe, expect, it } from 'vitest';
import { countOf } from '~/server/format/plural';

describe('countOf', () => {
  it('is singular for one and plural otherwise, zero included', () => {
    expect(countOf(1, 'draft invoice')).toBe('1 draft invoice');
    expect(countOf(2, 'draft invoice')).toBe('2 draft invoices');
    expect(countOf(0, 'school')).toBe('0 schools');
  });
  it('takes an irregular plural', () => {
    expect(countOf(1, 'person', 'people')).toBe('1 person');
    expect(countOf(3, 'person', 'people')).toBe('3 people');
  });
});
