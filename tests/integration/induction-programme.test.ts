import { randomInt, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { chargeableItems, entitlementBalances } from '~/db/schema';
import { academicYearOf, academicYearStart, todayInLondon } from '~/server/catalogue/academic-year';
import { ZCreateCatalogueItemInput } from '~/server/catalogue/catalogue-inputs';
import { createCatalogueItem } from '~/server/catalogue/create-catalogue-item';
import { ZCourseInput } from '~/server/courses/course-inputs';
import { createCourse } from '~/server/courses/create-course';
import { addDays } from '~/server/courses/london-time';
import { publishCourse } from '~/server/courses/publish-course';
import { recordCharge } from '~/server/entitlements/draw-down-entitlement';
import {
  chargePerEctPackages,
  perEctChargeKey,
  perEctPackageSource,
} from '~/server/induction/bill-per-ect-packages';
import { cancelSubscription } from '~/server/subscriptions/cancel-subscription';
import { quoteForSchool } from '~/server/subscriptions/quote-for-school';
import { subscribeSchool } from '~/server/subscriptions/subscribe-school';
import {
  addMembership,
  callerAs,
  makeSchool,
  makeTenant,
  makeUser,
  type MadeTenant,
  type MadeUser,
} from '../fixtures/factories';
import { openTestDatabase } from './harness';

const trn = () => String(randomInt(1_000_000, 9_999_999));
const today = todayInLondon();
const year = academicYearOf(today);

/**
 * The induction programme booked per ECT in an Appropriate Body workspace: a school's induction package gives
 * a place for each ECT it registers (and for those already registered when it subscribes); the headteacher
 * books the ECT from their record, the place drawn from that entitlement; a school without it is charged.
 */
describe('induction programme places (per-ECT entitlement)', () => {
  let database: Database;
  let tenant: MadeTenant;
  let packageId: string;
  let courseId: string;
  const schools: Record<'a' | 'b' | 'c', { id: string }> = { a: { id: '' }, b: { id: '' }, c: { id: '' } };
  const people: Record<'manager' | 'headA' | 'headB' | 'headC' | 'tutorA', MadeUser> = {} as never;
  const as = (u: MadeUser) => callerAs(database.db, u, tenant.slug);

  const register = (head: MadeUser, schoolId: string, name: string) =>
    as(head).induction.register({
      schoolId,
      name,
      trn: trn(),
      email: `${name.toLowerCase().replace(/\W+/g, '.')}.${trn()}@school.example`,
      startsOn: academicYearStart(year),
      fte: 1,
      tutorName: 'Tara Tutor',
      tutorEmail: 'tutor@school.example',
      mentorName: 'Mo Mentor',
      mentorEmail: 'mentor@school.example',
    });
  const places = (schoolId: string) =>
    withTenant(database.db, tenant.id, async (tx) => {
      const [b] = await tx
        .select()
        .from(entitlementBalances)
        .where(
          and(
            eq(entitlementBalances.schoolId, schoolId),
            eq(entitlementBalances.academicYear, year),
            eq(entitlementBalances.unit, 'ect_induction'),
          ),
        );
      return (b?.balanceHundredths ?? 0) / 100;
    });
  const subscribe = (schoolId: string) =>
    withTenant(database.db, tenant.id, (tx) =>
      subscribeSchool(tx, {
        tenantId: tenant.id,
        schoolId,
        itemId: packageId,
        units: 1,
        actorUserId: people.manager.id,
        today: academicYearStart(year),
        perRegisteredEct: true,
      }),
    );

  beforeAll(async () => {
    database = await openTestDatabase();
    tenant = await makeTenant(database.db, {
      kind: 'appropriate_body',
      modules: ['induction', 'courses', 'invoices'],
      settings: { induction: { feePerEctPence: 45_000 } },
    });
    for (const k of ['a', 'b', 'c'] as const) schools[k] = await makeSchool(database.db, tenant.id);
    const person = async (
      role: 'tenant_admin' | 'school_admin' | 'school_staff',
      schoolId: string | null,
    ) => {
      const user = await makeUser(database.db);
      await addMembership(database.db, tenant.id, user.id, role, schoolId);
      return user;
    };
    people.manager = await person('tenant_admin', null);
    people.headA = await person('school_admin', schools.a.id);
    people.headB = await person('school_admin', schools.b.id);
    people.headC = await person('school_admin', schools.c.id);
    people.tutorA = await person('school_staff', schools.a.id);
    await withTenant(database.db, tenant.id, async (tx) => {
      const item = await createCatalogueItem(
        tx,
        tenant.id,
        ZCreateCatalogueItemInput.parse({
          academicYear: year,
          kind: 'package',
          code: 'ECT-PROG',
          name: 'ECT induction programme',
          pricingBasis: 'school',
          memberPrice: 1950,
          nonMemberPrice: 2400,
          lines: [{ unit: 'ect_induction', quantity: 1, description: 'A place for each ECT registered' }],
        }),
      );
      packageId = item.id;
      const course = await createCourse(tx, {
        ...ZCourseInput.parse({
          programme: 'ect_induction',
          title: 'ECT induction programme',
          description: 'Training days on the Early Career Teacher Entitlement.',
          audiences: ['ects'],
          format: 'in_person',
          venue: 'The hub',
          capacity: 30,
          memberPrice: 1200,
          nonMemberPrice: 1450,
          outOfAreaPrice: 1600,
          entitlement: { unit: 'ect_induction', category: '' },
          sessions: [{ on: addDays(today, 21), startTime: '09:30', endTime: '15:30' }],
        }),
        tenantId: tenant.id,
      });
      await publishCourse(tx, course);
      courseId = course.id;
    });
    await subscribe(schools.a.id);
  });

  it('grants a place per registered ECT (not per subscription) and books it from the ECT’s record', async () => {
    // Subscribing with no ECTs registered grants nothing up front.
    expect(await places(schools.a.id)).toBe(0);
    const first = await register(people.headA, schools.a.id, 'Ada First');
    expect(first.programmePlace).toBe(true);
    expect(await places(schools.a.id)).toBe(1);
    const second = await register(people.headA, schools.a.id, 'Ben Second');
    expect(await places(schools.a.id)).toBe(2);

    const head = as(people.headA);
    const offer = await head.induction.programmeCourses({ ectId: first.ectId });
    expect(offer.mayBook).toBe(true);
    expect(offer.courses).toEqual([
      expect.objectContaining({ id: courseId, cost: 'package', booked: false }),
    ]);
    const booked = await head.induction.bookProgramme({ ectId: first.ectId, courseId });
    expect(booked).toMatchObject({ outcome: 'confirmed', funding: 'entitlement', pricePence: 0 });
    expect(await places(schools.a.id)).toBe(1);
    const record = await head.induction.byId({ ectId: first.ectId });
    expect(record.bookings.map((b) => b.courseTitle)).toEqual(['ECT induction programme']);
    expect((await head.induction.programmeCourses({ ectId: first.ectId })).courses[0]?.booked).toBe(true);
    await expect(head.induction.bookProgramme({ ectId: first.ectId, courseId })).rejects.toThrow(
      'already has a place on this course',
    );
    await head.induction.bookProgramme({ ectId: second.ectId, courseId });
    expect(await places(schools.a.id)).toBe(0);
  });

  it('charges a school with no induction package; a school that subscribes later gets its ECTs’ places', async () => {
    const atB = await register(people.headB, schools.b.id, 'Cal Third');
    expect(atB.programmePlace).toBe(false);
    const headB = as(people.headB);
    expect((await headB.induction.programmeCourses({ ectId: atB.ectId })).courses[0]?.cost).toBe('charged');
    expect(await headB.induction.bookProgramme({ ectId: atB.ectId, courseId })).toMatchObject({
      funding: 'charge',
    });

    const atC = await register(people.headC, schools.c.id, 'Dee Fourth');
    expect(atC.programmePlace).toBe(false);
    expect((await subscribe(schools.c.id)).ectPlaces).toBe(1);
    expect(await places(schools.c.id)).toBe(1);
  });

  it('only the ECT’s own school’s headteacher (or the AB manager) books it', async () => {
    const ect = await register(people.headA, schools.a.id, 'Eve Fifth');
    await expect(as(people.headB).induction.bookProgramme({ ectId: ect.ectId, courseId })).rejects.toThrow(
      'That ECT was not found.',
    );
    await expect(as(people.tutorA).induction.bookProgramme({ ectId: ect.ectId, courseId })).rejects.toThrow(
      'Your role in this workspace does not allow this.',
    );
    expect(await as(people.manager).induction.programmeCourses({ ectId: ect.ectId })).toMatchObject({
      mayBook: true,
    });
  });

  it('a package priced per ECT bills each ECT registered (once each), not the units bought', async () => {
    const schoolD = await makeSchool(database.db, tenant.id);
    const headD = await makeUser(database.db);
    await addMembership(database.db, tenant.id, headD.id, 'school_admin', schoolD.id);
    const early = await register(headD, schoolD.id, 'Gus Early');
    const perEct = await withTenant(database.db, tenant.id, (tx) =>
      createCatalogueItem(
        tx,
        tenant.id,
        ZCreateCatalogueItemInput.parse({
          academicYear: year,
          kind: 'package',
          code: 'ECT-MENTOR',
          name: 'Mentor training per ECT',
          pricingBasis: 'ect',
          memberPrice: 300,
          nonMemberPrice: 300,
          lines: [
            { unit: 'course_place', quantity: 1, description: 'Mentor training for each ECT’s mentor' },
          ],
        }),
      ),
    );
    // Not bought by number: the quote says how many ECTs are in induction there now, and units are refused.
    const quoted = await withTenant(database.db, tenant.id, (tx) =>
      quoteForSchool(tx, {
        schoolId: schoolD.id,
        itemId: perEct.id,
        units: 1,
        today: academicYearStart(year),
        perRegisteredEct: true,
      }),
    );
    expect(quoted.perEct).toEqual({ inInductionNow: 1 });
    const subscribeD = (units: number) =>
      withTenant(database.db, tenant.id, (tx) =>
        subscribeSchool(tx, {
          tenantId: tenant.id,
          schoolId: schoolD.id,
          itemId: perEct.id,
          units,
          actorUserId: people.manager.id,
          today: academicYearStart(year),
          perRegisteredEct: true,
        }),
      );
    await expect(subscribeD(5)).rejects.toThrow('is charged for each ECT registered, not by a number bought');
    // One is in induction there already, so one charge now.
    const subscribed = await subscribeD(1);
    expect(subscribed.ectCharges).toBe(1);
    const later = await register(headD, schoolD.id, 'Hana Later');
    const charges = () =>
      withTenant(database.db, tenant.id, (tx) =>
        tx
          .select({ description: chargeableItems.description, netPence: chargeableItems.netPence })
          .from(chargeableItems)
          .where(
            and(
              eq(chargeableItems.schoolId, schoolD.id),
              eq(chargeableItems.sourceType, perEctPackageSource),
            ),
          ),
      );
    expect((await charges()).sort((a, b) => a.description.localeCompare(b.description))).toEqual([
      { description: 'Mentor training per ECT: Gus Early', netPence: 30_000 },
      { description: 'Mentor training per ECT: Hana Later', netPence: 30_000 },
    ]);
    // Idempotent: charging an ECT again (a retry, a transfer to a school with the same package) adds nothing.
    for (const ect of [early, later])
      expect(
        await withTenant(database.db, tenant.id, (tx) =>
          chargePerEctPackages(tx, {
            tenantId: tenant.id,
            ect: { id: ect.ectId, name: 'x' },
            schoolId: schoolD.id,
            academicYear: year,
          }),
        ),
      ).toBe(0);
    expect(await charges()).toHaveLength(2);

    // The subscription run bills the school nothing for this package (the per-school one still is); the
    // charges run bills the two ECTs (and their AB fees).
    const finance = as(people.manager);
    const upTo = academicYearStart(year + 1);
    const subs = await finance.invoices.previewRun({ kind: 'subscriptions', upTo, academicYear: year });
    expect(subs.invoices.find((i) => i.schoolId === schoolD.id)).toBeUndefined();
    expect(subs.invoices.find((i) => i.schoolId === schools.a.id)).toBeDefined();
    const owed = await finance.invoices.previewRun({ kind: 'charges', upTo: addDays(today, 1) });
    expect(owed.invoices.find((i) => i.schoolId === schoolD.id)).toMatchObject({
      lineCount: 4,
      netPence: 2 * 30_000 + 2 * 45_000,
    });

    // Cancelling the package cancels its charges not yet invoiced (the AB fees stay); a later ECT adds none.
    const cancelled = await withTenant(database.db, tenant.id, (tx) =>
      cancelSubscription(tx, {
        id: subscribed.id,
        reason: 'School withdrew',
        tenantId: tenant.id,
        actorUserId: people.manager.id,
        today,
      }),
    );
    expect(cancelled).toMatchObject({ ectChargesCancelled: 2, ectChargesInvoiced: 0 });
    await register(headD, schoolD.id, 'Ivo Afterwards');
    const live = await withTenant(database.db, tenant.id, (tx) =>
      tx
        .select({ id: chargeableItems.id })
        .from(chargeableItems)
        .where(
          and(
            eq(chargeableItems.schoolId, schoolD.id),
            eq(chargeableItems.sourceType, perEctPackageSource),
            eq(chargeableItems.status, 'uninvoiced'),
          ),
        ),
    );
    expect(live).toHaveLength(0);
  });

  it('one live charge per ECT and package, even when two transactions race to make it', async () => {
    const key = perEctChargeKey(randomUUID(), randomUUID());
    const charge = () =>
      withTenant(database.db, tenant.id, (tx) =>
        recordCharge(
          tx,
          {
            tenantId: tenant.id,
            schoolId: schools.a.id,
            description: 'Raced',
            unitPricePence: 100,
            quantityHundredths: 100,
            vatRateBasisPoints: 0,
            pricedAsMember: true,
            sourceType: perEctPackageSource,
            sourceId: key,
          },
          { once: true },
        ),
      );
    const results = await Promise.all([charge(), charge(), charge(), charge()]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });
});
