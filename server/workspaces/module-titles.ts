import type { ModuleKey } from '~/db/schema';

/** What each module is called when a workspace is told it does not have it, or a manager switches it on. */
export const moduleTitles: Record<ModuleKey, string> = {
  traded: 'Traded services',
  courses: 'CPD courses and bookings',
  invoices: 'Invoicing and payments',
  statutory: 'Statutory monitoring',
  commissioning: 'Commissioning',
  induction: 'ECT induction',
  governance: 'Governor services',
};
