import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { schoolMonitoring, schools } from '~/db/schema';
import { DomainError } from '../errors/domain-error';

export const ZSetSixthFormInput = z.object({
  schoolId: z.uuid({ message: 'Choose a school.' }),
  hasSixthForm: z.boolean(),
});

/**
 * Whether a school has a sixth form, as an officer records it (GIAS may not say, or be out of date): it is the
 * school's one value, which the statutory register and its visit plan read (sixthFormOf in
 * monitoring/sixth-form.ts). The school's register entry, if any, is kept in step. A later GIAS import whose
 * file has the OfficialSixthForm column sets it again from GIAS.
 */
export async function setSixthForm(tx: Tx, input: z.infer<typeof ZSetSixthFormInput>) {
  const [updated] = await tx
    .update(schools)
    .set({ officialSixthForm: input.hasSixthForm, updatedAt: sql`now()` })
    .where(eq(schools.id, input.schoolId))
    .returning({ id: schools.id, hasSixthForm: schools.officialSixthForm });
  if (!updated) throw new DomainError({ code: 'NOT_FOUND', message: 'That school was not found.' });
  await tx
    .update(schoolMonitoring)
    .set({ hasSixthForm: input.hasSixthForm, updatedAt: new Date() })
    .where(eq(schoolMonitoring.schoolId, input.schoolId));
  return { id: updated.id, hasSixthForm: input.hasSixthForm };
}
