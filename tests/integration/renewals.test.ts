import { and, desc, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { withMailroom } from '~/server/email/outbox';
import { auditLog, outboxEmails } from '~/db/schema';
import { academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { makeDemoWorkspace, type DemoWorkspace } from '../fixtures/factories';
import { anonymousCaller, openTestDatabase, testAppUrl } from './harness';

const thisYear = academicYearOf(todayInLondon());
const inAMonth = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe('buy-back renewals (BPSI)', () => {
  let database: Database;
  let barnet: DemoWorkspace;

  beforeAll(async () => {
    database = await openTestDatabase();
    // A copy of Barnet of this file's own, so the suite can run again on the same database.
    barnet = await makeDemoWorkspace(database.db, 'barnet');
  });

  async function latestLink(email: string) {
    const [message] = await withMailroom(database.db, (tx) =>
      tx
        .select()
        .from(outboxEmails)
        .where(and(eq(outboxEmails.to, barnet.email(email)), like(outboxEmails.subject, '%Renew%')))
        .orderBy(desc(outboxEmails.createdAt))
        .limit(1),
    );
    const token = message?.text?.match(
      new RegExp(`${testAppUrl}/renew/${barnet.slug}/([A-Za-z0-9_-]+)`),
    )?.[1];
    if (!message || !token) throw new Error(`no renewal email for ${email}`);
    return { token, message };
  }

  it('runs a buy-back season end to end', async () => {
    const manager = await barnet.caller('head.si@barnet.example');
    await expect(manager.renewals.open({ fromYear: thisYear, closesOn: inAMonth })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    const copied = await manager.catalogue.copyForward({ fromYear: thisYear, upliftPercent: 3 });
    expect(copied.toYear).toBe(thisYear + 1);
    await expect(manager.renewals.open({ fromYear: thisYear, closesOn: '2000-01-01' })).rejects.toMatchObject(
      {
        code: 'BAD_REQUEST',
      },
    );

    const opened = await manager.renewals.open({ fromYear: thisYear, closesOn: inAMonth, targetPercent: 90 });
    const subscribers = new Set(
      (await manager.subscriptions.list({})).filter((s) => s.status === 'active').map((s) => s.schoolId),
    );
    expect(opened.invited).toBeGreaterThan(0);
    expect(opened.invited).toBeLessThanOrEqual(subscribers.size);
    await expect(manager.renewals.open({ fromYear: thisYear, closesOn: inAMonth })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    // The email went out after commit; the link works without signing in, for this workspace only.
    const { token, message } = await latestLink('head@coppettswood.sch.example');
    expect(message.status).toBe('kept');
    const visitor = anonymousCaller(database.db, barnet.slug);
    const offer = await visitor.renewals.offer({ token });
    expect(offer.school.name).toBe('Coppetts Wood Primary School');
    // Barnet is a local authority: the page names it and its prices, never "the partnership".
    expect(offer.providerName).toBe(barnet.name);
    expect(offer.priceNames).toEqual({ member: 'Member', nonMember: 'Non-member' });
    const bpsi = offer.renewals.find((p) => p.code === `BPSI-SUB-${thisYear + 1}`);
    expect(bpsi?.quote.termsCharged).toBe(3);
    await expect(anonymousCaller(database.db, 'hsip').renewals.offer({ token })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(visitor.renewals.offer({ token: 'x'.repeat(32) })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const answered = await visitor.renewals.respond({
      token,
      answer: { decision: 'renew', purchaseOrderNumber: 'PO-2027-1' },
    });
    expect(answered).toMatchObject({ decision: 'renewed', subscribed: 1 });
    await expect(visitor.renewals.respond({ token, answer: { decision: 'decline' } })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: `Your school has already answered. To change it, contact ${barnet.name}.`,
    });
    const nextYear = await manager.subscriptions.list({
      academicYear: thisYear + 1,
      schoolId: offer.school.id,
    });
    expect(nextYear.map((s) => s.itemCode)).toEqual([`BPSI-SUB-${thisYear + 1}`]);
    expect(nextYear[0]?.purchaseOrderNumber).toBe('PO-2027-1');

    const head = barnet.user('head@coppettswood.sch.example');
    const audited = await withTenant(database.db, barnet.id, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, 'renewals.respond')),
    );
    expect(audited.map((a) => a.actorUserId)).toContain(head.id);

    const decliner = await latestLink('sbm@whitchurch.sch.example');
    await visitor.renewals.respond({
      token: decliner.token,
      answer: { decision: 'decline', reason: 'Buying from HSIP only next year' },
    });

    const uptake = await manager.renewals.uptake();
    expect(uptake).toMatchObject({
      invited: opened.invited,
      renewed: 1,
      declined: 1,
      pending: opened.invited - 2,
    });
    expect(uptake?.signedPercent).toBeCloseTo((100 * 1) / opened.invited, 1);
    const bpsiIncome = uptake?.byPackage.find((p) => p.code === `BPSI-SUB-${thisYear + 1}`);
    expect(bpsiIncome?.nextYearSchools).toBe(1);
    expect(bpsiIncome?.thisYearPence).toBeGreaterThan(bpsiIncome?.nextYearPence ?? 0);

    const reminded = await manager.renewals.remind({ roundId: uptake?.round.id ?? '' });
    expect(reminded.reminded).toBe(opened.invited - 2);
    const again = await latestLink('head@coppettswood.sch.example');
    expect(again.token).toBe(token);
  });

  it('only a manager opens renewals or sees uptake', async () => {
    const finance = await barnet.caller('finance@barnet.example');
    await expect(finance.renewals.open({ fromYear: thisYear, closesOn: inAMonth })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const head = await barnet.caller('head@coppettswood.sch.example');
    await expect(head.renewals.uptake()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
