'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { parseNumber } from '~/app/_components/form-parse';
import {
  FieldGroup,
  Form,
  NumberField,
  SelectField,
  StatusMessage,
  SubmitButton,
  TextArea,
  TextField,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import type { monitoringSettingsView } from '~/server/monitoring/update-monitoring-settings';
import { useTRPC } from '../../_lib/trpc-client';

type View = ReturnType<typeof monitoringSettingsView>;

/** A whole number as typed, or NaN (which the procedure refuses with the field's own message). */
const whole = (text: string) => {
  const n = parseNumber(text, { whole: true });
  return typeof n === 'number' ? n : Number.NaN;
};
const oneALine = (text: string) => text.split('\n').map((line) => line.trim());

export function MonitoringSettingsForm({ initial }: { initial: View }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [saved, setSaved] = useState(false);
  const { values, bind, set } = useFormValues({
    concernListName: initial.concernListName,
    leadOfficerTitle: initial.leadOfficerTitle,
    linkAdviserTitle: initial.linkAdviserTitle,
    reviewMeetingName: initial.reviewMeetingName,
    reviewMeetingCadenceDays: String(initial.reviewMeetingCadenceDays),
    categories: initial.categories.map((c) => ({ ...c, visitsPerYear: String(c.visitsPerYear) })),
    defaultCategory: initial.defaultCategory,
    academyVisits: String(initial.academyVisits),
    pruVisits: String(initial.pruVisits),
    secondarySixthFormVisits: String(initial.secondarySixthFormVisits),
    formalNoticePreconditions: initial.formalNoticePreconditions.join('\n'),
    sevFocusAreas: initial.sevFocusAreas.join('\n'),
  });
  const save = useFormMutation(trpc.register.updateSettings.mutationOptions(), {
    onSuccess: () => {
      setSaved(true);
      router.refresh();
    },
  });
  const changeCategory = (i: number, key: 'label' | 'visitsPerYear') => (value: string) =>
    set('categories')(values.categories.map((c, j) => (j === i ? { ...c, [key]: value } : c)));
  return (
    <Form
      form={save}
      onSubmit={() => {
        setSaved(false);
        save.mutate({
          concernListName: values.concernListName,
          leadOfficerTitle: values.leadOfficerTitle,
          linkAdviserTitle: values.linkAdviserTitle,
          reviewMeetingName: values.reviewMeetingName,
          reviewMeetingCadenceDays: whole(values.reviewMeetingCadenceDays),
          categories: values.categories.map((c) => ({ ...c, visitsPerYear: whole(c.visitsPerYear) })),
          defaultCategory: values.defaultCategory,
          academyVisits: whole(values.academyVisits),
          pruVisits: whole(values.pruVisits),
          secondarySixthFormVisits: whole(values.secondarySixthFormVisits),
          formalNoticePreconditions: oneALine(values.formalNoticePreconditions),
          sevFocusAreas: oneALine(values.sevFocusAreas),
        });
      }}
      className="mt-6 max-w-3xl space-y-6"
    >
      <FieldGroup legend="Names">
        <TextField
          label="The register of concern"
          hint="As your policy calls it, e.g. Schools causing concern, Priority schools."
          {...save.field('concernListName')}
          {...bind('concernListName')}
        />
        <TextField
          label="The group that reviews it"
          hint="Letters say “the … has identified …”, e.g. Schools Review Group."
          {...save.field('reviewMeetingName')}
          {...bind('reviewMeetingName')}
        />
        <TextField
          label="The officer who leads a school’s case"
          hint="e.g. Lead Officer, Priority Partner."
          {...save.field('leadOfficerTitle')}
          {...bind('leadOfficerTitle')}
        />
        <TextField
          label="The adviser linked to each school"
          hint="e.g. Link adviser, Learning Network Inspector."
          {...save.field('linkAdviserTitle')}
          {...bind('linkAdviserTitle')}
        />
        <NumberField
          whole
          label="Days between the group’s meetings"
          hint="Half-termly is about 42; fortnightly 14. The next review date of each case follows it."
          {...save.field('reviewMeetingCadenceDays')}
          {...bind('reviewMeetingCadenceDays')}
        />
      </FieldGroup>
      <FieldGroup legend="Your categories and visits a year">
        <p className="text-sm text-slate-700">
          A school in each category is planned this many visits a year. A change applies when the visit plan
          is next generated; visits already planned stay.
        </p>
        {values.categories.map((c, i) => (
          <div key={c.key} className="flex flex-wrap items-end gap-4">
            <TextField
              label={`Name of category ${i + 1}`}
              width="w-72"
              {...save.field(`categories.${i}.label`)}
              value={c.label}
              onChange={changeCategory(i, 'label')}
            />
            <NumberField
              whole
              label={`Visits a year: ${c.label || `category ${i + 1}`}`}
              {...save.field(`categories.${i}.visitsPerYear`)}
              value={c.visitsPerYear}
              onChange={changeCategory(i, 'visitsPerYear')}
            />
          </div>
        ))}
        <SelectField
          label="The category a school joins the register with"
          hint="On a GIAS import or added by hand, until an officer records its own or an Ofsted inspection places it in a category of concern."
          {...save.field('defaultCategory')}
          {...bind('defaultCategory')}
          options={[
            { value: '', label: 'Not yet categorised (officers set each school’s)' },
            ...values.categories.map((c) => ({ value: c.key, label: c.label || c.key })),
          ]}
        />
        <div className="flex flex-wrap gap-4">
          <NumberField
            whole
            label="Academies and free schools (keeping in touch)"
            {...save.field('academyVisits')}
            {...bind('academyVisits')}
          />
          <NumberField
            whole
            label="Pupil referral units, at least"
            {...save.field('pruVisits')}
            {...bind('pruVisits')}
          />
          <NumberField
            whole
            label="Secondary schools with a sixth form, at least"
            {...save.field('secondarySixthFormVisits')}
            {...bind('secondarySixthFormVisits')}
          />
        </div>
      </FieldGroup>
      <FieldGroup legend="Policy">
        <TextArea
          label="Conditions for recommending a formal warning notice"
          hint="One a line. Officers confirm which apply when they recommend one; leave empty for none beyond the statutory grounds."
          rows={4}
          {...save.field('formalNoticePreconditions')}
          {...bind('formalNoticePreconditions')}
        />
        <TextArea
          label="This term’s focus for school effectiveness visits"
          hint="One a line: each note of visit asks for a judgement and commentary on each."
          rows={7}
          {...save.field('sevFocusAreas')}
          {...bind('sevFocusAreas')}
        />
      </FieldGroup>
      <div className="flex items-center gap-3">
        <SubmitButton pending={save.isPending} pendingLabel="Saving…">
          Save monitoring settings
        </SubmitButton>
        <StatusMessage>{saved ? 'Saved.' : ''}</StatusMessage>
      </div>
    </Form>
  );
}
