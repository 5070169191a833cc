import { DomainError } from '~/server/errors/domain-error';
import { TRPCError } from '@trpc/server';
import { and, desc, eq, gte } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { withTenant, type Database } from '~/db/client';
import { withMailroom } from '~/server/email/outbox';
import {
  memberships,
  outboxEmails,
  plannedVisits,
  schoolContacts,
  schoolMonitoring,
  schools,
} from '~/db/schema';
import { sentMessage } from '~/server/notes-of-visit/labels';
import type { TNoteContentInput } from '~/server/notes-of-visit/content';
import { renderPdf } from '~/server/pdf/render-pdf';
import {
  addMembership,
  callerAs,
  makeDemoWorkspace,
  makeUser,
  type DemoWorkspace,
} from '../fixtures/factories';
import { openTestDatabase } from './harness';

const content = (over: Partial<TNoteContentInput> = {}): TNoteContentInput => ({
  focusKind: 'sev_focus',
  focusAreas: [
    {
      area: 'Behaviour, attendance and routines',
      judgement: 'Secure',
      schoolGrade: 'Highly Effective',
      disagrees: true,
      disagreement: 'Persistent absence is still above the Barnet average.',
      commentary: 'Calm, orderly classrooms; routines are well established.',
    },
    {
      area: 'Curriculum intent and how pupils are learning the curriculum',
      judgement: 'Emerging',
      commentary: 'The new reading curriculum is not yet consistently taught in Year 2.',
    },
  ],
  strengths: 'Leaders know the school well.',
  areasForDevelopment: 'Consistency of phonics teaching.',
  agreedActions: [
    { action: 'Phonics refresher for KS1 staff', owner: 'Deputy headteacher', dueBy: '2027-01-29' },
  ],
  ...over,
});

/** Zod's own error, or a domain refusal's zod cause (the note re-checked against the tenant's scale). */
const zodErrorOf = (cause: unknown) =>
  cause instanceof ZodError
    ? cause
    : cause instanceof DomainError && cause.cause instanceof ZodError
      ? cause.cause
      : undefined;

/** The zod error behind a refusal, with its field paths: what the form shows beside each field. */
async function fieldErrorsOf(promise: Promise<unknown>): Promise<{ code: string; fields: string[] }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const cause = error.cause;
    return {
      code: error.code,
      fields: zodErrorOf(cause)?.issues.map((i) => i.path.join('.')) ?? [],
    };
  }
  throw new Error('expected a refusal');
}

describe('notes of visit (Barnet)', () => {
  let database: Database;
  let barnet: DemoWorkspace;
  let barnetId: string;
  let stCatherinesId: string;
  let office: string;
  let started: Date;

  const emailsTo = (to: string) =>
    withMailroom(database.db, (tx) =>
      tx
        .select()
        .from(outboxEmails)
        .where(and(eq(outboxEmails.to, to), gte(outboxEmails.createdAt, started)))
        .orderBy(desc(outboxEmails.createdAt)),
    );

  beforeAll(async () => {
    database = await openTestDatabase();
    started = new Date(Date.now() - 1000);
    // A copy of Barnet of this test's own, so the suite can run again on the same database.
    barnet = await makeDemoWorkspace(database.db, 'barnet');
    barnetId = barnet.id;
    const [school] = await withTenant(database.db, barnetId, (tx) =>
      tx.select().from(schools).where(eq(schools.urn, 101335)),
    );
    if (!school) throw new Error('no St Catherine’s');
    stCatherinesId = school.id;
    office = `office+${barnet.tag}@stcatherines.sch.example`;
  });

  it('goes draft → sent → commented → revised and re-sent → agreed (locked) → shared, with versions and emails', async () => {
    const [visit] = await withTenant(database.db, barnetId, async (tx) => {
      await tx.insert(schoolContacts).values({
        tenantId: barnetId,
        schoolId: stCatherinesId,
        role: 'headteacher',
        name: 'Bernadette Keane (school office)',
        email: office,
      });
      return tx
        .insert(plannedVisits)
        .values({
          tenantId: barnetId,
          schoolId: stCatherinesId,
          academicYear: 2026,
          sequence: 901,
          kind: 'school_effectiveness',
          dueBy: '2026-12-12',
        })
        .returning();
    });
    if (!visit) throw new Error('no planned visit');

    const adviser = barnet.caller('adviser@barnet.example');
    const head = barnet.caller('head@stcatherines.sch.example');
    const chair = barnet.caller('chair@stcatherines.sch.example');

    const { id } = await adviser.notesOfVisit.write({
      plannedVisitId: visit.id,
      visitedOn: '2026-11-19',
      content: content(),
    });
    const [done] = await withTenant(database.db, barnetId, (tx) =>
      tx.select().from(plannedVisits).where(eq(plannedVisits.id, visit.id)),
    );
    expect(done).toMatchObject({ status: 'done', completedOn: '2026-11-19' });

    // A draft is the adviser's alone.
    await expect(head.notesOfVisit.byId({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await head.notesOfVisit.list({})).map((n) => n.id)).not.toContain(id);

    const sent = await adviser.notesOfVisit.send({ id });
    expect(sent).toMatchObject({ status: 'sent', version: 1, emailed: 2 });
    const [toHead] = await emailsTo(barnet.email('head@stcatherines.sch.example'));
    expect(toHead?.subject).toContain('Note of visit to St Catherine');
    // Delivered after the commit (kept in the outbox with no SMTP server), not left queued.
    expect(toHead?.status).toBe('kept');
    expect(toHead?.text).toContain(`http://stride.test/${barnet.slug}/visits/notes/${id}`);
    expect(await emailsTo(office)).toHaveLength(1);

    // With the head, the adviser cannot change it.
    await expect(
      adviser.notesOfVisit.revise({ id, visitedOn: '2026-11-19', content: content() }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      head.notesOfVisit.revise({ id, visitedOn: '2026-11-19', content: content() }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await head.notesOfVisit.comment({
      id,
      comment: 'Attendance figures are from last year; this term is better.',
    });
    await adviser.notesOfVisit.revise({
      id,
      visitedOn: '2026-11-19',
      content: content({ strengths: 'Leaders know the school well. Attendance has improved this term.' }),
    });
    expect(await adviser.notesOfVisit.send({ id })).toMatchObject({ version: 2 });

    // Governors see nothing until the note is shared.
    await expect(chair.notesOfVisit.byId({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    await head.notesOfVisit.agree({ id });
    const agreed = await head.notesOfVisit.byId({ id });
    expect(agreed).toMatchObject({ status: 'agreed', version: 2, agreedByName: 'Bernadette Keane' });
    expect(agreed.agreedAt).toBeInstanceOf(Date);
    expect(agreed.can).toEqual({ edit: false, send: false, agree: false, comment: false, share: false });
    expect(agreed.versions.map((v) => [v.version, v.event])).toEqual([
      [1, 'sent'],
      [1, 'commented'],
      [2, 'sent'],
      [2, 'agreed'],
    ]);
    expect(agreed.versions[1]?.headteacherComment).toMatch(/Attendance figures/);
    const toAdviser = (await emailsTo(barnet.email('adviser@barnet.example'))).map((e) => e.subject);
    expect(toAdviser).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^St Catherine.* commented on your note of visit/),
        expect.stringMatching(/^St Catherine.* agreed your note of visit/),
      ]),
    );
    expect(agreed.versions[0]?.content.strengths).toBe('Leaders know the school well.');
    expect(agreed.versions[2]?.content.strengths).toMatch(/improved this term/);

    // Locked: no edit, no re-send, no second answer.
    const locked = adviser.notesOfVisit.revise({ id, visitedOn: '2026-11-19', content: content() });
    await expect(locked).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'This note has been agreed with the headteacher and can no longer be changed.',
    });
    await expect(adviser.notesOfVisit.send({ id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(head.notesOfVisit.comment({ id, comment: 'One more thing' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(head.notesOfVisit.share({ id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Every governor of the school with an account: the chair, a parent governor and the clerk (governance seed).
    expect(await adviser.notesOfVisit.share({ id })).toMatchObject({ status: 'shared', emailed: 3 });
    const [toChair] = await emailsTo(barnet.email('chair@stcatherines.sch.example'));
    expect(toChair?.text).toContain('shared with the chair of governors');
    const seen = await chair.notesOfVisit.byId({ id });
    expect(seen.status).toBe('shared');
    expect(seen.sharedAt).toBeInstanceOf(Date);
    expect((await chair.notesOfVisit.list({})).every((n) => n.status === 'shared')).toBe(true);
    await expect(
      adviser.notesOfVisit.revise({ id, visitedOn: '2026-11-20', content: content() }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const { document, filename } = await chair.notesOfVisit.pdf({ id });
    expect(filename).toBe('note-of-visit-101335-2026-11-19.pdf');
    expect(document.footer).toMatch(/^Agreed by Bernadette Keane on \d{1,2} \w+ 2026 \(version 2\)/);
    expect(JSON.stringify(document.blocks)).toContain('Learning Network Inspector');
    expect(JSON.stringify(document.blocks)).toContain('Persistent absence is still above');
    const bytes = await renderPdf(document);
    expect(Buffer.from(bytes).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows each field’s error: a disagreement needs a reason, a judgement must be on the tenant scale', async () => {
    const adviser = barnet.caller('adviser@barnet.example');
    const base = content();
    const [first, second] = base.focusAreas;
    if (!first || !second) throw new Error('fixture');
    expect(
      await fieldErrorsOf(
        adviser.notesOfVisit.write({
          schoolId: stCatherinesId,
          visitedOn: '2026-11-20',
          content: { ...base, focusAreas: [{ ...first, disagreement: '' }, second] },
        }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', fields: ['content.focusAreas.0.disagreement'] });
    expect(
      await fieldErrorsOf(
        adviser.notesOfVisit.write({
          schoolId: stCatherinesId,
          visitedOn: '2026-11-20',
          content: { ...base, focusAreas: [first, { ...second, judgement: 'Requires improvement' }] },
        }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', fields: ['content.focusAreas.1.judgement'] });
  });

  it('lets each role see only its notes; other schools’ notes are NOT_FOUND', async () => {
    const adviser = barnet.caller('adviser@barnet.example');
    const { id } = await adviser.notesOfVisit.write({
      schoolId: stCatherinesId,
      visitedOn: '2026-11-21',
      content: content({ focusKind: 'deep_dive', deepDiveSubject: 'History' }),
    });
    await adviser.notesOfVisit.send({ id });

    const other = barnet.caller('tomasz.nowicki@barnet.example');
    await expect(other.notesOfVisit.byId({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(other.notesOfVisit.pdf({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(other.notesOfVisit.share({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await other.notesOfVisit.list({})).map((n) => n.id)).not.toContain(id);

    // The BSIP (second adviser) sees it but cannot change another adviser's note.
    const bsip = barnet.caller('amara.nwosu@barnet.example');
    expect((await bsip.notesOfVisit.byId({ id })).can.edit).toBe(false);

    const officer = barnet.caller('head.si@barnet.example');
    expect((await officer.notesOfVisit.list({ status: 'sent' })).map((n) => n.id)).toContain(id);

    const otherHead = barnet.caller('head@coppettswood.sch.example');
    await expect(otherHead.notesOfVisit.byId({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(otherHead.notesOfVisit.agree({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const coppetts = await otherHead.notesOfVisit.list({});
    expect(coppetts.every((n) => n.urn === 101262 && n.status !== 'draft')).toBe(true);
    await expect(otherHead.notesOfVisit.list({ schoolId: stCatherinesId })).resolves.toEqual([]);

    const head = barnet.caller('head@stcatherines.sch.example');
    const own = await head.notesOfVisit.list({});
    expect(own.map((n) => n.id)).toContain(id);
    expect(own.every((n) => n.urn === 101335 && n.status !== 'draft')).toBe(true);
    expect((await head.notesOfVisit.byId({ id })).can).toMatchObject({
      agree: true,
      comment: true,
      edit: false,
    });

    const chair = barnet.caller('chair@stcatherines.sch.example');
    await expect(chair.notesOfVisit.byId({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      chair.notesOfVisit.write({ schoolId: stCatherinesId, visitedOn: '2026-11-21', content: content() }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('sent where no headteacher has an account yet: nobody is emailed, the adviser is told so, and a head who joins finds it', async () => {
    const adviserUser = barnet.user('adviser@barnet.example');
    // A school of the adviser's (not one the other tests read) whose headteacher has not joined: no
    // headteacher account, no headteacher email on its contacts.
    const schoolId = await withTenant(database.db, barnetId, async (tx) => {
      const linked = await tx
        .select({ id: schools.id, urn: schools.urn })
        .from(schoolMonitoring)
        .innerJoin(schools, eq(schools.id, schoolMonitoring.schoolId))
        .where(eq(schoolMonitoring.linkAdviserUserId, adviserUser.id));
      const school = linked.find((l) => ![101335, 101262, 101270, 101358].includes(l.urn));
      if (!school) throw new Error('no other school of the adviser');
      await tx
        .delete(memberships)
        .where(and(eq(memberships.schoolId, school.id), eq(memberships.role, 'school_admin')));
      await tx
        .delete(schoolContacts)
        .where(and(eq(schoolContacts.schoolId, school.id), eq(schoolContacts.role, 'headteacher')));
      return school.id;
    });
    const adviser = barnet.caller('adviser@barnet.example');
    const { id } = await adviser.notesOfVisit.write({
      schoolId,
      visitedOn: '2026-11-24',
      content: content(),
    });
    const before = new Date(Date.now() - 1000);
    const sent = await adviser.notesOfVisit.send({ id });
    expect(sent).toMatchObject({ status: 'sent', version: 1, emailed: 0, headteacherAccounts: 0 });
    const queued = await withMailroom(database.db, (tx) =>
      tx.select().from(outboxEmails).where(gte(outboxEmails.createdAt, before)),
    );
    expect(queued.filter((e) => e.subject.includes(sent.schoolName))).toEqual([]);
    const told = sentMessage(sent);
    expect(told).not.toBe('Sent to the headteacher.');
    expect(told).toContain('nobody was emailed');
    expect(told).toContain(`no headteacher at ${sent.schoolName} has an account yet`);

    // The headteacher joins later and finds the note, to agree or comment.
    const head = await makeUser(database.db, { name: 'New Headteacher' });
    await addMembership(database.db, barnetId, head.id, 'school_admin', schoolId);
    const headCaller = callerAs(database.db, head, barnet.slug);
    expect((await headCaller.notesOfVisit.list({})).map((n) => n.id)).toContain(id);
    expect((await headCaller.notesOfVisit.byId({ id })).can).toMatchObject({ agree: true });
  });

  it('tells the adviser plainly who was emailed when the head is only on the contacts, or has an account', () => {
    expect(sentMessage({ emailed: 2, headteacherAccounts: 1, schoolName: 'X' })).toBe(
      'Sent to the headteacher.',
    );
    expect(sentMessage({ emailed: 1, headteacherAccounts: 0, schoolName: 'X' })).toContain(
      'emailed to the headteacher on the school’s contacts, but no headteacher at X has an account yet',
    );
  });

  it('is seeded with a Barnet note in each state of the workflow', async () => {
    const officer = barnet.caller('la.officer@barnet.example');
    const seeded = (await officer.notesOfVisit.list({})).filter((n) => n.visitedOn < '2026-11-21');
    const byUrn = (urn: number) => seeded.filter((n) => n.urn === urn).map((n) => n.status);
    expect(byUrn(101335)).toContain('shared');
    expect(byUrn(101262)).toEqual(['sent']);
    expect(byUrn(101270)).toEqual(['commented']);
    expect(byUrn(101358)).toEqual(['draft']);
    const coppetts = seeded.find((n) => n.urn === 101262);
    expect(coppetts?.adviserName).toBe("Rachel O'Connor");
  });

  it('prints a draft as not agreed', async () => {
    const adviser = barnet.caller('adviser@barnet.example');
    const { id } = await adviser.notesOfVisit.write({
      schoolId: stCatherinesId,
      visitedOn: '2026-11-22',
      content: content({ agreedActions: [] }),
    });
    const { document } = await adviser.notesOfVisit.pdf({ id });
    expect(document.footer).toBe('Draft – not agreed');
    expect(JSON.stringify(document.blocks)).toContain('No actions were agreed.');
  });
});
