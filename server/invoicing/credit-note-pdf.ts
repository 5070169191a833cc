import { eq } from 'drizzle-orm';
import type { Tx } from '~/db/client';
import { tenants, type InvoiceSettings } from '~/db/schema';
import { formatPence } from '../catalogue/money';
import { DomainError } from '../errors/domain-error';
import { longDate } from '../format/dates';
import { renderPdf, type PdfDocument } from '../pdf/render-pdf';
import { getInvoice, type InvoiceView } from './load-invoice';
import { vatBreakdown, vatTreatmentLabels } from './rules';
import { getInvoiceSettings } from './settings';

const rate = (bp: number) => `${bp / 100}%`;

/**
 * A credit note as the school receives it, with what HMRC asks of a VAT credit note: its own number and date;
 * the supplier's name, address and VAT number; the customer's name and address; the invoice it corrects (number
 * and date) and why; per line what is credited, its VAT rate and the net and VAT credited; totals net, VAT and
 * gross. It says how the credit is settled.
 */
export function creditNotePdfDocument(
  view: InvoiceView,
  creditNoteId: string,
  settings: Pick<InvoiceSettings, 'legalName' | 'address' | 'vatNumber'> &
    Partial<Pick<InvoiceSettings, 'logoData' | 'logoMimeType'>>,
): { document: PdfDocument; filename: string } {
  const note = view.creditNotes.find((n) => n.id === creditNoteId);
  if (!note) throw new DomainError({ code: 'NOT_FOUND', message: 'That credit note was not found.' });
  const { invoice } = view;
  const facts: [string, string][] = [
    ['Supplier', settings.legalName],
    ['Supplier address', settings.address || '—'],
    ...(settings.vatNumber ? ([['VAT registration number', settings.vatNumber]] as [string, string][]) : []),
    ['Credit note number', note.number],
    ['Date of issue', longDate(note.issuedOn)],
    ['Customer', invoice.customerName],
    ['Customer address', invoice.customerAddress || '—'],
    [
      'Credits invoice',
      `${invoice.number ?? ''}${invoice.issuedOn ? ` of ${longDate(invoice.issuedOn)}` : ''}`,
    ],
    ['Purchase order number', invoice.purchaseOrderNumber ?? '—'],
    ['Reason', note.reason],
  ];
  const document: PdfDocument = {
    title: settings.vatNumber ? 'VAT credit note' : 'Credit note',
    issuer: settings.legalName,
    ...(settings.logoData && settings.logoMimeType
      ? { logo: { data: Buffer.from(settings.logoData, 'base64'), mimeType: settings.logoMimeType } }
      : {}),
    footer: `Credit note ${note.number} - ${settings.legalName}`,
    blocks: [
      { kind: 'facts', pairs: facts },
      { kind: 'heading', text: 'What is credited' },
      {
        kind: 'table',
        columns: ['Description', 'VAT rate', 'Net', 'VAT', 'Gross'],
        widths: [0.44, 0.16, 0.13, 0.13, 0.14],
        rows: note.lines.map((l) => [
          l.description,
          l.vatTreatment === 'standard' ? rate(l.vatRateBasisPoints) : vatTreatmentLabels[l.vatTreatment],
          formatPence(l.netPence),
          formatPence(l.vatPence),
          formatPence(l.netPence + l.vatPence),
        ]),
      },
      { kind: 'heading', text: 'Totals' },
      {
        kind: 'table',
        columns: ['VAT', 'Net', 'VAT', 'Gross'],
        rows: [
          ...vatBreakdown(note.lines).map((b) => [
            b.treatment === 'standard' ? `Standard rate ${rate(b.rate)}` : vatTreatmentLabels[b.treatment],
            formatPence(b.netPence),
            formatPence(b.vatPence),
            formatPence(b.netPence + b.vatPence),
          ]),
          [
            'Total credited',
            formatPence(note.netPence),
            formatPence(note.vatPence),
            formatPence(note.grossPence),
          ],
        ],
      },
      {
        kind: 'paragraph',
        text: `This credit is set against invoice ${invoice.number ?? ''}: ${formatPence(view.outstandingPence)} is now outstanding on it. Anything paid beyond what is owed stays on the school's account, or is refunded on request.`,
      },
    ],
  };
  return { document, filename: note.number };
}

/** One credit note's PDF bytes, rendered inside its tenant's transaction (for an email attachment). */
export async function renderCreditNotePdf(tx: Tx, tenantId: string, invoiceId: string, creditNoteId: string) {
  const [tenant] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
  const view = await getInvoice(tx, invoiceId);
  const settings = await getInvoiceSettings(tx, { tenantId, name: tenant?.name ?? '' });
  return renderPdf(creditNotePdfDocument(view, creditNoteId, settings).document);
}
