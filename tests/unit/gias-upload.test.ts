import { describe, expect, it } from 'vitest';
import { giasUploadBody } from '~/server/schools/import-gias/gias-upload';
import { parseUrnList } from '~/server/schools/import-gias/parse-urn-list';
import { readGiasUpload } from '~/server/schools/import-gias/read-gias-upload';

async function textOf(csv: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const part of csv) parts.push(part);
  return Buffer.concat(parts).toString('utf8');
}

/** A body delivered in small pieces, as a network would. */
function streamOf(bytes: Uint8Array, size: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) controller.close();
      else controller.enqueue(bytes.subarray(at, (at += size)));
    },
  });
}

describe('GIAS upload body', () => {
  const csv = 'URN,LA (code)\r\n103318,330\r\n';

  it('carries the options line and the file, however the body is chunked', async () => {
    const body = new Uint8Array(
      await giasUploadBody(new Blob([csv]), {
        urns: [103318, 103326],
        encoding: 'windows-1252',
      }).arrayBuffer(),
    );
    for (const size of [1, 5, 4096]) {
      const upload = await readGiasUpload(streamOf(body, size));
      expect(upload.options).toEqual({ urns: [103318, 103326], encoding: 'windows-1252' });
      expect(await textOf(upload.csv)).toBe(csv);
    }
  });

  it('treats a bare CSV (no options line) as the file with default options', async () => {
    const upload = await readGiasUpload(new Blob([`\uFEFF${csv}`]).stream());
    expect(upload.options).toEqual({ encoding: 'auto' });
    expect(await textOf(upload.csv)).toBe(`\uFEFF${csv}`);
  });

  it('refuses options that do not validate, with a readable message', async () => {
    await expect(
      readGiasUpload(giasUploadBody(new Blob([csv]), { urns: [] }).stream()),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Give at least one URN, or none to import by LA code.',
    });
    await expect(readGiasUpload(new Blob(['{"urns":[1.5]}\n', csv]).stream())).rejects.toMatchObject({
      message: 'Each URN must be a whole number.',
    });
    await expect(readGiasUpload(new Blob(['{"bad json\n', csv]).stream())).rejects.toMatchObject({
      message: 'The import options could not be read.',
    });
    await expect(readGiasUpload(new Blob([]).stream())).rejects.toMatchObject({
      message: 'Choose a CSV file to upload.',
    });
  });
});

describe('parseUrnList', () => {
  it('accepts URNs pasted from a column, or separated by commas, semicolons and spaces', () => {
    expect(parseUrnList('103318\n103326\r\n 103334, 103342;103350  103318\n')).toEqual({
      ok: true,
      urns: [103318, 103326, 103334, 103342, 103350],
    });
    expect(parseUrnList('  ')).toEqual({ ok: true, urns: [] });
  });

  it('names what is not a URN', () => {
    expect(parseUrnList('103318, Brookvale, 10331.8')).toEqual({
      ok: false,
      message: 'URNs are whole numbers, such as 103318. These are not: “Brookvale”, “10331.8”.',
    });
  });
});
