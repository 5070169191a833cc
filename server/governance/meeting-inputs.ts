import { z } from 'zod';
import { governorAttendanceStatus, governorMeetingKind } from '~/db/schema';

/** A board meeting as the clerk records it; a committee's meeting names the committee. */
export const ZMeetingInput = z
  .object({
    heldOn: z.iso.date({ message: 'Enter the date of the meeting.' }),
    kind: z.enum(governorMeetingKind.enumValues, { message: 'Choose the kind of meeting.' }),
    committeeName: z.string().trim().max(120).default(''),
    notes: z.string().trim().max(2000).default(''),
  })
  .superRefine((m, ctx) => {
    if (m.kind === 'committee' && m.committeeName.length < 2)
      ctx.addIssue({
        code: 'custom',
        path: ['committeeName'],
        message: 'Enter the committee’s name, such as “Finance and resources”.',
      });
  });
export type TMeetingInput = z.output<typeof ZMeetingInput>;

export const ZAddMeetingInput = z.object({ schoolId: z.uuid(), meeting: ZMeetingInput });
export type TAddMeetingInput = z.output<typeof ZAddMeetingInput>;
export const ZUpdateMeetingInput = z.object({ meetingId: z.uuid(), meeting: ZMeetingInput });
export type TUpdateMeetingInput = z.output<typeof ZUpdateMeetingInput>;
export const ZMeetingIdInput = z.object({ meetingId: z.uuid() });

/** The attendance form: a mark per member listed; null clears a mark (not recorded). */
export const ZRecordAttendanceInput = z.object({
  meetingId: z.uuid(),
  marks: z
    .array(
      z.object({
        governorId: z.uuid(),
        status: z.enum(governorAttendanceStatus.enumValues).nullable(),
      }),
    )
    .max(60),
});
export type TRecordAttendanceInput = z.output<typeof ZRecordAttendanceInput>;
