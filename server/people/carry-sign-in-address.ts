import { sql } from 'drizzle-orm';
import { executeRows, type Tx } from '~/db/client';
import { recordAudit } from '../audit/record-audit';

/** How many records in the person's workspaces now name them by their new address, by kind. */
export type CarriedRecords = {
  /** Induction records of their own (as an ECT). */
  inductionRecords: number;
  /** Induction periods where they are the ECT's mentor or induction tutor. */
  mentorOrTutor: number;
  /** Course places booked for them, and their places on waiting lists. */
  coursePlaces: number;
  /** Governing-board register entries. */
  boardEntries: number;
};

/**
 * Moves the records that name a person by their sign-in address to the new one, in every workspace they belong to,
 * in the caller's transaction (the change of address itself): an ECT whose record kept the old address would no
 * longer match it and lose sight of their own induction, and a mentor of theirs, the emails about a course place
 * would go to the old address. The person proved they hold both addresses, so records naming the old one are
 * theirs. Workspaces they do not belong to are not touched (their records are another organisation's to keep).
 * A place or waiting-list entry the new address already has on the same course is left as it is (one live
 * place per person per course). Each workspace's change is in its own audit log.
 */
export async function carrySignInAddress(
  tx: Tx,
  input: { userId: string; from: string; to: string; action: string },
): Promise<CarriedRecords> {
  const from = input.from.toLowerCase();
  const to = input.to.toLowerCase();
  const carried: CarriedRecords = { inductionRecords: 0, mentorOrTutor: 0, coursePlaces: 0, boardEntries: 0 };
  // The person's own memberships are readable under their user scope (row-level security).
  await tx.execute(sql`select set_config('app.user_id', ${input.userId}, true)`);
  const workspaces = await executeRows<{ tenantId: string }>(
    tx,
    sql`select distinct tenant_id as "tenantId" from memberships where user_id = ${input.userId}::uuid`,
  );
  for (const { tenantId } of workspaces) {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    const [counts] = await executeRows<{ ects: number; roles: number; places: number; entries: number }>(
      tx,
      sql`with ect as (
          update ects set email = ${to} where lower(email) = ${from} returning 1
        ), mentor as (
          update induction_periods
          set mentor_email = case when lower(mentor_email) = ${from} then ${to} else mentor_email end,
            tutor_email = case when lower(tutor_email) = ${from} then ${to} else tutor_email end
          where lower(mentor_email) = ${from} or lower(tutor_email) = ${from} returning 1
        ), place as (
          update course_bookings b set delegate_email = ${to}, updated_at = now()
          where lower(b.delegate_email) = ${from}
            and (b.delegate_user_id is null or b.delegate_user_id = ${input.userId}::uuid)
            and not (b.status <> 'cancelled' and exists (
              select 1 from course_bookings o where o.tenant_id = b.tenant_id and o.course_id = b.course_id
                and lower(o.delegate_email) = ${to} and o.status <> 'cancelled'))
          returning b.status
        ), waiting as (
          update course_waitlist_entries w set delegate_email = ${to}
          where lower(w.delegate_email) = ${from} and w.status in ('waiting', 'offered')
            and (w.delegate_user_id is null or w.delegate_user_id = ${input.userId}::uuid)
            and not exists (
              select 1 from course_waitlist_entries o where o.tenant_id = w.tenant_id and o.course_id = w.course_id
                and lower(o.delegate_email) = ${to} and o.status in ('waiting', 'offered'))
          returning 1
        ), board as (
          update governors set email = ${to}, user_id = ${input.userId}::uuid, updated_at = now()
          where lower(email) = ${from} and (user_id is null or user_id = ${input.userId}::uuid) returning 1
        )
        select (select count(*) from ect)::int as ects, (select count(*) from mentor)::int as roles,
          ((select count(*) from place where status <> 'cancelled') + (select count(*) from waiting))::int as places,
          (select count(*) from board)::int as entries`,
    );
    if (!counts) continue;
    carried.inductionRecords += counts.ects;
    carried.mentorOrTutor += counts.roles;
    carried.coursePlaces += counts.places;
    carried.boardEntries += counts.entries;
    if (counts.ects + counts.roles + counts.places + counts.entries > 0)
      await recordAudit(tx, {
        tenantId,
        actor: { userId: input.userId },
        action: input.action,
        input: {},
        result: {},
      });
  }
  await tx.execute(sql`select set_config('app.tenant_id', '', true), set_config('app.user_id', '', true)`);
  return carried;
}
