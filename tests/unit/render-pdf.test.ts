import { PDFDocument } from 'pdf-lib';
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

  it('maps typographic characters to ones the standard font can draw and drops the rest', () => {
    expect(pdfSafe('Pupils’ “best” – work… ≥ 90% 😀 £5')).toBe('Pupils\' "best" - work...  90%  £5');
  });
});
