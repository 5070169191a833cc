import type { Metadata } from 'next';
import { letterKindLabels, planKindLabels } from '~/server/casework/labels';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { PlanItemCard, PlanSummaryList } from '../concern/[caseId]/plan/plan-view';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { longDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'Our school improvement' };

/** The school's own view of support and intervention: letters from the LA and the action plan, read-only. */
export default async function SupportPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api } = await loadWorkspace(tenant);
  const mine = await guard(api.casework.mySupport());
  const today = todayInLondon();
  return (
    <div>
      <h1 className="text-3xl font-bold">Our school improvement</h1>
      <p className="mt-2 text-slate-700">
        Letters from the local authority to {mine.school.name} about support and intervention, and the
        school’s action plan agreed with the local authority.
      </p>

      <section aria-labelledby="letters" className="mt-8">
        <h2 id="letters" className="text-2xl font-semibold">
          Letters
        </h2>
        {mine.letters.length === 0 ? (
          <p className="mt-2">There are no letters.</p>
        ) : (
          <ul className="mt-3 space-y-2">
            {mine.letters.map((l) => (
              <li key={l.id}>
                <a
                  href={`/${tenant}/concern/letters/${l.id}/pdf`}
                  className="font-semibold text-brand-dark underline"
                >
                  {letterKindLabels[l.kind]}: {l.subject} (PDF)
                </a>{' '}
                <span className="text-slate-700">sent {longDate(l.issuedOn)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="plan" className="mt-8">
        <h2 id="plan" className="text-2xl font-semibold">
          {mine.plan ? planKindLabels[mine.plan.kind] : 'Action plan'}
        </h2>
        {!mine.plan ? (
          <p className="mt-2">Your school has no action plan with the local authority.</p>
        ) : (
          <>
            <p className="mt-1">
              {mine.plan.title}. Next review: {longDate(mine.plan.nextReviewOn)}. This is a read-only copy:
              your Lead Officer updates it with you.
            </p>
            <PlanSummaryList summary={mine.plan.summary} />
            <ul className="mt-4 space-y-4">
              {mine.plan.items.map((item) => (
                <PlanItemCard key={item.id} item={item} today={today} />
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
