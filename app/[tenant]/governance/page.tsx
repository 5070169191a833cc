import type { Metadata } from 'next';
import { countOf } from '~/server/format/plural';
import { Link } from '~/app/_components/link';
import { DataTable } from '~/app/_components/data-table';
import { categoryLabels, roleOnBoard } from '~/server/governance/labels';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { shortDate } from '~/server/format/dates';

/** "Co-opted governor" mid-sentence: "co-opted governor", but "LA governor" as it is. */
const inSentence = (label: string) =>
  /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;

export const metadata: Metadata = { title: 'Governance' };

const linkClass = 'text-brand-dark underline';

export default async function GovernancePage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api, workspace } = await loadWorkspace(tenant);
  const isOfficer = workspace.roles.some((r) => r === 'tenant_admin' || r === 'la_officer');
  const [overview, mine] = await Promise.all([
    isOfficer ? guard(api.governance.overview()) : null,
    guard(api.governance.mine()),
  ]);
  const headOf = workspace.roles.includes('school_admin') ? workspace.mySchools : [];
  return (
    <div className="space-y-10">
      <div>
        <h1 className="text-3xl font-bold">Governance</h1>
        <p className="mt-2 text-slate-700">
          {isOfficer
            ? 'The register of governing boards: vacancies by school, terms of office ending in the next 60 days, and people who sit on more than one board.'
            : 'Your place on the governing board, your training and the board’s register.'}
        </p>
      </div>

      {mine.length > 0 && (
        <section aria-labelledby="mine">
          <h2 id="mine" className="text-2xl font-semibold">
            Your boards
          </h2>
          <ul className="mt-3 space-y-3">
            {mine.map((g) => (
              <li key={g.id} className="rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="text-lg font-semibold">{g.schoolName}</h3>
                <p>
                  {roleOnBoard(g)}
                  {g.termEndsOn ? `; term of office ends ${shortDate(g.termEndsOn)}` : ''}
                </p>
                <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
                  <li>
                    <Link className={linkClass} href={`/${tenant}/governance/training/${g.id}`}>
                      My training and booking
                    </Link>
                  </li>
                  {g.keepsBoard && (
                    <>
                      <li>
                        <Link className={linkClass} href={`/${tenant}/governance/${g.schoolId}`}>
                          The board’s register
                        </Link>
                      </li>
                      <li>
                        <Link className={linkClass} href={`/${tenant}/governance/${g.schoolId}/training`}>
                          The board’s training
                        </Link>
                      </li>
                      <li>
                        <Link className={linkClass} href={`/${tenant}/governance/${g.schoolId}/meetings`}>
                          Meetings and attendance
                        </Link>
                      </li>
                      <li>
                        <Link className={linkClass} href={`/${tenant}/governance/${g.schoolId}/committees`}>
                          Committees
                        </Link>
                      </li>
                    </>
                  )}
                  <li>
                    <Link className={linkClass} href={`/${tenant}/governance/${g.schoolId}/published`}>
                      Published governance information
                    </Link>
                  </li>
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}

      {!isOfficer && headOf.length > 0 && (
        <section aria-labelledby="school-boards">
          <h2 id="school-boards" className="text-2xl font-semibold">
            Your school’s board
          </h2>
          <ul className="mt-2 space-y-1">
            {headOf.map((s) => (
              <li key={s.id}>
                <Link className={linkClass} href={`/${tenant}/governance/${s.id}`}>
                  {s.name}: governor register
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {!isOfficer && mine.length === 0 && headOf.length === 0 && (
        <p>You are not on a governing board in this workspace’s register. Ask your clerk to add you.</p>
      )}

      {overview && (
        <>
          <section aria-labelledby="vacancies">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="vacancies" className="text-2xl font-semibold">
                Vacancies by school ({overview.vacantTotal})
              </h2>
              <p className="flex gap-4">
                <Link className={linkClass} href={`/${tenant}/governance/chairs`}>
                  Chairs and vice-chairs
                </Link>
                <Link className={linkClass} href={`/${tenant}/governance/bulletins`}>
                  Governor bulletins
                </Link>
                <Link className={linkClass} href={`/${tenant}/governance/reports`}>
                  Governance reports
                </Link>
                <a className={linkClass} href={`/${tenant}/governance/chairs/export`}>
                  Download chairs (CSV)
                </a>
              </p>
            </div>
            <DataTable
              className="mt-3"
              caption="Governing boards in the register, most vacancies first"
              hideCaption
              rows={overview.boards}
              rowKey={(b) => b.schoolId}
              rowTestId="board-row"
              columns={[
                {
                  header: 'School',
                  rowHeader: true,
                  cell: (b) => (
                    <Link className={linkClass} href={`/${tenant}/governance/${b.schoolId}`}>
                      {b.schoolName}
                    </Link>
                  ),
                },
                { header: 'Governors', align: 'right', cell: (b) => b.governors },
                { header: 'Vacancies', align: 'right', cell: (b) => b.vacant },
                {
                  header: 'Vacant places',
                  cell: (b) =>
                    b.vacancies
                      .map((v) => countOf(v.vacant, inSentence(categoryLabels[v.category])))
                      .join(', ') || '—',
                },
                { header: 'Chair', cell: (b) => b.chair ?? 'No chair' },
                {
                  header: 'Checks',
                  cell: (b) => (b.warnings.length ? b.warnings.join(' ') : 'Meets the rules'),
                },
              ]}
              empty="No governing boards are recorded yet. To start one, open the school from Schools and choose Governing board."
            />
          </section>

          <section aria-labelledby="terms-ending">
            <h2 id="terms-ending" className="text-2xl font-semibold">
              Terms of office ending in the next 60 days
            </h2>
            <DataTable
              className="mt-3"
              caption="Terms of office ending in the next 60 days"
              hideCaption
              rows={overview.termsEnding}
              rowKey={(t) => t.id}
              columns={[
                { header: 'Governor', rowHeader: true, cell: (t) => t.name },
                { header: 'Category', cell: (t) => categoryLabels[t.category] },
                {
                  header: 'School',
                  cell: (t) => (
                    <Link className={linkClass} href={`/${tenant}/governance/${t.schoolId}`}>
                      {t.schoolName}
                    </Link>
                  ),
                },
                { header: 'Term ends', cell: (t) => shortDate(t.termEndsOn) },
              ]}
              empty="No terms of office end in the next 60 days."
            />
          </section>

          <section aria-labelledby="multi-board">
            <h2 id="multi-board" className="text-2xl font-semibold">
              Governors on more than one board
            </h2>
            <p className="mt-1 text-slate-700">
              Matched by email address, or by name where there is none (titles and punctuation ignored).
            </p>
            <DataTable
              className="mt-3"
              caption="Governors on more than one board"
              hideCaption
              rows={overview.multiBoard}
              rowKey={(m) => m.boards.map((b) => b.governorId).join('-')}
              rowTestId="multi-board-row"
              columns={[
                { header: 'Governor', rowHeader: true, cell: (m) => m.name },
                { header: 'Email', cell: (m) => m.email || '—' },
                {
                  header: 'Boards',
                  cell: (m) => (
                    <ul>
                      {m.boards.map((b) => (
                        <li key={b.governorId}>
                          <Link className={linkClass} href={`/${tenant}/governance/${b.schoolId}`}>
                            {b.schoolName}
                          </Link>{' '}
                          ({roleOnBoard(b)})
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
              empty="Nobody sits on more than one board."
            />
          </section>
        </>
      )}
    </div>
  );
}
