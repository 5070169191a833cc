import type { Metadata } from 'next';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { Link } from '~/app/_components/link';
import { hasRole, inductionAbStaff } from '~/server/access/role-groups';
import { DataTable } from '~/app/_components/data-table';
import {
  checkpointStatusLabels,
  checkpointTitle,
  fteLabel,
  inductionStatusLabels,
  judgementLabels,
  appealResultLabels,
  outcomeLabels,
  termsLabel,
} from '~/server/induction/induction-labels';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { OverdueCheckpoints } from '../overdue-checkpoints';
import { formatPence } from '~/server/catalogue/money';
import { longDate, shortDate } from '~/server/format/dates';
import { countOf } from '~/server/format/plural';
import {
  AbsenceForm,
  AppealForm,
  AppealResultForm,
  BookProgrammeForm,
  CloseSupportPlanForm,
  CorrectTrnForm,
  EditEctForm,
  EditPeriodForm,
  OutcomeForm,
  RecommendationForm,
  ReductionForm,
  RepresentationsForm,
  ReviewCheckpointForm,
  SubmitCheckpointForm,
} from '../induction-forms';

export const metadata: Metadata = { title: 'ECT induction record' };

export default async function EctRecordPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string; ectId: string }>;
  searchParams: Promise<{ invited?: string }>;
}) {
  const { tenant, ectId } = await params;
  // Set by the registration form: how many of the people it named were invited to sign in.
  const invited = Number((await searchParams).invited ?? NaN);
  const { api, workspace } = await loadWorkspace(tenant);
  const mayBook = workspace.roles.some((r) => r === 'school_admin' || r === 'tenant_admin');
  const [record, programme] = await Promise.all([
    guard(api.induction.byId({ ectId })),
    mayBook ? guard(api.induction.programmeCourses({ ectId })) : null,
  ]);
  // The Appropriate Body's officers answer ECTs' subject access and erasure requests.
  const mayExport = hasRole(workspace.roles, inductionAbStaff);
  const { ect, decisions, registration } = record;
  const current = record.periods[record.periods.length - 1];
  return (
    <div>
      <p>
        <Link href={`/${tenant}/induction`} className="text-brand-dark underline">
          ECT induction
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{ect.name}</h1>
      {Number.isInteger(invited) && (
        <div role="status" className="mt-2 max-w-3xl space-y-2">
          <p className="rounded border-l-4 border-green-700 bg-green-50 p-3">
            {ect.name} is registered.{' '}
            {invited > 0
              ? `${countOf(invited, 'person', 'people')} named on the form (the induction tutor, mentor or ECT) did not have access yet and ${invited === 1 ? 'has' : 'have'} been emailed an invitation to sign in.`
              : 'The induction tutor, mentor and ECT named already had access.'}
          </p>
          {registration?.late && <LateRegistrationNotice registration={registration} ectName={ect.name} />}
        </div>
      )}
      {mayExport && (
        <p className="mt-1">
          <Link
            href={`/${tenant}/personal-data/person?kind=ect&id=${ect.id}`}
            className="text-brand-dark underline"
          >
            Personal data (export or erase)
          </Link>
        </p>
      )}
      {record.atRisk && (
        <p className="mt-2 inline-block rounded bg-red-100 px-2 py-1 font-semibold text-red-900">
          At risk: support plan open
        </p>
      )}
      <dl className="mt-4 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">TRN</dt>
        <dd>{ect.trn}</dd>
        <dt className="font-semibold">Status</dt>
        <dd>{inductionStatusLabels[ect.status]}</dd>
        <dt className="font-semibold">Started induction</dt>
        <dd>{longDate(ect.startsOn)}</dd>
        {registration && (
          <>
            <dt className="font-semibold">Registered</dt>
            <dd data-testid="registered-on">
              {longDate(registration.registeredOn)}
              {record.periods.length > 1 ? ` (the move to ${registration.schoolName})` : ''}
              {registration.late
                ? `: late, after the start there on ${longDate(registration.startsOn)}${registration.overdue.length > 0 ? `, with ${countOf(registration.overdue.length, 'review or assessment', 'reviews and assessments')} already overdue and not yet submitted` : ''}`
                : ''}
            </dd>
          </>
        )}
        <dt className="font-semibold">School now</dt>
        <dd>
          {current?.schoolName} ({current ? fteLabel(current.fteHundredths) : ''} FTE)
        </dd>
        <dt className="font-semibold">Induction tutor</dt>
        <dd>{current?.tutorName}</dd>
        <dt className="font-semibold">Mentor</dt>
        <dd>{current?.mentorName}</dd>
        <dt className="font-semibold">Terms to serve</dt>
        <dd>
          {record.schedule.termsRequired.toFixed(1)}
          {ect.reductionTenths > 0
            ? ` (reduced by ${termsLabel(ect.reductionTenths)} for prior experience)`
            : ''}
          {ect.extensionTenths > 0 ? ` (extended by ${termsLabel(ect.extensionTenths)})` : ''}
        </dd>
        {ect.reductionTenths > 0 && (
          <>
            <dt className="font-semibold">Reason for reduction</dt>
            <dd data-testid="reduction-reason">{ect.reductionReason || '—'}</dd>
          </>
        )}
        <dt className="font-semibold">{ect.status === 'completed' ? 'Completed' : 'Expected end'}</dt>
        <dd>
          {ect.status === 'completed'
            ? longDate(record.outcomes[record.outcomes.length - 1]?.decidedOn ?? null)
            : longDate(record.schedule.completesOn)}
          {record.schedule.absenceExtensions.map((x) => (
            <span key={x.year}>
              {' '}
              — year {x.year} extended by {x.days} days of absence
            </span>
          ))}
        </dd>
        {ect.previousInduction && (
          <>
            <dt className="font-semibold">Previous induction</dt>
            <dd>
              {ect.previousInduction}
              {record.mayReduce && ect.reductionTenths === 0 && (
                <span className="mt-1 block text-slate-700" data-testid="previous-induction-not-counted">
                  Not counted in the terms to serve: to count terms served elsewhere, reduce induction by them
                  under “Reduce induction” below.
                </span>
              )}
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="periods" className="mt-8">
        <h2 id="periods" className="text-2xl font-semibold">
          Schools
        </h2>
        <DataTable
          className="mt-3"
          caption="Induction periods by school"
          hideCaption
          rows={record.periods}
          rowKey={(p) => p.id}
          columns={[
            { header: 'School', rowHeader: true, cell: (p) => p.schoolName },
            { header: 'From', cell: (p) => shortDate(p.startsOn) },
            { header: 'To', cell: (p) => (p.endsOn ? shortDate(p.endsOn) : 'Now') },
            { header: 'FTE', align: 'right', cell: (p) => fteLabel(p.fteHundredths) },
            { header: 'Induction tutor', cell: (p) => p.tutorName },
          ]}
        />
      </section>

      <section aria-labelledby="checkpoints" className="mt-8">
        <h2 id="checkpoints" className="text-2xl font-semibold">
          Progress reviews and assessments
        </h2>
        <ol className="mt-3 space-y-3">
          {record.checkpoints.map((c) => (
            <li
              key={c.id}
              className={`rounded-lg border bg-white p-4 ${c.overdue ? 'border-red-700' : 'border-slate-200'}`}
              data-testid="checkpoint"
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="text-lg font-semibold">{checkpointTitle(c)}</h3>
                <span className="rounded bg-slate-100 px-2 py-0.5 text-sm font-semibold">
                  {checkpointStatusLabels[c.status]}
                  {c.overdue ? ' — overdue' : ''}
                </span>
              </div>
              {c.overdueAtRegistration && (
                <p className="text-sm font-semibold text-red-800">
                  Already overdue when {c.schoolName} registered {ect.name}: the Appropriate Body sees it as
                  overdue.
                </p>
              )}
              <p className="text-sm text-slate-700">
                Due {longDate(c.dueOn)} at {c.schoolName}
                {c.periodEndsOn &&
                ect.status === 'in_progress' &&
                (c.status === 'due' || c.status === 'changes_requested')
                  ? `, which submits it for ${ect.name}’s time there (to ${longDate(c.periodEndsOn)})`
                  : ''}
              </p>
              {c.judgement && (
                <div className="mt-2">
                  <p>
                    <strong>{judgementLabels[c.judgement]}</strong>
                  </p>
                  <p className="whitespace-pre-line">{c.evidence}</p>
                </div>
              )}
              {c.abComment && (
                <p className="mt-2 rounded bg-amber-50 p-2">
                  <strong>Appropriate Body:</strong> {c.abComment}
                </p>
              )}
              {c.guidance && (
                <p className="mt-2 max-w-3xl" data-testid="checkpoint-guidance">
                  {c.guidance}
                </p>
              )}
              {c.maySubmit && <SubmitCheckpointForm checkpointId={c.id} title={checkpointTitle(c)} />}
              {c.submitsThis && !c.maySubmit && c.status === 'due' && c.opensOn > todayInLondon() && (
                <p className="mt-2 text-slate-700">
                  Not yet open: you can submit it from {longDate(c.opensOn)}.
                </p>
              )}
              {c.mayReview && <ReviewCheckpointForm checkpointId={c.id} />}
            </li>
          ))}
        </ol>
      </section>

      {record.supportPlans.length > 0 && (
        <section aria-labelledby="support" className="mt-8">
          <h2 id="support" className="text-2xl font-semibold">
            Support plan
          </h2>
          {record.supportPlans.map((p) => (
            <div key={p.id} className="mt-3 rounded-lg border border-slate-200 bg-white p-4">
              <p>
                <strong>{p.status === 'open' ? 'Open' : 'Closed'}</strong>: opened {longDate(p.createdAt)}
                {p.closedAt ? `, closed ${longDate(p.closedAt)}` : ''}, when the ECT was judged not on track;
                the school sets out its support in the review’s evidence.
              </p>
              {p.closingNote && <p className="mt-2">Closed by the Appropriate Body: {p.closingNote}</p>}
              {p.status === 'open' && record.mayCloseSupportPlan && (
                <CloseSupportPlanForm supportPlanId={p.id} />
              )}
              {p.status === 'open' && (
                <p className="mt-2">
                  {record.consultancy ? (
                    <>
                      The school has adviser time it has bought:{' '}
                      <Link href={`/${tenant}/adviser-time`} className="text-brand-dark underline">
                        ask for consultancy support
                      </Link>
                      .
                    </>
                  ) : (
                    'The school has no consultancy support bought from us for this; the Appropriate Body will agree the support with the school.'
                  )}
                </p>
              )}
            </div>
          ))}
        </section>
      )}

      <section aria-labelledby="absences" className="mt-8">
        <h2 id="absences" className="text-2xl font-semibold">
          Absences
        </h2>
        <DataTable
          className="mt-3"
          caption="Absences"
          hideCaption
          rows={record.absences}
          rowKey={(a) => a.id}
          empty="No absences recorded. 30 days or more in an induction year extend that year."
          columns={[
            { header: 'From', rowHeader: true, cell: (a) => shortDate(a.startsOn) },
            { header: 'Days', align: 'right', cell: (a) => a.days },
            { header: 'Reason', cell: (a) => a.reason },
          ]}
        />
        {record.mayRecordAbsence && <AbsenceForm ectId={ect.id} />}
      </section>

      <section aria-labelledby="outcome" className="mt-8">
        <h2 id="outcome" className="text-2xl font-semibold">
          Recommendation and outcome
        </h2>
        {decisions.recommendations.length === 0 && ect.status === 'in_progress' && (
          <p className="mt-2">
            The headteacher&rsquo;s recommendation is due by{' '}
            <strong>{longDate(decisions.deadlines.recommendationDue)}</strong>, 10 working days after
            induction is expected to end.
            {decisions.recommendationOpensOn && decisions.recommendationOpensOn > todayInLondon()
              ? ` It can be made from ${longDate(decisions.recommendationOpensOn)}, when the term of the final assessment begins.`
              : ''}
          </p>
        )}
        {decisions.recommendations.length > 0 && (
          <ul className="mt-2 space-y-2" data-testid="recommendations">
            {decisions.recommendations.map((r) => (
              <li key={r.id}>
                <strong>{outcomeLabels[r.recommendation]}</strong> recommended on {longDate(r.recommendedOn)}{' '}
                ({r.recordedBy}){r.note ? `: ${r.note}` : ''}
                {r.representationsOn ? (
                  <span className="block text-slate-700">
                    The ECT&rsquo;s representations of {longDate(r.representationsOn)}: {r.representations}
                  </span>
                ) : r.id === decisions.pendingRecommendationId ? (
                  <span className="block text-slate-700">
                    The ECT may make representations by {longDate(decisions.deadlines.representationsDue)}.
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {decisions.deadlines.decisionDue && (
          <p className="mt-2 font-semibold" data-testid="decision-due">
            The Appropriate Body decides by {longDate(decisions.deadlines.decisionDue)}.
          </p>
        )}
        {decisions.mayRecommend && (
          <div className="mt-4 max-w-3xl">
            <h3 className="text-lg font-semibold">Recommend the outcome</h3>
            <RecommendationForm ectId={ect.id} />
          </div>
        )}
        {decisions.mayMakeRepresentations && (
          <div className="mt-4 max-w-3xl">
            <h3 className="text-lg font-semibold">Representations on the recommendation</h3>
            <RepresentationsForm ectId={ect.id} />
          </div>
        )}

        <h3 className="mt-6 text-lg font-semibold">Decision</h3>
        {record.outcomes.length === 0 && <p className="mt-2">No outcome recorded yet.</p>}
        <ul className="mt-2 space-y-1">
          {record.outcomes.map((o) => (
            <li key={o.id}>
              <strong>{outcomeLabels[o.outcome]}</strong> on {longDate(o.decidedOn)},{' '}
              {termsLabel(o.termsServedTenths)} terms served
              {o.extensionTenths ? `, extended by ${termsLabel(o.extensionTenths)} terms` : ''} (recorded by{' '}
              {o.recordedBy}){o.note ? `: ${o.note}` : ''}
            </li>
          ))}
        </ul>
        {record.mayRecordOutcome && (
          <OutcomeForm ectId={ect.id} termsServed={record.schedule.termsRequired.toFixed(1)} />
        )}

        {(decisions.deadlines.appealBy || decisions.appeals.length > 0) && (
          <>
            <h3 className="mt-6 text-lg font-semibold">Appeal</h3>
            {decisions.deadlines.appealBy && !decisions.appeals.some((a) => a.result === 'pending') && (
              <p className="mt-2" data-testid="appeal-by">
                {ect.name} may appeal against this decision to the Teaching Regulation Agency by{' '}
                {longDate(decisions.deadlines.appealBy)}.
              </p>
            )}
            <ul className="mt-2 space-y-2">
              {decisions.appeals.map((a) => (
                <li key={a.id}>
                  Appeal lodged on {longDate(a.lodgedOn)}:{' '}
                  <strong>
                    {a.result === 'pending'
                      ? 'waiting for the Teaching Regulation Agency'
                      : `${appealResultLabels[a.result]} on ${longDate(a.resultOn)}`}
                  </strong>
                  {a.note ? ` (${a.note})` : ''}
                  <AppealEffect
                    appeal={a}
                    outcomes={record.outcomes}
                    completesOn={record.schedule.completesOn}
                  />
                  {a.result === 'pending' && decisions.mayDecideAppeal && (
                    <div className="max-w-3xl">
                      <AppealResultForm appealId={a.id} />
                    </div>
                  )}
                </li>
              ))}
            </ul>
            {decisions.mayRecordAppeal && (
              <div className="mt-2 max-w-3xl">
                <AppealForm ectId={ect.id} />
              </div>
            )}
          </>
        )}
      </section>

      {(record.mayEditDetails ||
        record.editablePeriodIds.length > 0 ||
        record.mayReduce ||
        record.mayCorrectTrn) && (
        <section aria-labelledby="corrections" className="mt-8 max-w-3xl">
          <h2 id="corrections" className="text-2xl font-semibold">
            Correct the record
          </h2>
          <p className="mt-1 text-slate-700">
            Changing a start date or the FTE recomputes the due dates of reviews not yet submitted.
          </p>
          <div className="mt-4 space-y-8">
            {record.mayReduce && (
              <ReductionForm
                ectId={ect.id}
                initial={{
                  reductionTerms: String(ect.reductionTenths / 10),
                  reason: ect.reductionReason,
                }}
              />
            )}
            {record.mayCorrectTrn && <CorrectTrnForm ectId={ect.id} trn={ect.trn} />}
            {record.mayEditDetails && (
              <EditEctForm
                ectId={ect.id}
                initial={{
                  name: ect.name,
                  email: ect.email,
                  dateOfBirth: ect.dateOfBirth ?? '',
                  previousInduction: ect.previousInduction,
                }}
              />
            )}
            {record.periods
              .filter((p) => record.editablePeriodIds.includes(p.id))
              .map((p) => (
                <EditPeriodForm
                  key={p.id}
                  periodId={p.id}
                  heading={`Induction period at ${p.schoolName}`}
                  initial={{
                    startsOn: p.startsOn,
                    fte: String(p.fteHundredths / 100),
                    tutorName: p.tutorName,
                    tutorEmail: p.tutorEmail,
                    mentorName: p.mentorName,
                    mentorEmail: p.mentorEmail,
                  }}
                />
              ))}
          </div>
        </section>
      )}

      <section aria-labelledby="programme" className="mt-8">
        <h2 id="programme" className="text-2xl font-semibold">
          Induction programme and training
        </h2>
        <DataTable
          className="mt-3"
          caption="Course bookings"
          hideCaption
          rows={record.bookings}
          rowKey={(b) => b.id}
          empty="No course places booked with this email address in this workspace."
          columns={[
            { header: 'Course', rowHeader: true, cell: (b) => b.courseTitle },
            { header: 'Starts', cell: (b) => shortDate(b.startsOn) },
            { header: 'Place', cell: (b) => (b.status === 'confirmed' ? 'Confirmed' : 'Awaiting approval') },
          ]}
        />
        {programme?.mayBook && (
          <div className="mt-6">
            <h3 className="text-xl font-semibold">Book the induction programme</h3>
            {programme.courses.length === 0 ? (
              <p className="mt-2">No induction programme is open for booking at the moment.</p>
            ) : (
              <ul className="mt-3 space-y-3">
                {programme.courses.map((c) => (
                  <li
                    key={c.id}
                    className="rounded-lg border border-slate-200 bg-white p-4"
                    data-testid="programme-course"
                  >
                    <h4 className="text-lg font-semibold">{c.title}</h4>
                    <p>
                      Starts {longDate(c.startsOn)}
                      {c.venue ? `, ${c.venue}` : ''}; {c.placesLeft} places left.
                    </p>
                    <p className="font-semibold" data-testid="programme-cost">
                      {c.cost === 'package'
                        ? 'Covered by your induction package (one place for each ECT you register)'
                        : c.cost === 'free'
                          ? 'Free'
                          : `${formatPence(c.pricePence)}, invoiced to the school (no induction package place left)`}
                    </p>
                    {c.booked ? (
                      <p className="mt-2">{ect.name} has a place on this course.</p>
                    ) : (
                      <BookProgrammeForm
                        ectId={ect.id}
                        courseId={c.id}
                        label={`Book ${ect.name} onto ${c.title}`}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>
    </div>
  );
}

/**
 * The confirmation's warning for a late registration: the start was before today, and which reviews and
 * assessments were already overdue (kept, shown to the Appropriate Body as overdue, to submit now).
 */
function LateRegistrationNotice({
  registration,
  ectName,
}: {
  registration: {
    schoolName: string;
    startsOn: string;
    registeredOn: string;
    overdue: readonly { title: string; dueOn: string }[];
  };
  ectName: string;
}) {
  const { overdue } = registration;
  return (
    <div className="rounded border-l-4 border-red-700 bg-red-50 p-3" data-testid="late-registration">
      <p className="font-semibold">
        This registration is late: {ectName} started at {registration.schoolName} on{' '}
        {longDate(registration.startsOn)}.
      </p>
      {overdue.length > 0 ? (
        <>
          <p className="mt-1">
            {overdue.length === 1
              ? `The ${overdue[0]?.title.toLowerCase()} was already overdue when you registered. It stays on the record and`
              : `These ${overdue.length} reviews and assessments were already overdue when you registered. They stay on the record and`}{' '}
            the Appropriate Body sees {overdue.length === 1 ? 'it' : 'them'} as overdue; the induction tutor
            or the headteacher can submit {overdue.length === 1 ? 'it' : 'them'} below straight away.
          </p>
          <OverdueCheckpoints overdue={overdue} />
        </>
      ) : (
        <p className="mt-1">Nothing was overdue yet. Next time, register an ECT before they start.</p>
      )}
    </div>
  );
}

/** What the Teaching Regulation Agency's result did to the record. */
function AppealEffect({
  appeal,
  outcomes,
  completesOn,
}: {
  appeal: { result: 'pending' | 'upheld' | 'dismissed' | 'varied'; resultOutcomeId: string | null };
  outcomes: readonly {
    id: string;
    decidedOn: string;
    extensionTenths: number | null;
    resumesOn: string | null;
  }[];
  completesOn: string;
}) {
  if (appeal.result === 'pending') return null;
  const outcome = outcomes.find((o) => o.id === appeal.resultOutcomeId);
  const text =
    appeal.result === 'dismissed'
      ? 'The decision appealed against stands.'
      : appeal.result === 'upheld'
        ? `The ECT is treated as having passed: a pass is recorded on ${longDate(outcome?.decidedOn)} and induction is complete.`
        : `Induction is extended by ${termsLabel(outcome?.extensionTenths ?? 0)} terms instead, resuming from ${longDate(outcome?.resumesOn ?? outcome?.decidedOn)}: the further reviews fall in the school terms starting from then; it is now expected to end on ${longDate(completesOn)}.`;
  return (
    <span className="block text-slate-700" data-testid="appeal-effect">
      {text}
    </span>
  );
}
