'use client';

import { ErrorSummary, FieldError, type SummaryError } from '~/app/_components/form-kit';
import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { TCreateCatalogueItemInput } from '~/server/catalogue/catalogue-inputs';
import type { PricingBasis } from '../../../_lib/traded-format';
import { useTRPC } from '../../../_lib/trpc-client';

type Option = { value: string; label: string };
type Unit = NonNullable<TCreateCatalogueItemInput['lines']>[number]['unit'];

type LineDraft = {
  key: number;
  unit: string;
  quantity: string;
  unlimited: boolean;
  category: string;
  description: string;
  standaloneUnitPrice: string;
};
type BandDraft = {
  key: number;
  phase: string;
  minPupils: string;
  maxPupils: string;
  memberPrice: string;
  nonMemberPrice: string;
};

const lineFields = ['unit', 'quantity', 'category', 'description', 'standaloneUnitPrice'] as const;
const bandFields = ['phase', 'minPupils', 'maxPupils', 'memberPrice', 'nonMemberPrice'] as const;

/** Error keys are the server's dotted paths (`lines.0.description`); each field's id is the same with dashes. */
const idOf = (key: string) => key.replace(/\./g, '-');

let nextKey = 1;
const newLine = (): LineDraft => ({
  key: nextKey++,
  unit: '',
  quantity: '',
  unlimited: false,
  category: '',
  description: '',
  standaloneUnitPrice: '',
});
const newBand = (): BandDraft => ({
  key: nextKey++,
  phase: '',
  minPupils: '',
  maxPupils: '',
  memberPrice: '',
  nonMemberPrice: '',
});

const inputClass = 'mt-1 block rounded border-2 border-slate-600 bg-white px-3 py-2';

/** A label, hint and error for one field; the control gets the ids it must point at. */
function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: (aria: { 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div>
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      <FieldError id={id} message={error} />
      {children({
        'aria-describedby': describedBy || undefined,
        'aria-invalid': error ? true : undefined,
      })}
    </div>
  );
}

/** In the summary, far from its row, a line's or band's error says which row it is about. */
function inSummary(key: string, message: string) {
  const row = /^(lines|bands)\.(\d+)\./.exec(key);
  if (!row) return message;
  return `${row[1] === 'lines' ? 'Line' : 'Price band'} ${Number(row[2]) + 1}: ${message}`;
}

/** Pounds as typed ("3,900.00", "£450"), or an error message. */
function parsePounds(text: string): number | string | null {
  const cleaned = text.replace(/[£,\s]/g, '');
  if (cleaned === '') return null;
  return /^\d+(\.\d{1,2})?$/.test(cleaned)
    ? Number(cleaned)
    : 'Enter an amount in pounds, like 3900 or 3,900.00.';
}

/** A number as typed, or an error message. */
function parseNumber(text: string, wholeOnly = false): number | string | null {
  const cleaned = text.replace(/[,\s]/g, '');
  if (cleaned === '') return null;
  const pattern = wholeOnly ? /^\d+$/ : /^-?\d+(\.\d+)?$/;
  return pattern.test(cleaned) ? Number(cleaned) : wholeOnly ? 'Enter a whole number.' : 'Enter a number.';
}

export function CatalogueItemForm({
  tenant,
  years,
  defaultYear,
  units,
  bases,
  phases,
}: {
  tenant: string;
  years: Option[];
  defaultYear: number;
  units: Option[];
  bases: { value: PricingBasis; label: string }[];
  phases: string[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [kind, setKind] = useState<'package' | 'service'>('package');
  const [academicYear, setAcademicYear] = useState(String(defaultYear));
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [pricingBasis, setPricingBasis] = useState<PricingBasis>('school');
  const [memberPrice, setMemberPrice] = useState('');
  const [nonMemberPrice, setNonMemberPrice] = useState('');
  const [minimumPrice, setMinimumPrice] = useState('');
  const [vatRatePercent, setVatRatePercent] = useState('0');
  const [memberDiscountPercent, setMemberDiscountPercent] = useState('0');
  const [proRataByTerm, setProRataByTerm] = useState(true);
  const [drawsUnit, setDrawsUnit] = useState('');
  const [drawsQuantity, setDrawsQuantity] = useState('1');
  const [lines, setLines] = useState<LineDraft[]>(() => [newLine()]);
  const [bands, setBands] = useState<BandDraft[]>([]);
  const [typingErrors, setTypingErrors] = useState<Record<string, string> | null>(null);
  // A new object each time, so asking to focus the same place twice still works.
  const [focusRequest, setFocusRequest] = useState<{ id: string } | null>(null);

  const create = useMutation(
    trpc.catalogue.create.mutationOptions({
      onSuccess: ({ id }) => router.push(`/${tenant}/catalogue/${id}`),
    }),
  );

  // Move focus to a row just added, or to what follows a row just removed.
  useEffect(() => {
    if (focusRequest) document.getElementById(focusRequest.id)?.focus();
  }, [focusRequest]);

  const serverErrors: Record<string, string> = {};
  if (create.error) {
    const fieldErrors = create.error.data?.fieldErrors;
    if (fieldErrors) {
      for (const [key, messages] of Object.entries(fieldErrors)) {
        if (messages[0]) serverErrors[key] = messages[0];
      }
    } else if (create.error.data?.code === 'CONFLICT') {
      // The only conflict on creating is a code already used that year.
      serverErrors.code = create.error.message;
    } else {
      serverErrors._form = create.error.message;
    }
  }
  const errors = { ...serverErrors, ...typingErrors };
  const errorFor = (key: string) => errors[key];

  const fieldOrder = [
    'kind',
    'academicYear',
    'code',
    'name',
    'description',
    'pricingBasis',
    'memberPrice',
    'nonMemberPrice',
    'minimumPrice',
    'vatRatePercent',
    'memberDiscountPercent',
    'proRataByTerm',
    'draws',
    'draws.unit',
    'draws.quantity',
    ...lines.flatMap((_, i) => lineFields.map((f) => `lines.${i}.${f}`)),
    'lines',
    ...bands.flatMap((_, i) => bandFields.map((f) => `bands.${i}.${f}`)),
    'bands',
  ];
  const linkable = new Set(fieldOrder.filter((k) => k !== 'draws' && k !== 'bands'));
  const summary: SummaryError[] = [
    ...fieldOrder.filter((k) => errors[k]),
    ...Object.keys(errors).filter((k) => !fieldOrder.includes(k)),
  ].map((k) => ({ message: inSummary(k, errors[k] ?? ''), fieldId: linkable.has(k) ? idOf(k) : undefined }));

  function clearErrors() {
    setTypingErrors(null);
    create.reset();
  }

  function updateLine(index: number, change: Partial<LineDraft>) {
    setLines((all) => all.map((l, i) => (i === index ? { ...l, ...change } : l)));
  }
  function updateBand(index: number, change: Partial<BandDraft>) {
    setBands((all) => all.map((b, i) => (i === index ? { ...b, ...change } : b)));
  }

  function addLine() {
    setLines((all) => [...all, newLine()]);
    setFocusRequest({ id: `lines-${lines.length}-unit` });
  }
  function removeLine(index: number) {
    // Errors point at rows by position, so they no longer fit once a row goes.
    clearErrors();
    setLines((all) => all.filter((_, i) => i !== index));
    setFocusRequest({ id: 'lines' });
  }
  function addBand() {
    setBands((all) => [...all, newBand()]);
    setFocusRequest({ id: `bands-${bands.length}-phase` });
  }
  function removeBand(index: number) {
    clearErrors();
    setBands((all) => all.filter((_, i) => i !== index));
    setFocusRequest({ id: 'bands' });
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    // Turn what was typed into numbers. What is not a number goes as NaN, which the server refuses, so one
    // round trip reports every problem; our wording replaces the server's for those fields.
    const problems: Record<string, string> = {};
    const read = (key: string, value: number | string | null, missing?: string) => {
      if (typeof value === 'string' || (value === null && missing)) {
        problems[key] = typeof value === 'string' ? value : (missing ?? '');
        return Number.NaN;
      }
      return value;
    };
    const pounds = (key: string, text: string, missing?: string) => read(key, parsePounds(text), missing);
    const number = (key: string, text: string, wholeOnly = false, missing?: string) =>
      read(key, parseNumber(text, wholeOnly), missing);

    const drawing = kind === 'service' && drawsUnit !== '';
    const input: TCreateCatalogueItemInput = {
      academicYear: Number(academicYear),
      kind,
      code,
      name,
      description,
      pricingBasis,
      memberPrice: pounds('memberPrice', memberPrice, 'Enter the partnership agreement price.') ?? Number.NaN,
      nonMemberPrice:
        pounds('nonMemberPrice', nonMemberPrice, 'Enter the outside partnership price.') ?? Number.NaN,
      minimumPrice: pounds('minimumPrice', minimumPrice),
      vatRatePercent: number('vatRatePercent', vatRatePercent) ?? 0,
      memberDiscountPercent: number('memberDiscountPercent', memberDiscountPercent, true) ?? 0,
      proRataByTerm,
      draws: drawing
        ? {
            unit: drawsUnit as Unit,
            quantity:
              number(
                'draws.quantity',
                drawsQuantity,
                false,
                'Enter how much one use takes, e.g. 1 or 0.5.',
              ) ?? Number.NaN,
          }
        : null,
      lines:
        kind === 'package'
          ? lines.map((l, i) => ({
              unit: l.unit as Unit,
              quantity: l.unlimited
                ? null
                : number(`lines.${i}.quantity`, l.quantity, false, 'Enter a quantity, or choose unlimited.'),
              category: l.category,
              description: l.description,
              standaloneUnitPrice: pounds(`lines.${i}.standaloneUnitPrice`, l.standaloneUnitPrice),
            }))
          : [],
      bands: bands.map((b, i) => ({
        phase: b.phase || null,
        minPupils: number(`bands.${i}.minPupils`, b.minPupils, true),
        maxPupils: number(`bands.${i}.maxPupils`, b.maxPupils, true),
        memberPrice:
          pounds(`bands.${i}.memberPrice`, b.memberPrice, 'Enter the partnership agreement price.') ??
          Number.NaN,
        nonMemberPrice:
          pounds(`bands.${i}.nonMemberPrice`, b.nonMemberPrice, 'Enter the outside partnership price.') ??
          Number.NaN,
      })),
    };
    setTypingErrors(Object.keys(problems).length > 0 ? problems : null);
    create.mutate(input);
  }

  const unitSelect = (
    key: string,
    label: string,
    value: string,
    onChange: (v: string) => void,
    empty: string,
  ) => (
    <Field id={idOf(key)} label={label} error={errorFor(key)}>
      {(aria) => (
        <select
          id={idOf(key)}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          className={`${inputClass} w-64 max-w-full`}
          {...aria}
        >
          <option value="">{empty}</option>
          {units.map((u) => (
            <option key={u.value} value={u.value}>
              {u.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  const money = (key: string, label: string, value: string, onChange: (v: string) => void, hint?: string) => (
    <Field id={idOf(key)} label={label} hint={hint} error={errorFor(key)}>
      {(aria) => (
        <div className="mt-1 flex items-center">
          <span
            aria-hidden="true"
            className="rounded-l border-2 border-r-0 border-slate-600 bg-slate-100 px-3 py-2"
          >
            £
          </span>
          <input
            id={idOf(key)}
            inputMode="decimal"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            className="block w-36 rounded-r border-2 border-slate-600 bg-white px-3 py-2"
            {...aria}
          />
        </div>
      )}
    </Field>
  );

  return (
    <div className="max-w-3xl">
      <ErrorSummary errors={summary} />
      <form onSubmit={onSubmit} noValidate className="space-y-8">
        <section aria-labelledby="about" className="space-y-5">
          <h2 id="about" className="text-2xl font-semibold">
            About it
          </h2>
          <fieldset aria-describedby={errorFor('kind') ? 'kind-error' : undefined}>
            <legend className="font-semibold">Is it a package or a service?</legend>
            <FieldError id="kind" message={errorFor('kind')} />
            <div className="mt-2 space-y-2">
              {(
                [
                  ['package', 'A package: a year’s subscription that gives entitlements'],
                  ['service', 'A service: bought when a school needs it'],
                ] as const
              ).map(([value, label]) => (
                <div key={value} className="flex items-center gap-2">
                  <input
                    type="radio"
                    id={value === 'package' ? 'kind' : 'kind-service'}
                    name="kind"
                    value={value}
                    checked={kind === value}
                    onChange={() => setKind(value)}
                    className="h-5 w-5"
                  />
                  <label htmlFor={value === 'package' ? 'kind' : 'kind-service'}>{label}</label>
                </div>
              ))}
            </div>
          </fieldset>

          <Field id="academicYear" label="Academic year" error={errorFor('academicYear')}>
            {(aria) => (
              <select
                id="academicYear"
                value={academicYear}
                onChange={(e) => setAcademicYear(e.target.value)}
                className={inputClass}
                {...aria}
              >
                {years.map((y) => (
                  <option key={y.value} value={y.value}>
                    {y.label}
                  </option>
                ))}
              </select>
            )}
          </Field>

          <Field
            id="code"
            label="Code"
            hint="A short reference used on invoices, e.g. ACL-2026. Letters, numbers and hyphens."
            error={errorFor('code')}
          >
            {(aria) => (
              <input
                id="code"
                value={code}
                onChange={(e) => setCode(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                className={`${inputClass} w-48 uppercase`}
                {...aria}
              />
            )}
          </Field>

          <Field id="name" label="Name" error={errorFor('name')}>
            {(aria) => (
              <input
                id="name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                autoComplete="off"
                className={`${inputClass} w-full`}
                {...aria}
              />
            )}
          </Field>

          <Field
            id="description"
            label="Description (optional)"
            hint="What schools get, in a sentence or two."
            error={errorFor('description')}
          >
            {(aria) => (
              <textarea
                id="description"
                rows={3}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
                className={`${inputClass} w-full`}
                {...aria}
              />
            )}
          </Field>
        </section>

        <section aria-labelledby="prices" className="space-y-5">
          <h2 id="prices" className="text-2xl font-semibold">
            Prices
          </h2>
          <Field id="pricingBasis" label="Priced" error={errorFor('pricingBasis')}>
            {(aria) => (
              <select
                id="pricingBasis"
                value={pricingBasis}
                onChange={(e) => setPricingBasis(e.target.value as PricingBasis)}
                className={inputClass}
                {...aria}
              >
                {bases.map((b) => (
                  <option key={b.value} value={b.value}>
                    {b.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="grid gap-5 sm:grid-cols-2">
            {money(
              'memberPrice',
              'Partnership agreement price',
              memberPrice,
              setMemberPrice,
              'For schools with a partnership agreement.',
            )}
            {money(
              'nonMemberPrice',
              'Outside partnership price',
              nonMemberPrice,
              setNonMemberPrice,
              'For schools without one.',
            )}
          </div>
          {money(
            'minimumPrice',
            'Minimum price (optional)',
            minimumPrice,
            setMinimumPrice,
            'The least a school outside the partnership pays for an item priced per ECT, place or governing body.',
          )}
          <div className="grid gap-5 sm:grid-cols-2">
            <Field
              id="vatRatePercent"
              label="VAT rate (%)"
              hint="0 if no VAT is charged."
              error={errorFor('vatRatePercent')}
            >
              {(aria) => (
                <input
                  id="vatRatePercent"
                  inputMode="decimal"
                  value={vatRatePercent}
                  onChange={(e) => setVatRatePercent(e.target.value)}
                  className={`${inputClass} w-24`}
                  {...aria}
                />
              )}
            </Field>
            <Field
              id="memberDiscountPercent"
              label="Partnership discount (%)"
              hint="If more than 0, schools with an agreement pay the outside price less this, instead of the price above."
              error={errorFor('memberDiscountPercent')}
            >
              {(aria) => (
                <input
                  id="memberDiscountPercent"
                  inputMode="numeric"
                  value={memberDiscountPercent}
                  onChange={(e) => setMemberDiscountPercent(e.target.value)}
                  className={`${inputClass} w-24`}
                  {...aria}
                />
              )}
            </Field>
          </div>
          <div className="flex items-start gap-2">
            <input
              type="checkbox"
              id="proRataByTerm"
              checked={proRataByTerm}
              onChange={(e) => setProRataByTerm(e.target.checked)}
              aria-describedby="proRataByTerm-hint"
              className="mt-1 h-5 w-5"
            />
            <div>
              <label htmlFor="proRataByTerm" className="font-semibold">
                Pro-rate by term
              </label>
              <p id="proRataByTerm-hint" className="text-sm text-slate-700">
                A school joining after the year starts pays only for the terms left.
              </p>
            </div>
          </div>
        </section>

        {kind === 'package' && (
          <section aria-labelledby="lines-title" className="space-y-4">
            <h2 id="lines-title" className="text-2xl font-semibold">
              What the package gives
            </h2>
            <p className="text-slate-700">
              One line per entitlement. The price of one bought separately lets schools see their saving.
            </p>
            <FieldError id="lines-list" message={errorFor('lines')} />
            {lines.map((line, i) => {
              const key = (f: string) => `lines.${i}.${f}`;
              return (
                <fieldset
                  key={line.key}
                  className="space-y-4 rounded-lg border border-slate-300 bg-white p-4"
                >
                  <legend className="px-1 text-lg font-semibold">Line {i + 1}</legend>
                  <div className="grid gap-4 sm:grid-cols-2">
                    {unitSelect(
                      key('unit'),
                      'Entitlement',
                      line.unit,
                      (unit) => updateLine(i, { unit }),
                      'Choose',
                    )}
                    <div>
                      <Field id={idOf(key('quantity'))} label="Quantity" error={errorFor(key('quantity'))}>
                        {(aria) => (
                          <input
                            id={idOf(key('quantity'))}
                            inputMode="decimal"
                            value={line.unlimited ? '' : line.quantity}
                            disabled={line.unlimited}
                            onChange={(e) => updateLine(i, { quantity: e.target.value })}
                            className={`${inputClass} w-28 disabled:bg-slate-100`}
                            {...aria}
                          />
                        )}
                      </Field>
                      <div className="mt-2 flex items-center gap-2">
                        <input
                          type="checkbox"
                          id={idOf(key('unlimited'))}
                          checked={line.unlimited}
                          onChange={(e) => updateLine(i, { unlimited: e.target.checked })}
                          className="h-5 w-5"
                        />
                        <label htmlFor={idOf(key('unlimited'))}>Unlimited</label>
                      </div>
                    </div>
                  </div>
                  <Field
                    id={idOf(key('description'))}
                    label="Description"
                    hint="As schools will see it, e.g. 3 adviser days."
                    error={errorFor(key('description'))}
                  >
                    {(aria) => (
                      <input
                        id={idOf(key('description'))}
                        value={line.description}
                        onChange={(e) => updateLine(i, { description: e.target.value })}
                        className={`${inputClass} w-full`}
                        {...aria}
                      />
                    )}
                  </Field>
                  <div className="grid gap-4 sm:grid-cols-2">
                    <Field
                      id={idOf(key('category'))}
                      label="Category (optional)"
                      hint="Keeps this apart from other lines in the same unit, e.g. Headteacher seminars."
                      error={errorFor(key('category'))}
                    >
                      {(aria) => (
                        <input
                          id={idOf(key('category'))}
                          value={line.category}
                          onChange={(e) => updateLine(i, { category: e.target.value })}
                          className={`${inputClass} w-full`}
                          {...aria}
                        />
                      )}
                    </Field>
                    {money(
                      key('standaloneUnitPrice'),
                      'Price of one bought separately (optional)',
                      line.standaloneUnitPrice,
                      (standaloneUnitPrice) => updateLine(i, { standaloneUnitPrice }),
                    )}
                  </div>
                  <button
                    type="button"
                    onClick={() => removeLine(i)}
                    className="rounded border-2 border-slate-600 bg-white px-3 py-1 font-semibold"
                  >
                    Remove line {i + 1}
                  </button>
                </fieldset>
              );
            })}
            <button
              type="button"
              id="lines"
              onClick={addLine}
              aria-describedby={errorFor('lines') ? 'lines-list-error' : undefined}
              className="rounded border-2 border-brand bg-white px-4 py-2 font-semibold text-brand-dark"
            >
              Add a line
            </button>
          </section>
        )}

        {kind === 'service' && (
          <section aria-labelledby="draws-title" className="space-y-4">
            <h2 id="draws-title" className="text-2xl font-semibold">
              Entitlement it uses
            </h2>
            <p className="text-slate-700">
              If a school&apos;s package covers this service, each use comes out of that balance first.
            </p>
            <div className="grid gap-4 sm:grid-cols-2">
              {unitSelect('draws.unit', 'Entitlement used', drawsUnit, setDrawsUnit, 'Nothing')}
              {drawsUnit && (
                <Field
                  id="draws-quantity"
                  label="Amount per use"
                  hint="e.g. 1 or 0.5"
                  error={errorFor('draws.quantity')}
                >
                  {(aria) => (
                    <input
                      id="draws-quantity"
                      inputMode="decimal"
                      value={drawsQuantity}
                      onChange={(e) => setDrawsQuantity(e.target.value)}
                      className={`${inputClass} w-28`}
                      {...aria}
                    />
                  )}
                </Field>
              )}
            </div>
          </section>
        )}

        <section aria-labelledby="bands-title" className="space-y-4">
          <h2 id="bands-title" className="text-2xl font-semibold">
            Price bands (optional)
          </h2>
          <p className="text-slate-700">
            Different prices by phase or number of pupils. A school pays the first band that matches it, or
            the prices above if none does.
          </p>
          {bands.map((band, i) => {
            const key = (f: string) => `bands.${i}.${f}`;
            return (
              <fieldset key={band.key} className="space-y-4 rounded-lg border border-slate-300 bg-white p-4">
                <legend className="px-1 text-lg font-semibold">Price band {i + 1}</legend>
                <div className="grid gap-4 sm:grid-cols-3">
                  <Field id={idOf(key('phase'))} label="Phase" error={errorFor(key('phase'))}>
                    {(aria) => (
                      <select
                        id={idOf(key('phase'))}
                        value={band.phase}
                        onChange={(e) => updateBand(i, { phase: e.target.value })}
                        className={`${inputClass} w-full`}
                        {...aria}
                      >
                        <option value="">Any phase</option>
                        {phases.map((p) => (
                          <option key={p} value={p}>
                            {p}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field
                    id={idOf(key('minPupils'))}
                    label="Fewest pupils (optional)"
                    error={errorFor(key('minPupils'))}
                  >
                    {(aria) => (
                      <input
                        id={idOf(key('minPupils'))}
                        inputMode="numeric"
                        value={band.minPupils}
                        onChange={(e) => updateBand(i, { minPupils: e.target.value })}
                        className={`${inputClass} w-28`}
                        {...aria}
                      />
                    )}
                  </Field>
                  <Field
                    id={idOf(key('maxPupils'))}
                    label="Most pupils (optional)"
                    error={errorFor(key('maxPupils'))}
                  >
                    {(aria) => (
                      <input
                        id={idOf(key('maxPupils'))}
                        inputMode="numeric"
                        value={band.maxPupils}
                        onChange={(e) => updateBand(i, { maxPupils: e.target.value })}
                        className={`${inputClass} w-28`}
                        {...aria}
                      />
                    )}
                  </Field>
                </div>
                <div className="grid gap-4 sm:grid-cols-2">
                  {money(key('memberPrice'), 'Partnership agreement price', band.memberPrice, (memberPrice) =>
                    updateBand(i, { memberPrice }),
                  )}
                  {money(
                    key('nonMemberPrice'),
                    'Outside partnership price',
                    band.nonMemberPrice,
                    (nonMemberPrice) => updateBand(i, { nonMemberPrice }),
                  )}
                </div>
                <button
                  type="button"
                  onClick={() => removeBand(i)}
                  className="rounded border-2 border-slate-600 bg-white px-3 py-1 font-semibold"
                >
                  Remove price band {i + 1}
                </button>
              </fieldset>
            );
          })}
          <button
            type="button"
            id="bands"
            onClick={addBand}
            className="rounded border-2 border-brand bg-white px-4 py-2 font-semibold text-brand-dark"
          >
            Add a price band
          </button>
        </section>

        <div className="flex flex-wrap items-center gap-4 border-t border-slate-300 pt-6">
          <button
            type="submit"
            disabled={create.isPending || create.isSuccess}
            className="rounded bg-brand px-5 py-2 text-lg font-semibold text-white disabled:opacity-60"
          >
            {create.isPending ? 'Creating…' : `Create ${kind}`}
          </button>
          <Link href={`/${tenant}/catalogue?year=${academicYear}`} className="text-brand-dark underline">
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
