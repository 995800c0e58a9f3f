/**
 * Workbooks a school fills in (the school import's 组织/人员/职务, a college's 新生名单): reading a sheet's rows by
 * column name with every problem named by sheet, row and column in Chinese, and writing a template sheet with its
 * notes and choice lists. Types only from exceljs: the caller creates the workbook (the api function loads the
 * library on use, it is external to its bundle), so this module costs nothing to load.
 */
import type { CellValue, Workbook as ExcelWorkbook, Worksheet } from 'exceljs';

/** One cell value as read from the workbook (exceljs gives strings, numbers, dates, or rich objects). */
export type Cell = string | number | Date | null;

/** A sheet row: its number in the workbook (header is row 1) and its cells by column name. */
export interface SheetRow {
  row: number;
  cells: Record<string, Cell>;
}

export interface Problem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export function problemText(p: Problem): string {
  return `「${p.sheet}」第 ${p.row} 行「${p.column}」：${p.message}`;
}

/** A cell's value: strings, numbers and dates as they are, rich text joined, a formula as its result. */
export function cellValue(v: CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return String(v);
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
  if ('result' in o) return cellValue(o.result as CellValue);
  if (typeof o.text === 'string') return o.text;
  return String(v);
}

const blank = (v: Cell): boolean => v === null || String(v).trim() === '';

/**
 * The rows of a sheet below its header, by the header's column names, blank rows left out; a problem for each of
 * `columns` the header lacks (the rows are read all the same: the caller decides whether to go on).
 */
export function readSheet(
  ws: Worksheet,
  sheet: string,
  columns: readonly string[],
): { rows: SheetRow[]; problems: Problem[] } {
  const header = new Map<number, string>();
  ws.getRow(1).eachCell((c, col) => {
    header.set(
      col,
      String(cellValue(c.value) ?? '')
        .normalize('NFC')
        .trim(),
    );
  });
  const present = new Set(header.values());
  const problems: Problem[] = columns
    .filter((c) => !present.has(c))
    .map((c) => ({ sheet, row: 1, column: c, message: `缺少列「${c}」` }));
  const rows: SheetRow[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const cells: Record<string, Cell> = {};
    let any = false;
    r.eachCell((c, col) => {
      const h = header.get(col);
      if (!h) return;
      const v = cellValue(c.value);
      cells[h] = v;
      if (!blank(v)) any = true;
    });
    if (any) rows.push({ row: n, cells });
  });
  return { rows, problems };
}

/** What a template sheet holds besides its columns: a note on a header cell, a choice list on a column. */
export interface SheetTemplate {
  notes?: Record<string, string>;
  lists?: Record<string, string[]>;
  /** The rows below the header, one value per column in the columns' order. */
  rows?: Cell[][];
}

/**
 * Adds a sheet to `wb`: the header row (bold, frozen, with its notes), the rows, and each choice list as a drop-down
 * on its column for the rows given and a few hundred more.
 */
export function addSheet(
  wb: ExcelWorkbook,
  name: string,
  columns: readonly string[],
  { notes = {}, lists = {}, rows = [] }: SheetTemplate,
): Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c, key: c, width: Math.max(12, c.length * 4) }));
  ws.getRow(1).font = { bold: true };
  columns.forEach((c, i) => {
    if (notes[c]) ws.getRow(1).getCell(i + 1).note = notes[c];
  });
  for (const r of rows) ws.addRow(r);
  for (const [column, values] of Object.entries(lists)) {
    const letter = ws.getColumn(columns.indexOf(column) + 1).letter;
    for (let n = 2; n <= Math.max(500, rows.length + 100); n++) {
      ws.getCell(`${letter}${n}`).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [`"${values.join(',')}"`],
        showErrorMessage: true,
        errorTitle: '请从列表中选择',
        error: `可选：${values.join('、')}`,
      };
    }
  }
  return ws;
}
