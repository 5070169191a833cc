import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { notFound } from 'next/navigation';
import {
  categoryOfConcernLabels,
  describeInspection,
  frameworkLabels,
  summariseInspection,
} from '~/server/monitoring/ofsted-results';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import {
  AdvisersForm,
  CategoryForm,
  InspectionForm,
  MonitoringForm,
  RemoveFromRegisterForm,
  ReturnToRegisterForm,
} from './register-forms';
import { longDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'School on the register' };

const visitKinds = {
  school_effectiveness: 'School effectiveness visit',
  keeping_in_touch: 'Keeping-in-touch visit',
  concern_monitoring: 'Concern monitoring visit',
  additional: 'Additional visit',
} as const;

export default async function RegisterSchoolPage({
  params,
}: {
  params: Promise<{ tenant: string; schoolId: string }>;
}) {
  const { tenant, schoolId } = await params;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(schoolId)) notFound();
  const { api, workspace } = await loadWorkspace(tenant);
  const canWrite = workspace.roles.some((r) => r === 'tenant_admin' || r === 'la_officer');
  const [record, advisers] = await Promise.all([
    guard(api.register.school({ schoolId })),
    canWrite ? guard(api.register.advisers()) : [],
  ]);
  const { entry, requirements } = record;
  const onRegister = entry.leftOn === null;
  return (
    <div>
      <p>
        <Link href={`/${tenant}/register`} className="text-brand-dark underline">
          School register
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{entry.name}</h1>
      {!onRegister && (
        <p className="mt-3 rounded border-l-4 border-slate-700 bg-slate-100 p-3" data-testid="left-register">
          Not on the active register since {longDate(entry.leftOn)}: {entry.leftReason}
        </p>
      )}
      {onRegister && record.visitRule.capacityToAssess && (
        <p
          className="mt-3 rounded border-l-4 border-amber-700 bg-amber-50 p-3"
          data-testid="capacity-to-assess"
        >
          <strong>Capacity to improve not yet assessed.</strong> The plan visits this school about fortnightly
          until it is recorded below, under “Risk, RISE and capacity”.
        </p>
      )}
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 rounded-lg border border-slate-200 bg-white p-4">
        <dt className="font-semibold">URN</dt>
        <dd>{entry.urn}</dd>
        <dt className="font-semibold">Type</dt>
        <dd>
          {entry.type} ({entry.governance === 'academy' ? 'academy' : 'maintained'})
        </dd>
        <dt className="font-semibold">Phase</dt>
        <dd>
          {entry.phase}
          {entry.hasSixthForm ? ', with sixth form' : ''}
        </dd>
        <dt className="font-semibold">Pupils</dt>
        <dd>{entry.pupils?.toLocaleString('en-GB') ?? '—'}</dd>
        <dt className="font-semibold">LA category</dt>
        <dd data-testid="la-category">
          {entry.laCategoryLabel}
          {entry.causingConcern ? ' (causing concern)' : ''}
        </dd>
        <dt className="font-semibold">Capacity to improve</dt>
        <dd>
          {entry.capacitySecure === null ? 'Not judged' : entry.capacitySecure ? 'Secure' : 'Not secure'}
        </dd>
        <dt className="font-semibold">Visits a year</dt>
        <dd data-testid="visit-rule">
          {record.visitRule.count} ({record.visitRule.basis})
        </dd>
        <dt className="font-semibold">Latest Ofsted</dt>
        <dd>{entry.latestInspection ? summariseInspection(entry.latestInspection) : 'Not inspected'}</dd>
        <dt className="font-semibold">Ofsted category of concern</dt>
        <dd data-testid="ofsted-category">
          {requirements.latestOfstedCategory
            ? categoryOfConcernLabels[requirements.latestOfstedCategory]
            : 'None'}
        </dd>
        <dt className="font-semibold">Statement of Action</dt>
        <dd data-testid="statement-of-action">
          {requirements.statementOfActionBecause
            ? `Required: ${requirements.statementOfActionBecause}`
            : 'Not required'}
        </dd>
        <dt className="font-semibold">Intervention powers</dt>
        <dd data-testid="intervention-eligibility">
          {requirements.intervention.eligible ? 'Eligible. ' : 'Not eligible. '}
          {requirements.intervention.reason}
        </dd>
        <dt className="font-semibold">On the register</dt>
        <dd>
          {entry.joinedOn ? `Since ${longDate(entry.joinedOn)}` : 'Yes'}
          {entry.joinedReason ? ` (${entry.joinedReason})` : ''}
        </dd>
        <dt className="font-semibold">{record.linkAdviserTitle}</dt>
        <dd>{entry.linkAdviserName ?? 'None'}</dd>
        <dt className="font-semibold">Second adviser</dt>
        <dd>{entry.secondAdviserName ?? 'None'}</dd>
        <dt className="font-semibold">Risk notes</dt>
        <dd className="whitespace-pre-line">{entry.riskNotes || 'None recorded'}</dd>
        <dt className="font-semibold">RISE involvement</dt>
        <dd className="whitespace-pre-line">{entry.riseInvolvement || 'None recorded'}</dd>
      </dl>

      <section aria-labelledby="ofsted" className="mt-8">
        <h2 id="ofsted" className="text-2xl font-semibold">
          Ofsted history
        </h2>
        {record.inspections.length === 0 ? (
          <p className="mt-2">No inspections recorded.</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {record.inspections.map((i) => (
              <li key={i.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="font-semibold">
                  {longDate(i.inspectedOn)} —{' '}
                  {i.kind === 'graded' ? frameworkLabels[i.framework] : 'Ungraded inspection'}
                </h3>
                <p className="text-sm text-slate-700">
                  {i.publishedOn
                    ? `Report published ${longDate(i.publishedOn)}`
                    : 'Publication date not recorded'}
                </p>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  {describeInspection(i).map((line) => (
                    <div key={line.label} className="contents">
                      <dt className="font-semibold">{line.label}</dt>
                      <dd>{line.value}</dd>
                    </div>
                  ))}
                </dl>
                {i.notes && <p className="mt-2 text-sm">{i.notes}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="categories" className="mt-8">
        <h2 id="categories" className="text-2xl font-semibold">
          LA category history
        </h2>
        {record.categoryHistory.length === 0 && (
          <p className="mt-2">
            {entry.laCategory === null
              ? `Not categorised yet${canWrite && onRegister ? ': choose its category under “Change LA category” below.' : '.'}`
              : 'No change recorded since it joined the register.'}
          </p>
        )}
        <ul className="mt-3 space-y-2" data-testid="category-history">
          {record.categoryHistory.map((c) => (
            <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-3">
              <p className="font-semibold">
                {longDate(c.changedOn)}: {c.fromCategory ? `${c.fromLabel} → ` : ''}
                {c.toLabel}
              </p>
              <p className="text-sm">{c.rationale}</p>
              {c.changedByName && <p className="text-sm text-slate-700">By {c.changedByName}</p>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="visits" className="mt-8">
        <h2 id="visits" className="text-2xl font-semibold">
          Planned visits
        </h2>
        {record.visits.length === 0 ? (
          <p className="mt-2">
            No visits planned.{' '}
            {record.visitRule.count === 0
              ? `${record.visitRule.basis}.`
              : 'Generating this year’s plan on Visits plans them; or add a visit there.'}
          </p>
        ) : (
          <ul className="mt-3 list-disc space-y-1 pl-6">
            {record.visits.map((v) => (
              <li key={v.id}>
                {visitKinds[v.kind]}
                {v.reason ? ` (${v.reason})` : ''}, due by {longDate(v.dueBy)}: {v.status}
                {v.completedOn ? ` on ${longDate(v.completedOn)}` : ''}
                {v.adviserName ? `, ${v.adviserName}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>

      {canWrite && !onRegister && <ReturnToRegisterForm schoolId={entry.schoolId} />}
      {canWrite && onRegister && (
        <>
          <CategoryForm
            schoolId={entry.schoolId}
            current={entry.laCategory}
            capacitySecure={entry.capacitySecure}
            academy={entry.governance === 'academy'}
            categories={record.categories.map((c) => ({
              key: c.key,
              label: c.label,
              visitsPerYearCapacityNotSecure: c.visitsPerYearCapacityNotSecure,
            }))}
          />
          <AdvisersForm
            tenant={tenant}
            isManager={workspace.roles.includes('tenant_admin')}
            schoolId={entry.schoolId}
            linkAdviserTitle={record.linkAdviserTitle}
            linkAdviserUserId={entry.linkAdviserUserId}
            secondAdviserUserId={entry.secondAdviserUserId}
            advisers={advisers.map((a) => ({ userId: a.userId, name: a.name }))}
          />
          <MonitoringForm
            schoolId={entry.schoolId}
            initial={{
              riskNotes: entry.riskNotes,
              riseInvolvement: entry.riseInvolvement,
              capacitySecure: entry.capacitySecure,
              hasSixthForm: entry.hasSixthForm,
            }}
          />
          <InspectionForm schoolId={entry.schoolId} />
          <RemoveFromRegisterForm schoolId={entry.schoolId} />
        </>
      )}
    </div>
  );
}
