import { refusalResponse } from '../../../../../_lib/pdf-response';
import { anonymousServerApi } from '../../../../../_lib/server-api';

/** The delegate's calendar invite: one event per session, from the link in their email. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ tenant: string; token: string }> },
) {
  const { tenant, token } = await params;
  try {
    const { ics } = await (await anonymousServerApi()).courseCatalogue.placeCalendar({ tenant, token });
    return new Response(ics, {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="course.ics"',
      },
    });
  } catch (error) {
    return refusalResponse(error);
  }
}
