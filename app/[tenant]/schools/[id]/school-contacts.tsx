'use client';

import { useRouter } from 'next/navigation';
import {
  Button,
  Form,
  SelectField,
  SubmitButton,
  TextField,
  useFormMutation,
  useFormValues,
} from '~/app/_components/form-kit';
import { useTRPC } from '../../../_lib/trpc-client';

type Role = 'headteacher' | 'business_manager' | 'finance' | 'bookings';
const roleOptions: { value: Role; label: string }[] = [
  { value: 'headteacher', label: 'Headteacher' },
  { value: 'business_manager', label: 'School business manager' },
  { value: 'finance', label: 'Finance contact' },
  { value: 'bookings', label: 'Bookings contact' },
];

export function AddContactForm({ schoolId }: { schoolId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, bind, setValues } = useFormValues({
    role: 'business_manager',
    name: '',
    email: '',
    phone: '',
  });
  const add = useFormMutation(trpc.schools.addContact.mutationOptions(), {
    idPrefix: 'contact',
    onSuccess: () => {
      setValues((v) => ({ ...v, name: '', email: '', phone: '' }));
      router.refresh();
    },
  });
  return (
    <Form
      form={add}
      onSubmit={() => add.mutate({ schoolId, ...values, role: values.role as Role })}
      className="mt-3 flex flex-wrap items-end gap-3"
    >
      <SelectField label="Role" {...add.field('role')} {...bind('role')} options={roleOptions} />
      <TextField label="Name" {...add.field('name')} {...bind('name')} width="w-56" />
      <TextField label="Email" type="email" {...add.field('email')} {...bind('email')} width="w-64" />
      <TextField label="Phone" type="tel" {...add.field('phone')} {...bind('phone')} width="w-44" />
      <SubmitButton pending={add.isPending}>Add contact</SubmitButton>
    </Form>
  );
}

export function RemoveContactButton({ id, schoolId, name }: { id: string; schoolId: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useFormMutation(trpc.schools.removeContact.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <Button onClick={() => remove.mutate({ id, schoolId })} disabled={remove.isPending}>
      Remove<span className="sr-only"> {name}</span>
    </Button>
  );
}
