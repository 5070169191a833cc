import { z } from 'zod';

/** A committee of the board as its keepers name it, with its members chosen from the current register. */
export const ZCommitteeInput = z.object({
  name: z
    .string()
    .trim()
    .min(2, { message: 'Enter the committee’s name, such as “Finance and resources”.' })
    .max(120, { message: 'Keep the committee’s name to 120 characters.' }),
  memberIds: z.array(z.uuid()).max(60).default([]),
  /** The day those added joined it (today when not given): not in the future, nor before their appointment. */
  joinedOn: z.iso.date({ message: 'Enter the date they joined as a date, such as 01/09/2026.' }).optional(),
  /** The day those taken off it left (today when not given): not in the future, nor before they joined. */
  leftOn: z.iso.date({ message: 'Enter the date they left as a date, such as 31/08/2026.' }).optional(),
});
export type TCommitteeInput = z.output<typeof ZCommitteeInput>;

export const ZAddCommitteeInput = z.object({ schoolId: z.uuid(), committee: ZCommitteeInput });
export type TAddCommitteeInput = z.output<typeof ZAddCommitteeInput>;
export const ZUpdateCommitteeInput = z.object({ committeeId: z.uuid(), committee: ZCommitteeInput });
export type TUpdateCommitteeInput = z.output<typeof ZUpdateCommitteeInput>;
export const ZCommitteeIdInput = z.object({ committeeId: z.uuid() });
