import { stringify } from 'csv-stringify/sync';
import { and, eq, gte, ilike, inArray, lte, ne, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '~/db/client';
import { courseAttendance, courseBookings, courses, governorTrainingRecords, schools } from '~/db/schema';
import {
  academicYearEnd,
  academicYearLabel,
  academicYearOf,
  academicYearStart,
} from '../catalogue/academic-year';
import type { IsoDate } from '../catalogue/academic-year';
import { shortDate } from '../format/dates';
import { filterablePhases } from '../schools/phases';
import { boardKindOf, isGovernorCategory, type BoardKind } from './board-rules';
import { governanceOverview } from './governance-overview';
import { categoryLabels } from './labels';
import { listCurrentGovernors } from './list-current-governors';

export const governanceReportKinds = ['vacancies', 'terms', 'untrained', 'statutory'] as const;
export type GovernanceReportKind = (typeof governanceReportKinds)[number];
export const boardKinds = ['maintained', 'academy'] as const satisfies readonly BoardKind[];

/** The longest search the reports take: more than any school's name (GIAS names run to about 90 characters). */
export const reportSearchMaxLength = 100;

/**
 * What the reports may be narrowed to: what was typed to find a school (part of its name, or its URN or the URN's
 * first digits), one school's board, a GIAS phase, maintained schools or academies (the board's kind, by the same
 * rule as its constitution). Each left out (or a search of spaces) means every board.
 */
export const ZGovernanceReportFilters = z.object({
  search: z
    .string()
    .trim()
    .max(reportSearchMaxLength, {
      message: `Search with at most ${reportSearchMaxLength} characters: part of a school’s name, or its URN.`,
    })
    .optional(),
  schoolId: z.uuid({ message: 'Choose a school from the list.' }).optional(),
  phase: z
    .string()
    .trim()
    .min(1, { message: 'Choose a phase from the list.' })
    .max(40, { message: 'Choose a phase from the list.' })
    .optional(),
  kind: z.enum(boardKinds, { message: 'Choose maintained schools or academies.' }).optional(),
});
export type TGovernanceReportFilters = z.infer<typeof ZGovernanceReportFilters>;
export const ZGovernanceReportInput = ZGovernanceReportFilters.extend({
  report: z.enum(governanceReportKinds, { message: 'Choose a report.' }),
});

/** The same calendar day `months` later (the month's last day when it has no such day): "the next 3 months". */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** A governor appointed within the last year counts as new: the induction they need is the statutory training. */
export const newGovernorMonths = 12;

type Training = { title: string; on: IsoDate | null; attended: boolean };

/**
 * The LA's (or partnership's) governance reports across every board on the register: (a) vacancies by school
 * (maintained schools by the 2012 constitution, academies by the trust's categories), (b) terms of office ending in
 * the next 3 months, (c) governors with no training booked or attended this academic year (courses starting in
 * it, or training recorded elsewhere dated in it), (d) statutory training uptake: each governor appointed in the
 * last 12 months and whether they booked or attended a course the workspace marks statutory (free to maintained
 * schools' governors), such as new governors' induction.
 */
export async function governanceReports(tx: Tx, input: TGovernanceReportFilters & { today: IsoDate }) {
  const year = academicYearOf(input.today);
  const from = academicYearStart(year);
  const to = academicYearEnd(year);
  const termsUntil = addMonths(input.today, 3);
  const newSince = addMonths(input.today, -newGovernorMonths);
  const [overview, everyone] = await Promise.all([
    governanceOverview(tx, { today: input.today }),
    listCurrentGovernors(tx, input.today),
  ]);
  // The choices come from every board, so a filter never hides the way back to the others.
  const boardSchools = await boardSchoolsOf(tx, [...new Set(everyone.map((g) => g.schoolId))], input.search);
  const shown = new Set(
    boardSchools
      .filter(
        (s) =>
          s.found &&
          (!input.schoolId || s.id === input.schoolId) &&
          (!input.phase || s.phase === input.phase) &&
          (!input.kind || s.kind === input.kind),
      )
      .map((s) => s.id),
  );
  const current = everyone.filter((g) => shown.has(g.schoolId));
  const boards = overview.boards.filter((b) => shown.has(b.schoolId));
  const governorsNow = current.filter((g) => isGovernorCategory(g.category));
  const emails = [...new Set(governorsNow.map((g) => g.email.toLowerCase()).filter(Boolean))];
  const userIds = [...new Set(governorsNow.flatMap((g) => (g.userId ? [g.userId] : [])))];
  const [booked, external] = await Promise.all([
    emails.length + userIds.length === 0
      ? []
      : tx
          .select({
            bookingId: courseBookings.id,
            email: courseBookings.delegateEmail,
            userId: courseBookings.delegateUserId,
            title: courses.title,
            startsOn: courses.startsOn,
            statutory: courses.statutoryFreeForGovernors,
          })
          .from(courseBookings)
          .innerJoin(courses, eq(courses.id, courseBookings.courseId))
          .where(
            and(
              ne(courseBookings.status, 'cancelled'),
              ne(courses.status, 'cancelled'),
              or(
                emails.length ? inArray(sql`lower(${courseBookings.delegateEmail})`, emails) : undefined,
                userIds.length ? inArray(courseBookings.delegateUserId, userIds) : undefined,
              ),
            ),
          ),
    governorsNow.length === 0
      ? []
      : tx
          .select({ governorId: governorTrainingRecords.governorId, on: governorTrainingRecords.on })
          .from(governorTrainingRecords)
          .where(
            and(
              inArray(
                governorTrainingRecords.governorId,
                governorsNow.map((g) => g.id),
              ),
              gte(governorTrainingRecords.on, from),
              lte(governorTrainingRecords.on, to),
            ),
          ),
  ]);
  const attendedIds = new Set(
    booked.length
      ? (
          await tx
            .selectDistinct({ bookingId: courseAttendance.bookingId })
            .from(courseAttendance)
            .where(
              and(
                inArray(
                  courseAttendance.bookingId,
                  booked.map((b) => b.bookingId),
                ),
                inArray(courseAttendance.status, ['attended', 'late']),
              ),
            )
        ).map((r) => r.bookingId)
      : [],
  );
  const placesOf = (g: { email: string; userId: string | null }) =>
    booked.filter(
      (b) =>
        (g.email !== '' && b.email.toLowerCase() === g.email.toLowerCase()) ||
        (g.userId !== null && b.userId === g.userId),
    );
  const person = (g: (typeof current)[number]) => ({
    governorId: g.id,
    schoolId: g.schoolId,
    schoolName: g.schoolName,
    name: g.name,
    email: g.email,
    category: g.category,
    office: g.office,
    appointedOn: g.appointedOn,
  });

  const termsEnding = current
    .filter((g) => g.termEndsOn !== null && g.termEndsOn >= input.today && g.termEndsOn <= termsUntil)
    .sort((a, b) => (a.termEndsOn ?? '').localeCompare(b.termEndsOn ?? '') || a.name.localeCompare(b.name))
    .map((g) => ({ ...person(g), termEndsOn: g.termEndsOn ?? '' }));

  const untrained = governorsNow
    .filter(
      (g) =>
        !placesOf(g).some((b) => b.startsOn !== null && b.startsOn >= from && b.startsOn <= to) &&
        !external.some((e) => e.governorId === g.id),
    )
    .map(person);

  const statutory = governorsNow
    .filter((g) => g.appointedOn >= newSince)
    .sort((a, b) => a.schoolName.localeCompare(b.schoolName) || a.name.localeCompare(b.name))
    .map((g) => {
      const training: Training[] = placesOf(g)
        .filter((b) => b.statutory)
        .map((b) => ({ title: b.title, on: b.startsOn, attended: attendedIds.has(b.bookingId) }));
      const status: 'attended' | 'booked' | 'none' = training.some((t) => t.attended)
        ? 'attended'
        : training.length > 0
          ? 'booked'
          : 'none';
      return { ...person(g), training, status };
    });

  return {
    today: input.today,
    academicYear: academicYearLabel(year),
    termsUntil,
    newSince,
    choices: {
      schools: boardSchools.map((s) => ({ id: s.id, name: s.name })),
      phases: filterablePhases(boardSchools.map((s) => s.phase)),
    },
    vacancies: boards.map((b) => ({
      schoolId: b.schoolId,
      schoolName: b.schoolName,
      governors: b.governors,
      vacant: b.vacant,
      vacancies: b.vacancies.map((v) => ({ category: v.category, vacant: v.vacant })),
    })),
    vacantTotal: boards.reduce((sum, b) => sum + b.vacant, 0),
    termsEnding,
    untrained,
    statutory,
    statutoryUptake: {
      newGovernors: statutory.length,
      attended: statutory.filter((s) => s.status === 'attended').length,
      booked: statutory.filter((s) => s.status === 'booked').length,
      none: statutory.filter((s) => s.status === 'none').length,
    },
  };
}

/**
 * The schools with a board on the register, by name, with what the reports filter them by; `found` says whether
 * the school answers the search, decided by the database (every school, so the choices stay whole).
 */
async function boardSchoolsOf(tx: Tx, schoolIds: readonly string[], search: string | undefined) {
  if (schoolIds.length === 0) return [];
  const rows = await tx
    .select({
      id: schools.id,
      name: schools.name,
      phase: schools.phase,
      type: schools.type,
      found: search ? sql<boolean>`coalesce(${searchMatch(search)}, false)` : sql<boolean>`true`,
    })
    .from(schools)
    .where(inArray(schools.id, [...schoolIds]));
  return rows
    .map((s) => ({ id: s.id, name: s.name, phase: s.phase, kind: boardKindOf(s), found: s.found }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/**
 * A school answers a search when its name holds what was typed (any case; % and _ are taken literally), or, when
 * only digits were typed, its URN starts with them (a URN is six digits, often read out a few at a time).
 */
function searchMatch(search: string) {
  const pattern = `%${search.replace(/[%_\\]/g, '\\$&')}%`;
  return or(
    ilike(schools.name, pattern),
    /^\d+$/.test(search) ? sql`cast(${schools.urn} as text) like ${`${search}%`}` : undefined,
  );
}

export type GovernanceReports = Awaited<ReturnType<typeof governanceReports>>;

export const statutoryStatusLabels = { attended: 'Attended', booked: 'Booked', none: 'None booked' } as const;

/** One of the reports as CSV, dates written en-GB. */
export async function governanceReportCsv(
  tx: Tx,
  input: TGovernanceReportFilters & { report: GovernanceReportKind; today: IsoDate },
): Promise<{ filename: string; csv: string }> {
  // The same filters as the page, so the download holds exactly the rows shown.
  const r = await governanceReports(tx, input);
  const csv = (columns: string[], rows: (string | number)[][]) => stringify(rows, { header: true, columns });
  switch (input.report) {
    case 'vacancies':
      return {
        filename: `governor-vacancies-${input.today}`,
        csv: csv(
          ['School', 'Governors', 'Vacancies', 'Vacant places'],
          r.vacancies.map((v) => [
            v.schoolName,
            v.governors,
            v.vacant,
            v.vacancies.map((c) => `${categoryLabels[c.category]}: ${c.vacant}`).join('; '),
          ]),
        ),
      };
    case 'terms':
      return {
        filename: `governor-terms-ending-${input.today}`,
        csv: csv(
          ['School', 'Name', 'Category', 'Email', 'Appointed', 'Term ends'],
          r.termsEnding.map((g) => [
            g.schoolName,
            g.name,
            categoryLabels[g.category],
            g.email,
            shortDate(g.appointedOn),
            shortDate(g.termEndsOn),
          ]),
        ),
      };
    case 'untrained':
      return {
        filename: `governors-no-training-${input.today}`,
        csv: csv(
          ['School', 'Name', 'Category', 'Email', 'Appointed'],
          r.untrained.map((g) => [
            g.schoolName,
            g.name,
            categoryLabels[g.category],
            g.email,
            shortDate(g.appointedOn),
          ]),
        ),
      };
    case 'statutory':
      return {
        filename: `governor-statutory-training-${input.today}`,
        csv: csv(
          ['School', 'Name', 'Category', 'Email', 'Appointed', 'Statutory training', 'Courses'],
          r.statutory.map((g) => [
            g.schoolName,
            g.name,
            categoryLabels[g.category],
            g.email,
            shortDate(g.appointedOn),
            statutoryStatusLabels[g.status],
            g.training
              .map((t) => `${t.title} (${shortDate(t.on)}${t.attended ? ', attended' : ''})`)
              .join('; '),
          ]),
        ),
      };
  }
}
