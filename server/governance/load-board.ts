import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { governingBodyConstitutions, governors, schools, type ConstitutionPlaces } from '~/db/schema';
import { DomainError } from '../errors/domain-error';
import { boardKindOf, defaultConstitution } from './board-rules';

/** A school with its board's constitution (the stored one, else the default for its type) and its rules. */
export async function loadSchoolWithConstitution(tx: Tx, schoolId: string) {
  const [row] = await tx
    .select({
      id: schools.id,
      name: schools.name,
      type: schools.type,
      typeGroup: schools.typeGroup,
      places: governingBodyConstitutions.places,
    })
    .from(schools)
    .leftJoin(governingBodyConstitutions, eq(governingBodyConstitutions.schoolId, schools.id))
    .where(eq(schools.id, schoolId));
  if (!row) throw new DomainError({ code: 'NOT_FOUND', message: 'That governing board was not found.' });
  const places: ConstitutionPlaces = row.places ?? defaultConstitution(row.type);
  return { ...row, places, constitutionIsDefault: row.places === null, kind: boardKindOf(row) };
}

export function listBoardMembers(tx: Tx, schoolId: string) {
  return tx.select().from(governors).where(eq(governors.schoolId, schoolId)).orderBy(asc(governors.name));
}

export async function findGovernor(tx: Tx, id: string) {
  const [row] = await tx
    .select()
    .from(governors)
    .where(and(eq(governors.id, id)));
  if (!row) throw new DomainError({ code: 'NOT_FOUND', message: 'That governor was not found.' });
  return row;
}
