import type { Metadata } from 'next';
import { evaluationQuestions } from '~/server/courses/evaluations';
import { SiteHeader } from '../../../../_components/site-header';
import { formatCourseDates } from '../../../../_lib/course-format';
import { guard, serverApi } from '../../../../_lib/server-api';
import { EvaluationForm } from '../../../../_components/course-evaluation-form';
import { sendEvaluation } from './actions';

export const metadata: Metadata = { title: 'Course evaluation', robots: { index: false } };
export const dynamic = 'force-dynamic';

/** The page behind the evaluation request email: a few ratings and a comment, answered once. */
export default async function EvaluatePage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string; token: string }>;
  searchParams: Promise<{ sent?: string }>;
}) {
  const { tenant, token } = await params;
  const { sent } = await searchParams;
  const api = await serverApi(null);
  const { course, delegateName, answered } = await guard(api.courseCatalogue.evaluation({ tenant, token }));
  return (
    <>
      <SiteHeader user={null} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-3xl font-bold">Evaluation: {course.title}</h1>
        <p className="mt-2 text-slate-700">
          {delegateName} · {formatCourseDates(course.startsOn, course.endsOn)}
        </p>
        {answered || sent ? (
          <p role="status" className="mt-6 rounded border-l-4 border-green-700 bg-green-50 p-4 font-semibold">
            Thank you: your evaluation has been received.
          </p>
        ) : (
          <>
            <p className="mt-4">Rate each from 1 (poor) to 5 (excellent). It takes two minutes.</p>
            <EvaluationForm send={sendEvaluation.bind(null, tenant, token)} questions={evaluationQuestions} />
          </>
        )}
      </main>
    </>
  );
}
