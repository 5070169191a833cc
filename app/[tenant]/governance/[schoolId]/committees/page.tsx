import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { longDate } from '~/server/format/dates';
import { roleOnBoard } from '~/server/governance/labels';
import { guard, loadWorkspace } from '../../../../_lib/server-api';
import { CommitteeForm, DeleteCommittee } from './committee-forms';

export const metadata: Metadata = { title: 'Board committees' };

const linkClass = 'text-brand-dark underline';

export default async function CommitteesPage({
  params,
}: {
  params: Promise<{ tenant: string; schoolId: string }>;
}) {
  const { tenant, schoolId } = await params;
  const { api } = await loadWorkspace(tenant);
  const board = await guard(api.governance.committees({ schoolId }));
  const choosable = board.choosable.map((g) => ({
    governorId: g.governorId,
    name: g.name,
    role: roleOnBoard(g),
  }));
  return (
    <div className="space-y-10">
      <div>
        <p>
          <Link className={linkClass} href={`/${tenant}/governance/${schoolId}/meetings`}>
            {board.school.name}: meetings
          </Link>
          {board.mayEdit && (
            <>
              {' '}
              ·{' '}
              <Link className={linkClass} href={`/${tenant}/governance/${schoolId}`}>
                The board’s register
              </Link>
            </>
          )}
        </p>
        <h1 className="mt-2 text-3xl font-bold">{board.school.name}: committees</h1>
        <p className="mt-2 text-slate-700">
          A committee’s meeting expects those who were its members on the meeting’s day, by the dates each
          joined and left: their attendance counts there. Adding someone from an earlier day adds them to the
          committee’s meetings since; taking someone off from an earlier day takes them off those after it.
        </p>
      </div>

      <section aria-labelledby="committees" className="space-y-6">
        <h2 id="committees" className="text-2xl font-semibold">
          Committees
        </h2>
        {board.committees.length === 0 && <p>The board has no committees recorded.</p>}
        {board.committees.map((c) => (
          <section
            key={c.id}
            aria-labelledby={`committee-${c.id}`}
            className="rounded-lg border border-slate-200 bg-white p-5"
            data-testid="committee"
          >
            <h3 id={`committee-${c.id}`} className="text-xl font-semibold">
              {c.name}
            </h3>
            <p className="mt-2">
              {c.members.length === 0
                ? 'No members.'
                : `Members: ${c.members.map((m) => m.name).join(', ')}.`}
            </p>
            {c.members.length > 0 && (
              <ul className="mt-1 text-slate-700" data-testid="member-since">
                {c.members.map((m) => (
                  <li key={m.governorId}>
                    {m.name}: member since {longDate(m.joinedOn)}
                  </li>
                ))}
              </ul>
            )}
            {c.formerMembers.length > 0 && (
              <div className="mt-4" data-testid="former-members">
                <h4 className="text-lg font-semibold">Former members</h4>
                <ul className="mt-1 list-disc pl-6">
                  {c.formerMembers.map((m, i) => (
                    <li key={`${m.governorId}-${i}`}>
                      {m.name}: member from {longDate(m.joinedOn)} to {longDate(m.leftOn)}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {board.mayEdit && (
              <details className="mt-4">
                <summary className="cursor-pointer text-brand-dark underline">
                  Rename or change the members<span className="sr-only"> of the {c.label}</span>
                </summary>
                <div className="mt-4 space-y-6">
                  <CommitteeForm
                    schoolId={schoolId}
                    committeeId={c.id}
                    heading={`Change the ${c.label}`}
                    initial={{ name: c.name, memberIds: c.members.map((m) => m.governorId) }}
                    today={board.today}
                    choosable={choosable}
                  />
                  <DeleteCommittee committeeId={c.id} label={c.label} />
                </div>
              </details>
            )}
          </section>
        ))}
      </section>

      {board.mayEdit && (
        <section aria-labelledby="add-committee" className="rounded-lg border border-slate-200 bg-white p-5">
          <CommitteeForm
            schoolId={schoolId}
            heading="Add a committee"
            headingId="add-committee"
            today={board.today}
            choosable={choosable}
          />
        </section>
      )}
    </div>
  );
}
