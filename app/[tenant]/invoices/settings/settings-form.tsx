'use client';

import { useRouter } from 'next/navigation';
import {
  Checkbox,
  Form,
  NumberField,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextArea,
  TextField,
  optionsOf,
  parseNumber,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import type { CustomerCategory, VatRule } from '~/server/invoicing/invoice-vocabulary';
import type { InvoiceSettingsInput } from '~/server/invoicing/settings';
import { vatTreatmentLabels } from '~/server/invoicing/rules';
import { useTRPC } from '../../../_lib/trpc-client';

const categories: { key: CustomerCategory; label: string }[] = [
  { key: 'maintained', label: 'Maintained schools in your area' },
  { key: 'academy', label: 'Academies, free schools and other schools not maintained in your area' },
  { key: 'out_of_area', label: 'Schools outside your area' },
];

/** Product kinds a rule can single out, for exceptions to the customer rules above. */
const productKinds: { key: 'package' | 'service'; label: string }[] = [
  { key: 'package', label: 'Packages' },
  { key: 'service', label: 'Services and charges' },
];
const categoryShort: Record<CustomerCategory, string> = {
  maintained: 'maintained',
  academy: 'academies and other schools not maintained',
  out_of_area: 'out of area',
};
type ExceptionKey = `vat_${'package' | 'service'}_${CustomerCategory}`;
const exceptionKeys = productKinds.flatMap((p) =>
  categories.map((c) => ({ key: `vat_${p.key}_${c.key}` as ExceptionKey, product: p, category: c })),
);

const billingLabels = {
  annual: 'The whole year on one invoice',
  termly: 'Each term on its own invoice',
  financial_year_split: 'Maintained schools: split at 1 April (7/12 + 5/12); others yearly',
};

export function InvoiceSettingsForm({ initial, isLa }: { initial: InvoiceSettingsInput; isLa: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const ruleFor = (c: CustomerCategory) =>
    initial.vatRules.find((r) => r.productKind === 'any' && r.customerCategory === c)?.treatment ?? '';
  const exceptionFor = (p: 'package' | 'service', c: CustomerCategory) =>
    (initial.vatRules.find((r) => r.productKind === p && r.customerCategory === c)?.treatment ??
      '') as string;
  const codes = initial.financeCodes['*'] ?? {};
  const { values, bind } = useFormValues({
    legalName: initial.legalName,
    address: initial.address,
    vatNumber: initial.vatNumber ?? '',
    invoicePrefix: initial.invoicePrefix,
    creditNotePrefix: initial.creditNotePrefix,
    journalPrefix: initial.journalPrefix,
    paymentTermsDays: String(initial.paymentTermsDays),
    bankDetails: initial.bankDetails,
    subscriptionBilling: initial.subscriptionBilling as string,
    journalForMaintained: initial.journalForMaintained,
    maintained: ruleFor('maintained') as string,
    academy: ruleFor('academy') as string,
    out_of_area: ruleFor('out_of_area') as string,
    nominalCode: codes.nominalCode ?? '',
    costCentre: codes.costCentre ?? '',
    cfrCode: codes.cfrCode ?? '',
    reminderDays: initial.reminderDays.join(', '),
    offerBacsDebit: initial.offerBacsDebit,
    ...(Object.fromEntries(
      exceptionKeys.map((e) => [e.key, exceptionFor(e.product.key, e.category.key)]),
    ) as Record<ExceptionKey, string>),
  });
  const save = useFormMutation(trpc.invoices.updateSettings.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  const submit = () => {
    const terms = parseNumber(values.paymentTermsDays, { whole: true });
    const reminders = values.reminderDays
      .split(',')
      .map((d) => d.trim())
      .filter(Boolean);
    const errors: Record<string, string> = {};
    if (typeof terms !== 'number') errors.paymentTermsDays = 'Enter the payment terms in days, like 30.';
    if (reminders.some((d) => !/^\d+$/.test(d)))
      errors.reminderDays = 'Enter days as whole numbers, like 7, 30.';
    if (Object.keys(errors).length > 0) return save.setClientErrors(errors);
    // Rules this form does not show (a product kind for every customer, the catch-all) are kept as they are.
    const kept = initial.vatRules.filter((r) => r.customerCategory === 'any');
    const exceptionRules: VatRule[] = exceptionKeys.flatMap((e) => {
      const treatment = values[e.key];
      return treatment
        ? [
            {
              productKind: e.product.key,
              customerCategory: e.category.key,
              treatment: treatment as VatRule['treatment'],
            },
          ]
        : [];
    });
    const categoryRules: VatRule[] = categories.flatMap((c) => {
      const treatment = values[c.key];
      return treatment
        ? [{ productKind: 'any', customerCategory: c.key, treatment: treatment as VatRule['treatment'] }]
        : [];
    });
    const otherCodes = Object.fromEntries(Object.entries(initial.financeCodes).filter(([k]) => k !== '*'));
    save.mutate({
      legalName: values.legalName,
      address: values.address,
      vatNumber: values.vatNumber.trim() || null,
      invoicePrefix: values.invoicePrefix,
      creditNotePrefix: values.creditNotePrefix,
      journalPrefix: values.journalPrefix,
      paymentTermsDays: typeof terms === 'number' ? terms : 30,
      bankDetails: values.bankDetails,
      logoUrl: initial.logoUrl ?? null,
      standardRateBasisPoints: initial.standardRateBasisPoints,
      vatRules: [...exceptionRules, ...categoryRules, ...kept],
      financeCodes: {
        ...otherCodes,
        '*': {
          nominalCode: values.nominalCode || undefined,
          costCentre: values.costCentre || undefined,
          cfrCode: values.cfrCode || undefined,
        },
      },
      subscriptionBilling: values.subscriptionBilling as InvoiceSettingsInput['subscriptionBilling'],
      journalForMaintained: isLa && values.journalForMaintained,
      reminderDays: reminders.map(Number),
      offerBacsDebit: values.offerBacsDebit,
    });
  };
  const treatmentOptions = optionsOf(vatTreatmentLabels);
  return (
    <Form form={save} onSubmit={submit} className="max-w-2xl space-y-5">
      <TextField {...save.field('legalName')} label="Legal name on invoices" {...bind('legalName')} />
      <TextArea {...save.field('address')} label="Address" rows={3} {...bind('address')} />
      <TextField
        {...save.field('vatNumber')}
        label="VAT registration number (optional)"
        hint="For example GB123456789. Leave it empty if you are not registered for VAT: then no VAT is charged on invoices, quotes or course places."
        width="w-64"
        {...bind('vatNumber')}
      />
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">Numbering</legend>
        <TextField
          {...save.field('invoicePrefix')}
          label="Invoice number prefix"
          width="w-40"
          {...bind('invoicePrefix')}
        />
        <TextField
          {...save.field('creditNotePrefix')}
          label="Credit note prefix"
          width="w-40"
          {...bind('creditNotePrefix')}
        />
        <TextField
          {...save.field('journalPrefix')}
          label="Internal journal prefix"
          width="w-40"
          {...bind('journalPrefix')}
        />
      </fieldset>
      <NumberField
        {...save.field('paymentTermsDays')}
        whole
        label="Payment terms (days)"
        {...bind('paymentTermsDays')}
      />
      <TextArea
        {...save.field('bankDetails')}
        label="Bank details for BACS"
        hint="Account name, sort code and account number."
        rows={2}
        {...bind('bankDetails')}
      />
      <SelectField
        {...save.field('subscriptionBilling')}
        label="How subscriptions are billed"
        options={optionsOf(billingLabels)}
        {...bind('subscriptionBilling')}
      />
      {isLa && (
        <Checkbox
          {...save.field('journalForMaintained')}
          label="Recharge our own maintained schools by internal journal instead of an invoice"
          checked={values.journalForMaintained}
          onChange={bind('journalForMaintained').onChange}
        />
      )}
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">VAT by customer</legend>
        {values.vatNumber.trim() === '' && (
          <p
            className="rounded border-l-4 border-amber-700 bg-amber-50 p-3 text-sm"
            data-testid="no-vat-number"
          >
            With no VAT registration number you are not VAT-registered, so no VAT is charged: every line is
            outside the scope of VAT, whatever the choices below and the packages’ and courses’ own VAT. Enter
            your VAT number to charge VAT.
          </p>
        )}
        <p className="text-sm text-slate-700">
          Leave a choice empty to use the catalogue’s VAT rate for every product.
        </p>
        {categories.map((c) => (
          <SelectField
            key={c.key}
            {...save.field(c.key)}
            label={c.label}
            hint={
              isLa && c.key === 'maintained'
                ? 'An LA’s supplies to its own maintained schools are normally outside the scope of VAT, as the schools are part of the LA, so a new LA starts there; you can change it.'
                : undefined
            }
            placeholder="Use the catalogue rate"
            options={treatmentOptions}
            {...bind(c.key)}
          />
        ))}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">VAT exceptions by product</legend>
        <p className="text-sm text-slate-700">
          Where packages and one-off services differ for the same customer (for example a maintained school’s
          package outside the scope of VAT but its extra consultancy standard-rated). An exception wins over
          the customer’s rule above.
        </p>
        {exceptionKeys.map((e) => (
          <SelectField
            key={e.key}
            {...save.field(e.key)}
            label={`${e.product.label}: ${categoryShort[e.category.key]}`}
            placeholder="As for the customer above"
            options={treatmentOptions}
            {...bind(e.key)}
          />
        ))}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">Finance codes on every line</legend>
        <TextField
          {...save.field('nominalCode')}
          label="Nominal code"
          width="w-40"
          {...bind('nominalCode')}
        />
        <TextField {...save.field('costCentre')} label="Cost centre" width="w-40" {...bind('costCentre')} />
        <TextField {...save.field('cfrCode')} label="CFR code" width="w-40" {...bind('cfrCode')} />
      </fieldset>
      <TextField
        {...save.field('reminderDays')}
        label="Overdue reminders (days after the due date)"
        hint="Separate with commas, like 7, 30."
        width="w-64"
        {...bind('reminderDays')}
      />
      <Checkbox
        {...save.field('offerBacsDebit')}
        label="Offer Bacs Direct Debit as well as card when a school pays online"
        hint="Your Stripe account must have Bacs Direct Debit switched on; if it has not, schools are offered card only. A Direct Debit takes a few working days to clear: the invoice is marked paid when Stripe confirms it."
        checked={values.offerBacsDebit}
        onChange={bind('offerBacsDebit').onChange}
      />
      <SubmitButton pending={save.isPending}>Save settings</SubmitButton>
      <StatusMessage>{save.isSuccess ? 'Saved.' : ''}</StatusMessage>
    </Form>
  );
}
