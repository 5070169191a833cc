import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { governors, users } from '~/db/schema';
import type { Actor } from '../access/actor';
import { DomainError } from '../errors/domain-error';
import { assertMayManageBoard } from './board-access';
import { boardCategoriesFor, termEndFor, type BoardKind } from './board-rules';
import type { TGovernorInput } from './governor-inputs';
import { categoryInSentence, categoryLabels, defaultAppointingBodies, officeLabels } from './labels';
import { loadSchoolWithConstitution } from './load-board';

/** The stored columns for a register entry: its term end follows from appointment and term length. */
export async function governorValues(tx: Tx, input: TGovernorInput) {
  const noTerm = input.category === 'headteacher' || input.category === 'clerk';
  const termYears = noTerm ? null : input.termYears;
  const email = input.email.toLowerCase();
  // Linked to the person's account when one exists with that email: they then see their own record.
  const [user] = email ? await tx.select({ id: users.id }).from(users).where(eq(users.email, email)) : [];
  return {
    name: input.name,
    email,
    phone: input.phone,
    category: input.category,
    office: input.category === 'clerk' || input.category === 'associate_member' ? null : input.office,
    appointingBody: input.appointingBody || defaultAppointingBodies[input.category],
    appointedOn: input.appointedOn,
    termYears,
    termEndsOn: termYears ? termEndFor(input.appointedOn, termYears) : null,
    businessInterests: input.businessInterests,
    businessInterestsUrl: input.businessInterestsUrl,
    attendance: input.attendance,
    userId: user?.id ?? null,
  };
}

/** One chair, one vice-chair, one headteacher and one clerk at a time: says who holds it now. */
export async function assertSingleHolders(
  tx: Tx,
  schoolId: string,
  values: { category: TGovernorInput['category']; office: TGovernorInput['office'] },
  exceptId: string | null,
) {
  const others = await tx
    .select({ name: governors.name, category: governors.category, office: governors.office })
    .from(governors)
    .where(
      and(
        eq(governors.schoolId, schoolId),
        isNull(governors.steppedDownOn),
        sql`(${governors.termEndsOn} is null or ${governors.termEndsOn} >= current_date)`,
        exceptId ? ne(governors.id, exceptId) : undefined,
      ),
    );
  if (values.office) {
    const holder = others.find((o) => o.office === values.office);
    if (holder)
      throw new DomainError({
        code: 'CONFLICT',
        field: 'office',
        message: `${holder.name} is already ${officeLabels[values.office].toLowerCase()}. Change their office first.`,
      });
  }
  if (values.category === 'headteacher' || values.category === 'clerk') {
    const holder = others.find((o) => o.category === values.category);
    if (holder)
      throw new DomainError({
        code: 'CONFLICT',
        field: 'category',
        message: `${holder.name} is already on the board as ${categoryLabels[values.category].toLowerCase()}. Step them down first.`,
      });
  }
}

/** A maintained school's board has no trustees; an academy's has no LA or partnership governors. */
export function assertCategoryOnBoard(kind: BoardKind, category: TGovernorInput['category']) {
  if (boardCategoriesFor(kind).includes(category)) return;
  throw new DomainError({
    code: 'BAD_REQUEST',
    field: 'category',
    message:
      kind === 'academy'
        ? `An academy’s board has no ${categoryInSentence(category)}s: choose a category from the trust’s scheme.`
        : `A maintained school’s board has no ${categoryInSentence(category)}s.`,
  });
}

export async function addGovernor(tx: Tx, actor: Actor, input: TGovernorInput & { schoolId: string }) {
  await assertMayManageBoard(tx, actor, input.schoolId);
  const school = await loadSchoolWithConstitution(tx, input.schoolId);
  assertCategoryOnBoard(school.kind, input.category);
  await assertSingleHolders(tx, input.schoolId, input, null);
  const [row] = await tx
    .insert(governors)
    .values({ tenantId: actor.tenantId, schoolId: input.schoolId, ...(await governorValues(tx, input)) })
    .returning({ id: governors.id });
  if (!row) throw new Error('governor not added');
  return { id: row.id };
}
