import { certificateFor } from '~/server/courses/attendance-certificate';
import { findPlace } from '~/server/courses/find-place';
import { withPublicCourses } from '~/server/courses/public-tenant';
import { getDatabase } from '~/server/database';
import { renderPdf } from '~/server/pdf/render-pdf';

/** The delegate's certificate of attendance, from the link in their email (present at every session). */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ tenant: string; token: string }> },
) {
  const { tenant, token } = await params;
  try {
    const bytes = await withPublicCourses((await getDatabase()).db, tenant, async (tx, provider) => {
      const { booking } = await findPlace(tx, token);
      const { document } = await certificateFor(tx, booking, provider.name);
      return renderPdf(document);
    });
    return new Response(Buffer.from(bytes), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': 'inline; filename="certificate-of-attendance.pdf"',
        'cache-control': 'private, no-store',
      },
    });
  } catch {
    return new Response('There is no certificate for this place yet.', { status: 404 });
  }
}
