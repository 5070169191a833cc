import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { withMailroom } from '~/server/email/outbox';
import { todayInLondon } from '~/server/catalogue/academic-year';
import { addDays } from '~/server/concern/review-agenda';
import { longDate } from '~/server/format/dates';
import {
  ofstedInspections,
  outboxEmails,
  schoolMonitoring,
  schools,
  sccCases,
  sccLetters,
  warningNotices,
} from '~/db/schema';
import {
  addMembership,
  callerAs,
  makeDemoWorkspace,
  makeSchool,
  makeTenant,
  makeUser,
  type DemoWorkspace,
} from '../fixtures/factories';
import { callerFor, failureOf, openTestDatabase, userByEmail } from './harness';

describe('schools causing concern: register, review meetings, decisions and letters', () => {
  let database: Database;
  let barnet: DemoWorkspace;
  let barnetId: string;
  let holyTrinityHead: string;
  const schoolIdOf = async (urn: number) => {
    const [school] = await withTenant(database.db, barnetId, (tx) =>
      tx.select({ id: schools.id }).from(schools).where(eq(schools.urn, urn)),
    );
    if (!school) throw new Error(`no school ${urn}`);
    return school.id;
  };
  const officer = () => barnet.caller('la.officer@barnet.example');

  beforeAll(async () => {
    database = await openTestDatabase();
    // A copy of Barnet of this file's own, so the suite can run again on the same database.
    barnet = await makeDemoWorkspace(database.db, 'barnet');
    barnetId = barnet.id;
    holyTrinityHead = `head+${barnet.tag}@holytrinity.sch.example`;
  });

  it('lists the register with triggers, and possible candidates with their reasons (Barnet words)', async () => {
    const register = await (await officer()).concern.register();
    expect(register.listName).toBe('Schools causing concern');
    expect(register.meetingName).toBe('Schools Review Group');
    const underhill = register.cases.find((c) => c.urn === 101305);
    expect(underhill?.status).toBe('candidate');
    expect(underhill?.triggers.map((t) => t.key)).toEqual([
      'la_judges_below_standard',
      'low_or_declining_achievement',
    ]);
    // Report-card reading (Barnet's default): St Catherine's needs attention in two areas.
    const stCatherines = register.cases.find((c) => c.urn === 101335);
    expect(stCatherines?.triggers[0]?.evidence[0]).toContain('Needs attention');
    expect(stCatherines?.leadOfficerName).toBe('Samuel Osei');
    // Holy Trinity: RI at two inspections and category 3, no open case.
    const holyTrinity = register.candidates.find((c) => c.urn === 101358);
    expect(holyTrinity?.reasons.join(' ')).toContain('2024 sub-grades');
    expect(holyTrinity?.reasons).toContain('LA category: 3 Requires Improvement.');
    expect(register.candidates.some((c) => c.urn === 101262)).toBe(false);
    // The page where the officer opens its case shows the same candidate; a school meeting no trigger is none,
    // but is offered among the register's other schools, its page giving no reason (a trigger is recorded there).
    const one = await (await officer()).concern.candidate({ schoolId: holyTrinity?.schoolId ?? '' });
    expect(one).toMatchObject({ urn: 101358, reasons: holyTrinity?.reasons });
    expect(register.others.some((c) => c.urn === 101262)).toBe(true);
    expect(register.others.some((c) => c.urn === 101358 || c.urn === 101305)).toBe(false);
    expect(await (await officer()).concern.candidate({ schoolId: await schoolIdOf(101262) })).toMatchObject({
      urn: 101262,
      reasons: [],
    });
  });

  it('offers exactly the schools the trigger rule picks, whatever the framework (the query reads only those)', async () => {
    type Inspection = Omit<typeof ofstedInspections.$inferInsert, 'tenantId' | 'schoolId'>;
    const legacy = (overallGrade: number, inspectedOn = '2023-05-10'): Inspection => ({
      framework: 'legacy_overall',
      overallGrade,
      inspectedOn,
    });
    const reportCard = (
      grades: Record<string, string>,
      safeguarding: 'met' | 'not_met' = 'met',
    ): Inspection => ({
      framework: 'report_card_2025',
      grades,
      safeguarding,
      inspectedOn: '2026-03-04',
    });
    const schoolsToAdd: {
      name: string;
      candidate: boolean;
      laCategory?: string;
      inspections: Inspection[];
    }[] = [
      { name: 'Legacy RI', candidate: true, inspections: [legacy(3)] },
      { name: 'Legacy good', candidate: false, inspections: [legacy(2)] },
      {
        name: 'Good now, inadequate before',
        candidate: false,
        inspections: [legacy(4, '2018-01-10'), legacy(2)],
      },
      {
        name: 'Legacy good in a category of concern',
        candidate: true,
        inspections: [{ ...legacy(2), categoryOfConcern: 'serious_weaknesses' }],
      },
      {
        name: 'Sub-grade inadequate',
        candidate: true,
        inspections: [
          {
            framework: 'sub_grades_2024',
            grades: { quality_of_education: 2, leadership_and_management: '4' },
            inspectedOn: '2025-02-01',
          },
        ],
      },
      {
        name: 'Sub-grades good',
        candidate: false,
        inspections: [
          { framework: 'sub_grades_2024', grades: { quality_of_education: 2 }, inspectedOn: '2025-02-01' },
        ],
      },
      {
        name: 'Needs attention',
        candidate: true,
        inspections: [reportCard({ inclusion: 'needs_attention' })],
      },
      {
        name: 'Safeguarding not met',
        candidate: true,
        inspections: [reportCard({ inclusion: 'strong' }, 'not_met')],
      },
      {
        name: 'Report card expected',
        candidate: false,
        inspections: [reportCard({ inclusion: 'expected' })],
      },
      { name: 'Category 3, never inspected', candidate: true, laCategory: '3', inspections: [] },
      { name: 'Category 2, never inspected', candidate: false, laCategory: '2', inspections: [] },
    ];
    const made = [];
    for (const school of schoolsToAdd) {
      const { id, urn } = await makeSchool(database.db, barnetId, { name: `${school.name} ${barnet.tag}` });
      await withTenant(database.db, barnetId, async (tx) => {
        await tx
          .insert(schoolMonitoring)
          .values({ tenantId: barnetId, schoolId: id, laCategory: school.laCategory });
        for (const inspection of school.inspections)
          await tx.insert(ofstedInspections).values({ ...inspection, tenantId: barnetId, schoolId: id });
      });
      made.push({ ...school, urn });
    }
    const offered = new Set((await (await officer()).concern.register()).candidates.map((c) => c.urn));
    for (const school of made) expect(offered.has(school.urn), school.name).toBe(school.candidate);
  });

  it('a new LA whose categories cause no concern gets candidates from Ofsted alone', async () => {
    const tenant = await makeTenant(database.db, {
      modules: ['statutory'],
      settings: {
        statutory: {
          categories: [
            { key: 'a', label: 'A Secure', causesConcern: false, visitsPerYear: 1 },
            { key: 'b', label: 'B Watch', causesConcern: false, visitsPerYear: 3 },
          ],
        },
      },
    });
    const ri = await makeSchool(database.db, tenant.id, { name: 'Requires Improvement Primary' });
    const watched = await makeSchool(database.db, tenant.id, { name: 'Watched Primary' });
    await withTenant(database.db, tenant.id, async (tx) => {
      await tx.insert(schoolMonitoring).values([
        { tenantId: tenant.id, schoolId: ri.id, laCategory: 'a' },
        { tenantId: tenant.id, schoolId: watched.id, laCategory: 'b' },
      ]);
      await tx.insert(ofstedInspections).values({
        tenantId: tenant.id,
        schoolId: ri.id,
        framework: 'legacy_overall',
        overallGrade: 3,
        inspectedOn: '2023-06-01',
      });
    });
    const user = await makeUser(database.db);
    await addMembership(database.db, tenant.id, user.id, 'la_officer', null);
    const register = await callerAs(database.db, user, tenant.slug).concern.register();
    expect(register.cases).toEqual([]);
    expect(register.candidates.map((c) => c.urn)).toEqual([ri.urn]);
  });

  it('Birmingham calls it Priority schools, led by a Priority Partner, at the SIAB every 14 days', async () => {
    const birmingham = await callerFor(database.db, 'la.officer@birmingham.example', 'birmingham');
    const register = await birmingham.concern.register();
    expect(register.listName).toBe('Priority schools');
    expect(register.leadOfficerTitle).toBe('Priority Partner');
    expect((await birmingham.concern.meetings()).cadenceDays).toBe(14);
  });

  it('opens a candidate, puts it on the generated agenda, designates it with a letter and emails', async () => {
    const la = await officer();
    const schoolId = await schoolIdOf(101358);
    const headOfSi = await barnet.caller('head.si@barnet.example');
    await headOfSi.schools.addContact({
      schoolId,
      role: 'headteacher',
      name: 'Mrs Holy Trinity Head',
      email: holyTrinityHead,
    });
    const { caseId } = await la.concern.openCase({
      schoolId,
      concerns: 'Requires improvement at the last two inspections; leadership capacity not secure.',
      triggers: [
        { trigger: 'leadership_breakdown', evidence: 'Deputy head and chair both resigned in October.' },
      ],
    });
    expect(
      await failureOf(la.concern.openCase({ schoolId, concerns: 'A second case for the same school.' })),
    ).toContain('already has an open case');
    // Its page no longer offers to open one.
    expect(await failureOf(la.concern.candidate({ schoolId }))).toContain('already has an open case');

    const { meetingId } = await la.concern.scheduleMeeting({
      meetingOn: '2026-11-25',
      chairName: 'Head of SI',
    });
    const meeting = await la.concern.meeting({ meetingId });
    const item = meeting.agenda.find((a) => a.caseId === caseId);
    expect(item?.reasons).toEqual(['new_candidate']);
    // The seeded Statement of Action for 101270 has a red item: overdue actions are on the agenda.
    expect(meeting.agenda.find((a) => a.urn === 101270)?.reasons).toContain('overdue_actions');

    // A rationale is required.
    expect(
      await failureOf(
        la.concern.recordDecision({
          meetingId,
          caseId,
          decision: 'designate',
          rationale: ' ',
          leadOfficerUserId: undefined,
        }),
      ),
    ).toContain('Give the rationale');
    // So is a lead officer, who must belong to the workspace.
    expect(
      await failureOf(
        la.concern.recordDecision({
          meetingId,
          caseId,
          decision: 'designate',
          rationale: 'Leadership has broken down.',
        }),
      ),
    ).toContain('Choose the Lead Officer');
    const outsider = await userByEmail(database.db, 'adviser@hsip.example');
    expect(
      await failureOf(
        la.concern.recordDecision({
          meetingId,
          caseId,
          decision: 'designate',
          rationale: 'Leadership has broken down.',
          leadOfficerUserId: outsider.id,
        }),
      ),
    ).toContain('must be an officer or adviser of this workspace');

    const lead = await barnet.user('adviser@barnet.example');
    const before = new Date(Date.now() - 1000);
    const result = await la.concern.recordDecision({
      meetingId,
      caseId,
      decision: 'designate',
      rationale: 'Leadership has broken down and outcomes are not improving.',
      leadOfficerUserId: lead.id,
    });
    expect(result.letterId).toBeTruthy();
    const [found] = await withTenant(database.db, barnetId, (tx) =>
      tx.select().from(sccCases).where(eq(sccCases.id, caseId)),
    );
    expect(found).toMatchObject({
      status: 'designated',
      designatedOn: '2026-11-25',
      leadOfficerUserId: lead.id,
      nextReviewOn: '2027-01-06', // 42 days: Barnet's half-termly Schools Review Group
    });
    const [letter] = await withTenant(database.db, barnetId, (tx) =>
      tx.select().from(sccLetters).where(eq(sccLetters.caseId, caseId)),
    );
    expect(letter?.kind).toBe('designation');
    expect(letter?.addressedTo).toContain('Chair of Governors');
    expect(letter?.body).toContain('informal warning');
    expect(letter?.body).toContain("Rachel O'Connor");
    // The designation letter was the informal warning: the interventions page offers only formal notices now.
    expect((await la.casework.interventions({ caseId })).informalGiven).toBe(true);
    const sent = await withMailroom(database.db, (tx) =>
      tx.select().from(outboxEmails).where(eq(outboxEmails.to, holyTrinityHead)),
    );
    const email = sent.find((e) => e.createdAt >= before);
    expect(email?.subject).toContain('Holy Trinity CofE Primary School');
    expect(email?.text).toContain(`/${barnet.slug}/concern/letters/${letter?.id}/pdf`);

    const pdf = await la.concern.letterPdf({ letterId: letter?.id ?? '' });
    expect(pdf.document.blocks.some((b) => b.kind === 'heading' && b.text.includes('Holy Trinity'))).toBe(
      true,
    );

    // Removal refused while the latest inspection (2024 sub-grades, RI) stands.
    const refused = await failureOf(
      la.concern.recordDecision({
        meetingId,
        caseId,
        decision: 'remove',
        rationale: 'Progress has been good.',
      }),
    );
    expect(refused).toContain('cannot be removed yet');
    expect(refused).toContain('the Ofsted inspection (2024 sub-grades) of 5 March 2025');

    // A later report card (report-card reading, Barnet's): every area expected or above, safeguarding met.
    await withTenant(database.db, barnetId, (tx) =>
      tx.insert(ofstedInspections).values({
        tenantId: barnetId,
        schoolId,
        inspectedOn: '2026-11-18',
        framework: 'report_card_2025',
        grades: {
          inclusion: 'expected',
          curriculum_and_teaching: 'expected',
          achievement: 'expected',
          attendance_and_behaviour: 'strong',
          personal_development: 'expected',
          leadership_and_governance: 'expected',
        },
        safeguarding: 'met',
      }),
    );
    const removed = await la.concern.recordDecision({
      meetingId,
      caseId,
      decision: 'remove',
      rationale: 'Judged expected standard in every area in November 2026.',
    });
    expect(removed.letterId).toBeTruthy();
    const [closed] = await withTenant(database.db, barnetId, (tx) =>
      tx.select().from(sccCases).where(eq(sccCases.id, caseId)),
    );
    expect(closed).toMatchObject({ status: 'removed', closedOn: '2026-11-25' });

    await la.concern.holdMeeting({ meetingId, minutes: 'Holy Trinity designated and later removed.' });
    const held = await la.concern.meeting({ meetingId });
    expect(held.meeting.status).toBe('held');
    expect(held.agenda.find((a) => a.caseId === caseId)?.decisions.map((d) => d.decision)).toEqual([
      'designate',
      'remove',
    ]);
    expect(
      await failureOf(
        la.concern.recordDecision({
          meetingId,
          caseId,
          decision: 'continue',
          rationale: 'Too late for this.',
        }),
      ),
    ).toContain('marked as held');
  });

  it('refuses to open a case with no trigger met', async () => {
    const la = await officer();
    // Coppetts Wood: outstanding, category 1.
    expect(
      await failureOf(
        la.concern.openCase({ schoolId: await schoolIdOf(101262), concerns: 'A hunch, without evidence.' }),
      ),
    ).toContain('No trigger is met');
  });

  it('opens a case for a school no Ofsted result or category flags, on a trigger recorded with its evidence', async () => {
    // A new LA's schools join uncategorised and uninspected: a safeguarding concern must still reach the register.
    const la = await officer();
    const school = await makeSchool(database.db, barnetId, { name: 'Uninspected New Primary' });
    await la.register.addSchool({ schoolId: school.id, reason: 'Opened this term in our area.' });
    expect((await la.concern.register()).others.map((c) => c.schoolId)).toContain(school.id);
    expect(await la.concern.candidate({ schoolId: school.id })).toMatchObject({ reasons: [] });
    const { caseId } = await la.concern.openCase({
      schoolId: school.id,
      concerns: 'Referral from the LADO about safer recruitment checks.',
      triggers: [
        { trigger: 'safeguarding', evidence: 'Single central record incomplete at the visit on 2 December.' },
      ],
    });
    const register = await la.concern.register();
    expect(register.cases.find((c) => c.caseId === caseId)?.triggers.map((t) => t.key)).toEqual([
      'safeguarding',
    ]);
    expect(register.others.map((c) => c.schoolId)).not.toContain(school.id);
    expect(await failureOf(la.concern.candidate({ schoolId: school.id }))).toContain(
      'already has an open case',
    );
  });

  it('a case opened on its LA category alone says so, and its plan waits for designation', async () => {
    // A new LA's first case: an uninspected school categorised 3 by the LA, with no trigger recorded yet.
    const la = await officer();
    const school = await makeSchool(database.db, barnetId, { name: `Category Only Primary ${barnet.tag}` });
    await withTenant(database.db, barnetId, (tx) =>
      tx.insert(schoolMonitoring).values({ tenantId: barnetId, schoolId: school.id, laCategory: '3' }),
    );
    const { caseId } = await la.concern.openCase({
      schoolId: school.id,
      concerns: 'Reading outcomes fell two years running; leadership capacity not secure.',
    });
    const opened = await la.concern.byId({ caseId });
    // Was "No trigger is met on the evidence recorded", beside a case the register had offered for its category.
    expect(opened.triggers).toEqual([]);
    expect(opened).toMatchObject({ categoryCausesConcern: true, meetingName: 'Schools Review Group' });
    const plan = await la.casework.plan({ caseId });
    // Was a "Start the plan" form that createPlan always refused for a candidate.
    expect(plan.planNotStartableBecause).toMatch(
      /once the school is designated.*Schools Review Group meeting/,
    );
    expect(
      await failureOf(la.casework.createPlan({ caseId, kind: 'action_plan', title: 'Improvement plan' })),
    ).toContain('designated');
  });

  it('refuses to designate an academy, pointing to the Regional Director', async () => {
    const la = await officer();
    const { caseId } = await la.concern.openCase({
      schoolId: await schoolIdOf(143390),
      concerns: 'Requires improvement (legacy grade 3, March 2024).',
    });
    const { meetingId } = await la.concern.scheduleMeeting({ meetingOn: '2026-11-26' });
    const lead = await barnet.user('la.officer@barnet.example');
    const refused = await failureOf(
      la.concern.recordDecision({
        meetingId,
        caseId,
        decision: 'designate',
        rationale: 'Outcomes are low.',
        leadOfficerUserId: lead.id,
      }),
    );
    expect(refused).toContain('is an academy');
    expect(refused).toContain('Regional Director');
    const [still] = await withTenant(database.db, barnetId, (tx) =>
      tx.select().from(sccCases).where(eq(sccCases.id, caseId)),
    );
    expect(still?.status).toBe('candidate');
  });

  it('a meeting that has not been held yet takes no decision and no minutes until its day', async () => {
    const la = await officer();
    const today = todayInLondon();
    const meetingOn = addDays(today, 5);
    const { meetingId } = await la.concern.scheduleMeeting({ meetingOn });
    const meeting = await la.concern.meeting({ meetingId });
    expect(meeting.hasCome).toBe(false);
    const candidate = meeting.agenda.find((a) => a.status === 'candidate');
    if (!candidate) throw new Error('no candidate on the agenda');
    const lead = await barnet.user('adviser@barnet.example');
    const before = new Date(Date.now() - 1000);
    const refused = await failureOf(
      la.concern.recordDecision({
        meetingId,
        caseId: candidate.caseId,
        decision: 'designate',
        rationale: 'Leadership has broken down and outcomes are not improving.',
        leadOfficerUserId: lead.id,
      }),
    );
    expect(refused).toContain(`This meeting is on ${longDate(meetingOn)}`);
    expect(refused).toContain('can be recorded from that day');
    const [still] = await withTenant(database.db, barnetId, (tx) =>
      tx.select().from(sccCases).where(eq(sccCases.id, candidate.caseId)),
    );
    expect(still?.status).toBe('candidate');
    const letters = await withTenant(database.db, barnetId, (tx) =>
      tx.select().from(sccLetters).where(eq(sccLetters.caseId, candidate.caseId)),
    );
    expect(letters.filter((l) => l.createdAt >= before)).toEqual([]);
    expect(
      await failureOf(la.concern.holdMeeting({ meetingId, minutes: 'The group met and took no decisions.' })),
    ).toContain('can be marked as held from that day');

    // A meeting on today's date is open for decisions.
    const { meetingId: todays } = await la.concern.scheduleMeeting({ meetingOn: today });
    expect((await la.concern.meeting({ meetingId: todays })).hasCome).toBe(true);
    await la.concern.recordDecision({
      meetingId: todays,
      caseId: candidate.caseId,
      decision: 'continue',
      rationale: 'Keep under review until the next meeting.',
    });
  });

  it('a recommendation for a formal warning notice goes to the DCS as a recommended s60 notice', async () => {
    const la = await officer();
    const schoolId = await schoolIdOf(101270);
    const [seeded] = await withTenant(database.db, barnetId, (tx) =>
      tx.select({ id: sccCases.id }).from(sccCases).where(eq(sccCases.schoolId, schoolId)),
    );
    const { meetingId } = await la.concern.scheduleMeeting({ meetingOn: '2026-11-27' });
    const { noticeId } = await la.concern.recordDecision({
      meetingId,
      caseId: seeded?.id ?? '',
      decision: 'recommend_warning_notice',
      rationale: 'No improvement in maths teaching since March.',
      grounds: ['unacceptably_low_standards'],
    });
    const [notice] = await withTenant(database.db, barnetId, (tx) =>
      tx
        .select()
        .from(warningNotices)
        .where(eq(warningNotices.id, noticeId ?? '')),
    );
    expect(notice).toMatchObject({
      kind: 'formal_s60',
      status: 'recommended',
      grounds: ['unacceptably_low_standards'],
    });
  });

  it('an adviser sees only the cases they advise; a school sees no register', async () => {
    const all = (await (await officer()).concern.register()).cases;
    const adviser = await barnet.caller('adviser@barnet.example');
    const me = await barnet.user('adviser@barnet.example');
    const mine = (await adviser.concern.register()).cases;
    expect(mine.length).toBeLessThan(all.length);
    const advised = await withTenant(database.db, barnetId, (tx) =>
      tx
        .select({ schoolId: schoolMonitoring.schoolId })
        .from(schoolMonitoring)
        .where(
          and(
            inArray(
              schoolMonitoring.schoolId,
              all.map((c) => c.schoolId),
            ),
            eq(schoolMonitoring.linkAdviserUserId, me.id),
          ),
        ),
    );
    for (const c of mine)
      expect(advised.some((a) => a.schoolId === c.schoolId) || c.leadOfficerName === me.name).toBe(true);
    expect((await adviser.concern.register()).candidates).toEqual([]);
    await expect(adviser.concern.candidate({ schoolId: all[0]?.schoolId ?? '' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const other = all.find((c) => !mine.some((m) => m.caseId === c.caseId));
    expect(await failureOf(adviser.concern.byId({ caseId: other?.caseId ?? '' }))).toContain('not found');
    if (mine[0]) expect((await adviser.concern.byId({ caseId: mine[0].caseId })).caseId).toBe(mine[0].caseId);

    const school = await barnet.caller('head@stcatherines.sch.example');
    await expect(school.concern.register()).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const own = all.find((c) => c.urn === 101335);
    await expect(school.concern.byId({ caseId: own?.caseId ?? '' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(school.concern.meetings()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('the school reads its own designated case’s letter, not another school’s', async () => {
    const la = await officer();
    const stCatherines = (await la.concern.register()).cases.find((c) => c.urn === 101335);
    const { meetingId } = await la.concern.scheduleMeeting({ meetingOn: '2026-11-28' });
    const { letterId } = await la.concern.recordDecision({
      meetingId,
      caseId: stCatherines?.caseId ?? '',
      decision: 'letter_of_concern',
      rationale: 'Phonics outcomes fell again in the autumn check.',
    });
    const chair = await barnet.caller('chair@stcatherines.sch.example');
    const asRead = await chair.concern.letterPdf({ letterId: letterId ?? '' });
    expect(asRead.document.title).toBe('Letter of concern');
    // Signed by the officer who wrote it, on the LA's behalf (the school may read who that is).
    const signature = asRead.document.blocks.at(-1);
    expect(signature).toMatchObject({ kind: 'paragraph' });
    expect(signature?.kind === 'paragraph' && signature.text.split('\n')).toHaveLength(2);
    expect(signature?.kind === 'paragraph' && signature.text).not.toMatch(/^Barnet/);
    // Another school's removal letter stays hidden from a school user.
    const [removal] = await withTenant(database.db, barnetId, (tx) =>
      tx.select({ id: sccLetters.id }).from(sccLetters).where(eq(sccLetters.kind, 'removal')),
    );
    const stCatherinesHead = await barnet.caller('head@stcatherines.sch.example');
    await expect(stCatherinesHead.concern.letterPdf({ letterId: removal?.id ?? '' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const otherSchool = await barnet.caller('head@coppettswood.sch.example');
    await expect(otherSchool.concern.letterPdf({ letterId: letterId ?? '' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
