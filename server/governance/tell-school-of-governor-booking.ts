import type { Tx } from '~/db/client';
import { formatPence } from '../catalogue/money';
import { schoolLeaders } from '../courses/tell-school-leaders';
import { queueEmail } from '../email/send-email';
import { emailOf } from '../email/templates';
import { longDate } from '../format/dates';

/**
 * Tells the school's headteachers / business managers (school_admin) of a place a governor booked (governor
 * training, or any other course booked on the courses page) that is charged to the school, one email each (the governor-booking-charged template, HTML and plain text,
 * sent by the email job after commit). Places free by statute or covered by the school's package are not
 * charged and are not passed here. Returns how many people were told.
 */
export async function tellSchoolOfGovernorBooking(
  tx: Tx,
  input: {
    workspaceName: string;
    schoolId: string;
    schoolName: string;
    bookedBy: string;
    /** Governor training, or another course a governor booked (the email's wording). */
    governorTraining: boolean;
    course: { title: string; startsOn: string | null; vatRateBasisPoints: number };
    charged: { name: string; pricePence: number }[];
    url: string;
  },
) {
  if (input.charged.length === 0) return 0;
  const plusVat = input.course.vatRateBasisPoints > 0 ? ' plus VAT' : '';
  const leaders = await schoolLeaders(tx, input.schoolId);
  for (const leader of leaders)
    await queueEmail(tx, {
      to: leader.email,
      ...emailOf('governor-booking-charged', {
        workspaceName: input.workspaceName,
        schoolName: input.schoolName,
        recipientName: leader.name,
        bookedBy: input.bookedBy,
        governorTraining: input.governorTraining,
        courseTitle: input.course.title,
        startsOn: input.course.startsOn ? longDate(input.course.startsOn) : 'dates to be confirmed',
        places: input.charged.map((p) => `${p.name}: ${formatPence(p.pricePence)}${plusVat}`),
        total: `${formatPence(input.charged.reduce((a, p) => a + p.pricePence, 0))}${plusVat}`,
        url: input.url,
      }),
    });
  return leaders.length;
}
