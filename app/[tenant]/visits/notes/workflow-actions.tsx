'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import {
  Button,
  ErrorSummary,
  Form,
  StatusMessage,
  SubmitButton,
  TextArea,
  useFormMutation,
} from '~/app/_components/form-kit';
import { sentMessage } from '~/server/notes-of-visit/labels';
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
  const after = (message: string) => ({
    onSuccess: () => {
      setDone(message);
      router.refresh();
    },
  });
  const send = useFormMutation(trpc.notesOfVisit.send.mutationOptions(), {
    onSuccess: (sent) => {
      setDone(sentMessage(sent));
      router.refresh();
    },
  });
  const agree = useFormMutation(
    trpc.notesOfVisit.agree.mutationOptions(),
    after('You have agreed this note.'),
  );
  const share = useFormMutation(trpc.notesOfVisit.share.mutationOptions(), after('Note shared.'));
  const respond = useFormMutation(trpc.notesOfVisit.comment.mutationOptions(), {
    idPrefix: 'head',
    onSuccess: () => {
      setComment('');
      after('Your comments have been sent to the adviser.').onSuccess();
    },
  });
  if (!can.send && !can.agree && !can.comment && !can.share && !done) return null;
  return (
    <section aria-labelledby="next-step" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="next-step" className="text-xl font-semibold">
        Next step
      </h2>
      <ErrorSummary errors={[...send.summary, ...agree.summary, ...share.summary]} />
      <div className="mt-3 flex flex-wrap gap-3">
        {can.send && (
          <Button variant="primary" disabled={send.isPending} onClick={() => send.mutate({ id: noteId })}>
            Send to the headteacher
          </Button>
        )}
        {can.agree && (
          <Button variant="primary" disabled={agree.isPending} onClick={() => agree.mutate({ id: noteId })}>
            Agree this note
          </Button>
        )}
        {can.share && (
          <Button variant="primary" disabled={share.isPending} onClick={() => share.mutate({ id: noteId })}>
            {shareLabel}
          </Button>
        )}
      </div>
      {can.comment && (
        <Form
          form={respond}
          onSubmit={() => respond.mutate({ id: noteId, comment })}
          className="mt-4 space-y-2"
        >
          <TextArea
            label="Or comment instead of agreeing"
            hint="The adviser will revise the note and send it to you again."
            {...respond.field('comment')}
            value={comment}
            onChange={setComment}
            width="w-full max-w-2xl"
          />
          <SubmitButton pending={respond.isPending}>Send comments</SubmitButton>
        </Form>
      )}
      <StatusMessage className="mt-3 text-green-800">{done}</StatusMessage>
    </section>
  );
}
