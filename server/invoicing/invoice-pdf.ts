import type { InvoiceSettings } from '~/db/schema';
import { formatPence } from '../catalogue/money';
import type { Tx } from '~/db/client';
import { tenants } from '~/db/schema';
import { eq } from 'drizzle-orm';
import { renderPdf, type PdfDocument } from '../pdf/render-pdf';
import { getInvoice } from './load-invoice';
import { getInvoiceSettings } from './settings';
import type { InvoiceView } from './load-invoice';
import { vatBreakdown, vatTreatmentLabels } from './rules';
import { longDate } from '../format/dates';

const quantity = (h: number) => (h % 100 === 0 ? String(h / 100) : (h / 100).toFixed(2));
const rate = (bp: number) => `${bp / 100}%`;

/**
 * A UK VAT invoice: supplier name, address and VAT number; invoice number and date; tax point where different;
 * customer name and address; per line the description, quantity, unit price, VAT rate and net; totals net, VAT
 * and gross (with the VAT per rate); the school's purchase-order number; how to pay. A journal says it is one,
 * and that it is settled by journal: no due date, no payment instructions.
 */
export function invoicePdfDocument(
  view: InvoiceView,
  settings: Pick<InvoiceSettings, 'legalName' | 'address' | 'vatNumber' | 'bankDetails'> &
    Partial<Pick<InvoiceSettings, 'logoData' | 'logoMimeType' | 'stripeKeyEncrypted'>>,
): { document: PdfDocument; filename: string } {
  const { invoice, lines } = view;
  const journal = invoice.kind === 'journal';
  const draft = invoice.status === 'draft';
  const issuedTitle = journal
    ? 'Internal recharge (journal)'
    : settings.vatNumber
      ? 'VAT invoice'
      : 'Invoice';
  // A draft must not pass for the document: its title says so, and a watermark marks every page.
  const title = !draft
    ? issuedTitle
    : journal
      ? 'DRAFT — internal recharge (journal), not yet issued'
      : settings.vatNumber
        ? 'DRAFT — not a VAT invoice'
        : 'DRAFT — not an invoice';
  const facts: [string, string][] = [
    ['Supplier', settings.legalName],
    ['Supplier address', settings.address || '—'],
    ...(settings.vatNumber ? ([['VAT registration number', settings.vatNumber]] as [string, string][]) : []),
    [journal ? 'Journal number' : 'Invoice number', invoice.number ?? 'Draft (not yet issued)'],
    ['Date of issue', longDate(invoice.issuedOn)],
    ...(invoice.taxPointOn ? ([['Tax point', longDate(invoice.taxPointOn)]] as [string, string][]) : []),
    ['Customer', invoice.customerName],
    ['Customer address', invoice.customerAddress || '—'],
    ['Purchase order number', invoice.purchaseOrderNumber ?? '—'],
    // A journal is settled between budgets: nothing falls due and nobody pays it.
    ...(journal ? [] : ([['Payment due by', longDate(invoice.dueOn)]] as [string, string][])),
  ];
  const breakdown = vatBreakdown(lines);
  const document: PdfDocument = {
    title,
    issuer: settings.legalName,
    ...(settings.logoData && settings.logoMimeType
      ? { logo: { data: Buffer.from(settings.logoData, 'base64'), mimeType: settings.logoMimeType } }
      : {}),
    ...(draft ? { watermark: 'DRAFT' } : {}),
    footer: draft
      ? 'DRAFT - not a valid invoice until issued with a number.'
      : `${journal ? 'Journal' : 'Invoice'} ${invoice.number ?? ''} - ${settings.legalName}`,
    blocks: [
      { kind: 'facts', pairs: facts },
      { kind: 'heading', text: 'What is charged' },
      {
        kind: 'table',
        columns: ['Description', 'Qty', 'Unit price', 'Discount', 'VAT rate', 'Net'],
        widths: [0.4, 0.08, 0.14, 0.12, 0.12, 0.14],
        rows: lines.map((l) => [
          l.cfrCode ? `${l.description} (CFR ${l.cfrCode})` : l.description,
          quantity(l.quantityHundredths),
          formatPence(l.unitPricePence),
          l.discountPence ? formatPence(l.discountPence) : '—',
          l.vatTreatment === 'standard' ? rate(l.vatRateBasisPoints) : vatTreatmentLabels[l.vatTreatment],
          formatPence(l.netPence),
        ]),
      },
      { kind: 'heading', text: 'Totals' },
      {
        kind: 'table',
        columns: ['VAT', 'Net', 'VAT', 'Gross'],
        rows: [
          ...breakdown.map((b) => [
            b.treatment === 'standard' ? `Standard rate ${rate(b.rate)}` : vatTreatmentLabels[b.treatment],
            formatPence(b.netPence),
            formatPence(b.vatPence),
            formatPence(b.netPence + b.vatPence),
          ]),
          [
            'Total',
            formatPence(invoice.netPence),
            formatPence(invoice.vatPence),
            formatPence(invoice.grossPence),
          ],
        ],
      },
      ...(view.creditNotes.length > 0
        ? ([
            {
              kind: 'bullets',
              items: view.creditNotes.map(
                (n) =>
                  `Credit note ${n.number} of ${longDate(n.issuedOn)}: ${formatPence(n.grossPence)} (${n.reason})`,
              ),
            },
          ] as const)
        : []),
      { kind: 'heading', text: journal ? 'Settlement' : 'How to pay' },
      {
        kind: 'paragraph',
        text: journal
          ? 'Settled by internal journal between the school’s budget and the local authority.'
          : [
              settings.bankDetails ? `By BACS: ${settings.bankDetails}.` : '',
              `Please quote ${invoice.number ?? 'the invoice number'} as your reference.`,
              // Only where the workspace has connected Stripe: otherwise the page has nothing to pay with.
              settings.stripeKeyEncrypted ? 'You can also pay online from the invoice page in Stride.' : '',
            ]
              .filter(Boolean)
              .join(' '),
      },
    ],
  };
  return { document, filename: `${invoice.number ?? 'draft-invoice'}` };
}

/** One invoice's PDF bytes, rendered inside its tenant's transaction (for an email attachment). */
export async function renderInvoicePdf(tx: Tx, tenantId: string, invoiceId: string) {
  const [tenant] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, tenantId));
  const view = await getInvoice(tx, invoiceId);
  const settings = await getInvoiceSettings(tx, { tenantId, name: tenant?.name ?? '' });
  const { document, filename } = invoicePdfDocument(view, settings);
  return { bytes: await renderPdf(document), filename: `${filename}.pdf` };
}
