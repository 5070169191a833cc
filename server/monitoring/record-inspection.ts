import { DomainError } from '~/server/errors/domain-error';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ofstedInspections, schoolMonitoring } from '~/db/schema';
import { todayInLondon } from '../catalogue/academic-year';
import { setCategory } from './change-category';
import { frameworkDateProblem, frameworkOn, resolveCategory } from './derive-category';
import { categoryOfConcernLabels, type RecordInspectionInput } from './ofsted-results';
import { laCategoryForOfsted, type ResolvedStatutorySettings } from './statutory-settings';
import { longDate } from '../format/dates';

/**
 * A new Ofsted inspection in the shape of its framework (validated by ZRecordInspectionInput). The framework
 * must be the one in force on the inspection date, and the category of concern is derived from the result
 * as that framework defines it (derive-category.ts). A category of concern moves the school into the LA
 * category the tenant maps it onto, with the change kept in the category history.
 */
export async function recordInspection(
  tx: Tx,
  settings: ResolvedStatutorySettings,
  input: RecordInspectionInput & { tenantId: string; actorUserId: string | null },
) {
  const [onRegister] = await tx
    .select({ schoolId: schoolMonitoring.schoolId, laCategory: schoolMonitoring.laCategory })
    .from(schoolMonitoring)
    .where(and(eq(schoolMonitoring.schoolId, input.schoolId), isNull(schoolMonitoring.leftOn)))
    .for('update');
  if (!onRegister)
    throw new DomainError({ code: 'NOT_FOUND', message: 'That school is not on the register.' });
  if (input.publishedOn < input.inspectedOn) {
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'publishedOn',
      message: 'The report cannot be published before the inspection.',
    });
  }
  if (input.publishedOn > todayInLondon()) {
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'publishedOn',
      message:
        'Record the result once the report is published: the publication date cannot be in the future.',
    });
  }
  if (input.framework === 'ungraded') {
    if (input.categoryOfConcern)
      throw new DomainError({
        code: 'BAD_REQUEST',
        field: 'categoryOfConcern',
        message:
          'An ungraded inspection places no school in a category of concern: the last graded inspection’s category stands.',
      });
    const [created] = await tx
      .insert(ofstedInspections)
      .values({
        tenantId: input.tenantId,
        schoolId: input.schoolId,
        inspectedOn: input.inspectedOn,
        publishedOn: input.publishedOn,
        framework: frameworkOn(input.inspectedOn),
        kind: 'ungraded',
        notes: input.notes,
      })
      .returning({ id: ofstedInspections.id });
    return { id: created?.id, categoryOfConcern: null, laCategoryChange: null };
  }
  const dateProblem = frameworkDateProblem(input.framework, input.inspectedOn);
  if (dateProblem) throw new DomainError({ code: 'BAD_REQUEST', field: 'inspectedOn', message: dateProblem });
  const shape =
    input.framework === 'legacy_overall'
      ? { overallGrade: input.overallGrade, grades: {}, safeguarding: null }
      : input.framework === 'sub_grades_2024'
        ? { overallGrade: null, grades: input.grades, safeguarding: null }
        : {
            overallGrade: null,
            grades: Object.fromEntries(
              Object.entries(input.grades).filter(([, v]) => v !== undefined),
            ) as Record<string, string>,
            safeguarding: input.safeguarding,
          };
  const resolved = resolveCategory({ framework: input.framework, ...shape }, input.categoryOfConcern);
  if ('problem' in resolved)
    throw new DomainError({ code: 'BAD_REQUEST', field: 'categoryOfConcern', message: resolved.problem });
  const [created] = await tx
    .insert(ofstedInspections)
    .values({
      tenantId: input.tenantId,
      schoolId: input.schoolId,
      inspectedOn: input.inspectedOn,
      publishedOn: input.publishedOn,
      framework: input.framework,
      categoryOfConcern: resolved.category,
      notes: input.notes,
      ...shape,
    })
    .returning({ id: ofstedInspections.id });
  const mapped = laCategoryForOfsted(settings, resolved.category);
  let laCategoryChange: { from: string | null; to: string } | null = null;
  if (resolved.category && mapped && mapped.key !== onRegister.laCategory) {
    await setCategory(tx, {
      tenantId: input.tenantId,
      schoolId: input.schoolId,
      from: onRegister.laCategory,
      to: mapped.key,
      rationale: `Ofsted inspection of ${longDate(input.inspectedOn)} (published ${longDate(input.publishedOn)}): ${categoryOfConcernLabels[resolved.category].toLowerCase()}.`,
      actorUserId: input.actorUserId,
    });
    laCategoryChange = { from: onRegister.laCategory, to: mapped.key };
  }
  return { id: created?.id, categoryOfConcern: resolved.category, laCategoryChange };
}
