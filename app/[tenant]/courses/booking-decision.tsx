'use client';

import { useRouter } from 'next/navigation';
import { Button, ErrorSummary, useFormMutation } from '../../_components/form-kit';
import { useTRPC } from '../../_lib/trpc-client';

/** Approve or decline a staff booking held for the school's approval. */
export function BookingDecision({ bookingId, delegateName }: { bookingId: string; delegateName: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useFormMutation(trpc.courses.decideBooking.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <div>
      <ErrorSummary errors={form.summary} />
      <div className="flex flex-wrap gap-2">
        <Button
          variant="primary"
          disabled={form.isPending}
          onClick={() => form.mutate({ bookingId, decision: 'approve' })}
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

/** Cancels one place under the course's terms, saying first what cancelling today costs the school. */
export function CancelPlace({
  bookingId,
  delegateName,
  costNow,
}: {
  bookingId: string;
  delegateName: string;
  /** What cancelling today is charged ("£42.50 plus VAT"), or null while it is free. */
  costNow: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useFormMutation(trpc.courses.cancelBooking.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <div>
      <ErrorSummary errors={form.summary} />
      <Button
        variant="warning"
        disabled={form.isPending}
        onClick={() => {
          if (
            window.confirm(
              costNow
                ? `Cancel ${delegateName}’s place? It is past the last day to cancel free: ${costNow} will be charged to your school.`
                : `Cancel ${delegateName}’s place? There is no charge for cancelling it now.`,
            )
          )
            form.mutate({ bookingId, reason: '' });
        }}
      >
        Cancel place<span className="sr-only"> for {delegateName}</span>
      </Button>
    </div>
  );
}

/**
 * The delegate cancels their own place (a governor, member of staff or ECT), told first what cancelling today
 * costs their school under the course's terms.
 */
export function CancelMyPlace({
  bookingId,
  courseTitle,
  costNow,
}: {
  bookingId: string;
  courseTitle: string;
  /** What cancelling today is charged to the school ("£42.50 plus VAT"), or null while it is free. */
  costNow: string | null;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useFormMutation(trpc.courses.cancelMyPlace.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <div>
      <ErrorSummary errors={form.summary} />
      <Button
        variant="warning"
        disabled={form.isPending}
        onClick={() => {
          if (
            window.confirm(
              costNow
                ? `Cancel your place on ${courseTitle}? It is past the last day to cancel free: ${costNow} will be charged to your school.`
                : `Cancel your place on ${courseTitle}? There is no charge for cancelling it now.`,
            )
          )
            form.mutate({ bookingId, reason: '' });
        }}
      >
        Cancel your place<span className="sr-only"> on {courseTitle}</span>
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
