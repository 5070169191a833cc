'use client';

import { inSentence, type PriceNames } from '~/server/catalogue/price-names';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Checkbox,
  Form,
  MoneyField,
  NumberField,
  numberReader,
  optionsOf,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextArea,
  TextField,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import type { VatTreatment } from '~/server/invoicing/invoice-vocabulary';
import { vatTreatmentLabels } from '~/server/invoicing/rules';
import { useTRPC } from '../../../_lib/trpc-client';

type Item = {
  id: string;
  name: string;
  description: string;
  memberPricePence: number;
  nonMemberPricePence: number;
  active: boolean;
  vatTreatment: VatTreatment | null;
  vatRateBasisPoints: number;
};

/** An item saved before treatments existed: standard-rated when it has a rate, else outside the scope. */
const treatmentOf = (item: Item): VatTreatment =>
  item.vatTreatment ?? (item.vatRateBasisPoints > 0 ? 'standard' : 'outside_scope');

/** The manager's edit: name, description, the two prices, its VAT and whether it is on sale. */
export function EditItemForm({ item, names }: { item: Item; names: PriceNames }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, set } = useFormValues({
    name: item.name,
    description: item.description,
    memberPrice: (item.memberPricePence / 100).toFixed(2),
    nonMemberPrice: (item.nonMemberPricePence / 100).toFixed(2),
    active: item.active,
    vatTreatment: treatmentOf(item) as string,
    vatRatePercent: item.vatRateBasisPoints > 0 ? String(item.vatRateBasisPoints / 100) : '20',
  });
  const standard = values.vatTreatment === 'standard';
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
      vat: {
        treatment: values.vatTreatment as VatTreatment,
        ratePercent: standard
          ? (read.number('vat.ratePercent', values.vatRatePercent, {
              missing: 'Enter the VAT rate, e.g. 20.',
            }) ?? Number.NaN)
          : 0,
      },
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
      <div className="flex flex-wrap gap-4">
        <SelectField
          label="VAT"
          hint="Zero-rated, exempt and outside the scope charge no VAT, and the invoice says which."
          {...update.field('vat.treatment')}
          options={optionsOf(vatTreatmentLabels)}
          {...bind('vatTreatment')}
        />
        {standard && (
          <NumberField
            label="VAT rate (%)"
            {...update.field('vat.ratePercent')}
            {...bind('vatRatePercent')}
            width="w-24"
          />
        )}
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
