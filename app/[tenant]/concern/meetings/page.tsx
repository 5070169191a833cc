import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { guard, loadWorkspace } from '../../../_lib/server-api';
import { ScheduleMeetingForm } from './meeting-forms';
import { longDate } from '~/server/format/dates';

/** 14 → "fortnightly", 42 → "every 6 weeks (about half-termly)", 10 → "every 10 days". */
function cadenceInWords(days: number): string {
  if (days === 7) return 'weekly';
  if (days === 14) return 'fortnightly';
  if (days % 7 !== 0) return `every ${days} days`;
  return `every ${days / 7} weeks${days === 42 ? ' (about half-termly)' : ''}`;
}

export const metadata: Metadata = { title: 'Review meetings' };

export default async function ReviewMeetingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const { api } = await loadWorkspace(tenant);
  const list = await guard(api.concern.meetings());
  return (
    <div>
      <p>
        <Link href={`/${tenant}/concern`} className="text-brand-dark underline">
          Back to the register
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{list.meetingName}</h1>
      <p className="mt-2 text-slate-700">
        Meets {cadenceInWords(list.cadenceDays)}. Each meeting’s agenda is drawn from the register: new
        candidates, schools due their review and action plans with overdue items.
      </p>
      <ScheduleMeetingForm tenant={tenant} meetingName={list.meetingName} suggestedOn={list.suggestedOn} />
      <section aria-labelledby="meetings" className="mt-8">
        <h2 id="meetings" className="text-2xl font-semibold">
          Meetings
        </h2>
        {list.meetings.length === 0 ? (
          <p className="mt-2">No meetings yet.</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {list.meetings.map((m) => (
              <li key={m.id}>
                <Link href={`/${tenant}/concern/meetings/${m.id}`} className="text-brand-dark underline">
                  {longDate(m.meetingOn)}
                </Link>{' '}
                — {m.status === 'held' ? 'held' : 'scheduled'}, {m.decisions} decision
                {m.decisions === 1 ? '' : 's'}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
