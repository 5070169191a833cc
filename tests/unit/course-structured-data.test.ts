import { describe, expect, it } from 'vitest';
import { courseStructuredData, scriptJson } from '~/app/_lib/course-structured-data';

const course = {
  title: 'Phonics for Year 1',
  description: 'Early reading.',
  format: 'twilight' as const,
  venue: 'Harrow Teachers’ Centre',
  startsOn: '2027-03-03',
  endsOn: '2027-03-10',
};

describe('a course page’s structured data', () => {
  it('gives the course’s mode, place and dates for search engines', () => {
    const data = courseStructuredData(course, { name: 'HSIP' }, 'https://stride.example/courses/hsip/1');
    expect(data).toMatchObject({
      '@type': 'Course',
      url: 'https://stride.example/courses/hsip/1',
      provider: { name: 'HSIP' },
      hasCourseInstance: {
        courseMode: 'onsite',
        location: 'Harrow Teachers’ Centre',
        startDate: '2027-03-03',
        endDate: '2027-03-10',
      },
    });
    const online = courseStructuredData({ ...course, format: 'online', venue: null }, { name: 'HSIP' }, 'u');
    expect(online.hasCourseInstance).toEqual({
      '@type': 'CourseInstance',
      courseMode: 'online',
      startDate: '2027-03-03',
      endDate: '2027-03-10',
    });
    expect(
      courseStructuredData({ ...course, format: 'hybrid' }, { name: 'HSIP' }, 'u').hasCourseInstance,
    ).toMatchObject({ courseMode: 'blended' });
  });

  it('cannot be closed early by a title or description that contains a closing script tag', () => {
    const text = scriptJson({ name: 'Safe </script><script>alert(1)</script>' });
    expect(text).not.toContain('</script>');
    expect(JSON.parse(text)).toEqual({ name: 'Safe </script><script>alert(1)</script>' });
  });
});
