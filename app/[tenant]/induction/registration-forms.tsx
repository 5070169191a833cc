'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Form, SubmitButton, TextArea, useFormMutation } from '~/app/_components/form-kit';
import { useTRPC } from '../../_lib/trpc-client';

/** The AB accepts a school's registration (induction starts) or declines it, saying why. */
export function RegistrationDecisionForms({
  tenant,
  registrationId,
  ectName,
}: {
  tenant: string;
  registrationId: string;
  ectName: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [reason, setReason] = useState('');
  const accept = useFormMutation(trpc.induction.acceptRegistration.mutationOptions(), {
    idPrefix: `accept-${registrationId}`,
    onSuccess: (result) =>
      router.push(`/${tenant}/induction/${result.ectId}?invited=${result.invited.length}`),
  });
  const reject = useFormMutation(trpc.induction.rejectRegistration.mutationOptions(), {
    idPrefix: `reject-${registrationId}`,
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="space-y-3">
      <Form form={accept} onSubmit={() => accept.mutate({ registrationId })}>
        <SubmitButton pending={accept.isPending} pendingLabel="Accepting…">
          Accept {ectName}’s registration
        </SubmitButton>
      </Form>
      <details>
        <summary className="cursor-pointer font-semibold text-brand-dark underline">
          Decline {ectName}’s registration
        </summary>
        <Form
          form={reject}
          onSubmit={() => reject.mutate({ registrationId, reason })}
          className="mt-2 space-y-2"
        >
          <TextArea
            label="Why the registration is not accepted"
            hint="The school is emailed this reason (e.g. it should register with another Appropriate Body, the TRN is wrong, no QTS yet)."
            {...reject.field('reason')}
            value={reason}
            onChange={setReason}
          />
          <SubmitButton pending={reject.isPending} pendingLabel="Declining…">
            Decline the registration
          </SubmitButton>
        </Form>
      </details>
    </div>
  );
}

/** The school withdraws a registration still awaiting the AB. */
export function WithdrawRegistrationForm({
  registrationId,
  ectName,
}: {
  registrationId: string;
  ectName: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const withdraw = useFormMutation(trpc.induction.withdrawRegistration.mutationOptions(), {
    idPrefix: `withdraw-${registrationId}`,
    onSuccess: () => router.refresh(),
  });
  return (
    <Form form={withdraw} onSubmit={() => withdraw.mutate({ registrationId })}>
      <SubmitButton pending={withdraw.isPending} pendingLabel="Withdrawing…">
        Withdraw {ectName}’s registration
      </SubmitButton>
    </Form>
  );
}
