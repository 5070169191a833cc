import { withTenant, type Db } from '~/db/client';
import type { EmailAttachmentRef } from '~/db/schema';
import { renderBookingInvite, renderOfferInvite } from '../courses/booking-invite';
import { renderCreditNotePdf } from '../invoicing/credit-note-pdf';
import { renderInvoicePdf } from '../invoicing/invoice-pdf';

export type { EmailAttachmentRef };

/** An attachment as nodemailer takes it. */
export type RenderedAttachment = { filename: string; content: Buffer; contentType: string };

/**
 * Renders an email's attachments at delivery, each inside the email's own tenant (row-level security bound to
 * it), so the outbox stores references, never documents, and a document reflects the invoice or the course as
 * it is when sent.
 */
export async function renderAttachments(
  db: Db,
  tenantId: string | null,
  refs: readonly EmailAttachmentRef[],
): Promise<RenderedAttachment[]> {
  if (refs.length === 0) return [];
  if (!tenantId) throw new Error('an email with attachments must belong to a workspace');
  return withTenant(db, tenantId, async (tx) => {
    const rendered: RenderedAttachment[] = [];
    for (const ref of refs) {
      if (ref.kind === 'invoice-pdf') {
        const { bytes } = await renderInvoicePdf(tx, tenantId, ref.invoiceId);
        rendered.push({
          filename: ref.filename,
          content: Buffer.from(bytes),
          contentType: 'application/pdf',
        });
      } else if (ref.kind === 'credit-note-pdf') {
        const bytes = await renderCreditNotePdf(tx, tenantId, ref.invoiceId, ref.creditNoteId);
        rendered.push({
          filename: ref.filename,
          content: Buffer.from(bytes),
          contentType: 'application/pdf',
        });
      } else if (ref.kind === 'course-ics' || ref.kind === 'course-offer-ics') {
        const { ics, method } =
          ref.kind === 'course-ics'
            ? await renderBookingInvite(tx, tenantId, ref.bookingId, ref.method)
            : await renderOfferInvite(tx, tenantId, ref.entryId, ref.method);
        rendered.push({
          filename: ref.filename,
          content: Buffer.from(ics, 'utf8'),
          contentType: `text/calendar; charset=utf-8; method=${method}`,
        });
      }
    }
    return rendered;
  });
}
