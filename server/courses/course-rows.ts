import { and, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { courseSessions, courses } from '~/db/schema';
import type { TCourseInput } from './course-inputs';
import { londonToUtc } from './london-time';

/**
 * The course's columns from a manager's input (money in pence, VAT in basis points, first and last dates);
 * `vatRateBasisPoints` is the rate the course has when the input names none.
 */
export function courseValues(input: TCourseInput, vatRateBasisPoints: number) {
  const dates = input.sessions.map((s) => s.on).sort();
  return {
    programme: input.programme,
    title: input.title,
    description: input.description,
    audiences: input.audiences,
    phase: input.phase,
    subject: input.subject,
    keyStage: input.keyStage,
    format: input.format,
    venue: input.venue,
    joiningLink: input.joiningLink,
    facilitators: input.facilitators,
    capacity: input.capacity,
    bookingDeadline: input.bookingDeadline,
    minimumNumbers: input.minimumNumbers,
    goNoGoOn: input.goNoGoOn,
    memberPricePence: input.memberPrice,
    nonMemberPricePence: input.nonMemberPrice,
    outOfAreaPricePence: input.outOfAreaPrice,
    vatRateBasisPoints:
      input.vatRatePercent === undefined ? vatRateBasisPoints : Math.round(input.vatRatePercent * 100),
    entitlementUnit: input.entitlement?.unit ?? null,
    entitlementCategory: input.entitlement?.category ?? '',
    cancellationTerms: input.cancellationTerms,
    holdHours: input.holdHours,
    staffBookingNeedsApproval: input.staffBookingNeedsApproval,
    statutoryFreeForGovernors: input.statutoryFreeForGovernors,
    startsOn: dates[0] ?? null,
    endsOn: dates.at(-1) ?? null,
  };
}

/** A programme's sessions in date order: their sequence, by which each keeps its row (and register). */
export const sessionsInOrder = <S extends { on: string; startTime: string }>(sessions: readonly S[]) =>
  [...sessions].sort((a, b) => `${a.on} ${a.startTime}`.localeCompare(`${b.on} ${b.startTime}`));

/**
 * Writes a course's sessions in date order, keeping each existing session's row (and so its register) by its
 * place in the programme; sessions beyond the new count are removed.
 */
export async function writeSessions(
  tx: Tx,
  tenantId: string,
  courseId: string,
  sessions: TCourseInput['sessions'],
) {
  const rows = sessionsInOrder(sessions).map((s, i) => ({
    tenantId,
    courseId,
    sequence: i + 1,
    title: s.title || `Session ${i + 1}`,
    kind: s.kind,
    on: s.on,
    startTime: s.startTime,
    endTime: s.endTime,
    startsAt: londonToUtc(s.on, s.startTime),
    endsAt: londonToUtc(s.on, s.endTime),
    required: s.required,
  }));
  await tx
    .insert(courseSessions)
    .values(rows)
    .onConflictDoUpdate({
      target: [courseSessions.tenantId, courseSessions.courseId, courseSessions.sequence],
      set: {
        title: sql`excluded.title`,
        kind: sql`excluded.kind`,
        on: sql`excluded.on`,
        startTime: sql`excluded.start_time`,
        endTime: sql`excluded.end_time`,
        startsAt: sql`excluded.starts_at`,
        endsAt: sql`excluded.ends_at`,
        required: sql`excluded.required`,
      },
    });
  await tx
    .delete(courseSessions)
    .where(and(eq(courseSessions.courseId, courseId), gt(courseSessions.sequence, rows.length)));
}

export async function loadCourseRow(tx: Tx, courseId: string) {
  const [course] = await tx.select().from(courses).where(eq(courses.id, courseId));
  return course;
}
