import type { Metadata } from 'next';
import { FilterForm, FilterSelect } from '~/app/_components/filter-form';
import { Link } from '~/app/_components/link';
import { guard, loadWorkspace } from '../../_lib/server-api';
import { concernRegisterName } from '~/server/concern/register-name';
import { CasesTable } from './cases-table';
import { caseRow } from './case-rows';

export const metadata: Metadata = { title: 'Schools causing concern' };

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
          On the {concernRegisterName(register.listName)} ({register.cases.length})
        </h2>
        <CasesTable
          tenant={tenant}
          cases={register.cases.map(caseRow)}
          caption={register.listName}
          leadOfficerTitle={register.leadOfficerTitle}
        />
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
                  <p className="mt-2">
                    <Link
                      href={`/${tenant}/concern/open/${c.schoolId}`}
                      className="font-semibold text-brand-dark underline"
                    >
                      Open a case for {c.schoolName}
                    </Link>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {register.officer && (
        <section aria-labelledby="open-other" className="mt-8">
          <h2 id="open-other" className="text-2xl font-semibold">
            Open a case for another school
          </h2>
          <p className="mt-1 text-slate-700">
            For a concern that neither Ofsted’s latest result nor the LA category shows (safeguarding, a
            breakdown in leadership, low or declining achievement): choose the school, then record the trigger
            and its evidence as you open the case.
          </p>
          {register.others.length === 0 ? (
            <p className="mt-2">Every school on the register has a case or is listed above.</p>
          ) : (
            <FilterForm
              label="Open a case for another school"
              action={`/${tenant}/concern/open`}
              submit="Continue"
            >
              <FilterSelect
                name="school"
                label="School"
                placeholder="Choose a school"
                options={register.others.map((o) => ({
                  value: o.schoolId,
                  label: `${o.schoolName} (${o.urn})`,
                }))}
              />
            </FilterForm>
          )}
        </section>
      )}
    </div>
  );
}
