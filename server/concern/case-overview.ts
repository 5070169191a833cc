import { asc, desc, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  actionPlans,
  ofstedInspections,
  reviewDecisions,
  reviewMeetings,
  schoolMonitoring,
  schools,
  sccLetters,
  users,
  warningNotices,
  type SccCase,
} from '~/db/schema';
import { categoryByKey } from '../monitoring/statutory-settings';
import { isAcademy, type ConcernSettings } from './concern-settings';
import { evaluateTriggers, latestGraded } from './evaluate-triggers';
import { removalVerdict } from './removal-rule';

/** One case in full, for officers and the advisers who advise it (the router has checked access). */
export async function caseOverview(tx: Tx, input: { found: SccCase; settings: ConcernSettings }) {
  const { found, settings } = input;
  const [school] = await tx.select().from(schools).where(eq(schools.id, found.schoolId));
  if (!school) throw new Error('case without a school');
  const [monitoring] = await tx
    .select()
    .from(schoolMonitoring)
    .where(eq(schoolMonitoring.schoolId, school.id));
  const inspections = await tx
    .select()
    .from(ofstedInspections)
    .where(eq(ofstedInspections.schoolId, school.id))
    .orderBy(desc(ofstedInspections.inspectedOn));
  const [lead] = found.leadOfficerUserId
    ? await tx.select({ name: users.name }).from(users).where(eq(users.id, found.leadOfficerUserId))
    : [];
  const decisions = await tx
    .select({
      id: reviewDecisions.id,
      decision: reviewDecisions.decision,
      rationale: reviewDecisions.rationale,
      meetingId: reviewMeetings.id,
      meetingOn: reviewMeetings.meetingOn,
    })
    .from(reviewDecisions)
    .innerJoin(reviewMeetings, eq(reviewMeetings.id, reviewDecisions.meetingId))
    .where(eq(reviewDecisions.caseId, found.id))
    .orderBy(asc(reviewMeetings.meetingOn), asc(reviewDecisions.createdAt));
  const letters = await tx
    .select({
      id: sccLetters.id,
      kind: sccLetters.kind,
      issuedOn: sccLetters.issuedOn,
      subject: sccLetters.subject,
    })
    .from(sccLetters)
    .where(eq(sccLetters.caseId, found.id))
    .orderBy(asc(sccLetters.createdAt));
  const notices = await tx
    .select({ id: warningNotices.id, kind: warningNotices.kind, status: warningNotices.status })
    .from(warningNotices)
    .where(eq(warningNotices.caseId, found.id));
  const plans = await tx
    .select({ id: actionPlans.id, title: actionPlans.title })
    .from(actionPlans)
    .where(eq(actionPlans.caseId, found.id));
  const latest = latestGraded(inspections);
  return {
    caseId: found.id,
    status: found.status,
    identifiedOn: found.identifiedOn,
    designatedOn: found.designatedOn,
    closedOn: found.closedOn,
    nextReviewOn: found.nextReviewOn,
    concerns: found.concerns,
    leadOfficerName: lead?.name ?? null,
    school: {
      id: school.id,
      name: school.name,
      urn: school.urn,
      type: school.type,
      phase: school.phase,
      academy: isAcademy(school),
      headteacherName: school.headteacherName,
    },
    laCategory: categoryByKey(settings.statutory, monitoring?.laCategory)?.label ?? null,
    /** The LA category causes concern: a case may rest on it alone (openCandidateCase), with no trigger met. */
    categoryCausesConcern: categoryByKey(settings.statutory, monitoring?.laCategory)?.causesConcern ?? false,
    riskNotes: monitoring?.riskNotes ?? '',
    riseInvolvement: monitoring?.riseInvolvement ?? '',
    triggers: evaluateTriggers({
      latestInspection: latest,
      recorded: found.triggers,
      reading: settings.reading,
    }),
    inspections: inspections.map((i) => ({
      id: i.id,
      inspectedOn: i.inspectedOn,
      framework: i.framework,
      overallGrade: i.overallGrade,
      grades: i.grades,
      safeguarding: i.safeguarding,
      categoryOfConcern: i.categoryOfConcern,
      kind: i.kind,
    })),
    removal:
      found.status === 'designated'
        ? removalVerdict({ inspections, designatedOn: found.designatedOn, reading: settings.reading })
        : null,
    decisions,
    letters,
    notices,
    plans,
  };
}
