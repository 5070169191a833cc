import type { ReactNode } from 'react';
import { Link } from '~/app/_components/link';
import { academicYearLabel } from '~/server/catalogue/academic-year';
import { formatPence } from '~/server/catalogue/money';
import { noticeKindLabels, noticeStatusLabels } from '~/server/casework/labels';
import type { CoursesDashboard } from '~/server/courses/courses-dashboard';
import { longDate } from '~/server/format/dates';
import { countOf } from '~/server/format/plural';
import { roleOnBoard, type GovernorCategory, type GovernorOffice } from '~/server/governance/labels';
import type { MoneyOwed } from '~/server/invoicing/money-owed';
import { notCategorisedFilter } from '~/server/monitoring/list-register';
import type { MonitoringNeedsAttention } from '~/server/monitoring/needs-attention';
import { defaultFeePerEctPence } from '~/server/induction/appropriate-body';
import { inLocalAuthorities } from '~/server/schools/local-authority-words';
import { commissionedOnly, type SetupStep, type SetupStepKey } from '~/server/workspaces/getting-started';
import type { ModuleKey, TenantKind } from '~/server/workspaces/workspace-vocabulary';

/** The dashboard's figures that need someone to act, each a link to the page where they do. */

/** Most schools a list under a figure names; the rest are on the page the figure links to. */
const listCap = 5;

/** One figure: its words (number first) are the link's text, so the link says what it opens on its own. */
function Figure({ href, text, alert = false }: { href: string; text: string; alert?: boolean }) {
  return (
    <li
      className={`rounded-lg border bg-white p-4 ${alert ? 'border-l-4 border-red-700' : 'border-slate-200'}`}
      data-testid="attention-figure"
    >
      <Link href={href} className="text-lg font-semibold text-brand-dark underline">
        {text}
      </Link>
    </li>
  );
}

function Group({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-4">
      <h3 id={id} className="text-xl font-semibold">
        {title}
      </h3>
      {children}
    </section>
  );
}

const figureGrid = 'mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-3';

export function MonitoringAttention({ tenant, data }: { tenant: string; data: MonitoringNeedsAttention }) {
  const { cases, visits, actions, notices } = data;
  // An adviser's figures are their own visits.
  const visitCount = (n: number) => (data.officer ? countOf(n, 'visit') : `${n} of your visits`);
  const termEnds = visits.term
    ? `${longDate(visits.term.endsOn)} (the end of the ${visits.term.term} term)`
    : null;
  return (
    <section aria-labelledby="monitoring" className="mt-8">
      <h2 id="monitoring" className="text-2xl font-semibold">
        {data.officer ? 'Statutory monitoring: needs attention' : 'Your monitoring: needs attention'}
      </h2>

      <Group id="monitoring-concern" title={data.listName}>
        <ul className={figureGrid}>
          <Figure
            href={`/${tenant}/concern`}
            text={`${countOf(cases.designated, 'school')} designated on ${data.listName}`}
          />
          <Figure
            href={`/${tenant}/concern`}
            text={`${countOf(cases.candidates, 'school')} under consideration for ${data.listName}`}
          />
          {cases.possible !== null && (
            <Figure
              href={`/${tenant}/concern#possible`}
              text={`${countOf(cases.possible, 'possible candidate')} with no case opened`}
              alert={cases.possible > 0}
            />
          )}
        </ul>
        {data.uncategorised > 0 && (
          <ul className={`${figureGrid} mt-3`}>
            <Figure
              href={`/${tenant}/register?category=${notCategorisedFilter}`}
              text={`${countOf(data.uncategorised, 'school')} on the register with no LA category yet`}
              alert
            />
          </ul>
        )}
        {data.categories.length > 0 && (
          <>
            <h4 className="mt-4 font-semibold">Schools on the register in a category of concern</h4>
            <ul className={figureGrid}>
              {data.categories.map((c) => (
                <Figure
                  key={c.key}
                  href={`/${tenant}/register?category=${encodeURIComponent(c.key)}`}
                  text={`${countOf(c.schools, 'school')} in category “${c.label}”`}
                />
              ))}
            </ul>
          </>
        )}
      </Group>

      <Group id="monitoring-visits" title="Visits">
        <ul className={figureGrid}>
          <Figure
            href={`/${tenant}/visits?overdue=yes#schedule`}
            text={`${visitCount(visits.overdue)} overdue`}
            alert={visits.overdue > 0}
          />
          {termEnds ? (
            <Figure
              href={`/${tenant}/visits?status=planned#schedule`}
              text={`${visitCount(visits.dueThisTerm)} due by ${termEnds}`}
            />
          ) : (
            <li className="rounded-lg border border-slate-200 bg-white p-4">
              The year’s terms are over: no visits are due until next year’s plan.
            </li>
          )}
        </ul>
      </Group>

      <Group id="monitoring-actions" title="Action plans">
        <ul className={figureGrid}>
          <Figure
            href={`/${tenant}/concern`}
            text={`${countOf(actions.overdue, 'action-plan item')} overdue`}
            alert={actions.overdue > 0}
          />
        </ul>
        {actions.cases.length > 0 && (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {actions.cases.slice(0, listCap).map((c) => (
              <li key={c.caseId}>
                <Link href={`/${tenant}/concern/${c.caseId}/plan`} className="text-brand-dark underline">
                  {c.schoolName}: {countOf(c.overdue, 'item')} overdue on its action plan
                </Link>
              </li>
            ))}
            {actions.cases.length > listCap && (
              <li>
                and {countOf(actions.cases.length - listCap, 'more school')}, on{' '}
                <Link href={`/${tenant}/concern`} className="text-brand-dark underline">
                  {data.listName}
                </Link>
              </li>
            )}
          </ul>
        )}
      </Group>

      <Group id="monitoring-notices" title="Warning notices">
        <ul className={figureGrid}>
          <Figure
            href={`/${tenant}/concern`}
            text={`${countOf(notices.awaitingDecision, 'warning notice')} recommended, awaiting the DCS’s decision`}
            alert={notices.awaitingDecision > 0}
          />
          <Figure
            href={`/${tenant}/concern`}
            text={`${countOf(notices.issued, 'warning notice')} issued, awaiting an outcome${notices.pastCompliance > 0 ? ` (${notices.pastCompliance} past the date to comply)` : ''}`}
            alert={notices.pastCompliance > 0}
          />
        </ul>
        {notices.items.length > 0 && (
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {notices.items.slice(0, listCap).map((n) => (
              <li key={n.noticeId}>
                <Link
                  href={
                    n.caseId
                      ? `/${tenant}/concern/${n.caseId}/interventions`
                      : `/${tenant}/register/${n.schoolId}`
                  }
                  className="text-brand-dark underline"
                >
                  {n.schoolName}: {noticeKindLabels[n.kind]}, {noticeStatusLabels[n.status].toLowerCase()}
                  {n.status === 'issued' && n.complianceBy
                    ? `, to comply by ${longDate(n.complianceBy)}`
                    : ''}
                </Link>
              </li>
            ))}
            {notices.items.length > listCap && (
              <li>and {countOf(notices.items.length - listCap, 'more notice')}, on each school’s case</li>
            )}
          </ul>
        )}
      </Group>
    </section>
  );
}

/**
 * What is happening in Courses (`courses.dashboard`), for those who run them: each figure opens the course list,
 * where the same rules count it, and a course whose go/no-go decision is due opens its own page. A workspace with
 * no courses yet is pointed to its first.
 */
export function CoursesAtAGlance({
  tenant,
  data,
  today,
}: {
  tenant: string;
  data: CoursesDashboard;
  today: string;
}) {
  const list = `/${tenant}/courses`;
  const { newBookings, startingSoon, waiting, awaitingApproval, decisionsDue } = data;
  return (
    <section aria-labelledby="courses-panel" className="mt-8">
      <h2 id="courses-panel" className="text-2xl font-semibold">
        Courses
      </h2>
      {data.courses === 0 ? (
        <p className="mt-2 rounded-lg border border-slate-200 bg-white p-4" data-testid="courses-empty">
          No courses yet —{' '}
          <Link href={`${list}/new`} className="font-semibold text-brand-dark underline">
            create your first course
          </Link>
          . Once published, it is in your public catalogue for schools to book.
        </p>
      ) : (
        <>
          <ul className={figureGrid}>
            <Figure
              href={list}
              text={
                newBookings.places === 0
                  ? 'No places booked in the last 7 days'
                  : `${countOf(newBookings.places, 'place')} booked in the last 7 days, on ${countOf(newBookings.courses, 'course')}`
              }
            />
            <Figure
              href={list}
              text={
                startingSoon.courses === 0
                  ? 'No courses starting in the next fortnight'
                  : `${countOf(startingSoon.courses, 'course')} starting in the next fortnight: ${startingSoon.placesTaken} of ${countOf(startingSoon.capacity, 'place')} taken`
              }
            />
            <Figure
              href={`${list}#decisions`}
              text={
                decisionsDue.length === 0
                  ? 'No go/no-go decisions due'
                  : `${countOf(decisionsDue.length, 'course')} below minimum numbers: go/no-go decision due`
              }
              alert={decisionsDue.length > 0}
            />
            <Figure
              href={list}
              text={
                waiting.people === 0
                  ? 'No one on a waiting list'
                  : `${countOf(waiting.people, 'person', 'people')} on the waiting list${waiting.courses === 1 ? '' : 's'} of ${countOf(waiting.courses, 'course')}`
              }
            />
            {awaitingApproval.places > 0 && (
              <Figure
                href={list}
                text={`${countOf(awaitingApproval.places, 'place')} awaiting a headteacher’s approval, on ${countOf(awaitingApproval.courses, 'course')}`}
              />
            )}
            {data.drafts > 0 && (
              <Figure href={list} text={`${countOf(data.drafts, 'draft')} not yet published`} />
            )}
          </ul>
          {decisionsDue.length > 0 && (
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {decisionsDue.slice(0, listCap).map((c) => (
                <li key={c.id}>
                  <Link href={`${list}/${c.id}`} className="text-brand-dark underline">
                    {c.title}: {c.placesTaken} of a minimum {c.minimumNumbers} places taken;{' '}
                    {c.goNoGoOn && c.goNoGoOn < today
                      ? `the decision was due on ${longDate(c.goNoGoOn)}`
                      : `decide by ${longDate(c.goNoGoOn)}`}
                  </Link>
                </li>
              ))}
              {decisionsDue.length > listCap && (
                <li>
                  and {countOf(decisionsDue.length - listCap, 'more course')}, on{' '}
                  <Link href={`${list}#decisions`} className="text-brand-dark underline">
                    the course list
                  </Link>
                </li>
              )}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/**
 * What is owed on issued invoices and what of it is overdue (`invoices.owed`), each opening the invoice list
 * filtered the same way: every school's for the finance team, their own school's for a headteacher.
 */
export function MoneyOwedPanel({
  tenant,
  owed,
  ownSchool,
}: {
  tenant: string;
  owed: MoneyOwed;
  /** A headteacher's view: what their school owes. */
  ownSchool: boolean;
}) {
  const { outstanding, overdue } = owed;
  const list = `/${tenant}/invoices`;
  return (
    <section aria-labelledby="money" className="mt-8">
      <h2 id="money" className="text-2xl font-semibold">
        {ownSchool ? 'Invoices to pay' : 'Invoices: money owed'}
      </h2>
      <ul className={figureGrid}>
        {outstanding.invoices === 0 ? (
          <Figure
            href={list}
            text={
              owed.issued === 0
                ? ownSchool
                  ? 'No invoices yet: your school has been sent none'
                  : 'No invoices issued yet'
                : ownSchool
                  ? 'Nothing owed: your school’s invoices are settled'
                  : 'Nothing owed on issued invoices'
            }
          />
        ) : (
          <Figure
            href={`${list}?owing=outstanding`}
            text={`${formatPence(outstanding.pence)} ${ownSchool ? 'to pay' : 'owed'} on ${countOf(outstanding.invoices, 'issued invoice')}`}
          />
        )}
        <Figure
          href={`${list}?owing=overdue`}
          text={
            overdue.invoices === 0
              ? 'No invoices overdue'
              : `${countOf(overdue.invoices, 'invoice')} overdue: ${formatPence(overdue.pence)}`
          }
          alert={overdue.invoices > 0}
        />
      </ul>
    </section>
  );
}

/** The Appropriate Body's induction figures (counts of `induction.dashboard`, each opening its list there). */
export type InductionCounts = {
  inProgress: number;
  atRisk: number;
  overdue: number;
  awaitingReview: number;
  recommended: number;
  pastEndWithoutRecommendation: number;
};

export function InductionAttention({ tenant, counts }: { tenant: string; counts: InductionCounts }) {
  return (
    <section aria-labelledby="induction" className="mt-8">
      <h2 id="induction" className="text-2xl font-semibold">
        ECT induction: needs attention
      </h2>
      <ul className={figureGrid}>
        <Figure
          href={`/${tenant}/induction?status=in_progress#ects`}
          text={`${countOf(counts.inProgress, 'ECT')} in induction`}
        />
        <Figure
          href={`/${tenant}/induction#at-risk`}
          text={`${countOf(counts.atRisk, 'ECT')} at risk`}
          alert={counts.atRisk > 0}
        />
        <Figure
          href={`/${tenant}/induction#overdue`}
          text={`${countOf(counts.overdue, 'review or assessment', 'reviews and assessments')} overdue from schools`}
          alert={counts.overdue > 0}
        />
        <Figure
          href={`/${tenant}/induction#awaiting`}
          text={`${countOf(counts.awaitingReview, 'review or assessment', 'reviews and assessments')} submitted, awaiting your review`}
          alert={counts.awaitingReview > 0}
        />
        <Figure
          href={`/${tenant}/induction#outcomes`}
          text={`${countOf(counts.recommended, 'recommendation')} awaiting your decision on the outcome`}
          alert={counts.recommended > 0}
        />
        <Figure
          href={`/${tenant}/induction#outcomes`}
          text={`${countOf(counts.pastEndWithoutRecommendation, 'induction')} past the expected end with no recommendation yet`}
          alert={counts.pastEndWithoutRecommendation > 0}
        />
      </ul>
    </section>
  );
}

/**
 * The manager's first steps, each ticked from the workspace's data (schools imported, people invited, settings,
 * term dates and invoice settings saved) and linking to the page that does it. Shown until every step is done.
 */
export function GettingStarted({
  tenant,
  workspace,
  setup,
}: {
  tenant: string;
  workspace: { kind: TenantKind; laCodes: string[]; modules: ModuleKey[] };
  setup: { steps: SetupStep[]; termDatesYear: number };
}) {
  const done = setup.steps.filter((s) => s.done).length;
  const year = academicYearLabel(setup.termDatesYear);
  const schoolsStep =
    workspace.kind === 'appropriate_body' || workspace.laCodes.length === 0
      ? {
          text: 'Add the schools you serve from GIAS',
          hint:
            workspace.kind === 'appropriate_body'
              ? 'Paste their URNs with a GIAS download; their headteachers can then register ECTs.'
              : 'Paste their URNs with a GIAS download.',
        }
      : {
          text: 'Import your schools from GIAS',
          hint: workspace.modules.includes('statutory')
            ? `Every open school in ${inLocalAuthorities(workspace.laCodes)} joins the register.`
            : `The schools in ${inLocalAuthorities(workspace.laCodes)}, or the URNs you list.`,
        };
  const step: Record<SetupStepKey, { href: string; text: string; hint: string }> = {
    schools: { href: `/${tenant}/schools/import`, ...schoolsStep },
    people: {
      href: `/${tenant}/members`,
      text: 'Invite your people',
      hint: commissionedOnly(workspace.kind, workspace.modules)
        ? 'Your partners, as advisers: you assign each to the schools a local authority’s contract covers.'
        : 'Your own staff first, then the schools’ headteachers and business managers from their contacts.',
    },
    'monitoring-settings': {
      href: `/${tenant}/monitoring-settings`,
      text: 'Set your monitoring settings',
      hint: 'The words your policy uses, visits a year by category and the category a school joins with. Until you save them, Stride uses a common pattern.',
    },
    dcs: {
      href: `/${tenant}/concern/dcs`,
      text: 'Name your Director of Children’s Services',
      hint: 'Only the DCS, or a delegate they name, decides formal warning notices, intervention powers and SCC budget payments: until you name them, officers’ recommendations wait with nobody to decide them. Invite the Director as an LA officer first.',
    },
    'term-dates': {
      href: `/${tenant}/term-dates`,
      text: `Set your term dates for ${year}`,
      hint: 'Until you do, Stride estimates them from the usual pattern around Christmas and Easter.',
    },
    'induction-settings': {
      href: `/${tenant}/induction/settings`,
      text: 'Set your fee per ECT',
      hint: `The fee a school is charged for each ECT it registers: ${formatPence(defaultFeePerEctPence)} until you save your own (0 for none).`,
    },
    'invoice-settings': {
      href: `/${tenant}/invoices/settings`,
      text: 'Set up invoicing',
      hint: 'Your address, VAT number (if you are registered), payment terms and the bank details schools pay into: every invoice shows them, and an issued invoice cannot be changed.',
    },
  };
  return (
    <section aria-labelledby="start" className="mt-6 rounded-lg border-l-4 border-brand bg-white p-4">
      <h2 id="start" className="text-xl font-semibold">
        Getting started
      </h2>
      <p className="mt-1 text-slate-700" data-testid="setup-progress">
        {done} of {setup.steps.length} done.
      </p>
      <ol className="mt-2 list-decimal space-y-2 pl-6">
        {setup.steps.map((s) => (
          <li key={s.key} data-testid={`setup-${s.key}`}>
            <Link href={step[s.key].href} className="text-brand-dark underline">
              {step[s.key].text}
            </Link>{' '}
            {s.done ? (
              <strong className="text-green-800">Done</strong>
            ) : (
              <span className="font-semibold text-amber-900">To do</span>
            )}
            <p className="text-sm text-slate-700">{step[s.key].hint}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * A governor's or clerk's dashboard: their board (their place on it, their training record, the board's register
 * and training if they keep it) and their own course places, not the workspace's management.
 */
export function YourBoard({
  tenant,
  workspaceName,
  boards,
  places,
}: {
  tenant: string;
  workspaceName: string;
  boards: {
    id: string;
    schoolId: string;
    schoolName: string;
    category: GovernorCategory;
    office: GovernorOffice | null;
    termEndsOn: string | null;
    keepsBoard: boolean;
  }[];
  /** Their own places on courses still to come, or null without the courses module. */
  places: { upcoming: number; awaitingEvaluation: number } | null;
}) {
  return (
    <section aria-labelledby="your-board" className="mt-8">
      <h2 id="your-board" className="text-2xl font-semibold">
        {boards.length > 1 ? 'Your boards' : 'Your board'}
      </h2>
      {boards.length === 0 && (
        <p className="mt-2">
          You are not on a board’s register at {workspaceName} yet: ask your clerk or headteacher to add you
          with the email address you sign in with. Then your record and training appear here.
        </p>
      )}
      <ul className="mt-3 grid gap-4 sm:grid-cols-2">
        {boards.map((b) => (
          <li key={b.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="your-board">
            <h3 className="text-lg font-semibold">{b.schoolName}</h3>
            <p className="text-sm text-slate-700">
              {roleOnBoard(b)}
              {b.termEndsOn ? `; term of office ends ${longDate(b.termEndsOn)}` : ''}
            </p>
            <ul className="mt-2 space-y-1">
              <li>
                <Link className="text-brand-dark underline" href={`/${tenant}/governance/training/${b.id}`}>
                  Your training and booking<span className="sr-only"> at {b.schoolName}</span>
                </Link>
              </li>
              {b.keepsBoard && (
                <>
                  <li>
                    <Link className="text-brand-dark underline" href={`/${tenant}/governance/${b.schoolId}`}>
                      The board’s register<span className="sr-only"> at {b.schoolName}</span>
                    </Link>
                  </li>
                  <li>
                    <Link
                      className="text-brand-dark underline"
                      href={`/${tenant}/governance/${b.schoolId}/training`}
                    >
                      The board’s training<span className="sr-only"> at {b.schoolName}</span>
                    </Link>
                  </li>
                </>
              )}
              <li>
                <Link
                  className="text-brand-dark underline"
                  href={`/${tenant}/governance/${b.schoolId}/published`}
                >
                  Published information<span className="sr-only"> about the board of {b.schoolName}</span>
                </Link>
              </li>
            </ul>
          </li>
        ))}
      </ul>
      {places && (
        <p className="mt-4">
          <Link className="text-brand-dark underline" href={`/${tenant}/courses`}>
            {places.upcoming === 0
              ? 'You have no course places to come'
              : `${countOf(places.upcoming, 'course place')} to come`}
            {places.awaitingEvaluation > 0
              ? `; ${countOf(places.awaitingEvaluation, 'evaluation')} to give`
              : ''}
          </Link>{' '}
          (cancel a place, or send someone instead, from there).
        </p>
      )}
    </section>
  );
}
