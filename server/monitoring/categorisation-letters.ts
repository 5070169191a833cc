import { and, desc, eq, gte, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { laCategoryChanges, sccLetters } from '~/db/schema';
import type { Actor } from '../access/actor';
import { academicYearLabel, academicYearOf, todayInLondon } from '../catalogue/academic-year';
import { recipientsOf } from '../concern/issue-letter';
import { queueEmail } from '../email/send-email';
import { loadRegister } from './list-register';
import { categoryOfConcernLabels, summariseInspection } from './ofsted-results';
import { effectiveCategory, isAcademy, visitRuleFor } from './plan-visits';
import { linkAdviserTitleOf, statutoryOf } from './require-statutory';
import { emailOf } from '../email/templates';

/**
 * The annual categorisation letters: every maintained school on the register is written to each year with
 * its LA category and why (Birmingham, 003: "letter to every maintained school's HT and chair saying whether
 * it is a priority and why"), as the register stands — PDF, emailed to the headteacher and chair. A school
 * already written to this academic year is not written to again.
 */

export const ZCategorisationLettersInput = z.object({
  /** Start year of the academic year, 2026 = 2026/27; by default this one. */
  academicYear: z.number().int().min(2000).max(2100).optional(),
});

const yearStart = (academicYear: number) => `${academicYear}-09-01`;

export async function issueCategorisationLetters(
  tx: Tx,
  actor: Pick<Actor, 'tenantId' | 'slug' | 'name' | 'settings' | 'userId' | 'appUrl'>,
  input: z.infer<typeof ZCategorisationLettersInput>,
) {
  const settings = statutoryOf(actor);
  const today = todayInLondon();
  const academicYear = input.academicYear ?? academicYearOf(today);
  const yearLabel = academicYearLabel(academicYear);
  const maintained = (await loadRegister(tx, settings)).filter(
    (r) => !isAcademy(r.typeGroup) && r.status !== 'closed',
  );
  const ids = maintained.map((r) => r.schoolId);
  const already = new Set(
    ids.length === 0
      ? []
      : (
          await tx
            .select({ schoolId: sccLetters.schoolId })
            .from(sccLetters)
            .where(
              and(
                eq(sccLetters.kind, 'categorisation'),
                gte(sccLetters.issuedOn, yearStart(academicYear)),
                inArray(sccLetters.schoolId, ids),
              ),
            )
        ).map((l) => l.schoolId),
  );
  const reasons = new Map<string, string>();
  if (ids.length > 0)
    for (const c of await tx
      .select({ schoolId: laCategoryChanges.schoolId, rationale: laCategoryChanges.rationale })
      .from(laCategoryChanges)
      .where(inArray(laCategoryChanges.schoolId, ids))
      .orderBy(desc(laCategoryChanges.changedOn), desc(laCategoryChanges.createdAt)))
      if (!reasons.has(c.schoolId)) reasons.set(c.schoolId, c.rationale);

  const list = settings.concernListName.toLowerCase();
  const adviserTitle = linkAdviserTitleOf(actor);
  let written = 0;
  let emails = 0;
  let notCategorised = 0;
  for (const school of maintained) {
    if (already.has(school.schoolId)) continue;
    const category = effectiveCategory(school, settings);
    // A school not yet categorised (a new LA's schools join so) has nothing to be told, and a letter now would
    // stand as this year's: it is written to once an officer has set its category.
    if (!category) {
      notCategorised += 1;
      continue;
    }
    const label = category.label;
    const rule = visitRuleFor(school, settings);
    const subject = `${school.name}: the local authority’s categorisation for ${yearLabel}`;
    const priority = category.causesConcern === true;
    const body = [
      `As part of the local authority’s annual categorisation of maintained schools for ${yearLabel}, ${school.name} is in the category “${label}”.`,
      priority
        ? `This means the school is one of the ${list} for ${yearLabel}: it will receive additional support and challenge, and an action plan agreed with you.`
        : `The school is not one of the ${list}.`,
      `Why: ${reasons.get(school.schoolId) || 'the local authority’s review of the school’s performance data and intelligence.'}`,
      school.latestInspection
        ? `The school’s latest Ofsted inspection: ${summariseInspection(school.latestInspection)}.`
        : 'The school has no Ofsted inspection on record.',
      school.ofstedCategory
        ? `Ofsted category of concern: ${categoryOfConcernLabels[school.ofstedCategory].toLowerCase()}.`
        : '',
      `Your ${adviserTitle}${school.linkAdviserName ? `, ${school.linkAdviserName},` : ''} will visit the school ${rule.count} time${rule.count === 1 ? '' : 's'} this year (${rule.basis}).`,
      'If you disagree with the categorisation, please tell your link adviser within four weeks of this letter, with your evidence.',
    ]
      .filter(Boolean)
      .join('\n\n');
    const recipients = await recipientsOf(tx, school.schoolId);
    const [letter] = await tx
      .insert(sccLetters)
      .values({
        tenantId: actor.tenantId,
        schoolId: school.schoolId,
        caseId: null,
        kind: 'categorisation',
        issuedOn: today,
        addressedTo: [
          'The headteacher',
          'the Chair of Governors',
          ...recipients.map((r) => `${r.name} <${r.email}>`),
        ].join('; '),
        subject,
        body,
        issuedByUserId: actor.userId,
      })
      .returning({ id: sccLetters.id });
    if (!letter) throw new Error('letter not written');
    written += 1;
    const url = `${actor.appUrl}/${actor.slug}/concern/letters/${letter.id}/pdf`;
    for (const r of recipients) {
      const message = emailOf('concern-letter', {
        recipientName: r.name,
        schoolName: school.name,
        issuerName: actor.name,
        subject,
        summary: priority
          ? `${school.name} is in the category “${label}” for ${yearLabel}, one of the ${list}.`
          : `${school.name} is in the category “${label}” for ${yearLabel}.`,
        url,
      });
      await queueEmail(tx, { to: r.email, ...message });
      emails += 1;
    }
  }
  return {
    academicYear,
    maintainedSchools: maintained.length,
    written,
    alreadyWritten: maintained.length - written - notCategorised,
    /** Maintained schools with no LA category yet: not written to until one is set. */
    notCategorised,
    emails,
  };
}
