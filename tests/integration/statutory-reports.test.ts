import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '~/db/client';
import { callerFor, failureOf, openTestDatabase } from './harness';

describe('statutory reports', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });

  it("gives Barnet's DCS every designated school with its plan and Ofsted standing", async () => {
    const officer = await callerFor(database.db, 'la.officer@barnet.example', 'barnet');
    const report = await officer.reports.dcsMonthly({ month: '2026-03' });
    expect(report.monthLabel).toBe('March 2026');
    // Brunswick Park was inspected (special measures) in March 2026.
    expect(report.inspections.map((i) => i.urn)).toContain(101270);
    expect(report.inspections.find((i) => i.urn === 101270)?.result).toMatch(/Special measures/);
    const brunswick = report.cases.find((c) => c.urn === 101270);
    expect(brunswick).toMatchObject({ category: '4b Special measures', leadOfficer: 'Samuel Osei' });
    expect(brunswick?.actions.total).toBe(3);
    expect(brunswick?.actions.red).toBeGreaterThanOrEqual(1);
    expect(brunswick?.progress).toBe('Off track');
    // The candidate (Underhill) is not yet on the list.
    expect(report.cases.map((c) => c.urn)).not.toContain(101305);
    expect(report.standards.maintainedSchools).toBeGreaterThan(10);
  });

  it("counts BEP's commissioned days in Birmingham's report, and nothing of BEP's in anyone else's", async () => {
    const birmingham = await callerFor(database.db, 'la.officer@birmingham.example', 'birmingham');
    const report = await birmingham.reports.dcsMonthly({ month: '2026-10' });
    expect(report.concernListName).toBe('Priority schools');
    const greet = report.cases.find((c) => c.urn === 103342);
    expect(greet?.delivered.commissionedDays).toBeGreaterThanOrEqual(1.5);
    const harrow = await callerFor(database.db, 'la.officer@harrow.example', 'harrow');
    const harrowReport = await harrow.reports.dcsMonthly({ month: '2026-10' });
    expect(harrowReport.cases.map((c) => c.urn)).not.toContain(103342);
  });

  it("builds the commissioner's report, the dashboard and both exports", async () => {
    const head = await callerFor(database.db, 'head.si@birmingham.example', 'birmingham');
    const commissioner = await head.reports.commissionerMonthly({ month: '2026-09' });
    expect(commissioner.listChanges).toContainEqual(
      expect.objectContaining({ urn: 103363, change: 'Added to the list' }),
    );
    expect(commissioner.belowFloor).toEqual([]);
    const dashboard = await head.reports.dashboard({ academicYear: 2026 });
    expect(dashboard.months[0]?.key).toBe('2026-09');
    expect(dashboard.concern.entering[0]).toBeGreaterThanOrEqual(1);
    const exported = await head.reports.export({ report: 'commissioner', month: '2026-09' });
    expect(exported.filename).toBe('commissioner-monthly-report-2026-09');
    expect(exported.csv).toContain('Bellfield Infant School');
    expect(exported.document.blocks.length).toBeGreaterThan(3);
    const trends = await head.reports.export({ report: 'dashboard', academicYear: 2026 });
    expect(trends.filename).toBe('statutory-trends-2026');
    expect(trends.csv).toContain('Good or outstanding – in crisis');
  });

  it('is for LA officers only: advisers and schools are refused, and a bad month is a clear error', async () => {
    const adviser = await callerFor(database.db, 'adviser@barnet.example', 'barnet');
    expect(await failureOf(adviser.reports.dcsMonthly({ month: '2026-10' }))).toMatch(/role/);
    const head = await callerFor(database.db, 'head@stcatherines.sch.example', 'barnet');
    expect(await failureOf(head.reports.dashboard({}))).toMatch(/role/);
    const officer = await callerFor(database.db, 'la.officer@barnet.example', 'barnet');
    expect(await failureOf(officer.reports.dcsMonthly({ month: '2026-13' }))).toMatch(/Choose a month/);
  });
});
