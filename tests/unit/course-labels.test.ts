import { describe, expect, it } from 'vitest';
import { courseWhere } from '~/server/courses/course-labels';

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
