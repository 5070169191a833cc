import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { commitWithNextStatement, executeRows, type Tx } from '~/db/client';
import { courseBookings, courses, courseWaitlistEntries } from '~/db/schema';
import { DomainError } from '~/server/errors/domain-error';
import type { IsoDate } from '../catalogue/academic-year';
import { markEmailQueued, queueEmail } from '../email/send-email';
import { prepareEmail, type TemplatedEmail } from '../email/templates';
import type { TDelegate } from './booking-inputs';
import { countOf } from '../format/plural';
import { courseEmail, placeDetailsOf, waitingPositionLine, type PlaceDetails } from './course-emails';
import { priceWithVat } from './course-vat';
import { loadBookingContext, type BookingContextRead, type BookingCourse } from './load-booking-context';
import { fundPlace } from './fund-place';
import { newPlaceToken } from './place-token';
import { statutoryFreeEmails } from '../governance/statutory-free-places';
import { requestApproval } from './approve-booking';
import { tellSchoolOfGovernorBooking } from '../governance/tell-school-of-governor-booking';
import { auditRowInStatement, nothingToAudit } from '../unit-of-work/run-in-tenant';
import type { PriceBasis } from './course-price';

export type BookPlacesResult = {
  confirmed: {
    bookingId: string;
    delegateEmail: string;
    funding: 'entitlement' | 'charge' | 'free';
    pricePence: number;
  }[];
  waitlisted: { entryId: string; delegateEmail: string }[];
  /** Places held for the school's approval (school staff booking, when the course asks for approval). */
  pendingApproval: { bookingId: string; delegateEmail: string }[];
  /**
   * Delegates who got no place, the course being full, and were not put on the waiting list (the booking did
   * not ask for it): the caller offers them the waiting list, which is the same booking with joinWaitingList.
   */
  offeredWaitingList: { delegateName: string; delegateEmail: string }[];
  /**
   * What the places charged cost the school, as the confirmation email says it: "2 places charged to Grange
   * Primary School: £240.00 plus VAT (£288.00)." ("plus VAT" only when the school pays VAT); null when none is.
   */
  chargeLine: string | null;
  /** How many of the school's headteachers / business managers were told of a governor's charged place. */
  schoolTold: number;
};

/**
 * Books places on a course for a school's delegates: as many as there are places are confirmed; the rest go
 * on the waiting list if the booking asks for it (joinWaitingList), or are offered it. A confirmed place draws from the school's matching entitlement line, or is charged at
 * the school's price (member, non-member or out-of-area).
 *
 * No overbooking, ever: one conditional UPDATE of the course's places_taken both checks and takes the places,
 * so concurrent bookers queue on the course row and each sees what the previous one left; the CHECK
 * (places_taken <= capacity) is the backstop. Everything that can be done before that lock (reads, prices,
 * the emails' props, in one read) is done first, so the lock is held only for the writes that follow it: a
 * charged or free place is one statement (lock, take, booking, charge, emails, waiting list, audit row), a place
 * drawn from an entitlement or held for approval a few more. A course already full when read is joined under a
 * key-share lock, so its waiting-list joiners do not queue behind bookers, only behind each other (see
 * CourseLock and queueBehindOtherJoiners).
 */
export async function bookPlaces(
  tx: Tx,
  input: {
    tenantId: string;
    slug: string;
    appUrl: string;
    providerName: string;
    courseId: string;
    schoolId: string;
    delegates: TDelegate[];
    actorUserId: string;
    laCodes: readonly string[];
    today: IsoDate;
    /**
     * Delegates who get no place go on the waiting list. Without it they are offered it (offeredWaitingList)
     * and nothing is written for them: someone who expected a place is asked, not queued unasked.
     */
    joinWaitingList: boolean;
    /**
     * A school_staff booking themselves: when the course or the school asks for it, the place is held as awaiting the
     * school's approval (it counts as taken) and funded only once approved.
     */
    staffBooking?: boolean;
    /**
     * The caller's unit of work audits this result as it is (the courses.book procedure): a one-statement
     * booking then writes the audit row in its statement (see auditRowInStatement).
     */
    auditedAsResult?: boolean;
    /**
     * The caller does nothing more in the transaction after this booking (the courses.book procedure): a
     * one-statement booking then sends COMMIT with its statement (see commitWithNextStatement), so the course
     * row's lock is released as soon as the server is done, not when this busy process gets round to answering.
     */
    endsTransaction?: boolean;
    /** The booking's context, read already (sent with the workspace lookup: see readBookingContext). */
    sentContext?: BookingContextRead | null;
    /**
     * A governor or clerk books (themselves, or the chair or clerk for the board) and so spends the school's
     * money: a place this charges to the school is told to its headteachers / business managers
     * (tellSchoolOfGovernorBooking), unless it is held for their approval. Who booked, as the email names them;
     * whether the course is governor training (the email's wording) is the course's own programme.
     */
    tellSchoolOfCharges?: { bookedBy: string };
    /** The school's purchase order number for the places charged to it (their invoice carries it). */
    purchaseOrderNumber?: string;
  },
): Promise<BookPlacesResult> {
  if (input.delegates.length === 0)
    throw new DomainError({ code: 'BAD_REQUEST', field: 'delegates', message: 'Add at least one delegate.' });
  const emails = input.delegates.map((d) => d.email.toLowerCase());
  // One round trip: the course, school, price, sessions and who already has a place.
  const { course, school, price, vatRateBasisPoints, academicYear, sessions, alreadyBooked } =
    await loadBookingContext(tx, { ...input, emails }, input.sentContext);
  if (alreadyBooked.length > 0)
    throw new DomainError({
      code: 'CONFLICT',
      field: 'delegates',
      message: `${alreadyBooked.join(', ')} already ${alreadyBooked.length === 1 ? 'has' : 'have'} a place on this course.`,
    });
  if (course.placesTaken >= course.capacity && !input.joinWaitingList) {
    // Full when read and no waiting list asked for: a read, no change (and so no audit row).
    nothingToAudit(tx);
    return { ...noPlaces(), offeredWaitingList: input.delegates.map(offered) };
  }
  if (input.joinWaitingList) await queueBehindOtherJoiners(tx, course.id);
  // Statutory governor training: free to a current governor of a maintained school (s22 Education Act 2002).
  const freeByStatute = await statutoryFreeEmails(tx, { course, schoolId: input.schoolId, emails });

  // Prepared before the lock: ids, links and both possible emails for every delegate (template props only:
  // the email job renders them after commit).
  const prepared = input.delegates.map((d) => {
    const bookingId = randomUUID();
    const { token, tokenHash } = newPlaceToken();
    const booking = { delegateName: d.name, delegateEmail: d.email };
    const common = { course, sessions, booking, providerName: input.providerName };
    const confirmedEmail = (funding: PlaceDetails['funding'], pricePence: number) =>
      courseEmail({
        ...common,
        kind: 'confirmed',
        bookingId,
        url: `${input.appUrl}/courses/${input.slug}/place/${token}`,
        place: placeDetailsOf(course, sessions, {
          schoolName: school.name,
          funding,
          pricePence,
          vatRateBasisPoints,
          bookedOn: input.today,
        }),
      });
    const waitlistedEmail = () => courseEmail({ ...common, kind: 'waitlisted' });
    return { d, bookingId, tokenHash, confirmedEmail, waitlistedEmail };
  });

  // Held for approval when the course asks for it, or the school does for all its staff bookings.
  const awaitsApproval = Boolean(
    input.staffBooking && (course.staffBookingNeedsApproval || school.staffBookingsNeedApproval),
  );
  // A governor's place that may be charged to the school: its head is emailed in this transaction. Decided
  // before any lock from what is read already, so an ordinary booking's one statement gains nothing.
  const tellsSchool =
    Boolean(input.tellSchoolOfCharges) &&
    !awaitsApproval &&
    price.pricePence > 0 &&
    emails.some((e) => !freeByStatute.has(e));
  // A place that is charged or free (no entitlement to draw from, nothing to approve, nobody to tell): one
  // statement. The rare governor's charged place takes the general path below, which can queue the head's email
  // after it: the one statement sends COMMIT with it (commitWithNextStatement), so nothing may follow it.
  if (!awaitsApproval && !course.entitlementUnit && !tellsSchool)
    return withChargeLine(
      await bookInOneStatement(tx, { ...input, course, price, freeByStatute, prepared }),
      school.name,
      vatRateBasisPoints,
    );

  const take = await takePlaces(tx, course, input.delegates.length);
  const confirmed = prepared.slice(0, take);
  const waiting = input.joinWaitingList ? prepared.slice(take) : [];
  const result: BookPlacesResult = {
    ...noPlaces(),
    offeredWaitingList: input.joinWaitingList ? [] : prepared.slice(take).map((p) => offered(p.d)),
  };
  if (take === 0 && waiting.length === 0) nothingToAudit(tx);
  const bookingRows: (typeof courseBookings.$inferInsert)[] = [];
  const confirmedEmails: TemplatedEmail[] = [];
  const waitlistedEmails: TemplatedEmail[] = [];
  for (const p of awaitsApproval ? [] : confirmed) {
    const placePrice = freeByStatute.has(p.d.email.toLowerCase()) ? { ...price, pricePence: 0 } : price;
    const funded = await fundPlace(tx, {
      tenantId: input.tenantId,
      schoolId: input.schoolId,
      course,
      academicYear,
      price: placePrice,
      bookingId: p.bookingId,
      delegateName: p.d.name,
      actorUserId: input.actorUserId,
      purchaseOrderNumber: input.purchaseOrderNumber,
    });
    bookingRows.push({
      tenantId: input.tenantId,
      id: p.bookingId,
      courseId: course.id,
      schoolId: input.schoolId,
      delegateName: p.d.name,
      delegateEmail: p.d.email,
      delegateRole: p.d.role,
      delegateNeeds: p.d.needs ?? '',
      delegateUserId: p.d.userId ?? null,
      bookedByUserId: input.actorUserId,
      status: 'confirmed',
      ...funded,
      accessTokenHash: p.tokenHash,
    });
    result.confirmed.push({
      bookingId: p.bookingId,
      delegateEmail: p.d.email,
      funding: funded.funding,
      pricePence: funded.funding === 'charge' ? placePrice.pricePence : 0,
    });
    confirmedEmails.push(p.confirmedEmail(funded.funding, placePrice.pricePence));
  }
  if (awaitsApproval)
    for (const p of confirmed) {
      bookingRows.push({
        tenantId: input.tenantId,
        id: p.bookingId,
        courseId: course.id,
        schoolId: input.schoolId,
        delegateName: p.d.name,
        delegateEmail: p.d.email,
        delegateRole: p.d.role,
        delegateNeeds: p.d.needs ?? '',
        delegateUserId: p.d.userId ?? null,
        bookedByUserId: input.actorUserId,
        status: 'pending_approval',
        pricePence: price.pricePence,
        accessTokenHash: p.tokenHash,
      });
      result.pendingApproval.push({ bookingId: p.bookingId, delegateEmail: p.d.email });
    }
  if (bookingRows.length > 0) await tx.insert(courseBookings).values(bookingRows);
  if (waiting.length > 0) {
    const entries = await tx
      .insert(courseWaitlistEntries)
      .values(
        waiting.map((p) => ({
          tenantId: input.tenantId,
          courseId: course.id,
          schoolId: input.schoolId,
          delegateName: p.d.name,
          delegateEmail: p.d.email,
          delegateRole: p.d.role,
          delegateUserId: p.d.userId ?? null,
          addedByUserId: input.actorUserId,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: courseWaitlistEntries.id, email: courseWaitlistEntries.delegateEmail });
    result.waitlisted = entries.map((e) => ({ entryId: e.id, delegateEmail: e.email }));
    const ahead = await executeRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from ${courseWaitlistEntries}
        where course_id = ${course.id} and status in ('waiting', 'offered')`,
    );
    const lineLength = Number(ahead[0]?.n ?? 0);
    waitlistedEmails.push(
      ...waiting
        .filter((p) => entries.some((e) => e.email === p.d.email))
        .map((p, i, joined) =>
          courseEmail({
            kind: 'waitlisted',
            course,
            sessions,
            booking: { delegateName: p.d.name, delegateEmail: p.d.email },
            providerName: input.providerName,
            position: lineLength - joined.length + i + 1,
          }),
        ),
    );
  }
  if (awaitsApproval && confirmed.length > 0)
    await requestApproval(tx, {
      course,
      sessions,
      schoolId: input.schoolId,
      delegates: confirmed.map((p) => p.d),
      providerName: input.providerName,
      url: `${input.appUrl}/${input.slug}/courses`,
    });
  const outgoing = [
    ...(awaitsApproval
      ? confirmed.map((p) =>
          courseEmail({
            kind: 'pending_approval',
            course,
            sessions,
            booking: { delegateName: p.d.name, delegateEmail: p.d.email },
            providerName: input.providerName,
          }),
        )
      : confirmedEmails),
    ...waitlistedEmails,
  ];
  for (const email of outgoing) await queueEmail(tx, email);
  if (tellsSchool && input.tellSchoolOfCharges)
    result.schoolTold = await tellSchoolOfGovernorBooking(tx, {
      workspaceName: input.providerName,
      schoolId: input.schoolId,
      schoolName: school.name,
      bookedBy: input.tellSchoolOfCharges.bookedBy,
      // From the course read already, so a governor course booked from the courses page is worded as one.
      governorTraining: course.programme === 'governor_training',
      // The school's own VAT on a place: "plus VAT" only to a school that will be charged it.
      course: { title: course.title, startsOn: course.startsOn, vatRateBasisPoints },
      // A place drawn from the school's package is covered, not charged: only charged places are told.
      charged: result.confirmed
        .filter((c) => c.funding === 'charge' && c.pricePence > 0)
        .map((c) => ({
          name: prepared.find((p) => p.d.email === c.delegateEmail)?.d.name ?? c.delegateEmail,
          pricePence: c.pricePence,
        })),
      url: `${input.appUrl}/${input.slug}/courses`,
    });
  return withChargeLine(result, school.name, vatRateBasisPoints);
}

/**
 * Bookings that may join a course's waiting list queue behind each other (only they take this lock; bookers
 * and cancellations do not), so each joiner's statements, run after it, see every earlier joiner's entry and
 * the number the waiting-list email gives is no one else's. Joining under the course row's key-share lock alone
 * let two joiners at the same moment both be told "number 3". Taken before the course row's lock, and by
 * nothing that then waits for a joiner, so it cannot deadlock. The two-key form keeps it apart from pg-boss's.
 */
async function queueBehindOtherJoiners(tx: Tx, courseId: string) {
  await executeRows(
    tx,
    sql`select pg_advisory_xact_lock(${waitingListLockClass}::int, hashtext(${courseId}))`,
  );
}

/** The first key of the waiting-list lock: a fixed number that no other lock of ours uses. */
const waitingListLockClass = 4_201;

const noPlaces = (): BookPlacesResult => ({
  confirmed: [],
  waitlisted: [],
  pendingApproval: [],
  offeredWaitingList: [],
  chargeLine: null,
  schoolTold: 0,
});

/** The result with its chargeLine: the places charged, at the school's price and its own VAT on a place. */
function withChargeLine(
  result: BookPlacesResult,
  schoolName: string,
  vatRateBasisPoints: number,
): BookPlacesResult {
  const charged = result.confirmed.filter((c) => c.funding === 'charge');
  const unitPence = charged[0]?.pricePence ?? 0;
  if (charged.length === 0 || unitPence <= 0) return result;
  return {
    ...result,
    chargeLine: `${countOf(charged.length, 'place')} charged to ${schoolName}: ${priceWithVat(unitPence, vatRateBasisPoints, charged.length)}.`,
  };
}

const offered = (d: TDelegate) => ({ delegateName: d.name, delegateEmail: d.email });

type Prepared = {
  d: TDelegate;
  bookingId: string;
  tokenHash: string;
  confirmedEmail: (funding: PlaceDetails['funding'], pricePence: number) => TemplatedEmail;
  /** Built only for a booking that may join the waiting list (the one-statement path). */
  waitlistedEmail: () => TemplatedEmail;
};

/**
 * How a booking locks the course row (the lock every change of places takes):
 *   - to take places, FOR NO KEY UPDATE: bookers queue on the row, each seeing what the previous one left;
 *   - to join the waiting list of a course that was full when read, FOR KEY SHARE: joiners do not queue
 *     behind bookers (only behind each other, on their own lock), but whatever frees a place (a cancellation, a declined approval,
 *     an expired hold: offerNextPlace's callers) locks the row FOR UPDATE, so it waits for them to commit and
 *     then sees their entries. A joiner who finds a place freed meanwhile takes it FOR NO KEY UPDATE (which
 *     does not conflict with its own or others' key-share locks, so joiners cannot deadlock each other).
 * One delegate ('one', the common case) does both in one statement: key-share lock the row, then the
 * conditional UPDATE places_taken + 1 where a place is left (which waits for a booker ahead and re-checks
 * the row it left, as the floor's UPDATE does). A full course is then joined holding only the key-share
 * lock, so bookings arriving as the course fills do not queue behind each other either. A booking not
 * joining the waiting list takes no key-share lock: it only runs the conditional UPDATE.
 */
type CourseLock = 'take' | 'join' | 'one';

/**
 * "The course is published", as the statements that lock the course row test it (the status is re-checked on
 * the row's latest version when the lock was waited for). Compared as text so the planner finds the row by the
 * primary key (tenant_id, id): tested as the enum, the status matches the catalogue's partial index of
 * published courses (tenant_id, starts_on, title, id), which the planner may prefer, and that walks every
 * published course of the workspace to find this one (~1 ms at 30,000 courses, while the lock is taken).
 */
const published = sql.raw(`status::text = 'published'`);

/** Takes up to `wanted` places (the general path: entitlement draws, approvals) and says how many it got. */
async function takePlaces(tx: Tx, course: BookingCourse, wanted: number): Promise<number> {
  if (course.placesTaken >= course.capacity) {
    const [row] = await executeRows<{ take: number | null }>(
      tx,
      sql`select least(${wanted}::int, capacity - places_taken) as take from ${courses}
        where id = ${course.id} and ${published} for key share`,
    );
    if (!row?.take || row.take <= 0) return 0;
  }
  const takeRows = await executeRows<{ take: number }>(
    tx,
    sql`
    update ${courses} c set places_taken = c.places_taken + t.take, updated_at = now()
    from (
      select least(${wanted}::int, capacity - places_taken) as take from ${courses}
      where id = ${course.id} and ${published} for no key update
    ) t
    where c.id = ${course.id} and t.take > 0
    returning t.take`,
  );
  return Number(takeRows[0]?.take ?? 0);
}

/**
 * A booking whose places are charged or free, in one statement: lock the course row, take what places there
 * are, write each confirmed place with its charge and confirmation email, put the rest on the waiting list
 * with theirs, and write the audit row. The lock is then held for this statement and COMMIT, which goes out
 * with it when the caller ends the transaction there (endsTransaction). A course that was full when read is
 * joined under a key-share lock (see CourseLock); if a place came free meanwhile, the booking is made again
 * with the taking lock.
 */
async function bookInOneStatement(
  tx: Tx,
  input: {
    tenantId: string;
    schoolId: string;
    actorUserId: string;
    auditedAsResult?: boolean;
    endsTransaction?: boolean;
    joinWaitingList: boolean;
    purchaseOrderNumber?: string;
    course: BookingCourse;
    price: { pricePence: number; basis: PriceBasis };
    freeByStatute: Set<string>;
    prepared: Prepared[];
  },
): Promise<BookPlacesResult> {
  const { course, price, prepared } = input;
  const rows = prepared.map((p) => {
    const pricePence = input.freeByStatute.has(p.d.email.toLowerCase()) ? 0 : price.pricePence;
    const confirmedEmail = p.confirmedEmail(pricePence > 0 ? 'charge' : 'free', pricePence);
    const confirmed = prepareEmail(confirmedEmail);
    // Someone not joining the waiting list gets no waiting-list email: none is built or sent.
    const waitlisted = input.joinWaitingList ? prepareEmail(p.waitlistedEmail()) : null;
    return {
      p,
      pricePence,
      confirmedEmail,
      chargeId: pricePence > 0 ? randomUUID() : null,
      confirmedEmailId: randomUUID(),
      waitlistedEmailId: randomUUID(),
      values: { confirmed, waitlisted },
    };
  });
  const delegates = sql.join(
    rows.map(
      (r, k) =>
        sql`(${k}::int, ${r.p.bookingId}::uuid, ${r.chargeId}::uuid, ${r.p.d.name}, ${r.p.d.email}, ${r.p.d.role},
        ${r.p.d.needs ?? ''},
        ${r.p.d.userId ?? null}::uuid, ${r.p.tokenHash}, ${r.pricePence}::int,
        ${`${course.title}: place for ${r.p.d.name}`}, ${r.confirmedEmailId}::uuid, ${r.values.confirmed.subject},
        ${r.values.confirmed.template}, ${JSON.stringify(r.values.confirmed.props)}::jsonb,
        ${JSON.stringify(r.confirmedEmail.attachments ?? [])}::jsonb, ${r.waitlistedEmailId}::uuid,
        ${r.values.waitlisted?.subject ?? null}, ${r.values.waitlisted?.template ?? null},
        ${r.values.waitlisted ? JSON.stringify(r.values.waitlisted.props) : null}::jsonb)`,
    ),
    sql`, `,
  );
  // The result carries no id fields at its top level (idsOf): the audit row's result ids are none. It is
  // written only if the statement wrote something: a place taken, or someone put on the waiting list.
  const audit = (lock: CourseLock) =>
    input.auditedAsResult
      ? auditRowInStatement(
          tx,
          {},
          lock === 'join'
            ? sql`exists (select 1 from w)`
            : sql`coalesce((select take from t), 0) > 0 or exists (select 1 from w)`,
        )
      : null;
  const run = (lock: CourseLock, auditRow = audit(lock)) =>
    executeRows<{ take: number | null; waitlisted: { id: string; email: string }[] | null }>(
      tx,
      sql`with d (k, booking_id, charge_id, name, email, role, needs, user_id, token_hash, price, description,
          c_email_id, c_subject, c_template, c_props, c_attachments, w_email_id, w_subject, w_template, w_props)
        as (values ${delegates}),
      ${
        lock === 'one'
          ? // The key-share lock holds the course for a joiner who finds it full; a booking that is not
            // joining the waiting list needs only the conditional UPDATE (finding no place, it writes nothing).
            sql`${input.joinWaitingList ? sql`held as (select id from courses where id = ${course.id} for key share),` : sql``}
      u as (
        update courses c set places_taken = c.places_taken + 1, updated_at = now()
        where c.id = ${course.id} and ${published} and c.places_taken < c.capacity
          ${input.joinWaitingList ? sql`and exists (select 1 from held)` : sql``}
        returning 1
      ),
      t as (select count(*)::int as take from u),
      placed as (select d.* from d, t where d.k < t.take),`
          : lock === 'take'
            ? sql`t as (
        select least(${prepared.length}::int, capacity - places_taken) as take from courses
        where id = ${course.id} and ${published} for no key update
      ),
      u as (
        update courses c set places_taken = c.places_taken + t.take, updated_at = now()
        from t where c.id = ${course.id} and t.take > 0
      ),
      placed as (select d.* from d, t where d.k < t.take),`
            : sql`t as (
        select least(${prepared.length}::int, capacity - places_taken) as take from courses
        where id = ${course.id} and ${published} for key share
      ),
      placed as (select d.* from d where false),`
      }
      ch as (
        insert into chargeable_items (tenant_id, id, school_id, description, quantity_hundredths, unit_price_pence,
          net_pence, vat_rate_basis_points, priced_as_member, source_type, source_id, purchase_order_number)
        select ${input.tenantId}::uuid, charge_id, ${input.schoolId}::uuid, description, 100, price, price,
          ${course.vatRateBasisPoints}::int, ${price.basis === 'member'}::boolean, 'course_booking', booking_id,
          ${input.purchaseOrderNumber ?? null}::text
        from placed where charge_id is not null
      ),
      b as (
        insert into course_bookings (tenant_id, id, course_id, school_id, delegate_name, delegate_email,
          delegate_role, delegate_needs, delegate_user_id, booked_by_user_id, status, funding, price_pence,
          chargeable_item_id, access_token_hash)
        select ${input.tenantId}::uuid, booking_id, ${course.id}::uuid, ${input.schoolId}::uuid, name, email, role,
          needs, user_id, ${input.actorUserId}::uuid, 'confirmed',
          (case when charge_id is null then 'free' else 'charge' end)::course_booking_funding, price, charge_id,
          token_hash
        from placed
      ),
      ${
        // Without joinWaitingList nobody is put on it: no waiting-list insert or email in the plan at all.
        input.joinWaitingList
          ? sql`w as (
        insert into course_waitlist_entries (tenant_id, course_id, school_id, delegate_name, delegate_email,
          delegate_role, delegate_user_id, added_by_user_id)
        select ${input.tenantId}::uuid, ${course.id}::uuid, ${input.schoolId}::uuid, name, email, role, user_id,
          ${input.actorUserId}::uuid
        from d where ${
          lock === 'join'
            ? sql`coalesce((select take from t), 0) <= 0`
            : sql`d.k >= coalesce((select take from t), 0)`
        }
        order by d.k
        on conflict do nothing
        returning id, delegate_email
      ),
      e as (
        insert into outbox_emails (id, status, "to", subject, template, props, attachments)
        select c_email_id, 'queued'::email_status, email, c_subject, c_template, c_props, c_attachments from placed
        union all
        select d.w_email_id, 'queued'::email_status, d.email, d.w_subject, d.w_template,
          jsonb_set(d.w_props, '{paragraphs}', (d.w_props -> 'paragraphs')
            || to_jsonb(replace(${waitingPositionLine('{n}')}, '{n}', (ahead.n + row_number() over (order by d.k))::text))),
          '[]'::jsonb
        from d join w on w.delegate_email = d.email
        cross join (select count(*) as n from course_waitlist_entries
          where course_id = ${course.id} and status in ('waiting', 'offered')) ahead
      )`
          : sql`w as (select null::uuid as id, null::text as delegate_email where false),
      e as (
        insert into outbox_emails (id, status, "to", subject, template, props, attachments)
        select c_email_id, 'queued'::email_status, email, c_subject, c_template, c_props, c_attachments from placed
      )`
      }${auditRow ? sql`, a as (${auditRow})` : sql``}
      select (select take from t) as take,
        (select json_agg(json_build_object('id', w.id, 'email', w.delegate_email)) from w) as waitlisted`,
    );
  const full = course.placesTaken >= course.capacity;
  const lock: CourseLock = prepared.length === 1 ? 'one' : full ? 'join' : 'take';
  // The statement is the transaction's last (its audit row included) unless a joiner finds a place came free.
  if (input.endsTransaction && input.auditedAsResult && lock !== 'join') commitWithNextStatement(tx);
  let [row] = await run(lock);
  if (prepared.length > 1 && full && (row?.take ?? 0) > 0) [row] = await run('take');
  const take = Math.max(0, Number(row?.take ?? 0));
  const written = row?.waitlisted ?? [];
  const result: BookPlacesResult = {
    ...noPlaces(),
    offeredWaitingList: input.joinWaitingList ? [] : rows.slice(take).map((r) => offered(r.p.d)),
  };
  for (const r of rows.slice(0, take)) {
    result.confirmed.push({
      bookingId: r.p.bookingId,
      delegateEmail: r.p.d.email,
      funding: r.chargeId ? 'charge' : 'free',
      pricePence: r.chargeId ? r.pricePence : 0,
    });
    markEmailQueued(tx, r.confirmedEmailId);
  }
  for (const r of rows.slice(take)) {
    const entry = written.find((w) => w.email === r.p.d.email);
    if (!entry) continue;
    result.waitlisted.push({ entryId: entry.id, delegateEmail: entry.email });
    markEmailQueued(tx, r.waitlistedEmailId);
  }
  return result;
}
