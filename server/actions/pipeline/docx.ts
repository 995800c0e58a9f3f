/**
 * Renders a form of the dossier (forms.ts) as a Word document with the maintained `docx` library: A4, 宋体 for
 * Chinese text, the title centred, label/value tables, signature lines on the right. The library is loaded on first
 * use (like exceljs for the trainings report), so other actions' cold starts do not pay for it.
 */
import type { FormBlock, FormDocument } from './forms';

type Docx = typeof import('docx');

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
/** Half-points: 小四 body (12 pt), 三号 title (16 pt), 四号 headings (14 pt). */
const SIZE = { body: 24, title: 32, heading: 28 };

function cell(d: Docx, text: string, opts: { bold?: boolean; width?: number } = {}) {
  return new d.TableCell({
    width: opts.width ? { size: opts.width, type: d.WidthType.PERCENTAGE } : undefined,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: text
      .split('\n')
      .map((line) => new d.Paragraph({ children: [new d.TextRun({ text: line, bold: opts.bold, font: FONT })] })),
  });
}

function table(d: Docx, rows: string[][], opts: { header?: boolean; labelColumn?: boolean }) {
  return new d.Table({
    width: { size: 100, type: d.WidthType.PERCENTAGE },
    rows: rows.map(
      (row, i) =>
        new d.TableRow({
          tableHeader: opts.header && i === 0,
          children: row.map((text, j) =>
            cell(d, text, {
              bold: (opts.header && i === 0) || (opts.labelColumn && j === 0),
              width: opts.labelColumn ? (j === 0 ? 28 : 72) : undefined,
            }),
          ),
        }),
    ),
  });
}

function block(d: Docx, b: FormBlock): (InstanceType<Docx['Paragraph']> | InstanceType<Docx['Table']>)[] {
  switch (b.kind) {
    case 'heading':
      return [
        new d.Paragraph({
          spacing: { before: 240, after: 120 },
          children: [new d.TextRun({ text: b.text, bold: true, size: SIZE.heading, font: FONT })],
        }),
      ];
    case 'paragraph':
      return b.text.split('\n').map(
        (line) =>
          new d.Paragraph({
            spacing: { after: 120 },
            indent: { firstLine: 480 },
            children: [new d.TextRun({ text: line, font: FONT })],
          }),
      );
    case 'fields':
      return [table(d, b.rows, { labelColumn: true })];
    case 'table':
      return [table(d, [b.header, ...b.rows], { header: true })];
    case 'signature':
      return b.lines.map(
        (line, i) =>
          new d.Paragraph({
            alignment: d.AlignmentType.RIGHT,
            spacing: { before: i === 0 ? 360 : 120 },
            children: [new d.TextRun({ text: line, font: FONT })],
          }),
      );
  }
}

/** The form as a .docx file. */
export async function renderDocx(doc: FormDocument): Promise<Buffer> {
  const d: Docx = await import('docx');
  const document = new d.Document({
    creator: '领雁',
    title: doc.title,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 } } },
        children: [
          new d.Paragraph({
            alignment: d.AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [new d.TextRun({ text: doc.title, bold: true, size: SIZE.title, font: FONT })],
          }),
          new d.Paragraph({
            alignment: d.AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [new d.TextRun({ text: doc.subtitle, font: FONT })],
          }),
          ...doc.blocks.flatMap((b) => block(d, b)),
        ],
      },
    ],
  });
  return d.Packer.toBuffer(document);
}
