import { DomainError } from '~/server/errors/domain-error';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import {
  ofstedInspections,
  reviewDecisions,
  schools,
  sccCases,
  warningNotices,
  type SccCase,
} from '~/db/schema';
import { isAcademy, type ConcernSettings } from './concern-settings';
import { evaluateTriggers, latestGraded } from './evaluate-triggers';
import { issueLetter } from './issue-letter';
import { findLeadOfficer } from './lead-officers';
import { findMeeting, refuseBeforeMeetingDay } from './meetings';
import { todayInLondon } from '../catalogue/academic-year';
import { removalVerdict } from './removal-rule';
import { addDays } from './review-agenda';

export const decisionKinds = [
  'designate',
  'remove',
  'continue',
  'not_designated',
  'letter_of_concern',
  'recommend_warning_notice',
] as const;

export const warningGrounds = [
  'unacceptably_low_standards',
  'breakdown_of_management_or_governance',
  'safety_threatened',
] as const;

export const ZRecordDecisionInput = z.object({
  meetingId: z.uuid(),
  caseId: z.uuid(),
  decision: z.enum(decisionKinds, { message: 'Choose a decision.' }),
  rationale: z
    .string()
    .trim()
    .min(10, 'Give the rationale for this decision (at least a sentence).')
    .max(8000),
  leadOfficerUserId: z.uuid().optional(),
  grounds: z.array(z.enum(warningGrounds)).max(3).default([]),
});

const bad = (message: string) => new DomainError({ code: 'BAD_REQUEST', message });

/**
 * Records one decision of the review meeting on a case, with its rationale, and carries it out: designation
 * (lead officer, next review, informal-warning letter), removal (only when the removal rule allows; letter,
 * case closed), continuation, not designated, a letter of concern, or a recommendation to the DCS for a
 * formal warning notice. The case has been loaded through loadCaseFor by the router.
 */
export async function recordDecision(
  tx: Tx,
  input: z.infer<typeof ZRecordDecisionInput> & {
    tenantId: string;
    tenantSlug: string;
    issuerName: string;
    appUrl: string;
    actorUserId: string;
    settings: ConcernSettings;
    found: SccCase;
    today?: string;
  },
) {
  const meeting = await findMeeting(tx, input.meetingId);
  if (meeting.status === 'held')
    throw bad('This meeting has been marked as held; record the decision at a later meeting.');
  refuseBeforeMeetingDay(meeting, input.today ?? todayInLondon(), 'decisions');
  const found = input.found;
  const [school] = await tx.select().from(schools).where(eq(schools.id, found.schoolId));
  if (!school) throw new Error('case without a school');
  const open = found.status === 'candidate' || found.status === 'designated';
  if (!open) throw bad(`${school.name}'s case is closed; open a new case to consider it again.`);
  const inspections = await tx
    .select()
    .from(ofstedInspections)
    .where(eq(ofstedInspections.schoolId, school.id));
  const triggers = evaluateTriggers({
    latestInspection: latestGraded(inspections),
    recorded: found.triggers,
    reading: input.settings.reading,
  });
  const letterBase = {
    tenantId: input.tenantId,
    tenantSlug: input.tenantSlug,
    issuerName: input.issuerName,
    appUrl: input.appUrl,
    actorUserId: input.actorUserId,
    settings: input.settings,
    triggers,
    rationale: input.rationale,
    meetingOn: meeting.meetingOn,
  };
  const nextReviewOn = addDays(meeting.meetingOn, input.settings.cadenceDays);
  let letterId: string | null = null;
  let noticeId: string | null = null;

  switch (input.decision) {
    case 'designate': {
      if (found.status !== 'candidate') throw bad(`${school.name} is already designated.`);
      if (isAcademy(school))
        throw bad(
          `${school.name} is an academy: the local authority cannot designate it for formal intervention. ` +
            'Keep it on the register for monitoring and refer your concerns to the DfE Regional Director instead.',
        );
      if (!input.leadOfficerUserId)
        throw bad(`Choose the ${input.settings.leadOfficerTitle} for ${school.name}.`);
      const lead = await findLeadOfficer(tx, input.leadOfficerUserId);
      if (!lead)
        throw bad(`The ${input.settings.leadOfficerTitle} must be an officer or adviser of this workspace.`);
      const [updated] = await tx
        .update(sccCases)
        .set({
          status: 'designated',
          designatedOn: meeting.meetingOn,
          leadOfficerUserId: lead.userId,
          nextReviewOn,
          updatedAt: new Date(),
        })
        .where(eq(sccCases.id, found.id))
        .returning();
      if (!updated) throw new Error('case not updated');
      ({ letterId } = await issueLetter(tx, {
        ...letterBase,
        kind: 'designation',
        found: updated,
        leadOfficerName: lead.name,
      }));
      break;
    }
    case 'remove': {
      if (found.status !== 'designated')
        throw bad(`${school.name} is not designated; record “not designated” to close a candidate's case.`);
      const verdict = removalVerdict({
        inspections,
        designatedOn: found.designatedOn,
        reading: input.settings.reading,
      });
      if (!verdict.allowed) throw bad(verdict.reason);
      const [updated] = await tx
        .update(sccCases)
        .set({ status: 'removed', closedOn: meeting.meetingOn, nextReviewOn: null, updatedAt: new Date() })
        .where(eq(sccCases.id, found.id))
        .returning();
      if (!updated) throw new Error('case not updated');
      ({ letterId } = await issueLetter(tx, {
        ...letterBase,
        kind: 'removal',
        found: updated,
        leadOfficerName: null,
      }));
      break;
    }
    case 'continue': {
      await tx.update(sccCases).set({ nextReviewOn, updatedAt: new Date() }).where(eq(sccCases.id, found.id));
      break;
    }
    case 'not_designated': {
      if (found.status !== 'candidate')
        throw bad(`${school.name} is designated; record “remove” to take it off the register.`);
      await tx
        .update(sccCases)
        .set({
          status: 'not_designated',
          closedOn: meeting.meetingOn,
          nextReviewOn: null,
          updatedAt: new Date(),
        })
        .where(eq(sccCases.id, found.id));
      break;
    }
    case 'letter_of_concern': {
      ({ letterId } = await issueLetter(tx, {
        ...letterBase,
        kind: 'concern',
        found,
        leadOfficerName: null,
      }));
      break;
    }
    case 'recommend_warning_notice': {
      if (isAcademy(school))
        throw bad(
          `${school.name} is an academy: the local authority cannot issue it a warning notice. ` +
            'Refer your concerns to the DfE Regional Director instead.',
        );
      if (input.grounds.length === 0) throw bad('Choose at least one ground for the formal warning notice.');
      const [notice] = await tx
        .insert(warningNotices)
        .values({
          tenantId: input.tenantId,
          schoolId: school.id,
          caseId: found.id,
          kind: 'formal_s60',
          grounds: input.grounds,
          status: 'recommended',
        })
        .returning({ id: warningNotices.id });
      noticeId = notice?.id ?? null;
      break;
    }
  }

  const [decision] = await tx
    .insert(reviewDecisions)
    .values({
      tenantId: input.tenantId,
      meetingId: meeting.id,
      caseId: found.id,
      schoolId: school.id,
      decision: input.decision,
      rationale: input.rationale,
      recordedByUserId: input.actorUserId,
    })
    .returning({ id: reviewDecisions.id });
  return { decisionId: decision?.id ?? null, letterId, noticeId };
}
