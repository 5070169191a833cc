import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { auditLog, outboxEmails } from '~/db/schema';
import { academicYearOf, academicYearStart, todayInLondon } from '~/server/catalogue/academic-year';
import { ZCreateCatalogueItemInput } from '~/server/catalogue/catalogue-inputs';
import { createCatalogueItem } from '~/server/catalogue/create-catalogue-item';
import { withMailroom } from '~/server/email/outbox';
import { deliverOutboxEmail } from '~/server/email/send-email';
import { addressOfToken, unsubscribeToken } from '~/server/governance/bulletin-unsubscribe';
import { subscribeSchool } from '~/server/subscriptions/subscribe-school';
import {
  addMembership,
  callerAs,
  makeSchool,
  makeTenant,
  makeUser,
  uniqueTag,
  type MadeTenant,
  type MadeUser,
} from '../fixtures/factories';
import { fakeSmtp } from '../fixtures/fake-smtp';
import { anonymousCaller, openTestDatabase } from './harness';

const year = academicYearOf(todayInLondon());

/**
 * The termly governor bulletin through the tRPC caller: two schools hold the governing-body package, a third
 * does not; a chair sits on both subscribed boards (one email), a clerk has no address. Composed, previewed,
 * sent once per address however often it is sent, and an address that unsubscribes by its link is skipped.
 */
describe('governor bulletin', () => {
  let database: Database;
  let tenant: MadeTenant;
  let officer: MadeUser;
  let head: MadeUser;
  const tag = uniqueTag();
  const address = (who: string) => `${who}-${tag}@governors.example`;
  let schoolA: { id: string };
  let schoolB: { id: string };
  let schoolC: { id: string };

  const as = (u: MadeUser) => callerAs(database.db, u, tenant.slug);
  const bulletinEmails = (subject: string) =>
    withMailroom(database.db, (tx) =>
      tx
        .select()
        .from(outboxEmails)
        .where(and(eq(outboxEmails.tenantId, tenant.id), like(outboxEmails.subject, `%${subject}%`))),
    );

  beforeAll(async () => {
    database = await openTestDatabase();
    tenant = await makeTenant(database.db, { modules: ['governance', 'traded'] });
    officer = await makeUser(database.db, { name: 'Olive Officer' });
    head = await makeUser(database.db, { name: 'Hal Head' });
    schoolA = await makeSchool(database.db, tenant.id, { name: 'Alder Primary' });
    schoolB = await makeSchool(database.db, tenant.id, { name: 'Beech Primary' });
    schoolC = await makeSchool(database.db, tenant.id, { name: 'Cedar Primary' });
    await addMembership(database.db, tenant.id, officer.id, 'la_officer');
    await addMembership(database.db, tenant.id, head.id, 'school_admin', schoolA.id);
    await withTenant(database.db, tenant.id, async (tx) => {
      const item = await createCatalogueItem(
        tx,
        tenant.id,
        ZCreateCatalogueItemInput.parse({
          academicYear: year,
          kind: 'package',
          code: 'GOV',
          name: 'Governor services',
          pricingBasis: 'governing_body',
          memberPrice: 850,
          nonMemberPrice: 1078,
          lines: [{ unit: 'governor_item', quantity: 3, description: '3 termly bulletins' }],
        }),
      );
      for (const school of [schoolA, schoolB])
        await subscribeSchool(tx, {
          tenantId: tenant.id,
          schoolId: school.id,
          itemId: item.id,
          units: 1,
          actorUserId: officer.id,
          today: academicYearStart(year),
        });
    });
    const add = (schoolId: string, name: string, category: string, extra: Record<string, unknown> = {}) =>
      as(officer).governance.addGovernor({
        schoolId,
        name,
        category,
        appointedOn: '2024-09-01',
        ...extra,
      } as never);
    // Alder: chair (also chair of Beech), clerk, a parent governor.
    await add(schoolA.id, 'Margaret Olu', 'co_opted', { office: 'chair', email: address('margaret') });
    await add(schoolA.id, 'Clara Clerk', 'clerk', { email: address('clara') });
    await add(schoolA.id, 'Pat Parent', 'parent', { email: address('pat') });
    // Beech: the same chair, a clerk with no email address.
    await add(schoolB.id, 'Margaret Olu', 'co_opted', { office: 'chair', email: address('margaret') });
    await add(schoolB.id, 'Bob Clerk', 'clerk');
    // Cedar holds no governor package: nobody there hears.
    await add(schoolC.id, 'Cyril Chair', 'co_opted', { office: 'chair', email: address('cyril') });
  });

  it('composes, previews and sends once per address; a second send sends nothing', async () => {
    const officerApi = as(officer);
    await expect(
      officerApi.governance.composeBulletin({ title: 'Hi', body: 'short', links: [] }),
    ).rejects.toThrow('Give the bulletin a title.');
    await expect(
      as(head).governance.composeBulletin({ title: 'Spring bulletin', body: 'x'.repeat(30) }),
    ).rejects.toThrow('Your role in this workspace does not allow this.');
    const title = `Spring term bulletin ${tag}`;
    const { id } = await officerApi.governance.composeBulletin({
      title,
      body: 'The new **Ofsted** toolkit is out.\n\n- Read the guidance\n- Book the briefing',
      links: [{ label: 'Governance handbook', url: 'https://www.gov.uk/governance-handbook' }],
    });
    const preview = await officerApi.governance.bulletin({ id });
    expect(preview.audience).toEqual({
      subscribersOnly: true,
      schools: 2,
      toSend: 2,
      alreadySent: 0,
      unsubscribed: 0,
      noEmail: 1,
    });
    expect(preview.preview.html).toContain('<strong>Ofsted</strong>');
    expect(preview.preview.text).toContain('Governance handbook');
    expect(preview.preview.text).toMatch(/\/unsubscribe\//);

    const first = await officerApi.governance.sendBulletin({ id });
    expect(first).toMatchObject({ sent: 2, alreadySent: 0, skippedUnsubscribed: 0, noEmail: 1, schools: 2 });
    const emails = await bulletinEmails(title);
    expect(emails.map((e) => e.to).sort()).toEqual([address('clara'), address('margaret')]);
    for (const e of emails) {
      expect(e.html).toContain('Book the briefing');
      expect(e.text).toContain(`http://stride.test/unsubscribe/${tenant.slug}/`);
    }

    const again = await officerApi.governance.sendBulletin({ id });
    expect(again).toMatchObject({ sent: 0, alreadySent: 2 });
    expect(await bulletinEmails(title)).toHaveLength(2);
    await expect(
      officerApi.governance.updateBulletin({
        id,
        bulletin: { title: 'Changed title', body: 'y'.repeat(30) },
      }),
    ).rejects.toThrow('This bulletin has been sent');

    const list = await officerApi.governance.bulletins();
    expect(list.find((b) => b.id === id)).toMatchObject({ recipients: 2, skippedNoEmail: 1 });
    expect(list.find((b) => b.id === id)?.sentAt).toBeInstanceOf(Date);
  });

  it('a workspace that sells no packages (an LA with governance only) writes to every board it keeps', async () => {
    const la = await makeTenant(database.db, { modules: ['governance'] });
    const school = await makeSchool(database.db, la.id, { name: 'Rowan Primary' });
    const laOfficer = await makeUser(database.db);
    await addMembership(database.db, la.id, laOfficer.id, 'la_officer');
    const laApi = callerAs(database.db, laOfficer, la.slug);
    await laApi.governance.addGovernor({
      schoolId: school.id,
      name: 'Rhona Chair',
      category: 'co_opted',
      office: 'chair',
      appointedOn: '2024-09-01',
      email: address('rhona'),
    } as never);
    const { id } = await laApi.governance.composeBulletin({
      title: `Rutland bulletin ${tag}`,
      body: 'Training dates for the spring term are out.',
      links: [],
    });
    const preview = await laApi.governance.bulletin({ id });
    expect(preview.audience).toMatchObject({ subscribersOnly: false, schools: 1, toSend: 1 });
    expect(await laApi.governance.sendBulletin({ id })).toMatchObject({ sent: 1 });
  });

  it('honours the unsubscribe link on the next send, and includes every governor when asked', async () => {
    const [email] = (await bulletinEmails(`Spring term bulletin ${tag}`)).filter(
      (e) => e.to === address('clara'),
    );
    const token = email?.text?.match(/\/unsubscribe\/[^/]+\/(\S+)/)?.[1] ?? '';
    expect(addressOfToken(tenant.id, token)).toBe(address('clara'));
    // Anyone holding the link, signed in or not, through the bulletin link's procedures.
    const visitor = anonymousCaller(database.db);
    const link = { tenant: tenant.slug, token };
    // A forged or foreign token does nothing.
    await expect(
      visitor.bulletinLinks.unsubscribe({ ...link, token: `${token.slice(0, -2)}xx` }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('not valid') });
    const other = await makeTenant(database.db, { modules: ['governance'] });
    await expect(
      visitor.bulletinLinks.status({
        tenant: other.slug,
        token: unsubscribeToken(tenant.id, address('clara')),
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Opening the link (as a mail scanner does) only reads.
    expect(await visitor.bulletinLinks.status(link)).toEqual({
      workspaceName: tenant.name,
      email: address('clara'),
      subscribed: true,
    });
    expect(await visitor.bulletinLinks.status(link)).toMatchObject({ subscribed: true });
    expect(await visitor.bulletinLinks.unsubscribe(link)).toMatchObject({
      email: address('clara'),
      subscribed: false,
    });
    expect(await visitor.bulletinLinks.status(link)).toMatchObject({ subscribed: false });
    // A second click changes nothing.
    await visitor.bulletinLinks.unsubscribe(link);
    // Both changes are in the workspace's audit log, by the link.
    const audited = await withTenant(database.db, tenant.id, (tx) =>
      tx
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(like(auditLog.action, 'governance.bulletin%')),
    );
    expect(
      audited.filter((a) => a.action === 'governance.bulletinUnsubscribe').length,
    ).toBeGreaterThanOrEqual(2);

    const title = `Summer term bulletin ${tag}`;
    const { id } = await as(officer).governance.composeBulletin({
      title,
      body: 'Everything the board needs for the summer term.',
      includeAllGovernors: true,
    });
    const sent = await as(officer).governance.sendBulletin({ id });
    // Margaret (once for two boards) and Pat; Clara unsubscribed; Bob has no address; Cedar not subscribed.
    expect(sent).toMatchObject({ sent: 2, skippedUnsubscribed: 1, noEmail: 1 });
    expect((await bulletinEmails(title)).map((e) => e.to).sort()).toEqual([
      address('margaret'),
      address('pat'),
    ]);

    // Subscribing again (from the same page) puts Clara back for the next bulletin.
    await visitor.bulletinLinks.subscribe(link);
    expect(await visitor.bulletinLinks.status(link)).toMatchObject({ subscribed: true });
    const later = await as(officer).governance.composeBulletin({
      title: `Autumn term bulletin ${tag}`,
      body: 'Back to school: what the board does first.',
    });
    expect((await as(officer).governance.sendBulletin({ id: later.id })).sent).toBe(2);
  });

  it('each bulletin carries List-Unsubscribe headers (RFC 8058); a POST to their URL unsubscribes', async () => {
    const smtp = await fakeSmtp();
    afterAll(() => smtp.close());
    const title = `Headers bulletin ${tag}`;
    const { id } = await as(officer).governance.composeBulletin({
      title,
      body: 'A bulletin whose email a mail client can unsubscribe from by itself.',
    });
    await as(officer).governance.sendBulletin({ id });
    const [email] = (await bulletinEmails(title)).filter((e) => e.to === address('margaret'));
    if (!email) throw new Error('no email to Margaret');
    const oneClick = email.headers?.['List-Unsubscribe'] ?? '';
    expect(oneClick).toMatch(
      new RegExp(`^<http://stride\\.test/unsubscribe/${tenant.slug}/\\S+/one-click>$`),
    );
    expect(email.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');

    // Delivered over SMTP, the message carries both headers as they were queued.
    await withMailroom(database.db, (tx) =>
      tx.update(outboxEmails).set({ status: 'queued' }).where(eq(outboxEmails.id, email.id)),
    );
    expect(
      await deliverOutboxEmail(database.db, email.id, { mailer: { smtpUrl: smtp.url }, lastAttempt: true }),
    ).toBe('sent');
    const raw = (smtp.messages.find((m) => m.includes(address('margaret'))) ?? '').replace(
      /\r\n[ \t]+/g,
      ' ',
    );
    expect(raw).toContain(`List-Unsubscribe: ${oneClick}`);
    expect(raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');

    // The mail client's one-click POST (its route handler calls this procedure, with no session) unsubscribes
    // Margaret.
    const [slug, token] = oneClick
      .replace(/^<.*\/unsubscribe\//, '')
      .replace(/\/one-click>$/, '')
      .split('/');
    const mailClient = anonymousCaller(database.db);
    await expect(
      mailClient.bulletinLinks.unsubscribe({ tenant: slug ?? '', token: `${token ?? ''}x` }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await mailClient.bulletinLinks.unsubscribe({ tenant: slug ?? '', token: token ?? '' }),
    ).toMatchObject({
      email: address('margaret'),
      subscribed: false,
    });
    const next = await as(officer).governance.composeBulletin({
      title: `After one-click ${tag}`,
      body: 'Margaret no longer receives these bulletins.',
    });
    const sent = await as(officer).governance.sendBulletin({ id: next.id });
    expect(sent.skippedUnsubscribed).toBeGreaterThanOrEqual(1);
    expect((await bulletinEmails(`After one-click ${tag}`)).map((e) => e.to)).not.toContain(
      address('margaret'),
    );
  });

  it('keeps paragraphs, line breaks and lists (plain text too), and goes to every governor and clerk on the registers when chosen', async () => {
    const officerApi = as(officer);
    const title = `Register-wide notice ${tag}`;
    const { id } = await officerApi.governance.composeBulletin({
      title,
      body: 'Dear governors,\nA new term begins.\nPlease read on.\n\nDates:\n- 12 January: **chairs** briefing\n- 3 February: <b>safeguarding</b>\n\nThank you.',
      audience: 'all_boards',
    });
    const preview = await officerApi.governance.bulletin({ id });
    expect(preview.bulletin.audience).toBe('all_boards');
    // Every board, Cedar's (no package) included.
    expect(preview.audience).toMatchObject({ subscribersOnly: false, schools: 3 });
    expect(preview.preview.text).toContain('Dear governors,\nA new term begins.\nPlease read on.');
    expect(preview.preview.text).toMatch(
      /Dates:\n+ \* 12 January: chairs briefing\n \* 3 February: <b>safeguarding<\/b>/,
    );
    expect(preview.preview.text).toContain('on ' + tenant.name);
    // Typed markup stays text: escaped in the HTML part, never a tag.
    expect(preview.preview.html).toContain('&lt;b&gt;safeguarding&lt;/b&gt;');
    expect(preview.preview.html).toMatch(/A new term begins\.<br\/?>Please read on\./);
    expect(preview.preview.html).toContain('<li');
    await officerApi.governance.sendBulletin({ id });
    const sent = (await bulletinEmails(title)).map((e) => e.to);
    // Cedar's chair (no package) and a clerk hear; earlier tests' unsubscribed addresses stay skipped.
    expect(sent).toEqual(expect.arrayContaining([address('cyril'), address('clara')]));
    expect(new Set(sent).size).toBe(sent.length);
  });
});
