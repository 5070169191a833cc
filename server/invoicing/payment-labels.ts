import type { paymentMethod, TenantKind } from '~/db/schema';

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

/**
 * The ways finance records a payment by hand in a kind of workspace (online payments record themselves): an
 * internal recharge by journal is how a local authority settles with its own maintained schools, so only a local
 * authority is offered it.
 */
export function manualPaymentMethods(kind: TenantKind): ('bacs' | 'cheque' | 'journal')[] {
  return kind === 'la' ? ['bacs', 'cheque', 'journal'] : ['bacs', 'cheque'];
}

export const manualPaymentMethodOptions = (kind: TenantKind) =>
  manualPaymentMethods(kind).map((value) => ({ value, label: paymentMethodLabels[value] }));

/** Whose ledger the finance export is for, in the words of each kind of workspace. */
export const financeSystemOf: Record<TenantKind, string> = {
  la: 'the council’s finance system',
  provider: 'your finance or accounting system',
  appropriate_body: 'your finance or accounting system',
};
