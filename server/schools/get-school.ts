import { DomainError } from '~/server/errors/domain-error';
import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { schools, type School } from '~/db/schema';

/** Row-level security already hides other tenants' schools, so a foreign id is simply not found. */
export async function getSchool(tx: Tx, id: string): Promise<School> {
  const [school] = await tx.select().from(schools).where(eq(schools.id, id)).limit(1);
  if (!school) throw new DomainError({ code: 'NOT_FOUND', message: 'That school was not found.' });
  return school;
}
