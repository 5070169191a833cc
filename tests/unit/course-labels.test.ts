import { describe, expect, it } from 'vitest';
import { courseWhere, programmesFor } from '~/server/courses/course-labels';

describe('where a course happens', () => {
  const course = { venue: 'Harrow Teachers’ Centre', joiningLink: 'https://meet.example/hsip' };

  it('gives the venue unless it runs online and the joining link unless it runs in person', () => {
    expect(courseWhere({ ...course, format: 'in_person' })).toEqual({
      venue: 'Harrow Teachers’ Centre',
      joiningLink: '',
    });
    expect(courseWhere({ ...course, format: 'online' })).toEqual({
      venue: '',
      joiningLink: 'https://meet.example/hsip',
    });
    expect(courseWhere({ ...course, format: 'hybrid' })).toEqual(course);
    expect(courseWhere({ ...course, format: 'twilight' })).toEqual(course);
    expect(courseWhere({ format: 'twilight', venue: 'Online only', joiningLink: '' })).toEqual({
      venue: 'Online only',
      joiningLink: '',
    });
  });
});

describe('the programmes a course form offers', () => {
  it('offers ECT induction with the induction module and governor training with governor services', () => {
    expect(programmesFor(['courses'])).toEqual(['cpd']);
    expect(programmesFor(['courses', 'induction'])).toEqual(['cpd', 'ect_induction']);
    expect(programmesFor(['courses', 'governance'])).toEqual(['cpd', 'governor_training']);
    expect(programmesFor(['courses', 'induction', 'governance'])).toEqual([
      'cpd',
      'ect_induction',
      'governor_training',
    ]);
  });

  it('keeps a course’s own programme on offer when its module has since been switched off', () => {
    expect(programmesFor(['courses'], 'governor_training')).toEqual(['cpd', 'governor_training']);
  });
});
