'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { parsePounds } from '~/app/_components/form-parse';
import {
  Checkbox,
  Form,
  MoneyField,
  StatusMessage,
  SubmitButton,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import { useTRPC } from '../../../_lib/trpc-client';

export function InductionSettingsForm({
  initialFeePence,
  initialCheckRegistrations,
}: {
  initialFeePence: number;
  initialCheckRegistrations: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { values, bind, set } = useFormValues({
    fee: (initialFeePence / 100).toFixed(2),
    checkRegistrations: initialCheckRegistrations,
  });
  const save = useFormMutation(trpc.induction.updateSettings.mutationOptions(), {
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  return (
    <Form
      form={save}
      onSubmit={() => {
        setSaved(false);
        // Empty or unreadable is NaN, which the procedure refuses with the field's message.
        const pounds = parsePounds(values.fee);
        save.mutate({
          feePerEctPence: typeof pounds === 'number' ? Math.round(pounds * 100) : Number.NaN,
          checkRegistrations: values.checkRegistrations,
        });
      }}
      className="mt-6 max-w-xl space-y-4"
    >
      <MoneyField
        label="Fee for each ECT registered"
        hint="Charged to the school when it registers an ECT (not again when an ECT moves school), on its next invoice. VAT-exempt. Enter 0 for no fee. A new fee applies to ECTs registered from now on."
        {...save.field('feePerEctPence')}
        {...bind('fee')}
      />
      <Checkbox
        label="Check school registrations before they take effect"
        hint="A school’s registration of an ECT waits for your acceptance: nothing is scheduled or charged until someone here accepts it, or declines it with a reason the school is emailed. Registrations you make for a school take effect at once."
        {...save.field('checkRegistrations')}
        checked={values.checkRegistrations}
        onChange={set('checkRegistrations')}
      />
      <SubmitButton pending={save.isPending}>Save settings</SubmitButton>
      {saved && <StatusMessage>Settings saved.</StatusMessage>}
    </Form>
  );
}
