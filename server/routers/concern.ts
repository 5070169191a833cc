import { monitoringReaders, officers, planReaders } from '../access/role-groups';
import { DomainError } from '../errors/domain-error';
import { z } from 'zod';
import { isConcernOfficer, loadCaseFor } from '../concern/case-access';
import { caseOverview } from '../concern/case-overview';
import { concernSettingsOf } from '../concern/concern-settings';
import { letterPdf } from '../concern/letter-pdf';
import { listLeadOfficers } from '../concern/lead-officers';
import { findCandidate, listRegister } from '../concern/list-register';
import {
  holdMeeting,
  listMeetings,
  meetingWithAgenda,
  scheduleMeeting,
  ZHoldMeetingInput,
  ZScheduleMeetingInput,
} from '../concern/meetings';
import { openCandidateCase, recordTrigger, ZOpenCaseInput, ZRecordTriggerInput } from '../concern/open-case';
import { recordDecision, ZRecordDecisionInput } from '../concern/record-decision';
import { router, tenantProcedure } from '../trpc';

export const concernRouter = router({
  /** Open cases the caller may see, with triggers; for officers also the possible candidates. */
  register: tenantProcedure({ module: 'statutory', roles: planReaders }).query(({ ctx }) => {
    // Schools never see the register: it must not reveal which schools are of concern.
    if (!ctx.actor.memberships.some((m) => (monitoringReaders as readonly string[]).includes(m.role)))
      throw new DomainError({ code: 'NOT_FOUND', message: 'That page was not found.' });
    const settings = concernSettingsOf(ctx.actor);
    return listRegister(ctx.tx, { caller: ctx.actor, settings }).then((register) => ({
      ...register,
      officer: isConcernOfficer(ctx.actor.memberships),
      listName: settings.listName,
      leadOfficerTitle: settings.leadOfficerTitle,
      meetingName: settings.meetingName,
      reading: settings.reading,
    }));
  }),
  /** A possible candidate with the reasons it meets a trigger: the page where an officer opens its case. */
  candidate: tenantProcedure({ module: 'statutory', roles: officers })
    .input(z.object({ schoolId: z.uuid() }))
    .query(({ ctx, input }) =>
      findCandidate(ctx.tx, {
        caller: ctx.actor,
        settings: concernSettingsOf(ctx.actor),
        schoolId: input.schoolId,
      }).then((candidate) => ({ ...candidate, listName: concernSettingsOf(ctx.actor).listName })),
    ),
  openCase: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZOpenCaseInput)
    .mutation(({ ctx, input }) => {
      return openCandidateCase(ctx.tx, {
        ...input,
        tenantId: ctx.actor.tenantId,
        settings: concernSettingsOf(ctx.actor),
      });
    }),
  byId: tenantProcedure({ module: 'statutory', roles: planReaders })
    .input(z.object({ caseId: z.uuid() }))
    .query(async ({ ctx, input }) => {
      const { found } = await loadCaseFor(ctx.tx, ctx.actor, input.caseId, 'full');
      const settings = concernSettingsOf(ctx.actor);
      return {
        ...(await caseOverview(ctx.tx, { found, settings })),
        officer: isConcernOfficer(ctx.actor.memberships),
        listName: settings.listName,
        leadOfficerTitle: settings.leadOfficerTitle,
        meetingName: settings.meetingName,
      };
    }),
  recordTrigger: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZRecordTriggerInput)
    .mutation(async ({ ctx, input }) => {
      const { found } = await loadCaseFor(ctx.tx, ctx.actor, input.caseId);
      return recordTrigger(ctx.tx, { ...input, current: found });
    }),
  leadOfficers: tenantProcedure({ module: 'statutory', roles: officers }).query(({ ctx }) => {
    return listLeadOfficers(ctx.tx);
  }),
  meetings: tenantProcedure({ module: 'statutory', roles: officers }).query(({ ctx }) => {
    return listMeetings(ctx.tx, { settings: concernSettingsOf(ctx.actor) });
  }),
  scheduleMeeting: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZScheduleMeetingInput)
    .mutation(({ ctx, input }) => {
      return scheduleMeeting(ctx.tx, { ...input, tenantId: ctx.actor.tenantId });
    }),
  meeting: tenantProcedure({ module: 'statutory', roles: officers })
    .input(z.object({ meetingId: z.uuid() }))
    .query(async ({ ctx, input }) => {
      const settings = concernSettingsOf(ctx.actor);
      return {
        ...(await meetingWithAgenda(ctx.tx, input)),
        meetingName: settings.meetingName,
        leadOfficerTitle: settings.leadOfficerTitle,
        listName: settings.listName,
      };
    }),
  recordDecision: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZRecordDecisionInput)
    .mutation(async ({ ctx, input }) => {
      const { found } = await loadCaseFor(ctx.tx, ctx.actor, input.caseId);
      return recordDecision(ctx.tx, {
        ...input,
        tenantId: ctx.actor.tenantId,
        tenantSlug: ctx.actor.slug,
        issuerName: ctx.actor.name,
        appUrl: ctx.actor.appUrl,
        actorUserId: ctx.actor.userId,
        settings: concernSettingsOf(ctx.actor),
        found,
      });
    }),
  holdMeeting: tenantProcedure({ module: 'statutory', roles: officers })
    .input(ZHoldMeetingInput)
    .mutation(({ ctx, input }) => {
      return holdMeeting(ctx.tx, input);
    }),
  /** A letter as a PDF document (the route handler renders it). */
  letterPdf: tenantProcedure({ module: 'statutory', roles: planReaders })
    .input(z.object({ letterId: z.uuid() }))
    .query(({ ctx, input }) => {
      return letterPdf(ctx.tx, { letterId: input.letterId, caller: ctx.actor, issuer: ctx.actor.name });
    }),
});
