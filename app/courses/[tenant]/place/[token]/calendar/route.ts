import { getDatabase } from '~/server/database';
import { courseInvite, inviteSequence } from '~/server/courses/course-invite';
import { findPlace } from '~/server/courses/find-place';
import { withPublicCourses } from '~/server/courses/public-tenant';

/**
 * The delegate's calendar invite: one event per session, from the link in their email. The events have the
 * same UIDs as the invite attached to their emails, so downloading it as well does not add copies.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ tenant: string; token: string }> },
) {
  const { tenant, token } = await params;
  try {
    const ics = await withPublicCourses((await getDatabase()).db, tenant, async (tx, provider) => {
      const { booking, course, sessions } = await findPlace(tx, token);
      return courseInvite({
        course,
        sessions,
        booking,
        providerName: provider.name,
        sequence: inviteSequence(course, booking),
      });
    });
    return new Response(ics, {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="course.ics"',
      },
    });
  } catch {
    return new Response('This link is not valid.', { status: 404 });
  }
}
