import type { CourseSession } from '~/db/schema';
import { formatSessionWhen } from './course-emails';
import type { TCourseInput } from './course-inputs';
import { sessionsInOrder } from './course-rows';

/** True when the programme's dates or times differ (what delegates need a new invite for). */
export function sessionsChanged(
  before: Pick<CourseSession, 'on' | 'startTime' | 'endTime'>[],
  after: TCourseInput['sessions'],
): boolean {
  const key = (s: { on: string; startTime: string; endTime: string }) =>
    `${s.on} ${s.startTime}-${s.endTime}`;
  const a = before.map(key).sort();
  const b = after.map(key).sort();
  return a.length !== b.length || a.some((k, i) => k !== b[i]);
}

/**
 * What changed, session by session, as the delegates' email says it. Sessions are matched by their place in
 * the programme, as their registers are: a session added in the middle moves the ones after it.
 */
export function sessionChangeLines(
  before: Pick<CourseSession, 'title' | 'on' | 'startTime' | 'endTime'>[],
  after: TCourseInput['sessions'],
): string[] {
  const ordered = sessionsInOrder(after);
  const lines: string[] = [];
  for (let i = 0; i < Math.max(before.length, ordered.length); i++) {
    const was = before[i];
    const now = ordered[i];
    const title = now?.title || was?.title || `Session ${i + 1}`;
    if (was && now) {
      if (formatSessionWhen(was) !== formatSessionWhen(now))
        lines.push(`${title} has moved from ${formatSessionWhen(was)} to ${formatSessionWhen(now)}.`);
    } else if (now) lines.push(`${title} has been added: ${formatSessionWhen(now)}.`);
    else if (was) lines.push(`${title} (${formatSessionWhen(was)}) no longer runs.`);
  }
  return lines;
}
