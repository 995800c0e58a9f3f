/**
 * The freshmen workbook (早选苗: a database of the freshmen's basic facts): one sheet 新生名单 read with exceljs, every
 * row checked before anything is written, each problem named by sheet, row and column in Chinese, as the school
 * import (`npm run import`) does.
 */
import {
  ACTIVIST_LIMITS,
  FRESHMEN_COLUMNS,
  FRESHMEN_SHEET,
  POLITICAL_STATUS_LABELS,
} from '../../../typings/vocabulary';
import { addSheet, type Cell, type Problem, readSheet } from '../../workbook';
import type { FreshmanDoc } from './docs';

/** A row of the sheet: the facts of a stored freshman, with the row's number in the workbook. */
export type FreshmanRow = Omit<FreshmanDoc, '_id' | 'collegeId' | 'watch' | 'importedAt'> & { row: number };

function text(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  return String(c).normalize('NFC').trim();
}

const STUDENT_NO = /^[A-Za-z0-9]{4,20}$/;
const NAME = /^[\p{L}\p{M}]+(?:[· ][\p{L}\p{M}]+)*$/u;
const FIELD_MAX = 100;

/** Reads and checks every row; the rows only when there is no problem at all. */
export async function readFreshmen(content: Buffer): Promise<{ rows: FreshmanRow[]; problems: Problem[] }> {
  // Loaded on use only: the workbook library is large and most invocations never need it.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    return { rows: [], problems: [{ sheet: '', row: 0, column: '', message: '文件不是有效的 xlsx 工作簿' }] };
  }
  const ws = wb.getWorksheet(FRESHMEN_SHEET);
  if (!ws)
    return {
      rows: [],
      problems: [{ sheet: FRESHMEN_SHEET, row: 1, column: '', message: `缺少工作表「${FRESHMEN_SHEET}」` }],
    };
  const sheet = readSheet(ws, FRESHMEN_SHEET, FRESHMEN_COLUMNS);
  if (sheet.problems.length) return { rows: [], problems: sheet.problems };
  const problems: Problem[] = [];
  const rows: FreshmanRow[] = [];
  const seen = new Map<string, number>();
  for (const { row: n, cells } of sheet.rows) {
    const bad = (column: string, message: string) => problems.push({ sheet: FRESHMEN_SHEET, row: n, column, message });
    const studentNo = text(cells.学号).normalize('NFKC');
    const name = text(cells.姓名).replace(/[・•‧．･]/g, '·');
    if (!studentNo) bad('学号', '不能为空');
    else if (!STUDENT_NO.test(studentNo)) bad('学号', '应为 4–20 位字母或数字');
    else if (seen.has(studentNo)) bad('学号', `与第 ${seen.get(studentNo)} 行重复`);
    else seen.set(studentNo, n);
    if (!name) bad('姓名', '不能为空');
    else if (name.length < 2 || name.length > 30 || !NAME.test(name)) bad('姓名', '应为 2–30 个字，只含文字和间隔号 ·');
    const gender = text(cells.性别);
    if (gender && gender !== '男' && gender !== '女') bad('性别', '应为「男」或「女」');
    const yearText = text(cells.入学年份);
    let enrolYear: number | null = null;
    if (yearText) {
      enrolYear = /^\d{4}$/.test(yearText) ? Number(yearText) : null;
      if (enrolYear === null || enrolYear < 2000 || enrolYear > 2100) bad('入学年份', '应为四位年份，如 2026');
    }
    const status = text(cells.政治面貌);
    const statuses = Object.values(POLITICAL_STATUS_LABELS);
    if (status && !statuses.includes(status)) bad('政治面貌', `应为 ${statuses.join('、')} 之一`);
    const free: Record<string, string> = {};
    for (const col of ['班级', '生源地', '高中任职', '备注'] as const) {
      free[col] = text(cells[col]);
      if (free[col].length > FIELD_MAX) bad(col, `不超过 ${FIELD_MAX} 字`);
    }
    rows.push({
      row: n,
      studentNo,
      name,
      gender,
      className: free.班级,
      enrolYear,
      politicalStatus: status,
      origin: free.生源地,
      offices: free.高中任职,
      remark: free.备注,
    });
  }
  if (rows.length === 0 && problems.length === 0) {
    problems.push({ sheet: FRESHMEN_SHEET, row: 2, column: '', message: '没有任何新生记录' });
  }
  if (rows.length > ACTIVIST_LIMITS.freshmenRows) {
    problems.push({
      sheet: FRESHMEN_SHEET,
      row: rows[ACTIVIST_LIMITS.freshmenRows]!.row,
      column: '',
      message: `一次最多导入 ${ACTIVIST_LIMITS.freshmenRows} 名新生`,
    });
  }
  return problems.length ? { rows: [], problems } : { rows, problems };
}

/** Choice lists of the template's columns (what the import accepts). */
const LISTS: Record<string, string[]> = {
  性别: ['男', '女'],
  政治面貌: Object.values(POLITICAL_STATUS_LABELS),
};

const NOTES: Record<string, string> = {
  学号: '必填：4–20 位字母或数字，同一学院内不重复',
  姓名: '必填',
  入学年份: '四位年份，如 2026',
  高中任职: '如 班长、学生会主席',
};

/**
 * The freshmen workbook: its one sheet with the header row, notes and choice lists, and the given rows (the template
 * a college downloads, and test fixtures). It imports as it is.
 */
export async function freshmenWorkbook(rows: (string | number)[][] = []): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = '领雁 Lingyan';
  addSheet(wb, FRESHMEN_SHEET, FRESHMEN_COLUMNS, { notes: NOTES, lists: LISTS, rows });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
