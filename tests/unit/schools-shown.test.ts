import { describe, expect, it } from 'vitest';
import {
  schoolsListFilter,
  schoolsShownCount,
  schoolsShownFrom,
  schoolsShownQuery,
} from '~/server/schools/schools-shown';

describe('which schools the Schools list shows', () => {
  it('starts with the open schools, and reads an unknown choice in the address as that', () => {
    expect(schoolsShownFrom(undefined)).toBe('open');
    expect(schoolsShownFrom('everything')).toBe('open');
    expect(schoolsShownFrom('closed')).toBe('closed');
    expect(schoolsShownFrom('all')).toBe('all');
  });

  it('asks the list for open schools, closed ones, or every school', () => {
    expect(schoolsListFilter('open')).toEqual({ open: true });
    expect(schoolsListFilter('closed')).toEqual({ status: 'closed' });
    expect(schoolsListFilter('all')).toEqual({});
  });

  it('says what the count counts', () => {
    expect(schoolsShownCount(12, 'open')).toBe('12 open schools');
    expect(schoolsShownCount(1, 'closed')).toBe('1 closed school');
    expect(schoolsShownCount(300, 'all')).toBe('300 schools');
  });

  it('carries the choice in an address, the default without one', () => {
    expect(schoolsShownQuery('open')).toBe('');
    expect(schoolsShownQuery('closed')).toBe('?show=closed');
    expect(schoolsShownQuery('all')).toBe('?show=all');
  });
});
