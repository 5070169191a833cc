import type { School } from '~/db/schema';
import { longDate } from '../format/dates';

/**
 * The statuses of a school that is open: GIAS's "Open" and "Open, but proposed to close". A school proposed to
 * close still teaches, buys services and invites its staff until it closes; counting it as closed left it out
 * of the workspace's figures and of every list of schools to choose from.
 */
export const openStatuses = ['open', 'proposed_to_close'] as const satisfies readonly School['status'][];

export const isOpenSchool = (status: School['status']) =>
  (openStatuses as readonly string[]).includes(status);

/** GIAS's own words for each status (an import brings all four), on the schools list and a school's page. */
export const schoolStatusLabels: Record<School['status'], string> = {
  open: 'Open',
  closed: 'Closed',
  proposed_to_close: 'Open, but proposed to close',
  proposed_to_open: 'Proposed to open',
};

/**
 * A school's status with the day GIAS gives for its closing, where it gives one: "Closed on 31 August 2025",
 * "Open, but proposed to close on 31 August 2027"; otherwise as schoolStatusLabels.
 */
export function schoolStatusWithDate(school: Pick<School, 'status' | 'closedOn'>): string {
  if (!school.closedOn) return schoolStatusLabels[school.status];
  if (school.status === 'closed') return `Closed on ${longDate(school.closedOn)}`;
  if (school.status === 'proposed_to_close')
    return `${schoolStatusLabels.proposed_to_close} on ${longDate(school.closedOn)}`;
  return schoolStatusLabels[school.status];
}

/** The day GIAS gives for a school's opening, as its page says it: "Opened 1 September 2014"; null without one. */
export const schoolOpenedLine = (school: Pick<School, 'openedOn'>): string | null =>
  school.openedOn ? `Opened ${longDate(school.openedOn)}` : null;
