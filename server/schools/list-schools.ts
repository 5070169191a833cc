import { and, asc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { schools, schoolStatus } from '~/db/schema';
import { openStatuses } from './school-status';

export const ZListSchoolsInput = z.object({
  search: z.string().trim().max(100).optional(),
  phase: z.string().trim().max(40).optional(),
  status: z.enum(schoolStatus.enumValues).optional(),
  /** Open schools only, those proposed to close included (see openStatuses). */
  open: z.boolean().optional(),
});
export type TListSchoolsInput = z.infer<typeof ZListSchoolsInput>;

export function listSchools(tx: Tx, input: TListSchoolsInput) {
  const filters: (SQL | undefined)[] = [];
  if (input.search) {
    const pattern = `%${input.search.replace(/[%_\\]/g, '\\$&')}%`;
    filters.push(
      or(
        ilike(schools.name, pattern),
        ilike(schools.town, pattern),
        ilike(schools.postcode, pattern),
        /^\d{6}$/.test(input.search) ? eq(schools.urn, Number(input.search)) : undefined,
      ),
    );
  }
  if (input.phase) filters.push(eq(schools.phase, input.phase));
  if (input.status) filters.push(eq(schools.status, input.status));
  if (input.open) filters.push(inArray(schools.status, [...openStatuses]));
  return tx
    .select()
    .from(schools)
    .where(and(...filters))
    .orderBy(asc(schools.name));
}
