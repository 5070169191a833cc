'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { Button, Form, SubmitButton, TextField } from '~/app/_components/form-kit';
import type { DemoWorkspace } from '~/server/dev/demo-users';
import { shortRoleLabels } from '~/server/workspaces/role-labels';

export function EmailSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function onSubmit() {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setError('Enter your email address, like name@school.org.uk');
      return;
    }
    setError(null);
    setSending(true);
    await signIn('email', { email: email.trim(), callbackUrl });
    setSending(false);
  }

  return (
    <Form
      form={{ summary: error ? [{ message: error, fieldId: 'email' }] : [] }}
      onSubmit={() => void onSubmit()}
      className="mt-6 space-y-4 rounded-lg border border-slate-200 bg-white p-5"
      heading={
        <div>
          <h2 className="text-xl font-semibold">Sign in with your email</h2>
          <p className="mt-1 text-slate-700">We will email you a link that signs you in.</p>
        </div>
      }
    >
      <TextField
        id="email"
        label="Email address"
        error={error ?? undefined}
        name="email"
        type="email"
        autoComplete="email"
        value={email}
        onChange={setEmail}
        width="w-full max-w-md"
      />
      <SubmitButton pending={sending} pendingLabel="Sending…">
        Email me a sign-in link
      </SubmitButton>
    </Form>
  );
}

export function ProviderButtons({
  microsoft,
  google,
  callbackUrl,
}: {
  microsoft: boolean;
  google: boolean;
  callbackUrl: string;
}) {
  if (!microsoft && !google) return null;
  return (
    <section className="mt-6 rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="org-signin">
      <h2 id="org-signin" className="text-xl font-semibold">
        Sign in with your organisation account
      </h2>
      <div className="mt-3 flex flex-wrap gap-3">
        {microsoft && (
          <Button onClick={() => void signIn('azure-ad', { callbackUrl })}>Sign in with Microsoft</Button>
        )}
        {google && (
          <Button onClick={() => void signIn('google', { callbackUrl })}>Sign in with Google</Button>
        )}
      </div>
    </section>
  );
}

export function DemoUserPicker({ workspaces }: { workspaces: DemoWorkspace[] }) {
  return (
    <section
      className="mt-8 rounded-lg border-2 border-dashed border-amber-600 bg-amber-50 p-5"
      aria-labelledby="demo"
    >
      <h2 id="demo" className="text-xl font-semibold">
        Sign in as a demo user
      </h2>
      <p className="mt-1 text-slate-800">
        Development only: this picker does not exist in production builds.
      </p>
      {workspaces.map((w) => (
        <div key={w.slug} className="mt-4">
          <h3 className="font-semibold">{w.name}</h3>
          <ul className="mt-2 flex flex-wrap gap-2">
            {w.users.map((u) => (
              <li key={`${u.email}-${u.role}-${u.schoolUrn ?? ''}`}>
                <button
                  type="button"
                  onClick={() => void signIn('demo', { email: u.email, callbackUrl: `/${w.slug}` })}
                  className="rounded border border-slate-500 bg-white px-3 py-1.5 text-left text-sm hover:bg-slate-100"
                >
                  <span className="font-semibold">{shortRoleLabels[u.role]}</span>: {u.name}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
