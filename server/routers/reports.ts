import { officers } from '../access/role-groups';
import { z } from 'zod';
import { todayInLondon } from '../catalogue/academic-year';
import {
  commissionerMonthlyReport,
  dcsMonthlyReport,
  reportExport,
  statutoryDashboard,
} from '../reports/statutory-reports';
import { router, tenantProcedure } from '../trpc';

const ZAcademicYear = z.number().int().min(2000).max(2100);
const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Choose a month, for example 2026-10.');

/** Reports read SCC detail, so they are for LA officers and the Head of School Improvement only. */
const reportReaders = tenantProcedure({ module: 'statutory', roles: officers });

export const reportsRouter = router({
  dcsMonthly: reportReaders
    .input(z.object({ month: ZMonth }))
    .query(({ ctx, input }) => dcsMonthlyReport(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
  commissionerMonthly: reportReaders
    .input(z.object({ month: ZMonth }))
    .query(({ ctx, input }) =>
      commissionerMonthlyReport(ctx.tx, ctx.actor, { ...input, today: todayInLondon() }),
    ),
  dashboard: reportReaders
    .input(z.object({ academicYear: ZAcademicYear.optional() }))
    .query(({ ctx, input }) => statutoryDashboard(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
  export: reportReaders
    .input(
      z.discriminatedUnion('report', [
        z.object({ report: z.enum(['dcs', 'commissioner']), month: ZMonth }),
        z.object({ report: z.literal('dashboard'), academicYear: ZAcademicYear.optional() }),
      ]),
    )
    .query(({ ctx, input }) => reportExport(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
});
