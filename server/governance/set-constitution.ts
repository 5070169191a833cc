import type { Tx } from '~/db/client';
import { governingBodyConstitutions, type ConstitutionPlaces } from '~/db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { assertMayManageBoard } from './board-access';
import { boardCategoriesFor, isGovernorCategory } from './board-rules';
import { categoryInSentence } from './labels';
import { loadSchoolWithConstitution } from './load-board';

/** Sets the board's places per category (its instrument of government). */
export async function setConstitution(
  tx: Tx,
  actor: Actor,
  input: { schoolId: string; places: ConstitutionPlaces },
) {
  await assertMayManageBoard(tx, actor, input.schoolId);
  const school = await loadSchoolWithConstitution(tx, input.schoolId);
  const categories = boardCategoriesFor(school.kind);
  const places: ConstitutionPlaces = {};
  for (const [category, n] of Object.entries(input.places) as [keyof ConstitutionPlaces, number][]) {
    if (!isGovernorCategory(category) || n <= 0) continue;
    if (!categories.includes(category))
      throw new DomainError({
        code: 'BAD_REQUEST',
        field: `places.${category}`,
        message:
          school.kind === 'academy'
            ? `An academy’s board has no ${categoryInSentence(category)} places.`
            : `A maintained school’s board has no ${categoryInSentence(category)} places.`,
      });
    places[category] = n;
  }
  const total = Object.values(places).reduce((a, b) => a + (b ?? 0), 0);
  // The 2012 regulations' minimum is for maintained schools; an academy's articles set its own size.
  if (school.kind === 'academy' && total < 1)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'places',
      message: 'Give the board at least one place.',
    });
  if (school.kind === 'maintained' && total < 7)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'places',
      message: `A governing board has at least 7 governors; these places add up to ${total}.`,
    });
  await tx
    .insert(governingBodyConstitutions)
    .values({ tenantId: actor.tenantId, schoolId: input.schoolId, places })
    .onConflictDoUpdate({
      target: [governingBodyConstitutions.tenantId, governingBodyConstitutions.schoolId],
      set: { places, updatedAt: new Date() },
    });
  return { schoolId: input.schoolId, total };
}
