import type { School } from '~/db/schema';
import { DomainError } from '../errors/domain-error';

/**
 * What a school that has closed (GIAS "Closed") can no longer be given: anything new. What it already has —
 * bookings, subscriptions, invoices, statements, history — stays visible and payable; only new business is
 * refused. A school proposed to close still teaches and buys (see openStatuses).
 */
const newBusiness = {
  booking: 'be booked onto courses',
  subscription: 'subscribe to packages',
  renewal: 'renew its packages',
  serviceUse: 'have a new visit or use of a service recorded',
  adviserTime: 'ask for adviser time',
} as const;

export type NewBusiness = keyof typeof newBusiness;

type SchoolStatus = Pick<School, 'name' | 'status'>;

/** "Totteridge Lane Primary School is closed, so it cannot be booked onto courses."; null for a school not closed. */
export function closedSchoolRefusal(school: SchoolStatus, what: NewBusiness): string | null {
  return school.status === 'closed' ? `${school.name} is closed, so it cannot ${newBusiness[what]}.` : null;
}

/** Refuses new business for a closed school (closedSchoolRefusal), in the words a user reads. */
export function refuseIfClosed(school: SchoolStatus, what: NewBusiness): void {
  const message = closedSchoolRefusal(school, what);
  if (message) throw new DomainError({ code: 'PRECONDITION_FAILED', message });
}

/** Said on a closed school's page: what it can no longer do, and that what it has is kept. */
export const closedSchoolNote = (name: string) =>
  `${name} is closed: it cannot be booked onto courses, subscribe to packages or be offered renewals. Its bookings, subscriptions, invoices and history stay here.`;
