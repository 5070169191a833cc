import { stringify } from 'csv-stringify/sync';
import type { PdfDocument } from '~/server/pdf/render-pdf';
import { academicYearLabel } from '~/server/catalogue/academic-year';
import type {
  CommissionerMonthlyReport,
  DashboardSeries,
  DcsMonthlyReport,
  StandardsSummary,
} from './build-reports';
import { changeWords } from './build-reports';
import { shortDate } from '../format/dates';

/** The reports as PDF documents and CSV files: the same content as the pages, in the same order. */

const n = (value: number) => value.toLocaleString('en-GB');

function standardsFacts(s: StandardsSummary): (readonly [string, string])[] {
  return [
    ['Maintained schools', n(s.maintainedSchools)],
    ['Good or better at latest inspection', `${n(s.goodOrBetter)} (${s.goodOrBetterPct}%)`],
    [
      'Pupils in good or better maintained schools',
      `${n(s.pupilsInGoodOrBetter)} of ${n(s.pupils)} (${s.pupilsPct}%)`,
    ],
    ['Academies and free schools on the register', n(s.academies)],
  ];
}

export function dcsReportDocument(report: DcsMonthlyReport, issuer: string): PdfDocument {
  return {
    title: `Monthly report to the Director of Children's Services – ${report.monthLabel}`,
    issuer,
    footer: `DCS monthly report (SI21), ${report.monthLabel}. Sensitive: schools causing concern.`,
    blocks: [
      { kind: 'heading', text: `Inspection reports published in ${report.monthLabel}` },
      report.inspections.length === 0
        ? {
            kind: 'paragraph',
            text: 'No inspection reports on schools on the register were published this month.',
          }
        : {
            kind: 'table',
            columns: ['School', 'URN', 'Inspected', 'Published', 'Outcome'],
            widths: [3, 1, 1.4, 1.4, 4],
            rows: report.inspections.map((i) => [
              i.school,
              String(i.urn),
              shortDate(i.inspectedOn),
              shortDate(i.publishedOn),
              i.result,
            ]),
          },
      { kind: 'heading', text: `Standards summary at the end of ${report.monthLabel}` },
      { kind: 'facts', pairs: standardsFacts(report.standards) },
      {
        kind: 'table',
        columns: ['LA category', 'Schools'],
        widths: [4, 1],
        rows: report.standards.byCategory.map((c) => [c.label, n(c.count)]),
      },
      { kind: 'heading', text: `${report.concernListName} (${report.cases.length})` },
      ...report.cases.flatMap((c) => [
        { kind: 'heading' as const, text: `${c.school} (URN ${c.urn})` },
        {
          kind: 'facts' as const,
          pairs: [
            ['LA category', c.category],
            ['Latest Ofsted', c.latestOfsted],
            ['Designated', shortDate(c.designatedOn)],
            ['Lead officer', c.leadOfficer],
            ['Concerns', c.concerns],
            [
              'Support delivered since designation',
              `${c.delivered.visitsDone} visits, ${c.delivered.meetings} progress meetings, ${c.delivered.commissionedDays} commissioned days`,
            ],
            [
              'Progress against the plan',
              `${c.progress}: ${c.actions.completed} of ${c.actions.total} actions complete, ${c.actions.overdue} overdue, ${c.actions.red} red, ${c.actions.amber} amber, ${c.actions.green} green`,
            ],
            ['Proposed structural solution', c.structuralSolution || 'None proposed'],
          ] as const,
        },
        { kind: 'bullets' as const, items: c.keyActions.length > 0 ? c.keyActions : ['No open actions'] },
      ]),
    ],
  };
}

export function commissionerReportDocument(report: CommissionerMonthlyReport, issuer: string): PdfDocument {
  return {
    title: `Monthly report to the commissioner – ${report.monthLabel}`,
    issuer,
    footer: `Commissioner's monthly report, ${report.monthLabel}.`,
    blocks: [
      { kind: 'heading', text: `Updates to the ${report.concernListName.toLowerCase()} list` },
      {
        kind: 'paragraph',
        text: `${report.onListAtMonthEnd} schools on the list at the end of ${report.monthLabel} (${changeWords(report.onListAtMonthEnd, report.previous.onList)} on ${report.previousMonthLabel}).`,
      },
      report.listChanges.length === 0
        ? { kind: 'paragraph', text: 'No changes this month.' }
        : {
            kind: 'table',
            columns: ['School', 'URN', 'Change', 'Date'],
            widths: [3, 1, 2, 1.4],
            rows: report.listChanges.map((c) => [c.school, String(c.urn), c.change, shortDate(c.on)]),
          },
      { kind: 'heading', text: 'Outcomes of maintained-school inspections' },
      report.maintainedInspections.length === 0
        ? {
            kind: 'paragraph',
            text: 'No inspection reports on maintained schools were published this month.',
          }
        : {
            kind: 'table',
            columns: ['School', 'URN', 'Inspected', 'Published', 'Outcome'],
            widths: [3, 1, 1.4, 1.4, 4],
            rows: report.maintainedInspections.map((i) => [
              i.school,
              String(i.urn),
              shortDate(i.inspectedOn),
              shortDate(i.publishedOn),
              i.result,
            ]),
          },
      { kind: 'heading', text: `Maintained schools good or better at the end of ${report.monthLabel}` },
      { kind: 'facts', pairs: standardsFacts(report.standards) },
      {
        kind: 'paragraph',
        text: `Change on ${report.previousMonthLabel}: good or outstanding schools ${changeWords(report.standards.goodOrBetter, report.previous.standards.goodOrBetter)}; pupils in them ${changeWords(report.standards.pupilsInGoodOrBetter, report.previous.standards.pupilsInGoodOrBetter)}.`,
      },
      { kind: 'heading', text: 'Schools and pupils below the floor' },
      {
        kind: 'paragraph',
        text: `${report.belowFloor.length} schools with unacceptably low or sharply declining achievement recorded (${changeWords(report.belowFloor.length, report.previous.belowFloorSchools)} on ${report.previousMonthLabel}); ${n(report.belowFloorPupils)} children taught in the maintained ones.`,
      },
      {
        kind: 'table',
        columns: ['Phase', 'Schools (all)', 'Children in maintained schools'],
        rows: report.belowFloorByPhase.map((p) => [p.phase, n(p.schools), n(p.maintainedPupils)]),
      },
      ...(report.belowFloor.length > 0
        ? [
            {
              kind: 'table' as const,
              columns: ['School', 'URN', 'Phase', 'Maintained', 'Pupils'],
              rows: report.belowFloor.map((s) => [
                s.school,
                String(s.urn),
                s.phase,
                s.maintained ? 'Yes' : 'No',
                n(s.pupils),
              ]),
            },
          ]
        : []),
    ],
  };
}

/**
 * One CSV per report: a row per school mentioned, with a "section" column, so it opens cleanly in Excel. Dates
 * are written as in the PDF and the other exports ("10 Feb 2027").
 */
export function dcsReportCsv(report: DcsMonthlyReport): string {
  const rows: string[][] = [
    ...report.inspections.map((i) => [
      'Inspection (by publication date)',
      i.school,
      String(i.urn),
      shortDate(i.publishedOn, ''),
      i.result,
      '',
      '',
    ]),
    ...report.cases.map((c) => [
      report.concernListName,
      c.school,
      String(c.urn),
      shortDate(c.designatedOn, ''),
      c.latestOfsted,
      c.category,
      `${c.progress}; ${c.actions.completed}/${c.actions.total} actions complete; ${c.actions.overdue} overdue`,
    ]),
  ];
  return stringify(rows, {
    header: true,
    columns: ['Section', 'School', 'URN', 'Date', 'Ofsted', 'LA category', 'Progress'],
    bom: true,
  });
}

export function commissionerReportCsv(report: CommissionerMonthlyReport): string {
  const rows: string[][] = [
    ...report.listChanges.map((c) => ['List change', c.school, String(c.urn), shortDate(c.on, ''), c.change]),
    ...report.maintainedInspections.map((i) => [
      'Inspection (by publication date)',
      i.school,
      String(i.urn),
      shortDate(i.publishedOn, ''),
      i.result,
    ]),
    ...report.belowFloor.map((s) => [
      `Below floor (${s.phase})`,
      s.school,
      String(s.urn),
      '',
      `${s.pupils} pupils${s.maintained ? '' : ' (academy)'}`,
    ]),
  ];
  return stringify(rows, {
    header: true,
    columns: ['Section', 'School', 'URN', 'Date', 'Detail'],
    bom: true,
  });
}

/** The dashboard's series as rows: one per series, one column per month (what the charts draw). */
function dashboardRows(series: DashboardSeries): { section: string; label: string; data: number[] }[] {
  return [
    ...series.categoryMix.map((c) => ({ section: 'Schools in LA category', label: c.label, data: c.counts })),
    { section: 'Visits', label: 'Planned (due that month)', data: series.visits.planned },
    { section: 'Visits', label: 'Done', data: series.visits.done },
    { section: 'Schools causing concern', label: 'Designated', data: series.concern.entering },
    { section: 'Schools causing concern', label: 'Removed', data: series.concern.leaving },
    { section: 'Schools causing concern', label: 'On the list at month end', data: series.concern.onList },
  ];
}

export function dashboardDocument(
  series: DashboardSeries,
  issuer: string,
  academicYear: number,
): PdfDocument {
  const months = series.months.map((m) => m.label.replace(/ \d{4}$/, ''));
  const table = (section: string) => ({
    kind: 'table' as const,
    columns: ['', ...months],
    widths: [3, ...months.map(() => 1)],
    rows: dashboardRows(series)
      .filter((r) => r.section === section)
      .map((r) => [r.label, ...r.data.map(String)]),
  });
  return {
    title: `Statutory trends ${academicYearLabel(academicYear)}`,
    issuer,
    footer: `Statutory trends ${academicYearLabel(academicYear)}, by month.`,
    blocks: [
      { kind: 'heading', text: 'Category mix (schools at each month end)' },
      table('Schools in LA category'),
      { kind: 'heading', text: 'Visits done against planned' },
      table('Visits'),
      { kind: 'heading', text: 'Schools entering and leaving the list' },
      table('Schools causing concern'),
    ],
  };
}

export function dashboardCsv(series: DashboardSeries): string {
  return stringify(
    dashboardRows(series).map((r) => [r.section, r.label, ...r.data.map(String)]),
    { header: true, columns: ['Section', 'Series', ...series.months.map((m) => m.key)], bom: true },
  );
}
