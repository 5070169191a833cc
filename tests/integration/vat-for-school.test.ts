import { eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { moduleKeys, outboxEmails } from '~/db/schema';
import { academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import {
  addMembership,
  callerAs,
  makeSchool,
  makeUser,
  makeWorkspaceWithEveryRole,
} from '../fixtures/factories';
import { anonymousCaller, openTestDatabase } from './harness';
import { ownCourse } from './course-fixtures';

const today = todayInLondon();
const nextYear = new Date().getUTCFullYear() + 1;
/** Next academic year: no term has started, so a subscription is the whole year, billed from 1 September. */
const packageYear = academicYearOf(today) + 1;
const billedBy = `${packageYear}-09-01`;

/** An LA's usual VAT: its own maintained schools outside the scope, everyone else standard-rated. */
const settings = {
  legalName: 'Test Council',
  address: '1 High Street',
  vatNumber: 'GB 318 4402 27',
  invoicePrefix: 'INV-',
  creditNotePrefix: 'CN-',
  journalPrefix: 'JNL-',
  paymentTermsDays: 30,
  bankDetails: 'Sort code 20-00-00',
  standardRateBasisPoints: 2000,
  vatRules: [
    {
      productKind: 'any' as const,
      customerCategory: 'maintained' as const,
      treatment: 'outside_scope' as const,
    },
  ],
  financeCodes: {},
  subscriptionBilling: 'annual' as const,
  journalForMaintained: false,
  reminderDays: [7, 30],
};

const course = {
  ...ownCourse,
  title: 'Leading phonics',
  sessions: [{ on: `${nextYear}-05-12`, startTime: '09:30', endTime: '15:30' }],
  memberPrice: 120,
  nonMemberPrice: 120,
  outOfAreaPrice: 120,
} as never;

const packageInput = (code: string, extra: object = {}) => ({
  academicYear: packageYear,
  kind: 'package' as const,
  code,
  name: `Package ${code}`,
  pricingBasis: 'school' as const,
  memberPrice: 1000,
  nonMemberPrice: 1000,
  lines: [{ unit: 'adviser_day' as const, quantity: 2, description: '2 adviser days' }],
  ...extra,
});

describe('VAT by kind of school: one decision before buying and on the invoice', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  /** A workspace with a maintained school (the factory's community school) and an academy, each with a head. */
  async function workspace() {
    const ws = await makeWorkspaceWithEveryRole(database.db, moduleKeys);
    const academy = await makeSchool(database.db, ws.tenant.id, {
      name: 'Oak Academy',
      type: 'Academy converter',
      typeGroup: 'Academies',
    });
    const heads = [];
    for (const schoolId of [ws.school.id, academy.id]) {
      const user = await makeUser(database.db);
      await addMembership(database.db, ws.tenant.id, user.id, 'school_admin', schoolId);
      heads.push(callerAs(database.db, user, ws.tenant.slug));
    }
    const [maintainedHead, academyHead] = heads as [(typeof heads)[0], (typeof heads)[0]];
    return { ws, manager: ws.caller, maintained: ws.school, academy, maintainedHead, academyHead };
  }

  it('a maintained school and an academy book the same course: each is told the VAT its invoice charges', async () => {
    const { ws, manager, maintained, academy, maintainedHead, academyHead } = await workspace();
    await manager.invoices.updateSettings(settings);
    const { id } = await manager.courses.create(course);
    await manager.courses.publish({ id });
    expect((await manager.courses.byId({ id })).course.vatRateBasisPoints).toBe(2000);

    // Before booking: the maintained school hears nothing of VAT, the academy "plus VAT".
    expect(
      await maintainedHead.courses.bookingPreview({ courseId: id, schoolId: maintained.id, places: 1 }),
    ).toMatchObject({
      vatRateBasisPoints: 0,
      unitPriceWording: '£120.00',
      chargeWording: '£120.00',
      chargeGrossPence: 12_000,
    });
    expect(
      await academyHead.courses.bookingPreview({ courseId: id, schoolId: academy.id, places: 1 }),
    ).toMatchObject({
      vatRateBasisPoints: 2000,
      unitPriceWording: '£120.00 plus VAT (£144.00)',
      chargeGrossPence: 14_400,
    });

    // The public page knows no school: it says who pays VAT, not "plus VAT" to everyone.
    const publicPage = await anonymousCaller(database.db).courseCatalogue.course({
      tenant: ws.tenant.slug,
      id,
    });
    expect(publicPage.vat.rateForPrices).toBe(0);
    expect(publicPage.vat.sentence).toBe(
      'Plus VAT where it applies: 20% for academies and other schools the local authority does not maintain and schools outside the area; none for maintained schools.',
    );

    // Booking: the confirmation (the form's line and the email) says the same.
    const book = (caller: typeof maintainedHead, schoolId: string, email: string) =>
      caller.courses.book({
        courseId: id,
        schoolId,
        delegates: [{ name: 'Sam Teacher', email, role: '' }],
        joinWaitingList: false,
      });
    const m = await book(maintainedHead, maintained.id, `sam.m.${id.slice(0, 6)}@school.example`);
    const a = await book(academyHead, academy.id, `sam.a.${id.slice(0, 6)}@school.example`);
    expect(m.chargeLine).toBe(`1 place charged to ${maintained.name}: £120.00.`);
    expect(a.chargeLine).toBe('1 place charged to Oak Academy: £120.00 plus VAT (£144.00).');
    const emails = await withTenant(database.db, ws.tenant.id, (tx) =>
      tx
        .select({ to: outboxEmails.to, props: outboxEmails.props })
        .from(outboxEmails)
        .where(eq(outboxEmails.subject, `Place confirmed: Leading phonics`)),
    );
    const bodyTo = (prefix: string) => JSON.stringify(emails.find((e) => e.to.startsWith(prefix))?.props);
    expect(bodyTo('sam.m.')).toContain(`The place costs £120.00, charged to ${maintained.name}.`);
    expect(bodyTo('sam.a.')).toContain('The place costs £120.00 plus VAT (£144.00), charged to Oak Academy.');

    // The billing run invoices exactly that.
    const run = await manager.invoices.run({ kind: 'charges', upTo: today });
    const drafts = await manager.invoices.list({ billingRunId: run.id });
    const lineOf = async (schoolId: string) => {
      const draft = drafts.find((d) => d.schoolId === schoolId);
      return (await manager.invoices.byId({ id: draft?.id ?? '' })).lines[0];
    };
    expect(await lineOf(maintained.id)).toMatchObject({
      vatTreatment: 'outside_scope',
      vatPence: 0,
      netPence: 12_000,
    });
    expect(await lineOf(academy.id)).toMatchObject({
      vatTreatment: 'standard',
      vatRateBasisPoints: 2000,
      vatPence: 2_400,
    });
  });

  it('a package quoted to an academy shows net, VAT and total, and its invoice charges the same', async () => {
    const { manager, maintained, academy, academyHead } = await workspace();
    await manager.invoices.updateSettings(settings);
    const created = await manager.catalogue.create(
      packageInput(`VAT-${Date.now()}`, { vatTreatment: 'standard', vatRatePercent: 20 }),
    );
    // The catalogue, knowing no school, says who pays VAT rather than "20% on top" for everyone.
    expect((await manager.catalogue.byId({ id: created.id })).vatStatement).toBe(
      '20% on top for academies and other schools the local authority does not maintain and schools outside the area; none for maintained schools',
    );
    await manager.invoices.updateSettings({ ...settings, vatRules: [] });
    expect((await manager.catalogue.byId({ id: created.id })).vatStatement).toBe('20% on top');
    await manager.invoices.updateSettings(settings);
    const academyQuote = await academyHead.catalogue.quote({ schoolId: academy.id, itemId: created.id });
    expect(academyQuote.quote).toMatchObject({ netPence: 100_000, vatPence: 20_000, totalPence: 120_000 });
    expect(academyQuote.vat).toMatchObject({
      treatment: 'standard',
      rateBasisPoints: 2000,
      label: 'VAT at 20%',
    });
    const maintainedQuote = await manager.catalogue.quote({ schoolId: maintained.id, itemId: created.id });
    expect(maintainedQuote.quote).toMatchObject({ vatPence: 0, totalPence: 100_000 });
    expect(maintainedQuote.vat).toMatchObject({
      treatment: 'outside_scope',
      label: 'Outside the scope of VAT',
    });

    await academyHead.subscriptions.subscribe({
      schoolId: academy.id,
      itemId: created.id,
      expectedNetPence: 100_000,
    });
    const input = { kind: 'subscriptions' as const, upTo: billedBy, academicYear: packageYear };
    const preview = await manager.invoices.previewRun(input);
    expect(preview.invoices.find((i) => i.schoolId === academy.id)).toMatchObject({
      netPence: 100_000,
      vatPence: 20_000,
      grossPence: 120_000,
    });
  });

  it('a workspace with no VAT number charges no VAT anywhere, and a draft with VAT is not issued without one', async () => {
    const { ws, manager, academy, academyHead } = await workspace();
    await manager.invoices.updateSettings({ ...settings, vatNumber: null });
    // Even a course given a rate by hand and a standard-rated package: no VAT without registration.
    const { id } = await manager.courses.create({ ...(course as object), vatRatePercent: 20 } as never);
    await manager.courses.publish({ id });
    expect(
      await academyHead.courses.bookingPreview({ courseId: id, schoolId: academy.id, places: 1 }),
    ).toMatchObject({ vatRateBasisPoints: 0, unitPriceWording: '£120.00', chargeGrossPence: 12_000 });
    const item = await manager.catalogue.create(
      packageInput(`NOVAT-${Date.now()}`, { vatTreatment: 'standard', vatRatePercent: 20 }),
    );
    const quote = await academyHead.catalogue.quote({ schoolId: academy.id, itemId: item.id });
    expect(quote.quote.vatPence).toBe(0);
    expect(quote.vat.label).toBe('No VAT: we are not registered for VAT');
    // The catalogue the head chose it from says the same, not the package's own 20%.
    const listed = await academyHead.catalogue.list({ academicYear: packageYear });
    expect(listed.find((i) => i.id === item.id)?.vatStatement).toBe('No VAT: we are not registered for VAT');

    await academyHead.courses.book({
      courseId: id,
      schoolId: academy.id,
      delegates: [{ name: 'Ali Teacher', email: `ali.${id.slice(0, 6)}@school.example`, role: '' }],
      joinWaitingList: false,
    });
    const preview = await manager.invoices.previewRun({ kind: 'charges', upTo: today });
    expect(preview.totals).toMatchObject({ netPence: 12_000, vatPence: 0 });
    const run = await manager.invoices.run({ kind: 'charges', upTo: today });
    const [draft] = await manager.invoices.list({ billingRunId: run.id });
    const view = await manager.invoices.byId({ id: draft?.id ?? '' });
    expect(view.lines[0]).toMatchObject({ vatTreatment: 'outside_scope', vatPence: 0 });
    expect((await manager.invoices.pdf({ id: draft?.id ?? '' })).document.title).toBe(
      'DRAFT — not an invoice',
    );

    // A draft made while the settings had a VAT number, issued after it was taken away: stopped, with why.
    await manager.invoices.updateSettings(settings);
    await academyHead.courses.book({
      courseId: id,
      schoolId: academy.id,
      delegates: [{ name: 'Bo Teacher', email: `bo.${id.slice(0, 6)}@school.example`, role: '' }],
      joinWaitingList: false,
    });
    const withVat = await manager.invoices.run({ kind: 'charges', upTo: today });
    const [vatDraft] = await manager.invoices.list({ billingRunId: withVat.id });
    expect(vatDraft?.vatPence).toBe(2_400);
    await manager.invoices.updateSettings({ ...settings, vatNumber: null });
    await expect(manager.invoices.issue({ id: vatDraft?.id ?? '' })).rejects.toMatchObject({
      message: expect.stringContaining('no VAT registration number') as unknown,
    });
    // The other draft, with no VAT, is issued as a plain invoice.
    await expect(manager.invoices.issue({ id: draft?.id ?? '' })).resolves.toMatchObject({
      number: expect.stringMatching(/^INV-/) as unknown,
    });

    // Subscribing with no VAT number: the order confirmation does not promise VAT on the invoice.
    await manager.invoices.updateSettings({ ...settings, vatNumber: null });
    await academyHead.subscriptions.subscribe({ schoolId: academy.id, itemId: item.id });
    const [confirmation] = await withTenant(database.db, ws.tenant.id, (tx) =>
      tx
        .select({ props: outboxEmails.props })
        .from(outboxEmails)
        .where(like(outboxEmails.subject, 'Order confirmed: Package NOVAT-% for Oak Academy, %')),
    );
    const props = confirmation?.props as { items: string[]; footnote: string };
    expect(props.items).toContain('Price: £1,000.00 (no VAT: we are not registered for VAT)');
    expect(props.footnote).toMatch(/^No VAT is charged: we are not registered for VAT\. To change/);
  });

  it('a package marked exempt is invoiced as exempt; a manager changes a package’s VAT where it is edited', async () => {
    const { manager, academy, academyHead } = await workspace();
    // Even a rule making everything standard-rated does not make an exempt supply so.
    await manager.invoices.updateSettings({
      ...settings,
      vatRules: [{ productKind: 'any', customerCategory: 'any', treatment: 'standard' }],
    });
    const code = `EX-${Date.now()}`;
    const item = await manager.catalogue.create(
      packageInput(code, { vatTreatment: 'exempt', vatRatePercent: 20 }),
    );
    expect(await manager.catalogue.byId({ id: item.id })).toMatchObject({
      vatTreatment: 'exempt',
      vatRateBasisPoints: 0,
    });
    const quote = await academyHead.catalogue.quote({ schoolId: academy.id, itemId: item.id });
    expect(quote.quote.vatPence).toBe(0);
    expect(quote.vat.label).toBe('Exempt');
    expect((await manager.catalogue.byId({ id: item.id })).vatStatement).toBe('Exempt');
    await academyHead.subscriptions.subscribe({ schoolId: academy.id, itemId: item.id });
    const run = await manager.invoices.run({
      kind: 'subscriptions',
      upTo: billedBy,
      academicYear: packageYear,
    });
    const [draft] = await manager.invoices.list({ billingRunId: run.id });
    const view = await manager.invoices.byId({ id: draft?.id ?? '' });
    expect(view.lines[0]).toMatchObject({ vatTreatment: 'exempt', vatPence: 0 });
    const pdf = JSON.stringify((await manager.invoices.pdf({ id: draft?.id ?? '' })).document.blocks);
    expect(pdf).toContain('"Exempt"');
    expect(pdf).not.toContain('Outside the scope');

    // Edited: zero-rated, then standard-rated (which needs a rate).
    const edit = {
      id: item.id,
      name: `Package ${code}`,
      description: '',
      memberPrice: 1000,
      nonMemberPrice: 1000,
      active: true,
    };
    await manager.catalogue.update({ ...edit, vat: { treatment: 'zero', ratePercent: 20 } });
    expect(await manager.catalogue.byId({ id: item.id })).toMatchObject({ vatTreatment: 'zero' });
    await expect(
      manager.catalogue.update({ ...edit, vat: { treatment: 'standard', ratePercent: 0 } }),
    ).rejects.toMatchObject({ message: expect.stringContaining('Enter the VAT rate') as unknown });
    await manager.catalogue.update({ ...edit, vat: { treatment: 'standard', ratePercent: 20 } });
    expect(await manager.catalogue.byId({ id: item.id })).toMatchObject({
      vatTreatment: 'standard',
      vatRateBasisPoints: 2000,
    });
    // An edit that leaves VAT out keeps it.
    await manager.catalogue.update(edit);
    expect(await manager.catalogue.byId({ id: item.id })).toMatchObject({ vatRateBasisPoints: 2000 });
  });
});
