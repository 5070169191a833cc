import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { catalogueItems, chargeableItems, invoices, schoolContacts, schools } from '~/db/schema';
import { academicYearLabel, academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { nextYearCode } from '~/server/catalogue/catalogue-codes';
import { formatPence } from '~/server/catalogue/money';
import { renderEmail } from '~/server/email/templates';
import { longDate } from '~/server/format/dates';
import { addDays } from '~/server/invoicing/rules';
import { sendOverdueReminders } from '~/server/invoicing/send-overdue-reminders';
import {
  addMembership,
  callerAs,
  makeDemoWorkspace,
  makeTenant,
  makeUser,
  outboxTo,
  type DemoWorkspace,
} from '../fixtures/factories';
import { ownCourse, schoolWithStaffAndHeads } from './course-fixtures';
import { openTestDatabase } from './harness';

const year = academicYearOf(todayInLondon());
const today = todayInLondon();

const settingsInput = {
  legalName: 'London Borough of Barnet',
  address: '2 Bristol Avenue, Colindale, London NW9 4EW',
  vatNumber: 'GB123456789',
  invoicePrefix: 'MG-',
  creditNotePrefix: 'MGC-',
  journalPrefix: 'MGJ-',
  paymentTermsDays: 30,
  bankDetails: 'Sort code 00-00-00, account 12345678',
  logoUrl: null,
  standardRateBasisPoints: 2000,
  vatRules: [
    { productKind: 'any' as const, customerCategory: 'any' as const, treatment: 'standard' as const },
  ],
  financeCodes: {},
  subscriptionBilling: 'annual' as const,
  journalForMaintained: false,
  reminderDays: [7, 30],
};

/** Coppetts Wood's headteacher has an account in Barnet: its invoices have someone to go to. */
const coppettsWood = 101262;

describe('money a partnership found missing in its first term', () => {
  let database: Database;
  let barnet: DemoWorkspace;
  const finance = () => barnet.caller('finance@barnet.example');
  const inTenant = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(database.db, barnet.id, fn);

  beforeAll(async () => {
    database = await openTestDatabase();
    barnet = await makeDemoWorkspace(database.db, 'barnet');
    await finance().invoices.updateSettings(settingsInput);
  });

  /** One uninvoiced charge for each school, billed by a charges run: the run's drafts. */
  async function chargeAndBill(schoolIds: string[], pence = 10_000) {
    await inTenant((tx) =>
      tx.insert(chargeableItems).values(
        schoolIds.map((schoolId) => ({
          tenantId: barnet.id,
          schoolId,
          description: 'Consultancy day',
          quantityHundredths: 100,
          unitPricePence: pence,
          netPence: pence,
          vatRateBasisPoints: 2000,
          pricedAsMember: true,
        })),
      ),
    );
    const run = await finance().invoices.run({ kind: 'charges', upTo: today });
    return finance().invoices.list({ billingRunId: run.id });
  }

  /** An open school with no finance contact and no headteacher account: nobody to send its invoices to. */
  async function schoolWithNobody(skip: string[] = []) {
    const [row] = await inTenant((tx) =>
      tx
        .select({ id: schools.id, name: schools.name })
        .from(schools)
        .where(
          and(
            eq(schools.status, 'open'),
            sql`not exists (select 1 from school_contacts c where c.school_id = ${schools.id} and c.role = 'finance')`,
            sql`not exists (select 1 from memberships m where m.school_id = ${schools.id} and m.role = 'school_admin')`,
            skip.length > 0 ? sql`${schools.id} not in ${skip}` : undefined,
          ),
        )
        .orderBy(schools.urn)
        .limit(1),
    );
    if (!row) throw new Error('no school without recipients');
    return row;
  }

  it('the dashboards show what is owed and overdue, counted as the filtered invoice list counts it', async () => {
    const headed = barnet.schoolId(coppettsWood);
    const nobody = await schoolWithNobody();
    const before = await finance().invoices.owed();
    const drafts = await chargeAndBill([headed, nobody.id], 12_000);
    expect(drafts).toHaveLength(2);
    // A draft owes nothing yet.
    expect(await finance().invoices.owed()).toEqual(before);
    for (const d of drafts) await finance().invoices.issue({ id: d.id, sendItMyself: true });
    const overdueId = drafts.find((d) => d.schoolId === nobody.id)?.id ?? '';
    await inTenant((tx) =>
      tx
        .update(invoices)
        .set({ dueOn: addDays(today, -3) })
        .where(eq(invoices.id, overdueId)),
    );
    // Part of the headed school's invoice is paid: what is owed is what is left.
    const headedId = drafts.find((d) => d.schoolId === headed)?.id ?? '';
    await finance().invoices.recordPayment({
      schoolId: headed,
      method: 'bacs',
      reference: 'BACS 1',
      receivedOn: today,
      amountPence: 4_000,
      allocations: [{ invoiceId: headedId, amountPence: 4_000 }],
    });

    const owed = await finance().invoices.owed();
    expect(owed.outstanding.invoices).toBe(before.outstanding.invoices + 2);
    expect(owed.outstanding.pence).toBe(before.outstanding.pence + 14_400 * 2 - 4_000);
    expect(owed.overdue.invoices).toBe(before.overdue.invoices + 1);
    expect(owed.overdue.pence).toBe(before.overdue.pence + 14_400);
    // Each figure opens the list it counts.
    const outstanding = await finance().invoices.list({ owing: 'outstanding' });
    const overdue = await finance().invoices.list({ owing: 'overdue' });
    expect(outstanding).toHaveLength(owed.outstanding.invoices);
    expect(outstanding.reduce((s, r) => s + (r.outstandingPence ?? 0), 0)).toBe(owed.outstanding.pence);
    expect(overdue.map((r) => r.id)).toContain(overdueId);
    expect(overdue).toHaveLength(owed.overdue.invoices);

    // The headteacher sees only what their school owes, and nothing overdue.
    const head = barnet.caller('head@coppettswood.sch.example');
    const own = await head.invoices.owed();
    expect(own.outstanding).toEqual({ invoices: 1, pence: 14_400 - 4_000 });
    expect(own.overdue).toEqual({ invoices: 0, pence: 0 });
    const ownList = await head.invoices.list({ owing: 'outstanding' });
    expect(ownList.map((r) => r.id)).toEqual([headedId]);
  });

  it('a draft owes nothing: its outstanding is empty, not £0.00, in the list and on its page', async () => {
    const [draft] = await chargeAndBill([(await schoolWithNobody()).id], 5_000);
    expect(draft?.status).toBe('draft');
    expect(draft?.outstandingPence).toBeNull();
    expect((await finance().invoices.byId({ id: draft?.id ?? '' })).outstandingPence).toBe(0);
    await finance().invoices.issue({ id: draft?.id ?? '', sendItMyself: true });
    const [issued] = await finance().invoices.list({ billingRunId: draft?.billingRunId ?? undefined });
    expect(issued?.outstandingPence).toBe(6_000);
  });

  it('an invoice with nobody to send it to is flagged and not issued until someone says they will send it', async () => {
    const nobody = await schoolWithNobody();
    const [draft] = await chargeAndBill([nobody.id]);
    expect(draft?.noRecipient).toBe(true);
    const page = await finance().invoices.byId({ id: draft?.id ?? '' });
    expect(page.recipients).toEqual([]);
    await expect(finance().invoices.issue({ id: draft?.id ?? '' })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining(`No one to send it to: ${nobody.name} has no finance contact`),
    });
    // Nothing was numbered or issued.
    expect((await finance().invoices.byId({ id: draft?.id ?? '' })).invoice).toMatchObject({
      status: 'draft',
      number: null,
    });
    const issued = await finance().invoices.issue({ id: draft?.id ?? '', sendItMyself: true });
    expect(issued.emailedTo).toEqual([]);
    expect(issued.number).toMatch(/^MG-/);

    // Once the school has a finance contact, issuing emails them and says so.
    const other = await schoolWithNobody([nobody.id]);
    const [next] = await chargeAndBill([other.id]);
    expect(next?.noRecipient).toBe(true);
    const contact = `accounts-${barnet.tag}@school.example`;
    await inTenant((tx) =>
      tx.insert(schoolContacts).values({
        tenantId: barnet.id,
        schoolId: other.id,
        role: 'finance',
        name: 'Pat Accounts',
        email: contact,
      }),
    );
    const [flagged] = await finance().invoices.list({ billingRunId: next?.billingRunId ?? undefined });
    expect(flagged?.noRecipient).toBe(false);
    expect((await finance().invoices.byId({ id: next?.id ?? '' })).recipients).toEqual([
      { name: 'Pat Accounts', email: contact },
    ]);
    expect((await finance().invoices.issue({ id: next?.id ?? '' })).emailedTo).toEqual([contact]);
    expect(await outboxTo(database.db, contact, 'Invoice')).toHaveLength(1);
  });

  it('a credit note or an overdue reminder for a school with nobody to email does not go nowhere unseen', async () => {
    const nobody = await schoolWithNobody();
    const [draft] = await chargeAndBill([nobody.id]);
    const id = draft?.id ?? '';
    const { number } = await finance().invoices.issue({ id, sendItMyself: true });
    // Issued, and nobody to send a credit note to: its page says so (recipients empty).
    expect((await finance().invoices.byId({ id })).recipients).toEqual([]);

    // Due 10 days ago: the 7-day reminder is due, and the job has nobody to send it to.
    await inTenant((tx) =>
      tx
        .update(invoices)
        .set({ dueOn: addDays(today, -10) })
        .where(eq(invoices.id, id)),
    );
    const summary = await inTenant((tx) =>
      sendOverdueReminders(tx, {
        tenantId: barnet.id,
        tenantName: barnet.name,
        tenantSlug: barnet.slug,
        appUrl: 'http://stride.test',
        today,
      }),
    );
    expect(summary.notReminded).toContain(number);
    const listed = (await finance().invoices.list({ owing: 'overdue' })).find((r) => r.id === id);
    expect(listed?.reminderNotSentOn).toBe(today);
    expect((await finance().invoices.byId({ id })).reminder).toEqual({ state: 'not_sent', triedOn: today });
    // Not a reminder due yet (due yesterday, first reminder at 7 days): nothing to flag.
    await inTenant((tx) =>
      tx
        .update(invoices)
        .set({ dueOn: addDays(today, -1) })
        .where(eq(invoices.id, id)),
    );
    expect((await finance().invoices.byId({ id })).reminder).toBeNull();
    await inTenant((tx) =>
      tx
        .update(invoices)
        .set({ dueOn: addDays(today, -10) })
        .where(eq(invoices.id, id)),
    );

    // A credit note raised meanwhile is emailed to nobody, and whoever raised it is told so.
    const lines = (await finance().invoices.byId({ id })).lines;
    const note = await finance().invoices.creditNote({
      invoiceId: id,
      reason: 'Half day not delivered',
      scope: 'partial',
      lines: [{ invoiceLineId: lines[0]?.id ?? '', netPence: 100 }],
    });
    expect(note.emailedTo).toEqual([]);

    // Once the school has a finance contact, the flag goes (the next run sends the reminder) and credit notes
    // are emailed to them.
    const contact = `credits-${barnet.tag}@school.example`;
    await inTenant((tx) =>
      tx.insert(schoolContacts).values({
        tenantId: barnet.id,
        schoolId: nobody.id,
        role: 'finance',
        name: 'Sam Ledger',
        email: contact,
      }),
    );
    expect(
      (await finance().invoices.list({ owing: 'overdue' })).find((r) => r.id === id)?.reminderNotSentOn,
    ).toBeNull();
    expect((await finance().invoices.byId({ id })).reminder).toBeNull();
    const second = await finance().invoices.creditNote({
      invoiceId: id,
      reason: 'Another half day not delivered',
      scope: 'partial',
      lines: [{ invoiceLineId: lines[0]?.id ?? '', netPence: 100 }],
    });
    expect(second.emailedTo).toEqual([contact]);
  });

  it('"reminder not sent" is what the reminder job found, with the day it tried; nothing alarming before it has', async () => {
    const nobody = await schoolWithNobody();
    const [draft] = await chargeAndBill([nobody.id]);
    const id = draft?.id ?? '';
    await finance().invoices.issue({ id, sendItMyself: true });
    await inTenant((tx) =>
      tx
        .update(invoices)
        .set({ dueOn: addDays(today, -10) })
        .where(eq(invoices.id, id)),
    );
    const listedReminder = async () =>
      (await finance().invoices.list({ owing: 'overdue' })).find((r) => r.id === id)?.reminderNotSentOn;
    const stored = async () =>
      (
        await inTenant((tx) =>
          tx
            .select({ on: invoices.reminderNoRecipientOn, sent: invoices.remindersSent })
            .from(invoices)
            .where(eq(invoices.id, id)),
        )
      )[0];

    // A reminder is owed and nobody can be emailed, but no run has tried: the list says nothing, the page only
    // that the next run will check.
    expect(await listedReminder()).toBeNull();
    expect((await finance().invoices.byId({ id })).reminder).toEqual({ state: 'unchecked' });

    // Today's run, as the manager starts it from Jobs (the scheduled job's own function and claim).
    await barnet.caller('head.si@barnet.example').jobs.runNow({ job: 'invoice-reminders' });
    expect(await stored()).toEqual({ on: today, sent: 0 });
    expect(await listedReminder()).toBe(today);
    expect((await finance().invoices.byId({ id })).reminder).toEqual({ state: 'not_sent', triedOn: today });

    // Someone to email now: no warning (the next run sends it), and when it does the invoice forgets the miss.
    const contact = `reminders-${barnet.tag}@school.example`;
    await inTenant((tx) =>
      tx.insert(schoolContacts).values({
        tenantId: barnet.id,
        schoolId: nobody.id,
        role: 'finance',
        name: 'Robin Accounts',
        email: contact,
      }),
    );
    expect(await listedReminder()).toBeNull();
    expect((await finance().invoices.byId({ id })).reminder).toBeNull();
    const tomorrow = addDays(today, 1);
    await inTenant((tx) =>
      sendOverdueReminders(tx, {
        tenantId: barnet.id,
        tenantName: barnet.name,
        tenantSlug: barnet.slug,
        appUrl: 'http://stride.test',
        today: tomorrow,
      }),
    );
    expect(await stored()).toEqual({ on: null, sent: 1 });
    expect(await outboxTo(database.db, contact, 'Reminder')).toHaveLength(1);
  });

  it('issuing a run leaves the drafts with nobody to send them to as drafts, and names them', async () => {
    const nobody = await schoolWithNobody();
    const headed = barnet.schoolId(coppettsWood);
    const drafts = await chargeAndBill([nobody.id, headed]);
    const result = await finance().invoices.issueRun({ billingRunId: drafts[0]?.billingRunId ?? '' });
    expect(result.issued).toBe(1);
    expect(result.noRecipient).toEqual([
      { id: drafts.find((d) => d.schoolId === nobody.id)?.id, customerName: nobody.name },
    ]);
    const after = await finance().invoices.list({ billingRunId: drafts[0]?.billingRunId ?? undefined });
    expect(after.find((d) => d.schoolId === nobody.id)?.status).toBe('draft');
    expect(after.find((d) => d.schoolId === headed)?.status).toBe('issued');
  });

  it('a subscription invoice credited in full is billed again; one credited in part is not', async () => {
    const input = { kind: 'subscriptions' as const, upTo: today, academicYear: year };
    const run = await finance().invoices.run(input);
    const drafts = await finance().invoices.list({ billingRunId: run.id });
    expect(drafts.length).toBeGreaterThan(2);
    const [full, part] = drafts;
    if (!full || !part) throw new Error('no drafts');
    for (const d of [full, part]) await finance().invoices.issue({ id: d.id, sendItMyself: true });
    expect((await finance().invoices.previewRun(input)).invoices).toEqual([]);

    // A part credit: the terms stay invoiced.
    const partLines = (await finance().invoices.byId({ id: part.id })).lines;
    await finance().invoices.creditNote({
      invoiceId: part.id,
      reason: 'One day not delivered',
      scope: 'partial',
      lines: [{ invoiceLineId: partLines[0]?.id ?? '', netPence: 100 }],
    });
    expect((await finance().invoices.previewRun(input)).invoices).toEqual([]);

    // Credited in two notes to its whole value: its terms are no longer invoiced, and the run bills them again.
    const fullLines = (await finance().invoices.byId({ id: full.id })).lines;
    await finance().invoices.creditNote({
      invoiceId: full.id,
      reason: 'Wrong price',
      scope: 'partial',
      lines: [{ invoiceLineId: fullLines[0]?.id ?? '', netPence: 100 }],
    });
    expect((await finance().invoices.previewRun(input)).invoices).toEqual([]);
    await finance().invoices.creditNote({ invoiceId: full.id, reason: 'Wrong price', scope: 'full' });
    const preview = await finance().invoices.previewRun(input);
    expect(preview.invoices.map((i) => i.schoolId)).toEqual([full.schoolId]);
    expect(preview.invoices[0]?.netPence).toBe(full.netPence);
    const again = await finance().invoices.run(input);
    const [rebilled] = await finance().invoices.list({ billingRunId: again.id });
    expect((await finance().invoices.byId({ id: rebilled?.id ?? '' })).lines.map((l) => l.sourceKey)).toEqual(
      fullLines.map((l) => l.sourceKey),
    );
    // Billed once more, and no more.
    expect((await finance().invoices.previewRun(input)).invoices).toEqual([]);
  });
});

describe('invoice documents and lines', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('a journal prints no due date and no way to pay: only that it is settled by journal', async () => {
    const barnet = await makeDemoWorkspace(database.db, 'barnet');
    const finance = barnet.caller('finance@barnet.example');
    await finance.invoices.updateSettings({ ...settingsInput, journalForMaintained: true });
    const [maintained] = await withTenant(database.db, barnet.id, (tx) =>
      tx
        .select({ id: schools.id })
        .from(schools)
        .where(
          and(
            eq(schools.status, 'open'),
            eq(schools.laCode, '302'),
            inArray(schools.typeGroup, ['Local authority maintained schools']),
          ),
        )
        .limit(1),
    );
    await withTenant(database.db, barnet.id, (tx) =>
      tx.insert(chargeableItems).values({
        tenantId: barnet.id,
        schoolId: maintained?.id ?? '',
        description: 'Governor clerking',
        quantityHundredths: 100,
        unitPricePence: 9_000,
        netPence: 9_000,
        vatRateBasisPoints: 0,
        pricedAsMember: true,
      }),
    );
    const run = await finance.invoices.run({ kind: 'charges', upTo: today });
    const [journal] = await finance.invoices.list({ billingRunId: run.id });
    expect(journal?.kind).toBe('journal');
    await finance.invoices.issue({ id: journal?.id ?? '' });
    const pdf = await finance.invoices.pdf({ id: journal?.id ?? '' });
    const text = JSON.stringify(pdf.document.blocks);
    expect(text).not.toContain('Payment due by');
    expect(text).not.toMatch(/No payment is needed|By BACS|Please quote/);
    expect(text).toContain('Settled by internal journal');
  });

  it('a course place’s invoice line names the course and its dates', async () => {
    const { ws, head } = await schoolWithStaffAndHeads(database.db);
    const manager = ws.caller;
    await manager.invoices.updateSettings({ ...settingsInput, vatRules: [] });
    const title = `Phonics ${Math.random().toString(36).slice(2, 8)}`;
    const next = year + 2;
    const { id } = await manager.courses.create({
      ...ownCourse,
      title,
      memberPrice: 120,
      nonMemberPrice: 120,
      sessions: [
        { on: `${next}-03-04`, startTime: '09:00', endTime: '12:00' },
        { on: `${next}-03-18`, startTime: '09:00', endTime: '12:00' },
      ],
    } as never);
    await manager.courses.publish({ id });
    const oneDay = await manager.courses.create({
      ...ownCourse,
      title: `${title} taster`,
      memberPrice: 50,
      nonMemberPrice: 50,
      sessions: [{ on: `${next}-05-06`, startTime: '09:00', endTime: '12:00' }],
    } as never);
    await manager.courses.publish({ id: oneDay.id });
    for (const courseId of [id, oneDay.id])
      await head.courses.book({
        courseId,
        schoolId: ws.school.id,
        delegates: [{ name: 'Ann Smith', email: 'ann.smith@school.example', role: 'Year 1 teacher' }],
      });
    const run = await manager.invoices.run({ kind: 'charges', upTo: today });
    const [draft] = await manager.invoices.list({ billingRunId: run.id });
    const lines = (await manager.invoices.byId({ id: draft?.id ?? '' })).lines.map((l) => l.description);
    expect(lines).toEqual(
      expect.arrayContaining([
        `${title} (${longDate(`${next}-03-04`)} – ${longDate(`${next}-03-18`)}): place for Ann Smith`,
        `${title} taster (${longDate(`${next}-05-06`)}): place for Ann Smith`,
      ]),
    );
  });
});

describe('order confirmation', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('subscribing emails the subscriber and the school’s finance contact what, for which year, the price and when it is invoiced; the manager is told', async () => {
    const hsip = await makeDemoWorkspace(database.db, 'hsip');
    const head = hsip.caller('head@grange.sch.example');
    const own = (await head.workspaces.current()).mySchools[0];
    if (!own) throw new Error('no school');
    const contact = `bursar-${hsip.tag}@grange.sch.example`;
    await withTenant(database.db, hsip.id, async (tx) => {
      await tx.insert(schoolContacts).values({
        tenantId: hsip.id,
        schoolId: own.id,
        role: 'finance',
        name: 'Bea Bursar',
        email: contact,
      });
    });
    const [ema] = await withTenant(database.db, hsip.id, (tx) =>
      tx
        .select({ id: catalogueItems.id, name: catalogueItems.name })
        .from(catalogueItems)
        .where(and(eq(catalogueItems.code, 'HSIP-EMA'), eq(catalogueItems.academicYear, year))),
    );
    if (!ema) throw new Error('no package');
    const subscribed = await head.subscriptions.subscribe({
      schoolId: own.id,
      itemId: ema.id,
      purchaseOrderNumber: 'PO-123',
    });
    expect(subscribed.confirmationsSent).toBeGreaterThanOrEqual(3);
    const yearLabel = academicYearLabel(year);
    for (const to of [hsip.email('head@grange.sch.example'), contact]) {
      const [email] = await outboxTo(database.db, to, 'Order confirmed');
      expect(email?.subject).toBe(`Order confirmed: ${ema.name} for ${own.name}, ${yearLabel}`);
      const items = (email?.props as { items: string[] }).items;
      expect(items).toEqual(
        expect.arrayContaining([
          `Package: ${ema.name}`,
          `School: ${own.name}`,
          // This copy of HSIP has no invoice settings, so no VAT number: no VAT is charged, and the email says so.
          `Price: ${formatPence(subscribed.netPence)} (no VAT: we are not registered for VAT)`,
          'Purchase-order number: PO-123',
        ]),
      );
      expect(items.some((i) => i.startsWith(`Year: ${yearLabel}`))).toBe(true);
      expect(
        items.some((i) => / invoiced (with the next invoices we send|from \d+ \w+ \d{4})$/.test(i)),
      ).toBe(true);
      // The body has a plain-text part (react-email), as every email does.
      const rendered = await renderEmail(email?.template ?? '', email?.props);
      expect(rendered.text).toContain(`Package: ${ema.name}`);
    }
    const [managerEmail] = await outboxTo(
      database.db,
      hsip.email('manager@hsip.example'),
      'New subscription',
    );
    expect(managerEmail?.subject).toBe(`New subscription: ${own.name}, ${ema.name}, ${yearLabel}`);

    // An order the manager takes by phone is confirmed to the school's headteacher too.
    const [gov] = await withTenant(database.db, hsip.id, (tx) =>
      tx
        .select({ id: catalogueItems.id, name: catalogueItems.name })
        .from(catalogueItems)
        .where(and(eq(catalogueItems.code, 'HSIP-GOV'), eq(catalogueItems.academicYear, year))),
    );
    if (!gov) throw new Error('no package');
    await hsip.caller('manager@hsip.example').subscriptions.subscribe({ schoolId: own.id, itemId: gov.id });
    const [byPhone] = await outboxTo(database.db, hsip.email('head@grange.sch.example'), gov.name);
    expect(byPhone?.subject).toBe(`Order confirmed: ${gov.name} for ${own.name}, ${yearLabel}`);
  });
});

describe('copying a year’s packages forward', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('gives each item the new year’s code and its finance codes, and prices in whole pounds', async () => {
    const hsip = await makeDemoWorkspace(database.db, 'hsip');
    const manager = hsip.caller('manager@hsip.example');
    await manager.invoices.updateSettings({
      ...settingsInput,
      legalName: 'HSIP',
      financeCodes: { 'HSIP-ACL': { nominalCode: '4200', costCentre: 'ACL' }, '*': { nominalCode: '4000' } },
    });
    const before = await manager.catalogue.list({ academicYear: year });
    expect(before.length).toBeGreaterThan(3);
    await manager.catalogue.copyForward({ fromYear: year, upliftPercent: 3.5 });
    const after = await manager.catalogue.list({ academicYear: year + 1 });
    expect(after.map((i) => i.code).sort()).toEqual(before.map((i) => nextYearCode(i.code, year)).sort());
    expect(after.map((i) => i.code)).toContain(`HSIP-ACL-${year + 1}`);
    for (const item of after) {
      const was = before.find((b) => nextYearCode(b.code, year) === item.code);
      expect(item.memberPricePence % 100, item.code).toBe(0);
      expect(item.nonMemberPricePence % 100, item.code).toBe(0);
      expect(
        Math.abs(item.memberPricePence - ((was?.memberPricePence ?? 0) * 103.5) / 100),
      ).toBeLessThanOrEqual(50);
      for (const band of item.bands) expect(band.memberPricePence % 100).toBe(0);
    }
    const settings = await manager.invoices.settings();
    expect(settings.financeCodes[`HSIP-ACL-${year + 1}`]).toEqual({ nominalCode: '4200', costCentre: 'ACL' });
  });
});

describe('getting started', () => {
  let database: Database;

  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('a workspace selling and invoicing packages is asked to set up invoicing, done once its settings are saved', async () => {
    const tenant = await makeTenant(database.db, { kind: 'provider', modules: ['traded', 'invoices'] });
    const manager = await makeUser(database.db);
    await addMembership(database.db, tenant.id, manager.id, 'tenant_admin');
    const caller = callerAs(database.db, manager, tenant.slug);
    const invoicing = async () =>
      (await caller.workspaces.gettingStarted()).steps.find((s) => s.key === 'invoice-settings');
    expect(await invoicing()).toEqual({ key: 'invoice-settings', done: false });
    // Saved without the bank details schools pay into: not done yet.
    await caller.invoices.updateSettings({ ...settingsInput, bankDetails: '' });
    expect((await invoicing())?.done).toBe(false);
    await caller.invoices.updateSettings(settingsInput);
    expect((await invoicing())?.done).toBe(true);
  });
});
