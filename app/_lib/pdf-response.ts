import 'server-only';
import { TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { renderPdf, type PdfDocument } from '~/server/pdf/render-pdf';

const statusOf: Partial<Record<TRPCError['code'], number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_REQUEST: 400,
};

/**
 * A route handler's whole body for a PDF download: `load` calls a procedure (so access is decided there, as for
 * pages) that returns the document; refusals become plain 401/403/404 responses.
 */
export async function pdfResponse(load: () => Promise<{ document: PdfDocument; filename: string }>) {
  try {
    const { document, filename } = await load();
    const bytes = await renderPdf(document);
    return new Response(Buffer.from(bytes), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${filename.replace(/\.pdf$/i, '').replace(/[^\w.-]+/g, '-')}.pdf"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    return refusalResponse(error);
  }
}

/** A procedure's refusal as a plain response for a download link; anything else is a real failure. */
export function refusalResponse(error: unknown): Response {
  // An address the procedure's input refused (a link cut short where an email wrapped it) is one that does not
  // exist, as for pages (see guard).
  if (error instanceof TRPCError && error.cause instanceof ZodError)
    return new Response('This link is not valid.', { status: 404 });
  const status = error instanceof TRPCError ? statusOf[error.code] : undefined;
  if (status && error instanceof Error) return new Response(error.message, { status });
  throw error;
}
