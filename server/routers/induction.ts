import { z } from 'zod';
import { revalidateCatalogueOnCommit } from '../courses/catalogue-cache';
import {
  inductionAbStaff,
  inductionReaders,
  inductionRegistrars,
  inductionTutors,
  managers,
} from '../access/role-groups';
import { todayInLondon } from '../catalogue/academic-year';
import { bookInductionProgramme, inductionProgrammeCourses } from '../induction/book-induction-programme';
import { closeSupportPlan } from '../induction/close-support-plan';
import { updateEctDetails, updateInductionPeriod } from '../induction/edit-ect';
import { exportOutcomes } from '../induction/export-outcomes';
import { getEct } from '../induction/get-ect';
import {
  ZCloseSupportPlanInput,
  ZCorrectRegistrationInput,
  ZCorrectTrnInput,
  ZFindTrnInput,
  ZListEctsInput,
  ZPreviewRegistrationInput,
  ZRecordAbsenceInput,
  ZRecordOutcomeInput,
  ZRecordRecommendationInput,
  ZRecordRepresentationsInput,
  ZRecordAppealInput,
  ZDecideAppealInput,
  ZRegisterEctInput,
  ZRegistrationIdInput,
  ZRejectRegistrationInput,
  ZReviewCheckpointInput,
  ZSetReductionInput,
  ZSubmitCheckpointInput,
  ZUpdateEctInput,
  ZUpdatePeriodInput,
} from '../induction/induction-inputs';
import { inductionDashboard, listEcts } from '../induction/list-ects';
import { recordAbsence, recordOutcome } from '../induction/record-outcome';
import {
  decideAppeal,
  recordAppeal,
  recordRecommendation,
  recordRepresentations,
} from '../induction/induction-decisions';
import {
  inductionSettingsView,
  updateInductionSettings,
  ZInductionSettingsInput,
} from '../induction/induction-settings';
import { setReduction } from '../induction/set-reduction';
import { correctTrn } from '../induction/correct-trn';
import { previewRegistration } from '../induction/preview-registration';
import { findRegisteredTrn, registerEct } from '../induction/register-ect';
import { reviewCheckpoint } from '../induction/review-checkpoint';
import { acceptRegistration, rejectRegistration } from '../induction/decide-registration';
import { listRegistrations, registrationDetails } from '../induction/list-registrations';
import {
  correctRegistration,
  submitRegistration,
  withdrawRegistration,
} from '../induction/submit-registration';
import { submitCheckpoint } from '../induction/submit-checkpoint';
import { router, tenantProcedure } from '../trpc';

const ab = tenantProcedure({ module: 'induction', roles: inductionAbStaff });
const read = tenantProcedure({ module: 'induction', roles: inductionReaders });
const registrar = tenantProcedure({ module: 'induction', roles: inductionRegistrars });
const tutor = tenantProcedure({ module: 'induction', roles: inductionTutors });
const manage = tenantProcedure({ module: 'induction', roles: managers });

/** ECT induction kept by an Appropriate Body workspace (see server/induction/appropriate-body.ts). */
export const inductionRouter = router({
  dashboard: ab.query(({ ctx }) => inductionDashboard(ctx.tx, ctx.actor, todayInLondon())),
  list: read
    .input(ZListEctsInput)
    .query(({ ctx, input }) => listEcts(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
  byId: read
    .input(z.object({ ectId: z.uuid() }))
    .query(({ ctx, input }) => getEct(ctx.tx, ctx.actor, { ectId: input.ectId, today: todayInLondon() })),
  findTrn: registrar
    .input(ZFindTrnInput)
    .query(({ ctx, input }) => findRegisteredTrn(ctx.tx, ctx.actor, input.trn)),
  /** Before a school confirms a registration: is it late, and what would already be overdue. */
  previewRegistration: registrar
    .input(ZPreviewRegistrationInput)
    .query(({ ctx, input }) => previewRegistration(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
  /** The AB's fee per ECT registered: its manager sets it; a school registering an ECT is told it. */
  settings: registrar.query(({ ctx }) => inductionSettingsView(ctx.actor)),
  updateSettings: manage
    .input(ZInductionSettingsInput)
    .mutation(({ ctx, input }) => updateInductionSettings(ctx.tx, ctx.actor, input)),
  register: registrar
    .input(ZRegisterEctInput)
    .mutation(({ ctx, input }) => registerEct(ctx.tx, ctx.actor, { ...input, today: todayInLondon() })),
  /**
   * Where the AB checks registrations: a school sends one (it awaits the AB's acceptance), corrects or withdraws
   * it while it waits; the AB's staff accept it (induction starts) or decline it with a reason.
   */
  registrations: read.query(({ ctx }) => listRegistrations(ctx.tx, ctx.actor)),
  registration: registrar
    .input(ZRegistrationIdInput)
    .query(({ ctx, input }) => registrationDetails(ctx.tx, ctx.actor, input)),
  submitRegistration: registrar
    .input(ZRegisterEctInput)
    .mutation(({ ctx, input }) =>
      submitRegistration(ctx.tx, ctx.actor, { ...input, today: todayInLondon() }),
    ),
  correctRegistration: registrar
    .input(ZCorrectRegistrationInput)
    .mutation(({ ctx, input }) =>
      correctRegistration(ctx.tx, ctx.actor, { ...input, today: todayInLondon() }),
    ),
  withdrawRegistration: registrar
    .input(ZRegistrationIdInput)
    .mutation(({ ctx, input }) => withdrawRegistration(ctx.tx, ctx.actor, input)),
  acceptRegistration: ab
    .input(ZRegistrationIdInput)
    .mutation(({ ctx, input }) =>
      acceptRegistration(ctx.tx, ctx.actor, { ...input, today: todayInLondon() }),
    ),
  rejectRegistration: ab
    .input(ZRejectRegistrationInput)
    .mutation(({ ctx, input }) => rejectRegistration(ctx.tx, ctx.actor, input)),
  programmeCourses: registrar
    .input(z.object({ ectId: z.uuid() }))
    .query(({ ctx, input }) =>
      inductionProgrammeCourses(ctx.tx, ctx.actor, { ...input, today: todayInLondon() }),
    ),
  bookProgramme: registrar
    .input(z.object({ ectId: z.uuid(), courseId: z.uuid() }))
    .mutation(({ ctx, input }) => {
      revalidateCatalogueOnCommit(ctx.tx, ctx.actor);
      return bookInductionProgramme(ctx.tx, ctx.actor, { ...input, today: todayInLondon() });
    }),
  updateEct: registrar
    .input(ZUpdateEctInput)
    .mutation(({ ctx, input }) => updateEctDetails(ctx.tx, ctx.actor, input)),
  updatePeriod: registrar
    .input(ZUpdatePeriodInput)
    .mutation(({ ctx, input }) => updateInductionPeriod(ctx.tx, ctx.actor, input)),
  closeSupportPlan: ab
    .input(ZCloseSupportPlanInput)
    .mutation(({ ctx, input }) => closeSupportPlan(ctx.tx, ctx.actor, input)),
  submitCheckpoint: tutor
    .input(ZSubmitCheckpointInput)
    .mutation(({ ctx, input }) => submitCheckpoint(ctx.tx, ctx.actor, input)),
  reviewCheckpoint: ab
    .input(ZReviewCheckpointInput)
    .mutation(({ ctx, input }) => reviewCheckpoint(ctx.tx, ctx.actor, input)),
  recordAbsence: tutor
    .input(ZRecordAbsenceInput)
    .mutation(({ ctx, input }) => recordAbsence(ctx.tx, ctx.actor, input)),
  setReduction: ab
    .input(ZSetReductionInput)
    .mutation(({ ctx, input }) => setReduction(ctx.tx, ctx.actor, input)),
  correctTrn: ab.input(ZCorrectTrnInput).mutation(({ ctx, input }) => correctTrn(ctx.tx, ctx.actor, input)),
  recordOutcome: ab
    .input(ZRecordOutcomeInput)
    .mutation(({ ctx, input }) => recordOutcome(ctx.tx, ctx.actor, input)),
  recordRecommendation: read
    .input(ZRecordRecommendationInput)
    .mutation(({ ctx, input }) =>
      recordRecommendation(ctx.tx, ctx.actor, { ...input, today: todayInLondon() }),
    ),
  recordRepresentations: read
    .input(ZRecordRepresentationsInput)
    .mutation(({ ctx, input }) =>
      recordRepresentations(ctx.tx, ctx.actor, { ...input, today: todayInLondon() }),
    ),
  recordAppeal: ab
    .input(ZRecordAppealInput)
    .mutation(({ ctx, input }) => recordAppeal(ctx.tx, ctx.actor, input)),
  decideAppeal: ab
    .input(ZDecideAppealInput)
    .mutation(({ ctx, input }) => decideAppeal(ctx.tx, ctx.actor, input)),
  exportOutcomes: ab
    .input(z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() }))
    .query(({ ctx, input }) => exportOutcomes(ctx.tx, ctx.actor, input)),
});
