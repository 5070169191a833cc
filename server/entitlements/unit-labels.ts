import type { entitlementBalances } from '~/db/schema';

export type EntitlementUnit = (typeof entitlementBalances.$inferSelect)['unit'];

/**
 * The one name of each entitlement unit, wherever it is shown: catalogue lines, statements, the course form's
 * "Entitlement" choice. Type-only imports, so client forms may use it too.
 */
export const unitLabels: Record<EntitlementUnit, { one: string; many: string }> = {
  adviser_day: { one: 'adviser day', many: 'adviser days' },
  adviser_half_day: { one: 'adviser half day', many: 'adviser half days' },
  adviser_hour: { one: 'adviser hour', many: 'adviser hours' },
  course_place: { one: 'course place', many: 'course places' },
  network_place: { one: 'seminar or network place', many: 'seminar or network places' },
  // Governor services bought per governing body (training places, briefings, bulletins): not "governor training",
  // which is a course programme.
  governor_item: { one: 'governing-body item', many: 'governing-body items' },
  ect_induction: { one: 'ECT induction', many: 'ECT inductions' },
  resource: { one: 'resource', many: 'resources' },
};

/** The unit as a choice in a list: "Governing-body items". */
export const unitChoiceLabel = (unit: EntitlementUnit) => {
  const many = unitLabels[unit].many;
  return many.charAt(0).toUpperCase() + many.slice(1);
};
