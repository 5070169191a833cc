import { formatPence } from '../catalogue/money';
import type { NoticeEmailProps } from '~/emails/notice-email';
import { longDate } from '../format/dates';

/** The lines of the bank details as finance typed them (account name, sort code, account number…), blanks dropped. */
export function bankDetailLines(bankDetails: string): string[] {
  return bankDetails
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/**
 * "To pay by BACS:" with each line of the bank details on its own line (the notice template breaks a paragraph's
 * lines in HTML and plain text alike), then the reference to quote; empty when the workspace gave no bank details.
 */
export function bankTransferParagraph(bankDetails: string, reference: string): string {
  const lines = bankDetailLines(bankDetails);
  if (lines.length === 0) return '';
  return ['To pay by BACS:', ...lines, `Please quote ${reference} as the reference.`].join('\n');
}

type Recipient = { name: string };

/**
 * The email sent with an issued invoice. Its button offers paying online only where the workspace takes payments
 * online (Stripe connected); otherwise it only opens the invoice, and the bank details say how to pay.
 */
export function invoiceEmailProps(input: {
  recipient: Recipient;
  legalName: string;
  bankDetails: string;
  paysOnline: boolean;
  invoice: {
    number: string;
    customerName: string;
    grossPence: number;
    vatPence: number;
    dueOn: string | null;
  };
  url: string;
}): NoticeEmailProps {
  const { invoice } = input;
  return {
    subject: `Invoice ${invoice.number} from ${input.legalName}`,
    heading: `Invoice ${invoice.number}`,
    recipientName: input.recipient.name,
    paragraphs: [
      `${input.legalName} has issued invoice ${invoice.number} to ${invoice.customerName} for ${formatPence(invoice.grossPence)} (including VAT of ${formatPence(invoice.vatPence)}), due by ${longDate(invoice.dueOn)}.`,
      'The invoice is attached as a PDF.',
      bankTransferParagraph(input.bankDetails, invoice.number),
    ].filter(Boolean),
    action: {
      label: input.paysOnline ? 'View or pay the invoice online' : 'View the invoice',
      url: input.url,
    },
  };
}

/** The email sent with a credit note: what it credits, why, what is left to pay, and the credit note attached. */
export function creditNoteEmailProps(input: {
  recipient: Recipient;
  legalName: string;
  creditNote: { number: string; grossPence: number; reason: string };
  invoice: { number: string; customerName: string };
  outstandingPence: number;
  url: string;
}): NoticeEmailProps {
  const { creditNote, invoice } = input;
  return {
    subject: `Credit note ${creditNote.number} from ${input.legalName}`,
    heading: `Credit note ${creditNote.number}`,
    recipientName: input.recipient.name,
    paragraphs: [
      `${input.legalName} has issued credit note ${creditNote.number} to ${invoice.customerName} for ${formatPence(creditNote.grossPence)} (including VAT), against invoice ${invoice.number}.`,
      `Reason: ${creditNote.reason}`,
      input.outstandingPence > 0
        ? `${formatPence(input.outstandingPence)} is now outstanding on invoice ${invoice.number}.`
        : `Nothing is now outstanding on invoice ${invoice.number}.`,
      'The credit note is attached as a PDF.',
    ],
    action: { label: 'View the invoice', url: input.url },
  };
}
