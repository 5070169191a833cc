import { TRPCError } from '@trpc/server';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withCommissionedRead, withTenant, type Database } from '~/db/client';
import {
  actionPlans,
  memberships,
  reviewDecisions,
  reviewMeetings,
  sccCases,
  sccLetters,
  sccMeetings,
  schoolMonitoring,
  schools,
  users,
  warningNotices,
} from '~/db/schema';
import { callerFor, openTestDatabase, tenantBySlug } from './harness';

/**
 * The SCC access matrix (issue 5) for the casework procedures and, underneath them, row-level security:
 * who reads a designated case's plan in full, who sees only the school view, and who sees nothing.
 */
let database: Database;
const tenant: Record<string, string> = {};
const cases: Record<'stCatherines' | 'greet', string> = { stCatherines: '', greet: '' };
let linkAdviserEmail = '';
let otherAdviserEmail = '';

async function designatedCase(slug: string, urn: number) {
  const [row] = await withTenant(database.db, tenant[slug] ?? '', (tx) =>
    tx
      .select({ id: sccCases.id, schoolId: sccCases.schoolId, leadOfficerUserId: sccCases.leadOfficerUserId })
      .from(sccCases)
      .innerJoin(schools, eq(schools.id, sccCases.schoolId))
      .where(and(eq(schools.urn, urn), eq(sccCases.status, 'designated'))),
  );
  if (!row) throw new Error(`no designated case for ${urn}`);
  return row;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

beforeAll(async () => {
  database = await openTestDatabase();
  for (const slug of ['barnet', 'birmingham', 'bep'])
    tenant[slug] = (await tenantBySlug(database.db, slug)).id;
  const stCatherines = await designatedCase('barnet', 101335);
  const greet = await designatedCase('birmingham', 103342);
  cases.stCatherines = stCatherines.id;
  cases.greet = greet.id;
  const barnet = tenant.barnet ?? '';
  await withTenant(database.db, barnet, async (tx) => {
    const [monitoring] = await tx
      .select({ link: schoolMonitoring.linkAdviserUserId, second: schoolMonitoring.secondAdviserUserId })
      .from(schoolMonitoring)
      .where(eq(schoolMonitoring.schoolId, stCatherines.schoolId));
    const [link] = await tx
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, monitoring?.link ?? ''));
    linkAdviserEmail = link?.email ?? '';
    const involved = [monitoring?.link, monitoring?.second, stCatherines.leadOfficerUserId].filter(
      (id): id is string => typeof id === 'string',
    );
    const [other] = await tx
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.role, 'adviser'),
          ne(users.id, involved[0] ?? ''),
          ...involved.map((id) => ne(users.id, id)),
        ),
      )
      .limit(1);
    otherAdviserEmail = other?.email ?? '';
    // A designation letter (written by the concern module in the app) for the school view.
    await tx.insert(sccLetters).values({
      tenantId: barnet,
      schoolId: stCatherines.schoolId,
      caseId: stCatherines.id,
      kind: 'designation',
      issuedOn: '2026-02-12',
      addressedTo: 'The headteacher and the chair of governors',
      subject: 'St Catherine’s: school causing concern',
      body: 'Following the Schools Review Group…',
    });
  });
  expect(linkAdviserEmail).not.toBe('');
  expect(otherAdviserEmail).not.toBe('');

  // Birmingham records meetings, a notice and a review decision on Greet, which BEP must never read.
  const officer = await callerFor(database.db, 'la.officer@birmingham.example', 'birmingham');
  await officer.casework.recordMeeting({
    caseId: greet.id,
    kind: 'progress_review',
    heldOn: '2026-11-10',
    attendees: 'Headteacher, chair, Priority Partner',
    notes: 'Attendance improving; persistent absence 24%.',
  });
  await officer.casework.recordNotice({
    caseId: greet.id,
    kind: 'formal_s60',
    grounds: ['safety_threatened'],
  });
  await withTenant(database.db, tenant.birmingham ?? '', async (tx) => {
    const [meeting] = await tx
      .insert(reviewMeetings)
      .values({ tenantId: tenant.birmingham ?? '', meetingOn: '2026-11-05', status: 'held' })
      .returning({ id: reviewMeetings.id });
    await tx.insert(reviewDecisions).values({
      tenantId: tenant.birmingham ?? '',
      meetingId: meeting?.id ?? '',
      caseId: greet.id,
      schoolId: greet.schoolId,
      decision: 'continue',
      rationale: 'Attendance still below national.',
    });
  });
});

describe("Barnet: St Catherine's (101335), lead officer la.officer@barnet.example", () => {
  it.each([
    ['head.si@barnet.example', 'tenant_admin'],
    ['dcs@barnet.example', 'la_officer'],
    ['la.officer@barnet.example', 'lead officer'],
  ])('%s (%s) reads the full case: plan, meetings and interventions', async (email) => {
    const caller = await callerFor(database.db, email, 'barnet');
    expect((await caller.casework.plan({ caseId: cases.stCatherines })).view).toBe('full');
    expect(await codeOf(caller.casework.meetings({ caseId: cases.stCatherines }))).toBe('OK');
    expect(await codeOf(caller.casework.interventions({ caseId: cases.stCatherines }))).toBe('OK');
  });

  it("the school's link adviser reads the full case", async () => {
    const caller = await callerFor(database.db, linkAdviserEmail, 'barnet');
    expect((await caller.casework.plan({ caseId: cases.stCatherines })).view).toBe('full');
    expect(await codeOf(caller.casework.meetings({ caseId: cases.stCatherines }))).toBe('OK');
  });

  it('another adviser finds no such case', async () => {
    const caller = await callerFor(database.db, otherAdviserEmail, 'barnet');
    expect(await codeOf(caller.casework.plan({ caseId: cases.stCatherines }))).toBe('NOT_FOUND');
    expect(await codeOf(caller.casework.meetings({ caseId: cases.stCatherines }))).toBe('NOT_FOUND');
    expect(await codeOf(caller.casework.interventions({ caseId: cases.stCatherines }))).toBe('NOT_FOUND');
  });

  it.each(['head@stcatherines.sch.example', 'chair@stcatherines.sch.example'])(
    '%s sees only the school view: letters and the plan, not notices or meetings',
    async (email) => {
      const caller = await callerFor(database.db, email, 'barnet');
      const plan = await caller.casework.plan({ caseId: cases.stCatherines });
      expect(plan.view).toBe('school');
      expect(await codeOf(caller.casework.meetings({ caseId: cases.stCatherines }))).not.toBe('OK');
      expect(await codeOf(caller.casework.interventions({ caseId: cases.stCatherines }))).not.toBe('OK');
      expect(
        await codeOf(
          caller.casework.updateProgress({ itemId: plan.items[0]?.id ?? '', rag: 'green', evidence: 'Ours' }),
        ),
      ).not.toBe('OK');
      const mine = await caller.casework.mySupport();
      expect(mine.letters.map((l) => l.kind)).toContain('designation');
      expect(mine.plan?.items.length).toBe(plan.items.length);
      expect(Object.keys(mine).sort()).toEqual(['letters', 'plan', 'school']);
    },
  );

  it("another school's headteacher finds no such case, and sees no plan of their own", async () => {
    const caller = await callerFor(database.db, 'head@coppettswood.sch.example', 'barnet');
    expect(await codeOf(caller.casework.plan({ caseId: cases.stCatherines }))).toBe('NOT_FOUND');
    const mine = await caller.casework.mySupport();
    expect(mine.plan).toBeNull();
    expect(mine.letters).toEqual([]);
  });

  it('a user of another workspace is refused', async () => {
    const inBarnet = await callerFor(database.db, 'head.si@birmingham.example', 'barnet');
    expect(await codeOf(inBarnet.casework.plan({ caseId: cases.stCatherines }))).toBe('FORBIDDEN');
    const fromHome = await callerFor(database.db, 'head.si@birmingham.example', 'birmingham');
    expect(await codeOf(fromHome.casework.plan({ caseId: cases.stCatherines }))).toBe('NOT_FOUND');
  });
});

describe('Birmingham: Greet (103342), covered by the BEP contract', () => {
  it.each(['head.si@birmingham.example', 'la.officer@birmingham.example', 'adviser@birmingham.example'])(
    '%s reads the full case',
    async (email) => {
      const caller = await callerFor(database.db, email, 'birmingham');
      expect((await caller.casework.plan({ caseId: cases.greet })).view).toBe('full');
    },
  );

  it('the headteacher sees the school view', async () => {
    const caller = await callerFor(database.db, 'head@greet.sch.example', 'birmingham');
    expect((await caller.casework.plan({ caseId: cases.greet })).view).toBe('school');
  });

  it("BEP's assigned partner cannot use the LA's casework: refused in Birmingham, and BEP has no statutory module", async () => {
    const inBirmingham = await callerFor(database.db, 'adviser@bep.example', 'birmingham');
    expect(await codeOf(inBirmingham.casework.plan({ caseId: cases.greet }))).toBe('FORBIDDEN');
    // A provider workspace has no statutory module: the module gate refuses before any row is looked up.
    const fromBep = await callerFor(database.db, 'adviser@bep.example', 'bep');
    expect(await codeOf(fromBep.casework.plan({ caseId: cases.greet }))).toBe('FORBIDDEN');
    const manager = await callerFor(database.db, 'manager@bep.example', 'bep');
    expect(await codeOf(manager.casework.plan({ caseId: cases.greet }))).toBe('FORBIDDEN');
    expect(await codeOf(manager.casework.interventions({ caseId: cases.greet }))).toBe('FORBIDDEN');
  });

  it("RLS: BEP's workspace reads Greet's case and plan (commissioned, opted in) but not Barnet's, and no Birmingham notices, meetings or decisions", async () => {
    const bep = tenant.bep ?? '';
    const birmingham = tenant.birmingham ?? '';
    // Birmingham itself sees what it recorded, so the zero counts below are RLS, not an empty table.
    const own = await withTenant(database.db, birmingham, async (tx) => ({
      notices: (await tx.select({ id: warningNotices.id }).from(warningNotices)).length,
      meetings: (await tx.select({ id: sccMeetings.id }).from(sccMeetings)).length,
      decisions: (await tx.select({ id: reviewDecisions.id }).from(reviewDecisions)).length,
    }));
    expect(own.notices).toBeGreaterThan(0);
    expect(own.meetings).toBeGreaterThan(0);
    expect(own.decisions).toBeGreaterThan(0);
    // Without the commissioning module's explicit opt-in, BEP's queries see no Birmingham case at all.
    const unopted = await withTenant(database.db, bep, (tx) => tx.select({ id: sccCases.id }).from(sccCases));
    expect(unopted).toEqual([]);
    const seen = await withTenant(database.db, bep, (tx) =>
      withCommissionedRead(tx, async () => ({
        cases: await tx.select({ id: sccCases.id, tenantId: sccCases.tenantId }).from(sccCases),
        plans: await tx
          .select({ caseId: actionPlans.caseId, tenantId: actionPlans.tenantId })
          .from(actionPlans),
        notices: await tx
          .select({ id: warningNotices.id })
          .from(warningNotices)
          .where(eq(warningNotices.tenantId, birmingham)),
        meetings: await tx
          .select({ id: sccMeetings.id })
          .from(sccMeetings)
          .where(eq(sccMeetings.tenantId, birmingham)),
        decisions: await tx
          .select({ id: reviewDecisions.id })
          .from(reviewDecisions)
          .where(eq(reviewDecisions.tenantId, birmingham)),
        barnet: await tx
          .select({ id: sccCases.id })
          .from(sccCases)
          .where(inArray(sccCases.id, [cases.stCatherines])),
      })),
    );
    expect(seen.cases.map((c) => c.id)).toContain(cases.greet);
    expect(seen.plans.map((p) => p.caseId)).toContain(cases.greet);
    expect(seen.cases.every((c) => c.tenantId === birmingham)).toBe(true);
    expect(seen.barnet).toEqual([]);
    expect(seen.notices).toEqual([]);
    expect(seen.meetings).toEqual([]);
    expect(seen.decisions).toEqual([]);
  });
});
