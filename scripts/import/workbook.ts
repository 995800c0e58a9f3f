/** Reading and writing the school workbook with exceljs: the template, an export, and the rows of an import. */
import ExcelJS from 'exceljs';
import { POLITICAL_STATUS_LABELS, ROLE_LABELS, UNIT_KIND_LABELS } from '../../typings/domain';
import { type Cell, type Problem, type Row, SHEETS, type Workbook } from './model';

type SheetKey = keyof typeof SHEETS;
const KEYS: SheetKey[] = ['units', 'people', 'positions'];

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return String(v);
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
  if ('result' in o) return cellValue(o.result as ExcelJS.CellValue);
  if (typeof o.text === 'string') return o.text;
  return String(v);
}

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
    const header = new Map<number, string>();
    ws.getRow(1).eachCell((c, col) => {
      header.set(col, String(cellValue(c.value) ?? '').trim());
    });
    const present = new Set(header.values());
    for (const c of columns) {
      if (!present.has(c)) problems.push({ sheet: name, row: 1, column: c, message: `缺少列「${c}」` });
    }
    ws.eachRow((r, n) => {
      if (n === 1) return;
      const cells: Record<string, Cell> = {};
      let any = false;
      r.eachCell((c, col) => {
        const h = header.get(col);
        if (!h) return;
        const v = cellValue(c.value);
        cells[h] = v;
        if (v !== null && String(v).trim() !== '') any = true;
      });
      if (any) out[key].push({ row: n, cells } as Row);
    });
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
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map((c) => ({ header: c, key: c, width: Math.max(12, c.length * 4) }));
    ws.getRow(1).font = { bold: true };
    columns.forEach((c, i) => {
      if (NOTES[c]) ws.getRow(1).getCell(i + 1).note = NOTES[c];
    });
    for (const r of data[key]) {
      ws.addRow(columns.map((c) => r.cells[c] ?? null));
    }
    for (const [column, values] of Object.entries(LISTS[key] ?? {})) {
      const letter = ws.getColumn(columns.indexOf(column as never) + 1).letter;
      for (let n = 2; n <= Math.max(500, data[key].length + 100); n++) {
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
