import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { ofstedInspections } from '~/db/schema';
import type { CategoryOfConcern } from './ofsted-results';

/**
 * Each school's Ofsted category of concern as it stands: that of its latest graded inspection (an ungraded
 * inspection places no school in a category and takes none away). Schools with none are absent.
 */
export async function latestOfstedCategories(
  tx: Tx,
  schoolIds?: readonly string[],
): Promise<Map<string, CategoryOfConcern | null>> {
  if (schoolIds && schoolIds.length === 0) return new Map();
  const rows = await tx
    .select({ schoolId: ofstedInspections.schoolId, category: ofstedInspections.categoryOfConcern })
    .from(ofstedInspections)
    .where(
      and(
        eq(ofstedInspections.kind, 'graded'),
        schoolIds ? inArray(ofstedInspections.schoolId, [...schoolIds]) : undefined,
      ),
    )
    .orderBy(desc(ofstedInspections.inspectedOn), desc(ofstedInspections.createdAt));
  const latest = new Map<string, CategoryOfConcern | null>();
  for (const row of rows) if (!latest.has(row.schoolId)) latest.set(row.schoolId, row.category);
  return latest;
}
