import { PDFDocument, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfSafe, renderPdf } from '~/server/pdf/render-pdf';

describe('renderPdf', () => {
  it('renders every block kind into a real, multi-page PDF', async () => {
    const long = 'Pupils’ reading has improved — “markedly” — across key stage 2. '.repeat(40);
    const bytes = await renderPdf({
      title: 'Note of visit',
      issuer: 'Barnet Education and Learning Service',
      blocks: [
        { kind: 'facts', pairs: [['School', 'Coppetts Wood Primary School']] },
        { kind: 'heading', text: 'Strengths' },
        ...Array.from({ length: 6 }, () => ({ kind: 'paragraph' as const, text: long })),
        { kind: 'bullets', items: ['One', 'Two'] },
        {
          kind: 'table',
          columns: ['Action', 'Owner', 'By'],
          rows: [['Review phonics', 'Head', '12/12/2026']],
        },
      ],
      footer: 'Agreed version 2',
    });
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const parsed = await PDFDocument.load(bytes);
    expect(parsed.getPageCount()).toBeGreaterThan(1);
    expect(parsed.getTitle()).toBe('Note of visit');
  });

  it('stamps a watermark on every page, as well as a banner above the title', async () => {
    const blocks = Array.from({ length: 30 }, () => ({
      kind: 'paragraph' as const,
      text: 'Line. '.repeat(60),
    }));
    const plain = await renderPdf({ title: 'VAT invoice', issuer: 'HSIP Ltd', blocks });
    const stamped = await renderPdf({ title: 'VAT invoice', issuer: 'HSIP Ltd', blocks, watermark: 'DRAFT' });
    const draftHex = Buffer.from('DRAFT').toString('hex').toUpperCase();
    /** How often the page content streams draw "DRAFT" (pdf-lib writes text as hex, in compressed streams). */
    const stamps = async (bytes: Uint8Array) => {
      const parsed = await PDFDocument.load(bytes);
      let count = 0;
      for (const [, object] of parsed.context.enumerateIndirectObjects())
        if (object instanceof PDFRawStream) {
          const text = Buffer.from(decodePDFRawStream(object).decode()).toString('latin1');
          count += text.split(`<${draftHex}>`).length - 1;
        }
      return { count, pages: parsed.getPageCount() };
    };
    const { count, pages } = await stamps(stamped);
    expect(pages).toBeGreaterThan(1);
    // One banner, then one stamp per page; none on the unstamped document.
    expect(count).toBe(pages + 1);
    expect((await stamps(plain)).count).toBe(0);
  });

  it('maps typographic characters to ones the standard font can draw and drops the rest', () => {
    expect(pdfSafe('Pupils’ “best” – work… ≥ 90% 😀 £5')).toBe('Pupils\' "best" - work...  90%  £5');
  });
});
