'use client';

import { inSentence, type PriceNames } from '~/server/catalogue/price-names';
import { Link } from '~/app/_components/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import {
  Button,
  Checkbox,
  FieldError,
  FieldGroup,
  Form,
  MoneyField,
  numberReader,
  NumberField,
  RadioGroup,
  optionsOf,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  useFormMutation,
  useFormValues,
  type Option,
} from '~/app/_components/form-kit';
import type { TCreateCatalogueItemInput } from '~/server/catalogue/catalogue-inputs';
import type { VatTreatment } from '~/server/invoicing/invoice-vocabulary';
import type { NewProductVat } from '~/server/invoicing/new-product-vat';
import { vatTreatmentLabels } from '~/server/invoicing/rules';
import type { PricingBasis } from '../../../_lib/traded-format';
import { useTRPC } from '../../../_lib/trpc-client';

type Unit = NonNullable<TCreateCatalogueItemInput['lines']>[number]['unit'];

let nextKey = 1;
const newLine = () => ({
  key: nextKey++,
  unit: '',
  quantity: '',
  unlimited: false,
  category: '',
  description: '',
  standaloneUnitPrice: '',
});
const newBand = () => ({
  key: nextKey++,
  phase: '',
  minPupils: '',
  maxPupils: '',
  memberPrice: '',
  nonMemberPrice: '',
});
type LineDraft = ReturnType<typeof newLine>;
type BandDraft = ReturnType<typeof newBand>;

/** In the summary, far from its row, a line's or band's error says which row it is about. */
function inSummary(path: string, message: string) {
  const row = /^(lines|bands)\.(\d+)\./.exec(path);
  if (!row) return message;
  return `${row[1] === 'lines' ? 'Line' : 'Price band'} ${Number(row[2]) + 1}: ${message}`;
}

export function CatalogueItemForm({
  tenant,
  years,
  defaultYear,
  units,
  bases,
  phases,
  names,
  vat,
}: {
  tenant: string;
  names: PriceNames;
  years: Option[];
  defaultYear: number;
  units: Option[];
  bases: { value: PricingBasis; label: string }[];
  phases: string[];
  /** The VAT each kind starts at, from the invoice settings (none without a VAT number), and why. */
  vat: Record<'package' | 'service', NewProductVat>;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const memberPriceMissing = `Enter the ${inSentence(names.member)} price.`;
  const nonMemberPriceMissing = `Enter the ${inSentence(names.nonMember)} price.`;
  // The form's VAT fields at a kind's default (a rate field left empty when the default is not standard-rated).
  const vatDefaultOf = (kind: 'package' | 'service') => ({
    vatTreatment: vat[kind].treatment as string,
    vatRatePercent: vat[kind].rateBasisPoints > 0 ? String(vat[kind].rateBasisPoints / 100) : '',
  });
  const { values, bind, setValues } = useFormValues({
    kind: 'package' as 'package' | 'service',
    academicYear: String(defaultYear),
    code: '',
    name: '',
    description: '',
    pricingBasis: 'school' as string,
    memberPrice: '',
    nonMemberPrice: '',
    minimumPrice: '',
    ...vatDefaultOf('package'),
    memberDiscountPercent: '0',
    proRataByTerm: true,
    drawsUnit: '',
    drawsQuantity: '1',
  });
  const [lines, setLines] = useState<LineDraft[]>(() => [newLine()]);
  const [bands, setBands] = useState<BandDraft[]>([]);
  // A new object each time, so asking to focus the same place twice still works.
  const [focusRequest, setFocusRequest] = useState<{ id: string } | null>(null);

  const create = useFormMutation(trpc.catalogue.create.mutationOptions(), {
    onSuccess: ({ id }) => router.push(`/${tenant}/catalogue/${id}`),
    // The only conflict on creating is a code already used that year.
    messageField: (error) => (error.data?.code === 'CONFLICT' ? 'code' : undefined),
    summaryMessage: inSummary,
  });

  // Move focus to a row just added, or to what follows a row just removed.
  useEffect(() => {
    if (focusRequest) document.getElementById(focusRequest.id)?.focus();
  }, [focusRequest]);

  const updateLine = (index: number, change: Partial<LineDraft>) =>
    setLines((all) => all.map((l, i) => (i === index ? { ...l, ...change } : l)));
  const updateBand = (index: number, change: Partial<BandDraft>) =>
    setBands((all) => all.map((b, i) => (i === index ? { ...b, ...change } : b)));

  function addLine() {
    setLines((all) => [...all, newLine()]);
    setFocusRequest({ id: create.idFor(`lines.${lines.length}.unit`) });
  }
  function removeLine(index: number) {
    // Errors point at rows by position, so they no longer fit once a row goes.
    create.clearErrors();
    setLines((all) => all.filter((_, i) => i !== index));
    setFocusRequest({ id: create.idFor('lines') });
  }
  function addBand() {
    setBands((all) => [...all, newBand()]);
    setFocusRequest({ id: create.idFor(`bands.${bands.length}.phase`) });
  }
  function removeBand(index: number) {
    create.clearErrors();
    setBands((all) => all.filter((_, i) => i !== index));
    setFocusRequest({ id: create.idFor('bands') });
  }

  const registered = vat[values.kind].vatRegistered;
  // Choosing the other kind moves the VAT to that kind's default, unless the manager has already changed it.
  function onKind(kind: 'package' | 'service') {
    setValues((v) => {
      const was = vatDefaultOf(v.kind);
      const untouched = v.vatTreatment === was.vatTreatment && v.vatRatePercent === was.vatRatePercent;
      return { ...v, kind, ...(untouched ? vatDefaultOf(kind) : {}) };
    });
  }

  function onSubmit() {
    const read = numberReader();
    const v = values;
    const input: TCreateCatalogueItemInput = {
      academicYear: Number(v.academicYear),
      kind: v.kind,
      code: v.code,
      name: v.name,
      description: v.description,
      pricingBasis: v.pricingBasis as PricingBasis,
      memberPrice: read.pounds('memberPrice', v.memberPrice, memberPriceMissing) ?? Number.NaN,
      nonMemberPrice: read.pounds('nonMemberPrice', v.nonMemberPrice, nonMemberPriceMissing) ?? Number.NaN,
      minimumPrice: read.pounds('minimumPrice', v.minimumPrice),
      // Not registered for VAT: no treatment of its own, so the invoice settings decide if it ever registers.
      vatTreatment: registered ? (v.vatTreatment as VatTreatment) : undefined,
      vatRatePercent:
        registered && v.vatTreatment === 'standard'
          ? (read.number('vatRatePercent', v.vatRatePercent, { missing: 'Enter the VAT rate, e.g. 20.' }) ??
            Number.NaN)
          : 0,
      memberDiscountPercent:
        read.number('memberDiscountPercent', v.memberDiscountPercent, { whole: true }) ?? 0,
      proRataByTerm: v.proRataByTerm,
      draws:
        v.kind === 'service' && v.drawsUnit !== ''
          ? {
              unit: v.drawsUnit as Unit,
              quantity:
                read.number('draws.quantity', v.drawsQuantity, {
                  missing: 'Enter how much one use takes, e.g. 1 or 0.5.',
                }) ?? Number.NaN,
            }
          : null,
      lines:
        v.kind === 'package'
          ? lines.map((l, i) => ({
              unit: l.unit as Unit,
              quantity: l.unlimited
                ? null
                : read.number(`lines.${i}.quantity`, l.quantity, {
                    missing: 'Enter a quantity, or choose unlimited.',
                  }),
              category: l.category,
              description: l.description,
              standaloneUnitPrice: read.pounds(`lines.${i}.standaloneUnitPrice`, l.standaloneUnitPrice),
            }))
          : [],
      bands: bands.map((b, i) => ({
        phase: b.phase || null,
        minPupils: read.number(`bands.${i}.minPupils`, b.minPupils, { whole: true }),
        maxPupils: read.number(`bands.${i}.maxPupils`, b.maxPupils, { whole: true }),
        memberPrice: read.pounds(`bands.${i}.memberPrice`, b.memberPrice, memberPriceMissing) ?? Number.NaN,
        nonMemberPrice:
          read.pounds(`bands.${i}.nonMemberPrice`, b.nonMemberPrice, nonMemberPriceMissing) ?? Number.NaN,
      })),
    };
    create.setClientErrors(read.problems());
    create.mutate(input);
  }

  const sectionHeading = 'text-2xl font-semibold';
  const unitOptions = { options: units, width: 'w-64 max-w-full' };

  return (
    <Form form={create} onSubmit={onSubmit} className="max-w-3xl space-y-8">
      <section aria-labelledby="about" className="space-y-5">
        <h2 id="about" className={sectionHeading}>
          About it
        </h2>
        <RadioGroup
          label="Is it a package or a service?"
          {...create.field('kind')}
          value={values.kind}
          onChange={onKind}
          name="kind"
          options={[
            { value: 'package', label: 'A package: a year’s subscription that gives entitlements' },
            { value: 'service', label: 'A service: bought when a school needs it' },
          ]}
        />
        <SelectField
          label="Academic year"
          {...create.field('academicYear')}
          {...bind('academicYear')}
          options={years}
        />
        <TextField
          label="Code"
          hint="A short reference used on invoices, e.g. ACL-2026. Letters, numbers and hyphens."
          {...create.field('code')}
          {...bind('code')}
          autoComplete="off"
          spellCheck={false}
          width="w-48 uppercase"
        />
        <TextField
          label="Name"
          {...create.field('name')}
          {...bind('name')}
          autoComplete="off"
          width="w-full"
        />
        <TextArea
          label="Description (optional)"
          hint="What schools get, in a sentence or two."
          {...create.field('description')}
          {...bind('description')}
          width="w-full"
        />
      </section>

      <section aria-labelledby="prices" className="space-y-5">
        <h2 id="prices" className={sectionHeading}>
          Prices
        </h2>
        <SelectField
          label="Priced"
          {...create.field('pricingBasis')}
          {...bind('pricingBasis')}
          options={bases}
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <MoneyField
            label={`${names.member} price`}
            hint={`For schools with your agreement (“Pays ${inSentence(names.member)} prices” on their school page).`}
            {...create.field('memberPrice')}
            {...bind('memberPrice')}
          />
          <MoneyField
            label={`${names.nonMember} price`}
            hint="For other schools."
            {...create.field('nonMemberPrice')}
            {...bind('nonMemberPrice')}
          />
        </div>
        <MoneyField
          label="Minimum price (optional)"
          hint={`The least a school paying ${inSentence(names.nonMember)} prices pays for an item priced per ECT, place or governing body, however late in the year it joins.`}
          {...create.field('minimumPrice')}
          {...bind('minimumPrice')}
        />
        <div className="grid gap-5 sm:grid-cols-2">
          {registered ? (
            <>
              <SelectField
                label="VAT"
                hint={`${vat[values.kind].explanation} Zero-rated, exempt and outside the scope charge no VAT, and the invoice says which.`}
                {...create.field('vatTreatment')}
                options={optionsOf(vatTreatmentLabels)}
                {...bind('vatTreatment')}
              />
              {values.vatTreatment === 'standard' && (
                <NumberField
                  label="VAT rate (%)"
                  {...create.field('vatRatePercent')}
                  {...bind('vatRatePercent')}
                  width="w-24"
                />
              )}
            </>
          ) : (
            <p className="sm:col-span-2" data-testid="item-vat">
              {vat[values.kind].explanation}
            </p>
          )}
          <NumberField
            whole
            label={`${names.member} discount (%)`}
            hint={`If more than 0, schools paying ${inSentence(names.member)} prices pay the ${inSentence(names.nonMember)} price less this, instead of the ${inSentence(names.member)} price above.`}
            {...create.field('memberDiscountPercent')}
            {...bind('memberDiscountPercent')}
            width="w-24"
          />
        </div>
        <Checkbox
          label="Pro-rate by term"
          hint="A school joining after the year starts pays only for the terms left."
          {...create.field('proRataByTerm')}
          checked={values.proRataByTerm}
          onChange={bind('proRataByTerm').onChange}
        />
      </section>

      {values.kind === 'package' && (
        <section aria-labelledby="lines-title" className="space-y-4">
          <h2 id="lines-title" className={sectionHeading}>
            What the package gives
          </h2>
          <p className="text-slate-700">
            One line per entitlement. The price of one bought separately lets schools see their saving.
          </p>
          <FieldError id={create.idFor('lines')} message={create.errorFor('lines')} />
          {lines.map((line, i) => {
            const field = (name: keyof LineDraft) => ({
              ...create.field(`lines.${i}.${name}`),
              onChange: (value: string) => updateLine(i, { [name]: value }),
            });
            return (
              <FieldGroup key={line.key} legend={`Line ${i + 1}`}>
                <div className="grid gap-4 sm:grid-cols-2">
                  <SelectField
                    label="Entitlement"
                    {...field('unit')}
                    value={line.unit}
                    {...unitOptions}
                    placeholder="Choose"
                  />
                  <div>
                    <NumberField
                      label="Quantity"
                      {...field('quantity')}
                      value={line.unlimited ? '' : line.quantity}
                      disabled={line.unlimited}
                    />
                    <Checkbox
                      label="Unlimited"
                      className="mt-2"
                      id={create.idFor(`lines.${i}.unlimited`)}
                      checked={line.unlimited}
                      onChange={(unlimited) => updateLine(i, { unlimited })}
                    />
                  </div>
                </div>
                <TextField
                  label="Description"
                  hint="As schools will see it, e.g. 3 adviser days."
                  {...field('description')}
                  value={line.description}
                  width="w-full"
                />
                <div className="grid gap-4 sm:grid-cols-2">
                  <TextField
                    label="Category (optional)"
                    hint="Keeps this apart from other lines in the same unit, e.g. Headteacher seminars."
                    {...field('category')}
                    value={line.category}
                    width="w-full"
                  />
                  <MoneyField
                    label="Price of one bought separately (optional)"
                    {...field('standaloneUnitPrice')}
                    value={line.standaloneUnitPrice}
                  />
                </div>
                <Button onClick={() => removeLine(i)}>Remove line {i + 1}</Button>
              </FieldGroup>
            );
          })}
          <Button
            id={create.idFor('lines')}
            onClick={addLine}
            aria-describedby={create.errorFor('lines') ? `${create.idFor('lines')}-error` : undefined}
          >
            Add a line
          </Button>
        </section>
      )}

      {values.kind === 'service' && (
        <section aria-labelledby="draws-title" className="space-y-4">
          <h2 id="draws-title" className={sectionHeading}>
            Entitlement it uses
          </h2>
          <p className="text-slate-700">
            If a school&apos;s package covers this service, each use comes out of that balance first.
          </p>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField
              label="Entitlement used"
              {...create.field('draws.unit')}
              {...bind('drawsUnit')}
              {...unitOptions}
              placeholder="Nothing"
            />
            {values.drawsUnit && (
              <NumberField
                label="Amount per use"
                hint="e.g. 1 or 0.5"
                {...create.field('draws.quantity')}
                {...bind('drawsQuantity')}
              />
            )}
          </div>
        </section>
      )}

      <section aria-labelledby="bands-title" className="space-y-4">
        <h2 id="bands-title" className={sectionHeading}>
          Price bands (optional)
        </h2>
        <p className="text-slate-700">
          Different prices by phase or number of pupils. A school pays the first band that matches it, or the
          prices above if none does.
        </p>
        {bands.map((band, i) => {
          const field = (name: keyof BandDraft) => ({
            ...create.field(`bands.${i}.${name}`),
            value: String(band[name]),
            onChange: (value: string) => updateBand(i, { [name]: value }),
          });
          return (
            <FieldGroup key={band.key} legend={`Price band ${i + 1}`}>
              <div className="grid gap-4 sm:grid-cols-3">
                <SelectField
                  label="Phase"
                  {...field('phase')}
                  options={phases.map((p) => ({ value: p, label: p }))}
                  placeholder="Any phase"
                  width="w-full"
                />
                <NumberField whole label="Fewest pupils (optional)" {...field('minPupils')} />
                <NumberField whole label="Most pupils (optional)" {...field('maxPupils')} />
              </div>
              <div className="grid gap-4 sm:grid-cols-2">
                <MoneyField label={`${names.member} price`} {...field('memberPrice')} />
                <MoneyField label={`${names.nonMember} price`} {...field('nonMemberPrice')} />
              </div>
              <Button onClick={() => removeBand(i)}>Remove price band {i + 1}</Button>
            </FieldGroup>
          );
        })}
        <Button id={create.idFor('bands')} onClick={addBand}>
          Add a price band
        </Button>
      </section>

      <div className="flex flex-wrap items-center gap-4 border-t border-slate-300 pt-6">
        <SubmitButton pending={create.isPending} disabled={create.isSuccess} pendingLabel="Creating…">
          Create {values.kind}
        </SubmitButton>
        <Link href={`/${tenant}/catalogue?year=${values.academicYear}`} className="text-brand-dark underline">
          Cancel
        </Link>
      </div>
    </Form>
  );
}
