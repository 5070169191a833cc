import { z } from 'zod';
import { governorBulletinAudience } from '~/db/schema';

/** A bulletin as its author writes it; the same shape composes a new one and edits a draft. */
export const ZBulletinInput = z.object({
  title: z.string().trim().min(3, 'Give the bulletin a title.').max(160),
  body: z
    .string()
    .trim()
    .min(20, 'Write the bulletin (at least a sentence).')
    .max(20_000, 'The bulletin can be at most 20,000 characters.'),
  links: z
    .array(
      z.object({
        label: z.string().trim().min(2, 'Give the link a label.').max(120),
        url: z.url({ protocol: /^https?$/, message: 'Enter a full web address (https://…).' }).max(500),
      }),
    )
    .max(10)
    .default([]),
  includeAllGovernors: z.boolean().default(false),
  /** The boards of schools with the governor package, or every governor and clerk on the registers. */
  audience: z
    .enum(governorBulletinAudience.enumValues, { message: 'Choose who the bulletin goes to.' })
    .default('package_schools'),
});
export type TBulletinInput = z.output<typeof ZBulletinInput>;

export const ZUpdateBulletinInput = z.object({ id: z.uuid(), bulletin: ZBulletinInput });
export const ZBulletinIdInput = z.object({ id: z.uuid() });
