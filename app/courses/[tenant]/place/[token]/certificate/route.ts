import { pdfResponse } from '../../../../../_lib/pdf-response';
import { anonymousServerApi } from '../../../../../_lib/server-api';

/** The delegate's certificate of attendance, from the link in their email (present at every session). */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ tenant: string; token: string }> },
) {
  const { tenant, token } = await params;
  return pdfResponse(async () =>
    (await anonymousServerApi()).courseCatalogue.placeCertificate({ tenant, token }),
  );
}
