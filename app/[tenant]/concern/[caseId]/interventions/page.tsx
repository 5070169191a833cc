import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { groundLabels, noticeKindLabels, noticeStatusLabels, powerLabels } from '~/server/casework/labels';
import { guard, loadWorkspace } from '../../../../_lib/server-api';
import {
  IssueNoticeForm,
  NoticeOutcomeForm,
  RecordNoticeForm,
  RecordPowerForm,
  ReferralForm,
  ReferralResponseForm,
} from './intervention-forms';
import { longDate } from '~/server/format/dates';

export const metadata: Metadata = { title: 'Warning notices and intervention' };

/** Officers recommend; the DCS or a named delegate records the decision. */
function DcsOnly({ names, what }: { names: string[]; what: string }) {
  return (
    <p className="mt-3 rounded border-l-4 border-slate-700 bg-slate-100 p-3" data-testid="dcs-only">
      The Director of Children’s Services {names.length > 0 ? `(${names.join(' or ')})` : ''} {what}: officers
      recommend.
    </p>
  );
}

export default async function InterventionsPage({
  params,
}: {
  params: Promise<{ tenant: string; caseId: string }>;
}) {
  const { tenant, caseId } = await params;
  const { api, workspace, session } = await loadWorkspace(tenant);
  const view = await guard(api.casework.interventions({ caseId }));
  const isOfficer = workspace.roles.some((r) => r === 'tenant_admin' || r === 'la_officer');
  const officers = view.officers.map((o) => ({ userId: o.userId, name: o.name }));
  // "Decided by" offers the others: the one recording is the form's "Me".
  const otherOfficers = officers.filter((o) => o.userId !== session.id);
  return (
    <div>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/${tenant}/concern/${caseId}`} className="text-brand-dark underline">
          Back to the case
        </Link>
      </nav>
      <h1 className="mt-2 text-3xl font-bold">Warning notices and intervention: {view.school.name}</h1>
      <p className="mt-1 text-slate-700">
        URN {view.school.urn} · {view.school.typeGroup}
      </p>

      {!view.school.maintained ? (
        <section aria-labelledby="rd" className="mt-6">
          <h2 id="rd" className="text-2xl font-semibold">
            Referrals to the Regional Director
          </h2>
          <p className="mt-2">
            This school is an academy: the local authority cannot issue warning notices or use intervention
            powers. Refer concerns to the DfE Regional Director (formerly the Regional Schools Commissioner).
          </p>
          {view.referrals.length === 0 ? (
            <p className="mt-2">No referrals yet.</p>
          ) : (
            <ul className="mt-3 space-y-3">
              {view.referrals.map(({ referral, referredBy }) => (
                <li key={referral.id} className="rounded-lg border border-slate-200 bg-white p-4">
                  <h3 className="font-semibold">Referred {longDate(referral.referredOn)}</h3>
                  <p className="mt-1">{referral.concern}</p>
                  {referredBy && <p className="text-sm text-slate-700">By {referredBy}</p>}
                  {referral.respondedOn ? (
                    <p className="mt-2">
                      <strong>Response ({longDate(referral.respondedOn)}):</strong> {referral.response}
                    </p>
                  ) : (
                    isOfficer && <ReferralResponseForm caseId={caseId} referralId={referral.id} />
                  )}
                </li>
              ))}
            </ul>
          )}
          {isOfficer && <ReferralForm caseId={caseId} />}
        </section>
      ) : (
        <>
          <section aria-labelledby="notices" className="mt-6">
            <h2 id="notices" className="text-2xl font-semibold">
              Warning notices
            </h2>
            {view.notices.length === 0 ? (
              <p className="mt-2">No warning notices recorded.</p>
            ) : (
              <ul className="mt-3 space-y-3">
                {view.notices.map(({ notice, dcsDecisionBy }) => (
                  <li
                    key={notice.id}
                    className="rounded-lg border border-slate-200 bg-white p-4"
                    data-testid="notice"
                  >
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <h3 className="font-semibold">{noticeKindLabels[notice.kind]}</h3>
                      <span className="rounded bg-slate-100 px-2 py-0.5 text-sm font-semibold">
                        {noticeStatusLabels[notice.status]}
                      </span>
                    </div>
                    {notice.grounds.length > 0 && (
                      <p className="mt-1 text-sm">
                        Grounds:{' '}
                        {notice.grounds
                          .map((g) => groundLabels[g as keyof typeof groundLabels] ?? g)
                          .join('; ')}
                      </p>
                    )}
                    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                      <dt className="font-semibold">DCS decision</dt>
                      <dd>
                        {notice.dcsDecisionOn
                          ? `${longDate(notice.dcsDecisionOn)}${dcsDecisionBy ? `, ${dcsDecisionBy}` : ''}`
                          : 'Not recorded'}
                      </dd>
                      <dt className="font-semibold">Issued</dt>
                      <dd>{longDate(notice.issuedOn)}</dd>
                      <dt className="font-semibold">Comply by</dt>
                      <dd>{longDate(notice.complianceBy)}</dd>
                      {notice.letterId && (
                        <>
                          <dt className="font-semibold">Notice</dt>
                          <dd>
                            <a
                              className="text-brand-dark underline"
                              href={`/${tenant}/concern/letters/${notice.letterId}/pdf`}
                            >
                              The warning notice as sent (PDF)
                            </a>
                          </dd>
                        </>
                      )}
                      {notice.outcomeOn && (
                        <>
                          <dt className="font-semibold">Outcome</dt>
                          <dd>
                            {longDate(notice.outcomeOn)}: {notice.outcomeNotes}
                          </dd>
                        </>
                      )}
                    </dl>
                    {isOfficer && notice.status === 'recommended' && (
                      <>
                        {notice.kind === 'informal' || view.canDecide ? (
                          <IssueNoticeForm noticeId={notice.id} officers={otherOfficers} />
                        ) : (
                          <DcsOnly names={officers.map((o) => o.name)} what="issues this notice" />
                        )}
                        <NoticeOutcomeForm noticeId={notice.id} issued={false} />
                      </>
                    )}
                    {isOfficer && notice.status === 'issued' && (
                      <NoticeOutcomeForm noticeId={notice.id} issued />
                    )}
                  </li>
                ))}
              </ul>
            )}
            {isOfficer && (
              <RecordNoticeForm
                caseId={caseId}
                preconditions={view.preconditions}
                informalGiven={view.informalGiven}
              />
            )}
          </section>

          <section aria-labelledby="powers" className="mt-10">
            <h2 id="powers" className="text-2xl font-semibold">
              Intervention powers
            </h2>
            <p className="mt-2" data-testid="eligibility">
              <strong>{view.eligibility.eligible ? 'Eligible for intervention.' : 'Not eligible.'}</strong>{' '}
              {view.eligibility.reason}
            </p>
            {view.powers.length > 0 && (
              <ul className="mt-3 space-y-3">
                {view.powers.map(({ power, dcsDecisionBy }) => (
                  <li key={power.id} className="rounded-lg border border-slate-200 bg-white p-4">
                    <h3 className="font-semibold">{powerLabels[power.power]}</h3>
                    <p className="mt-1 text-sm">
                      DCS {power.dcsDecision} on {longDate(power.dcsDecisionOn)}
                      {dcsDecisionBy ? ` (${dcsDecisionBy})` : ''}
                    </p>
                    {power.notes && <p className="mt-1">{power.notes}</p>}
                  </li>
                ))}
              </ul>
            )}
            {isOfficer &&
              view.eligibility.eligible &&
              (view.canDecide ? (
                <RecordPowerForm caseId={caseId} officers={otherOfficers} />
              ) : (
                <DcsOnly names={officers.map((o) => o.name)} what="decides on a power" />
              ))}
          </section>
        </>
      )}
    </div>
  );
}
