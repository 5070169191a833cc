import type { Actor } from '../access/actor';
import type { Tx } from '~/db/client';
import { academicYearOf, type IsoDate } from '~/server/catalogue/academic-year';
import type { PdfDocument } from '~/server/pdf/render-pdf';
import { buildCommissionerReport, buildDashboard, buildDcsMonthlyReport } from './build-reports';
import { loadSnapshot } from './load-snapshot';
import {
  commissionerReportCsv,
  commissionerReportDocument,
  dashboardCsv,
  dashboardDocument,
  dcsReportCsv,
  dcsReportDocument,
} from './report-exports';

type Tenant = Pick<Actor, 'tenantId' | 'name' | 'settings'>;
export type ReportKind = 'dcs' | 'commissioner' | 'dashboard';

/** The month before `today`, the one a monthly report is normally written for: 'YYYY-MM'. */
export function previousMonth(today: IsoDate): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export async function dcsMonthlyReport(tx: Tx, tenant: Tenant, input: { month: string; today: IsoDate }) {
  return buildDcsMonthlyReport(await loadSnapshot(tx, tenant), input.month, input.today);
}

export async function commissionerMonthlyReport(
  tx: Tx,
  tenant: Tenant,
  input: { month: string; today?: IsoDate },
) {
  return buildCommissionerReport(await loadSnapshot(tx, tenant), input.month, input.today);
}

export async function statutoryDashboard(
  tx: Tx,
  tenant: Tenant,
  input: { academicYear?: number; today: IsoDate },
) {
  return buildDashboard(
    await loadSnapshot(tx, tenant),
    input.academicYear ?? academicYearOf(input.today),
    input.today,
  );
}

export type ReportExportInput =
  | { report: 'dcs' | 'commissioner'; month: string; today: IsoDate }
  | { report: 'dashboard'; academicYear?: number; today: IsoDate };

export async function reportExport(
  tx: Tx,
  tenant: Tenant,
  input: ReportExportInput,
): Promise<{ document: PdfDocument; csv: string; filename: string }> {
  if (input.report === 'dashboard') {
    const academicYear = input.academicYear ?? academicYearOf(input.today);
    const series = await statutoryDashboard(tx, tenant, { academicYear, today: input.today });
    return {
      document: dashboardDocument(series, tenant.name, academicYear),
      csv: dashboardCsv(series),
      filename: `statutory-trends-${academicYear}`,
    };
  }
  if (input.report === 'dcs') {
    const report = await dcsMonthlyReport(tx, tenant, input);
    return {
      document: dcsReportDocument(report, tenant.name),
      csv: dcsReportCsv(report),
      filename: `dcs-monthly-report-${input.month}`,
    };
  }
  const report = await commissionerMonthlyReport(tx, tenant, input);
  return {
    document: commissionerReportDocument(report, tenant.name),
    csv: commissionerReportCsv(report),
    filename: `commissioner-monthly-report-${input.month}`,
  };
}
