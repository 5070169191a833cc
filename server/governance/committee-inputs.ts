import { z } from 'zod';

/** A committee of the board as its keepers name it, with its members chosen from the current register. */
export const ZCommitteeInput = z.object({
  name: z
    .string()
    .trim()
    .min(2, { message: 'Enter the committee’s name, such as “Finance and resources”.' })
    .max(120, { message: 'Keep the committee’s name to 120 characters.' }),
  memberIds: z.array(z.uuid()).max(60).default([]),
});
export type TCommitteeInput = z.output<typeof ZCommitteeInput>;

export const ZAddCommitteeInput = z.object({ schoolId: z.uuid(), committee: ZCommitteeInput });
export type TAddCommitteeInput = z.output<typeof ZAddCommitteeInput>;
export const ZUpdateCommitteeInput = z.object({ committeeId: z.uuid(), committee: ZCommitteeInput });
export type TUpdateCommitteeInput = z.output<typeof ZUpdateCommitteeInput>;
export const ZCommitteeIdInput = z.object({ committeeId: z.uuid() });
