import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Tenant } from '../workspaces/find-tenant';
import { isConcernOfficer, loadCaseFor } from '../concern/case-access';
import { caseOverview } from '../concern/case-overview';
import { concernSettingsOf } from '../concern/concern-settings';
import { letterPdf } from '../concern/letter-pdf';
import { listLeadOfficers } from '../concern/lead-officers';
import { listRegister } from '../concern/list-register';
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

const officers = ['tenant_admin', 'la_officer'] as const;
const officersAndAdvisers = ['tenant_admin', 'la_officer', 'adviser'] as const;

/** The register is an LA's: a workspace without the statutory module has none. */
function assertStatutory(tenant: Tenant) {
  if (!tenant.modules.includes('statutory'))
    throw new TRPCError({
      code: 'FORBIDDEN',
      message: 'This workspace does not keep a register of concern.',
    });
}

const caller = (ctx: { user: { id: string }; memberships: Parameters<typeof isConcernOfficer>[0] }) => ({
  userId: ctx.user.id,
  memberships: ctx.memberships,
});

export const concernRouter = router({
  /** Open cases the caller may see, with triggers; for officers also the possible candidates. */
  register: tenantProcedure([...officersAndAdvisers, 'school_admin', 'governor']).query(({ ctx }) => {
    assertStatutory(ctx.tenant);
    // Schools never see the register: it must not reveal which schools are of concern.
    if (!ctx.memberships.some((m) => (officersAndAdvisers as readonly string[]).includes(m.role)))
      throw new TRPCError({ code: 'NOT_FOUND', message: 'That page was not found.' });
    const settings = concernSettingsOf(ctx.tenant);
    return listRegister(ctx.tx, { caller: caller(ctx), settings }).then((register) => ({
      ...register,
      officer: isConcernOfficer(ctx.memberships),
      listName: settings.listName,
      leadOfficerTitle: settings.leadOfficerTitle,
      meetingName: settings.meetingName,
      reading: settings.reading,
    }));
  }),
  openCase: tenantProcedure(officers)
    .input(ZOpenCaseInput)
    .mutation(({ ctx, input }) => {
      assertStatutory(ctx.tenant);
      return openCandidateCase(ctx.tx, {
        ...input,
        tenantId: ctx.tenant.id,
        settings: concernSettingsOf(ctx.tenant),
      });
    }),
  byId: tenantProcedure([...officersAndAdvisers, 'school_admin', 'governor'])
    .input(z.object({ caseId: z.uuid() }))
    .query(async ({ ctx, input }) => {
      assertStatutory(ctx.tenant);
      const { found } = await loadCaseFor(ctx.tx, caller(ctx), input.caseId, 'full');
      const settings = concernSettingsOf(ctx.tenant);
      return {
        ...(await caseOverview(ctx.tx, { found, settings })),
        officer: isConcernOfficer(ctx.memberships),
        listName: settings.listName,
        leadOfficerTitle: settings.leadOfficerTitle,
      };
    }),
  recordTrigger: tenantProcedure(officers)
    .input(ZRecordTriggerInput)
    .mutation(async ({ ctx, input }) => {
      assertStatutory(ctx.tenant);
      const { found } = await loadCaseFor(ctx.tx, caller(ctx), input.caseId);
      return recordTrigger(ctx.tx, { ...input, current: found });
    }),
  leadOfficers: tenantProcedure(officers).query(({ ctx }) => {
    assertStatutory(ctx.tenant);
    return listLeadOfficers(ctx.tx);
  }),
  meetings: tenantProcedure(officers).query(({ ctx }) => {
    assertStatutory(ctx.tenant);
    return listMeetings(ctx.tx, { settings: concernSettingsOf(ctx.tenant) });
  }),
  scheduleMeeting: tenantProcedure(officers)
    .input(ZScheduleMeetingInput)
    .mutation(({ ctx, input }) => {
      assertStatutory(ctx.tenant);
      return scheduleMeeting(ctx.tx, { ...input, tenantId: ctx.tenant.id });
    }),
  meeting: tenantProcedure(officers)
    .input(z.object({ meetingId: z.uuid() }))
    .query(async ({ ctx, input }) => {
      assertStatutory(ctx.tenant);
      const settings = concernSettingsOf(ctx.tenant);
      return {
        ...(await meetingWithAgenda(ctx.tx, input)),
        meetingName: settings.meetingName,
        leadOfficerTitle: settings.leadOfficerTitle,
        listName: settings.listName,
      };
    }),
  recordDecision: tenantProcedure(officers)
    .input(ZRecordDecisionInput)
    .mutation(async ({ ctx, input }) => {
      assertStatutory(ctx.tenant);
      const { found } = await loadCaseFor(ctx.tx, caller(ctx), input.caseId);
      return recordDecision(ctx.tx, {
        ...input,
        tenantId: ctx.tenant.id,
        tenantSlug: ctx.tenant.slug,
        issuerName: ctx.tenant.name,
        appUrl: ctx.appUrl,
        actorUserId: ctx.user.id,
        settings: concernSettingsOf(ctx.tenant),
        found,
      });
    }),
  holdMeeting: tenantProcedure(officers)
    .input(ZHoldMeetingInput)
    .mutation(({ ctx, input }) => {
      assertStatutory(ctx.tenant);
      return holdMeeting(ctx.tx, input);
    }),
  /** A letter as a PDF document (the route handler renders it). */
  letterPdf: tenantProcedure([...officersAndAdvisers, 'school_admin', 'governor'])
    .input(z.object({ letterId: z.uuid() }))
    .query(({ ctx, input }) => {
      assertStatutory(ctx.tenant);
      return letterPdf(ctx.tx, { letterId: input.letterId, caller: caller(ctx), issuer: ctx.tenant.name });
    }),
});
