import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { chargeableItems, outboxEmails, schoolContacts, schools } from '~/db/schema';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { renderAttachments } from '~/server/email/attachments';
import { invoicePdfDocument } from '~/server/invoicing/invoice-pdf';
import { getInvoice } from '~/server/invoicing/load-invoice';
import { outboxAttachment, withMailroom } from '~/server/email/outbox';
import { deliverOutboxEmail, queuedEmailIds } from '~/server/email/send-email';
import { makeDemoWorkspace, type DemoWorkspace } from '../fixtures/factories';
import { fakeSmtp } from '../fixtures/fake-smtp';
import { openTestDatabase } from './harness';

describe('invoices are emailed with the PDF attached', () => {
  let database: Database;
  let barnet: DemoWorkspace;
  let smtp: Awaited<ReturnType<typeof fakeSmtp>>;

  beforeAll(async () => {
    database = await openTestDatabase();
    barnet = await makeDemoWorkspace(database.db, 'barnet');
    smtp = await fakeSmtp();
  });
  afterAll(() => smtp.close());

  /** One charged, billed draft for each of the schools given. */
  async function draftsFor(schoolIds: string[]) {
    await withTenant(database.db, barnet.id, (tx) =>
      tx.insert(chargeableItems).values(
        schoolIds.map((schoolId) => ({
          tenantId: barnet.id,
          schoolId,
          description: 'Consultancy day',
          quantityHundredths: 100,
          unitPricePence: 50_000,
          netPence: 50_000,
          vatRateBasisPoints: 2000,
          pricedAsMember: true,
        })),
      ),
    );
    const finance = barnet.caller('finance@barnet.example');
    const run = await finance.invoices.run({ kind: 'charges', upTo: todayInLondon() });
    return finance.invoices.list({ billingRunId: run.id });
  }

  it('goes to the finance contact, else the school administrators, with a PDF that SMTP carries', async () => {
    const coppetts = barnet.schoolId(101262);
    const [other] = await withTenant(database.db, barnet.id, (tx) =>
      tx
        .select({ id: schools.id })
        .from(schools)
        .where(and(eq(schools.status, 'open')))
        .orderBy(schools.urn)
        .limit(2),
    );
    const withContact = other?.id === coppetts ? undefined : other?.id;
    if (!withContact) throw new Error('need a second school');
    const bursar = `bursar-${barnet.tag}@school.example`;
    await withTenant(database.db, barnet.id, (tx) =>
      tx.insert(schoolContacts).values({
        tenantId: barnet.id,
        schoolId: withContact,
        role: 'finance',
        name: 'Pat Bursar',
        email: bursar,
      }),
    );
    const drafts = await draftsFor([withContact, coppetts]);
    const finance = barnet.caller('finance@barnet.example');
    const numbers = new Map<string, string>();
    for (const d of drafts)
      numbers.set(d.schoolId, (await finance.invoices.issue({ sendItMyself: true, id: d.id })).number);

    const emails = await withMailroom(database.db, (tx) =>
      tx
        .select()
        .from(outboxEmails)
        .where(
          and(
            eq(outboxEmails.tenantId, barnet.id),
            inArray(outboxEmails.to, [bursar, barnet.email('head@coppettswood.sch.example')]),
          ),
        ),
    );
    const toBursar = emails.find((e) => e.to === bursar);
    const toHead = emails.find((e) => e.to === barnet.email('head@coppettswood.sch.example'));
    expect(toBursar?.attachments).toEqual([
      {
        kind: 'invoice-pdf',
        invoiceId: drafts.find((d) => d.schoolId === withContact)?.id,
        filename: `${numbers.get(withContact)}.pdf`,
      },
    ]);
    // Coppetts Wood has no finance contact: its headteacher (school administrator) gets it.
    expect(toHead?.subject).toContain(numbers.get(coppetts));
    expect(toHead?.attachments).toHaveLength(1);
    // Barnet has not connected Stripe: the button only opens the invoice.
    expect(toHead?.props).toMatchObject({ action: { label: 'View the invoice' } });

    // Rendered inside the email's tenant: a real PDF.
    const [pdf] = await renderAttachments(database.db, barnet.id, toBursar?.attachments ?? []);
    expect(pdf?.contentType).toBe('application/pdf');
    expect(pdf?.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const download = await outboxAttachment(database.db, toBursar?.id ?? '', 0);
    expect(download?.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await outboxAttachment(database.db, toBursar?.id ?? '', 1)).toBeNull();

    // Over SMTP the message carries the PDF as a MIME part.
    await withMailroom(database.db, (tx) =>
      tx
        .update(outboxEmails)
        .set({ status: 'queued' })
        .where(eq(outboxEmails.id, toBursar?.id ?? '')),
    );
    expect(await queuedEmailIds(database.db, { tenantId: barnet.id })).toContain(toBursar?.id);
    const outcome = await deliverOutboxEmail(database.db, toBursar?.id ?? '', {
      mailer: { smtpUrl: smtp.url },
      lastAttempt: true,
    });
    expect(outcome).toBe('sent');
    const raw = smtp.messages.find((m) => m.includes(bursar)) ?? '';
    expect(raw).toMatch(/Content-Type: application\/pdf; name=.?\S*\.pdf/);
    expect(raw).toContain('Content-Disposition: attachment');
    expect(raw).toContain('JVBERi0'); // base64 of "%PDF-"
  });

  it('a credit note is emailed to the same recipients with its PDF attached', async () => {
    const [invoice] = await draftsFor([barnet.schoolId(101262)]);
    const finance = barnet.caller('finance@barnet.example');
    const { number: invoiceNumber } = await finance.invoices.issue({
      sendItMyself: true,
      id: invoice?.id ?? '',
    });
    const note = await finance.invoices.creditNote({
      invoiceId: invoice?.id ?? '',
      reason: 'The second session was cancelled',
      scope: 'full',
    });
    const head = barnet.email('head@coppettswood.sch.example');
    const [email] = await withMailroom(database.db, (tx) =>
      tx
        .select()
        .from(outboxEmails)
        .where(
          and(
            eq(outboxEmails.tenantId, barnet.id),
            eq(outboxEmails.to, head),
            eq(outboxEmails.subject, `Credit note ${note.number} from Barnet Education and Learning Service`),
          ),
        ),
    );
    expect(email?.attachments).toEqual([
      {
        kind: 'credit-note-pdf',
        invoiceId: invoice?.id,
        creditNoteId: note.id,
        filename: `${note.number}.pdf`,
      },
    ]);
    expect(JSON.stringify(email?.props)).toContain('Reason: The second session was cancelled');
    expect(JSON.stringify(email?.props)).toContain(`Nothing is now outstanding on invoice ${invoiceNumber}.`);
    const [pdf] = await renderAttachments(database.db, barnet.id, email?.attachments ?? []);
    expect(pdf?.contentType).toBe('application/pdf');
    expect(pdf?.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Only inside its own workspace.
    const hsip = await makeDemoWorkspace(database.db, 'hsip');
    await expect(renderAttachments(database.db, hsip.id, email?.attachments ?? [])).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('offers paying online only where the workspace has connected Stripe', async () => {
    const [anyInvoice] = await barnet.caller('finance@barnet.example').invoices.list({ status: 'issued' });
    const howToPay = (stripeKeyEncrypted: string | null) =>
      withTenant(database.db, barnet.id, async (tx) => {
        const view = await getInvoice(tx, anyInvoice?.id ?? '');
        const { document } = invoicePdfDocument(view, {
          legalName: 'Barnet',
          address: '',
          vatNumber: null,
          bankDetails: 'Sort code 00-00-00',
          stripeKeyEncrypted,
        });
        return JSON.stringify(document.blocks);
      });
    expect(await howToPay(null)).not.toContain('pay online');
    expect(await howToPay('a stored key')).toContain('You can also pay online from the invoice page');
  });

  it('an attachment is rendered only inside its own workspace', async () => {
    const hsip = await makeDemoWorkspace(database.db, 'hsip');
    const [anyInvoice] = await barnet.caller('finance@barnet.example').invoices.list({ status: 'issued' });
    await expect(
      renderAttachments(database.db, hsip.id, [
        { kind: 'invoice-pdf', invoiceId: anyInvoice?.id ?? '', filename: 'x.pdf' },
      ]),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
