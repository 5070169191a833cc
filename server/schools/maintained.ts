import { inArray, sql, type AnyColumn } from 'drizzle-orm';

/**
 * The GIAS establishment types (TypeOfEstablishment, name) of the schools a local authority maintains:
 * community, voluntary aided, voluntary controlled and foundation schools, community and foundation special
 * schools, LA nursery schools and pupil referral units. GIAS puts the two special-school types in the "Special
 * schools" group beside non-maintained special schools, so the type, not the group, decides. Academies, free
 * schools, non-maintained special schools and independent schools are not maintained.
 *
 * The one rule for "maintained school": the governing-board checks, statutory-free governor training (s22
 * Education Act 2002) and the LA's casework all read it.
 */
export const maintainedEstablishmentTypes = [
  'Community school',
  'Voluntary aided school',
  'Voluntary controlled school',
  'Foundation school',
  'Community special school',
  'Foundation special school',
  'Local authority nursery school',
  'Pupil referral unit',
] as const;

const lowerCased = maintainedEstablishmentTypes.map((t) => t.toLowerCase());

/** Whether a school is LA-maintained, from its GIAS establishment type (any case). */
export function isMaintainedSchool(school: { type: string }): boolean {
  return lowerCased.includes(school.type.trim().toLowerCase());
}

/** The same rule as a condition on a query, given the schools' `type` column. */
export function maintainedSchoolCondition(type: AnyColumn) {
  return inArray(sql`lower(trim(${type}))`, lowerCased);
}
