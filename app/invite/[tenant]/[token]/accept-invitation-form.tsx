'use client';

import { useRouter } from 'next/navigation';
import { Form, SubmitButton, useFormMutation } from '~/app/_components/form-kit';
import { useTRPC } from '../../../_lib/trpc-client';

export function AcceptInvitationForm({ token, workspaceName }: { token: string; workspaceName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useFormMutation(trpc.joining.accept.mutationOptions(), {
    onSuccess: (result) => router.push(result.landing),
  });
  return (
    <Form form={form} className="mt-6" onSubmit={() => form.mutate({ token })}>
      <SubmitButton pending={form.isPending} pendingLabel="Joining…">
        Accept and open {workspaceName}
      </SubmitButton>
    </Form>
  );
}
