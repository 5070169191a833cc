import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { dashboardPanels } from '~/server/workspaces/dashboard-panels';
import { roleLabelIn } from '~/server/workspaces/role-labels';
import { guard, loadWorkspace } from '../_lib/server-api';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { financeUsers, hasRole } from '~/server/access/role-groups';
import {
  CoursesAtAGlance,
  GettingStarted,
  InductionAttention,
  MoneyOwedPanel,
  MonitoringAttention,
  YourBoard,
} from './dashboard-panels';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, session, workspace } = await loadWorkspace(tenant);
  const panels = dashboardPanels(workspace.tenant, workspace.roles);
  const [figures, setup, monitoring, induction, courses, boards, places, owed] = await Promise.all([
    api.workspaces.figures(),
    panels.gettingStarted ? guard(api.workspaces.gettingStarted()) : null,
    panels.monitoring ? guard(api.register.needsAttention()) : null,
    panels.induction ? guard(api.induction.dashboard()) : null,
    panels.courses ? guard(api.courses.dashboard()) : null,
    panels.board ? guard(api.governance.mine()) : null,
    panels.myPlaces ? guard(api.courses.myPlaces({})) : null,
    panels.money ? guard(api.invoices.owed()) : null,
  ]);
  const today = todayInLondon();
  const number = new Intl.NumberFormat('en-GB');
  return (
    <div>
      <h1 className="text-3xl font-bold">Welcome, {session.name}</h1>
      <p className="mt-1 text-slate-700">
        {workspace.roles.map((r) => roleLabelIn(workspace.tenant.kind, r)).join('; ')}
      </p>

      {workspace.mySchools.length > 0 && (
        <section aria-labelledby="my-school" className="mt-6">
          <h2 id="my-school" className="text-2xl font-semibold">
            {workspace.mySchools.length === 1 ? 'Your school' : 'Your schools'}
          </h2>
          <ul className="mt-3 grid gap-4 sm:grid-cols-2">
            {workspace.mySchools.map((s) => (
              <li
                key={s.id}
                className="rounded-lg border border-slate-200 bg-white p-4"
                data-testid="my-school"
              >
                <h3 className="text-lg font-semibold">{s.name}</h3>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="font-semibold">URN</dt>
                  <dd>{s.urn}</dd>
                  <dt className="font-semibold">Type</dt>
                  <dd>{s.type}</dd>
                  <dt className="font-semibold">Phase</dt>
                  <dd>{s.phase}</dd>
                  <dt className="font-semibold">Pupils</dt>
                  <dd>{s.numberOfPupils === null ? 'Not known' : number.format(s.numberOfPupils)}</dd>
                  <dt className="font-semibold">Headteacher</dt>
                  <dd>{s.headteacherName ?? 'Not known'}</dd>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      )}

      {setup && setup.steps.some((step) => !step.done) && (
        <GettingStarted tenant={tenant} workspace={workspace.tenant} setup={setup} />
      )}

      {boards && (
        <YourBoard
          tenant={tenant}
          workspaceName={workspace.tenant.name}
          boards={boards}
          places={
            places && {
              upcoming: places.filter((p) => (p.startsOn ?? '') > today).length,
              awaitingEvaluation: places.filter((p) => p.evaluationDue).length,
            }
          }
        />
      )}
      {monitoring && <MonitoringAttention tenant={tenant} data={monitoring} />}
      {induction && <InductionAttention tenant={tenant} counts={induction.counts} />}
      {courses && <CoursesAtAGlance tenant={tenant} data={courses} today={today} />}
      {owed && (
        <MoneyOwedPanel tenant={tenant} owed={owed} ownSchool={!hasRole(workspace.roles, financeUsers)} />
      )}

      {figures && (
        <section aria-labelledby="figures" className="mt-8">
          <h2 id="figures" className="text-2xl font-semibold">
            At a glance
          </h2>
          <dl className="mt-3 grid gap-4 sm:grid-cols-3">
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <dt className="text-sm text-slate-700">Open schools</dt>
              <dd className="text-3xl font-bold">{number.format(figures.openSchools)}</dd>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <dt className="text-sm text-slate-700">People with access</dt>
              <dd className="text-3xl font-bold">{number.format(figures.memberships)}</dd>
            </div>
            <div className="rounded-lg border border-slate-200 bg-white p-4">
              <dt className="text-sm text-slate-700">Schools by phase</dt>
              <dd className="text-sm">
                {figures.byPhase.map((p) => `${p.phase}: ${p.n}`).join(' · ') || 'No schools yet'}
              </dd>
            </div>
          </dl>
        </section>
      )}

      <section aria-labelledby="sections" className="mt-8">
        <h2 id="sections" className="text-2xl font-semibold">
          What you can do here
        </h2>
        <ul className="mt-3 grid gap-4 sm:grid-cols-2">
          {workspace.sections.map((s) => (
            <li key={s.slug} className="rounded-lg border border-slate-200 bg-white p-4">
              <Link href={`/${tenant}/${s.slug}`} className="text-lg font-semibold text-brand-dark underline">
                {s.title}
              </Link>
              <p className="mt-1 text-sm text-slate-700">{s.summary}</p>
              {!s.built && <p className="mt-1 text-sm font-semibold text-amber-900">Not built yet</p>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
