import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { redirect } from 'next/navigation';
import { DataTable } from '~/app/_components/data-table';
import { FilterForm, FilterInput, FilterSelect } from '~/app/_components/filter-form';
import {
  checkpointTitle,
  fteLabel,
  inductionStatusLabels,
  outcomeLabels,
} from '~/server/induction/induction-labels';
import { shortDate } from '~/server/format/dates';
import { RegistrationDecisionForms, WithdrawRegistrationForm } from './registration-forms';
import { guard, loadWorkspace } from '../../_lib/server-api';

export const metadata: Metadata = { title: 'ECT induction' };

const statuses = ['in_progress', 'completed', 'at_risk', 'overdue'] as const;
const statusFilterLabels = {
  in_progress: 'In progress',
  completed: 'Completed',
  at_risk: 'At risk',
  overdue: 'With an overdue review',
} as const;

export default async function InductionPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { tenant } = await params;
  const query = await searchParams;
  const { api, workspace } = await loadWorkspace(tenant);
  if (workspace.tenant.kind !== 'appropriate_body')
    return (
      <div>
        <h1 className="text-3xl font-bold">ECT induction</h1>
        <div className="mt-6 max-w-3xl rounded border-l-4 border-amber-600 bg-amber-50 p-4">
          <h2 className="font-semibold">{workspace.tenant.name} is not an Appropriate Body</h2>
          <p className="mt-1">
            Since September 2024 local authorities may not act as Appropriate Body for ECT induction; teaching
            school hubs do. Induction records, progress reviews and outcomes are kept in the Appropriate
            Body’s own workspace. Here, the induction module means selling ECT and mentor training: set it up
            in{' '}
            <Link href={`/${tenant}/courses`} className="font-semibold text-brand-dark underline">
              Courses
            </Link>{' '}
            (programme “ECT induction”).
          </p>
        </div>
      </div>
    );

  const roles = workspace.roles;
  const abStaff = roles.includes('tenant_admin') || roles.includes('adviser');
  const isSchool = roles.includes('school_admin') || roles.includes('school_staff');
  const status = statuses.find((s) => s === query.status);
  const schoolId = query.school || undefined;
  const search = query.q?.trim() || undefined;
  const [list, dashboard, registrations] = await Promise.all([
    guard(api.induction.list({ status, schoolId, search })),
    abStaff ? api.induction.dashboard() : null,
    abStaff || isSchool ? api.induction.registrations() : [],
  ]);
  // An ECT (and nobody else) goes straight to their own record.
  if (!abStaff && !isSchool && list.length === 1 && list[0]) redirect(`/${tenant}/induction/${list[0].id}`);
  const mayRegister = roles.includes('tenant_admin') || roles.includes('school_admin');

  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-3xl font-bold">ECT induction</h1>
        <div className="flex flex-wrap items-baseline gap-4">
          {roles.includes('tenant_admin') && (
            <Link href={`/${tenant}/induction/settings`} className="text-brand-dark underline">
              Induction settings (fee per ECT, registration check)
            </Link>
          )}
          {mayRegister && (
            <Link
              href={`/${tenant}/induction/register`}
              className="rounded bg-brand px-4 py-2 font-semibold text-white hover:bg-brand-dark"
            >
              Register an ECT
            </Link>
          )}
        </div>
      </div>
      <p className="mt-2 max-w-3xl text-slate-700">
        {abStaff
          ? `${workspace.tenant.name} is the Appropriate Body for these early career teachers. Check schools’ progress reviews and assessments, follow ECTs at risk, and record outcomes.`
          : !isSchool || roles.includes('school_admin')
            ? 'Your early career teachers registered with this Appropriate Body: their reviews and assessments, when each is due, and what the Appropriate Body said.'
            : 'Early career teachers at your school registered with this Appropriate Body. Each ECT’s induction tutor or the headteacher submits their reviews and assessments; open a record to see, for each, who submits it, by when, and what, if anything, is asked of you.'}
      </p>

      {query.sent && !abStaff && (
        <p role="status" className="mt-4 max-w-3xl rounded border-l-4 border-green-700 bg-green-50 p-4">
          Sent to {workspace.tenant.name} to check. The induction starts once the Appropriate Body accepts the
          registration; until then no reviews are scheduled and nothing is charged.
        </p>
      )}

      {registrations.length > 0 && (
        <section aria-labelledby="registrations-heading" id="registrations" className="mt-8">
          <h2 id="registrations-heading" className="text-2xl font-semibold">
            {abStaff ? 'Registrations to check' : 'Registrations with the Appropriate Body'}
          </h2>
          <p className="mt-1 max-w-3xl text-slate-700">
            {abStaff
              ? 'Schools’ registrations awaiting your acceptance. Check the TRN and QTS, that the school is one you serve, the start date and induction served elsewhere, then accept (the induction starts from the start date) or decline with the reason, which the school is emailed.'
              : 'Registrations awaiting the Appropriate Body’s check, and those it did not accept with its reason. Correct one while it waits, or correct a declined one and register again.'}
          </p>
          <DataTable
            className="mt-3"
            caption={abStaff ? 'Registrations to check' : 'Registrations with the Appropriate Body'}
            hideCaption
            rows={registrations}
            rowKey={(r) => r.id}
            empty="None."
            columns={[
              { header: 'ECT', rowHeader: true, cell: (r) => r.name },
              { header: 'School', cell: (r) => r.schoolName },
              { header: 'TRN', cell: (r) => r.trn },
              {
                header: 'Start date',
                cell: (r) => `${shortDate(r.startsOn)} (FTE ${fteLabel(r.fteHundredths)})`,
              },
              {
                header: 'Previous induction',
                cell: (r) => (
                  <>
                    {r.previousInduction || 'None given'}
                    {r.registeredSince && (
                      <span className="block text-sm font-semibold">
                        Already registered with us since {shortDate(r.registeredSince)}
                        {r.continueInduction ? ': continuing that induction' : ''}
                      </span>
                    )}
                  </>
                ),
              },
              { header: 'Sent', cell: (r) => shortDate(r.submittedOn) },
              {
                header: abStaff ? 'Decision' : 'Status',
                cell: (r) =>
                  abStaff ? (
                    <RegistrationDecisionForms tenant={tenant} registrationId={r.id} ectName={r.name} />
                  ) : r.status === 'rejected' ? (
                    <>
                      <strong className="text-red-800">Not accepted</strong>
                      <span className="block">{r.rejectionReason}</span>
                      {mayRegister && (
                        <Link
                          href={`/${tenant}/induction/register?from=${r.id}`}
                          className="mt-1 block text-brand-dark underline"
                        >
                          Correct and register {r.name} again
                        </Link>
                      )}
                    </>
                  ) : (
                    <>
                      <strong>Awaiting the Appropriate Body’s check</strong>
                      {mayRegister && (
                        <div className="mt-2 space-y-2">
                          <Link
                            href={`/${tenant}/induction/register?from=${r.id}`}
                            className="block text-brand-dark underline"
                          >
                            Correct {r.name}’s registration
                          </Link>
                          <WithdrawRegistrationForm registrationId={r.id} ectName={r.name} />
                        </div>
                      )}
                    </>
                  ),
              },
            ]}
          />
        </section>
      )}

      {dashboard && (
        <>
          <section aria-labelledby="counts" className="mt-6">
            <h2 id="counts" className="sr-only">
              Summary
            </h2>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
              {(
                [
                  ['In induction', dashboard.counts.inProgress],
                  ['At risk', dashboard.counts.atRisk],
                  ['Overdue reviews', dashboard.counts.overdue],
                  ['Awaiting your review', dashboard.counts.awaitingReview],
                  ['Outcomes due', dashboard.counts.outcomesDue],
                  ['Completed', dashboard.counts.completed],
                ] as const
              ).map(([label, n]) => (
                <div key={label} className="rounded-lg border border-slate-200 bg-white p-3">
                  <dt className="text-sm text-slate-700">{label}</dt>
                  <dd className="text-2xl font-bold">{n}</dd>
                </div>
              ))}
            </dl>
          </section>

          <section aria-labelledby="at-risk" className="mt-8">
            <h2 id="at-risk" className="text-2xl font-semibold">
              ECTs at risk
            </h2>
            <DataTable
              className="mt-3"
              caption="ECTs at risk"
              hideCaption
              rows={dashboard.atRisk}
              rowKey={(e) => e.id}
              empty="No ECT is at risk."
              columns={[
                {
                  header: 'ECT',
                  rowHeader: true,
                  cell: (e) => (
                    <Link href={`/${tenant}/induction/${e.id}`} className="text-brand-dark underline">
                      {e.name}
                    </Link>
                  ),
                },
                { header: 'School', cell: (e) => e.schoolName },
                { header: 'Next due', cell: (e) => shortDate(e.nextDueOn) },
                { header: 'Overdue', align: 'right', cell: (e) => e.overdue },
              ]}
            />
          </section>

          <section aria-labelledby="awaiting" className="mt-8">
            <h2 id="awaiting" className="text-2xl font-semibold">
              Submitted, awaiting your review
            </h2>
            <DataTable
              className="mt-3"
              caption="Reviews awaiting the Appropriate Body"
              hideCaption
              rows={dashboard.awaitingReview}
              rowKey={(c) => c.checkpointId}
              empty="Nothing waiting."
              columns={[
                {
                  header: 'ECT',
                  rowHeader: true,
                  cell: (c) => (
                    <Link href={`/${tenant}/induction/${c.ectId}`} className="text-brand-dark underline">
                      {c.ectName}
                    </Link>
                  ),
                },
                { header: 'School', cell: (c) => c.schoolName },
                { header: 'Review', cell: (c) => checkpointTitle(c) },
                { header: 'Submitted', cell: (c) => shortDate(c.submittedAt) },
                {
                  header: 'Judgement',
                  cell: (c) => (c.judgement === 'not_on_track' ? <strong>Not on track</strong> : 'On track'),
                },
              ]}
            />
          </section>

          <section aria-labelledby="overdue" className="mt-8">
            <h2 id="overdue" className="text-2xl font-semibold">
              Overdue reviews and assessments
            </h2>
            <DataTable
              className="mt-3"
              caption="Overdue reviews and assessments"
              hideCaption
              rows={dashboard.overdue}
              rowKey={(c) => c.checkpointId}
              empty="None overdue."
              columns={[
                {
                  header: 'ECT',
                  rowHeader: true,
                  cell: (c) => (
                    <Link href={`/${tenant}/induction/${c.ectId}`} className="text-brand-dark underline">
                      {c.ectName}
                    </Link>
                  ),
                },
                { header: 'School', cell: (c) => c.schoolName },
                { header: 'Review', cell: (c) => checkpointTitle(c) },
                {
                  header: 'Due',
                  cell: (c) =>
                    c.overdueAtRegistration ? (
                      <>
                        {shortDate(c.dueOn)}
                        <span className="block text-sm font-semibold text-red-800">
                          Already overdue when registered ({shortDate(c.registeredOn)})
                        </span>
                      </>
                    ) : (
                      shortDate(c.dueOn)
                    ),
                },
                {
                  header: 'Reminded',
                  cell: (c) =>
                    ['Not yet', 'Tutor', 'Headteacher', 'Appropriate Body'][c.escalationLevel] ?? '',
                },
              ]}
            />
          </section>

          <section aria-labelledby="outcomes" className="mt-8">
            <h2 id="outcomes" className="text-2xl font-semibold">
              Outcomes due
            </h2>
            <DataTable
              className="mt-3"
              caption="Inductions awaiting an outcome: recommended, or past their expected end"
              hideCaption
              rows={dashboard.outcomesDue}
              rowKey={(e) => e.id}
              empty="No outcome is due."
              columns={[
                {
                  header: 'ECT',
                  rowHeader: true,
                  cell: (e) => (
                    <Link href={`/${tenant}/induction/${e.id}`} className="text-brand-dark underline">
                      {e.name}
                    </Link>
                  ),
                },
                { header: 'School', cell: (e) => e.schoolName },
                { header: 'Expected end', cell: (e) => shortDate(e.completesOn) },
                {
                  header: 'Recommendation',
                  cell: (e) =>
                    e.recommendation
                      ? `${outcomeLabels[e.recommendation]}, ${shortDate(e.recommendedOn)}`
                      : 'Not yet received',
                },
                { header: 'Decide by', cell: (e) => shortDate(e.decisionDue) },
              ]}
            />
            <p className="mt-4 max-w-3xl">
              Outcomes recorded here, as CSV to enter in DfE’s “Record inductions as an appropriate body”
              service: every one, or those decided between two dates.
            </p>
            <FilterForm
              label="Download outcomes"
              submit="Download outcomes (CSV)"
              action={`/${tenant}/induction/export`}
            >
              <FilterInput type="date" name="from" label="Decided from (optional)" width="w-48" />
              <FilterInput type="date" name="to" label="Decided up to (optional)" width="w-48" />
            </FilterForm>
          </section>
        </>
      )}

      <section aria-labelledby="ects" className="mt-8">
        <h2 id="ects" className="text-2xl font-semibold">
          Early career teachers
        </h2>
        <FilterForm label="Filter ECTs" submit="Show" clearHref={`/${tenant}/induction`}>
          <FilterInput name="q" label="Name or TRN" defaultValue={search ?? ''} width="w-56" />
          <FilterSelect
            name="status"
            label="Show"
            defaultValue={status ?? ''}
            placeholder="Everyone"
            options={statuses.map((s) => ({ value: s, label: statusFilterLabels[s] }))}
          />
          {workspace.mySchools.length > 1 && (
            <FilterSelect
              name="school"
              label="School"
              defaultValue={schoolId ?? ''}
              placeholder="All your schools"
              options={workspace.mySchools.map((s) => ({ value: s.id, label: s.name }))}
            />
          )}
        </FilterForm>
        <DataTable
          className="mt-4"
          caption="Early career teachers"
          hideCaption
          rows={list}
          rowKey={(e) => e.id}
          empty={
            status || schoolId || search ? (
              'No early career teachers match.'
            ) : abStaff ? (
              <>
                No ECTs are registered yet. Schools register their ECTs here once their headteachers have been
                invited
                {roles.includes('tenant_admin') ? (
                  <>
                    {' '}
                    (
                    <Link href={`/${tenant}/members`} className="text-brand-dark underline">
                      People and roles
                    </Link>
                    ); you can also register one for a school with “Register an ECT”.
                  </>
                ) : (
                  ' by your manager.'
                )}
              </>
            ) : mayRegister ? (
              'No ECTs are registered yet. Register each ECT with the Appropriate Body before they start: “Register an ECT”.'
            ) : (
              'No ECTs at your school are registered with this Appropriate Body yet. Your headteacher registers them.'
            )
          }
          columns={[
            {
              header: 'ECT',
              rowHeader: true,
              cell: (e) => (
                <Link href={`/${tenant}/induction/${e.id}`} className="text-brand-dark underline">
                  {e.name}
                </Link>
              ),
            },
            { header: 'TRN', cell: (e) => e.trn },
            { header: 'School', cell: (e) => e.schoolName },
            { header: 'FTE', align: 'right', cell: (e) => fteLabel(e.fteHundredths) },
            { header: 'Started', cell: (e) => shortDate(e.startsOn) },
            {
              header: 'Status',
              cell: (e) =>
                e.status === 'in_progress' && e.atRisk ? (
                  <strong className="text-red-800">At risk</strong>
                ) : (
                  inductionStatusLabels[e.status]
                ),
            },
            {
              header: 'Next due',
              cell: (e) =>
                e.status === 'completed'
                  ? '—'
                  : `${shortDate(e.nextDueOn)}${e.overdue > 0 ? ` (${e.overdue} overdue)` : ''}`,
            },
          ]}
        />
      </section>
    </div>
  );
}
