import { and, desc, eq, isNotNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '~/db/client';
import { courseBookings, courseEvaluations, courses } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { runInTenant } from '../unit-of-work/run-in-tenant';
import { hashPlaceToken } from './place-token';
import { withPublicCourses } from './public-tenant';

/** The rating questions, each answered 1 (poor) to 5 (excellent). */
export const evaluationQuestions = [
  { key: 'content', label: 'The content of the course' },
  { key: 'facilitation', label: 'The facilitation' },
  { key: 'impact', label: 'The likely impact on your practice' },
  { key: 'overall', label: 'The course overall' },
] as const;
export type EvaluationQuestion = (typeof evaluationQuestions)[number]['key'];

const ZRating = z.coerce
  .number({ message: 'Choose a rating from 1 to 5.' })
  .int()
  .min(1, 'Choose a rating from 1 to 5.')
  .max(5, 'Choose a rating from 1 to 5.');

export const ZEvaluationAnswers = z.object({
  content: ZRating,
  facilitation: ZRating,
  impact: ZRating,
  overall: ZRating,
  comments: z.string().trim().max(3000).default(''),
});
export type TEvaluationAnswers = z.output<typeof ZEvaluationAnswers>;

/** The place behind an evaluation link, and whether it has been answered. */
export async function findEvaluationPlace(tx: Tx, token: string) {
  const [row] = await tx
    .select({
      booking: courseBookings,
      course: courses,
      answeredAt: courseEvaluations.submittedAt,
    })
    .from(courseBookings)
    .innerJoin(courses, eq(courses.id, courseBookings.courseId))
    .leftJoin(courseEvaluations, eq(courseEvaluations.bookingId, courseBookings.id))
    .where(eq(courseBookings.evaluationTokenHash, hashPlaceToken(token)));
  return row ?? null;
}

/**
 * What the evaluation page (from the request email's link) shows: the course, the delegate's name, whether it
 * has been answered, and the questions. Not the place's row: anyone holding the link reads this.
 */
export async function evaluationByLink(tx: Tx, token: string) {
  const place = await findEvaluationPlace(tx, token);
  if (!place) throw new DomainError({ code: 'NOT_FOUND', message: 'This link is not valid.' });
  return {
    course: { title: place.course.title, startsOn: place.course.startsOn, endsOn: place.course.endsOn },
    delegateName: place.booking.delegateName,
    answered: place.answeredAt !== null,
  };
}

/** A delegate's evaluation, once per place: a second answer is refused rather than overwriting the first. */
export async function submitEvaluation(
  tx: Tx,
  input: { tenantId: string; bookingId: string; courseId: string; answers: TEvaluationAnswers },
) {
  const { comments, ...ratings } = input.answers;
  const [saved] = await tx
    .insert(courseEvaluations)
    .values({
      tenantId: input.tenantId,
      bookingId: input.bookingId,
      courseId: input.courseId,
      ratings,
      comments,
    })
    .onConflictDoNothing()
    .returning({ id: courseEvaluations.id });
  if (!saved)
    throw new DomainError({
      code: 'CONFLICT',
      message: 'You have already given your evaluation. Thank you.',
    });
  return { id: saved.id };
}

/**
 * An evaluation from the link in the request email, signed in or not: the link is the credential. One unit
 * of work in the workspace, audited as the delegate (or the person who booked the place).
 */
export async function submitEvaluationByLink(
  db: Db,
  input: { slug: string; token: string; answers: TEvaluationAnswers },
) {
  const { tenant, place } = await withPublicCourses(db, input.slug, async (tx, tenant) => ({
    tenant,
    place: await findEvaluationPlace(tx, input.token),
  }));
  const auditUser = place?.booking.delegateUserId ?? place?.booking.bookedByUserId;
  if (!place || !auditUser) throw new DomainError({ code: 'NOT_FOUND', message: 'This link is not valid.' });
  if (place.booking.status !== 'confirmed')
    throw new DomainError({ code: 'CONFLICT', message: 'This place was cancelled.' });
  return runInTenant(
    db,
    {
      tenantId: tenant.id,
      action: 'courses.submitEvaluation',
      actor: { userId: auditUser },
      input: { bookingId: place.booking.id },
    },
    (tx) =>
      submitEvaluation(tx, {
        tenantId: tenant.id,
        bookingId: place.booking.id,
        courseId: place.course.id,
        answers: input.answers,
      }),
  );
}

type Averages = Record<EvaluationQuestion, number | null>;

function average(rows: { ratings: Record<string, number> }[]): Averages {
  const out = {} as Averages;
  for (const q of evaluationQuestions) {
    const values = rows.map((r) => r.ratings[q.key]).filter((v): v is number => typeof v === 'number');
    out[q.key] =
      values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
  }
  return out;
}

/**
 * One course's evaluations for the manager: the average of each question (one decimal place), how many were
 * asked and answered, and the comments (newest first; the delegate's name is not shown beside them).
 */
export async function courseEvaluationResults(tx: Tx, courseId: string) {
  const [course] = await tx
    .select({ id: courses.id, title: courses.title, facilitators: courses.facilitators })
    .from(courses)
    .where(eq(courses.id, courseId));
  if (!course) throw new DomainError({ code: 'NOT_FOUND', message: 'That course was not found.' });
  const [rows, [asked]] = await Promise.all([
    tx
      .select({
        ratings: courseEvaluations.ratings,
        comments: courseEvaluations.comments,
        submittedAt: courseEvaluations.submittedAt,
      })
      .from(courseEvaluations)
      .where(eq(courseEvaluations.courseId, courseId))
      .orderBy(desc(courseEvaluations.submittedAt)),
    tx
      .select({ count: sql<number>`count(*)::int` })
      .from(courseBookings)
      .where(
        and(
          eq(courseBookings.courseId, courseId),
          // Asked by email, or answered before the email was sent (from the place page or "Your places"): an
          // answer counts as asked, so the rate never passes 100%.
          or(
            isNotNull(courseBookings.evaluationRequestedAt),
            sql`exists (select 1 from ${courseEvaluations} e where e.tenant_id = ${courseBookings.tenantId} and e.booking_id = ${courseBookings.id})`,
          ),
        ),
      ),
  ]);
  const requested = asked?.count ?? 0;
  return {
    course,
    questions: evaluationQuestions,
    responses: rows.length,
    requested,
    responseRatePercent: requested === 0 ? null : Math.round((rows.length / requested) * 100),
    averages: average(rows),
    comments: rows.filter((r) => r.comments).map((r) => ({ text: r.comments, submittedAt: r.submittedAt })),
  };
}

/** Every facilitator's evaluations across the courses they led: courses, responses and average ratings. */
export async function facilitatorEvaluationResults(tx: Tx) {
  const rows = await tx
    .select({
      courseId: courses.id,
      facilitators: courses.facilitators,
      ratings: courseEvaluations.ratings,
    })
    .from(courseEvaluations)
    .innerJoin(courses, eq(courses.id, courseEvaluations.courseId));
  const byName = new Map<string, { courses: Set<string>; rows: { ratings: Record<string, number> }[] }>();
  for (const row of rows) {
    for (const f of row.facilitators) {
      const entry = byName.get(f.name) ?? { courses: new Set<string>(), rows: [] };
      entry.courses.add(row.courseId);
      entry.rows.push(row);
      byName.set(f.name, entry);
    }
  }
  return {
    questions: evaluationQuestions,
    facilitators: [...byName.entries()]
      .map(([name, e]) => ({
        name,
        courses: e.courses.size,
        responses: e.rows.length,
        averages: average(e.rows),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
