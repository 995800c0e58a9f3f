/** Reading and writing the school workbook with exceljs: the template, an export, and the rows of an import. */
import ExcelJS from 'exceljs';
import { addSheet, type Problem, readSheet } from '../../server/workbook';
import { POLITICAL_STATUS_LABELS, ROLE_LABELS, UNIT_KIND_LABELS } from '../../typings/domain';
import { SHEETS, type Workbook } from './model';

type SheetKey = keyof typeof SHEETS;
const KEYS: SheetKey[] = ['units', 'people', 'positions'];

export async function readWorkbook(file: string): Promise<{ workbook: Workbook; problems: Problem[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Workbook = { units: [], people: [], positions: [] };
  const problems: Problem[] = [];
  for (const key of KEYS) {
    const { name, columns } = SHEETS[key];
    const ws = wb.getWorksheet(name);
    if (!ws) {
      problems.push({ sheet: name, row: 1, column: '', message: `缺少工作表「${name}」` });
      continue;
    }
    const sheet = readSheet(ws, name, columns);
    problems.push(...sheet.problems);
    out[key] = sheet.rows;
  }
  return { workbook: out, problems };
}

const LISTS: Partial<Record<SheetKey, Record<string, string[]>>> = {
  units: { 类型: Object.values(UNIT_KIND_LABELS) },
  people: { 政治面貌: Object.values(POLITICAL_STATUS_LABELS) },
  positions: { 职务: Object.values(ROLE_LABELS) },
};

const NOTES: Record<string, string> = {
  编号: '组织的唯一编号：字母、数字、下划线，如 u_info',
  上级编号: '学校留空；其余填上级组织的编号',
  同时隶属: '另外挂靠的组织编号，逗号分隔（如社团的业务指导学院、学院的团委）',
  学院编号: '所在学院的编号（教职工可填学校编号）',
  面貌历程: '每次变化「政治面貌 日期」，用；分隔，按时间先后，最后一项即当前面貌',
  其他所属组织: '社团及其临时党团支部等的编号，逗号分隔',
  任期结束: '在任留空',
};

/** Writes a workbook with the three sheets, their headers, notes, the choice lists, and the given rows. */
export async function writeWorkbook(file: string, data: Workbook): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '领雁 Lingyan';
  for (const key of KEYS) {
    const { name, columns } = SHEETS[key];
    const rows = data[key].map((r) => columns.map((c) => r.cells[c] ?? null));
    addSheet(wb, name, columns, { notes: NOTES, lists: LISTS[key], rows });
  }
  await wb.xlsx.writeFile(file);
}

/** One example row per sheet: a school, its administrator, and their position. It imports as it is. */
export const TEMPLATE: Workbook = {
  units: [{ row: 2, cells: { 编号: 'u_school', 类型: '学校', 名称: '示范大学', 上级编号: null, 同时隶属: null } }],
  people: [
    {
      row: 2,
      cells: {
        学号: 'T0001',
        姓名: '王建国',
        学院编号: 'u_school',
        团支部编号: null,
        党支部编号: null,
        政治面貌: '正式党员',
        面貌历程: '共青团员 2001-05-04；预备党员 2007-06-20；正式党员 2008-06-20',
        出生日期: '1986-03-12',
        其他所属组织: null,
      },
    },
  ],
  positions: [
    {
      row: 2,
      cells: { 学号: 'T0001', 职务: '系统管理员', 组织编号: 'u_school', 任期开始: '2026-09-01', 任期结束: null },
    },
  ],
};
