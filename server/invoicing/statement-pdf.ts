import type { InvoiceSettings } from '~/db/schema';
import { formatPence } from '../catalogue/money';
import type { PdfDocument } from '../pdf/render-pdf';
import type { statementOfAccount } from './finance-reports';
import { shortDate } from '../format/dates';

type Statement = NonNullable<Awaited<ReturnType<typeof statementOfAccount>>>;

/** A school's statement of account: every invoice, credit note, payment and refund with the running balance. */
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
          [
            statement.balancePence >= 0 ? 'Balance owed' : 'In credit',
            formatPence(Math.abs(statement.balancePence)),
          ],
        ],
      },
      {
        kind: 'table',
        columns: ['Date', 'Item', 'Charged', 'Paid or credited', 'Balance'],
        widths: [0.16, 0.36, 0.16, 0.16, 0.16],
        rows: statement.lines.map((l) => [
          shortDate(l.date),
          l.what,
          l.debitPence ? formatPence(l.debitPence) : '',
          l.creditPence ? formatPence(l.creditPence) : '',
          formatPence(l.balancePence),
        ]),
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
  return { document, filename: `statement-${statement.schoolName}` };
}
