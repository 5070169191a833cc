import type { InvoiceSettings } from '~/db/schema';
import { formatPence } from '../catalogue/money';
import type { PdfDocument } from '../pdf/render-pdf';
import type { statementOfAccount } from './finance-reports';
import { shortDate } from '../format/dates';

type Statement = NonNullable<Awaited<ReturnType<typeof statementOfAccount>>>;

/**
 * A school's statement of account for a period: the balance brought forward, every invoice, credit note, payment
 * and refund in the period with the running balance, and the balance at the period's end.
 */
export function statementPdfDocument(
  statement: Statement,
  settings: Pick<InvoiceSettings, 'legalName' | 'address' | 'bankDetails'> &
    Partial<Pick<InvoiceSettings, 'logoData' | 'logoMimeType'>>,
  today: string,
): { document: PdfDocument; filename: string } {
  const document: PdfDocument = {
    title: 'Statement of account',
    issuer: settings.legalName,
    ...(settings.logoData && settings.logoMimeType
      ? { logo: { data: Buffer.from(settings.logoData, 'base64'), mimeType: settings.logoMimeType } }
      : {}),
    footer: `Statement for ${statement.schoolName} - ${settings.legalName}`,
    blocks: [
      {
        kind: 'facts',
        pairs: [
          ['From', settings.legalName],
          ['Address', settings.address || '—'],
          ['School', statement.schoolName],
          ['Statement date', shortDate(today)],
          ['Period', statementPeriod(statement)],
          [
            `${statement.balancePence >= 0 ? 'Balance owed' : 'In credit'} at ${shortDate(statement.to)}`,
            formatPence(Math.abs(statement.balancePence)),
          ],
        ],
      },
      {
        kind: 'table',
        columns: ['Date', 'Item', 'Charged', 'Paid or credited', 'Balance'],
        widths: [0.16, 0.36, 0.16, 0.16, 0.16],
        rows: [
          ...(statement.from
            ? [
                [
                  shortDate(statement.from),
                  'Balance brought forward',
                  '',
                  '',
                  formatPence(statement.openingBalancePence),
                ],
              ]
            : []),
          ...statement.lines.map((l) => [
            shortDate(l.date),
            l.what,
            l.debitPence ? formatPence(l.debitPence) : '',
            l.creditPence ? formatPence(l.creditPence) : '',
            formatPence(l.balancePence),
          ]),
        ],
      },
      ...(settings.bankDetails
        ? ([
            {
              kind: 'paragraph',
              text: `To pay by BACS: ${settings.bankDetails}. Please quote the invoice numbers.`,
            },
          ] as const)
        : []),
    ],
  };
  return {
    document,
    filename: `statement-${statement.schoolName}-${statement.from ?? 'all'}-to-${statement.to}`,
  };
}

/** "1 Apr 2026 to 4 Dec 2026", or "Everything to 4 Dec 2026" for the whole account. */
export function statementPeriod(statement: Pick<Statement, 'from' | 'to'>): string {
  return `${statement.from ? shortDate(statement.from) : 'Everything'} to ${shortDate(statement.to)}`;
}
