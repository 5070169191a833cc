import { describe, expect, it } from 'vitest';
import { courseDates, coursePlaceLine } from '~/server/invoicing/course-place-line';

describe('a course place’s invoice line', () => {
  it('writes one date, or the first and last', () => {
    expect(courseDates('2027-03-04', '2027-03-04')).toBe('4 March 2027');
    expect(courseDates('2027-03-04', null)).toBe('4 March 2027');
    expect(courseDates('2027-12-09', '2028-01-13')).toBe('9 December 2027 – 13 January 2028');
  });

  it('puts the dates beside the course’s title', () => {
    const course = { title: 'Phonics', startsOn: '2027-03-04', endsOn: '2027-03-18' };
    expect(coursePlaceLine('Phonics: place for Ann Smith', course)).toBe(
      'Phonics (4 March 2027 – 18 March 2027): place for Ann Smith',
    );
    expect(coursePlaceLine('Phonics: late cancellation (50%) for Ann Smith', course)).toBe(
      'Phonics (4 March 2027 – 18 March 2027): late cancellation (50%) for Ann Smith',
    );
  });

  it('adds them at the end when the words do not start with the title, and leaves a course with no dates', () => {
    expect(
      coursePlaceLine('Renamed: place', { title: 'Phonics', startsOn: '2027-03-04', endsOn: null }),
    ).toBe('Renamed: place (4 March 2027)');
    expect(coursePlaceLine('Phonics: place', { title: 'Phonics', startsOn: null, endsOn: null })).toBe(
      'Phonics: place',
    );
  });
});
