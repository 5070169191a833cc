import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { guard, loadWorkspace, serverApi } from '../../../../_lib/server-api';
import { formatCourseDates } from '../../../../_lib/course-format';
import { hasOwnName } from '~/server/format/person-name';
import { closedSchoolRefusal } from '~/server/schools/closed-school';
import { BookingForm } from './booking-form';

export const metadata: Metadata = { title: 'Book places' };

export default async function BookCoursePage({
  params,
}: {
  params: Promise<{ tenant: string; courseId: string }>;
}) {
  const { tenant, courseId } = await params;
  const { workspace, session } = await loadWorkspace(tenant);
  const api = await serverApi(null);
  const { course } = await guard(api.courseCatalogue.course({ tenant, id: courseId }));
  const school = workspace.mySchools[0];
  const namesDelegates = workspace.roles.includes('school_admin');
  // A closed school is booked onto nothing new: say so rather than offer a form the server refuses.
  const closed = school ? closedSchoolRefusal(school, 'booking') : null;
  return (
    <div>
      <p>
        <Link href={`/courses/${tenant}/${courseId}`} className="underline">
          Back to the course
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Book: {course.title}</h1>
      <p className="mt-2 text-slate-700">{formatCourseDates(course.startsOn, course.endsOn)}</p>
      {school && closed ? (
        <p className="mt-6" data-testid="school-closed">
          {closed}
        </p>
      ) : school ? (
        <div className="mt-6">
          <BookingForm
            courseId={courseId}
            schoolId={school.id}
            namesDelegates={namesDelegates}
            placesHref={`/${tenant}/courses`}
            me={{ name: hasOwnName(session) ? (session.name ?? '') : '', email: session.email }}
          />
        </div>
      ) : (
        <p className="mt-6">Places are booked by a school. Sign in with your school account to book.</p>
      )}
    </div>
  );
}
