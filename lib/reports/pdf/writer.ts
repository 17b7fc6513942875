// A small typesetter over pdfkit: headings that feed a table of contents and
// the PDF outline, paragraphs, lists and tables that break across pages with
// their header repeated. Built-in Helvetica only, so nothing is embedded.
import PDFDocument from 'pdfkit';

export const FONT = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
export const ITALIC = 'Helvetica-Oblique';

export interface TocEntry {
  title: string;
  level: 1 | 2;
  /** 0-based page index. */
  page: number;
  destination: string;
}

export interface Column {
  header: string;
  /** Share of the text width, 0..1. */
  width: number;
  align?: 'left' | 'right';
}

/** Standard PDF fonts use WinAnsi: map the few characters it lacks. */
export function pdfText(text: string): string {
  return text
    .replace(/\u2212/g, '-')
    .replace(/[\u2009\u202f]/g, ' ')
    .replace(/\u2082/g, '2');
}

export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly toc: TocEntry[] = [];
  private destinations = 0;

  constructor(info: { title: string; author: string; subject: string; date: Date }) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 64, bottom: 64, left: 56, right: 56 },
      bufferPages: true,
      pdfVersion: '1.7',
      lang: 'en-GB',
      displayTitle: true,
      info: {
        Title: info.title,
        Author: info.author,
        Subject: info.subject,
        Creator: 'GreenOps',
        Producer: 'GreenOps (PDFKit)',
        CreationDate: info.date,
        ModDate: info.date,
      },
    });
  }

  get left() {
    return this.doc.page.margins.left;
  }

  get top() {
    return this.doc.page.margins.top;
  }

  get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  get pageIndex() {
    const range = this.doc.bufferedPageRange();

    return range.start + range.count - 1;
  }

  newPage() {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.top;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number) {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  heading(title: string, level: 1 | 2 = 1) {
    if (level === 1 && this.doc.y > this.top + 1) this.newPage();
    else this.ensure(level === 1 ? 80 : 60);
    const destination = `section-${++this.destinations}`;
    this.doc.addNamedDestination(destination);
    this.toc.push({ title, level, page: this.pageIndex, destination });
    if (level === 1) this.doc.outline.addItem(title);
    this.doc
      .font(BOLD)
      .fontSize(level === 1 ? 17 : 12.5)
      .fillColor('black')
      .text(pdfText(title), this.left, this.doc.y, { width: this.width });
    this.doc.moveDown(level === 1 ? 0.6 : 0.3);
  }

  paragraph(text: string, options: { font?: string; size?: number; gap?: number } = {}) {
    this.doc
      .font(options.font ?? FONT)
      .fontSize(options.size ?? 10)
      .fillColor('black');
    this.ensure(this.doc.heightOfString(pdfText(text), { width: this.width }));
    this.doc.text(pdfText(text), this.left, this.doc.y, { width: this.width, lineGap: 1.5 });
    this.doc.moveDown(options.gap ?? 0.5);
  }

  bullets(items: string[]) {
    this.doc.font(FONT).fontSize(10).fillColor('black');
    for (const item of items) {
      const text = pdfText(item);
      const height = this.doc.heightOfString(text, { width: this.width - 14 });
      this.ensure(height + 4);
      const y = this.doc.y;
      this.doc.text('-', this.left + 2, y, { lineBreak: false });
      this.doc.text(text, this.left + 14, y, { width: this.width - 14, lineGap: 1.5 });
      this.doc.moveDown(0.25);
    }
    this.doc.moveDown(0.3);
  }

  table(
    columns: Column[],
    rows: string[][],
    options: { boldLastRow?: boolean; size?: number } = {},
  ) {
    const doc = this.doc;
    const size = options.size ?? 8.5;
    const pad = 3.5;
    const widths = columns.map((c) => c.width * this.width);
    const heightOf = (cells: string[], font: string) => {
      doc.font(font).fontSize(size);

      return (
        Math.max(
          ...cells.map((cell, i) =>
            doc.heightOfString(pdfText(cell), { width: (widths[i] ?? 0) - 2 * pad }),
          ),
        ) +
        2 * pad
      );
    };
    const drawRow = (
      cells: string[],
      y: number,
      height: number,
      font: string,
      fill: string | null,
    ) => {
      if (fill) doc.rect(this.left, y, this.width, height).fill(fill);
      doc.font(font).fontSize(size).fillColor('black');
      let x = this.left;
      cells.forEach((cell, i) => {
        const width = widths[i] ?? 0;
        doc.text(pdfText(cell), x + pad, y + pad, {
          width: width - 2 * pad,
          align: columns[i]?.align ?? 'left',
        });
        x += width;
      });
      doc
        .moveTo(this.left, y + height)
        .lineTo(this.left + this.width, y + height)
        .lineWidth(0.4)
        .strokeColor('#777')
        .stroke();
    };
    const headers = columns.map((c) => c.header);
    const headerHeight = heightOf(headers, BOLD);
    const drawHeader = () => {
      const y = doc.y;
      drawRow(headers, y, headerHeight, BOLD, '#d9d9d9');
      doc.y = y + headerHeight;
    };

    this.ensure(headerHeight + heightOf(rows[0] ?? headers, FONT));
    drawHeader();
    rows.forEach((cells, index) => {
      const font = options.boldLastRow && index === rows.length - 1 ? BOLD : FONT;
      const height = heightOf(cells, font);
      if (doc.y + height > this.bottom) {
        this.newPage();
        drawHeader();
      }
      const y = doc.y;
      drawRow(cells, y, height, font, index % 2 === 1 ? '#f2f2f2' : null);
      doc.y = y + height;
    });
    doc.x = this.left;
    doc.moveDown(0.8);
  }

  /** Fills the reserved contents page once every heading is placed. */
  writeContents(pageIndex: number) {
    const doc = this.doc;
    doc.switchToPage(pageIndex);
    doc.x = this.left;
    doc.y = this.top;
    doc.font(BOLD).fontSize(17).fillColor('black').text('Contents', this.left, this.top);
    doc.moveDown(0.8);
    for (const entry of this.toc) {
      const indent = entry.level === 1 ? 0 : 16;
      const page = String(entry.page + 1);
      doc.font(entry.level === 1 ? BOLD : FONT).fontSize(entry.level === 1 ? 11 : 10);
      const y = doc.y;
      const title = pdfText(entry.title);
      const titleWidth = doc.widthOfString(title);
      const pageWidth = doc.widthOfString(page);
      const dotsWidth = this.width - indent - titleWidth - pageWidth - 8;
      const dots = dotsWidth > 0 ? '.'.repeat(Math.floor(dotsWidth / doc.widthOfString('.'))) : '';
      doc.text(title, this.left + indent, y, { lineBreak: false, goTo: entry.destination });
      doc
        .fillColor('#888')
        .text(dots, this.left + indent + titleWidth + 4, y, { lineBreak: false });
      doc
        .fillColor('black')
        .text(page, this.left, y, { width: this.width, align: 'right', lineBreak: false });
      doc.y = y + (entry.level === 1 ? 18 : 15);
    }
  }

  /** Running header and "Page n of N" footer on every page. */
  writePageFurniture(footer: string, banner: string | null) {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const margins = { ...doc.page.margins };
      doc.page.margins.bottom = 0;
      doc.page.margins.top = 0;
      if (banner) {
        doc.rect(this.left, 22, this.width, 20).lineWidth(1).strokeColor('black').stroke();
        doc.font(BOLD).fontSize(9).fillColor('black');
        doc.text(pdfText(banner), this.left, 28, {
          width: this.width,
          align: 'center',
          lineBreak: false,
        });
      }
      doc.font(FONT).fontSize(8).fillColor('#333');
      doc.text(
        pdfText(`${footer}  |  Page ${i + 1 - range.start} of ${range.count}`),
        this.left,
        doc.page.height - 40,
        { width: this.width, align: 'center', lineBreak: false },
      );
      doc.page.margins.bottom = margins.bottom;
      doc.page.margins.top = margins.top;
    }
  }

  finish(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.doc.end();

    return done;
  }
}
