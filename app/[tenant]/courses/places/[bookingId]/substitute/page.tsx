import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { formatCourseDates } from '../../../../../_lib/course-format';
import { guard, loadWorkspace } from '../../../../../_lib/server-api';
import { SubstituteForm } from './substitute-form';

export const metadata: Metadata = { title: 'Send a colleague instead' };

/** Passes a place to a colleague: the delegate themselves, or their school's headteacher/SBM. */
export default async function SubstitutePage({
  params,
}: {
  params: Promise<{ tenant: string; bookingId: string }>;
}) {
  const { tenant, bookingId } = await params;
  const { api } = await loadWorkspace(tenant);
  const place = await guard(api.courses.place({ bookingId }));
  return (
    <div className="max-w-2xl">
      <p>
        <Link href={`/${tenant}/courses`} className="underline">
          Back to courses and bookings
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Send a colleague instead</h1>
      <p className="mt-2 text-slate-700">
        {place.courseTitle} · {formatCourseDates(place.startsOn, place.endsOn)}
      </p>
      {place.mayPassOn ? (
        <>
          <p className="mt-4">
            The place stays booked for your school, with the same cost or entitlement: only the person
            changes. {place.isDelegate ? 'You' : place.delegateName} will be told that the place has passed
            on, and your colleague gets the confirmation with their own link and calendar invite.
          </p>
          <div className="mt-6">
            <SubstituteForm tenant={tenant} bookingId={bookingId} />
          </div>
        </>
      ) : (
        <p className="mt-4" role="status">
          This place can no longer be passed on: the course has started, or the place is not confirmed.
        </p>
      )}
    </div>
  );
}
