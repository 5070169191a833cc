'use client';

import { inSentence, type PriceNames } from '~/server/catalogue/price-names';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Checkbox,
  Form,
  MoneyField,
  numberReader,
  StatusMessage,
  SubmitButton,
  TextArea,
  TextField,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import { useTRPC } from '../../../_lib/trpc-client';

type Item = {
  id: string;
  name: string;
  description: string;
  memberPricePence: number;
  nonMemberPricePence: number;
  active: boolean;
};

/** The manager's edit: name, description, the two prices and whether it is on sale. */
export function EditItemForm({ item, names }: { item: Item; names: PriceNames }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, set } = useFormValues({
    name: item.name,
    description: item.description,
    memberPrice: (item.memberPricePence / 100).toFixed(2),
    nonMemberPrice: (item.nonMemberPricePence / 100).toFixed(2),
    active: item.active,
  });
  const [saved, setSaved] = useState(false);
  const update = useFormMutation(trpc.catalogue.update.mutationOptions(), {
    idPrefix: 'edit',
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });

  function onSubmit() {
    setSaved(false);
    const read = numberReader();
    update.mutate({
      id: item.id,
      name: values.name,
      description: values.description,
      memberPrice:
        read.pounds('memberPrice', values.memberPrice, `Enter the ${inSentence(names.member)} price.`) ??
        Number.NaN,
      nonMemberPrice:
        read.pounds(
          'nonMemberPrice',
          values.nonMemberPrice,
          `Enter the ${inSentence(names.nonMember)} price.`,
        ) ?? Number.NaN,
      active: values.active,
    });
    update.setClientErrors(read.problems());
  }

  return (
    <Form
      form={update}
      onSubmit={onSubmit}
      className="mt-8 max-w-2xl space-y-3 rounded-lg border border-slate-200 bg-white p-5"
      heading={
        <>
          <h2 className="text-xl font-semibold">Edit this item</h2>
          <p className="text-sm text-slate-700">
            Schools already subscribed keep the price they were quoted.
          </p>
        </>
      }
    >
      <TextField label="Name" {...update.field('name')} {...bind('name')} width="w-full" />
      <TextArea
        label="Description"
        {...update.field('description')}
        {...bind('description')}
        width="w-full"
      />
      <div className="flex flex-wrap gap-4">
        <MoneyField
          label={`${names.member} price (£)`}
          {...update.field('memberPrice')}
          {...bind('memberPrice')}
        />
        <MoneyField
          label={`${names.nonMember} price (£)`}
          {...update.field('nonMemberPrice')}
          {...bind('nonMemberPrice')}
        />
      </div>
      <Checkbox
        label="On sale to schools"
        {...update.field('active')}
        checked={values.active}
        onChange={set('active')}
      />
      <div className="flex items-center gap-3">
        <SubmitButton pending={update.isPending}>Save changes</SubmitButton>
        <StatusMessage>{saved ? 'Changes saved.' : ''}</StatusMessage>
      </div>
    </Form>
  );
}
