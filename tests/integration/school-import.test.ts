import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { auditLog, schoolContacts, schools } from '~/db/schema';
import { giasUploadBody, type TGiasImportOptionsInput } from '~/server/schools/import-gias/gias-upload';
import { schoolsListFilter, schoolsShownFrom } from '~/server/schools/schools-shown';
import { giasCsv, giasRow, type GiasCsvOptions, type GiasFixtureRow } from '../fixtures/gias';
import { callerFor, openTestDatabase, tenantBySlug } from './harness';

/** URNs no seed or other run uses: the PostgreSQL database is shared by every test file and kept between runs. */
const base = 900_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;
const urn = (n: number) => base + n;

function upload(rows: GiasFixtureRow[], options: TGiasImportOptionsInput = {}, csv: GiasCsvOptions = {}) {
  return giasUploadBody(new Blob([new Uint8Array(giasCsv(rows, { header: 'full', ...csv }))]), options);
}

describe('importing schools from a GIAS establishment fields file', () => {
  let database: Database;
  let bepId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    bepId = (await tenantBySlug(database.db, 'bep')).id;
  });

  const manager = () => callerFor(database.db, 'manager@bep.example', 'bep');

  /** BEP's rows for these URNs, as stored. */
  const stored = (urns: number[]) =>
    withTenant(database.db, bepId, (tx) =>
      tx.select().from(schools).where(inArray(schools.urn, urns)).orderBy(schools.urn),
    );

  it('previews without writing a school', async () => {
    const rows = [
      giasRow({ urn: urn(1), name: 'St Mary’s Preview Primary School' }),
      giasRow({ urn: urn(2), status: 'Closed' }),
      giasRow({ urn: urn(3), laCode: '302', laName: 'Barnet' }),
    ];
    const result = await (await manager()).schoolImport.preview(upload(rows));
    expect(result).toMatchObject({
      encoding: 'windows-1252',
      filter: { kind: 'la-codes', laCodes: ['330'] },
      rowsRead: 3,
      rowsMatching: 2,
      newSchools: 2,
      updatedSchools: 0,
      unchanged: 0,
      closed: 1,
      errorCount: 0,
      errors: [],
      imported: false,
    });
    // The school GIAS lists as closed is named as such before the manager confirms adding it.
    expect(result.changes.map((c) => [c.urn, c.kind, c.closed])).toEqual([
      [urn(1), 'new', false],
      [urn(2), 'new', true],
    ]);
    expect(await stored([urn(1), urn(2), urn(3)])).toEqual([]);
  });

  it('imports new schools, then updates them by URN without duplicates or touching local data', async () => {
    const caller = await manager();
    const first = [
      giasRow({ urn: urn(10), name: 'St Mary’s C of E Primary School', pupils: '210' }),
      giasRow({ urn: urn(11), name: 'Hillcrest Academy', type: 'Academy converter', typeGroup: 'Academies' }),
      giasRow({ urn: urn(12), name: 'Oakfield Nursery School', phase: 'Nursery', pupils: '' }),
    ];
    const inserted = await caller.schoolImport.commit(upload(first));
    expect(inserted).toMatchObject({ imported: true, newSchools: 3, updatedSchools: 0, errorCount: 0 });
    const afterFirst = await stored([urn(10), urn(11), urn(12)]);
    expect(
      afterFirst.map((s) => [s.urn, s.name, s.numberOfPupils, s.status, s.laCode, s.headteacherName]),
    ).toEqual([
      [urn(10), 'St Mary’s C of E Primary School', 210, 'open', '330', 'Mrs Anita Shah'],
      [urn(11), 'Hillcrest Academy', 420, 'open', '330', 'Mrs Anita Shah'],
      [urn(12), 'Oakfield Nursery School', null, 'open', '330', 'Mrs Anita Shah'],
    ]);

    // Local data the workspace keeps on one school.
    const stMarys = afterFirst[0];
    if (!stMarys) throw new Error('not imported');
    await caller.schools.updateNotes({ id: stMarys.id, notes: 'Buys the full SLA' });
    await withTenant(database.db, bepId, async (tx) => {
      await tx.update(schools).set({ isPartnershipMember: true }).where(eq(schools.id, stMarys.id));
      await tx.insert(schoolContacts).values({
        tenantId: bepId,
        schoolId: stMarys.id,
        role: 'business_manager',
        name: 'Priya Patel',
        email: 'sbm@stmarys.sch.example',
      });
    });

    const second = [
      giasRow({ urn: urn(10), name: 'St Mary’s Church of England Primary School', pupils: '236' }),
      first[1] as GiasFixtureRow,
      giasRow({ urn: urn(12), name: 'Oakfield Nursery School', phase: 'Nursery', pupils: '64' }),
    ];
    const preview = await caller.schoolImport.preview(upload(second));
    expect(preview).toMatchObject({ newSchools: 0, updatedSchools: 2, unchanged: 1, imported: false });
    const updated = await caller.schoolImport.commit(upload(second));
    expect(updated).toMatchObject({ imported: true, newSchools: 0, updatedSchools: 2, unchanged: 1 });

    const afterSecond = await stored([urn(10), urn(11), urn(12)]);
    expect(afterSecond.map((s) => [s.id, s.name, s.numberOfPupils])).toEqual([
      [stMarys.id, 'St Mary’s Church of England Primary School', 236],
      [afterFirst[1]?.id, 'Hillcrest Academy', 420],
      [afterFirst[2]?.id, 'Oakfield Nursery School', 64],
    ]);
    expect(afterSecond[0]).toMatchObject({ notes: 'Buys the full SLA', isPartnershipMember: true });
    // The unchanged school was not rewritten.
    expect(afterSecond[1]?.updatedAt).toEqual(afterFirst[1]?.updatedAt);
    const contacts = await withTenant(database.db, bepId, (tx) =>
      tx.select().from(schoolContacts).where(eq(schoolContacts.schoolId, stMarys.id)),
    );
    expect(contacts.map((c) => c.name)).toEqual(['Priya Patel']);
  });

  it('refreshes the sixth form GIAS records on a re-import, and keeps it when the file has no such column', async () => {
    const caller = await manager();
    const secondary = (sixthForm: string) =>
      giasRow({ urn: urn(15), name: 'Kingsbury High School', phase: 'Secondary', sixthForm });
    await caller.schoolImport.commit(upload([secondary('2')]));
    expect((await stored([urn(15)]))[0]?.officialSixthForm).toBe(false);

    // GIAS now records a sixth form: the re-import counts the school as updated and stores it.
    expect(await caller.schoolImport.preview(upload([secondary('1')]))).toMatchObject({ updatedSchools: 1 });
    await caller.schoolImport.commit(upload([secondary('1')]));
    const [afterUpdate] = await stored([urn(15)]);
    expect(afterUpdate?.officialSixthForm).toBe(true);

    // A file cut down to fewer columns (no OfficialSixthForm) says nothing about it: kept, school unchanged.
    const short = await caller.schoolImport.commit(upload([secondary('1')], {}, { header: 'short' }));
    expect(short).toMatchObject({ imported: true, updatedSchools: 0, unchanged: 1 });
    const [afterShort] = await stored([urn(15)]);
    expect(afterShort?.officialSixthForm).toBe(true);
    expect(afterShort?.updatedAt).toEqual(afterUpdate?.updatedAt);

    // GIAS's "not applicable" (0) in a full file is news, and replaces it.
    await caller.schoolImport.commit(upload([secondary('0')]));
    expect((await stored([urn(15)]))[0]?.officialSixthForm).toBeNull();
  });

  it('keeps the telephone, website and trust GIAS gives, and shows them on the school', async () => {
    const caller = await manager();
    const academy = (overrides: Partial<GiasFixtureRow> = {}) =>
      giasRow({
        urn: urn(16),
        name: 'Moor Green Academy',
        type: 'Academy converter',
        typeGroup: 'Academies',
        telephone: '0121 464 5555',
        website: 'www.moorgreen.sch.example',
        trust: 'Moor Learning Trust',
        ...overrides,
      });
    await caller.schoolImport.commit(upload([academy()]));
    const [school] = await stored([urn(16)]);
    if (!school) throw new Error('not imported');
    expect(await caller.schools.byId({ id: school.id })).toMatchObject({
      telephone: '0121 464 5555',
      website: 'www.moorgreen.sch.example',
      trustName: 'Moor Learning Trust',
    });
    // The school moves trust: a change the check names.
    const moved = await caller.schoolImport.preview(upload([academy({ trust: 'Green Schools Trust' })]));
    expect(moved).toMatchObject({ updatedSchools: 1 });
    expect(moved.changes).toEqual([
      {
        urn: urn(16),
        name: 'Moor Green Academy',
        wasNamed: null,
        kind: 'updated',
        fields: ['trust'],
        closed: false,
      },
    ]);
  });

  it('lists the schools it will add or change before confirming: the first 50, the rest counted', async () => {
    const caller = await manager();
    await caller.schoolImport.commit(
      upload([giasRow({ urn: urn(20), name: 'Old Name Primary School', pupils: '100' })]),
    );
    const rows = [
      giasRow({ urn: urn(20), name: 'New Name Primary School', pupils: '120' }),
      ...Array.from({ length: 52 }, (_, i) => giasRow({ urn: urn(21 + i) })),
    ];
    const preview = await caller.schoolImport.preview(upload(rows));
    expect(preview).toMatchObject({ newSchools: 52, updatedSchools: 1, imported: false });
    expect(preview.changes).toHaveLength(50);
    expect(preview.changes[0]).toEqual({
      urn: urn(20),
      name: 'New Name Primary School',
      wasNamed: 'Old Name Primary School',
      kind: 'updated',
      fields: ['name', 'pupil numbers'],
      closed: false,
    });
    expect(preview.changes[1]).toMatchObject({ urn: urn(21), kind: 'new', fields: [] });
    expect(preview.changes.at(-1)?.urn).toBe(urn(69));
    // Still all or nothing: one bad row and nothing is written, the problem shown as before.
    const broken = await caller.schoolImport.commit(
      upload([...rows, giasRow({ urn: urn(80), status: 'Shut' })]),
    );
    expect(broken).toMatchObject({ imported: false, errorCount: 1, errors: [{ urn: String(urn(80)) }] });
    expect(await stored([urn(21), urn(72)])).toEqual([]);
  });

  it('marks a school GIAS has closed as closed, and deletes nothing', async () => {
    const caller = await manager();
    await caller.schoolImport.commit(upload([giasRow({ urn: urn(20) }), giasRow({ urn: urn(21) })]));
    // urn(21) is left out of the second file: absence from a file is not closure.
    const result = await caller.schoolImport.commit(upload([giasRow({ urn: urn(20), status: 'Closed' })]));
    expect(result).toMatchObject({ imported: true, updatedSchools: 1, closed: 1 });
    const rows = await stored([urn(20), urn(21)]);
    expect(rows.map((s) => [s.urn, s.status])).toEqual([
      [urn(20), 'closed'],
      [urn(21), 'open'],
    ]);
  });

  it('keeps the day GIAS says a school closed, says so on the check, and refuses a close date it cannot read', async () => {
    const caller = await manager();
    await caller.schoolImport.commit(upload([giasRow({ urn: urn(100) }), giasRow({ urn: urn(101) })]));
    const closing = giasRow({ urn: urn(100), status: 'Closed', closeDate: '31-08-2025' });
    const preview = await caller.schoolImport.preview(upload([closing, giasRow({ urn: urn(101) })]));
    expect(preview.changes).toEqual([
      {
        urn: urn(100),
        name: closing.name,
        wasNamed: null,
        kind: 'updated',
        fields: ['status', 'close date'],
        closed: true,
      },
    ]);
    // All or nothing: a close date that is not a date stops the whole file, naming its cell.
    const broken = await caller.schoolImport.commit(
      upload([closing, giasRow({ urn: urn(101), status: 'Closed', closeDate: 'summer 2025' })]),
    );
    expect(broken).toMatchObject({ imported: false, errorCount: 1 });
    expect(broken.errors).toEqual([
      {
        row: 3,
        urn: String(urn(101)),
        field: 'CloseDate',
        message: 'Close date must be a date written day first, like 31-08-2025 (found “summer 2025”).',
      },
    ]);
    expect((await stored([urn(100), urn(101)])).map((s) => [s.status, s.closedOn])).toEqual([
      ['open', null],
      ['open', null],
    ]);

    await caller.schoolImport.commit(
      upload([closing, giasRow({ urn: urn(101), status: 'Closed', closeDate: '21/07/2025' })]),
    );
    expect((await stored([urn(100), urn(101)])).map((s) => [s.status, s.closedOn])).toEqual([
      ['closed', '2025-08-31'],
      ['closed', '2025-07-21'],
    ]);
    expect(await caller.schools.byId({ id: (await stored([urn(100)]))[0]?.id ?? '' })).toMatchObject({
      closedOn: '2025-08-31',
    });
  });

  it('keeps the day GIAS says a school opened, says so on the check, and refuses an open date it cannot read', async () => {
    const caller = await manager();
    await caller.schoolImport.commit(
      upload([giasRow({ urn: urn(110), openDate: '' }), giasRow({ urn: urn(111), openDate: '' })]),
    );
    expect((await stored([urn(110), urn(111)])).map((s) => s.openedOn)).toEqual([null, null]);
    const opened = giasRow({ urn: urn(110), openDate: '01-09-2014' });
    const preview = await caller.schoolImport.preview(
      upload([opened, giasRow({ urn: urn(111), openDate: '' })]),
    );
    expect(preview.changes).toEqual([
      {
        urn: urn(110),
        name: opened.name,
        wasNamed: null,
        kind: 'updated',
        fields: ['open date'],
        closed: false,
      },
    ]);
    // All or nothing: an open date that is not a date stops the whole file, naming its cell.
    const broken = await caller.schoolImport.commit(
      upload([opened, giasRow({ urn: urn(111), openDate: 'September 2014' })]),
    );
    expect(broken).toMatchObject({ imported: false, errorCount: 1 });
    expect(broken.errors).toEqual([
      {
        row: 3,
        urn: String(urn(111)),
        field: 'OpenDate',
        message: 'Open date must be a date written day first, like 01-09-2014 (found “September 2014”).',
      },
    ]);
    expect((await stored([urn(110), urn(111)])).map((s) => s.openedOn)).toEqual([null, null]);

    await caller.schoolImport.commit(upload([opened, giasRow({ urn: urn(111), openDate: '1/4/2019' })]));
    expect((await stored([urn(110), urn(111)])).map((s) => s.openedOn)).toEqual(['2014-09-01', '2019-04-01']);
    expect(await caller.schools.byId({ id: (await stored([urn(110)]))[0]?.id ?? '' })).toMatchObject({
      openedOn: '2014-09-01',
    });
  });

  it('the Schools list starts with the open schools an import brings; the closed ones, or all, on request', async () => {
    const caller = await manager();
    const name = `Listed ${base}`;
    await caller.schoolImport.commit(
      upload([
        giasRow({ urn: urn(90), name: `${name} Open Primary School` }),
        giasRow({
          urn: urn(91),
          name: `${name} Closing Primary School`,
          status: 'Open, but proposed to close',
        }),
        giasRow({ urn: urn(92), name: `${name} Closed Primary School`, status: 'Closed' }),
      ]),
    );
    const listed = async (show: string | undefined) =>
      (await caller.schools.list({ search: name, ...schoolsListFilter(schoolsShownFrom(show)) })).map(
        (s) => s.urn,
      );
    expect(await listed(undefined)).toEqual([urn(91), urn(90)]);
    expect(await listed('closed')).toEqual([urn(92)]);
    expect(await listed('all')).toEqual([urn(92), urn(91), urn(90)]);
  });

  it('writes nothing when any matching row has an error, and says which', async () => {
    const caller = await manager();
    await caller.schoolImport.commit(upload([giasRow({ urn: urn(30), name: 'Before' })]));
    const result = await caller.schoolImport.commit(
      upload([
        giasRow({ urn: urn(30), name: 'After' }),
        giasRow({ urn: urn(31), name: 'A new school' }),
        giasRow({ urn: urn(32), pupils: 'lots' }),
      ]),
    );
    expect(result).toMatchObject({ imported: false, errorCount: 1, newSchools: 1, updatedSchools: 1 });
    expect(result.errors).toEqual([
      {
        row: 4,
        urn: String(urn(32)),
        field: 'NumberOfPupils',
        message: 'Number of pupils must be a whole number (found “lots”).',
      },
    ]);
    const rows = await stored([urn(30), urn(31), urn(32)]);
    expect(rows.map((s) => [s.urn, s.name])).toEqual([[urn(30), 'Before']]);
  });

  it('imports the URNs listed instead of the LA codes, in any LA', async () => {
    const caller = await manager();
    const rows = [
      giasRow({ urn: urn(40), laCode: '302', laName: 'Barnet', name: 'Broadfields Primary School' }),
      giasRow({ urn: urn(41) }),
    ];
    const result = await caller.schoolImport.commit(upload(rows, { urns: [urn(40), urn(49)] }));
    expect(result).toMatchObject({
      imported: true,
      filter: { kind: 'urns', count: 2 },
      rowsMatching: 1,
      newSchools: 1,
      urnsNotFound: [urn(49)],
    });
    expect((await stored([urn(40), urn(41)])).map((s) => [s.urn, s.laCode])).toEqual([[urn(40), '302']]);
  });

  it('reads a UTF-8 file with a byte order mark as well as Windows-1252', async () => {
    const result = await (
      await manager()
    ).schoolImport.commit(
      upload([giasRow({ urn: urn(50), name: 'École Sainte-Thérèse' })], {}, { encoding: 'utf-8', bom: true }),
    );
    expect(result).toMatchObject({ encoding: 'utf-8', imported: true });
    expect((await stored([urn(50)]))[0]?.name).toBe('École Sainte-Thérèse');
  });

  it('stores quotes, commas, backslashes, line breaks and NULL-looking text exactly', async () => {
    const awkward = {
      name: 'Hall Green School, "The Academy" \\ Annexe {East}',
      street: 'Unit 4\r\nHigh Street',
      town: 'NULL',
      postcode: '',
    };
    await (await manager()).schoolImport.commit(upload([giasRow({ urn: urn(55), ...awkward })]));
    expect((await stored([urn(55)])).map((s) => [s.name, s.street, s.town, s.postcode])).toEqual([
      [awkward.name, awkward.street, 'NULL', null],
    ]);
  });

  it('records each import in the audit log', async () => {
    await (await manager()).schoolImport.commit(upload([giasRow({ urn: urn(60) })]));
    const rows = await withTenant(database.db, bepId, (tx) =>
      tx
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.tenantId, bepId), eq(auditLog.action, 'schoolImport.commit'))),
    );
    expect(rows.length).toBeGreaterThan(0);
  });

  it('refuses a file that is not a GIAS export, with a message the user can act on', async () => {
    const caller = await manager();
    const notGias = giasUploadBody(new Blob(['Name,Town\r\nBrookvale,Birmingham\r\n']));
    await expect(caller.schoolImport.preview(notGias)).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/not a GIAS establishment fields file/),
    });
    await expect(
      caller.schoolImport.preview(giasUploadBody(new Blob(['x']), { urns: [0] })),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'Each URN must be a whole number.' });
  });

  it('is for workspace administrators only', async () => {
    const file = () => upload([giasRow({ urn: urn(70) })]);
    for (const email of ['finance@bep.example', 'head@brookvale.sch.example']) {
      const caller = await callerFor(database.db, email, 'bep');
      await expect(caller.schoolImport.preview(file())).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(caller.schoolImport.commit(file())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await stored([urn(70)])).toEqual([]);
  });

  it('leaves another workspace’s school with the same URN alone', async () => {
    // The same school can be on an LA's register and a partnership's customer list: each keeps its own row.
    const birmingham = await tenantBySlug(database.db, 'birmingham');
    const theirs = () =>
      withTenant(database.db, birmingham.id, (tx) =>
        tx
          .select()
          .from(schools)
          .where(eq(schools.urn, urn(80))),
      );
    await withTenant(database.db, birmingham.id, (tx) =>
      tx.insert(schools).values({
        tenantId: birmingham.id,
        urn: urn(80),
        laCode: '330',
        laName: 'Birmingham',
        establishmentNumber: '2999',
        name: 'Shared Primary School',
        type: 'Community school',
        typeGroup: 'Local authority maintained schools',
        phase: 'Primary',
        notes: 'Birmingham’s own note',
      }),
    );
    const before = await theirs();
    await (
      await manager()
    ).schoolImport.commit(
      upload([giasRow({ urn: urn(80), name: 'Renamed by BEP', status: 'Closed' })], { urns: [urn(80)] }),
    );
    expect(await theirs()).toEqual(before);
    expect((await stored([urn(80)])).map((s) => [s.name, s.status])).toEqual([['Renamed by BEP', 'closed']]);
  });

  it('the demo schools have a telephone and website, and its academies a trust, as GIAS gives them', async () => {
    // Highfield Junior and Infant School (maintained) and Washwood Heath Academy, among BEP's demo customers.
    const [maintained, academy] = await stored([103318, 139804]);
    expect(academy).toMatchObject({
      telephone: '0121 496 0804',
      website: 'https://www.washwood-heath-academy.example',
      trustName: 'Tame Valley Academy Trust',
    });
    expect(maintained?.telephone).toMatch(/^0121 496 0\d{3}$/);
    expect(maintained?.website).toMatch(/^https:\/\/www\.[a-z0-9-]+\.example$/);
    expect(maintained?.trustName).toBeNull();
  });
});
