import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import {
  auditLog,
  chargeableItems,
  courseAttendance,
  courseBookings,
  courseEvaluations,
  courses,
  courseSessions,
  ectRegistrations,
  ects,
  governors,
  governorTrainingRecords,
  inductionAbsences,
  inductionCheckpoints,
  inductionOutcomes,
  inductionPeriods,
  inductionSupportPlans,
  invoiceLines,
  invoices,
  outboxEmails,
  personalDataErasures,
} from '~/db/schema';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { runScheduledJob } from '~/server/jobs/run-scheduled-job';
import { renderPdf } from '~/server/pdf/render-pdf';
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
import { openTestDatabase, rowsOf, testAppUrl } from './harness';

const today = todayInLondon();
const terms = { freeUntilWorkingDays: 10, lateCancellationPercent: 50, noShowPercent: 100 };

/**
 * Subject access and erasure through the tRPC caller, in an Appropriate Body workspace of the test's own that
 * also keeps governors and runs courses and invoices: an ECT who passed, one in induction, a governor who left
 * in 2024 (on two boards), a serving governor, a delegate known only by email; and a second workspace whose
 * people must stay out of reach.
 */
describe('personal data', () => {
  let database: Database;
  let ab: MadeTenant;
  let other: MadeTenant;
  let manager: MadeUser;
  let inductionOfficer: MadeUser;
  let governanceOfficer: MadeUser;
  let head: MadeUser;
  let otherManager: MadeUser;
  let tag: string;
  const ids = {} as Record<
    | 'school'
    | 'school2'
    | 'ect'
    | 'ectInProgress'
    | 'gus'
    | 'gus2'
    | 'serving'
    | 'course'
    | 'gusBooking'
    | 'eveBooking'
    | 'doraBooking'
    | 'invoice'
    | 'charge'
    | 'otherGovernor'
    | 'rhea'
    | 'ada'
    | 'wyn'
    | 'eveRegistration',
    string
  >;
  const email = (local: string) => `${local}.${tag}@example.org`;
  const as = (u: MadeUser, slug = ab.slug) => callerAs(database.db, u, slug);
  const inAb = <T>(fn: Parameters<typeof withTenant<T>>[2]) => withTenant(database.db, ab.id, fn);

  async function insertOne<T>(promise: Promise<T[]>): Promise<T> {
    const [row] = await promise;
    if (!row) throw new Error('not inserted');
    return row;
  }

  beforeAll(async () => {
    database = await openTestDatabase();
    tag = uniqueTag();
    ab = await makeTenant(database.db, {
      kind: 'appropriate_body',
      modules: ['induction', 'governance', 'courses', 'invoices'],
    });
    other = await makeTenant(database.db, { modules: ['governance', 'courses'] });
    manager = await makeUser(database.db, { name: 'Mo Manager' });
    inductionOfficer = await makeUser(database.db, { name: 'Ivy Induction' });
    governanceOfficer = await makeUser(database.db, { name: 'Gwen Governance' });
    head = await makeUser(database.db, { name: 'Hugh Head' });
    otherManager = await makeUser(database.db, { name: 'Ola Other' });
    const school = await makeSchool(database.db, ab.id, { name: 'Rowan Primary' });
    const school2 = await makeSchool(database.db, ab.id, { name: 'Hazel Primary' });
    ids.school = school.id;
    ids.school2 = school2.id;
    await addMembership(database.db, ab.id, manager.id, 'tenant_admin');
    await addMembership(database.db, ab.id, inductionOfficer.id, 'adviser');
    await addMembership(database.db, ab.id, governanceOfficer.id, 'la_officer');
    await addMembership(database.db, ab.id, head.id, 'school_admin', school.id);
    await addMembership(database.db, other.id, otherManager.id, 'tenant_admin');
    await addMembership(database.db, other.id, manager.id, 'governor');

    await inAb(async (tx) => {
      const t = ab.id;
      const ect = await insertOne(
        tx
          .insert(ects)
          .values({
            tenantId: t,
            trn: String(1_000_000 + Math.floor(Math.random() * 8_999_999)),
            name: 'Eve Ect',
            email: email('eve'),
            dateOfBirth: '1999-05-01',
            startsOn: '2023-09-01',
            previousInduction: 'One term at Ash School in 2022',
            status: 'completed',
          })
          .returning(),
      );
      ids.ect = ect.id;
      const period = await insertOne(
        tx
          .insert(inductionPeriods)
          .values({
            tenantId: t,
            ectId: ect.id,
            schoolId: school.id,
            startsOn: '2023-09-01',
            endsOn: '2025-07-18',
            fteHundredths: 100,
            tutorName: 'Tara Tutor',
            tutorEmail: email('tara'),
            mentorName: 'Max Mentor',
            mentorEmail: email('max'),
          })
          .returning(),
      );
      const checkpoint = await insertOne(
        tx
          .insert(inductionCheckpoints)
          .values({
            tenantId: t,
            ectId: ect.id,
            periodId: period.id,
            kind: 'review',
            termNumber: 1,
            dueOn: '2023-12-15',
            status: 'accepted',
            judgement: 'not_on_track',
            evidence: 'Eve struggled with behaviour management in Year 5',
            abComment: 'Support plan agreed',
          })
          .returning(),
      );
      await tx.insert(inductionSupportPlans).values({
        tenantId: t,
        ectId: ect.id,
        checkpointId: checkpoint.id,
        actions: 'Weekly coaching for Eve',
      });
      await tx.insert(inductionAbsences).values({
        tenantId: t,
        ectId: ect.id,
        startsOn: '2024-01-08',
        days: 5,
        reason: 'Hospital treatment',
      });
      await tx.insert(inductionOutcomes).values({
        tenantId: t,
        ectId: ect.id,
        outcome: 'pass',
        decidedOn: '2025-07-20',
        termsServedTenths: 60,
        note: 'Passed',
        recordedByUserId: inductionOfficer.id,
      });
      const inProgress = await insertOne(
        tx
          .insert(ects)
          .values({
            tenantId: t,
            trn: String(1_000_000 + Math.floor(Math.random() * 8_999_999)),
            name: 'Ian Inprogress',
            email: email('ian'),
            startsOn: '2025-09-01',
          })
          .returning(),
      );
      ids.ectInProgress = inProgress.id;

      const governor = (values: Partial<typeof governors.$inferInsert>) =>
        insertOne(
          tx
            .insert(governors)
            .values({
              tenantId: t,
              schoolId: school.id,
              name: 'Gus Governor',
              category: 'parent',
              appointedOn: '2020-09-01',
              ...values,
            })
            .returning(),
        );
      const gus = await governor({
        email: email('gus'),
        phone: '07700 900123',
        steppedDownOn: '2024-07-31',
        businessInterests: 'Director of Gus Ltd',
        attendance: '5 of 6',
      });
      // The same person on a second board, also left.
      const gus2 = await governor({
        schoolId: school2.id,
        email: email('gus').toUpperCase(),
        category: 'co_opted',
        steppedDownOn: '2024-12-31',
      });
      const serving = await governor({ name: 'Sam Serving', email: email('sam') });
      ids.gus = gus.id;
      ids.gus2 = gus2.id;
      ids.serving = serving.id;
      await tx.insert(governorTrainingRecords).values({
        tenantId: t,
        governorId: gus.id,
        title: 'Safeguarding for governors',
        on: '2023-03-01',
        provider: 'NGA',
      });

      const course = await insertOne(
        tx
          .insert(courses)
          .values({
            tenantId: t,
            title: 'Governor induction',
            format: 'in_person',
            capacity: 10,
            status: 'published',
            cancellationTerms: terms,
            startsOn: '2024-03-04',
            endsOn: '2024-03-04',
          })
          .returning(),
      );
      ids.course = course.id;
      const session = await insertOne(
        tx
          .insert(courseSessions)
          .values({
            tenantId: t,
            courseId: course.id,
            sequence: 1,
            on: '2024-03-04',
            startTime: '09:00',
            endTime: '12:00',
            startsAt: new Date('2024-03-04T09:00:00Z'),
            endsAt: new Date('2024-03-04T12:00:00Z'),
          })
          .returning(),
      );
      const charge = await insertOne(
        tx
          .insert(chargeableItems)
          .values({
            tenantId: t,
            schoolId: school.id,
            description: 'Governor induction: place for Gus Governor',
            quantityHundredths: 100,
            unitPricePence: 10_000,
            netPence: 10_000,
            vatRateBasisPoints: 2000,
            pricedAsMember: true,
            sourceType: 'course_booking',
            status: 'invoiced',
          })
          .returning(),
      );
      ids.charge = charge.id;
      const booking = (
        name: string,
        address: string,
        extra: Partial<typeof courseBookings.$inferInsert> = {},
      ) =>
        insertOne(
          tx
            .insert(courseBookings)
            .values({
              tenantId: t,
              courseId: course.id,
              schoolId: school.id,
              delegateName: name,
              delegateEmail: address,
              delegateRole: 'Parent governor',
              status: 'confirmed',
              funding: 'charge',
              pricePence: 10_000,
              ...extra,
            })
            .returning(),
        );
      const gusBooking = await booking('Gus Governor', email('gus'), { chargeableItemId: charge.id });
      ids.gusBooking = gusBooking.id;
      await tx
        .update(chargeableItems)
        .set({ sourceId: gusBooking.id })
        .where(eq(chargeableItems.id, charge.id));
      ids.eveBooking = (await booking('Eve Ect', email('eve'))).id;
      ids.doraBooking = (await booking('Dora Delegate', email('dora'))).id;
      await tx.insert(courseAttendance).values({
        tenantId: t,
        bookingId: gusBooking.id,
        sessionId: session.id,
        status: 'attended',
      });
      await tx.insert(courseEvaluations).values({
        tenantId: t,
        bookingId: gusBooking.id,
        courseId: course.id,
        ratings: { content: 5, delivery: 4 },
        comments: 'Loved it, as a dad of two at Rowan',
      });
      const invoice = await insertOne(
        tx
          .insert(invoices)
          .values({
            tenantId: t,
            schoolId: school.id,
            status: 'issued',
            number: `PD-${tag}`,
            sequenceNumber: 1,
            issuedOn: '2024-03-10',
            dueOn: '2024-04-09',
            customerName: 'Rowan Primary',
            customerCategory: 'maintained',
            netPence: 10_000,
            vatPence: 2_000,
            grossPence: 12_000,
          })
          .returning(),
      );
      ids.invoice = invoice.id;
      await tx.insert(invoiceLines).values({
        tenantId: t,
        invoiceId: invoice.id,
        position: 1,
        description: 'Governor induction: place for Gus Governor',
        quantityHundredths: 100,
        unitPricePence: 10_000,
        netPence: 10_000,
        vatTreatment: 'standard',
        vatRateBasisPoints: 2000,
        vatPence: 2_000,
        sourceKey: `chargeable:${charge.id}`,
        chargeableItemId: charge.id,
      });
      await tx.insert(outboxEmails).values([
        { to: email('gus'), subject: 'Your place on Governor induction', text: 'Dear Gus, see you there.' },
        { to: email('dora'), subject: 'Your place', text: 'Dear Dora' },
        { to: email('eve'), subject: 'Your induction', text: 'Dear Eve' },
      ]);
    });

    const otherSchool = await makeSchool(database.db, other.id);
    await withTenant(database.db, other.id, async (tx) => {
      const school = otherSchool;
      const row = await insertOne(
        tx
          .insert(governors)
          .values({
            tenantId: other.id,
            schoolId: school.id,
            name: 'Olga Elsewhere',
            email: email('olga'),
            category: 'parent',
            appointedOn: '2015-09-01',
            steppedDownOn: '2016-08-31',
          })
          .returning(),
      );
      ids.otherGovernor = row.id;
    });

    // Schools' registrations sent to the AB for checking, through the caller: one declined, one awaiting, one
    // withdrawn by the school; and the accepted one that became Eve's record.
    await as(manager).induction.updateSettings({ feePerEctPence: 0, checkRegistrations: true });
    const send = async (name: string, local: string) =>
      (
        await as(head).induction.submitRegistration({
          schoolId: ids.school,
          name,
          trn: String(1_000_000 + Math.floor(Math.random() * 8_999_999)),
          email: email(local),
          dateOfBirth: '2001-02-03',
          startsOn: '2025-09-03',
          fte: 1,
          tutorName: 'Tara Tutor',
          tutorEmail: email('tara'),
          mentorName: 'Max Mentor',
          mentorEmail: email('max'),
        })
      ).registrationId;
    ids.rhea = await send('Rhea Registered', 'rhea');
    await as(inductionOfficer).induction.rejectRegistration({
      registrationId: ids.rhea,
      reason: 'No QTS yet: register again once it is awarded',
    });
    ids.ada = await send('Ada Awaiting', 'ada');
    ids.wyn = await send('Wyn Withdrawn', 'wyn');
    await as(head).induction.withdrawRegistration({ registrationId: ids.wyn });
    await inAb(async (tx) => {
      const [eve] = await tx.select().from(ects).where(eq(ects.id, ids.ect));
      const row = await insertOne(
        tx
          .insert(ectRegistrations)
          .values({
            tenantId: ab.id,
            schoolId: ids.school,
            status: 'accepted',
            trn: eve?.trn ?? '',
            name: 'Eve Ect',
            email: email('eve'),
            dateOfBirth: '1999-05-01',
            startsOn: '2023-09-01',
            fteHundredths: 100,
            tutorName: 'Tara Tutor',
            tutorEmail: email('tara'),
            mentorName: 'Max Mentor',
            mentorEmail: email('max'),
            submittedOn: '2023-08-20',
            submittedByUserId: head.id,
            decidedByUserId: inductionOfficer.id,
            decidedAt: new Date('2023-08-25T10:00:00Z'),
            ectId: ids.ect,
          })
          .returning(),
      );
      ids.eveRegistration = row.id;
    });
  });

  const registrationRow = (id: string) =>
    inAb(async (tx) => (await tx.select().from(ectRegistrations).where(eq(ectRegistrations.id, id)))[0]);

  /** Every row of the invoicing tables and the audit log as it was: erasure must leave them as they are. */
  async function ledgerPrint() {
    return inAb(async (tx) => ({
      invoices: await tx.select().from(invoices).orderBy(invoices.id),
      lines: await tx.select().from(invoiceLines).orderBy(invoiceLines.id),
      invoicedCharges: await tx
        .select()
        .from(chargeableItems)
        .where(eq(chargeableItems.status, 'invoiced'))
        .orderBy(chargeableItems.id),
      totals: rowsOf<{ gross: number }>(
        await tx.execute(sql`select coalesce(sum(gross_pence), 0)::int as gross from invoices`),
      )[0],
      audit: await tx.select().from(auditLog).orderBy(auditLog.createdAt, auditLog.id),
    }));
  }

  it('exports everything held about a governor across modules, and audits the export', async () => {
    const data = await as(governanceOfficer).personalData.exportJson({
      subject: { kind: 'governor', id: ids.gus },
    });
    expect(data.subject).toMatchObject({ kind: 'governor', name: 'Gus Governor', email: email('gus') });
    // Both boards, matched by email whatever its case.
    expect(data.governance.map((g) => g.school).sort()).toEqual(['Hazel Primary', 'Rowan Primary']);
    const rowan = data.governance.find((g) => g.school === 'Rowan Primary');
    expect(rowan).toMatchObject({ businessInterests: 'Director of Gus Ltd', attendance: '5 of 6' });
    expect(rowan?.trainingElsewhere).toEqual([
      { title: 'Safeguarding for governors', on: '2023-03-01', provider: 'NGA' },
    ]);
    expect(data.courses).toHaveLength(1);
    expect(data.courses[0]).toMatchObject({ course: 'Governor induction', status: 'confirmed' });
    expect(data.courses[0]?.attendance).toEqual([expect.objectContaining({ status: 'attended' })]);
    expect(data.courses[0]?.evaluation?.comments).toContain('dad of two');
    expect(data.emails.map((e) => e.subject)).toEqual(['Your place on Governor induction']);
    expect(data.invoiceLines).toEqual([
      expect.objectContaining({
        number: `PD-${tag}`,
        description: 'Governor induction: place for Gus Governor',
      }),
    ]);
    expect(data.notes.join(' ')).toContain('never edited');

    const [audited] = await inAb((tx) =>
      tx
        .select()
        .from(auditLog)
        .where(
          and(eq(auditLog.action, 'personalData.exportJson'), eq(auditLog.actorUserId, governanceOfficer.id)),
        ),
    );
    expect(audited?.resultIds).toEqual({ subjectId: ids.gus });
  });

  it('exports an ECT’s induction record, course places and emails; the PDF renders', async () => {
    const data = await as(inductionOfficer).personalData.exportJson({
      subject: { kind: 'ect', id: ids.ect },
    });
    expect(data.induction?.ect).toMatchObject({ name: 'Eve Ect', dateOfBirth: '1999-05-01' });
    expect(data.induction?.periods).toEqual([
      expect.objectContaining({ school: 'Rowan Primary', tutorName: 'Tara Tutor' }),
    ]);
    expect(data.induction?.checkpoints[0]?.evidence).toContain('behaviour management');
    expect(data.induction?.supportPlans[0]?.actions).toBe('Weekly coaching for Eve');
    expect(data.induction?.absences[0]?.reason).toBe('Hospital treatment');
    expect(data.induction?.outcomes).toEqual([
      expect.objectContaining({ outcome: 'pass', termsServedTenths: 60 }),
    ]);
    expect(data.courses.map((c) => c.delegateName)).toEqual(['Eve Ect']);
    expect(data.emails.map((e) => e.subject)).toEqual(['Your induction']);

    const pdf = await as(inductionOfficer).personalData.exportPdf({ subject: { kind: 'ect', id: ids.ect } });
    expect(pdf.filename).toBe('personal-data-eve-ect.pdf');
    const headings = pdf.document.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
    expect(headings).toEqual(
      expect.arrayContaining([
        'ECT induction',
        'Progress reviews and assessments',
        'Outcomes',
        'Course places',
        'Emails sent',
      ]),
    );
    const bytes = await renderPdf(pdf.document);
    expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('finds people by name or email across ECTs, governors and delegates, as far as the role allows', async () => {
    const all = await as(manager).personalData.search({ query: tag });
    expect(all.map((p) => `${p.kind}:${p.name}`).sort()).toEqual(
      expect.arrayContaining([
        'delegate:Dora Delegate',
        'ect:Eve Ect',
        'governor:Gus Governor',
        'governor:Sam Serving',
      ]),
    );
    // Eve's and Gus's emails are theirs, not separate delegates; people known by a school's registration are.
    expect(
      all
        .filter((p) => p.kind === 'delegate')
        .map((p) => p.email)
        .sort(),
    ).toEqual([email('ada'), email('dora'), email('rhea'), email('wyn')]);
    const officerSees = await as(governanceOfficer).personalData.search({ query: tag });
    expect(new Set(officerSees.map((p) => p.kind))).toEqual(new Set(['governor']));
    const abSees = await as(inductionOfficer).personalData.search({ query: tag });
    expect(new Set(abSees.map((p) => p.kind))).toEqual(new Set(['ect']));
  });

  it('finds, describes and exports a school’s ECT registrations, declined with the reason or accepted', async () => {
    const [rhea] = await inAb((tx) =>
      tx.select().from(ectRegistrations).where(eq(ectRegistrations.id, ids.rhea)),
    );
    // By name, email and TRN.
    for (const query of ['Rhea Registered', email('rhea'), rhea?.trn ?? ''])
      expect(await as(manager).personalData.search({ query })).toEqual([
        expect.objectContaining({
          kind: 'delegate',
          name: 'Rhea Registered',
          email: email('rhea'),
          detail: 'ECT registration sent for checking',
        }),
      ]);
    const subject = { kind: 'delegate' as const, email: email('rhea') };
    const person = await as(manager).personalData.person({ subject });
    expect(person).toMatchObject({ registrations: 1, verdict: { allowed: true } });

    const data = await as(manager).personalData.exportJson({ subject });
    expect(data.registrations).toEqual([
      expect.objectContaining({
        school: 'Rowan Primary',
        status: 'rejected',
        name: 'Rhea Registered',
        trn: rhea?.trn,
        email: email('rhea'),
        dateOfBirth: '2001-02-03',
        startsOn: '2025-09-03',
        tutorName: 'Tara Tutor',
        rejectionReason: 'No QTS yet: register again once it is awarded',
      }),
    ]);
    expect(data.registrations[0]?.decidedAt).toBeInstanceOf(Date);
    const pdf = await as(manager).personalData.exportPdf({ subject });
    const headings = pdf.document.blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
    expect(headings).toContain('ECT registrations sent for checking');
    expect(JSON.stringify(pdf.document)).toContain('No QTS yet');

    // The accepted registration that became Eve's record is in her export, found by the record.
    const eve = await as(inductionOfficer).personalData.exportJson({ subject: { kind: 'ect', id: ids.ect } });
    expect(eve.registrations).toEqual([
      expect.objectContaining({ status: 'accepted', name: 'Eve Ect', submittedOn: '2023-08-20' }),
    ]);
    expect(
      (await as(inductionOfficer).personalData.person({ subject: { kind: 'ect', id: ids.ect } }))
        .registrations,
    ).toBe(1);
  });

  it('lets only the right officers act: induction officers for ECTs, governance officers for governors', async () => {
    await expect(
      as(governanceOfficer).personalData.exportJson({ subject: { kind: 'ect', id: ids.ect } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      as(inductionOfficer).personalData.exportJson({ subject: { kind: 'governor', id: ids.gus } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      as(inductionOfficer).personalData.exportJson({ subject: { kind: 'delegate', email: email('dora') } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    for (const call of [
      () => as(head).personalData.exportJson({ subject: { kind: 'governor', id: ids.gus } }),
      () => as(head).personalData.search({ query: 'Gus' }),
      () =>
        as(head).personalData.erase({
          subject: { kind: 'governor', id: ids.gus },
          reason: 'Asked',
          confirmed: true,
        }),
      () =>
        as(inductionOfficer).personalData.setRetention({ governorYears: 1, ectYears: 1, delegateYears: 1 }),
    ])
      await expect(call()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("cannot reach another workspace's person, whatever id or email is sent", async () => {
    const before = await withTenant(database.db, other.id, (tx) => tx.select().from(governors));
    for (const subject of [
      { kind: 'governor' as const, id: ids.otherGovernor },
      { kind: 'ect' as const, id: ids.otherGovernor },
      { kind: 'delegate' as const, email: email('olga') },
    ]) {
      await expect(as(manager).personalData.exportJson({ subject })).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(
        as(manager).personalData.erase({ subject, reason: 'Asked to', confirmed: true }),
      ).rejects.toMatchObject({ code: expect.stringMatching(/NOT_FOUND|CONFLICT/) });
    }
    // A member of both workspaces, acting in the other one, cannot reach this one's governor either.
    await expect(
      as(otherManager, other.slug).personalData.exportJson({ subject: { kind: 'governor', id: ids.gus } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await withTenant(database.db, other.id, (tx) => tx.select().from(governors))).toEqual(before);
  });

  it('refuses to erase a serving governor and an ECT still in induction, changing nothing', async () => {
    await expect(
      as(governanceOfficer).personalData.erase({
        subject: { kind: 'governor', id: ids.serving },
        reason: 'Asked to',
        confirmed: true,
      }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('still serving'),
    });
    await expect(
      as(inductionOfficer).personalData.erase({
        subject: { kind: 'ect', id: ids.ectInProgress },
        reason: 'Asked to',
        confirmed: true,
      }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining('still in induction'),
    });
    const person = await as(inductionOfficer).personalData.person({
      subject: { kind: 'ect', id: ids.ectInProgress },
    });
    expect(person.verdict.allowed).toBe(false);
    const [ian] = await inAb((tx) => tx.select().from(ects).where(eq(ects.id, ids.ectInProgress)));
    expect(ian?.name).toBe('Ian Inprogress');
  });

  it('erases a governor: placeholder everywhere, invoices, their totals and the audit log untouched', async () => {
    const before = await ledgerPrint();
    const result = await as(governanceOfficer).personalData.erase({
      subject: { kind: 'governor', id: ids.gus },
      reason: 'Erasure request received by email',
      confirmed: true,
    });
    expect(result.placeholder).toMatch(/^Erased person [0-9a-f]{4}$/);
    expect(result.scope).toBe('full');
    expect(result.counts).toMatchObject({
      governorAppointments: 2,
      coursePlaces: 1,
      evaluationComments: 1,
      emails: 1,
    });

    const after = await ledgerPrint();
    expect(after.invoices).toEqual(before.invoices);
    expect(after.lines).toEqual(before.lines);
    expect(after.invoicedCharges).toEqual(before.invoicedCharges);
    expect(after.totals).toEqual(before.totals);
    // Every earlier audit row is as it was; the erasure added its own, with ids only.
    expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
    const added = after.audit.slice(before.audit.length);
    expect(added.map((a) => a.action)).toEqual(['personalData.erase']);
    expect(JSON.stringify(added)).not.toContain('Gus');

    await inAb(async (tx) => {
      const rows = await tx
        .select()
        .from(governors)
        .where(sql`${governors.id} in (${ids.gus}, ${ids.gus2})`);
      for (const g of rows) {
        expect(g).toMatchObject({
          name: result.placeholder,
          email: '',
          phone: '',
          businessInterests: '',
          attendance: '',
          category: expect.any(String),
        });
        expect(g.steppedDownOn).not.toBeNull();
      }
      const [place] = await tx.select().from(courseBookings).where(eq(courseBookings.id, ids.gusBooking));
      expect(place).toMatchObject({
        delegateName: result.placeholder,
        status: 'confirmed',
        pricePence: 10_000,
      });
      expect(place?.delegateEmail).toMatch(/@erased\.invalid$/);
      expect(place?.chargeableItemId).toBe(ids.charge);
      const [evaluation] = await tx
        .select()
        .from(courseEvaluations)
        .where(eq(courseEvaluations.bookingId, ids.gusBooking));
      expect(evaluation).toMatchObject({ comments: '', ratings: { content: 5, delivery: 4 } });
      const mails = await tx
        .select()
        .from(outboxEmails)
        .where(sql`${outboxEmails.text} like 'Dear Gus%'`);
      expect(mails).toEqual([]);
      const [log] = await tx
        .select()
        .from(personalDataErasures)
        .where(eq(personalDataErasures.subjectId, ids.gus));
      expect(log).toMatchObject({
        subjectKind: 'governor',
        scope: 'full',
        erasedByUserId: governanceOfficer.id,
      });
      expect(JSON.stringify(log)).not.toMatch(/Gus|gus\./);
      // Training stays, anonymous now that the governor is.
      expect(
        await tx
          .select()
          .from(governorTrainingRecords)
          .where(eq(governorTrainingRecords.governorId, ids.gus)),
      ).toHaveLength(1);
    });

    await expect(
      as(governanceOfficer).personalData.erase({
        subject: { kind: 'governor', id: ids.gus },
        reason: 'Again',
        confirmed: true,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const again = await as(governanceOfficer).personalData.exportJson({
      subject: { kind: 'governor', id: ids.gus },
    });
    expect(JSON.stringify(again)).not.toContain('Director of Gus Ltd');
    expect(again.erasures).toHaveLength(1);
    // The places are no longer theirs by any address; the issued invoice (checked above) still says what it said.
    expect(again.courses).toEqual([]);
  });

  it('erases a completed ECT’s contact data and keeps the induction record for the TRA', async () => {
    const result = await as(inductionOfficer).personalData.erase({
      subject: { kind: 'ect', id: ids.ect },
      reason: 'Erasure request',
      confirmed: true,
    });
    expect(result.scope).toBe('contact');
    expect(result.keeps.join(' ')).toContain('Teaching Regulation Agency');
    await inAb(async (tx) => {
      const [eve] = await tx.select().from(ects).where(eq(ects.id, ids.ect));
      expect(eve).toMatchObject({ name: 'Eve Ect', dateOfBirth: null, previousInduction: '' });
      expect(eve?.trn).toMatch(/^[0-9]{7}$/);
      expect(eve?.email).toMatch(/@erased\.invalid$/);
      expect(await tx.select().from(inductionOutcomes).where(eq(inductionOutcomes.ectId, ids.ect))).toEqual([
        expect.objectContaining({ outcome: 'pass', note: 'Passed' }),
      ]);
      const [checkpoint] = await tx
        .select()
        .from(inductionCheckpoints)
        .where(eq(inductionCheckpoints.ectId, ids.ect));
      expect(checkpoint?.evidence).toContain('behaviour management');
      const [absence] = await tx.select().from(inductionAbsences).where(eq(inductionAbsences.ectId, ids.ect));
      expect(absence?.reason).toBe('');
      const [place] = await tx.select().from(courseBookings).where(eq(courseBookings.id, ids.eveBooking));
      expect(place?.delegateName).toBe(result.placeholder);
    });
    // The registration that became her record goes: the record kept for the TRA holds what is needed.
    expect(result.counts).toMatchObject({ ectRegistrations: 1 });
    expect(result.counts).not.toHaveProperty('registrationsWithdrawn');
    expect(await registrationRow(ids.eveRegistration)).toBeUndefined();
  });

  it('erases a delegate known only by email, and sends an ECT’s or governor’s address to their record', async () => {
    await expect(
      as(manager).personalData.erase({
        subject: { kind: 'delegate', email: email('sam') },
        reason: 'Asked',
        confirmed: true,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const result = await as(manager).personalData.erase({
      subject: { kind: 'delegate', email: email('dora').toUpperCase() },
      reason: 'Asked by email',
      confirmed: true,
    });
    expect(result.counts).toMatchObject({ coursePlaces: 1, emails: 1 });
    await expect(
      as(manager).personalData.exportJson({ subject: { kind: 'delegate', email: email('dora') } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('erases a person known by a registration still awaiting the AB: withdrawn and removed', async () => {
    const subject = { kind: 'delegate' as const, email: email('ada') };
    const result = await as(manager).personalData.erase({
      subject,
      reason: 'Asked by email',
      confirmed: true,
    });
    expect(result.counts).toMatchObject({ ectRegistrations: 1, registrationsWithdrawn: 1 });
    expect(await registrationRow(ids.ada)).toBeUndefined();
    expect((await as(inductionOfficer).induction.registrations()).map((r) => r.id)).not.toContain(ids.ada);
    await expect(as(manager).personalData.exportJson({ subject })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // The others' registrations are untouched.
    expect(await registrationRow(ids.rhea)).toMatchObject({ status: 'rejected' });
  });

  it('retention: the nightly job anonymises what is past the periods, once, audited', async () => {
    await as(manager).personalData.setRetention({ governorYears: 1, ectYears: 1, delegateYears: 1 });
    expect(await as(manager).personalData.retention()).toMatchObject({ governorYears: 1, isDefault: false });
    await expect(
      as(manager).personalData.setRetention({ governorYears: 0, ectYears: 1, delegateYears: 1 }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // A governor who left two years ago and a fresh course place, before the run.
    const { formerId, freshId, oldId, ianAcceptedId, recentId } = await inAb(async (tx) => {
      const former = await insertOne(
        tx
          .insert(governors)
          .values({
            tenantId: ab.id,
            schoolId: ids.school,
            name: 'Fay Former',
            email: email('fay'),
            category: 'co_opted',
            appointedOn: '2018-09-01',
            steppedDownOn: '2023-08-31',
            businessInterests: 'Trustee of Fay Trust',
          })
          .returning(),
      );
      const fresh = await insertOne(
        tx
          .insert(courses)
          .values({
            tenantId: ab.id,
            title: 'Next year',
            format: 'online',
            capacity: 5,
            cancellationTerms: terms,
            startsOn: '2099-01-01',
            endsOn: '2099-01-01',
          })
          .returning(),
      );
      const place = await insertOne(
        tx
          .insert(courseBookings)
          .values({
            tenantId: ab.id,
            courseId: fresh.id,
            schoolId: ids.school,
            delegateName: 'Nia New',
            delegateEmail: email('nia'),
            status: 'confirmed',
          })
          .returning(),
      );
      const old = await insertOne(
        tx
          .insert(courseBookings)
          .values({
            tenantId: ab.id,
            courseId: ids.course,
            schoolId: ids.school,
            delegateName: 'Olly Old',
            delegateEmail: email('olly'),
            status: 'confirmed',
          })
          .returning(),
      );
      // Decided registrations: Wyn's withdrawal seven months ago and Ian's acceptance six months and a day ago
      // are past the six months; one declined five months ago and Rhea's declined today are not.
      const monthsAgo = (months: number, days = 0) => {
        const at = new Date(`${today}T12:00:00Z`);
        at.setUTCMonth(at.getUTCMonth() - months);
        at.setUTCDate(at.getUTCDate() - days);
        return at;
      };
      await tx
        .update(ectRegistrations)
        .set({ decidedAt: monthsAgo(7) })
        .where(eq(ectRegistrations.id, ids.wyn));
      const registrationOf = (values: Partial<typeof ectRegistrations.$inferInsert>) =>
        insertOne(
          tx
            .insert(ectRegistrations)
            .values({
              tenantId: ab.id,
              schoolId: ids.school,
              trn: String(1_000_000 + Math.floor(Math.random() * 8_999_999)),
              name: 'Someone',
              email: email('someone'),
              startsOn: '2025-09-01',
              fteHundredths: 100,
              tutorName: 'Tara Tutor',
              tutorEmail: email('tara'),
              mentorName: 'Max Mentor',
              mentorEmail: email('max'),
              submittedOn: '2025-08-20',
              submittedByUserId: head.id,
              ...values,
            })
            .returning(),
        );
      const ianAccepted = await registrationOf({
        name: 'Ian Inprogress',
        email: email('ian'),
        status: 'accepted',
        ectId: ids.ectInProgress,
        decidedAt: monthsAgo(6, 1),
      });
      const recent = await registrationOf({
        name: 'Rob Recent',
        email: email('rob'),
        status: 'rejected',
        rejectionReason: 'Wrong AB',
        decidedAt: monthsAgo(5),
      });
      return {
        formerId: former.id,
        freshId: place.id,
        oldId: old.id,
        ianAcceptedId: ianAccepted.id,
        recentId: recent.id,
      };
    });

    const run = () =>
      runScheduledJob(database.db, 'personal-data-retention', {
        today,
        appUrl: testAppUrl,
        tenants: [ab.slug],
      });
    const [first] = await run();
    expect(first?.result).toMatchObject({
      ran: true,
      summary: { governors: 1, ects: 1, delegates: 1, registrations: 2 },
    });
    expect(await registrationRow(ids.wyn)).toBeUndefined();
    expect(await registrationRow(ianAcceptedId)).toBeUndefined();
    expect(await registrationRow(recentId)).toMatchObject({ status: 'rejected' });
    expect(await registrationRow(ids.rhea)).toMatchObject({ status: 'rejected' });
    const [second] = await run();
    expect(second?.result).toMatchObject({ ran: false });

    await inAb(async (tx) => {
      const [fay] = await tx.select().from(governors).where(eq(governors.id, formerId));
      expect(fay?.name).toMatch(/^Erased person /);
      expect(fay?.businessInterests).toBe('');
      const [sam] = await tx.select().from(governors).where(eq(governors.id, ids.serving));
      expect(sam?.name).toBe('Sam Serving');
      // Eve's induction ended in July 2025: past one year now, so the whole record is anonymised, outcome kept.
      const [eve] = await tx.select().from(ects).where(eq(ects.id, ids.ect));
      expect(eve?.name).toMatch(/^Erased person /);
      expect(eve?.trn).toMatch(/^erased-[0-9a-f]{8}$/);
      const [checkpoint] = await tx
        .select()
        .from(inductionCheckpoints)
        .where(eq(inductionCheckpoints.ectId, ids.ect));
      expect(checkpoint?.evidence).toBe('');
      expect(
        await tx
          .select({ o: inductionOutcomes.outcome })
          .from(inductionOutcomes)
          .where(eq(inductionOutcomes.ectId, ids.ect)),
      ).toEqual([{ o: 'pass' }]);
      const [ian] = await tx.select().from(ects).where(eq(ects.id, ids.ectInProgress));
      expect(ian?.name).toBe('Ian Inprogress');
      const [nia] = await tx.select().from(courseBookings).where(eq(courseBookings.id, freshId));
      expect(nia?.delegateName).toBe('Nia New');
      const [olly] = await tx.select().from(courseBookings).where(eq(courseBookings.id, oldId));
      expect(olly?.delegateName).toMatch(/^Erased person /);
      const logs = await tx
        .select()
        .from(personalDataErasures)
        .where(eq(personalDataErasures.erasedByLabel, 'job:personal-data-retention'));
      expect(logs.map((l) => l.subjectKind).sort()).toEqual(['delegate', 'ect', 'ect', 'ect', 'governor']);
      expect(logs.filter((l) => l.counts.ectRegistrations).map((l) => l.subjectId)).toEqual(
        expect.arrayContaining([null, ids.ectInProgress]),
      );
      const audited = await tx
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'job:personal-data-retention'));
      expect(audited).toHaveLength(1);
      const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, ids.invoice));
      expect(invoice?.grossPence).toBe(12_000);
    });
    // The next day's run finds nothing more to do.
    const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const [later] = await runScheduledJob(database.db, 'personal-data-retention', {
      today: tomorrow,
      appUrl: testAppUrl,
      tenants: [ab.slug],
    });
    expect(later?.result).toMatchObject({
      ran: true,
      summary: { governors: 0, ects: 0, delegates: 0, registrations: 0 },
    });
  });
});
