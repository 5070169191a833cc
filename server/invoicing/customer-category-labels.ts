import type { CustomerCategory } from '~/db/schema';

/**
 * The price basis a school is invoiced on, as pages name it. Here rather than in a client component, whose exports
 * a server page receives only as references (an invoice page once showed "(out_of_area)").
 */
export const customerCategoryLabels: Record<CustomerCategory, string> = {
  maintained: 'Maintained school',
  academy: 'Academy',
  out_of_area: 'Out of area',
};
