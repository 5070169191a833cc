import { createServer } from 'node:net';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import {
  auditLog,
  entitlementBalances,
  jobRuns,
  memberships,
  outboxEmails,
  renewalInvitations,
  renewalRounds,
} from '~/db/schema';
import { withMailroom } from '~/server/email/outbox';
import { queueEmail } from '~/server/email/send-email';
import { emailOf } from '~/server/email/templates';
import { grantEntitlement } from '~/server/entitlements/grant-entitlement';
import { startJobQueue, type JobQueue } from '~/server/jobs/job-queue';
import { runScheduledJob } from '~/server/jobs/run-scheduled-job';
import type { JobKey } from '~/server/jobs/scheduled-jobs';
import { runInTenant } from '~/server/unit-of-work/run-in-tenant';
import { callerFor, openTestDatabase, tenantBySlug, testAppUrl, userByEmail } from './harness';

/**
 * A far-off year of this run's own, so each job's period is new even on a PostgreSQL database that earlier
 * runs have used, and nothing of it touches the seeded years other tests work in.
 */
const base = 2100 + Math.floor(Math.random() * 7000);
const today = `${base + 1}-10-01`;

/** A port nothing listens on: SMTP sends to it fail for real (connection refused). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

describe('scheduled jobs', () => {
  let database: Database;
  let bep: { id: string; slug: string };
  let harrow: { id: string; slug: string };
  let brookvaleId: string;
  let roundId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    bep = await tenantBySlug(database.db, 'bep');
    harrow = await tenantBySlug(database.db, 'harrow');
    const head = await userByEmail(database.db, 'head@brookvale.sch.example');
    const [membership] = await withTenant(database.db, bep.id, (tx) =>
      tx
        .select({ schoolId: memberships.schoolId })
        .from(memberships)
        .where(and(eq(memberships.userId, head.id), eq(memberships.role, 'school_admin'))),
    );
    if (!membership?.schoolId) throw new Error('no Brookvale membership');
    brookvaleId = membership.schoolId;
    const manager = await userByEmail(database.db, 'manager@bep.example');
    // A round of this run's own, opened 30 days ago, reminding every 7 days until it closes.
    roundId = await withTenant(database.db, bep.id, async (tx) => {
      const [round] = await tx
        .insert(renewalRounds)
        .values({
          tenantId: bep.id,
          fromYear: base,
          toYear: base + 1,
          closesOn: `${base + 1}-12-31`,
          reminderIntervalDays: 7,
          openedByUserId: manager.id,
          openedAt: sql`now() - interval '30 days'`,
        })
        .returning({ id: renewalRounds.id });
      if (!round) throw new Error('no round');
      await tx
        .insert(renewalInvitations)
        .values({ tenantId: bep.id, roundId: round.id, schoolId: brookvaleId });
      return round.id;
    });
  });

  afterAll(async () => {
    await withTenant(database.db, bep.id, async (tx) => {
      await tx.execute(sql`delete from renewal_links where invitation_id in
        (select id from renewal_invitations where round_id = ${roundId})`);
      await tx.delete(renewalInvitations).where(eq(renewalInvitations.roundId, roundId));
      await tx.delete(renewalRounds).where(eq(renewalRounds.id, roundId));
    });
  });

  /** What a job could change in a tenant: its runs, audit rows, emails and the rows the jobs write. */
  async function footprint(tenantId: string) {
    return withTenant(database.db, tenantId, async (tx) => {
      const n = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
      const c = sql<number>`count(*)::int`;
      return {
        runs: await n(tx.select({ n: c }).from(jobRuns)),
        audit: await n(tx.select({ n: c }).from(auditLog)),
        emails: await n(tx.select({ n: c }).from(outboxEmails)),
        reminders: await tx
          .select({ sent: renewalInvitations.remindersSent, at: renewalInvitations.lastRemindedAt })
          .from(renewalInvitations)
          .where(eq(renewalInvitations.roundId, roundId)),
        balances: await tx
          .select({ id: entitlementBalances.id, left: entitlementBalances.balanceHundredths })
          .from(entitlementBalances)
          .where(eq(entitlementBalances.academicYear, base))
          .orderBy(entitlementBalances.id),
      };
    });
  }

  const run = (job: JobKey, tenant: string, on = today) =>
    runScheduledJob(database.db, job, { today: on, appUrl: testAppUrl, tenants: [tenant] });

  it('renewal reminders: reminds a school that has not answered, once per interval; a second run changes nothing', async () => {
    const first = await run('renewal-reminders', 'bep');
    expect(first).toEqual([
      {
        tenant: 'bep',
        result: expect.objectContaining({
          ran: true,
          summary: expect.objectContaining({ schoolsReminded: 1 }),
        }),
      },
    ]);
    const after = await footprint(bep.id);
    expect(after.reminders).toEqual([{ sent: 1, at: expect.any(Date) }]);
    const [audit] = await withTenant(database.db, bep.id, (tx) =>
      tx.select().from(auditLog).where(eq(auditLog.action, 'job:renewal-reminders')).limit(1),
    );
    expect(audit).toMatchObject({ actorUserId: null, actorLabel: 'job:renewal-reminders' });

    const second = await run('renewal-reminders', 'bep');
    expect(second[0]?.result).toMatchObject({ ran: false, periodKey: today });
    expect(await footprint(bep.id)).toEqual(after);

    // After the round has closed, a new day's run reminds no one.
    const closed = await run('renewal-reminders', 'bep', `${base + 2}-01-02`);
    expect(closed[0]?.result).toMatchObject({ ran: true, summary: { schoolsReminded: 0, emails: 0 } });
    expect((await footprint(bep.id)).reminders).toEqual(after.reminders);
  });

  it('year-end expiry: what is left of the ended year lapses once; a second run changes nothing', async () => {
    const granted = await withTenant(database.db, bep.id, (tx) =>
      grantEntitlement(tx, {
        tenantId: bep.id,
        schoolId: brookvaleId,
        academicYear: base,
        unit: 'adviser_day',
        category: `jobs-test-${base}`,
        quantityHundredths: 250,
        description: 'Test grant',
        actorUserId: null,
      }),
    );
    const first = await run('entitlement-expiry', 'bep');
    expect(first[0]?.result).toMatchObject({
      ran: true,
      periodKey: String(base),
      summary: { expiredBalances: 1 },
    });
    const after = await footprint(bep.id);
    expect(after.balances).toEqual([{ id: granted.balanceId, left: 0 }]);
    const second = await run('entitlement-expiry', 'bep');
    expect(second[0]?.result).toMatchObject({ ran: false });
    expect(await footprint(bep.id)).toEqual(after);
  });

  it('adviser reminders: one digest per adviser with overdue visits; a second run in the week changes nothing', async () => {
    const before = await footprint(harrow.id);
    const first = await run('adviser-reminders', 'harrow');
    expect(first[0]?.result).toMatchObject({ ran: true, periodKey: expect.stringMatching(/^\d{4}-W\d{2}$/) });
    const summary = (first[0]?.result as { summary: Record<string, number> }).summary;
    expect(summary.overdueVisits).toBeGreaterThan(0);
    expect(summary.emails).toBeGreaterThan(0);
    const after = await footprint(harrow.id);
    expect(after.emails - before.emails).toBe(summary.emails);
    const second = await run('adviser-reminders', 'harrow');
    expect(second[0]?.result).toMatchObject({ ran: false });
    expect(await footprint(harrow.id)).toEqual(after);
  });

  it('the jobs page is for the workspace manager only', async () => {
    const adviser = await callerFor(database.db, 'adviser@hsip.example', 'hsip');
    await expect(adviser.jobs.overview()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const manager = await callerFor(database.db, 'manager@bep.example', 'bep');
    const overview = await manager.jobs.overview();
    expect(overview.jobs.map((j) => j.key)).toEqual([
      'renewal-reminders',
      'entitlement-expiry',
      'invoice-reminders',
      'governor-term-ends',
      'course-reminders',
      'course-hold-expiry',
      'course-evaluations',
      'course-go-no-go',
      'personal-data-retention',
    ]);
    expect(overview.runs.some((r) => r.job === 'renewal-reminders' && r.periodKey === today)).toBe(true);
    const harrowView = await (
      await callerFor(database.db, 'head.si@harrow.example', 'harrow')
    ).jobs.overview();
    expect(harrowView.runs.some((r) => r.periodKey === today && r.job === 'renewal-reminders')).toBe(false);
  });

  it('a job only runs in workspaces with its module', async () => {
    expect(await run('adviser-reminders', 'bep')).toEqual([]);
    await expect(
      (await callerFor(database.db, 'manager@bep.example', 'bep')).jobs.runNow({ job: 'adviser-reminders' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('email delivery through pg-boss', () => {
  let database: Database;
  let queue: JobQueue;

  beforeAll(async () => {
    database = await openTestDatabase();
    queue = await startJobQueue(database, {
      appUrl: testAppUrl,
      mailer: { smtpUrl: `smtp://127.0.0.1:${await closedPort()}` },
      emailRetryDelaySeconds: 1,
      emailRetryBackoff: false,
      pollingIntervalSeconds: 0.5,
      schedule: false,
    });
  });

  afterAll(async () => {
    await queue?.stop();
  });

  async function emailRow(id: string) {
    const [row] = await withMailroom(database.db, (tx) =>
      tx.select().from(outboxEmails).where(eq(outboxEmails.id, id)),
    );
    return row;
  }

  it('retries a failed SMTP send, marks it failed after the last try, shows it to the tenant_admin only, and sends it again on retry', async () => {
    const manager = await callerFor(database.db, 'head.si@harrow.example', 'harrow');
    const harrow = await tenantBySlug(database.db, 'harrow');
    // A job's unit of work queues an email in harrow; it leaves after commit through the email queue.
    await runInTenant(
      database.db,
      { tenantId: harrow.id, action: 'job:test-email', actor: { label: 'job:test-email' } },
      (tx) =>
        queueEmail(tx, {
          to: 'adviser@harrow.example',
          ...emailOf('notice', {
            subject: `Test ${base}`,
            heading: 'Test',
            recipientName: 'Adviser',
            paragraphs: ['Hello'],
          }),
        }),
    );
    const [queued] = await withTenant(database.db, harrow.id, (tx) =>
      tx
        .select({ id: outboxEmails.id })
        .from(outboxEmails)
        .where(eq(outboxEmails.subject, `Test ${base}`)),
    );
    const emailId = queued?.id;
    if (!emailId) throw new Error('no queued email');

    const deadline = Date.now() + 45_000;
    let row = await emailRow(emailId);
    while (row?.status !== 'failed' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
      row = await emailRow(emailId);
    }
    expect(row).toMatchObject({ status: 'failed', attempts: 5, tenantId: harrow.id });
    expect(row?.lastError).toMatch(/ECONNREFUSED|connect/i);

    const overview = await manager.jobs.overview();
    expect(overview.emails.find((e) => e.id === emailId)).toMatchObject({ status: 'failed', attempts: 5 });
    expect(overview.emailCounts.failed).toBeGreaterThan(0);

    // Another workspace's manager sees nothing of it and cannot retry it.
    const other = await callerFor(database.db, 'head.si@barnet.example', 'barnet');
    expect(JSON.stringify(await other.jobs.overview())).not.toContain(emailId);
    await expect(other.jobs.retryEmail({ emailId })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // With the queue stopped, a retry is delivered after commit in this process (the development outbox).
    await queue.stop();
    await manager.jobs.retryEmail({ emailId });
    expect(await emailRow(emailId)).toMatchObject({ status: 'kept', attempts: 1 });
    await expect(manager.jobs.retryEmail({ emailId })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
