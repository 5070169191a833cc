'use client';

import { useState } from 'react';
import { Button, ErrorSummary, useFormMutation } from '../../../../_components/form-kit';
import { useTRPC } from '../../../../_lib/trpc-client';
import { countOf } from '~/server/format/plural';

type Mark = 'attended' | 'late' | 'absent';
type Delegate = {
  bookingId: string;
  delegateName: string;
  delegateRole: string;
  delegateNeeds: string;
  schoolName: string;
  status: Mark | null;
};

const markLabels: Record<Mark, string> = { attended: 'Attended', late: 'Late', absent: 'Absent' };
const marks: Mark[] = ['attended', 'late', 'absent'];

/** One delegate a card; tapping a mark saves it at once and says so beside the name (not by colour alone). */
export function RegisterList({
  sessionId,
  mayMark,
  delegates,
}: {
  sessionId: string;
  mayMark: boolean;
  delegates: Delegate[];
}) {
  const trpc = useTRPC();
  const [statuses, setStatuses] = useState<Record<string, Mark | null>>(() =>
    Object.fromEntries(delegates.map((d) => [d.bookingId, d.status])),
  );
  const [charges, setCharges] = useState<Record<string, string>>({});
  const form = useFormMutation(trpc.courses.markAttendance.mutationOptions(), {
    onSuccess: (mark, input) => {
      setStatuses((s) => ({ ...s, [input.bookingId]: mark.status }));
      const note = !mark.noShow
        ? null
        : 'charged' in mark.noShow
          ? 'Absent from every session: the no-show charge has been raised.'
          : 'removed' in mark.noShow
            ? 'The no-show charge has been removed.'
            : 'The no-show charge is already invoiced: ask finance for a credit note.';
      if (note) setCharges((c) => ({ ...c, [input.bookingId]: note }));
    },
  });
  const saving = form.isPending ? form.variables : undefined;

  if (delegates.length === 0) return <p className="mt-6">No delegates have a confirmed place yet.</p>;
  if (!mayMark)
    return (
      <ul className="mt-4 space-y-2">
        {delegates.map((d) => (
          <li key={d.bookingId} className="rounded-lg border border-slate-300 bg-white p-4">
            <p className="text-lg font-semibold">{d.delegateName}</p>
            <p className="text-slate-700">{[d.delegateRole, d.schoolName].filter(Boolean).join(', ')}</p>
            {d.delegateNeeds && <p className="text-slate-700">Needs: {d.delegateNeeds}</p>}
          </li>
        ))}
      </ul>
    );
  // Counted from the marks as they are saved, so it keeps up with the taps.
  const marked = delegates.filter((d) => statuses[d.bookingId]).length;
  return (
    <div className="mt-4">
      <p>{`${marked} of ${countOf(delegates.length, 'delegate')} marked. Each mark is saved as you tap it.`}</p>
      <ErrorSummary errors={form.summary} />
      <ul className="mt-2 space-y-4">
        {delegates.map((d) => {
          const status = statuses[d.bookingId] ?? null;
          const nameId = `delegate-${d.bookingId}`;
          return (
            <li key={d.bookingId} className="rounded-lg border border-slate-300 bg-white p-4">
              <p id={nameId} className="text-lg font-semibold">
                {d.delegateName}
              </p>
              <p className="text-slate-700">{[d.delegateRole, d.schoolName].filter(Boolean).join(', ')}</p>
              {d.delegateNeeds && <p className="text-slate-700">Needs: {d.delegateNeeds}</p>}
              <p role="status" className="mt-1">
                {saving?.bookingId === d.bookingId
                  ? 'Saving…'
                  : status
                    ? `Marked: ${markLabels[status].toLowerCase()}.`
                    : 'Not marked yet.'}
                {charges[d.bookingId] ? ` ${charges[d.bookingId]}` : ''}
              </p>
              <div
                role="group"
                aria-labelledby={nameId}
                className="mt-3 grid grid-cols-1 gap-2 sm:grid-cols-3"
              >
                {marks.map((m) => (
                  <Button
                    key={m}
                    variant={status === m ? 'primary' : 'secondary'}
                    aria-pressed={status === m}
                    disabled={form.isPending}
                    className="min-h-12 w-full text-lg"
                    onClick={() => form.mutate({ sessionId, bookingId: d.bookingId, status: m })}
                  >
                    {markLabels[m]}
                    <span className="sr-only"> – {d.delegateName}</span>
                  </Button>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
