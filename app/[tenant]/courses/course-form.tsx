'use client';

import type { PriceNames } from '~/server/catalogue/price-names';
import type { NewProductVat } from '~/server/invoicing/new-product-vat';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  audiences,
  formatLabels,
  programmeLabels,
  sessionKindLabels,
  type Programme,
} from '~/server/courses/course-labels';
import {
  Button,
  Checkbox,
  CheckboxGroup,
  DateField,
  FieldGroup,
  Form,
  MoneyField,
  NumberField,
  optionsOf,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
  numberReader,
  useFormMutation,
  useFormValues,
} from '../../_components/form-kit';
import { useTRPC } from '../../_lib/trpc-client';
import { unitChoiceLabel } from '~/server/entitlements/unit-labels';

type Kind = keyof typeof sessionKindLabels;
type Format = keyof typeof formatLabels;

export type SessionRow = {
  title: string;
  kind: Kind;
  on: string;
  startTime: string;
  endTime: string;
  /** Attendance at it counts for the certificate (absent when a row is new: required). */
  required?: boolean;
};

/** The form's values: everything as typed (numbers and pounds as text, read on submit). */
export type CourseFormValues = {
  programme: Programme;
  title: string;
  description: string;
  audiences: string[];
  phase: string;
  subject: string;
  keyStage: string;
  format: Format | '';
  venue: string;
  joiningLink: string;
  facilitators: string;
  capacity: string;
  bookingDeadline: string;
  minimumNumbers: string;
  goNoGoOn: string;
  memberPrice: string;
  nonMemberPrice: string;
  outOfAreaPrice: string;
  /** Empty on a new course until the workspace's rate for services is filled in (see `vat`). */
  vatRatePercent: string;
  entitlementUnit: string;
  entitlementCategory: string;
  freeUntilWorkingDays: string;
  lateCancellationPercent: string;
  noShowPercent: string;
  holdHours: string;
  staffBookingNeedsApproval: boolean;
  statutoryFreeForGovernors: boolean;
  sessions: SessionRow[];
};

const emptySession: SessionRow = {
  title: '',
  kind: 'full_day',
  on: '',
  startTime: '09:30',
  endTime: '15:30',
};

export const blankCourse: CourseFormValues = {
  programme: 'cpd',
  title: '',
  description: '',
  audiences: [],
  phase: 'All phases',
  subject: '',
  keyStage: '',
  format: '',
  venue: '',
  joiningLink: '',
  facilitators: '',
  capacity: '30',
  bookingDeadline: '',
  minimumNumbers: '0',
  goNoGoOn: '',
  memberPrice: '0',
  nonMemberPrice: '0',
  outOfAreaPrice: '0',
  vatRatePercent: '',
  entitlementUnit: '',
  entitlementCategory: '',
  freeUntilWorkingDays: '10',
  lateCancellationPercent: '50',
  noShowPercent: '100',
  holdHours: '48',
  staffBookingNeedsApproval: false,
  statutoryFreeForGovernors: false,
  sessions: [emptySession],
};

// The units a course place may draw, named as the catalogue and statements name them (one name each).
const entitlementOptions = (['course_place', 'network_place', 'governor_item', 'ect_induction'] as const).map(
  (unit) => ({ value: unit, label: unitChoiceLabel(unit) }),
);

/**
 * Create a course, or edit one (`courseId`): the same fields, sent as `courses.create` / `courses.update`. The
 * page says which programmes the workspace's modules allow, and whether free statutory governor training is one
 * of its choices (governor services on), so the form offers nothing the server would refuse.
 */
export function CourseForm({
  tenant,
  names,
  programmes,
  statutoryGovernorTraining,
  vat,
  courseId,
  initial = blankCourse,
  waiting = 0,
}: {
  tenant: string;
  names: PriceNames;
  programmes: Programme[];
  statutoryGovernorTraining: boolean;
  /** The workspace's VAT from its invoice settings: whether it is registered and its rate for services. */
  vat: Pick<NewProductVat, 'vatRegistered' | 'rateBasisPoints' | 'explanation'>;
  courseId?: string;
  initial?: CourseFormValues;
  /** Editing a published course: how many people wait for a place (they may be offered added places). */
  waiting?: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, set, bind, setValues } = useFormValues<CourseFormValues>(
    initial.vatRatePercent === ''
      ? { ...initial, vatRatePercent: String(vat.rateBasisPoints / 100) }
      : initial,
  );
  // A workspace not registered for VAT charges none, so the rate is asked for only where VAT can apply (or a
  // course already has a rate, which its manager can then take off).
  const asksVat = vat.vatRegistered || Number(values.vatRatePercent) > 0;
  const [offerAddedPlaces, setOfferAddedPlaces] = useState(false);
  const done = (r: { id: string }) => {
    router.push(`/${tenant}/courses/${r.id}`);
    router.refresh();
  };
  const pathOf = (p: string) => p.replace(/^course\./, '');
  const create = useFormMutation(trpc.courses.create.mutationOptions(), { onSuccess: done });
  const update = useFormMutation(trpc.courses.update.mutationOptions(), { onSuccess: done, pathOf });
  const form = courseId ? update : create;

  const setSession = (i: number, patch: Partial<SessionRow>) =>
    setValues((v) => ({ ...v, sessions: v.sessions.map((s, j) => (j === i ? { ...s, ...patch } : s)) }));

  function submit() {
    const read = numberReader();
    const whole = (path: string, text: string, missing?: string) =>
      read.number(path, text, { whole: true, missing }) ?? 0;
    const course = {
      programme: values.programme,
      title: values.title,
      description: values.description,
      audiences: values.audiences as (keyof typeof audiences)[],
      phase: values.phase,
      subject: values.subject,
      keyStage: values.keyStage,
      format: values.format as Format,
      venue: values.venue,
      joiningLink: values.joiningLink,
      facilitators: values.facilitators
        .split('\n')
        .map((name) => name.trim())
        .filter(Boolean)
        .map((name) => ({ name, userId: null })),
      capacity: whole('capacity', values.capacity, 'Give the number of places.'),
      bookingDeadline: values.bookingDeadline || null,
      minimumNumbers: whole('minimumNumbers', values.minimumNumbers),
      goNoGoOn: values.goNoGoOn || null,
      memberPrice: read.pounds('memberPrice', values.memberPrice) ?? 0,
      nonMemberPrice: read.pounds('nonMemberPrice', values.nonMemberPrice) ?? 0,
      outOfAreaPrice: read.pounds('outOfAreaPrice', values.outOfAreaPrice) ?? 0,
      vatRatePercent: asksVat
        ? (read.number('vatRatePercent', values.vatRatePercent, { missing: 'Enter the VAT rate, or 0.' }) ??
          0)
        : 0,
      entitlement: values.entitlementUnit
        ? {
            unit: values.entitlementUnit as 'course_place',
            category: values.entitlementCategory,
          }
        : null,
      cancellationTerms: {
        freeUntilWorkingDays: whole('cancellationTerms.freeUntilWorkingDays', values.freeUntilWorkingDays),
        lateCancellationPercent: whole(
          'cancellationTerms.lateCancellationPercent',
          values.lateCancellationPercent,
        ),
        noShowPercent: whole('cancellationTerms.noShowPercent', values.noShowPercent),
      },
      holdHours: whole('holdHours', values.holdHours),
      staffBookingNeedsApproval: values.staffBookingNeedsApproval,
      statutoryFreeForGovernors: values.statutoryFreeForGovernors,
      sessions: values.sessions.map((s) => ({ ...s, required: s.required ?? true })),
    };
    if (courseId) update.mutate({ id: courseId, course, offerAddedPlaces });
    else create.mutate(course);
    form.setClientErrors(read.problems());
  }

  return (
    <Form form={form} onSubmit={submit} className="max-w-3xl space-y-6">
      <FieldGroup legend="About the course">
        {programmes.length > 1 && (
          <SelectField
            label="Programme"
            options={programmes.map((p) => ({ value: p, label: programmeLabels[p] }))}
            {...form.field('programme')}
            {...bind('programme')}
            onChange={(v) => set('programme')(v as Programme)}
          />
        )}
        <TextField label="Title" {...form.field('title')} {...bind('title')} />
        <TextArea label="Description" rows={5} {...form.field('description')} {...bind('description')} />
        <CheckboxGroup
          label="Who is it for?"
          options={optionsOf(audiences)}
          inline
          {...form.field('audiences')}
          {...bind('audiences')}
        />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <TextField label="Phase" {...form.field('phase')} {...bind('phase')} />
          <TextField label="Subject" {...form.field('subject')} {...bind('subject')} />
          <TextField label="Key stage" {...form.field('keyStage')} {...bind('keyStage')} />
        </div>
      </FieldGroup>

      <FieldGroup legend="Where and who leads it">
        <SelectField
          label="Format"
          placeholder="Choose"
          options={optionsOf(formatLabels)}
          {...form.field('format')}
          value={values.format}
          onChange={(v) => set('format')(v as Format)}
        />
        <TextField
          label="Venue"
          hint="For in-person and hybrid courses."
          {...form.field('venue')}
          {...bind('venue')}
        />
        <TextField
          label="Joining link"
          type="url"
          hint="For online and hybrid courses, e.g. https://meet.example.org/abc."
          {...form.field('joiningLink')}
          {...bind('joiningLink')}
        />
        <TextArea
          label="Facilitators"
          hint="One name a line."
          {...form.field('facilitators')}
          {...bind('facilitators')}
        />
      </FieldGroup>

      <div className="space-y-4">
        <h2 className="text-xl font-semibold">Sessions</h2>
        {form.errorFor('sessions') && (
          <p id={form.idFor('sessions')} className="font-semibold text-red-800">
            {form.errorFor('sessions')}
          </p>
        )}
        {values.sessions.map((s, i) => (
          <FieldGroup key={i} legend={`Session ${i + 1}`}>
            <TextField
              label="Title (optional)"
              {...form.field(`sessions.${i}.title`)}
              value={s.title}
              onChange={(title) => setSession(i, { title })}
            />
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-4">
              <DateField
                label="Date"
                {...form.field(`sessions.${i}.on`)}
                value={s.on}
                onChange={(on) => setSession(i, { on })}
              />
              <TextField
                label="Starts"
                type="time"
                width="w-32"
                {...form.field(`sessions.${i}.startTime`)}
                value={s.startTime}
                onChange={(startTime) => setSession(i, { startTime })}
              />
              <TextField
                label="Ends"
                type="time"
                width="w-32"
                {...form.field(`sessions.${i}.endTime`)}
                value={s.endTime}
                onChange={(endTime) => setSession(i, { endTime })}
              />
              <SelectField
                label="Kind"
                options={optionsOf(sessionKindLabels)}
                {...form.field(`sessions.${i}.kind`)}
                value={s.kind}
                onChange={(kind) => setSession(i, { kind: kind as Kind })}
              />
            </div>
            <Checkbox
              label="Attendance needed for the certificate"
              {...form.field(`sessions.${i}.required`)}
              checked={s.required ?? true}
              onChange={(required) => setSession(i, { required })}
            />
            {values.sessions.length > 1 && (
              <Button
                onClick={() => setValues((v) => ({ ...v, sessions: v.sessions.filter((_, j) => j !== i) }))}
              >
                Remove session {i + 1}
              </Button>
            )}
          </FieldGroup>
        ))}
        <Button onClick={() => setValues((v) => ({ ...v, sessions: [...v.sessions, { ...emptySession }] }))}>
          Add a session
        </Button>
      </div>

      <FieldGroup legend="Places and dates">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <NumberField whole label="Capacity" {...form.field('capacity')} {...bind('capacity')} />
          <DateField
            label="Booking deadline"
            {...form.field('bookingDeadline')}
            {...bind('bookingDeadline')}
          />
          <NumberField
            whole
            label="Minimum numbers"
            hint="0 if the course runs whatever the numbers."
            {...form.field('minimumNumbers')}
            {...bind('minimumNumbers')}
          />
          <DateField
            label="Go or no-go date"
            hint="When you decide whether it runs."
            {...form.field('goNoGoOn')}
            {...bind('goNoGoOn')}
          />
        </div>
        {courseId && waiting > 0 && (
          <Checkbox
            label={`If you raise the capacity, offer the new places to the ${waiting === 1 ? 'person' : `${waiting} people`} waiting, in turn`}
            hint="Each is emailed an offer with the course’s hold, as when a place comes free. Leave it unticked to offer a place to someone you choose from the course page, or to put the places on sale."
            {...form.field('offerAddedPlaces')}
            checked={offerAddedPlaces}
            onChange={setOfferAddedPlaces}
          />
        )}
        <Checkbox
          label="School staff booking themselves need their headteacher’s approval"
          {...form.field('staffBookingNeedsApproval')}
          checked={values.staffBookingNeedsApproval}
          onChange={set('staffBookingNeedsApproval')}
        />
        {statutoryGovernorTraining && (
          <Checkbox
            label="Statutory: free to governors of maintained schools"
            hint="Training the local authority considers necessary (s22 Education Act 2002). A current governor of an LA-maintained school pays nothing; others pay the prices below."
            {...form.field('statutoryFreeForGovernors')}
            checked={values.statutoryFreeForGovernors}
            onChange={set('statutoryFreeForGovernors')}
          />
        )}
      </FieldGroup>

      <FieldGroup legend="Prices and entitlement">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <MoneyField
            label={`${names.member} price`}
            {...form.field('memberPrice')}
            {...bind('memberPrice')}
          />
          <MoneyField
            label={`${names.nonMember} price`}
            {...form.field('nonMemberPrice')}
            {...bind('nonMemberPrice')}
          />
          <MoneyField
            label="Out-of-area price"
            {...form.field('outOfAreaPrice')}
            {...bind('outOfAreaPrice')}
          />
        </div>
        {asksVat ? (
          <NumberField
            label="VAT rate (%)"
            hint={`Charged on top of the prices above and shown to schools before they book. Your invoice settings charge ${vat.rateBasisPoints / 100}% on services; 0 if this course is exempt.`}
            {...form.field('vatRatePercent')}
            {...bind('vatRatePercent')}
            width="w-24"
          />
        ) : (
          <p>{vat.explanation}</p>
        )}
        <SelectField
          label="A place draws from the school’s entitlement"
          placeholder="None: always charged"
          options={entitlementOptions}
          {...form.field('entitlement.unit')}
          {...bind('entitlementUnit')}
        />
        <TextField
          label="Entitlement category (optional)"
          hint="e.g. Leadership, if the package counts places by category."
          {...form.field('entitlement.category')}
          {...bind('entitlementCategory')}
        />
      </FieldGroup>

      <FieldGroup legend="Cancellation terms">
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <NumberField
            whole
            label="Free cancellation until (working days before)"
            {...form.field('cancellationTerms.freeUntilWorkingDays')}
            {...bind('freeUntilWorkingDays')}
          />
          <NumberField
            whole
            label="Late cancellation charge (%)"
            {...form.field('cancellationTerms.lateCancellationPercent')}
            {...bind('lateCancellationPercent')}
          />
          <NumberField
            whole
            label="No-show charge (%)"
            {...form.field('cancellationTerms.noShowPercent')}
            {...bind('noShowPercent')}
          />
        </div>
        <NumberField
          whole
          label="Hold a freed place for the next person waiting (working hours)"
          hint="They have this long to claim it before it passes to the next person. Only working days count: 48 hours offered on a Friday at 15:00 run until Tuesday at 15:00, as weekends and bank holidays are skipped."
          {...form.field('holdHours')}
          {...bind('holdHours')}
        />
      </FieldGroup>

      <SubmitButton pending={form.isPending} pendingLabel="Saving…">
        {courseId ? 'Save changes' : 'Create draft course'}
      </SubmitButton>
    </Form>
  );
}
