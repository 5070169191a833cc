import type { Metadata } from 'next';
import Link from 'next/link';
import { recordedTriggerKeys, triggerLabels } from '~/server/concern/evaluate-triggers';
import { formatIsoDate } from '../../_lib/traded-format';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { OpenCaseForm } from './concern-forms';
import { statusLabels } from './labels';

export const metadata: Metadata = { title: 'Schools causing concern' };

const triggerOptions = recordedTriggerKeys.map((key) => ({ key, label: triggerLabels[key] }));

export default async function ConcernRegisterPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api } = await loadWorkspace(tenant);
  const register = await guard(api.concern.register());
  return (
    <div>
      <h1 className="text-3xl font-bold">{register.listName}</h1>
      <p className="mt-2 text-slate-700">
        {register.officer
          ? `Schools on the register, the triggers they meet and when the ${register.meetingName} next reviews them.`
          : 'The cases you lead or advise on.'}
      </p>
      {register.officer && (
        <ul className="mt-4 flex flex-wrap gap-4">
          <li>
            <Link href={`/${tenant}/concern/meetings`} className="font-semibold text-brand-dark underline">
              {register.meetingName} meetings
            </Link>
          </li>
          <li>
            <Link href={`/${tenant}/concern/budget`} className="font-semibold text-brand-dark underline">
              SCC budget
            </Link>
          </li>
          <li>
            <Link href={`/${tenant}/concern/dcs`} className="font-semibold text-brand-dark underline">
              DCS and delegates
            </Link>
          </li>
        </ul>
      )}

      <section aria-labelledby="on-register" className="mt-8">
        <h2 id="on-register" className="text-2xl font-semibold">
          On the register ({register.cases.length})
        </h2>
        {register.cases.length === 0 ? (
          <p className="mt-2">No schools are on the register.</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full border-collapse bg-white text-left text-sm">
              <caption className="sr-only">{register.listName}</caption>
              <thead>
                <tr className="border-b-2 border-slate-300">
                  <th scope="col" className="p-2">
                    School
                  </th>
                  <th scope="col" className="p-2">
                    Status
                  </th>
                  <th scope="col" className="p-2">
                    Triggers met
                  </th>
                  <th scope="col" className="p-2">
                    LA category
                  </th>
                  <th scope="col" className="p-2">
                    {register.leadOfficerTitle}
                  </th>
                  <th scope="col" className="p-2 text-right">
                    Days on register
                  </th>
                  <th scope="col" className="p-2">
                    Next review
                  </th>
                </tr>
              </thead>
              <tbody>
                {register.cases.map((c) => (
                  <tr
                    key={c.caseId}
                    className="border-b border-slate-200 align-top"
                    data-testid="concern-case"
                  >
                    <td className="p-2">
                      <Link href={`/${tenant}/concern/${c.caseId}`} className="text-brand-dark underline">
                        {c.schoolName}
                      </Link>
                      <span className="block text-slate-700">
                        URN {c.urn}
                        {c.academy ? ' · academy (monitoring only)' : ''}
                      </span>
                    </td>
                    <td className="p-2">{statusLabels[c.status]}</td>
                    <td className="p-2">
                      {c.triggers.length === 0 ? (
                        'None recorded'
                      ) : (
                        <ul className="list-disc pl-4">
                          {c.triggers.map((t) => (
                            <li key={t.key}>
                              <span className="font-semibold">{t.label}</span>: {t.evidence.join(' ')}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="p-2">{c.laCategory ?? '—'}</td>
                    <td className="p-2">{c.leadOfficerName ?? 'Not appointed'}</td>
                    <td className="p-2 text-right">{c.daysOnRegister}</td>
                    <td className="p-2">{c.nextReviewOn ? formatIsoDate(c.nextReviewOn) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {register.officer && (
        <section aria-labelledby="possible" className="mt-8">
          <h2 id="possible" className="text-2xl font-semibold">
            Possible candidates ({register.candidates.length})
          </h2>
          <p className="mt-1 text-slate-700">
            Schools on the LA register with no open case whose latest Ofsted result meets the trigger or whose
            LA category causes concern.
          </p>
          {register.candidates.length === 0 ? (
            <p className="mt-2">None.</p>
          ) : (
            <ul className="mt-3 space-y-3">
              {register.candidates.map((c) => (
                <li key={c.schoolId} className="rounded-lg border border-slate-200 bg-white p-4">
                  <h3 className="text-lg font-semibold">
                    {c.schoolName} <span className="text-base font-normal">(URN {c.urn})</span>
                  </h3>
                  {c.academy && (
                    <p className="text-sm">
                      Academy: the LA may monitor it but concerns go to the DfE Regional Director.
                    </p>
                  )}
                  <ul className="mt-1 list-disc pl-5 text-sm">
                    {c.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                  <OpenCaseForm
                    tenant={tenant}
                    schoolId={c.schoolId}
                    schoolName={c.schoolName}
                    triggers={triggerOptions}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
