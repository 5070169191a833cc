import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { priceNamesOf } from '~/server/catalogue/price-names';
import { programmesFor } from '~/server/courses/course-labels';
import { guard, loadWorkspace } from '../../../../_lib/server-api';
import { CourseForm, type CourseFormValues } from '../../course-form';

export const metadata: Metadata = { title: 'Edit course' };

const pounds = (pence: number) => (pence / 100).toFixed(2);

export default async function EditCoursePage({
  params,
}: {
  params: Promise<{ tenant: string; courseId: string }>;
}) {
  const { tenant, courseId } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  const { course, sessions, counts } = await guard(api.courses.byId({ id: courseId }));
  const initial: CourseFormValues = {
    programme: course.programme,
    title: course.title,
    description: course.description,
    audiences: course.audiences,
    phase: course.phase,
    subject: course.subject,
    keyStage: course.keyStage,
    format: course.format,
    venue: course.venue,
    joiningLink: course.joiningLink,
    facilitators: course.facilitators.map((f) => f.name).join('\n'),
    capacity: String(course.capacity),
    bookingDeadline: course.bookingDeadline ?? '',
    minimumNumbers: String(course.minimumNumbers),
    goNoGoOn: course.goNoGoOn ?? '',
    memberPrice: pounds(course.memberPricePence),
    nonMemberPrice: pounds(course.nonMemberPricePence),
    outOfAreaPrice: pounds(course.outOfAreaPricePence),
    vatRatePercent: String(course.vatRateBasisPoints / 100),
    entitlementUnit: course.entitlementUnit ?? '',
    entitlementCategory: course.entitlementCategory,
    freeUntilWorkingDays: String(course.cancellationTerms.freeUntilWorkingDays),
    holdHours: String(course.holdHours),
    lateCancellationPercent: String(course.cancellationTerms.lateCancellationPercent),
    noShowPercent: String(course.cancellationTerms.noShowPercent),
    staffBookingNeedsApproval: course.staffBookingNeedsApproval,
    statutoryFreeForGovernors: course.statutoryFreeForGovernors,
    sessions: sessions.map((s) => ({
      title: s.title,
      kind: s.kind,
      on: s.on,
      startTime: s.startTime.slice(0, 5),
      endTime: s.endTime.slice(0, 5),
      required: s.required,
    })),
  };
  return (
    <div>
      <p>
        <Link href={`/${tenant}/courses/${courseId}`} className="underline">
          Back to {course.title}
        </Link>
      </p>
      <h1 className="mt-2 mb-6 text-3xl font-bold">Edit {course.title}</h1>
      <p className="mb-6">
        If you change a published course’s dates or times, every booked delegate is told.
      </p>
      <CourseForm
        tenant={tenant}
        names={priceNamesOf(workspace.tenant.settings)}
        programmes={programmesFor(workspace.tenant.modules, course.programme)}
        vat={await api.courses.vatDefault()}
        statutoryGovernorTraining={
          workspace.tenant.modules.includes('governance') || course.statutoryFreeForGovernors
        }
        courseId={courseId}
        initial={initial}
        waiting={course.status === 'published' ? counts.waiting : 0}
      />
    </div>
  );
}
