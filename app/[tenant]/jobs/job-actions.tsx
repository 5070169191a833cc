'use client';

import { useRouter } from 'next/navigation';
import { Button, ErrorSummary, StatusMessage, useFormMutation } from '~/app/_components/form-kit';
import type { JobKey } from '~/server/jobs/scheduled-jobs';
import { useTRPC } from '../../_lib/trpc-client';

/** Runs a job now for this workspace, for today's period (nothing happens if it already ran). */
export function RunNowButton({ job, title }: { job: JobKey; title: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const run = useFormMutation(trpc.jobs.runNow.mutationOptions(), { onSuccess: () => router.refresh() });
  return (
    <div>
      <ErrorSummary errors={run.summary} />
      <Button onClick={() => run.mutate({ job })} disabled={run.isPending} aria-label={`Run ${title} now`}>
        {run.isPending ? 'Running…' : 'Run now'}
      </Button>
      <StatusMessage className="mt-1 text-sm text-green-800">
        {run.data ? `Ran for ${run.data.periodKey}.` : ''}
      </StatusMessage>
    </div>
  );
}

/** Queues a failed email again; it goes out through the email job after this commits. */
export function RetryEmailButton({ emailId, to }: { emailId: string; to: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const retry = useFormMutation(trpc.jobs.retryEmail.mutationOptions(), {
    onSuccess: () => router.refresh(),
  });
  return (
    <div>
      <ErrorSummary errors={retry.summary} />
      <Button
        onClick={() => retry.mutate({ emailId })}
        disabled={retry.isPending}
        aria-label={`Send the email to ${to} again`}
      >
        {retry.isPending ? 'Sending…' : 'Send again'}
      </Button>
      <StatusMessage className="mt-1 text-sm text-green-800">
        {retry.data ? 'Queued to send again.' : ''}
      </StatusMessage>
    </div>
  );
}
