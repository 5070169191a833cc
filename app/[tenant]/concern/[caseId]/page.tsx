import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { gradeWord, recordedTriggerKeys, triggerLabels } from '~/server/concern/evaluate-triggers';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { RecordTriggerForm } from '../concern-forms';
import { decisionLabels, letterKindLabels, statusLabels } from '../labels';
import { longDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'School causing concern' };

const frameworkLabels = {
  legacy_overall: 'Overall grade',
  sub_grades_2024: '2024 sub-grades',
  report_card_2025: 'Report card',
};
const triggerOptions = recordedTriggerKeys.map((key) => ({ key, label: triggerLabels[key] }));

export default async function ConcernCasePage({
  params,
}: {
  params: Promise<{ tenant: string; caseId: string }>;
}) {
  const { tenant, caseId } = await params;
  const { api } = await loadWorkspace(tenant);
  const c = await guard(api.concern.byId({ caseId }));
  const open = c.status === 'candidate' || c.status === 'designated';
  return (
    <div>
      <p>
        <Link href={`/${tenant}/concern`} className="text-brand-dark underline">
          Back to {c.listName.toLowerCase()}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{c.school.name}</h1>
      <p className="mt-1 text-slate-700">
        URN {c.school.urn} · {c.school.type} · {c.school.phase}
      </p>
      {c.school.academy && (
        <p className="mt-3 rounded border-l-4 border-amber-600 bg-amber-50 p-3">
          An academy: the LA monitors it but cannot designate it for formal intervention. Refer concerns to
          the DfE Regional Director from{' '}
          <Link href={`/${tenant}/concern/${c.caseId}/interventions`} className="text-brand-dark underline">
            interventions and referrals
          </Link>
          .
        </p>
      )}
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="font-semibold">Status</dt>
        <dd data-testid="case-status">{statusLabels[c.status]}</dd>
        <dt className="font-semibold">Identified</dt>
        <dd>{longDate(c.identifiedOn)}</dd>
        {c.designatedOn && (
          <>
            <dt className="font-semibold">Designated</dt>
            <dd>{longDate(c.designatedOn)}</dd>
          </>
        )}
        {c.closedOn && (
          <>
            <dt className="font-semibold">Closed</dt>
            <dd>{longDate(c.closedOn)}</dd>
          </>
        )}
        <dt className="font-semibold">{c.leadOfficerTitle}</dt>
        <dd>{c.leadOfficerName ?? 'Not appointed'}</dd>
        <dt className="font-semibold">LA category</dt>
        <dd>{c.laCategory ?? '—'}</dd>
        <dt className="font-semibold">Next review</dt>
        <dd>{c.nextReviewOn ? longDate(c.nextReviewOn) : '—'}</dd>
        <dt className="font-semibold">Concerns</dt>
        <dd>{c.concerns || '—'}</dd>
        {c.riskNotes && (
          <>
            <dt className="font-semibold">Risk notes</dt>
            <dd>{c.riskNotes}</dd>
          </>
        )}
        {c.riseInvolvement && (
          <>
            <dt className="font-semibold">RISE involvement</dt>
            <dd>{c.riseInvolvement}</dd>
          </>
        )}
      </dl>

      <nav aria-label="Case work" className="mt-4">
        <ul className="flex flex-wrap gap-4">
          <li>
            <Link
              href={`/${tenant}/concern/${c.caseId}/plan`}
              className="font-semibold text-brand-dark underline"
            >
              Action plan and progress meetings
            </Link>
          </li>
          <li>
            <Link
              href={`/${tenant}/concern/${c.caseId}/interventions`}
              className="font-semibold text-brand-dark underline"
            >
              Warning notices, powers and referrals
            </Link>
          </li>
        </ul>
      </nav>

      {c.removal && !c.removal.allowed && (
        <p className="mt-4 rounded border-l-4 border-slate-600 bg-slate-50 p-3">{c.removal.reason}</p>
      )}

      <section aria-labelledby="triggers" className="mt-8">
        <h2 id="triggers" className="text-2xl font-semibold">
          Triggers met
        </h2>
        {c.triggers.length === 0 && c.categoryCausesConcern ? (
          <p className="mt-2" data-testid="no-trigger">
            No trigger is recorded yet: the case rests on the school’s LA category, {c.laCategory}, which
            causes concern. Record the trigger the LA judges met, with its evidence, so that the{' '}
            {c.meetingName} and the letters to the school can name it.
          </p>
        ) : c.triggers.length === 0 ? (
          <p className="mt-2">No trigger is met on the evidence recorded.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {c.triggers.map((t) => (
              <li key={t.key}>
                <span className="font-semibold">{t.label}</span>
                <ul className="list-disc pl-5">
                  {t.evidence.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
        {c.officer && open && <RecordTriggerForm caseId={c.caseId} triggers={triggerOptions} />}
      </section>

      <section aria-labelledby="ofsted" className="mt-8">
        <h2 id="ofsted" className="text-2xl font-semibold">
          Ofsted history
        </h2>
        {c.inspections.length === 0 && <p className="mt-2">No inspections recorded.</p>}
        <ul className="mt-2 space-y-1">
          {c.inspections.map((i) => (
            <li key={i.id}>
              <span className="font-semibold">{longDate(i.inspectedOn)}</span> ({frameworkLabels[i.framework]}
              {i.kind !== 'graded' ? `, ${i.kind}` : ''}):{' '}
              {i.framework === 'legacy_overall'
                ? gradeWord(i.framework, i.overallGrade ?? 0)
                : Object.entries(i.grades)
                    .map(([area, g]) => `${area.replaceAll('_', ' ')} ${gradeWord(i.framework, g)}`)
                    .join('; ')}
              {i.safeguarding ? `; safeguarding ${i.safeguarding === 'met' ? 'met' : 'not met'}` : ''}
              {i.categoryOfConcern
                ? `; category of concern: ${i.categoryOfConcern.replaceAll('_', ' ')}`
                : ''}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="decisions" className="mt-8">
        <h2 id="decisions" className="text-2xl font-semibold">
          Decisions
        </h2>
        {c.decisions.length === 0 ? (
          <p className="mt-2">No decisions yet.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {c.decisions.map((d) => (
              <li key={d.id}>
                <Link
                  href={`/${tenant}/concern/meetings/${d.meetingId}`}
                  className="text-brand-dark underline"
                >
                  {longDate(d.meetingOn)}
                </Link>
                : <span className="font-semibold">{decisionLabels[d.decision]}</span>. {d.rationale}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="letters" className="mt-8">
        <h2 id="letters" className="text-2xl font-semibold">
          Letters
        </h2>
        {c.letters.length === 0 ? (
          <p className="mt-2">No letters yet.</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {c.letters.map((l) => (
              <li key={l.id}>
                <a href={`/${tenant}/concern/letters/${l.id}/pdf`} className="text-brand-dark underline">
                  {letterKindLabels[l.kind]}, {longDate(l.issuedOn)} (PDF)
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
