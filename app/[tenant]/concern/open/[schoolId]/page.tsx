import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { recordedTriggerKeys, triggerLabels } from '~/server/concern/evaluate-triggers';
import { guard, loadWorkspace } from '../../../../_lib/server-api';
import { OpenCaseForm } from '../../concern-forms';

export const metadata: Metadata = { title: 'Open a candidate case' };

const triggerOptions = recordedTriggerKeys.map((key) => ({ key, label: triggerLabels[key] }));

export default async function OpenCasePage({
  params,
}: {
  params: Promise<{ tenant: string; schoolId: string }>;
}) {
  const { tenant, schoolId } = await params;
  const { api } = await loadWorkspace(tenant);
  const candidate = await guard(api.concern.candidate({ schoolId }));
  return (
    <div>
      <p>
        <Link href={`/${tenant}/concern`} className="text-brand-dark underline">
          Back to {candidate.listName}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Open a case for {candidate.schoolName}</h1>
      <p className="mt-2 text-slate-700">
        {`URN ${candidate.urn}. `}A candidate case puts the school on the register for the next review meeting
        to decide whether to designate it.
      </p>
      {candidate.academy && (
        <p className="mt-2">Academy: the LA may monitor it but concerns go to the DfE Regional Director.</p>
      )}
      {candidate.reasons.length > 0 ? (
        <>
          <h2 className="mt-6 text-xl font-semibold">Why it is a possible candidate</h2>
          <ul className="mt-2 list-disc pl-5">
            {candidate.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-4">
          Neither Ofsted’s latest result nor the LA category makes it a possible candidate, so the case rests
          on the trigger you record below and its evidence.
        </p>
      )}
      <OpenCaseForm
        tenant={tenant}
        schoolId={candidate.schoolId}
        triggers={triggerOptions}
        triggerRequired={candidate.reasons.length === 0}
      />
    </div>
  );
}
