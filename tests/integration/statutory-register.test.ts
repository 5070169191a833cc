import { withMailroom } from '~/server/email/outbox';
import { TRPCError } from '@trpc/server';
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { outboxEmails, sccLetters, schools } from '~/db/schema';
import { giasUploadBody } from '~/server/schools/import-gias/gias-upload';
import { giasCsv, giasRow, type GiasFixtureRow } from '../fixtures/gias';
import { academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { callerFor, openTestDatabase, tenantBySlug } from './harness';

const nextYear = academicYearOf(todayInLondon()) + 1;

/**
 * The register on a real LA's data (issue 11): a GIAS import fills the statutory register, the visits planner
 * picks the new schools up, and an Ofsted result's derived category drives the Statement of Action
 * requirement, intervention eligibility and the visit rule.
 */

/** URNs no seed or other run uses: the PostgreSQL database is shared by every test file and kept between runs. */
const base = 800_000_000 + Math.floor(Math.random() * 1_000_000) * 100;
const urn = (n: number) => base + n;

let database: Database;
let harrowId: string;

const upload = (rows: GiasFixtureRow[]) =>
  giasUploadBody(new Blob([new Uint8Array(giasCsv(rows, { header: 'full' }))]), {});
const harrow = (over: Omit<Partial<GiasFixtureRow>, 'urn'> & { urn: number }) =>
  giasRow({ laCode: '310', laName: 'Harrow', town: 'Harrow', ...over });

async function failure(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

async function idOf(u: number) {
  const [row] = await withTenant(database.db, harrowId, (tx) =>
    tx
      .select({ id: schools.id })
      .from(schools)
      .where(inArray(schools.urn, [u])),
  );
  if (!row) throw new Error(`no school ${u}`);
  return row.id;
}

// Every kind of open school in the LA's own code joins; a closed one and another LA's do not.
const inArea = [
  harrow({ urn: urn(1), name: 'Wealdstone Community Primary' }),
  harrow({ urn: urn(2), name: 'St Anselm’s RC Primary', type: 'Voluntary aided school' }),
  harrow({ urn: urn(3), name: 'Kenton Academy', type: 'Academy converter', typeGroup: 'Academies' }),
  harrow({
    urn: urn(4),
    name: 'Harrow Free School',
    type: 'Free schools',
    typeGroup: 'Free Schools',
    phase: 'Secondary',
    sixthForm: '1',
  }),
  harrow({
    urn: urn(5),
    name: 'Shaftesbury Special School',
    type: 'Community special school',
    typeGroup: 'Special schools',
    phase: 'Not applicable',
  }),
  harrow({
    urn: urn(6),
    name: 'Alternative Provision Harrow',
    type: 'Pupil referral unit',
    typeGroup: 'Local authority maintained schools',
    phase: 'Not applicable',
  }),
  harrow({
    urn: urn(7),
    name: 'Grange Nursery School',
    type: 'Local authority nursery school',
    phase: 'Nursery',
  }),
];
const closed = harrow({ urn: urn(8), name: 'Closed Lane Primary', status: 'Closed' });
const elsewhere = giasRow({ urn: urn(9), laCode: '302', laName: 'Barnet', name: 'Over the Border Primary' });

beforeAll(async () => {
  database = await openTestDatabase();
  harrowId = (await tenantBySlug(database.db, 'harrow')).id;
});

describe('importing an LA’s schools from GIAS fills its statutory register', () => {
  it('every open in-area school joins with the default category and is in the regenerated visit plan', async () => {
    const head = await callerFor(database.db, 'head.si@harrow.example', 'harrow');
    const result = await head.schoolImport.commit(upload([...inArea, closed, elsewhere]));
    expect(result).toMatchObject({ imported: true, newSchools: 8, register: { joined: 7, left: 0 } });

    const register = await head.register.list({ sort: 'name' });
    const ours = register.rows.filter((r) => r.urn >= base && r.urn < base + 100);
    expect(ours.map((r) => r.urn).sort()).toEqual(inArea.map((r) => Number(r.urn)).sort());
    // Harrow takes the default settings: category 2 Good.
    expect(ours.every((r) => r.laCategory === '2' && r.joinedOn !== null)).toBe(true);
    // The sixth form GIAS records comes with the school (its visits depend on it).
    expect(ours.filter((r) => r.hasSixthForm).map((r) => r.urn)).toEqual([urn(4)]);
    // The phase filter offers the phases the register's schools have, but not GIAS's "Not applicable" (the
    // special school's and the PRU's): it is no phase to filter by.
    expect(register.phases).toEqual(expect.arrayContaining(['Nursery', 'Primary', 'Secondary']));
    expect(register.phases).not.toContain('Not applicable');

    // A year not yet begun, so the whole year is planned whatever today's date (a school new to a year under way
    // gets the weeks left of it: tests/unit/plan-visits.test.ts).
    const plan = await head.visits.generatePlan({ academicYear: nextYear });
    expect(plan.added).toBeGreaterThan(0);
    for (const row of inArea) {
      const record = await head.register.school({ schoolId: await idOf(Number(row.urn)) });
      const visits = record.visits.filter((v) => v.academicYear === nextYear);
      expect(visits.length, row.name).toBe(record.visitRule.count);
      expect(visits.length, row.name).toBeGreaterThan(0);
    }
    // The academy gets its keeping-in-touch visit, the PRU its minimum of two.
    const academy = await head.register.school({ schoolId: await idOf(urn(3)) });
    expect(academy.visits.every((v) => v.kind === 'keeping_in_touch')).toBe(true);
    const pru = await head.register.school({ schoolId: await idOf(urn(6)) });
    expect(pru.visitRule.count).toBe(2);
  });

  it('a school GIAS later lists as closed leaves the active register and keeps its history', async () => {
    const head = await callerFor(database.db, 'head.si@harrow.example', 'harrow');
    const closing = { ...inArea[0]!, status: 'Closed' };
    const result = await head.schoolImport.commit(upload([closing]));
    expect(result.register).toMatchObject({ left: 1 });
    const active = await head.register.list({ sort: 'name' });
    expect(active.rows.map((r) => r.urn)).not.toContain(urn(1));
    const left = await head.register.list({ sort: 'name', register: 'left' });
    expect(left.rows.find((r) => r.urn === urn(1))).toMatchObject({
      leftReason: expect.stringMatching(/Closed/),
    });
    const record = await head.register.school({ schoolId: await idOf(urn(1)) });
    expect(record.categoryHistory.length).toBeGreaterThan(0);
    expect(record.visits.length).toBeGreaterThan(0);
    // Nothing more is planned for it.
    const plan = await head.visits.generatePlan({ academicYear: nextYear + 1 });
    expect(plan.added).toBeGreaterThan(0);
    const after = await head.register.school({ schoolId: await idOf(urn(1)) });
    expect(after.visits.some((v) => v.academicYear === nextYear + 1)).toBe(false);
  });

  it('an officer removes and adds a school by hand, with a reason', async () => {
    const officer = await callerFor(database.db, 'la.officer@harrow.example', 'harrow');
    const schoolId = await idOf(urn(2));
    expect((await failure(officer.register.removeSchool({ schoolId, reason: 'no' }))).code).toBe(
      'BAD_REQUEST',
    );
    await officer.register.removeSchool({ schoolId, reason: 'Transferred to the diocese’s records.' });
    expect((await officer.register.offRegister()).map((s) => s.id)).toContain(schoolId);
    // The register's page has it, and the advisers for its filter, in its one call; an adviser (who cannot add
    // a school) gets the advisers but not the schools off the register.
    const page = await officer.register.list({ sort: 'name' });
    expect(page.offRegister.map((s) => s.id)).toContain(schoolId);
    expect(page.advisers).toEqual(await officer.register.advisers());
    expect(page.advisers.length).toBeGreaterThan(0);
    const harrowAdviser = await callerFor(database.db, 'adviser@harrow.example', 'harrow');
    const advisersPage = await harrowAdviser.register.list({ sort: 'name' });
    expect(advisersPage.offRegister).toEqual([]);
    expect(advisersPage.advisers).toEqual(page.advisers);
    expect(
      (
        await failure(
          officer.register.recordInspection({
            schoolId,
            inspectedOn: '2026-01-20',
            publishedOn: '2026-02-20',
            framework: 'ungraded',
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    await officer.register.addSchool({ schoolId, reason: 'Returned after the transfer fell through.' });
    expect((await officer.register.school({ schoolId })).entry.leftOn).toBeNull();
    expect(
      (await failure(officer.register.addSchool({ schoolId, reason: 'Already there, twice.' }))).code,
    ).toBe('CONFLICT');
    const adviser = await callerFor(database.db, 'adviser@harrow.example', 'harrow');
    expect(
      (await failure(adviser.register.removeSchool({ schoolId, reason: 'Not an adviser’s call.' }))).code,
    ).toBe('FORBIDDEN');
  });
});

describe('an urgent-improvement report card', () => {
  it('derives requires significant improvement: Statement of Action, intervention, fortnightly visits', async () => {
    const head = await callerFor(database.db, 'head.si@harrow.example', 'harrow');
    const schoolId = await idOf(urn(5));
    const before = await head.register.school({ schoolId });
    expect(before.requirements.intervention.eligible).toBe(false);
    expect(before.requirements.statementOfActionBecause).toBeNull();

    const recorded = await head.register.recordInspection({
      schoolId,
      inspectedOn: '2026-03-04',
      publishedOn: '2026-04-15',
      framework: 'report_card_2025',
      grades: {
        inclusion: 'needs_attention',
        curriculum_and_teaching: 'expected',
        achievement: 'urgent_improvement',
        attendance_and_behaviour: 'expected',
        personal_development: 'expected',
        leadership_and_governance: 'needs_attention',
      },
      safeguarding: 'met',
    });
    // No tick needed: the category comes from the grades, and the LA category follows the tenant's map.
    expect(recorded).toMatchObject({
      categoryOfConcern: 'requires_significant_improvement',
      laCategoryChange: { from: '2', to: '4a' },
    });
    const after = await head.register.school({ schoolId });
    expect(after.requirements.latestOfstedCategory).toBe('requires_significant_improvement');
    expect(after.requirements.intervention.eligible).toBe(true);
    expect(after.requirements.statementOfActionBecause).toMatch(/requires significant improvement/);
    expect(after.visitRule).toMatchObject({ count: 19, kind: 'concern_monitoring' });
    expect(after.categoryHistory[0]?.rationale).toMatch(/Ofsted inspection of 4 March 2026/);

    // A case opened on it needs a Statement of Action, and intervention is open to it.
    const opened = await head.concern.openCase({ schoolId, concerns: 'Achievement at urgent improvement.' });
    const caseId = opened.caseId;
    const interventions = await head.casework.interventions({ caseId });
    expect(interventions.eligibility.eligible).toBe(true);
    const plan = await head.casework.plan({ caseId });
    expect(plan.statementRequiredBecause).toMatch(/requires significant improvement/);

    // An ungraded inspection afterwards changes nothing.
    await head.register.recordInspection({
      schoolId,
      inspectedOn: '2026-06-10',
      publishedOn: '2026-07-01',
      framework: 'ungraded',
    });
    expect((await head.register.school({ schoolId })).requirements.latestOfstedCategory).toBe(
      'requires_significant_improvement',
    );
  });

  it('refuses combinations the framework does not have, and a framework the date does not fit', async () => {
    const head = await callerFor(database.db, 'head.si@harrow.example', 'harrow');
    const schoolId = await idOf(urn(7));
    const rsiOn2019 = await failure(
      head.register.recordInspection({
        schoolId,
        inspectedOn: '2019-05-08',
        publishedOn: '2019-06-10',
        framework: 'legacy_overall',
        overallGrade: 4,
        categoryOfConcern: 'requires_significant_improvement',
      }),
    );
    expect(rsiOn2019.message).toMatch(/not a category of this framework/);
    const swOnCard = await failure(
      head.register.recordInspection({
        schoolId,
        inspectedOn: '2026-02-04',
        publishedOn: '2026-03-04',
        framework: 'report_card_2025',
        grades: {
          inclusion: 'expected',
          curriculum_and_teaching: 'expected',
          achievement: 'expected',
          attendance_and_behaviour: 'expected',
          personal_development: 'expected',
          leadership_and_governance: 'expected',
        },
        safeguarding: 'met',
        categoryOfConcern: 'serious_weaknesses',
      }),
    );
    expect(swOnCard.message).toMatch(/carries no category of concern/);
    const cardIn2024 = await failure(
      head.register.recordInspection({
        schoolId,
        inspectedOn: '2024-03-04',
        publishedOn: '2024-04-04',
        framework: 'report_card_2025',
        grades: {
          inclusion: 'expected',
          curriculum_and_teaching: 'expected',
          achievement: 'expected',
          attendance_and_behaviour: 'expected',
          personal_development: 'expected',
          leadership_and_governance: 'expected',
        },
        safeguarding: 'met',
      }),
    );
    expect(cardIn2024.message).toMatch(/Report cards began on 10 November 2025/);
    const missingChoice = await failure(
      head.register.recordInspection({
        schoolId,
        inspectedOn: '2019-05-08',
        publishedOn: '2019-06-10',
        framework: 'legacy_overall',
        overallGrade: 4,
      }),
    );
    expect(missingChoice.message).toMatch(/serious weaknesses or needs special measures/);
  });

  it('asks for capacity to improve before an RI category gives the lighter rule', async () => {
    const head = await callerFor(database.db, 'head.si@harrow.example', 'harrow');
    const schoolId = await idOf(urn(7));
    const asked = await failure(
      head.register.changeCategory({
        schoolId,
        category: '3',
        rationale: 'Monitoring visit found weak reading.',
      }),
    );
    expect(asked.message).toMatch(/capacity to improve is secure/);
    await head.register.changeCategory({
      schoolId,
      category: '3',
      rationale: 'Monitoring visit found weak reading.',
      capacitySecure: true,
    });
    expect((await head.register.school({ schoolId })).visitRule).toMatchObject({ count: 6 });
  });
});

describe('the annual categorisation letters (Birmingham, 003)', () => {
  // 003 (Birmingham): "letter to every maintained school's HT and chair saying whether it is a priority and
  // why" (domain note, Birmingham cycle).
  it('writes every maintained school its category and why, emails the head and chair, once a year', async () => {
    const head = await callerFor(database.db, 'head.si@birmingham.example', 'birmingham');
    const first = await head.register.issueCategorisationLetters({ academicYear: 2026 });
    const maintained = (await head.register.list({ sort: 'name', governance: 'maintained' })).rows;
    expect(first.maintainedSchools).toBe(maintained.length);
    expect(first.written + first.alreadyWritten).toBe(maintained.length);
    const again = await head.register.issueCategorisationLetters({ academicYear: 2026 });
    expect(again).toMatchObject({ written: 0, alreadyWritten: maintained.length, emails: 0 });

    const birminghamId = (await tenantBySlug(database.db, 'birmingham')).id;
    const letters = await withTenant(database.db, birminghamId, (tx) =>
      tx.select().from(sccLetters).where(eq(sccLetters.kind, 'categorisation')),
    );
    const ids = new Map(maintained.map((r) => [r.schoolId, r.urn]));
    expect(new Set(letters.map((l) => ids.get(l.schoolId))).size).toBe(maintained.length);
    const letterTo = (urn: number) => letters.find((l) => ids.get(l.schoolId) === urn);
    // Cherry Orchard (good) is not a priority school; Greet (requires significant improvement) is, and why.
    expect(letterTo(103305)?.body).toMatch(/“Good”[\s\S]*not one of the priority schools/);
    expect(letterTo(103342)?.body).toMatch(/“Inadequate”[\s\S]*one of the priority schools for 2026\/27/);
    expect(letterTo(103342)?.body).toMatch(/requires significant improvement/);

    const sent = await withMailroom(database.db, (tx) =>
      tx
        .select()
        .from(outboxEmails)
        .where(
          inArray(outboxEmails.to, ['head@cherryorchard.sch.example', 'chair@cherryorchard.sch.example']),
        ),
    );
    const link = `/birmingham/concern/letters/${letterTo(103305)?.id}/pdf`;
    expect(
      sent
        .filter((e) => e.text?.includes(link))
        .map((e) => e.to)
        .sort(),
    ).toEqual(['chair@cherryorchard.sch.example', 'head@cherryorchard.sch.example']);
    // The head can open their school's letter; another school's head cannot.
    const cherryHead = await callerFor(database.db, 'head@cherryorchard.sch.example', 'birmingham');
    const pdf = await cherryHead.concern.letterPdf({ letterId: letterTo(103305)?.id ?? '' });
    expect(pdf.document.title).toBe('Annual categorisation letter');
    expect((await failure(cherryHead.concern.letterPdf({ letterId: letterTo(103342)?.id ?? '' }))).code).toBe(
      'NOT_FOUND',
    );
  });
});
