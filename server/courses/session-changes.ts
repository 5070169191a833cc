import type { CourseSession } from '~/db/schema';
import type { TCourseInput } from './course-inputs';

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
