import { z } from 'zod';
import { courseFormat, courseProgramme, courseSessionKind, entitlementUnit } from '~/db/schema';
import { ZPounds } from '../catalogue/catalogue-inputs';
import { audiences, type Audience } from './course-labels';

export { audiences, formatLabels, programmeLabels, sessionKindLabels, type Audience } from './course-labels';

const ZIsoDate = z.iso.date({ message: 'Enter a date.' });
const ZClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time such as 09:30.');

export const ZSessionInput = z
  .object({
    title: z.string().trim().max(120).default(''),
    kind: z.enum(courseSessionKind.enumValues).default('session'),
    on: ZIsoDate,
    startTime: ZClock,
    endTime: ZClock,
    required: z.boolean().default(true),
  })
  .refine((s) => s.endTime > s.startTime, {
    message: 'A session must end after it starts.',
    path: ['endTime'],
  });

export const ZCancellationTerms = z.object({
  freeUntilWorkingDays: z.number().int().min(0).max(60).default(10),
  lateCancellationPercent: z.number().int().min(0).max(100).default(50),
  noShowPercent: z.number().int().min(0).max(100).default(100),
});

/** Everything a manager sets on a course; the same shape creates and edits. */
export const ZCourseInput = z
  .object({
    programme: z.enum(courseProgramme.enumValues).default('cpd'),
    title: z.string().trim().min(3, 'Give the course a title.').max(160),
    description: z.string().trim().max(5000).default(''),
    audiences: z
      .array(z.enum(Object.keys(audiences) as [Audience, ...Audience[]]))
      .min(1, 'Choose who the course is for.'),
    phase: z.string().trim().max(40).default('All phases'),
    subject: z.string().trim().max(80).default(''),
    keyStage: z.string().trim().max(40).default(''),
    format: z.enum(courseFormat.enumValues, { message: 'Choose a format.' }),
    venue: z.string().trim().max(300).default(''),
    joiningLink: z.union([z.literal(''), z.url({ message: 'Enter a full web address.' })]).default(''),
    facilitators: z
      .array(z.object({ name: z.string().trim().min(2).max(120), userId: z.uuid().nullable().default(null) }))
      .max(10)
      .default([]),
    capacity: z.number().int().min(1, 'A course needs at least one place.').max(2000),
    bookingDeadline: ZIsoDate.nullable().default(null),
    minimumNumbers: z.number().int().min(0).max(2000).default(0),
    goNoGoOn: ZIsoDate.nullable().default(null),
    memberPrice: ZPounds.default(0),
    nonMemberPrice: ZPounds.default(0),
    outOfAreaPrice: ZPounds.default(0),
    /** Left out, a new course takes the workspace's rate for services (courseVatDefault) and an edit keeps the course's. */
    vatRatePercent: z
      .number()
      .min(0, 'The VAT rate cannot be negative.')
      .max(100, 'Enter a VAT rate of at most 100%.')
      .optional(),
    entitlement: z
      .object({ unit: z.enum(entitlementUnit.enumValues), category: z.string().trim().max(80).default('') })
      .nullable()
      .default(null),
    cancellationTerms: ZCancellationTerms.default({
      freeUntilWorkingDays: 10,
      lateCancellationPercent: 50,
      noShowPercent: 100,
    }),
    holdHours: z
      .number()
      .int('Enter whole hours.')
      .min(1, 'Hold a freed place for at least 1 hour.')
      .max(336, 'Hold a freed place for at most 336 hours (two weeks).')
      .default(48),
    staffBookingNeedsApproval: z.boolean().default(false),
    statutoryFreeForGovernors: z.boolean().default(false),
    sessions: z.array(ZSessionInput).min(1, 'Add at least one session.').max(60),
  })
  .superRefine((c, ctx) => {
    const needsVenue = c.format === 'in_person' || c.format === 'hybrid';
    const needsLink = c.format === 'online' || c.format === 'hybrid';
    if (needsVenue && !c.venue) ctx.addIssue({ code: 'custom', message: 'Give the venue.', path: ['venue'] });
    if (needsLink && !c.joiningLink)
      ctx.addIssue({ code: 'custom', message: 'Give the joining link.', path: ['joiningLink'] });
    if (!c.venue && !c.joiningLink)
      ctx.addIssue({ code: 'custom', message: 'Give a venue or a joining link.', path: ['venue'] });
  })
  .refine((c) => c.minimumNumbers <= c.capacity, {
    message: 'Minimum numbers cannot be above the capacity.',
    path: ['minimumNumbers'],
  });
export type TCourseInput = z.output<typeof ZCourseInput>;
