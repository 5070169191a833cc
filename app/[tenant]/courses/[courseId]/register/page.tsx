import type { Metadata } from 'next';
import { Link } from '~/app/_components/link';
import { RefusalNotice } from '~/app/_components/refusal-notice';
import { formatCourseDate, sessionKindLabels } from '../../../../_lib/course-format';
import { guardOrRefusal, loadWorkspace } from '../../../../_lib/server-api';
import { RegisterList } from './register-list';

export const metadata: Metadata = { title: 'Register' };

/** The facilitator's register for one session, made for a phone at the door: one delegate a row, big buttons. */
export default async function RegisterPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string; courseId: string }>;
  searchParams: Promise<{ session?: string }>;
}) {
  const { tenant, courseId } = await params;
  const { session: sessionId } = await searchParams;
  const { api } = await loadWorkspace(tenant);
  const register = await guardOrRefusal(
    api.courses.register({
      courseId,
      sessionId: sessionId && /^[0-9a-f-]{36}$/i.test(sessionId) ? sessionId : undefined,
    }),
  );
  // A draft or a cancelled course has no register: the server says why, and the page offers the way back.
  if (register.refused)
    return (
      <RefusalNotice
        refusal={{
          heading: 'This course has no register',
          paragraphs: [register.reason],
          link: { href: `/${tenant}/courses/${courseId}`, text: 'Back to the course' },
        }}
      />
    );
  const { course, sessions, session, mayMark, delegates } = register.value;
  return (
    <div className="max-w-2xl">
      <p>
        <Link href={`/${tenant}/courses/${course.id}`} className="underline">
          Back to {course.title}
        </Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">Register: {course.title}</h1>
      <p className="mt-2 text-lg">
        {session.title} · {formatCourseDate(session.on)} · {session.startTime}–{session.endTime} ·{' '}
        {sessionKindLabels[session.kind]}
      </p>
      {sessions.length > 1 && (
        <nav aria-label="Sessions" className="mt-4">
          <ul className="flex flex-wrap gap-2">
            {sessions.map((s) => (
              <li key={s.id}>
                <Link
                  href={`/${tenant}/courses/${course.id}/register?session=${s.id}`}
                  aria-current={s.id === session.id ? 'page' : undefined}
                  className={`inline-flex min-h-11 items-center rounded border-2 px-3 ${s.id === session.id ? 'border-brand bg-brand font-semibold text-white' : 'border-slate-400 underline'}`}
                >
                  {s.title}
                  {s.id === session.id && <span className="sr-only"> (this register)</span>}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {!mayMark && (
        <p className="mt-4 rounded border-l-4 border-brand bg-white p-3">
          This session is on {formatCourseDate(session.on)}. You can mark the register from that day; until
          then this is the list of who is coming.
        </p>
      )}
      <RegisterList key={session.id} sessionId={session.id} mayMark={mayMark} delegates={delegates} />
    </div>
  );
}
