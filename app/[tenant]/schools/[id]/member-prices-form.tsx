'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Checkbox, Form, StatusMessage, SubmitButton, useFormMutation } from '~/app/_components/form-kit';
import { inSentence, priceNameFor, type PriceNames } from '~/server/catalogue/price-names';
import { useTRPC } from '../../../_lib/trpc-client';

/** The manager records whether the school pays member prices (its agreement signed or ended). */
export function MemberPricesForm({
  schoolId,
  member,
  names,
}: {
  schoolId: string;
  member: boolean;
  names: PriceNames;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [checked, setChecked] = useState(member);
  const [saved, setSaved] = useState('');
  const save = useFormMutation(trpc.schools.setMemberPrices.mutationOptions(), {
    messageField: 'member',
    onSuccess: (result) => {
      setSaved(`Saved: ${inSentence(priceNameFor(names, result.member))} prices from now on.`);
      router.refresh();
    },
  });
  return (
    <Form
      form={save}
      onSubmit={() => {
        setSaved('');
        save.mutate({ schoolId, member: checked });
      }}
      className="mt-6 max-w-2xl"
    >
      <Checkbox
        {...save.field('member')}
        label={`Pays ${inSentence(names.member)} prices`}
        hint="Tick when the school signs your agreement or buys back; untick when it ends. Prices already charged and subscriptions already taken keep theirs."
        checked={checked}
        onChange={setChecked}
      />
      <div className="mt-3 flex items-center gap-3">
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save prices
        </SubmitButton>
        <StatusMessage>{saved}</StatusMessage>
      </div>
    </Form>
  );
}
