import { describe, expect, it } from 'vitest';
import { emailOf, prepareEmail, renderEmail } from '~/server/email/templates';
import { creditNoteEmailProps, invoiceEmailProps } from '~/server/invoicing/invoice-emails';

describe('email templates', () => {
  it('checks props when an email is queued and works out its subject there, without rendering', () => {
    const queued = prepareEmail({
      to: 'head@school.example',
      ...emailOf('governor-term-ending', {
        workspaceName: 'Barnet',
        schoolName: 'Coppetts Wood',
        governors: [
          { name: 'Tess Term', role: 'Chair', schoolName: 'Coppetts Wood', termEndsOn: '1 May 2027' },
        ],
        url: 'https://stride.example/barnet/governance',
      }),
    });
    expect(queued).toMatchObject({
      template: 'governor-term-ending',
      subject: '1 governor’s term of office ending soon — Coppetts Wood',
    });
    expect(() =>
      prepareEmail({
        to: 'head@school.example',
        template: 'magic-link',
        props: { url: 'https://stride.example' } as { url: string; host: string },
      }),
    ).toThrow();
  });

  it('renders a stored email from its template at delivery, and refuses a template it does not know or props that no longer fit', async () => {
    const rendered = await renderEmail('magic-link', {
      url: 'https://stride.example/x',
      host: 'stride.example',
    });
    expect(rendered.subject).toBe('Your sign-in link for Stride');
    expect(rendered.text).toContain('https://stride.example/x');
    expect(rendered.html).toContain('<html');
    await expect(renderEmail('no-such-email', {})).rejects.toThrow(/no email template/);
    await expect(renderEmail('toString', {})).rejects.toThrow(/no email template/);
    await expect(renderEmail('magic-link', { url: 1 })).rejects.toThrow();
  });

  it('the new sign-in address gets its link in plain text as well as HTML; the old address is told', async () => {
    const url = 'https://stride.example/account/confirm-email?token=abc';
    const confirm = await renderEmail('sign-in-address-confirm', {
      recipientName: 'Priya Shah',
      newEmail: 'priya@new.example',
      url,
      expiresAt: 'Mon, 7 December 2026 at 14:30',
    });
    expect(confirm.subject).toBe('Confirm your new sign-in address for Stride');
    expect(confirm.text).toContain('Dear Priya Shah,');
    expect(confirm.text).toContain(url);
    expect(confirm.text).toContain('until Mon, 7 December 2026 at 14:30');
    expect(confirm.html).toContain('Confirm my new address');
    const notice = await renderEmail('sign-in-address-requested', {
      recipientName: '',
      oldEmail: 'priya@old.example',
      newEmail: 'priya@new.example',
      expiresAt: 'Mon, 7 December 2026 at 14:30',
    });
    expect(notice.text).toContain('Hello,');
    expect(notice.text).toContain('asked to sign in with priya@new.example instead of priya@old.example');
    expect(notice.text).not.toContain('token=');
  });

  /** The governor-booking notice's props that its tests share. */
  const governorNotice = {
    workspaceName: 'Barnet',
    schoolName: 'Elm Primary',
    recipientName: 'Hattie Head',
    startsOn: '12 May 2027',
    url: 'https://stride.example/barnet/courses',
  };

  it('the governor-booking notice lists the charged places in HTML and plain text', async () => {
    const rendered = await renderEmail('governor-booking-charged', {
      ...governorNotice,
      bookedBy: 'Cleo Clerk',
      courseTitle: 'Understanding data',
      places: ['Gina Governor: £80.00 plus VAT', 'Pat Parent: £80.00 plus VAT'],
      total: '£160.00 plus VAT',
    });
    expect(rendered.subject).toBe('Governor training charged to Elm Primary: Understanding data');
    expect(rendered.text).toContain('Cleo Clerk booked 2 places on Understanding data (12 May 2027)');
    expect(rendered.text).toContain('Pat Parent: £80.00 plus VAT');
    expect(rendered.text).toContain('Total: £160.00 plus VAT.');
    expect(rendered.html).toContain('Gina Governor: £80.00 plus VAT');
  });

  it('the same notice for another course a governor booked says so, not “governor training”', async () => {
    const { props } = emailOf('governor-booking-charged', {
      ...governorNotice,
      bookedBy: 'Gina Governor',
      governorTraining: false,
      courseTitle: 'Reading for pleasure',
      places: ['Gina Governor: £75.00'],
      total: '£75.00',
    });
    const rendered = await renderEmail('governor-booking-charged', props);
    expect(rendered.subject).toBe('A governor’s course place charged to Elm Primary: Reading for pleasure');
    expect(rendered.html).toContain('A governor’s course place charged to Elm Primary');
    expect(rendered.text).not.toContain('Governor training');
    expect(rendered.text).toContain('Gina Governor booked a place on Reading for pleasure (12 May 2027)');
  });

  describe('the invoice email', () => {
    const invoiceEmail = (paysOnline: boolean) =>
      invoiceEmailProps({
        recipient: { name: 'Pat Bursar' },
        legalName: 'Hertfordshire Schools Partnership Ltd',
        bankDetails: 'Hertfordshire Schools Partnership Ltd\nSort code 20-00-00\n\nAccount 12345678',
        paysOnline,
        invoice: {
          number: 'HSP-000012',
          customerName: 'Oak Primary',
          grossPence: 60_000,
          vatPence: 10_000,
          dueOn: '2027-01-04',
        },
        url: 'https://stride.example/hsip/invoices/1',
      });

    it('offers paying online only where the workspace takes payments online', () => {
      expect(invoiceEmail(false).action?.label).toBe('View the invoice');
      expect(invoiceEmail(true).action?.label).toBe('View or pay the invoice online');
    });

    it('puts each line of the bank details on its own line, in HTML and in plain text', async () => {
      const { html, text } = await renderEmail('notice', invoiceEmail(false));
      expect(text).toMatch(
        /To pay by BACS:\s*\n\s*Hertfordshire Schools Partnership Ltd\s*\n\s*Sort code 20-00-00\s*\n\s*Account 12345678\s*\n\s*Please quote HSP-000012 as the reference\./,
      );
      expect(html).toMatch(/Partnership Ltd<br\/?>Sort code 20-00-00<br\/?>Account 12345678/);
      expect(text).toContain('£600.00 (including VAT of £100.00), due by 4 January 2027');
    });
  });

  it('the credit note email says what is credited, why, and what is left to pay', async () => {
    const props = creditNoteEmailProps({
      recipient: { name: '' },
      legalName: 'HSIP Ltd',
      creditNote: { number: 'CN-000003', grossPence: 12_000, reason: 'Session cancelled' },
      invoice: { number: 'HSP-000012', customerName: 'Oak Primary' },
      outstandingPence: 48_000,
      url: 'https://stride.example/hsip/invoices/1',
    });
    const { subject, text } = await renderEmail('notice', props);
    expect(subject).toBe('Credit note CN-000003 from HSIP Ltd');
    expect(text).toContain(
      'credit note CN-000003 to Oak Primary for £120.00 (including VAT), against invoice HSP-000012',
    );
    expect(text).toContain('Reason: Session cancelled');
    expect(text).toContain('£480.00 is now outstanding on invoice HSP-000012.');
  });

  it('tells a school the AB did not accept its registration of an ECT, with the reason, in HTML and plain text', async () => {
    const rendered = await renderEmail('ect-registration-rejected', {
      workspaceName: 'North West London Teaching School Hub',
      schoolName: 'Coppetts Wood Primary School',
      recipientName: 'Helen Head',
      ectName: 'Owen Price',
      trn: '1234567',
      startsOn: '2 September 2026',
      reason: 'The TRN does not match a teacher with QTS.',
      url: 'https://stride.example/nwlhub/induction#registrations',
    });
    expect(rendered.subject).toBe('Registration not accepted: Owen Price (Coppetts Wood Primary School)');
    for (const body of [rendered.html, rendered.text])
      expect(body).toContain('The TRN does not match a teacher with QTS.');
    expect(rendered.text).toContain('(TRN 1234567, starting 2 September 2026)');
    expect(rendered.text).toContain('no reviews are scheduled and nothing is charged');
    expect(rendered.text).toContain('https://stride.example/nwlhub/induction#registrations');
  });
});
