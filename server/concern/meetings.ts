import { DomainError } from '~/server/errors/domain-error';
import { asc, desc, eq, inArray, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import {
  actionPlanItems,
  actionPlans,
  reviewDecisions,
  reviewMeetings,
  schools,
  sccCases,
  sccLetters,
  users,
} from '~/db/schema';
import { todayInLondon } from '../catalogue/academic-year';
import { longDate } from '../format/dates';
import type { ConcernSettings } from './concern-settings';
import { buildAgenda, suggestNextMeetingOn } from './review-agenda';

const isoDate = z.iso.date({ message: 'Enter a date, for example 2026-12-09.' });

export const ZScheduleMeetingInput = z.object({
  meetingOn: isoDate,
  chairName: z.string().trim().max(200).default(''),
  attendees: z.string().trim().max(2000).default(''),
});

export async function scheduleMeeting(
  tx: Tx,
  input: z.infer<typeof ZScheduleMeetingInput> & { tenantId: string },
) {
  const [made] = await tx
    .insert(reviewMeetings)
    .values({
      tenantId: input.tenantId,
      meetingOn: input.meetingOn,
      chairName: input.chairName,
      attendees: input.attendees,
    })
    .returning({ id: reviewMeetings.id });
  if (!made) throw new Error('meeting not created');
  return { meetingId: made.id };
}

/** Every meeting, newest first, and the date to suggest for the next one from the cadence. */
export async function listMeetings(tx: Tx, input: { settings: ConcernSettings; today?: string }) {
  const meetings = await tx.select().from(reviewMeetings).orderBy(desc(reviewMeetings.meetingOn));
  const decided = await tx.select({ meetingId: reviewDecisions.meetingId }).from(reviewDecisions);
  const counts = new Map<string, number>();
  for (const d of decided) counts.set(d.meetingId, (counts.get(d.meetingId) ?? 0) + 1);
  return {
    meetingName: input.settings.meetingName,
    cadenceDays: input.settings.cadenceDays,
    suggestedOn: suggestNextMeetingOn({
      lastMeetingOn: meetings[0]?.meetingOn ?? null,
      cadenceDays: input.settings.cadenceDays,
      today: input.today ?? todayInLondon(),
    }),
    meetings: meetings.map((m) => ({ ...m, decisions: counts.get(m.id) ?? 0 })),
  };
}

/**
 * A meeting's decisions and minutes are recorded on or after its day, never before: a decision taken "at its
 * meeting on 10 December" cannot be written, lettered and emailed on 5 December.
 */
export function meetingHasCome(meeting: { meetingOn: string }, today: string) {
  return meeting.meetingOn <= today;
}

export function refuseBeforeMeetingDay(
  meeting: { meetingOn: string },
  today: string,
  what: 'decisions' | 'minutes',
) {
  if (meetingHasCome(meeting, today)) return;
  const day = longDate(meeting.meetingOn);
  throw new DomainError({
    code: 'BAD_REQUEST',
    message:
      what === 'decisions'
        ? `This meeting is on ${day}: its decisions can be recorded from that day, not before.`
        : `This meeting is on ${day}: it can be marked as held from that day, not before.`,
  });
}

export async function findMeeting(tx: Tx, meetingId: string) {
  const [meeting] = await tx.select().from(reviewMeetings).where(eq(reviewMeetings.id, meetingId));
  if (!meeting) throw new DomainError({ code: 'NOT_FOUND', message: 'That meeting was not found.' });
  return meeting;
}

/**
 * A meeting with its agenda generated from the register (as it stands on the meeting date) and the decisions
 * recorded; a school decided on at this meeting stays on its agenda after the decision changed its case.
 */
export async function meetingWithAgenda(tx: Tx, input: { meetingId: string; today?: string }) {
  const meeting = await findMeeting(tx, input.meetingId);
  const hasCome = meetingHasCome(meeting, input.today ?? todayInLondon());
  const decisions = await tx
    .select({
      decision: reviewDecisions,
      schoolName: schools.name,
      recordedBy: users.name,
    })
    .from(reviewDecisions)
    .innerJoin(schools, eq(schools.id, reviewDecisions.schoolId))
    .leftJoin(users, eq(users.id, reviewDecisions.recordedByUserId))
    .where(eq(reviewDecisions.meetingId, meeting.id))
    .orderBy(asc(reviewDecisions.createdAt));
  const decidedCaseIds = decisions.map((d) => d.decision.caseId);
  const caseRows = await tx
    .select({ found: sccCases, schoolName: schools.name, urn: schools.urn })
    .from(sccCases)
    .innerJoin(schools, eq(schools.id, sccCases.schoolId))
    .where(
      decidedCaseIds.length > 0
        ? or(inArray(sccCases.status, ['candidate', 'designated']), inArray(sccCases.id, decidedCaseIds))
        : inArray(sccCases.status, ['candidate', 'designated']),
    );
  const caseIds = caseRows.map((c) => c.found.id);
  const planItems =
    caseIds.length === 0
      ? []
      : await tx
          .select({
            caseId: actionPlans.caseId,
            dueOn: actionPlanItems.dueOn,
            completedOn: actionPlanItems.completedOn,
            rag: actionPlanItems.rag,
          })
          .from(actionPlanItems)
          .innerJoin(actionPlans, eq(actionPlans.id, actionPlanItems.planId))
          .where(inArray(actionPlans.caseId, caseIds));
  const generated = buildAgenda({
    meetingOn: meeting.meetingOn,
    cases: caseRows.map((c) => ({
      caseId: c.found.id,
      schoolId: c.found.schoolId,
      schoolName: c.schoolName,
      status: c.found.status,
      nextReviewOn: c.found.nextReviewOn,
    })),
    planItems,
  });
  const onAgenda = new Set(generated.map((g) => g.caseId));
  const decidedOnly = caseRows
    .filter((c) => decidedCaseIds.includes(c.found.id) && !onAgenda.has(c.found.id))
    .map((c) => ({
      caseId: c.found.id,
      schoolId: c.found.schoolId,
      schoolName: c.schoolName,
      status: c.found.status,
      nextReviewOn: c.found.nextReviewOn,
      reasons: [],
      overdueItems: 0,
    }));
  const letters =
    decidedCaseIds.length === 0
      ? []
      : await tx
          .select({
            id: sccLetters.id,
            caseId: sccLetters.caseId,
            kind: sccLetters.kind,
            subject: sccLetters.subject,
          })
          .from(sccLetters)
          .where(inArray(sccLetters.caseId, decidedCaseIds));
  const urnOf = new Map(caseRows.map((c) => [c.found.id, c.urn]));
  return {
    meeting,
    /** False until the meeting's day: decisions and minutes wait for it. */
    hasCome,
    agenda: [...generated, ...decidedOnly].map((item) => ({
      ...item,
      urn: urnOf.get(item.caseId) ?? null,
      decisions: decisions
        .filter((d) => d.decision.caseId === item.caseId)
        .map((d) => ({
          id: d.decision.id,
          decision: d.decision.decision,
          rationale: d.decision.rationale,
          recordedBy: d.recordedBy,
        })),
      letters: letters.filter((l) => l.caseId === item.caseId),
    })),
  };
}

export const ZHoldMeetingInput = z.object({
  meetingId: z.uuid(),
  minutes: z.string().trim().min(10, 'Write the minutes (at least a sentence).').max(20000),
  chairName: z.string().trim().max(200).optional(),
  attendees: z.string().trim().max(2000).optional(),
});

/** Marks the meeting held with its minutes; its record is then closed to further decisions. */
export async function holdMeeting(tx: Tx, input: z.infer<typeof ZHoldMeetingInput> & { today?: string }) {
  const meeting = await findMeeting(tx, input.meetingId);
  if (meeting.status === 'held')
    throw new DomainError({ code: 'BAD_REQUEST', message: 'This meeting has already been marked as held.' });
  refuseBeforeMeetingDay(meeting, input.today ?? todayInLondon(), 'minutes');
  await tx
    .update(reviewMeetings)
    .set({
      status: 'held',
      minutes: input.minutes,
      ...(input.chairName !== undefined ? { chairName: input.chairName } : {}),
      ...(input.attendees !== undefined ? { attendees: input.attendees } : {}),
    })
    .where(eq(reviewMeetings.id, meeting.id));
  return { ok: true as const };
}
