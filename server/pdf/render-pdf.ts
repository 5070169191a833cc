import { PDFDocument, StandardFonts, degrees, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * One renderer for every document Stride prints (notes of visit, letters, reports): domains build a
 * `PdfDocument` of plain blocks and never touch page geometry. A4, Helvetica, text wrapped to the margins.
 */
export type PdfBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  /** Label: value lines, e.g. School, URN, Date of visit. */
  | { kind: 'facts'; pairs: readonly (readonly [string, string])[] }
  | { kind: 'bullets'; items: readonly string[] }
  | {
      kind: 'table';
      columns: readonly string[];
      rows: readonly (readonly string[])[];
      widths?: readonly number[];
    };

export type PdfDocument = {
  title: string;
  /** Shown under the title: the workspace that issues the document. */
  issuer: string;
  blocks: readonly PdfBlock[];
  /** Small print at the foot of every page, e.g. "Agreed by the headteacher on 12 November 2026 (version 2)". */
  footer?: string;
  /** A logo drawn at the top right of the first page (PNG or JPEG bytes). */
  logo?: { data: Uint8Array; mimeType: 'image/png' | 'image/jpeg' };
  /**
   * A word stamped large and faint across every page, and as a banner above the title (a draft invoice:
   * "DRAFT"), so that no printed page can pass for the final document.
   */
  watermark?: string;
};

/** The logo's box at the top right of the first page, in points. */
const logoBox = { width: 150, height: 60 };

const A4: [number, number] = [595.28, 841.89];
const margin = 56;
const width = A4[0] - margin * 2;

/** The standard fonts cover Windows-1252 only: map the usual typographic characters and drop the rest. */
export function pdfSafe(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/\u00A0/g, ' ')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\n\x20-\x7E\u00A3\u00A9\u00B0\u00C0-\u00FF]/g, '');
}

function wrap(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of pdfSafe(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= maxWidth || !line) line = candidate;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

class Writer {
  private page!: PDFPage;
  private y = 0;
  constructor(
    private readonly pdf: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.newPage();
  }

  newPage() {
    this.page = this.pdf.addPage(A4);
    this.y = A4[1] - margin;
  }

  private ensure(height: number) {
    if (this.y - height < margin + 20) this.newPage();
  }

  text(
    text: string,
    options: { size?: number; bold?: boolean; x?: number; maxWidth?: number; gap?: number } = {},
  ) {
    const size = options.size ?? 10.5;
    const font = options.bold ? this.bold : this.regular;
    const x = options.x ?? margin;
    for (const line of wrap(text, font, size, options.maxWidth ?? width - (x - margin))) {
      this.ensure(size * 1.4);
      this.page.drawText(line, { x, y: this.y - size, size, font, color: rgb(0.1, 0.1, 0.12) });
      this.y -= size * 1.4;
    }
    this.y -= options.gap ?? 4;
  }

  space(points: number) {
    this.y -= points;
  }

  table(columns: readonly string[], rows: readonly (readonly string[])[], widths?: readonly number[]) {
    const shares = widths ?? columns.map(() => 1);
    const total = shares.reduce((a, b) => a + b, 0);
    const colWidths = shares.map((s) => (s / total) * width);
    const size = 9.5;
    const drawRow = (cells: readonly string[], font: PDFFont) => {
      const wrapped = cells.map((c, i) => wrap(c, font, size, (colWidths[i] ?? 0) - 6));
      const height = Math.max(...wrapped.map((w) => w.length)) * size * 1.35 + 4;
      this.ensure(height);
      let x = margin;
      wrapped.forEach((lines, i) => {
        lines.forEach((line, n) =>
          this.page.drawText(line, { x: x + 2, y: this.y - size - n * size * 1.35, size, font }),
        );
        x += colWidths[i] ?? 0;
      });
      this.y -= height;
      this.page.drawLine({
        start: { x: margin, y: this.y + 1 },
        end: { x: margin + width, y: this.y + 1 },
        thickness: 0.4,
        color: rgb(0.7, 0.7, 0.72),
      });
      this.y -= 2;
    };
    drawRow(columns, this.bold);
    for (const row of rows) drawRow(row, this.regular);
    this.y -= 6;
  }

  /** The watermark, diagonally across the middle of every page, behind nothing the reader needs. */
  watermarks(text: string) {
    const safe = pdfSafe(text);
    const size = 110;
    const textWidth = this.bold.widthOfTextAtSize(safe, size);
    const angle = 45;
    const rad = (angle * Math.PI) / 180;
    for (const page of this.pdf.getPages())
      page.drawText(safe, {
        x: A4[0] / 2 - (Math.cos(rad) * textWidth) / 2 + (Math.sin(rad) * size) / 2,
        y: A4[1] / 2 - (Math.sin(rad) * textWidth) / 2 - (Math.cos(rad) * size) / 2,
        size,
        font: this.bold,
        color: rgb(0.75, 0.1, 0.1),
        opacity: 0.15,
        rotate: degrees(angle),
      });
  }

  /** A bold red line above the title. */
  banner(text: string) {
    for (const line of wrap(text, this.bold, 13, width)) {
      this.page.drawText(line, {
        x: margin,
        y: this.y - 13,
        size: 13,
        font: this.bold,
        color: rgb(0.7, 0.05, 0.05),
      });
      this.y -= 13 * 1.4;
    }
    this.y -= 6;
  }

  footers(footer: string | undefined) {
    const pages = this.pdf.getPages();
    pages.forEach((page, i) => {
      const text = pdfSafe(`${footer ? `${footer}  ·  ` : ''}Page ${i + 1} of ${pages.length}`);
      page.drawText(text.replace('·', '-'), { x: margin, y: margin / 2, size: 8, font: this.regular });
    });
  }
}

export async function renderPdf(document: PdfDocument): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(pdfSafe(document.title));
  pdf.setAuthor(pdfSafe(document.issuer));
  pdf.setCreator('Stride');
  pdf.setLanguage('en-GB');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(pdf, regular, bold);
  if (document.logo) {
    const image =
      document.logo.mimeType === 'image/png'
        ? await pdf.embedPng(document.logo.data)
        : await pdf.embedJpg(document.logo.data);
    const scale = Math.min(logoBox.width / image.width, logoBox.height / image.height, 1);
    const [first] = pdf.getPages();
    first?.drawImage(image, {
      x: A4[0] - margin - image.width * scale,
      y: A4[1] - margin - image.height * scale,
      width: image.width * scale,
      height: image.height * scale,
    });
  }
  if (document.watermark) w.banner(document.watermark);
  w.text(document.issuer, { size: 9.5, maxWidth: document.logo ? width - logoBox.width - 12 : undefined });
  w.text(document.title, {
    size: 17,
    bold: true,
    gap: 10,
    maxWidth: document.logo ? width - logoBox.width - 12 : undefined,
  });
  // Clear the logo before the first block.
  if (document.logo) w.space(20);
  for (const block of document.blocks) {
    switch (block.kind) {
      case 'heading':
        w.space(6);
        w.text(block.text, { size: 12.5, bold: true });
        break;
      case 'paragraph':
        w.text(block.text || '-');
        break;
      case 'facts':
        for (const [label, value] of block.pairs) {
          w.text(`${label}: ${value || '-'}`, { gap: 1 });
        }
        w.space(6);
        break;
      case 'bullets':
        for (const item of block.items) w.text(`- ${item}`, { x: margin + 8, gap: 2 });
        w.space(4);
        break;
      case 'table':
        w.table(block.columns, block.rows, block.widths);
        break;
    }
  }
  if (document.watermark) w.watermarks(document.watermark);
  w.footers(document.footer);
  return pdf.save();
}
