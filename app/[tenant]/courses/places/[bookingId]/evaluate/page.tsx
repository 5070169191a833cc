import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { evaluationQuestions } from '~/server/courses/evaluations';
import { EvaluationForm } from '../../../../../_components/course-evaluation-form';
import { formatCourseDates } from '../../../../../_lib/course-format';
import { guard, loadWorkspace } from '../../../../../_lib/server-api';
import { sendMyEvaluation } from './actions';

export const metadata: Metadata = { title: 'Course evaluation' };

/** The evaluation for a signed-in delegate, from their list of places: the same form as the emailed link. */
export default async function MyEvaluationPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string; bookingId: string }>;
  searchParams: Promise<{ sent?: string }>;
}) {
  const { tenant, bookingId } = await params;
  const { sent } = await searchParams;
  const { api } = await loadWorkspace(tenant);
  const place = await guard(api.courses.place({ bookingId }));
  return (
    <div className="max-w-3xl">
      <p>
        <Link href={`/${tenant}/courses`} className="underline">
          Back to courses and bookings
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Evaluation: {place.courseTitle}</h1>
      <p className="mt-2 text-slate-700">
        {place.delegateName} · {formatCourseDates(place.startsOn, place.endsOn)}
      </p>
      {place.evaluatedAt || sent ? (
        <p role="status" className="mt-6 rounded border-l-4 border-green-700 bg-green-50 p-4 font-semibold">
          Thank you: your evaluation has been received.
        </p>
      ) : place.isDelegate && place.evaluationDue ? (
        <>
          <p className="mt-4">Rate each from 1 (poor) to 5 (excellent). It takes two minutes.</p>
          <EvaluationForm
            send={sendMyEvaluation.bind(null, tenant, bookingId)}
            questions={evaluationQuestions}
          />
        </>
      ) : (
        <p className="mt-6">
          {place.isDelegate
            ? 'There is nothing to evaluate yet: the course has not finished.'
            : 'Only the delegate can give their evaluation.'}
        </p>
      )}
    </div>
  );
}
