import { pdfResponse, refusalResponse } from '../../../_lib/pdf-response';
import { serverApi } from '../../../_lib/server-api';
import { subjectFromQuery } from '../subject-query';

/** Everything held about a person, as JSON or PDF; the procedure decides who may have it and audits it. */
export async function GET(request: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const subject = subjectFromQuery(query);
  if (!subject)
    return new Response('Say whose data: kind and id, or kind=delegate and email.', { status: 400 });
  const api = await serverApi(tenant);
  if (query.format === 'pdf') return pdfResponse(() => api.personalData.exportPdf({ subject }));
  try {
    const data = await api.personalData.exportJson({ subject });
    const who = (data.subject.name || data.subject.email || 'person')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-');
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="personal-data-${who}.json"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    return refusalResponse(error);
  }
}
