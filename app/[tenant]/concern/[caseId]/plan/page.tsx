import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { meetingKindLabels, planKindLabels } from '~/server/casework/labels';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { guard, loadWorkspace } from '../../../../_lib/server-api';
import {
  AddItemForm,
  CompleteButton,
  CreatePlanForm,
  EditItemForm,
  MeetingForm,
  NextReviewForm,
  ProgressForm,
} from './plan-forms';
import { PlanItemCard, PlanSummaryList } from './plan-view';
import { longDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'Action plan' };

export default async function PlanPage({ params }: { params: Promise<{ tenant: string; caseId: string }> }) {
  const { tenant, caseId } = await params;
  const { api } = await loadWorkspace(tenant);
  const view = await guard(api.casework.plan({ caseId }));
  const full = view.view === 'full';
  const meetings = full ? await guard(api.casework.meetings({ caseId })) : [];
  const today = todayInLondon();
  const title = view.plan ? planKindLabels[view.plan.kind] : 'Action plan';
  return (
    <div>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/${tenant}/concern/${caseId}`} className="text-brand-dark underline">
          Back to the case
        </Link>
      </nav>
      <h1 className="mt-2 text-3xl font-bold">
        {title}: {view.case.schoolName}
      </h1>
      <p className="mt-1 text-slate-700">
        URN {view.case.urn}
        {view.case.designatedOn ? ` · causing concern since ${longDate(view.case.designatedOn)}` : ''}
      </p>
      {full && (
        <p className="mt-2">
          <Link href={`/${tenant}/concern/${caseId}/interventions`} className="text-brand-dark underline">
            Warning notices and intervention
          </Link>
        </p>
      )}

      {!view.plan ? (
        full && view.planNotStartableBecause ? (
          <p className="mt-4 rounded border-l-4 border-slate-600 bg-white p-4" data-testid="plan-waits">
            {view.planNotStartableBecause}{' '}
            <Link href={`/${tenant}/concern/meetings`} className="font-semibold text-brand-dark underline">
              Review meetings
            </Link>
          </p>
        ) : full ? (
          <CreatePlanForm caseId={caseId} required={view.statementRequiredBecause} />
        ) : (
          <p className="mt-4">There is no plan yet.</p>
        )
      ) : (
        <>
          <section aria-labelledby="summary" className="mt-6">
            <h2 id="summary" className="text-2xl font-semibold">
              {view.plan.title}
            </h2>
            <p className="mt-1">Next review: {longDate(view.plan.nextReviewOn)}</p>
            <PlanSummaryList summary={view.summary} />
            {full && <NextReviewForm planId={view.plan.id} current={view.plan.nextReviewOn} />}
          </section>
          <section aria-labelledby="actions" className="mt-8">
            <h2 id="actions" className="text-2xl font-semibold">
              Actions
            </h2>
            {view.items.length === 0 ? (
              <p className="mt-2">No actions yet.</p>
            ) : (
              <ul className="mt-3 space-y-4">
                {view.items.map((item) => (
                  <PlanItemCard
                    key={item.id}
                    item={item}
                    today={today}
                    actions={
                      full && !item.completedOn ? (
                        <>
                          <ProgressForm itemId={item.id} rag={item.rag} label={item.action} />
                          <CompleteButton itemId={item.id} today={today} />
                          <EditItemForm item={item} />
                        </>
                      ) : undefined
                    }
                  />
                ))}
              </ul>
            )}
            {full && <AddItemForm planId={view.plan.id} />}
          </section>
        </>
      )}

      {full && (
        <section aria-labelledby="meetings" className="mt-10">
          <h2 id="meetings" className="text-2xl font-semibold">
            Progress meetings
          </h2>
          <p className="mt-1 text-slate-700">
            Termly School Progress Review meetings and Monitoring and Challenge meetings with the Head of
            School Improvement.
          </p>
          {meetings.length === 0 ? (
            <p className="mt-2">No meetings recorded yet.</p>
          ) : (
            <ul className="mt-3 space-y-3">
              {meetings.map((m) => (
                <li
                  key={m.id}
                  className="rounded-lg border border-slate-200 bg-white p-4"
                  data-testid="scc-meeting"
                >
                  <h3 className="font-semibold">
                    {meetingKindLabels[m.kind]}, {longDate(m.heldOn)}
                  </h3>
                  <p className="mt-1 text-sm">
                    <strong>Attendees:</strong> {m.attendees}
                  </p>
                  <p className="mt-1 whitespace-pre-line">{m.notes}</p>
                  {m.recordedBy && <p className="mt-1 text-sm text-slate-700">Recorded by {m.recordedBy}</p>}
                </li>
              ))}
            </ul>
          )}
          <MeetingForm caseId={caseId} />
        </section>
      )}
    </div>
  );
}
