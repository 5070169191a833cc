import { z } from 'zod';
import { managers, staff } from '../access/role-groups';
import { setTermDates, ZSetTermDatesInput } from '../calendar/set-term-dates';
import { loadTermDates } from '../calendar/term-dates';
import { router, tenantProcedure } from '../trpc';

export const calendarRouter = router({
  /** The workspace's term dates for a year, or the defaults when it has set none. */
  termDates: tenantProcedure({ module: 'core', roles: staff })
    .input(z.object({ academicYear: z.number().int().min(2000).max(2100) }))
    .query(({ ctx, input }) => loadTermDates(ctx.tx, input.academicYear)),
  setTermDates: tenantProcedure({ module: 'core', roles: managers })
    .input(ZSetTermDatesInput)
    .mutation(({ ctx, input }) => setTermDates(ctx.tx, ctx.actor.tenantId, input)),
});
