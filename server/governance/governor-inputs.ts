import { z } from 'zod';
import { governorCategory, governorOffice } from '~/db/schema';

const ZIsoDate = z.iso.date({ message: 'Enter a date.' });

/** One governor's entry in the board register; the same shape adds and edits. */
export const ZGovernorInput = z.object({
  name: z.string().trim().min(2, 'Enter the governor’s name.').max(120),
  email: z.union([z.literal(''), z.email({ message: 'Enter a valid email address.' }).max(200)]).default(''),
  phone: z.string().trim().max(40).default(''),
  category: z.enum(governorCategory.enumValues, { message: 'Choose the category.' }),
  office: z.enum(governorOffice.enumValues).nullable().default(null),
  appointingBody: z.string().trim().max(160).default(''),
  appointedOn: ZIsoDate,
  /** Years; left empty for the headteacher ex officio and the clerk (no term). */
  termYears: z
    .number()
    .int()
    .min(1, 'A term is at least one year.')
    .max(4, 'A term is at most four years.')
    .nullable()
    .default(4),
  businessInterests: z.string().trim().max(2000).default(''),
  businessInterestsUrl: z.union([z.literal(''), z.url({ message: 'Enter a full web address.' })]).default(''),
  attendance: z.string().trim().max(80).default(''),
});
export type TGovernorInput = z.output<typeof ZGovernorInput>;

export const ZAddGovernorInput = ZGovernorInput.extend({ schoolId: z.uuid() });
export const ZUpdateGovernorInput = z.object({ id: z.uuid(), governor: ZGovernorInput });
export const ZStepDownInput = z.object({ id: z.uuid(), steppedDownOn: ZIsoDate });
export const ZConstitutionInput = z.object({
  schoolId: z.uuid(),
  places: z.partialRecord(z.enum(governorCategory.enumValues), z.number().int().min(0).max(30)),
});
export const ZExternalTrainingInput = z.object({
  governorId: z.uuid(),
  title: z.string().trim().min(3, 'Give the training a title.').max(200),
  on: ZIsoDate,
  provider: z.string().trim().max(160).default(''),
});
export const ZBookGovernorTrainingInput = z.object({
  courseId: z.uuid(),
  /** The governors to book (a chair or clerk books for the board); left empty to book oneself. */
  governorIds: z.array(z.uuid()).max(30).default([]),
  schoolId: z.uuid(),
});
