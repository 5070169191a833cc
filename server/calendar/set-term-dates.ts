import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { termDates } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import { terms } from '../catalogue/academic-year';
import { termDateProblems } from './term-dates';

const ZDate = (what: string) => z.iso.date({ message: `Enter the date the ${what}, e.g. 2026-09-03.` });

export const ZSetTermDatesInput = z.object({
  academicYear: z.number().int().min(2000).max(2100),
  terms: z
    .array(
      z.object({
        term: z.enum(terms),
        startsOn: ZDate('term starts'),
        endsOn: ZDate('term ends'),
      }),
    )
    .length(3, 'Give the autumn, spring and summer terms.')
    .refine(
      (list) => list.every((t, i) => t.term === terms[i]),
      'Give the terms in order: autumn, spring, summer.',
    ),
});
export type TSetTermDatesInput = z.input<typeof ZSetTermDatesInput>;

/** Sets (or replaces) the workspace's term dates for one academic year. */
export async function setTermDates(tx: Tx, tenantId: string, input: z.output<typeof ZSetTermDatesInput>) {
  const [problem] = termDateProblems(input.academicYear, input.terms);
  if (problem) throw new DomainError({ code: 'BAD_REQUEST', message: problem.message, field: problem.path });
  for (const t of input.terms) {
    await tx
      .insert(termDates)
      .values({ tenantId, academicYear: input.academicYear, ...t })
      .onConflictDoUpdate({
        target: [termDates.tenantId, termDates.academicYear, termDates.term],
        set: { startsOn: t.startsOn, endsOn: t.endsOn, updatedAt: sql`now()` },
      });
  }
  return { academicYear: input.academicYear };
}
