import { countOf } from '../format/plural';
import type { TListSchoolsInput } from './list-schools';

/**
 * Which schools the Schools list shows. A GIAS import brings every school of the LA, closed ones included
 * (hundreds in a real national file), so the list starts with the open ones (those proposed to close still
 * teach: see openStatuses) and offers the closed ones, or every school, on request.
 */
export const schoolsShownChoices = ['open', 'closed', 'all'] as const;
export type SchoolsShown = (typeof schoolsShownChoices)[number];

export const schoolsShownLabels: Record<SchoolsShown, string> = {
  open: 'Open schools',
  closed: 'Closed schools',
  all: 'All schools, open, closed or proposed to open',
};

/** The address's `show`, read kindly: anything unknown is the default, open schools. */
export const schoolsShownFrom = (show: string | undefined): SchoolsShown =>
  (schoolsShownChoices as readonly string[]).includes(show ?? '') ? (show as SchoolsShown) : 'open';

/**
 * The choice as an address's query ("?show=closed"; nothing for the default), carried from the list to a
 * school's page and back, so "Back to schools" returns to the list as it was left.
 */
export const schoolsShownQuery = (shown: SchoolsShown): string => (shown === 'open' ? '' : `?show=${shown}`);

/** What schools.list is asked for, for the choice. */
export function schoolsListFilter(shown: SchoolsShown): Pick<TListSchoolsInput, 'open' | 'status'> {
  if (shown === 'open') return { open: true };
  if (shown === 'closed') return { status: 'closed' };
  return {};
}

/** The count above the list, saying what it counts ("12 open schools"). */
export function schoolsShownCount(count: number, shown: SchoolsShown): string {
  if (shown === 'all') return countOf(count, 'school');
  return countOf(count, `${shown} school`);
}
