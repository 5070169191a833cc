'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTRPC } from '../../../_lib/trpc-client';

type Role = 'headteacher' | 'business_manager' | 'finance' | 'bookings';
const roleOptions: [Role, string][] = [
  ['headteacher', 'Headteacher'],
  ['business_manager', 'School business manager'],
  ['finance', 'Finance contact'],
  ['bookings', 'Bookings contact'],
];

export function AddContactForm({ schoolId }: { schoolId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [role, setRole] = useState<Role>('business_manager');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const add = useMutation(
    trpc.schools.addContact.mutationOptions({
      onSuccess: () => {
        setName('');
        setEmail('');
        setPhone('');
        router.refresh();
      },
    }),
  );
  const errors = add.error?.data?.fieldErrors;
  const field = (key: string, label: string, value: string, set: (v: string) => void, type = 'text') => (
    <div>
      <label htmlFor={`contact-${key}`} className="block text-sm font-semibold">
        {label}
      </label>
      {errors?.[key]?.[0] && (
        <p id={`contact-${key}-error`} className="text-sm text-red-800">
          <span className="sr-only">Error: </span>
          {errors[key]?.[0]}
        </p>
      )}
      <input
        id={`contact-${key}`}
        type={type}
        value={value}
        onChange={(e) => set(e.target.value)}
        aria-invalid={errors?.[key] ? true : undefined}
        aria-describedby={errors?.[key] ? `contact-${key}-error` : undefined}
        className="mt-1 rounded border-2 border-slate-600 px-2 py-1.5"
      />
    </div>
  );
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    add.mutate({ schoolId, role, name, email, phone });
  }
  return (
    <form onSubmit={onSubmit} className="mt-3 flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="contact-role" className="block text-sm font-semibold">
          Role
        </label>
        <select
          id="contact-role"
          value={role}
          onChange={(e) => setRole(e.target.value as Role)}
          className="mt-1 rounded border-2 border-slate-600 px-2 py-1.5"
        >
          {roleOptions.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {field('name', 'Name', name, setName)}
      {field('email', 'Email', email, setEmail, 'email')}
      {field('phone', 'Phone', phone, setPhone, 'tel')}
      <button
        type="submit"
        disabled={add.isPending}
        className="rounded bg-brand px-4 py-2 font-semibold text-white"
      >
        Add contact
      </button>
    </form>
  );
}

export function RemoveContactButton({ id, schoolId, name }: { id: string; schoolId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(
    trpc.schools.removeContact.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  return (
    <button
      type="button"
      onClick={() => remove.mutate({ id, schoolId })}
      disabled={remove.isPending}
      className="rounded border border-slate-500 px-2 py-1 text-sm hover:bg-slate-100"
    >
      Remove<span className="sr-only"> {name}</span>
    </button>
  );
}
