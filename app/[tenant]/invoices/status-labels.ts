import type { InvoiceStatus } from '~/server/invoicing/invoice-vocabulary';

export const statusLabels: Record<InvoiceStatus, string> = {
  draft: 'Draft',
  issued: 'Issued, unpaid',
  part_paid: 'Part paid or credited',
  paid: 'Settled',
  void: 'Void',
};

export const longDate = (iso: string | null) =>
  iso
    ? new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
      })
    : '—';
