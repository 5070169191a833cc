import type { formatLabels } from '~/server/courses/course-labels';

type CourseFormat = keyof typeof formatLabels;

type PublicCourse = {
  title: string;
  description: string;
  format: CourseFormat;
  venue: string | null;
  startsOn: string | null;
  endsOn: string | null;
};

// schema.org's course modes; a twilight is a short after-school session, held wherever its venue says.
const courseModes: Record<CourseFormat, (venue: string | null) => string> = {
  in_person: () => 'onsite',
  online: () => 'online',
  hybrid: () => 'blended',
  twilight: (venue) => (venue ? 'onsite' : 'online'),
};

/** The course page's schema.org description, so a search engine can show the course's dates and where it runs. */
export function courseStructuredData(course: PublicCourse, provider: { name: string }, url: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: course.title,
    description: course.description,
    url,
    provider: { '@type': 'Organization', name: provider.name },
    hasCourseInstance: {
      '@type': 'CourseInstance',
      courseMode: courseModes[course.format](course.venue),
      ...(course.venue ? { location: course.venue } : {}),
      ...(course.startsOn ? { startDate: course.startsOn } : {}),
      ...(course.endsOn ? { endDate: course.endsOn } : {}),
    },
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so a title cannot close the script early. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
