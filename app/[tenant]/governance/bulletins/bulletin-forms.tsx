'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Checkbox,
  FieldGroup,
  Form,
  RadioGroup,
  StatusMessage,
  SubmitButton,
  TextArea,
  TextField,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import { useTRPC } from '../../../_lib/trpc-client';

export type BulletinValues = {
  title: string;
  body: string;
  links: { label: string; url: string }[];
  includeAllGovernors: boolean;
  audience: 'package_schools' | 'all_boards';
};

const audienceOptions = [
  {
    value: 'package_schools' as const,
    label: 'Governors of schools with the package',
    hint: 'The boards of schools with a governing-body package this year: chairs and clerks, or every governor.',
  },
  {
    value: 'all_boards' as const,
    label: 'All governors and clerks on the registers',
    hint: 'Every current governor and clerk of every board you keep, package or not.',
  },
];

const linkRows = 3;
const blank: BulletinValues = {
  title: '',
  body: '',
  links: [],
  includeAllGovernors: false,
  audience: 'package_schools',
};

/** Composes a bulletin (then opens its preview), or with `bulletinId` edits a draft. */
export function BulletinForm({
  tenant,
  bulletinId,
  initial,
}: {
  tenant: string;
  bulletinId?: string;
  initial?: BulletinValues;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const start = initial ?? blank;
  const { values, bind, set } = useFormValues({
    ...start,
    links: Array.from({ length: linkRows }, (_, i) => start.links[i] ?? { label: '', url: '' }),
  });
  const [saved, setSaved] = useState('');
  // Only filled link rows are sent: the server's `links.0` is the form's first filled row.
  const filled = values.links.flatMap((l, i) => (l.label || l.url ? [i] : []));
  const pathOf = (path: string) =>
    path
      .replace(/^bulletin\./, '')
      .replace(/^links\.(\d+)/, (_, n: string) => `links.${filled[Number(n)] ?? n}`);
  const compose = useFormMutation(trpc.governance.composeBulletin.mutationOptions(), {
    pathOf,
    onSuccess: (r) => router.push(`/${tenant}/governance/bulletins/${r.id}`),
  });
  const update = useFormMutation(trpc.governance.updateBulletin.mutationOptions(), {
    pathOf,
    onSuccess: () => {
      setSaved('Saved. The preview below shows the changes.');
      router.refresh();
    },
  });
  const form = bulletinId ? update : compose;
  function submit() {
    setSaved('');
    const bulletin = { ...values, links: filled.map((i) => values.links[i] ?? { label: '', url: '' }) };
    if (bulletinId) update.mutate({ id: bulletinId, bulletin });
    else compose.mutate(bulletin);
  }
  const setLink = (i: number, key: 'label' | 'url') => (v: string) =>
    set('links')(values.links.map((l, j) => (j === i ? { ...l, [key]: v } : l)));
  return (
    <Form form={form} onSubmit={submit}>
      <TextField label="Title" {...form.field('title')} {...bind('title')} />
      <TextArea
        label="Bulletin"
        rows={12}
        hint="Plain text. Leave a blank line between paragraphs (a single line break is kept as one); start a line with “- ” for a bulleted list; **two stars** make text bold."
        {...form.field('body')}
        {...bind('body')}
      />
      <FieldGroup legend="Links (optional)">
        {values.links.map((link, i) => (
          <div key={i} className="grid gap-4 md:grid-cols-2">
            <TextField
              label={`Link ${i + 1}: text`}
              {...form.field(`links.${i}.label`)}
              value={link.label}
              onChange={setLink(i, 'label')}
            />
            <TextField
              label={`Link ${i + 1}: web address`}
              type="url"
              {...form.field(`links.${i}.url`)}
              value={link.url}
              onChange={setLink(i, 'url')}
            />
          </div>
        ))}
      </FieldGroup>
      <RadioGroup
        label="Who it goes to"
        options={audienceOptions}
        {...form.field('audience')}
        value={values.audience}
        onChange={set('audience')}
      />
      {values.audience === 'package_schools' && (
        <Checkbox
          label="Send to every governor of the subscribed boards, not only chairs and clerks"
          {...form.field('includeAllGovernors')}
          checked={values.includeAllGovernors}
          onChange={set('includeAllGovernors')}
        />
      )}
      <SubmitButton pending={form.isPending} pendingLabel="Saving…">
        {bulletinId ? 'Save changes' : 'Save and preview'}
      </SubmitButton>
      <StatusMessage>{saved}</StatusMessage>
    </Form>
  );
}

/** Sends the bulletin to everyone it has not yet gone to, and says what happened. */
export function SendBulletinForm({ bulletinId, toSend }: { bulletinId: string; toSend: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [result, setResult] = useState('');
  const form = useFormMutation(trpc.governance.sendBulletin.mutationOptions(), {
    onSuccess: (r) => {
      setResult(
        `Sent to ${r.sent} ${r.sent === 1 ? 'person' : 'people'}` +
          (r.alreadySent ? `; ${r.alreadySent} already had it` : '') +
          `; skipped ${r.skippedUnsubscribed} unsubscribed; ${r.noEmail} with no email address.`,
      );
      router.refresh();
    },
  });
  return (
    <Form form={form} onSubmit={() => form.mutate({ id: bulletinId })} className="space-y-2">
      <SubmitButton pending={form.isPending} pendingLabel="Sending…" disabled={toSend === 0}>
        {toSend === 0 ? 'Nobody new to send to' : `Send to ${toSend} ${toSend === 1 ? 'person' : 'people'}`}
      </SubmitButton>
      <StatusMessage>{result}</StatusMessage>
    </Form>
  );
}

/** The email as it will arrive, in a sandboxed frame, shown on request (the plain text is always on the page). */
export function EmailPreview({ html }: { html: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div className="mt-3">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="text-brand-dark font-semibold underline"
      >
        {open ? 'Hide the email' : 'Show the email as it will arrive'}
      </button>
      {open && (
        <iframe
          title="Preview of the bulletin email"
          srcDoc={html}
          sandbox=""
          className="mt-3 block h-[36rem] w-full max-w-3xl rounded border border-slate-300 bg-white"
        />
      )}
    </div>
  );
}
