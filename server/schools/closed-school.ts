import type { School } from '~/db/schema';
import { todayInLondon, type IsoDate } from '../catalogue/academic-year';
import { DomainError } from '../errors/domain-error';
import { longDate } from '../format/dates';

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

type SchoolStatus = Pick<School, 'name' | 'status' | 'closedOn'>;

/**
 * "Coppetts Wood Primary School closed on 31 August 2025, so it cannot be booked onto courses." ("… is closed,
 * so …" when GIAS gave no close date); null for a school not closed.
 */
export function closedSchoolRefusal(school: SchoolStatus, what: NewBusiness): string | null {
  if (school.status !== 'closed') return null;
  return school.closedOn
    ? `${school.name} closed on ${longDate(school.closedOn)}, so it cannot ${newBusiness[what]}.`
    : `${school.name} is closed, so it cannot ${newBusiness[what]}.`;
}

/**
 * A visit or use of a service on the day `on`: new business only if it happened after the school closed, so
 * July's visit logged in September is still recorded. Without a close date nothing says when the school closed,
 * but it has by today: a visit made up to today is recorded (the last visits before it closed), while one on a
 * later day cannot have happened and cannot be planned.
 */
export function serviceUseRefusal(school: SchoolStatus, on: IsoDate, today: IsoDate): string | null {
  if (school.status !== 'closed') return null;
  if (!school.closedOn) {
    if (on <= today) return null;
    return `${school.name} is closed, so a visit or use of a service can be recorded up to today but not planned for a later day.`;
  }
  if (on <= school.closedOn) return null;
  return `${school.name} closed on ${longDate(school.closedOn)}, so a visit or use of a service after that day cannot be recorded.`;
}

/** Refuses new business for a closed school, in the words a user reads; a visit or use of a service by its day. */
export function refuseIfClosed(school: SchoolStatus, what: Exclude<NewBusiness, 'serviceUse'>): void;
export function refuseIfClosed(school: SchoolStatus, what: 'serviceUse', on: IsoDate, today?: IsoDate): void;
export function refuseIfClosed(school: SchoolStatus, what: NewBusiness, on?: IsoDate, today?: IsoDate): void {
  const message =
    what === 'serviceUse' && on !== undefined
      ? serviceUseRefusal(school, on, today ?? todayInLondon())
      : closedSchoolRefusal(school, what);
  if (message) throw new DomainError({ code: 'PRECONDITION_FAILED', message });
}

/** Said on a closed school's page: what it can no longer do, and that what it has is kept. */
export const closedSchoolNote = (name: string) =>
  `${name} is closed: it cannot be booked onto courses, subscribe to packages or be offered renewals. Its bookings, subscriptions, invoices and history stay here.`;
