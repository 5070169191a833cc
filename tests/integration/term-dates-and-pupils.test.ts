import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant, type Database } from '~/db/client';
import { catalogueItems, schools } from '~/db/schema';
import { academicYearOf, todayInLondon } from '~/server/catalogue/academic-year';
import { callerFor, openTestDatabase, tenantBySlug } from './harness';

const year = academicYearOf(todayInLondon());

describe('term dates, a tenant setting per academic year', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it('reads the seeded LA dates, the defaults for a year not set, and lets only the manager set them', async () => {
    const finance = await callerFor(database.db, 'finance@hsip.example', 'hsip');
    // Seeded from db/seed/term-dates-data.ts (Harrow's pattern for HSIP).
    expect(await finance.calendar.termDates({ academicYear: 2026 })).toMatchObject({
      source: 'tenant',
      terms: [
        { term: 'autumn', startsOn: '2026-09-03', endsOn: '2026-12-18' },
        { term: 'spring', startsOn: '2027-01-04', endsOn: '2027-03-25' },
        { term: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-21' },
      ],
    });
    // A far year this database has no dates for yet (an earlier run on the same database set some).
    let farYear = 2060;
    while ((await finance.calendar.termDates({ academicYear: farYear })).source !== 'default') farYear += 1;
    expect((await finance.calendar.termDates({ academicYear: farYear })).source).toBe('default');
    const terms = [
      { term: 'autumn' as const, startsOn: `${farYear}-09-04`, endsOn: `${farYear}-12-20` },
      { term: 'spring' as const, startsOn: `${farYear + 1}-01-06`, endsOn: `${farYear + 1}-03-28` },
      { term: 'summer' as const, startsOn: `${farYear + 1}-04-14`, endsOn: `${farYear + 1}-07-22` },
    ];
    await expect(finance.calendar.setTermDates({ academicYear: farYear, terms })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const head = await callerFor(database.db, 'head@grange.sch.example', 'hsip');
    await expect(head.calendar.termDates({ academicYear: farYear })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const manager = await callerFor(database.db, 'manager@hsip.example', 'hsip');
    await manager.calendar.setTermDates({ academicYear: farYear, terms });
    expect(await manager.calendar.termDates({ academicYear: farYear })).toEqual({
      academicYear: farYear,
      source: 'tenant',
      terms,
    });
    // Another workspace keeps its own (or the defaults).
    const bep = await callerFor(database.db, 'manager@bep.example', 'bep');
    expect((await bep.calendar.termDates({ academicYear: farYear })).source).toBe('default');
    // Overlapping terms are refused beside the field.
    const overlapping = [terms[0], { ...terms[1], startsOn: `${farYear}-12-01` }, terms[2]];
    const failure = await manager.calendar
      .setTermDates({ academicYear: farYear, terms: overlapping as typeof terms })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Spring term must start after the autumn term ends.',
    });
  });
});

describe('a school with no pupil number is asked for one', () => {
  let database: Database;
  let tenantId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    tenantId = (await tenantBySlug(database.db, 'bep')).id;
  });

  it('is not priced in the cheapest band, cannot subscribe, and is priced once it gives its number', async () => {
    const urn = 800_000 + Math.floor(Math.random() * 99_999);
    const [school] = await withTenant(database.db, tenantId, (tx) =>
      tx
        .insert(schools)
        .values({
          tenantId,
          urn,
          laCode: '330',
          laName: 'Birmingham',
          establishmentNumber: String(urn % 10_000),
          name: `No Count Primary ${urn}`,
          type: 'Community school',
          typeGroup: 'Local authority maintained schools',
          phase: 'Primary',
          numberOfPupils: null,
          isPartnershipMember: true,
        })
        .returning({ id: schools.id }),
    );
    const [core] = await withTenant(database.db, tenantId, (tx) =>
      tx
        .select({ id: catalogueItems.id })
        .from(catalogueItems)
        .where(and(eq(catalogueItems.code, 'BEP-CORE'), eq(catalogueItems.academicYear, year))),
    );
    if (!school || !core) throw new Error('setup failed');
    const manager = await callerFor(database.db, 'manager@bep.example', 'bep');
    const before = await manager.catalogue.quote({ schoolId: school.id, itemId: core.id });
    expect(before.needsPupilCount).toBe(true);
    expect(before.quote.bandApplied).toBe(false);
    await expect(
      manager.subscriptions.subscribe({ schoolId: school.id, itemId: core.id }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    await manager.schools.setPupilCount({ schoolId: school.id, numberOfPupils: 350 });
    const after = await manager.catalogue.quote({ schoolId: school.id, itemId: core.id });
    // BEP's banded membership, Primary 211–420: £1,900 (db/seed/catalogue-data.ts).
    expect(after).toMatchObject({
      needsPupilCount: false,
      quote: { bandApplied: true, unitPricePence: 190_000 },
    });
  });

  it('a headteacher gives their own school’s number only when none is on record', async () => {
    const head = await callerFor(database.db, 'head@brookvale.sch.example', 'bep');
    const own = (await head.workspaces.current()).mySchools[0];
    if (!own) throw new Error('no school');
    await expect(head.schools.setPupilCount({ schoolId: own.id, numberOfPupils: 12 })).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'The school’s number of pupils is already on record; ask Birmingham Education Partnership to correct it.',
    });
  });
});
