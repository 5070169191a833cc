import { z } from 'zod';

const isoDate = z.iso.date({ message: 'Enter a date.' });
const person = (what: string) => z.string().trim().min(2, `Enter the ${what}’s name.`).max(200);
const email = (what: string) => z.email({ message: `Enter the ${what}’s email address.` }).max(320);
const fte = z.coerce
  .number({ message: 'Enter the FTE, e.g. 1 or 0.6.' })
  .min(0.1, 'FTE is between 0.1 and 1.')
  .max(1, 'FTE is between 0.1 and 1.');
/** Who supports the ECT in a period at a school: registering and correcting a period ask the same. */
const periodPeople = {
  tutorName: person('induction tutor'),
  tutorEmail: email('induction tutor'),
  mentorName: person('mentor'),
  mentorEmail: email('mentor'),
};

const registerEctFields = z.object({
  schoolId: z.uuid({ message: 'Choose a school.' }),
  name: person('ECT'),
  trn: z
    .string()
    .trim()
    .regex(/^\d{7}$/, 'A teacher reference number (TRN) is seven digits.'),
  /** May be left empty when continuing an induction: the email on the record is kept. */
  email: z.union([email('ECT'), z.literal('')]),
  dateOfBirth: isoDate.optional(),
  startsOn: isoDate,
  fte,
  ...periodPeople,
  previousInduction: z.string().trim().max(2000).default(''),
  /** Set when the TRN is already registered at another school: continue that induction here (a transfer). */
  continueInduction: z.boolean().default(false),
  /**
   * The day the AB received the registration, entered by an AB officer registering one made late (e.g. sent
   * on paper); today when left out. Not in the future (see registrationDay in register-ect.ts).
   */
  registeredOn: isoDate.optional(),
});
const emailUnlessContinuing = (v: { continueInduction: boolean; email: string }) =>
  v.continueInduction || v.email !== '';
const enterEmail = { message: 'Enter the ECT’s email address.', path: ['email'] };
export const ZRegisterEctInput = registerEctFields.refine(emailUnlessContinuing, enterEmail);
export type TRegisterEctInput = z.output<typeof ZRegisterEctInput>;

/** A school corrects its registration while it awaits the AB's acceptance: the same details again. */
export const ZCorrectRegistrationInput = registerEctFields
  .extend({ registrationId: z.uuid() })
  .refine(emailUnlessContinuing, enterEmail);
export type TCorrectRegistrationInput = z.output<typeof ZCorrectRegistrationInput>;

export const ZRegistrationIdInput = z.object({ registrationId: z.uuid() });

/** The AB declines a school's registration, saying why (the school is emailed the reason). */
export const ZRejectRegistrationInput = z.object({
  registrationId: z.uuid(),
  reason: z
    .string()
    .trim()
    .min(10, 'Say why the registration is not accepted (at least a few words).')
    .max(2000),
});
export type TRejectRegistrationInput = z.output<typeof ZRejectRegistrationInput>;

/** What the registration page shows before the school confirms (see preview-registration.ts). */
export const ZPreviewRegistrationInput = z.object({
  trn: z
    .string()
    .trim()
    .regex(/^\d{7}$/, 'A teacher reference number (TRN) is seven digits.')
    .optional(),
  startsOn: isoDate,
  fte,
  continueInduction: z.boolean().default(false),
  /** As on registering: an AB officer's earlier day of registration; today when left out. */
  registeredOn: isoDate.optional(),
});
export type TPreviewRegistrationInput = z.output<typeof ZPreviewRegistrationInput>;

export const ZFindTrnInput = z.object({
  trn: z
    .string()
    .trim()
    .regex(/^\d{7}$/, 'Enter a seven-digit TRN.'),
});

export const ZSubmitCheckpointInput = z.object({
  checkpointId: z.uuid(),
  judgement: z.enum(['on_track', 'not_on_track'], { message: 'Choose on track or not on track.' }),
  evidence: z.string().trim().min(20, 'Describe the evidence (at least a sentence).').max(10_000),
});
export type TSubmitCheckpointInput = z.output<typeof ZSubmitCheckpointInput>;

export const ZReviewCheckpointInput = z
  .object({
    checkpointId: z.uuid(),
    decision: z.enum(['accept', 'request_changes']),
    comment: z.string().trim().max(5000).default(''),
  })
  .refine((v) => v.decision === 'accept' || v.comment.length >= 5, {
    message: 'Say what the school should change.',
    path: ['comment'],
  });
export type TReviewCheckpointInput = z.output<typeof ZReviewCheckpointInput>;

export const ZRecordOutcomeInput = z
  .object({
    ectId: z.uuid(),
    outcome: z.enum(['pass', 'fail', 'extension'], { message: 'Choose pass, fail or extension.' }),
    decidedOn: isoDate,
    termsServed: z.coerce.number().min(0).max(30).multipleOf(0.1, 'Terms to one decimal place.'),
    extensionTerms: z.coerce.number().min(0.1).max(6).multipleOf(0.1).optional(),
    note: z.string().trim().max(5000).default(''),
  })
  .refine((v) => v.outcome !== 'extension' || v.extensionTerms !== undefined, {
    message: 'Enter how many terms the extension adds.',
    path: ['extensionTerms'],
  });
export type TRecordOutcomeInput = z.output<typeof ZRecordOutcomeInput>;

export const ZRecordAbsenceInput = z.object({
  ectId: z.uuid(),
  startsOn: isoDate,
  days: z.coerce.number().int().min(1, 'At least one day.').max(400),
  reason: z.string().trim().max(500).default(''),
});

export const ZSetReductionInput = z
  .object({
    ectId: z.uuid(),
    reductionTerms: z.coerce
      .number({ message: 'Enter the terms to take off, e.g. 1 or 2.5.' })
      .min(0, 'Between 0 and 5 terms.')
      .max(5, 'Between 0 and 5 terms (at least one term of induction is always served).')
      .multipleOf(0.1, 'Terms to one decimal place.'),
    reason: z.string().trim().max(2000).default(''),
  })
  .refine((v) => v.reductionTerms === 0 || v.reason.length >= 5, {
    message: 'Give the reason for the reduction, e.g. previous teaching experience.',
    path: ['reason'],
  });
export type TSetReductionInput = z.output<typeof ZSetReductionInput>;

export const ZCorrectTrnInput = z.object({
  ectId: z.uuid(),
  trn: z
    .string()
    .trim()
    .regex(/^\d{7}$/, 'A teacher reference number (TRN) is seven digits.'),
});
export type TCorrectTrnInput = z.output<typeof ZCorrectTrnInput>;

export const ZListEctsInput = z.object({
  schoolId: z.uuid().optional(),
  status: z.enum(['in_progress', 'completed', 'at_risk', 'overdue']).optional(),
  search: z.string().trim().max(100).optional(),
});
export type TListEctsInput = z.output<typeof ZListEctsInput>;

export const ZUpdateEctInput = z.object({
  ectId: z.uuid(),
  name: person('ECT'),
  email: email('ECT'),
  dateOfBirth: isoDate.optional(),
  previousInduction: z.string().trim().max(2000).default(''),
});
export type TUpdateEctInput = z.output<typeof ZUpdateEctInput>;

export const ZUpdatePeriodInput = z.object({
  periodId: z.uuid(),
  startsOn: isoDate,
  fte,
  ...periodPeople,
});
export type TUpdatePeriodInput = z.output<typeof ZUpdatePeriodInput>;

export const ZCloseSupportPlanInput = z.object({
  supportPlanId: z.uuid(),
  note: z.string().trim().min(5, 'Say why the plan is closed (for the school).').max(2000),
});

export const ZRecordRecommendationInput = z.object({
  ectId: z.uuid(),
  recommendation: z.enum(['pass', 'fail', 'extension'], {
    message: 'Choose the recommendation: pass, fail or extension.',
  }),
  recommendedOn: isoDate,
  note: z.string().trim().max(5000).default(''),
});

export const ZRecordRepresentationsInput = z.object({
  ectId: z.uuid(),
  representations: z
    .string()
    .trim()
    .min(10, 'Write the representations (at least a sentence).')
    .max(10_000, 'Keep the representations under 10,000 characters.'),
  madeOn: isoDate,
});

export const ZRecordAppealInput = z.object({
  ectId: z.uuid(),
  lodgedOn: isoDate,
  note: z.string().trim().max(5000).default(''),
});

export const ZDecideAppealInput = z
  .object({
    appealId: z.uuid(),
    result: z.enum(['upheld', 'dismissed', 'varied'], {
      message: 'Choose what the Teaching Regulation Agency decided.',
    }),
    resultOn: isoDate,
    /** Varied: the extension the Teaching Regulation Agency set instead, in terms. */
    extensionTerms: z.coerce
      .number({ message: 'Enter the terms of the extension, e.g. 1 or 2.5.' })
      .min(0.1, 'Between 0.1 and 6 terms.')
      .max(6, 'Between 0.1 and 6 terms.')
      .multipleOf(0.1, 'Terms to one decimal place.')
      .optional(),
    note: z.string().trim().max(5000).default(''),
  })
  .refine((v) => v.result !== 'varied' || v.extensionTerms !== undefined, {
    message: 'Enter how many terms the Teaching Regulation Agency extended induction by.',
    path: ['extensionTerms'],
  });
