import type { Metadata } from 'next';
import { evaluationQuestions } from '~/server/courses/evaluations';
import { longDate } from '~/server/format/dates';
import { EvaluationForm } from '../../../../../_components/course-evaluation-form';
import { SiteHeader } from '../../../../../_components/site-header';
import { formatCourseDates } from '../../../../../_lib/course-format';
import { guard, serverApi } from '../../../../../_lib/server-api';
import { sendPlaceEvaluation } from './actions';

export const metadata: Metadata = { title: 'Course evaluation', robots: { index: false } };
export const dynamic = 'force-dynamic';

/**
 * The evaluation from the delegate's own place page: the same form as the evaluation request's link, opened by
 * the place's link (courseCatalogue.place says whether it is due), so that link is never needed here.
 */
export default async function PlaceEvaluationPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string; token: string }>;
  searchParams: Promise<{ sent?: string }>;
}) {
  const { tenant, token } = await params;
  const { sent } = await searchParams;
  const api = await serverApi(null);
  const { booking, course, feedback } = await guard(api.courseCatalogue.place({ tenant, token }));
  const placeHref = `/courses/${tenant}/place/${token}`;
  return (
    <>
      <SiteHeader user={null} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <p>
          <a href={placeHref} className="underline">
            Back to your place
          </a>
        </p>
        <h1 className="mt-2 text-3xl font-bold">Evaluation: {course.title}</h1>
        <p className="mt-2 text-slate-700">
          {booking.delegateName} · {formatCourseDates(course.startsOn, course.endsOn)}
        </p>
        {feedback?.givenAt || sent ? (
          <p role="status" className="mt-6 rounded border-l-4 border-green-700 bg-green-50 p-4 font-semibold">
            Thank you: your evaluation has been received
            {feedback?.givenAt ? ` on ${longDate(feedback.givenAt)}` : ''}.
          </p>
        ) : feedback ? (
          <>
            <p className="mt-4">Rate each from 1 (poor) to 5 (excellent). It takes two minutes.</p>
            <EvaluationForm
              send={sendPlaceEvaluation.bind(null, tenant, token)}
              questions={evaluationQuestions}
            />
          </>
        ) : (
          <p className="mt-6">
            There is nothing to evaluate: feedback opens once the course has finished, for those who came.
          </p>
        )}
      </main>
    </>
  );
}
