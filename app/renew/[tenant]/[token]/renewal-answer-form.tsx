'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Button,
  CheckboxGroup,
  ErrorSummary,
  Form,
  SubmitButton,
  TextArea,
  TextField,
  useFormMutation,
} from '~/app/_components/form-kit';
import { useTRPC } from '../../../_lib/trpc-client';

type Package = { id: string; name: string; priceLabel: string; current: boolean };

export function RenewalAnswerForm({
  token,
  canRenew,
  packages,
}: {
  token: string;
  canRenew: boolean;
  packages: Package[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [mode, setMode] = useState<'choose' | 'change' | 'decline'>('choose');
  const [po, setPo] = useState('');
  const [chosen, setChosen] = useState<string[]>(packages.filter((p) => p.current).map((p) => p.id));
  const [reason, setReason] = useState('');
  const respond = useFormMutation(trpc.renewals.respond.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  const purchaseOrderNumber = po || undefined;
  const back = <Button onClick={() => setMode('choose')}>Back</Button>;

  return (
    <section
      aria-labelledby="answer"
      className="mt-8 space-y-5 rounded-lg border border-slate-200 bg-white p-5"
    >
      <h2 id="answer" className="text-2xl font-semibold">
        Your answer
      </h2>
      {mode === 'choose' && <ErrorSummary errors={respond.summary} />}
      {/* A purchase order goes with services bought: renewing or changing asks for it, declining does not. */}
      {mode !== 'decline' && (
        <TextField
          label="Purchase-order number (optional)"
          hint={mode === 'choose' ? 'For renewing or changing; not needed to decline.' : undefined}
          {...respond.field('answer.purchaseOrderNumber')}
          value={po}
          onChange={setPo}
          width="w-64"
        />
      )}
      {mode === 'choose' && (
        <div className="flex flex-wrap gap-3">
          {canRenew && (
            <Button
              variant="primary"
              disabled={respond.isPending}
              onClick={() => respond.mutate({ token, answer: { decision: 'renew', purchaseOrderNumber } })}
            >
              Renew as now
            </Button>
          )}
          <Button onClick={() => setMode('change')}>Change what we buy</Button>
          <Button onClick={() => setMode('decline')}>Decline</Button>
        </div>
      )}
      {mode === 'change' && (
        <Form
          form={respond}
          onSubmit={() =>
            respond.mutate({ token, answer: { decision: 'change', itemIds: chosen, purchaseOrderNumber } })
          }
        >
          <CheckboxGroup
            label="Choose the packages you want next year"
            {...respond.field('answer.itemIds')}
            options={packages.map((p) => ({ value: p.id, label: `${p.name}: ${p.priceLabel}` }))}
            value={chosen}
            onChange={setChosen}
          />
          <div className="flex gap-3">
            <SubmitButton pending={respond.isPending}>Confirm my choice</SubmitButton>
            {back}
          </div>
        </Form>
      )}
      {mode === 'decline' && (
        <Form
          form={respond}
          onSubmit={() =>
            respond.mutate({ token, answer: { decision: 'decline', reason: reason || undefined } })
          }
        >
          <TextArea
            label="Tell us why (optional)"
            {...respond.field('answer.reason')}
            value={reason}
            onChange={setReason}
            width="w-full"
          />
          <div className="flex gap-3">
            <SubmitButton pending={respond.isPending}>Decline for next year</SubmitButton>
            {back}
          </div>
        </Form>
      )}
    </section>
  );
}
