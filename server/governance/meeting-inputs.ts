import { z } from 'zod';
import { governorAttendanceStatus, governorMeetingKind } from '~/db/schema';

/**
 * A board meeting as the clerk records it: of the full board, or of one of the board's committees (chosen from
 * those kept on the committees page). A committee meeting recorded before committees were kept has no committee
 * to choose: left unchosen, it keeps the name it was recorded with.
 */
export const ZMeetingInput = z.object({
  heldOn: z.iso.date({ message: 'Enter the date of the meeting.' }),
  kind: z.enum(governorMeetingKind.enumValues, { message: 'Choose the kind of meeting.' }),
  committeeId: z.uuid({ message: 'Choose the committee.' }).nullable().default(null),
  notes: z.string().trim().max(2000).default(''),
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
