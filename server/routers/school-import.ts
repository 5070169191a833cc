import { managers } from '../access/role-groups';
import { TRPCError } from '@trpc/server';
import { octetInputParser, type OctetInput } from '@trpc/server/http';
import { importIntoWorkspace } from '../schools/import-gias/import-into-workspace';
import { readGiasUpload, type TGiasUpload } from '../schools/import-gias/read-gias-upload';
import { router, tenantProcedure } from '../trpc';

function uploadStream(raw: unknown): ReadableStream {
  // Over HTTP the body arrives as a stream; callers in-process (tests, jobs) pass the Blob the browser sends.
  const value =
    raw instanceof Blob
      ? raw.stream()
      : raw instanceof Uint8Array
        ? new Blob([new Uint8Array(raw)]).stream()
        : raw;
  try {
    return octetInputParser.parse(value);
  } catch (cause) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: 'Choose a CSV file to upload.', cause });
  }
}

/**
 * A GIAS upload: tRPC's octet-stream input (the request body, streamed, never buffered whole), split into
 * its options line, checked with zod, and the CSV bytes. Built in the browser by giasUploadBody.
 */
const ZGiasUploadInput = {
  _input: null as unknown as OctetInput,
  _output: null as unknown as TGiasUpload,
  parseAsync: (raw: unknown): Promise<TGiasUpload> => readGiasUpload(uploadStream(raw)),
};

/**
 * Both are mutations because tRPC sends non-JSON bodies only as POSTs; a preview writes no school, only
 * the audit row every mutation leaves (who checked which file, when).
 */
export const schoolImportRouter = router({
  preview: tenantProcedure({ module: 'core', roles: managers })
    .input(ZGiasUploadInput)
    .mutation(({ ctx, input }) => importIntoWorkspace(ctx.tx, ctx.actor, { upload: input, write: false })),
  commit: tenantProcedure({ module: 'core', roles: managers })
    .input(ZGiasUploadInput)
    .mutation(({ ctx, input }) => importIntoWorkspace(ctx.tx, ctx.actor, { upload: input, write: true })),
});
