import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import {
  memberships,
  schoolContacts,
  schools,
  sccLetters,
  users,
  type SccCase,
  type SccLetter,
  type School,
} from '~/db/schema';
import { todayInLondon } from '../catalogue/academic-year';
import { queueEmail } from '../email/send-email';
import type { ConcernSettings } from './concern-settings';
import { type TriggerMet } from './evaluate-triggers';
import { emailOf } from '../email/templates';
import { longDate } from '~/server/format/dates';

export type LetterKind = 'designation' | 'concern' | 'removal';

/** Who a letter goes to: the school's headteacher and governors (users of the school), and its headteacher contact. */
export async function recipientsOf(tx: Tx, schoolId: string) {
  const people = await tx
    .select({ email: users.email, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.schoolId, schoolId), inArray(memberships.role, ['school_admin', 'governor'])))
    .orderBy(asc(users.name));
  const contacts = await tx
    .select({ email: schoolContacts.email, name: schoolContacts.name })
    .from(schoolContacts)
    .where(
      and(
        eq(schoolContacts.schoolId, schoolId),
        eq(schoolContacts.role, 'headteacher'),
        isNotNull(schoolContacts.email),
      ),
    );
  const byEmail = new Map<string, { email: string; name: string }>();
  for (const p of [...people, ...contacts.map((c) => ({ email: c.email ?? '', name: c.name }))])
    if (p.email && !byEmail.has(p.email.toLowerCase())) byEmail.set(p.email.toLowerCase(), p);
  return [...byEmail.values()];
}

function letterText(input: {
  kind: LetterKind;
  schoolName: string;
  settings: ConcernSettings;
  issuerName: string;
  triggers: readonly TriggerMet[];
  concerns: string;
  rationale: string;
  leadOfficerName: string | null;
  nextReviewOn: string | null;
  meetingOn: string;
}) {
  const s = input.settings;
  const triggers = input.triggers.map((t) => `- ${t.label}: ${t.evidence.join(' ')}`).join('\n');
  if (input.kind === 'designation')
    return {
      subject: `${input.schoolName}: identified as one of the ${s.listName.toLowerCase()}`,
      summary: `The ${s.meetingName} has identified ${input.schoolName} as one of the ${s.listName.toLowerCase()}.`,
      body: [
        `At its meeting on ${longDate(input.meetingOn)} the ${s.meetingName} decided that ${input.schoolName} is one of the ${s.listName.toLowerCase()}. This letter is the local authority's informal warning.`,
        `Why: ${input.rationale}`,
        input.concerns ? `Our concerns: ${input.concerns}` : '',
        triggers ? `The triggers met:\n${triggers}` : '',
        `Your ${s.leadOfficerTitle} is ${input.leadOfficerName ?? 'to be confirmed'}. They will agree an action plan with you and arrange termly progress review meetings.`,
        input.nextReviewOn
          ? `The ${s.meetingName} will next review the school's progress by ${longDate(input.nextReviewOn)}.`
          : '',
        'If the school does not make sufficient progress, the local authority may consider a formal warning notice under section 60 of the Education and Inspections Act 2006.',
      ]
        .filter(Boolean)
        .join('\n\n'),
    };
  if (input.kind === 'concern')
    return {
      subject: `${input.schoolName}: letter of concern`,
      summary: `The ${s.meetingName} has written to ${input.schoolName} about its concerns.`,
      body: [
        `At its meeting on ${longDate(input.meetingOn)} the ${s.meetingName} considered ${input.schoolName} and asked us to write to you about our concerns.`,
        `Why: ${input.rationale}`,
        input.concerns ? `Our concerns: ${input.concerns}` : '',
        triggers ? `What we considered:\n${triggers}` : '',
        'Please discuss with your link adviser how the school will address these concerns. We will keep them under review.',
      ]
        .filter(Boolean)
        .join('\n\n'),
    };
  return {
    subject: `${input.schoolName}: removed from the ${s.listName.toLowerCase()}`,
    summary: `The ${s.meetingName} has agreed that ${input.schoolName} no longer needs to be one of the ${s.listName.toLowerCase()}.`,
    body: [
      `At its meeting on ${longDate(input.meetingOn)} the ${s.meetingName} agreed that ${input.schoolName} has made sufficient progress and removed it from the ${s.listName.toLowerCase()}.`,
      `Why: ${input.rationale}`,
      'Thank you for your work. The school returns to the usual programme of monitoring visits for its category.',
    ].join('\n\n'),
  };
}

/**
 * Writes a letter to the headteacher and chair of governors and queues an email to each with a link to its
 * PDF (sent only if the decision commits).
 */
export async function issueLetter(
  tx: Tx,
  input: {
    tenantId: string;
    tenantSlug: string;
    issuerName: string;
    appUrl: string;
    actorUserId: string;
    kind: LetterKind;
    found: SccCase;
    settings: ConcernSettings;
    triggers: readonly TriggerMet[];
    rationale: string;
    leadOfficerName: string | null;
    meetingOn: string;
  },
) {
  const [school] = await tx.select().from(schools).where(eq(schools.id, input.found.schoolId));
  if (!school) throw new Error('case without a school');
  const text = letterText({
    kind: input.kind,
    schoolName: school.name,
    settings: input.settings,
    issuerName: input.issuerName,
    triggers: input.triggers,
    concerns: input.found.concerns,
    rationale: input.rationale,
    leadOfficerName: input.leadOfficerName,
    nextReviewOn: input.found.nextReviewOn,
    meetingOn: input.meetingOn,
  });
  return sendLetter(tx, { ...input, school, caseId: input.found.id, text });
}

/**
 * Writes a letter about a school to its headteacher and chair of governors and queues an email to each with a
 * link to its PDF (sent only if the transaction commits): review decisions and formal warning notices alike.
 */
export async function sendLetter(
  tx: Tx,
  input: {
    tenantId: string;
    tenantSlug: string;
    issuerName: string;
    appUrl: string;
    actorUserId: string;
    kind: SccLetter['kind'];
    school: Pick<School, 'id' | 'name' | 'headteacherName'>;
    caseId: string | null;
    text: { subject: string; summary: string; body: string };
  },
) {
  const { school, text } = input;
  const recipients = await recipientsOf(tx, school.id);
  const addressedTo = [
    `${school.headteacherName ?? 'The headteacher'} (headteacher)`,
    'the Chair of Governors',
    ...recipients.map((r) => `${r.name} <${r.email}>`),
  ].join('; ');
  const [letter] = await tx
    .insert(sccLetters)
    .values({
      tenantId: input.tenantId,
      schoolId: school.id,
      caseId: input.caseId,
      kind: input.kind,
      issuedOn: todayInLondon(),
      addressedTo,
      subject: text.subject,
      body: text.body,
      issuedByUserId: input.actorUserId,
    })
    .returning();
  if (!letter) throw new Error('letter not written');
  const url = `${input.appUrl}/${input.tenantSlug}/concern/letters/${letter.id}/pdf`;
  for (const r of recipients) {
    const message = emailOf('concern-letter', {
      recipientName: r.name,
      schoolName: school.name,
      issuerName: input.issuerName,
      subject: text.subject,
      summary: text.summary,
      url,
    });
    await queueEmail(tx, { to: r.email, ...message });
  }
  return { letterId: letter.id, recipients: recipients.map((r) => r.email) };
}
