import { csvResponse } from '../../../../_lib/csv-response';
import { serverApi } from '../../../../_lib/server-api';

/** The school's bookings and attendance as CSV; the procedure decides whose (their own school, or the manager's pick). */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const schoolId = new URL(request.url).searchParams.get('school') ?? undefined;
  return csvResponse(async () =>
    (await serverApi(tenant)).courses.schoolBookingsCsv({
      schoolId: schoolId && /^[0-9a-f-]{36}$/i.test(schoolId) ? schoolId : undefined,
    }),
  );
}
