import { DomainError } from '~/server/errors/domain-error';
import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ofstedInspections, schoolMonitoring } from '~/db/schema';
import type { RecordInspectionInput } from './ofsted-results';

/** A new Ofsted inspection in the shape of its framework (validated by ZRecordInspectionInput). */
export async function recordInspection(tx: Tx, input: RecordInspectionInput & { tenantId: string }) {
  const [onRegister] = await tx
    .select({ schoolId: schoolMonitoring.schoolId })
    .from(schoolMonitoring)
    .where(eq(schoolMonitoring.schoolId, input.schoolId));
  if (!onRegister)
    throw new DomainError({ code: 'NOT_FOUND', message: 'That school is not on the register.' });
  if (input.publishedOn && input.publishedOn < input.inspectedOn) {
    throw new DomainError({
      code: 'BAD_REQUEST',
      message: 'The report cannot be published before the inspection.',
    });
  }
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
  const [created] = await tx
    .insert(ofstedInspections)
    .values({
      tenantId: input.tenantId,
      schoolId: input.schoolId,
      inspectedOn: input.inspectedOn,
      publishedOn: input.publishedOn ?? null,
      framework: input.framework,
      categoryOfConcern: input.categoryOfConcern ?? null,
      notes: input.notes,
      ...shape,
    })
    .returning({ id: ofstedInspections.id });
  return { id: created?.id };
}
