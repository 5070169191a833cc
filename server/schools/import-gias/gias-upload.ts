import { z } from 'zod';
import { maxUrnsInList } from './parse-urn-list';

/**
 * What travels with a GIAS file. tRPC's octet-stream input is the whole request body and nothing else, so
 * an upload is one line of these options as JSON, then the file's bytes: one request, streamed end to end.
 * (FormData would carry both, but the server must buffer a multipart body whole before reading it.)
 */
export const ZGiasImportOptions = z.strictObject({
  /** Import these schools instead of the workspace's LA codes. */
  urns: z
    .array(
      z
        .int('Each URN must be a whole number.')
        .min(1, 'Each URN must be a whole number.')
        .max(2_147_483_647, 'That is not a URN.'),
    )
    .min(1, 'Give at least one URN, or none to import by LA code.')
    .max(maxUrnsInList, `Give at most ${maxUrnsInList.toLocaleString('en-GB')} URNs.`)
    .optional(),
  /** GIAS serves Windows-1252; 'auto' also accepts a file re-saved as UTF-8. */
  encoding: z.enum(['auto', 'windows-1252', 'utf-8']).default('auto'),
});
export type TGiasImportOptions = z.infer<typeof ZGiasImportOptions>;
export type TGiasImportOptionsInput = z.input<typeof ZGiasImportOptions>;

/**
 * The request body for schoolImport.preview / commit. Blob parts are referenced, not copied, so the browser
 * streams the file from disk.
 */
export function giasUploadBody(file: Blob, options: TGiasImportOptionsInput = {}): Blob {
  return new Blob([`${JSON.stringify(options)}\n`, file], { type: 'application/octet-stream' });
}
