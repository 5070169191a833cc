import type { LateCheckpoint } from '~/server/induction/late-registration';
import { longDate } from '~/server/format/dates';

/** The reviews and assessments already overdue at registration, as the registration page and the record list them. */
export function OverdueCheckpoints({
  overdue,
}: {
  overdue: readonly Pick<LateCheckpoint, 'title' | 'dueOn'>[];
}) {
  return (
    <ul className="mt-1 list-disc pl-6">
      {overdue.map((c) => (
        <li key={`${c.title}-${c.dueOn}`}>
          {c.title}: due {longDate(c.dueOn)}
        </li>
      ))}
    </ul>
  );
}
