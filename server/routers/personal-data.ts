import { z } from 'zod';
import { managers, personalDataOfficers } from '../access/role-groups';
import { todayInLondon } from '../catalogue/academic-year';
import { collectPersonalData } from '../privacy/collect-personal-data';
import { describeSubject } from '../privacy/describe-subject';
import { erasePersonalData } from '../privacy/erase-personal-data';
import { findPeople } from '../privacy/find-people';
import { listErasures } from '../privacy/list-erasures';
import { personalDataPdf } from '../privacy/personal-data-pdf';
import { ZPersonalDataSubject } from '../privacy/privacy-subject';
import { getRetention, setRetention, ZRetentionInput } from '../privacy/retention-settings';
import { router, tenantProcedure } from '../trpc';

/**
 * Personal data across modules, so `core`: who may act on which person (ECT, governor, delegate) is decided
 * per subject in the domain. Exports are mutations so each leaves an audit row (ids only).
 */
const officer = tenantProcedure({ module: 'core', roles: personalDataOfficers });
const ZSubjectInput = z.object({ subject: ZPersonalDataSubject });

export const personalDataRouter = router({
  search: officer
    .input(z.object({ query: z.string().trim().max(200) }))
    .query(({ ctx, input }) => findPeople(ctx.tx, ctx.actor, input)),
  person: officer
    .input(ZSubjectInput)
    .query(({ ctx, input }) => describeSubject(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
  /** Everything held about the person, as JSON (the download route serves it as a file). */
  exportJson: officer
    .input(ZSubjectInput)
    .mutation(({ ctx, input }) => collectPersonalData(ctx.tx, ctx.actor, input)),
  /** The same, as a PDF document (rendered by the route handler). */
  exportPdf: officer.input(ZSubjectInput).mutation(async ({ ctx, input }) => {
    const data = await collectPersonalData(ctx.tx, ctx.actor, input);
    return { subjectId: data.subjectId, ...personalDataPdf(data) };
  }),
  erase: officer
    .input(
      ZSubjectInput.extend({
        reason: z.string().trim().min(3, 'Give the reason for the erasure.').max(500),
        confirmed: z.literal(true, 'Confirm that you want to erase this person’s data.'),
      }),
    )
    .mutation(({ ctx, input }) => erasePersonalData(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
  erasures: officer.query(({ ctx }) => listErasures(ctx.tx, ctx.actor)),
  retention: officer.query(({ ctx }) => getRetention(ctx.tx, ctx.actor.tenantId)),
  setRetention: tenantProcedure({ module: 'core', roles: managers })
    .input(ZRetentionInput)
    .mutation(({ ctx, input }) => setRetention(ctx.tx, ctx.actor, input)),
});
