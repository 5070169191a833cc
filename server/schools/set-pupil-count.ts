import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { schools } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';

export const ZSetPupilCountInput = z.object({
  schoolId: z.uuid({ message: 'Choose a school.' }),
  numberOfPupils: z
    .number({ message: 'Enter the number of pupils on roll, e.g. 240.' })
    .int('Enter a whole number of pupils.')
    .min(1, 'Enter the number of pupils on roll, e.g. 240.')
    .max(5_000, 'That is more pupils than any school has; check the number.'),
});

/**
 * Records a school's number of pupils when GIAS has none, so a package priced by pupil numbers can be quoted
 * (rather than the school landing in the cheapest band). The next GIAS import may replace it.
 */
export async function setPupilCount(
  tx: Tx,
  input: z.output<typeof ZSetPupilCountInput> & {
    /** A school gives its number only when none is on record (its price depends on it); the manager may correct it. */
    onlyIfMissing: boolean;
    /** Who to ask for a correction, by name (a partnership, an LA or an Appropriate Body). */
    workspaceName: string;
  },
) {
  const [school] = await tx
    .update(schools)
    .set({ numberOfPupils: input.numberOfPupils, updatedAt: sql`now()` })
    .where(
      and(eq(schools.id, input.schoolId), input.onlyIfMissing ? isNull(schools.numberOfPupils) : undefined),
    )
    .returning({ id: schools.id, numberOfPupils: schools.numberOfPupils });
  if (school) return school;
  const [exists] = await tx.select({ id: schools.id }).from(schools).where(eq(schools.id, input.schoolId));
  if (!exists) throw new DomainError({ code: 'NOT_FOUND', message: 'That school was not found.' });
  throw new DomainError({
    code: 'CONFLICT',
    message: `The school’s number of pupils is already on record; ask ${input.workspaceName} to correct it.`,
    field: 'numberOfPupils',
  });
}
