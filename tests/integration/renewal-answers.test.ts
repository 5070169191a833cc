import { and, desc, eq, like, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { withMailroom } from '~/server/email/outbox';
import { outboxEmails } from '~/db/schema';
import { academicYearLabel, academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { makeDemoWorkspace, type DemoWorkspace } from '../fixtures/factories';
import { anonymousCaller, openTestDatabase, testAppUrl } from './harness';

const thisYear = academicYearOf(todayInLondon());
const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
const nextYearLabel = academicYearLabel(thisYear + 1);

describe('answering a buy-back renewal by its link', () => {
  let database: Database;
  let barnet: DemoWorkspace;

  beforeAll(async () => {
    database = await openTestDatabase();
    barnet = await makeDemoWorkspace(database.db, 'barnet');
  });

  const emailsTo = (email: string, subject: string) =>
    withMailroom(database.db, (tx) =>
      tx
        .select()
        .from(outboxEmails)
        .where(and(eq(outboxEmails.to, barnet.email(email)), like(outboxEmails.subject, subject)))
        .orderBy(desc(outboxEmails.createdAt)),
    );

  async function linkFor(email: string) {
    const [message] = await emailsTo(email, '%Renew%');
    const token = message?.text?.match(
      new RegExp(`${testAppUrl}/renew/${barnet.slug}/([A-Za-z0-9_-]+)`),
    )?.[1];
    if (!token) throw new Error(`no renewal email for ${email}`);
    return token;
  }

  it('compares full years, and confirms each answer to the school and the managers', async () => {
    const manager = await barnet.caller('head.si@barnet.example');
    await manager.catalogue.copyForward({ fromYear: thisYear, upliftPercent: 3 });
    await manager.renewals.open({ fromYear: thisYear, closesOn: inAMonth });
    const visitor = anonymousCaller(database.db, barnet.slug);
    const token = await linkFor('head@coppettswood.sch.example');
    const before = await visitor.renewals.offer({ token });

    // Coppetts Wood joined for the last two terms: it paid two thirds of the year.
    await withTenant(database.db, barnet.id, (tx) =>
      tx.execute(sql`update subscriptions set net_price_pence = round(net_price_pence * 2 / 3), terms_charged = 2
        where school_id = ${before.school.id} and academic_year = ${thisYear}`),
    );
    const offer = await visitor.renewals.offer({ token });
    const bpsi = offer.renewals.find((p) => p.code === `BPSI-SUB-${thisYear + 1}`);
    if (!bpsi?.current) throw new Error('no BPSI subscription carried forward');
    // Like with like: this year's full-year price against next year's, up by the 3% uplift, not by half again.
    expect(bpsi.current.fullYearPence).toBeGreaterThan(bpsi.current.netPence);
    expect(bpsi.comparison).toMatch(
      new RegExp(`for the full year; ${nextYearLabel} £[\\d,]+\\.\\d\\d \\(up (2\\.9|3\\.0|3\\.1)%\\)$`),
    );
    expect(bpsi.paidThisYear).toMatch(/^You paid £[\d,]+\.\d\d in \S+, for the 2 terms after you joined\.$/);

    const answered = await visitor.renewals.respond({
      token,
      answer: { decision: 'renew', purchaseOrderNumber: 'PO-2027-7' },
    });
    expect(answered.summary).toBe(`Coppetts Wood Primary School renewed its services for ${nextYearLabel}.`);
    expect(answered.items).toContain('Purchase-order number: PO-2027-7');
    expect(answered.items.some((i) => /^Price before VAT: £[\d,]+\.\d\d$/.test(i))).toBe(true);
    expect(answered.items.some((i) => /^Total to pay: £[\d,]+\.\d\d$/.test(i))).toBe(true);
    // The thank-you page repeats the choice.
    const thanked = await visitor.renewals.offer({ token });
    expect(thanked.chosen.map((c) => c.purchaseOrderNumber)).toEqual(['PO-2027-7']);

    // The school's heads/SBMs get a confirmation of what was chosen; the workspace's managers are told.
    const [toSchool] = await emailsTo('head@coppettswood.sch.example', '%your services for%');
    expect(toSchool?.subject).toBe(`Coppetts Wood Primary School: your services for ${nextYearLabel}`);
    expect(toSchool?.text).toContain('PO-2027-7');
    expect(toSchool?.text).toMatch(/Price before VAT: £[\d,]+\.\d\d/);
    const [toManager] = await emailsTo('head.si@barnet.example', 'Buy-back:%');
    expect(toManager?.subject).toBe(`Buy-back: Coppetts Wood Primary School renewed for ${nextYearLabel}`);
    expect(toManager?.text).toContain('PO-2027-7');

    // A decline needs no purchase order; its reason is confirmed the same way.
    const decliner = await linkFor('sbm@whitchurch.sch.example');
    const declined = await visitor.renewals.respond({
      token: decliner,
      answer: { decision: 'decline', reason: 'Buying from HSIP only next year' },
    });
    expect(declined.items).toEqual(['Reason given: Buying from HSIP only next year']);
    const [declineNotice] = await emailsTo('sbm@whitchurch.sch.example', '%your services for%');
    expect(declineNotice?.text).toContain('declined its services');
    expect(await emailsTo('head.si@barnet.example', 'Buy-back:%declined%')).toHaveLength(1);
  });
});
