import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { openTestDatabase } from './harness';
import { ownCourse, schoolWithStaffAndHeads } from './course-fixtures';

const nextYear = new Date().getUTCFullYear() + 1;

const settings = {
  legalName: 'Test Partnership Ltd',
  address: '1 High Street',
  vatNumber: 'GB 318 4402 27',
  invoicePrefix: 'INV-',
  creditNotePrefix: 'CN-',
  journalPrefix: 'JNL-',
  paymentTermsDays: 30,
  bankDetails: 'Sort code 20-00-00',
  standardRateBasisPoints: 2000,
  vatRules: [],
  financeCodes: {},
  subscriptionBilling: 'annual' as const,
  journalForMaintained: false,
  reminderDays: [7, 30],
};

describe('VAT on course places', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('a course takes the workspace’s VAT for services, and the booking preview states it', async () => {
    const { ws, head } = await schoolWithStaffAndHeads(database.db);
    const manager = ws.caller;
    const course = {
      ...ownCourse,
      sessions: [{ on: `${nextYear}-05-12`, startTime: '09:30', endTime: '15:30' }],
      memberPrice: 120,
      nonMemberPrice: 120,
      outOfAreaPrice: 120,
    } as never;
    const preview = async (id: string) => {
      await manager.courses.publish({ id });
      return head.courses.bookingPreview({ courseId: id, schoolId: ws.school.id, places: 1 });
    };

    // Not registered for VAT: no VAT, and none mentioned.
    expect(await manager.courses.vatDefault()).toMatchObject({
      vatRegistered: false,
      rateBasisPoints: 0,
      explanation: 'No VAT is charged: the workspace has no VAT number in its invoice settings.',
    });
    const unregistered = await manager.courses.create(course);
    expect((await manager.courses.byId({ id: unregistered.id })).course.vatRateBasisPoints).toBe(0);
    expect(await preview(unregistered.id)).toMatchObject({
      charged: 1,
      unitPriceWording: '£120.00',
      chargePence: 12_000,
      chargeGrossPence: 12_000,
    });

    // Registered, with no exception for services: a new course is standard-rated by default.
    await manager.invoices.updateSettings(settings);
    expect(await manager.courses.vatDefault()).toMatchObject({ vatRegistered: true, rateBasisPoints: 2000 });
    const registered = await manager.courses.create(course);
    expect((await manager.courses.byId({ id: registered.id })).course.vatRateBasisPoints).toBe(2000);
    expect(await preview(registered.id)).toMatchObject({
      charged: 1,
      unitPriceWording: '£120.00 plus VAT (£144.00)',
      chargeWording: '£120.00 plus VAT (£144.00)',
      chargeGrossPence: 14_400,
    });

    // An edit that names no rate keeps the course's; the manager may set another (an exempt course).
    await manager.courses.update({ id: registered.id, course });
    expect((await manager.courses.byId({ id: registered.id })).course.vatRateBasisPoints).toBe(2000);
    await manager.courses.update({
      id: registered.id,
      course: { ...(course as object), vatRatePercent: 0 } as never,
    });
    expect(
      await head.courses.bookingPreview({ courseId: registered.id, schoolId: ws.school.id, places: 1 }),
    ).toMatchObject({ unitPriceWording: '£120.00' });

    // A workspace whose settings make services exempt starts its courses at 0%.
    await manager.invoices.updateSettings({
      ...settings,
      vatRules: [{ productKind: 'service', customerCategory: 'any', treatment: 'exempt' }],
    });
    expect(await manager.courses.vatDefault()).toMatchObject({ vatRegistered: true, rateBasisPoints: 0 });
  });

  it('a new package or service starts at the VAT its invoices will charge: none without a VAT number', async () => {
    const { ws, head } = await schoolWithStaffAndHeads(database.db);
    const manager = ws.caller;

    // Not registered for VAT: nothing is charged, on packages or services, and the form is told why.
    const none = {
      vatRegistered: false,
      treatment: 'outside_scope',
      rateBasisPoints: 0,
      explanation: 'No VAT is charged: the workspace has no VAT number in its invoice settings.',
    };
    expect(await manager.catalogue.vatDefault()).toEqual({ package: none, service: none });

    // Registered: the invoice settings' rule for the kind, else the standard rate; the same rule as courses.
    await manager.invoices.updateSettings({
      ...settings,
      vatRules: [{ productKind: 'service', customerCategory: 'any', treatment: 'exempt' }],
    });
    expect(await manager.catalogue.vatDefault()).toEqual({
      package: {
        vatRegistered: true,
        treatment: 'standard',
        rateBasisPoints: 2000,
        explanation: 'Your invoice settings charge 20% on packages.',
      },
      service: {
        vatRegistered: true,
        treatment: 'exempt',
        rateBasisPoints: 0,
        explanation: 'Your invoice settings make services exempt.',
      },
    });
    expect(await manager.courses.vatDefault()).toMatchObject({ rateBasisPoints: 0 });

    // Only the manager sets up packages.
    await expect(head.catalogue.vatDefault()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
