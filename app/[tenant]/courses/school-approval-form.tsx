'use client';

import { useRouter } from 'next/navigation';
import {
  Checkbox,
  Form,
  StatusMessage,
  SubmitButton,
  useFormMutation,
  useFormValues,
} from '../../_components/form-kit';
import { useTRPC } from '../../_lib/trpc-client';

/** The school's switch: every staff booking waits for the headteacher's approval, on any course. */
export function SchoolApprovalForm({ initial }: { initial: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { values, set } = useFormValues({ staffBookingsNeedApproval: initial });
  const form = useFormMutation(trpc.courses.setSchoolBookingApproval.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <Form form={form} onSubmit={() => form.mutate(values)} aria-label="Booking approval">
      <Checkbox
        {...form.field('staffBookingsNeedApproval')}
        label="Staff bookings need my approval"
        hint="When ticked, a place a member of staff books for themselves on any course is held until you approve or decline it. A course can also ask for approval on its own."
        checked={values.staffBookingsNeedApproval}
        onChange={set('staffBookingsNeedApproval')}
      />
      <SubmitButton pending={form.isPending} pendingLabel="Saving…">
        Save booking approval
      </SubmitButton>
      <StatusMessage>{form.isSuccess ? 'Saved.' : ''}</StatusMessage>
    </Form>
  );
}
