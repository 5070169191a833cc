import type { Metadata } from 'next';
import { countOf } from '~/server/format/plural';
import { Link } from '~/app/_components/link';
import { DataTable } from '~/app/_components/data-table';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { governanceOfficers, hasRole } from '~/server/access/role-groups';
import { categoryLabels, roleOnBoard } from '~/server/governance/labels';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { ConstitutionForm, GovernorForm, InviteFromRegister, StepDownForm } from '../governance-forms';
import { roleLabelIn } from '~/server/workspaces/role-labels';
import type { RegisterAccess } from '~/server/governance/register-access';
import { shortDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'Governor register' };

const linkClass = 'text-brand-dark underline';

export default async function BoardPage({
  params,
}: {
  params: Promise<{ tenant: string; schoolId: string }>;
}) {
  const { tenant, schoolId } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  const board = await guard(api.governance.board({ schoolId }));
  // Governance officers answer governors' subject access and erasure requests.
  const personalDataLink = hasRole(workspace.roles, governanceOfficers)
    ? (g: { id: string; name: string }) => (
        <Link className={linkClass} href={`/${tenant}/personal-data/person?kind=governor&id=${g.id}`}>
          Personal data<span className="sr-only"> of {g.name}</span>
        </Link>
      )
    : null;
  const today = todayInLondon();
  const accessCell = (g: {
    id: string;
    name: string;
    email: string;
    category: string;
    access: RegisterAccess;
  }) => {
    const a = g.access;
    if (a.state === 'access')
      return <>Has access ({roleLabelIn(workspace.tenant.kind, a.role).toLowerCase()})</>;
    const offer = g.email !== '' && g.category !== 'headteacher';
    return (
      <>
        {a.state === 'invited'
          ? `Invited ${shortDate(a.invitedAt)}; the link works until ${shortDate(a.expiresAt)}`
          : a.state === 'expired'
            ? `Invited ${shortDate(a.invitedAt)}; the invitation expired ${shortDate(a.expiresAt)}`
            : g.category === 'headteacher'
              ? 'No access: invite the headteacher from People and roles'
              : g.email
                ? 'No access, not invited'
                : 'No access: add an email address to invite'}
        {offer && (
          <InviteFromRegister
            governorId={g.id}
            name={g.name}
            again={a.state !== 'none'}
            withdrawable={a.state === 'invited' && a.role === 'governor'}
          />
        )}
      </>
    );
  };
  return (
    <div className="space-y-10">
      <div>
        <p>
          <Link className={linkClass} href={`/${tenant}/governance`}>
            Governance
          </Link>
        </p>
        <h1 className="mt-2 text-3xl font-bold">{board.school.name}: governing board</h1>
        <p className="mt-2 text-slate-700">
          {board.school.type}.{' '}
          {board.kind === 'academy'
            ? 'An academy: its board (local governing body or trust board) follows the trust’s articles and scheme of delegation. '
            : ''}
          {countOf(board.current.filter((g) => g.category !== 'clerk').length, 'member')},{' '}
          <strong data-testid="vacancy-total">
            {countOf(board.vacancies.total, 'vacancy', 'vacancies')}
          </strong>
          .{' '}
          <Link className={linkClass} href={`/${tenant}/governance/${schoolId}/published`}>
            Published information
          </Link>{' '}
          ·{' '}
          <Link className={linkClass} href={`/${tenant}/governance/${schoolId}/training`}>
            The board’s training
          </Link>{' '}
          ·{' '}
          <Link className={linkClass} href={`/${tenant}/governance/${schoolId}/meetings`}>
            Meetings and attendance
          </Link>{' '}
          ·{' '}
          <Link className={linkClass} href={`/${tenant}/governance/${schoolId}/committees`}>
            Committees
          </Link>
        </p>
        {board.warnings.length > 0 && (
          <div className="mt-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
            <h2 className="font-semibold">Against the rules for maintained schools</h2>
            <ul className="list-disc pl-6">
              {board.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        )}
      </div>

      <section aria-labelledby="vacancies">
        <h2 id="vacancies" className="text-2xl font-semibold">
          Places and vacancies
        </h2>
        <DataTable
          className="mt-3"
          caption="Places per category against current governors"
          hideCaption
          rows={board.vacancies.rows}
          rowKey={(v) => v.category}
          columns={[
            { header: 'Category', rowHeader: true, cell: (v) => categoryLabels[v.category] },
            { header: 'Places', align: 'right', cell: (v) => v.places },
            { header: 'Filled', align: 'right', cell: (v) => v.filled },
            { header: 'Vacant', align: 'right', cell: (v) => v.vacant },
          ]}
        />
        <details className="mt-4">
          <summary className="cursor-pointer font-semibold text-brand-dark underline">
            Change the constitution
            {board.constitutionIsDefault
              ? board.kind === 'academy'
                ? ' (a default: set it from the trust’s scheme of delegation)'
                : ' (the default for this type of school)'
              : ''}
          </summary>
          <div className="mt-3">
            <ConstitutionForm schoolId={schoolId} places={board.constitution} categories={board.categories} />
          </div>
        </details>
      </section>

      <section aria-labelledby="current">
        <h2 id="current" className="text-2xl font-semibold">
          Current members
        </h2>
        <DataTable
          className="mt-3"
          caption="Current members of the board"
          hideCaption
          rows={board.current}
          rowKey={(g) => g.id}
          rowTestId="governor-row"
          columns={[
            { header: 'Name', rowHeader: true, cell: (g) => g.name },
            { header: 'Role', cell: (g) => roleOnBoard(g) },
            { header: 'Committees', cell: (g) => g.committees.join(', ') || '—' },
            { header: 'Appointed by', cell: (g) => g.appointingBody },
            { header: 'Appointed', cell: (g) => shortDate(g.appointedOn) },
            {
              header: 'Term ends',
              cell: (g) => (
                <>
                  {shortDate(g.termEndsOn)}
                  {g.termEndingSoon && <strong className="block text-amber-800">Within 60 days</strong>}
                </>
              ),
            },
            {
              header: 'Contact',
              cell: (g) => [g.email, g.phone].filter(Boolean).join(', ') || '—',
            },
            { header: 'Stride', cell: accessCell },
            {
              header: 'Other boards',
              cell: (g) => g.otherBoards.map((o) => o.schoolName).join(', ') || '—',
            },
            {
              header: 'Change',
              cell: (g) => (
                <details>
                  <summary className="cursor-pointer text-brand-dark underline">
                    Edit or step down<span className="sr-only"> {g.name}</span>
                  </summary>
                  <div className="mt-2 w-[min(40rem,80vw)] space-y-6">
                    <GovernorForm
                      schoolId={schoolId}
                      categories={board.categories}
                      governorId={g.id}
                      heading={`Edit ${g.name}`}
                      initial={{
                        name: g.name,
                        email: g.email,
                        phone: g.phone,
                        category: g.category,
                        office: g.office ?? '',
                        appointingBody: g.appointingBody,
                        appointedOn: g.appointedOn,
                        termYears: g.termYears ? String(g.termYears) : '4',
                        businessInterests: g.businessInterests,
                        businessInterestsUrl: g.businessInterestsUrl,
                        attendance: g.attendance,
                      }}
                    />
                    <StepDownForm governorId={g.id} name={g.name} today={today} />
                    {personalDataLink?.(g)}
                  </div>
                </details>
              ),
            },
          ]}
          empty="Nobody is on the board yet."
        />
      </section>

      <section aria-labelledby="add" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="add" className="sr-only">
          Add a governor
        </h2>
        <GovernorForm schoolId={schoolId} categories={board.categories} heading="Add a governor" />
      </section>

      <section aria-labelledby="former">
        <h2 id="former" className="text-2xl font-semibold">
          Former members
        </h2>
        <DataTable
          className="mt-3"
          caption="Former members of the board"
          hideCaption
          rows={board.former}
          rowKey={(g) => g.id}
          columns={[
            { header: 'Name', rowHeader: true, cell: (g) => g.name },
            { header: 'Category', cell: (g) => categoryLabels[g.category] },
            { header: 'Appointed', cell: (g) => shortDate(g.appointedOn) },
            { header: 'Left', cell: (g) => shortDate(g.steppedDownOn ?? g.termEndsOn) },
            personalDataLink && { header: 'Personal data', cell: (g) => personalDataLink(g) },
          ]}
          empty="Nobody has left the board."
        />
      </section>
    </div>
  );
}
