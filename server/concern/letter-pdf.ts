import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { schoolBoundRoles, schools, sccLetters, users } from '~/db/schema';
import type { PdfDocument } from '../pdf/render-pdf';
import { monitoringReaders } from '../access/role-groups';
import { caseNotFound, loadCaseFor } from './case-access';
import type { TenantMembership } from '../workspaces/list-memberships';
import { longDate } from '~/server/format/dates';

const kindTitles = {
  designation: 'Letter: school causing concern',
  concern: 'Letter of concern',
  removal: 'Letter: removal from the register',
  warning_notice: 'Warning notice',
  categorisation: 'Annual categorisation letter',
};

/**
 * A letter as a PDF document. Officers and the case's advisers may read any; the school's own headteacher and
 * governors may read every letter written to their school (the emailed link must open), nobody else's.
 */
export async function letterPdf(
  tx: Tx,
  input: {
    letterId: string;
    caller: { userId: string; memberships: readonly TenantMembership[] };
    issuer: string;
  },
): Promise<{ document: PdfDocument; filename: string }> {
  const [letter] = await tx.select().from(sccLetters).where(eq(sccLetters.id, input.letterId));
  if (!letter) throw caseNotFound();
  // The school may always read a letter written to it (removal, or concern before designation); anyone else
  // needs to see the case (officers, its advisers, the school of a designated case).
  const ownSchool = input.caller.memberships.some(
    (m) => m.schoolId === letter.schoolId && (schoolBoundRoles as readonly string[]).includes(m.role),
  );
  if (!ownSchool) {
    // A letter with no case (the annual categorisation letter) is for the workspace's monitoring staff.
    if (!letter.caseId) {
      if (!input.caller.memberships.some((m) => (monitoringReaders as readonly string[]).includes(m.role)))
        throw caseNotFound();
    } else await loadCaseFor(tx, input.caller, letter.caseId, 'school');
  }
  const [school] = await tx.select().from(schools).where(eq(schools.id, letter.schoolId));
  if (!school) throw caseNotFound();
  const [signer] = letter.issuedByUserId
    ? await tx.select({ name: users.name }).from(users).where(eq(users.id, letter.issuedByUserId))
    : [];
  const address = [school.name, school.street, school.town, school.postcode].filter(Boolean).join(', ');
  return {
    filename: `${school.name} ${letter.kind} letter ${letter.issuedOn}.pdf`,
    document: {
      title: kindTitles[letter.kind],
      issuer: input.issuer,
      blocks: [
        {
          kind: 'facts',
          pairs: [
            ['Date', longDate(letter.issuedOn)],
            ['To', `${school.headteacherName ?? 'The headteacher'} (headteacher) and the Chair of Governors`],
            ['School', `${address} (URN ${school.urn})`],
          ],
        },
        { kind: 'heading', text: letter.subject },
        ...letter.body.split('\n\n').map((text) => ({ kind: 'paragraph' as const, text })),
        { kind: 'paragraph', text: 'Yours sincerely,' },
        { kind: 'paragraph', text: signer ? `${signer.name}\n${input.issuer}` : input.issuer },
      ],
      footer: `${input.issuer} - ${letter.subject}`,
    },
  };
}
