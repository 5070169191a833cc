import type { paymentMethod } from '~/db/schema';

type PaymentMethod = (typeof paymentMethod.enumValues)[number];

/** How a payment came, in the words a school's business manager and a finance officer use. */
export const paymentMethodLabels: Record<PaymentMethod, string> = {
  bacs: 'BACS transfer',
  cheque: 'Cheque',
  journal: 'Internal recharge / journal',
  stripe: 'Paid online',
};

/** "Paid online, ref pi_3N…": a payment or refund as a statement line names it. */
export function paymentDescription(p: { method: PaymentMethod; reference: string | null }): string {
  return `${paymentMethodLabels[p.method]}${p.reference ? `, ref ${p.reference}` : ''}`;
}

/** The ways finance records a payment by hand (online payments record themselves). */
export const manualPaymentMethodOptions = (['bacs', 'cheque', 'journal'] as const).map((value) => ({
  value,
  label: paymentMethodLabels[value],
}));
