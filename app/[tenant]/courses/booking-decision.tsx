'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { formatPence } from '~/server/catalogue/money';
import {
  Button,
  ErrorSummary,
  Form,
  SubmitButton,
  TextField,
  useFormMutation,
} from '../../_components/form-kit';
import { useTRPC } from '../../_lib/trpc-client';

/**
 * Approve or decline a staff booking held for the school's approval. Approving asks to confirm, saying first what
 * the place will cost the school (courses.approvalCost: charged, from its package, or free) and, for a charged
 * place, taking the school's purchase order number for the invoice. A school closed since the booking is told
 * it cannot be approved, and the confirm button stays off; Back leads to Decline, which frees the place.
 */
export function BookingDecision({ bookingId, delegateName }: { bookingId: string; delegateName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [approving, setApproving] = useState(false);
  const [purchaseOrderNumber, setPurchaseOrderNumber] = useState('');
  const approveButton = useRef<HTMLButtonElement>(null);
  const cost = useQuery({ ...trpc.courses.approvalCost.queryOptions({ bookingId }), enabled: approving });
  const form = useFormMutation(trpc.courses.decideBooking.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  if (approving)
    return (
      <Form
        form={form}
        className="space-y-2"
        aria-label={`Approve ${delegateName}’s booking`}
        onSubmit={() => form.mutate({ bookingId, decision: 'approve', purchaseOrderNumber })}
      >
        <ApprovalCost
          text={
            cost.data?.refused ??
            cost.data?.summary ??
            cost.error?.message ??
            'Checking what the place costs…'
          }
        />
        {cost.data?.funding === 'charge' && !cost.data.refused && (
          <TextField
            label={
              <>
                Purchase order number<span className="sr-only"> for {delegateName}’s place</span> (optional)
              </>
            }
            hint="If your school raises one for this place: it appears on the invoice."
            width="w-48"
            {...form.field('purchaseOrderNumber')}
            value={purchaseOrderNumber}
            onChange={setPurchaseOrderNumber}
          />
        )}
        <div className="flex flex-wrap gap-2">
          <SubmitButton pending={form.isPending} disabled={!cost.data || cost.data.refused !== null}>
            Confirm approval<span className="sr-only"> of {delegateName}’s booking</span>
          </SubmitButton>
          <Button
            disabled={form.isPending}
            onClick={() => {
              form.clearErrors();
              setApproving(false);
              // Back where the approver started, once the buttons are on the page again.
              requestAnimationFrame(() => approveButton.current?.focus());
            }}
          >
            Back<span className="sr-only"> to {delegateName}’s booking</span>
          </Button>
        </div>
      </Form>
    );
  return (
    <div>
      <ErrorSummary errors={form.summary} />
      <div className="flex flex-wrap gap-2">
        <Button
          ref={approveButton}
          variant="primary"
          disabled={form.isPending}
          onClick={() => setApproving(true)}
        >
          Approve<span className="sr-only"> {delegateName}’s booking</span>
        </Button>
        <Button disabled={form.isPending} onClick={() => form.mutate({ bookingId, decision: 'decline' })}>
          Decline<span className="sr-only"> {delegateName}’s booking</span>
        </Button>
      </div>
    </div>
  );
}

/** What approving costs, read out as it arrives; it takes focus when approving opens, so the approver starts there. */
function ApprovalCost({ text }: { text: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p ref={ref} role="status" tabIndex={-1}>
      {text}
    </p>
  );
}

/**
 * Cancels one place under the course's terms, saying first what cancelling today costs the school: the
 * delegate's own (a governor, member of staff or ECT, `courses.cancelMyPlace`), or a delegate's place the school
 * or the manager cancels (`courses.cancelBooking`). Both apply the same terms; only the wording differs.
 */
export function CancelPlace({
  bookingId,
  whose,
  cancelNowPence,
  vatRateBasisPoints,
}: {
  bookingId: string;
  whose: { own: true; courseTitle: string } | { own: false; delegateName: string };
  /** What cancelling today is charged to the school (0 while it is free), and the VAT on it. */
  cancelNowPence: number;
  vatRateBasisPoints: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useFormMutation(
    whose.own ? trpc.courses.cancelMyPlace.mutationOptions() : trpc.courses.cancelBooking.mutationOptions(),
    { onSuccess: () => router.refresh() },
  );
  const question = whose.own
    ? `Cancel your place on ${whose.courseTitle}?`
    : `Cancel ${whose.delegateName}’s place?`;
  const cost =
    cancelNowPence > 0
      ? ` It is past the last day to cancel free: ${formatPence(cancelNowPence)}${vatRateBasisPoints > 0 ? ' plus VAT' : ''} will be charged to your school.`
      : ' There is no charge for cancelling it now.';
  return (
    <div>
      <ErrorSummary errors={form.summary} />
      <Button
        variant="warning"
        disabled={form.isPending}
        onClick={() => {
          if (window.confirm(question + cost)) form.mutate({ bookingId, reason: '' });
        }}
      >
        {whose.own ? 'Cancel your place' : 'Cancel place'}
        <span className="sr-only">
          {whose.own ? ` on ${whose.courseTitle}` : ` for ${whose.delegateName}`}
        </span>
      </Button>
    </div>
  );
}

/** The manager offers a waiting person a place now, ahead of the queue (a full course refuses). */
export function PromoteButton({ entryId, delegateName }: { entryId: string; delegateName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useFormMutation(trpc.courses.promote.mutationOptions(), { onSuccess: () => router.refresh() });
  return (
    <div>
      <ErrorSummary errors={form.summary} />
      <Button disabled={form.isPending} onClick={() => form.mutate({ entryId })}>
        Offer a place now<span className="sr-only"> to {delegateName}</span>
      </Button>
    </div>
  );
}

/** Takes someone off a course's waiting list (a place held for them passes on to the next person). */
export function LeaveWaitingList({
  entryId,
  courseTitle,
  delegateName,
}: {
  entryId: string;
  courseTitle: string;
  /** Whose entry, when it is not the viewer's own. */
  delegateName?: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useFormMutation(trpc.courses.leaveWaitingList.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  const who = delegateName ? `${delegateName} off` : 'yourself off';
  return (
    <div>
      <ErrorSummary errors={form.summary} />
      <Button
        disabled={form.isPending}
        onClick={() => {
          if (window.confirm(`Take ${who} the waiting list for ${courseTitle}?`)) form.mutate({ entryId });
        }}
      >
        {delegateName ? 'Take off the waiting list' : 'Leave the waiting list'}
        <span className="sr-only">
          {delegateName ? `: ${delegateName}, ${courseTitle}` : ` for ${courseTitle}`}
        </span>
      </Button>
    </div>
  );
}
