import type { InvoiceStatus } from '~/server/invoicing/invoice-vocabulary';

export const statusLabels: Record<InvoiceStatus, string> = {
  draft: 'Draft',
  issued: 'Issued, unpaid',
  part_paid: 'Part paid or credited',
  paid: 'Settled',
  void: 'Void',
};
