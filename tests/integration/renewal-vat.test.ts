import { and, desc, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { outboxEmails } from '~/db/schema';
import { academicYearOf, academicYearStart, todayInLondon } from '~/server/catalogue/academic-year';
import { formatPence } from '~/server/catalogue/money';
import { withMailroom } from '~/server/email/outbox';
import { addMembership, makeDemoWorkspace, makeUser, type DemoWorkspace } from '../fixtures/factories';
import { anonymousCaller, openTestDatabase } from './harness';

const thisYear = academicYearOf(todayInLondon());
const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** Coppetts Wood (a community school: maintained) and Ravensfield High (an academy), both Barnet subscribers. */
const maintainedUrn = 101262;
const academyUrn = 137204;

describe('a renewal offer states the VAT the school will be invoiced', () => {
  let database: Database;
  let barnet: DemoWorkspace;
  let academyHead: string;
  const finance = () => barnet.caller('finance@barnet.example');
  const manager = () => barnet.caller('head.si@barnet.example');

  beforeAll(async () => {
    database = await openTestDatabase();
    barnet = await makeDemoWorkspace(database.db, 'barnet');
    // An LA's rule: its own maintained schools are outside the scope of VAT, everyone else standard-rated.
    await finance().invoices.updateSettings({
      legalName: 'London Borough of Barnet',
      address: '1 Example Street, London',
      vatNumber: 'GB123456789',
      invoicePrefix: 'RV-',
      creditNotePrefix: 'RVC-',
      journalPrefix: 'RVJ-',
      paymentTermsDays: 30,
      bankDetails: 'Sort code 00-00-00, account 12345678',
      logoUrl: null,
      standardRateBasisPoints: 2000,
      vatRules: [
        { productKind: 'any', customerCategory: 'maintained', treatment: 'outside_scope' },
        { productKind: 'any', customerCategory: 'any', treatment: 'standard' },
      ],
      financeCodes: {},
      subscriptionBilling: 'annual',
      journalForMaintained: false,
      reminderDays: [7, 30],
    });
    const head = await makeUser(database.db, { name: 'Asha Principal' });
    await addMembership(database.db, barnet.id, head.id, 'school_admin', barnet.schoolId(academyUrn));
    academyHead = head.email;
  });

  const emailTo = async (to: string, subject: string) => {
    const [message] = await withMailroom(database.db, (tx) =>
      tx
        .select()
        .from(outboxEmails)
        .where(and(eq(outboxEmails.to, to), like(outboxEmails.subject, subject)))
        .orderBy(desc(outboxEmails.createdAt)),
    );
    if (!message) throw new Error(`no email to ${to} like ${subject}`);
    return message;
  };
  const tokenIn = (text: string | null) => {
    const token = text?.match(new RegExp(`/renew/${barnet.slug}/([A-Za-z0-9_-]+)`))?.[1];
    if (!token) throw new Error('no renewal link in the email');
    return token;
  };

  it('for a maintained school and an academy, as the quote states it and the billing run charges it', async () => {
    await manager().catalogue.copyForward({ fromYear: thisYear, upliftPercent: 3 });
    await manager().renewals.open({ fromYear: thisYear, closesOn: inAMonth });
    const visitor = anonymousCaller(database.db, barnet.slug);
    const maintainedHead = barnet.email('head@coppettswood.sch.example');
    const schools = [
      { id: barnet.schoolId(maintainedUrn), head: maintainedHead },
      { id: barnet.schoolId(academyUrn), head: academyHead },
    ];
    const offers = [];
    for (const school of schools) {
      const invitation = await emailTo(school.head, '%Renew%');
      const offer = await visitor.renewals.offer({ token: tokenIn(invitation.text) });
      expect(offer.school.id).toBe(school.id);
      expect(offer.renewals.length).toBeGreaterThan(0);
      for (const p of offer.renewals) {
        // The same decision, price and words the subscribe page's quote gives this school for this package.
        const quote = await manager().catalogue.quote({ schoolId: school.id, itemId: p.id, units: p.units });
        expect(quote.quote.termsCharged).toBe(3);
        expect(p.vat).toEqual(quote.vat);
        expect(p.quote).toMatchObject({
          netPence: quote.quote.netPence,
          vatPence: quote.quote.vatPence,
          totalPence: quote.quote.totalPence,
        });
      }
      offers.push({ school, invitation, offer, token: tokenIn(invitation.text) });
    }
    const [maintained, academy] = offers;
    if (!maintained || !academy) throw new Error('offers missing');

    // The rule differs: the maintained school is charged no VAT, the academy 20%.
    for (const p of maintained.offer.renewals) {
      expect(p.vat).toMatchObject({ treatment: 'outside_scope', rateBasisPoints: 0 });
      expect(p.vat.label).toBe('Outside the scope of VAT');
      expect(p.quote.vatPence).toBe(0);
    }
    for (const p of academy.offer.renewals) {
      expect(p.vat).toMatchObject({ treatment: 'standard', rateBasisPoints: 2000, label: 'VAT at 20%' });
      expect(p.quote.vatPence).toBeGreaterThan(0);
      expect(p.quote.totalPence).toBe(p.quote.netPence + p.quote.vatPence);
    }

    // The email prices each package the same way.
    for (const p of academy.offer.renewals)
      expect(academy.invitation.text).toContain(
        `${formatPence(p.quote.netPence)} before VAT + ${formatPence(p.quote.vatPence)} VAT at 20% = ${formatPence(p.quote.totalPence)}`,
      );
    for (const p of maintained.offer.renewals)
      expect(maintained.invitation.text).toContain(
        `${formatPence(p.quote.netPence)} (Outside the scope of VAT)`,
      );
    expect(maintained.invitation.text).not.toMatch(/VAT at 20%/);

    // Both renew; the confirmation states the VAT, and next year's billing run charges exactly what was offered.
    for (const o of offers) {
      const answered = await visitor.renewals.respond({ token: o.token, answer: { decision: 'renew' } });
      const net = o.offer.renewals.reduce((s, p) => s + p.quote.netPence, 0);
      const vat = o.offer.renewals.reduce((s, p) => s + p.quote.vatPence, 0);
      expect(answered.items).toContain(`Price before VAT: ${formatPence(net)}`);
      expect(answered.items).toContain(
        `VAT: ${vat > 0 ? `${formatPence(vat)} (VAT at 20%)` : 'Outside the scope of VAT'}`,
      );
      expect(answered.items).toContain(`Total to pay: ${formatPence(net + vat)}`);
      const confirmed = await emailTo(o.school.head, '%your services for%');
      expect(confirmed.text).toContain(`Total to pay: ${formatPence(net + vat)}`);
    }
    const run = await finance().invoices.previewRun({
      kind: 'subscriptions',
      upTo: academicYearStart(thisYear + 1),
      academicYear: thisYear + 1,
    });
    for (const o of offers) {
      const billed = run.invoices.filter((i) => i.schoolId === o.school.id);
      expect(billed.length).toBeGreaterThan(0);
      expect(billed.reduce((s, i) => s + i.netPence, 0)).toBe(
        o.offer.renewals.reduce((s, p) => s + p.quote.netPence, 0),
      );
      expect(billed.reduce((s, i) => s + i.vatPence, 0)).toBe(
        o.offer.renewals.reduce((s, p) => s + p.quote.vatPence, 0),
      );
    }
  });
});
