'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  FieldGroup,
  Form,
  RadioGroup,
  StatusMessage,
  SubmitButton,
  TextField,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import type { tradedSettingsView } from '~/server/catalogue/traded-settings';
import { useTRPC } from '../../../_lib/trpc-client';

type View = ReturnType<typeof tradedSettingsView>;

export function TradedSettingsForm({ initial }: { initial: View }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { values, bind, set } = useFormValues(initial);
  const save = useFormMutation(trpc.catalogue.updateSettings.mutationOptions(), {
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
        save.mutate(values);
      }}
      className="mt-6 max-w-3xl space-y-6"
    >
      <FieldGroup legend="Your two prices">
        <TextField
          label="The price schools with your agreement pay"
          hint="e.g. Member, Partnership agreement, Buy-back."
          width="w-80"
          {...save.field('memberPriceName')}
          {...bind('memberPriceName')}
        />
        <TextField
          label="The price other schools pay"
          hint="e.g. Non-member, Outside partnership."
          width="w-80"
          {...save.field('nonMemberPriceName')}
          {...bind('nonMemberPriceName')}
        />
      </FieldGroup>
      <RadioGroup
        label="A use the school’s entitlement covers only in part"
        hint="For example a day logged when half a day is left."
        options={[
          { value: 'split', label: 'Draw what is left and charge the rest' },
          { value: 'refuse', label: 'Refuse it, so whoever logs it splits it themselves' },
        ]}
        value={values.partialCover}
        onChange={set('partialCover')}
        {...save.field('partialCover')}
      />
      <div className="flex items-center gap-3">
        <SubmitButton pending={save.isPending}>Save settings</SubmitButton>
        {saved && <StatusMessage>Settings saved.</StatusMessage>}
      </div>
    </Form>
  );
}
