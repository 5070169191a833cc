import { eq, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { governors } from '~/db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { assertCategoryOnBoard, assertSingleHolders, governorValues } from './add-governor';
import { assertMayManageBoard } from './board-access';
import type { TGovernorInput } from './governor-inputs';
import { findGovernor, loadSchoolWithConstitution } from './load-board';

export async function updateGovernor(tx: Tx, actor: Actor, input: { id: string; governor: TGovernorInput }) {
  const existing = await findGovernor(tx, input.id);
  await assertMayManageBoard(tx, actor, existing.schoolId);
  if (existing.steppedDownOn)
    throw new DomainError({
      code: 'CONFLICT',
      message: `${existing.name} has stepped down; their entry is kept as it was.`,
    });
  // An entry kept from before may stay in its category; a change must be to one the board has.
  if (input.governor.category !== existing.category) {
    const school = await loadSchoolWithConstitution(tx, existing.schoolId);
    assertCategoryOnBoard(school.kind, input.governor.category);
  }
  await assertSingleHolders(tx, existing.schoolId, input.governor, existing.id);
  const values = await governorValues(tx, input.governor);
  await tx
    .update(governors)
    .set({
      ...values,
      // The same email keeps its link; a changed email follows the new address's account, or none.
      userId: values.userId ?? (values.email === existing.email.toLowerCase() ? existing.userId : null),
      updatedAt: sql`now()`,
    })
    .where(eq(governors.id, existing.id));
  return { id: existing.id };
}

/** Records the day a governor left the board; they stay on the published list for a year after. */
export async function stepDownGovernor(tx: Tx, actor: Actor, input: { id: string; steppedDownOn: string }) {
  const existing = await findGovernor(tx, input.id);
  await assertMayManageBoard(tx, actor, existing.schoolId);
  if (existing.steppedDownOn)
    throw new DomainError({ code: 'CONFLICT', message: `${existing.name} has already stepped down.` });
  if (input.steppedDownOn < existing.appointedOn)
    throw new DomainError({
      code: 'BAD_REQUEST',
      field: 'steppedDownOn',
      message: 'The date stepped down cannot be before the appointment date.',
    });
  await tx
    .update(governors)
    .set({ steppedDownOn: input.steppedDownOn, office: null, updatedAt: sql`now()` })
    .where(eq(governors.id, existing.id));
  return { id: existing.id };
}
