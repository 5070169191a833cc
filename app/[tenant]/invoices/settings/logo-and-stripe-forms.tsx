'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Button,
  FieldShell,
  Form,
  StatusMessage,
  SubmitButton,
  TextField,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import { useTRPC } from '../../../_lib/trpc-client';

const maxLogoBytes = 200 * 1024;

/** Reads a chosen file as base64 (without the data: prefix). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** Uploads the logo printed on invoices (PNG or JPEG, at most 200 KB), shows it, or removes it. */
export function LogoForm({ logo }: { logo: { mimeType: string; dataBase64: string } | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const save = useFormMutation(trpc.invoices.setLogo.mutationOptions(), {
    onSuccess: () => {
      setFile(null);
      router.refresh();
    },
  });
  const submit = async () => {
    if (!file) return save.setClientErrors({ logo: 'Choose a PNG or JPEG file for the logo.' });
    if (file.type !== 'image/png' && file.type !== 'image/jpeg')
      return save.setClientErrors({ logo: 'The logo must be a PNG or JPEG image.' });
    if (file.size > maxLogoBytes)
      return save.setClientErrors({
        logo: `The logo is ${Math.ceil(file.size / 1024)} KB: choose one of at most 200 KB.`,
      });
    save.mutate({ logo: { mimeType: file.type, dataBase64: await readBase64(file) } });
  };
  return (
    <Form
      form={save}
      onSubmit={() => void submit()}
      heading={<h2 className="text-2xl font-semibold">Logo on invoices</h2>}
    >
      {logo ? (
        // eslint-disable-next-line @next/next/no-img-element -- a data URL of the tenant's own upload
        <img
          src={`data:${logo.mimeType};base64,${logo.dataBase64}`}
          alt="Your current invoice logo"
          className="max-h-16 max-w-48 border border-slate-200 bg-white p-1"
        />
      ) : (
        <p>No logo yet: invoices show your legal name only.</p>
      )}
      <FieldShell {...save.field('logo')} label="Logo file" hint="A PNG or JPEG of at most 200 KB.">
        {(aria) => (
          <input
            id={save.field('logo').id}
            type="file"
            accept="image/png,image/jpeg"
            className="block"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            {...aria}
          />
        )}
      </FieldShell>
      <div className="flex gap-3">
        <SubmitButton pending={save.isPending}>Upload logo</SubmitButton>
        {logo ? (
          <Button onClick={() => save.mutate({ logo: null })} disabled={save.isPending}>
            Remove logo
          </Button>
        ) : null}
      </div>
      <StatusMessage>{save.data ? (save.data.hasLogo ? 'Logo saved.' : 'Logo removed.') : ''}</StatusMessage>
    </Form>
  );
}

/**
 * Connects the workspace's own Stripe account: the key is stored encrypted and never shown again; the page
 * says only whether one is stored and which connected account it names.
 */
export function ConnectStripeForm({
  connected,
  accountId,
}: {
  connected: boolean;
  accountId: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, setValues } = useFormValues({ accountId: accountId ?? '', restrictedKey: '' });
  const connect = useFormMutation(trpc.invoices.connectStripe.mutationOptions(), {
    onSuccess: () => {
      setValues((v) => ({ ...v, restrictedKey: '' }));
      router.refresh();
    },
  });
  return (
    <Form
      form={connect}
      onSubmit={() =>
        connect.mutate({
          accountId: values.accountId.trim() === '' ? null : values.accountId.trim(),
          restrictedKey: values.restrictedKey,
        })
      }
      heading={<h2 className="text-2xl font-semibold">Online payments (Stripe)</h2>}
    >
      <p data-testid="stripe-status">
        {connected
          ? `Connected${accountId ? ` to ${accountId}` : ''}. Schools can pay issued invoices online. The key is stored encrypted and is not shown; enter a new one to replace it.`
          : 'Not connected: schools pay by BACS, cheque or journal only.'}
      </p>
      <TextField
        {...connect.field('accountId')}
        label="Connected account id (optional)"
        hint="Starts acct_. Leave empty when the key is your own account’s."
        width="w-80"
        {...bind('accountId')}
      />
      <TextField
        {...connect.field('restrictedKey')}
        label="Restricted key"
        hint="Starts rk_live_ or rk_test_, with write access to Checkout Sessions."
        type="password"
        autoComplete="off"
        width="w-96"
        {...bind('restrictedKey')}
      />
      <SubmitButton pending={connect.isPending}>{connected ? 'Replace key' : 'Connect Stripe'}</SubmitButton>
      <StatusMessage>{connect.data ? 'Stripe connected.' : ''}</StatusMessage>
    </Form>
  );
}
