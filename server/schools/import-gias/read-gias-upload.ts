import { DomainError } from '~/server/errors/domain-error';
import { ZGiasImportOptions, type TGiasImportOptions } from './gias-upload';

export type TGiasUpload = { options: TGiasImportOptions; csv: AsyncIterable<Uint8Array> };

/** Generous for 10,000 URNs; anything longer is not an options line. */
const maxOptionsBytes = 256 * 1024;
const openBrace = 0x7b;
const newline = 0x0a;

function badUpload(message: string, cause?: unknown) {
  return new DomainError({ code: 'BAD_REQUEST', message, cause });
}

function bytesOf(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  throw badUpload('The upload could not be read. Choose the file again.');
}

/**
 * Splits an upload (see giasUploadBody) into its options and the file's bytes, reading only as far as the
 * options line. A body that does not start with "{" is a bare CSV with default options (e.g. from curl).
 */
export async function readGiasUpload(body: ReadableStream): Promise<TGiasUpload> {
  const reader = body.getReader();
  let head: Uint8Array = new Uint8Array(0);
  let finished = false;
  let lineEnd = -1;
  for (;;) {
    const next = await reader.read();
    if (next.done) {
      finished = true;
      break;
    }
    const chunk = bytesOf(next.value);
    head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
    if (head.length === 0) continue;
    if (head[0] !== openBrace) break;
    lineEnd = head.indexOf(newline);
    if (lineEnd >= 0) break;
    if (head.length > maxOptionsBytes) throw badUpload('The import options are too long.');
  }
  if (head.length === 0 && finished) throw badUpload('Choose a CSV file to upload.');

  let options: TGiasImportOptions = ZGiasImportOptions.parse({});
  let rest = head;
  if (head[0] === openBrace) {
    if (lineEnd < 0) throw badUpload('Choose a CSV file to upload.');
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(head.subarray(0, lineEnd)).toString('utf8'));
    } catch (error) {
      throw badUpload('The import options could not be read.', error);
    }
    const parsed = ZGiasImportOptions.safeParse(json);
    if (!parsed.success) {
      throw badUpload(parsed.error.issues[0]?.message ?? 'The import options are not valid.', parsed.error);
    }
    options = parsed.data;
    rest = head.subarray(lineEnd + 1);
  }

  async function* csv(): AsyncGenerator<Uint8Array> {
    let drained = finished;
    try {
      if (rest.length > 0) yield rest;
      while (!drained) {
        const next = await reader.read();
        if (next.done) drained = true;
        else yield bytesOf(next.value);
      }
    } finally {
      // Stopped early (a bad file): stop receiving the rest of the upload.
      if (!drained) await reader.cancel().catch(() => {});
    }
  }
  return { options, csv: csv() };
}
