'use client';

import { useRouter } from 'next/navigation';
import {
  Form,
  SubmitButton,
  TextField,
  useFormMutation,
  useFormValues,
} from '../../../../../_components/form-kit';
import { useTRPC } from '../../../../../_lib/trpc-client';

/** Names the colleague who takes the place; on success, back to the courses page, which says so. */
export function SubstituteForm({ tenant, bookingId }: { tenant: string; bookingId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, set } = useFormValues({ name: '', email: '', role: '' });
  const form = useFormMutation(trpc.courses.substitute.mutationOptions(), {
    onSuccess: () => router.push(`/${tenant}/courses?passedOn=${encodeURIComponent(values.name)}`),
  });
  return (
    <Form
      form={form}
      onSubmit={() => form.mutate({ bookingId, delegate: values })}
      heading={<h2 className="text-xl font-semibold">Your colleague</h2>}
    >
      <TextField label="Name" {...form.field('delegate.name')} value={values.name} onChange={set('name')} />
      <TextField
        label="Email"
        type="email"
        hint="Their confirmation and calendar invite go here."
        {...form.field('delegate.email')}
        value={values.email}
        onChange={set('email')}
      />
      <TextField
        label="Role (optional)"
        hint="For example, Year 4 teacher or SENCo"
        {...form.field('delegate.role')}
        value={values.role}
        onChange={set('role')}
      />
      <SubmitButton pending={form.isPending} pendingLabel="Passing the place on…">
        Send this colleague instead
      </SubmitButton>
    </Form>
  );
}
