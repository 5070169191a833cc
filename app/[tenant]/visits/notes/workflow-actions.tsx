'use client';

import { FieldError, buttonClass } from '~/app/_components/form-kit';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTRPC } from '../../../_lib/trpc-client';

/** The buttons the caller's role and the note's status allow: send, agree, comment, share. */
export function WorkflowActions({
  noteId,
  can,
  shareLabel,
}: {
  noteId: string;
  can: { send: boolean; agree: boolean; comment: boolean; share: boolean };
  shareLabel: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [comment, setComment] = useState('');
  const [done, setDone] = useState('');
  const after = (message: string) => () => {
    setDone(message);
    router.refresh();
  };
  const send = useMutation(
    trpc.notesOfVisit.send.mutationOptions({ onSuccess: after('Sent to the headteacher.') }),
  );
  const agree = useMutation(
    trpc.notesOfVisit.agree.mutationOptions({ onSuccess: after('You have agreed this note.') }),
  );
  const share = useMutation(trpc.notesOfVisit.share.mutationOptions({ onSuccess: after('Note shared.') }));
  const respond = useMutation(
    trpc.notesOfVisit.comment.mutationOptions({
      onSuccess: () => {
        setComment('');
        after('Your comments have been sent to the adviser.')();
      },
    }),
  );
  const failed =
    [send, agree, share].find((m) => m.error)?.error ??
    (respond.error?.data?.fieldErrors ? null : respond.error);
  if (!can.send && !can.agree && !can.comment && !can.share && !done) return null;
  return (
    <section aria-labelledby="next-step" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="next-step" className="text-xl font-semibold">
        Next step
      </h2>
      {failed && (
        <p role="alert" className="mt-2 font-semibold text-red-800">
          {failed.message}
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-3">
        {can.send && (
          <button
            type="button"
            className={buttonClass}
            disabled={send.isPending}
            onClick={() => send.mutate({ id: noteId })}
          >
            Send to the headteacher
          </button>
        )}
        {can.agree && (
          <button
            type="button"
            className={buttonClass}
            disabled={agree.isPending}
            onClick={() => agree.mutate({ id: noteId })}
          >
            Agree this note
          </button>
        )}
        {can.share && (
          <button
            type="button"
            className={buttonClass}
            disabled={share.isPending}
            onClick={() => share.mutate({ id: noteId })}
          >
            {shareLabel}
          </button>
        )}
      </div>
      {can.comment && (
        <form
          className="mt-4"
          onSubmit={(e) => {
            e.preventDefault();
            respond.mutate({ id: noteId, comment });
          }}
        >
          <label htmlFor="head-comment" className="block font-semibold">
            Or comment instead of agreeing
          </label>
          <p id="head-comment-hint" className="text-slate-700">
            The adviser will revise the note and send it to you again.
          </p>
          <FieldError id="head-comment" message={respond.error?.data?.fieldErrors?.comment?.[0]} />
          <textarea
            id="head-comment"
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            aria-describedby={
              respond.error?.data?.fieldErrors?.comment
                ? 'head-comment-error head-comment-hint'
                : 'head-comment-hint'
            }
            className="mt-1 block w-full max-w-2xl rounded border-2 border-slate-600 px-3 py-2"
          />
          <button type="submit" className={`${buttonClass} mt-2`} disabled={respond.isPending}>
            Send comments
          </button>
        </form>
      )}
      <p role="status" className="mt-3 text-green-800">
        {done}
      </p>
    </section>
  );
}
