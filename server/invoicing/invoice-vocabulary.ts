import { invoiceStatus } from '~/db/schema';

export type { CustomerCategory, InvoiceStatus, VatRule, VatTreatment } from '~/db/schema';

/** The invoice statuses in their order, for filters and labels (pages take them from here, not from db/). */
export const invoiceStatuses = invoiceStatus.enumValues;
