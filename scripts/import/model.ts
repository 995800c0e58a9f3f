/**
 * The school workbook: its sheets and columns, and the validation of every row before anything is written.
 * Pure (no SDK, no clock): rows in, either the units and people to write or every problem with its sheet, row and
 * column, in Chinese. Ancestors come from the demo's buildUnits, scopes and reach from the server's own functions.
 */
import { buildUnits } from '../../emulator/demo/school';
import { reachOf, scopeOf } from '../../server/actions/org/access';
import { personIdFor } from '../../server/actions/org/docs';
import { holderEligibility } from '../../server/domain/org/eligibility';
import { roleAllowedInUnit } from '../../server/domain/org/roles';
import type { Cell, Problem, SheetRow } from '../../server/workbook';
import {
  type Person,
  POLITICAL_STATUS_LABELS,
  POLITICAL_STATUSES,
  type PoliticalStatus,
  type Position,
  ROLE_LABELS,
  ROLES,
  type Role,
  type StatusChange,
  UNIT_KIND_LABELS,
  UNIT_KINDS,
  type Unit,
  type UnitKind,
} from '../../typings/domain';

export const SHEETS = {
  units: {
    name: '组织',
    columns: ['编号', '类型', '名称', '上级编号', '同时隶属'],
  },
  people: {
    name: '人员',
    columns: [
      '学号',
      '姓名',
      '学院编号',
      '团支部编号',
      '党支部编号',
      '政治面貌',
      '面貌历程',
      '出生日期',
      '其他所属组织',
    ],
  },
  positions: {
    name: '职务',
    columns: ['学号', '职务', '组织编号', '任期开始', '任期结束'],
  },
} as const;

export type { Cell, Problem } from '../../server/workbook';
export { problemText } from '../../server/workbook';
/** A sheet row: its number in the workbook (header is row 1) and its cells by column name. */
export type Row = SheetRow;
export interface Workbook {
  units: Row[];
  people: Row[];
  positions: Row[];
}

/** A person as the workbook describes them; merged onto the stored person (openid and other positions kept). */
export type ImportedPerson = Omit<Person, 'openid'> & { birthDate?: string };

export interface Validated {
  units: Unit[];
  people: ImportedPerson[];
  /** The workbook row of each person (by id), for problems found against what is stored. */
  personRows?: Record<string, number>;
}

/** Which kinds of unit a unit of each kind may sit under (its parent); the school alone has none. */
export const PARENT_KINDS: Record<UnitKind, readonly UnitKind[]> = {
  school: [],
  party_committee: ['school'],
  league_committee: ['school'],
  federation: ['league_committee', 'school'],
  college: ['party_committee', 'school'],
  party_branch: ['college', 'party_committee'],
  league_branch: ['college', 'league_committee'],
  association: ['federation'],
  temp_party_branch: ['association'],
  temp_league_branch: ['association'],
};

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const STUDENT_NO = /^[A-Za-z0-9]{2,32}$/;

function text(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) return isoDate(c);
  return String(c).trim();
}

function list(c: Cell | undefined): string[] {
  return text(c)
    .split(/[,，、;；\s]+/)
    .filter(Boolean);
}

function isoDate(d: Date): string {
  // Excel dates carry no zone; exceljs gives them at UTC midnight.
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/** YYYY-MM-DD (or YYYY/MM/DD, YYYY.MM.DD) of a day that exists; null if not. */
export function parseDate(c: Cell | undefined): string | null {
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? null : isoDate(c);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text(c));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return isoDate(date);
}

function byLabel<T extends string>(values: readonly T[], labels: Record<T, string>, c: Cell | undefined): T | null {
  const t = text(c);
  return values.find((v) => v === t || labels[v] === t) ?? null;
}

export const parseKind = (c: Cell | undefined) => byLabel(UNIT_KINDS, UNIT_KIND_LABELS, c);
export const parseStatus = (c: Cell | undefined) => byLabel(POLITICAL_STATUSES, POLITICAL_STATUS_LABELS, c);
export const parseRole = (c: Cell | undefined) => byLabel(ROLES, ROLE_LABELS, c);

/** "共青团员 2019-05-04；入党申请人 2022-03-01" → entries, or the first bad piece. */
function parseHistory(c: Cell | undefined): { ok: StatusChange[] } | { bad: string } {
  const out: StatusChange[] = [];
  for (const piece of text(c)
    .split(/[;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(\S+?)[\s:：@]+(\S+)$/.exec(piece);
    const status = m ? parseStatus(m[1]) : null;
    const since = m ? parseDate(m[2]) : null;
    if (!m || !status) return { bad: `「${piece}」不是「政治面貌 日期」` };
    if (!since) return { bad: `「${piece}」中的日期不存在` };
    out.push({ status, since });
  }
  return { ok: out };
}

export function historyText(h: StatusChange[]): string {
  return h.map((x) => `${POLITICAL_STATUS_LABELS[x.status]} ${x.since}`).join('；');
}

type UnitSpec = [id: string, kind: UnitKind, name: string, parent: string | null, alsoUnder?: string[]];

export function validate(wb: Workbook): { ok: true; value: Validated } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const U = SHEETS.units.name;
  const P = SHEETS.people.name;
  const J = SHEETS.positions.name;
  const add = (sheet: string, row: number, column: string, message: string) =>
    problems.push({ sheet, row, column, message });

  // Units
  const specs: UnitSpec[] = [];
  const unitRow = new Map<string, number>();
  for (const r of wb.units) {
    const id = text(r.cells.编号);
    const kind = parseKind(r.cells.类型);
    const name = text(r.cells.名称);
    const parent = text(r.cells.上级编号) || null;
    const also = list(r.cells.同时隶属);
    let ok = true;
    if (!ID.test(id)) {
      add(U, r.row, '编号', id ? `编号「${id}」只能含字母、数字、下划线和连字符` : '编号不能为空');
      ok = false;
    } else if (unitRow.has(id)) {
      add(U, r.row, '编号', `编号「${id}」重复（第 ${unitRow.get(id)} 行已有）`);
      ok = false;
    }
    if (!kind) {
      add(
        U,
        r.row,
        '类型',
        `类型「${text(r.cells.类型)}」不是可选的组织类型（${Object.values(UNIT_KIND_LABELS).join('、')}）`,
      );
      ok = false;
    }
    if (!name) {
      add(U, r.row, '名称', '名称不能为空');
      ok = false;
    }
    if (ok) {
      unitRow.set(id, r.row);
      specs.push([id, kind!, name, parent, also]);
    }
  }
  const kindOf = new Map(specs.map((s) => [s[0], s[1]]));
  let treeOk = true;
  for (const [id, kind, , parent, also = []] of specs) {
    const row = unitRow.get(id)!;
    if (parent === null) {
      if (kind !== 'school') {
        add(U, row, '上级编号', `只有学校没有上级，${UNIT_KIND_LABELS[kind]}须填写上级编号`);
        treeOk = false;
      }
    } else if (!kindOf.has(parent)) {
      add(U, row, '上级编号', `上级组织「${parent}」不存在`);
      treeOk = false;
    } else if (!PARENT_KINDS[kind].includes(kindOf.get(parent)!)) {
      add(
        U,
        row,
        '上级编号',
        `${UNIT_KIND_LABELS[kind]}不能隶属于${UNIT_KIND_LABELS[kindOf.get(parent)!]}` +
          (PARENT_KINDS[kind].length ? `（应为${PARENT_KINDS[kind].map((k) => UNIT_KIND_LABELS[k]).join('或')}）` : ''),
      );
    }
    for (const a of also) {
      if (!kindOf.has(a)) {
        add(U, row, '同时隶属', `组织「${a}」不存在`);
        treeOk = false;
      }
    }
  }
  if (specs.filter((s) => s[1] === 'school').length !== 1 && wb.units.length > 0) {
    add(U, wb.units[0].row, '类型', `须有且只有一个学校（现有 ${specs.filter((s) => s[1] === 'school').length} 个）`);
  }
  // A cycle through parents or "also under" would make a unit its own ancestor.
  if (treeOk) {
    const up = new Map(specs.map(([id, , , parent, also = []]) => [id, [...(parent ? [parent] : []), ...also]]));
    const state = new Map<string, 'open' | 'done'>();
    const reported = new Set<string>();
    const visit = (id: string, path: string[]) => {
      if (state.get(id) === 'done') return;
      if (state.get(id) === 'open') {
        const cycle = [...path.slice(path.indexOf(id)), id];
        const key = [...new Set(cycle)].sort().join(',');
        if (!reported.has(key)) {
          reported.add(key);
          add(U, unitRow.get(id)!, '上级编号', `组织关系成环：${cycle.join(' → ')}`);
        }
        treeOk = false;
        return;
      }
      state.set(id, 'open');
      for (const u of up.get(id) ?? []) visit(u, [...path, id]);
      state.set(id, 'done');
    };
    for (const [id] of specs) visit(id, []);
  }
  const units = treeOk ? buildUnits(specs) : [];
  const unitById = new Map(units.map((u) => [u._id, u]));
  const knownUnit = (id: string) => kindOf.has(id);

  // People
  const people: ImportedPerson[] = [];
  const personRow = new Map<string, number>();
  const statusOf = new Map<string, PoliticalStatus>();
  for (const r of wb.people) {
    const no = text(r.cells.学号);
    let ok = true;
    const bad = (column: string, message: string) => {
      add(P, r.row, column, message);
      ok = false;
    };
    if (!STUDENT_NO.test(no)) bad('学号', no ? `学号「${no}」只能含字母和数字` : '学号不能为空');
    else if (personRow.has(no)) bad('学号', `学号「${no}」重复（第 ${personRow.get(no)} 行已有）`);
    else personRow.set(no, r.row);
    const name = text(r.cells.姓名);
    if (!name) bad('姓名', '姓名不能为空');
    const unitCol = (column: string, kinds: readonly UnitKind[], required: boolean): string | null => {
      const id = text(r.cells[column]);
      if (!id) {
        if (required) bad(column, `${column}不能为空`);
        return null;
      }
      if (!knownUnit(id)) bad(column, `组织「${id}」不存在`);
      else if (!kinds.includes(kindOf.get(id)!)) {
        bad(
          column,
          `「${id}」是${UNIT_KIND_LABELS[kindOf.get(id)!]}，应为${kinds.map((k) => UNIT_KIND_LABELS[k]).join('或')}`,
        );
      }
      return id;
    };
    const collegeId = unitCol('学院编号', ['college', 'school'], true);
    const lb = unitCol('团支部编号', ['league_branch'], false);
    const pb = unitCol('党支部编号', ['party_branch'], false);
    // A home branch belongs to the person's own college (for staff whose college is the school, any branch does).
    for (const [column, id] of [
      ['团支部编号', lb],
      ['党支部编号', pb],
    ] as const) {
      const branch = id ? unitById.get(id) : undefined;
      if (branch && collegeId && unitById.has(collegeId) && !branch.ancestors.includes(collegeId)) {
        bad(column, `「${id}」不在学院「${collegeId}」之下`);
      }
    }
    const others = list(r.cells.其他所属组织);
    for (const o of others) if (!knownUnit(o)) bad('其他所属组织', `组织「${o}」不存在`);
    const status = parseStatus(r.cells.政治面貌);
    if (!status) {
      bad(
        '政治面貌',
        `「${text(r.cells.政治面貌)}」不是可选的政治面貌（${Object.values(POLITICAL_STATUS_LABELS).join('、')}）`,
      );
    }
    const birthRaw = text(r.cells.出生日期);
    const birthDate = birthRaw ? parseDate(r.cells.出生日期) : null;
    if (birthRaw && !birthDate) bad('出生日期', `日期「${birthRaw}」不存在`);
    const h = parseHistory(r.cells.面貌历程);
    let history: StatusChange[] = [];
    if ('bad' in h) bad('面貌历程', h.bad);
    else {
      history = h.ok;
      if (history.length === 0) bad('面貌历程', '请至少填写当前政治面貌及其日期，如「共青团员 2019-05-04」');
      for (let i = 1; i < history.length; i++) {
        if (history[i].since < history[i - 1].since) {
          bad(
            '面貌历程',
            `面貌历程顺序不对：${POLITICAL_STATUS_LABELS[history[i].status]}（${history[i].since}）早于前一项${POLITICAL_STATUS_LABELS[history[i - 1].status]}（${history[i - 1].since}）`,
          );
          break;
        }
      }
      const last = history[history.length - 1];
      if (last && status && last.status !== status) {
        bad(
          '面貌历程',
          `面貌历程的最后一项是${POLITICAL_STATUS_LABELS[last.status]}，与政治面貌「${POLITICAL_STATUS_LABELS[status]}」不一致`,
        );
      }
      if (birthDate && history[0] && history[0].since < birthDate) {
        bad('面貌历程', `面貌历程的日期 ${history[0].since} 早于出生日期 ${birthDate}`);
      }
    }
    if (ok && status) {
      statusOf.set(no, status);
      people.push({
        _id: personIdFor(no),
        name,
        studentNo: no,
        collegeId: collegeId!,
        homePartyBranchId: pb,
        homeLeagueBranchId: lb,
        status,
        statusHistory: history,
        memberOf: [...new Set([collegeId!, ...(pb ? [pb] : []), ...(lb ? [lb] : []), ...others])],
        reach: [],
        positions: [],
        ...(birthDate ? { birthDate } : {}),
      });
    }
  }

  // Positions
  const seen = new Map<string, number>();
  const positionsOf = new Map<string, Omit<Position, 'id'>[]>();
  for (const r of wb.positions) {
    const no = text(r.cells.学号);
    const role = parseRole(r.cells.职务);
    const unitId = text(r.cells.组织编号);
    let ok = true;
    const bad = (column: string, message: string) => {
      add(J, r.row, column, message);
      ok = false;
    };
    if (!personRow.has(no)) bad('学号', no ? `学号「${no}」不在「人员」表中` : '学号不能为空');
    if (!role) bad('职务', `「${text(r.cells.职务)}」不是可选的职务（${Object.values(ROLE_LABELS).join('、')}）`);
    if (!knownUnit(unitId)) bad('组织编号', unitId ? `组织「${unitId}」不存在` : '组织编号不能为空');
    else if (role && !roleAllowedInUnit(role, kindOf.get(unitId)!)) {
      bad('职务', `${ROLE_LABELS[role]}不能在${UNIT_KIND_LABELS[kindOf.get(unitId)!]}任职`);
    } else if (role) {
      // The same eligibility as positions.assign (A15, B1, D5): checked against the person as the 人员 sheet has them.
      const holder = people.find((p) => p.studentNo === no);
      const unit = unitById.get(unitId);
      const ineligible = holder && unit ? holderEligibility(role, unit, holder) : null;
      if (ineligible) bad('职务', ineligible.message);
    }
    const start = parseDate(r.cells.任期开始);
    if (!start)
      bad('任期开始', text(r.cells.任期开始) ? `日期「${text(r.cells.任期开始)}」不存在` : '任期开始不能为空');
    const endRaw = text(r.cells.任期结束);
    const end = endRaw ? parseDate(r.cells.任期结束) : null;
    if (endRaw && !end) bad('任期结束', `日期「${endRaw}」不存在`);
    if (start && end && end < start) bad('任期结束', `任期结束 ${end} 早于任期开始 ${start}`);
    const key = `${no}|${role}|${unitId}|${start}`;
    if (ok && seen.has(key)) bad('职务', `与第 ${seen.get(key)} 行重复`);
    if (ok && treeOk) {
      seen.set(key, r.row);
      const unit = unitById.get(unitId)!;
      const list0 = positionsOf.get(no) ?? [];
      list0.push({ role: role as Role, unitId, unitScope: scopeOf(unit), start: start!, end });
      positionsOf.set(no, list0);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  for (const p of people) {
    const held = positionsOf.get(p.studentNo) ?? [];
    p.positions = held.map((x) => ({ id: '', ...x }));
    p.memberOf = [...new Set([...p.memberOf, ...held.map((x) => x.unitId)])];
    p.reach = reachOf(p.memberOf.map((id) => unitById.get(id)!));
  }
  const personRows = Object.fromEntries(people.map((p) => [p._id, personRow.get(p.studentNo) ?? 0]));
  return { ok: true, value: { units, people, personRows } };
}

/** Rows of a workbook that says the same as these units and people (for export). */
export function toWorkbook(units: Unit[], people: (Person & { birthDate?: string | null })[]): Workbook {
  const row = (i: number, cells: Record<string, Cell>): Row => ({ row: i + 2, cells });
  return {
    units: units.map((u, i) =>
      row(i, {
        编号: u._id,
        类型: UNIT_KIND_LABELS[u.kind],
        名称: u.name,
        上级编号: u.parentId,
        同时隶属: u.alsoUnder.join(','),
      }),
    ),
    people: people.map((p, i) => {
      const home = new Set([p.collegeId, p.homePartyBranchId, p.homeLeagueBranchId]);
      const others = p.memberOf.filter((u) => !home.has(u));
      return row(i, {
        学号: p.studentNo,
        姓名: p.name,
        学院编号: p.collegeId,
        团支部编号: p.homeLeagueBranchId,
        党支部编号: p.homePartyBranchId,
        政治面貌: POLITICAL_STATUS_LABELS[p.status],
        面貌历程: historyText(p.statusHistory),
        出生日期: p.birthDate ?? null,
        其他所属组织: others.join(','),
      });
    }),
    positions: people
      .flatMap((p) => p.positions.map((x) => ({ p, x })))
      .map(({ p, x }, i) =>
        row(i, {
          学号: p.studentNo,
          职务: ROLE_LABELS[x.role],
          组织编号: x.unitId,
          任期开始: x.start,
          任期结束: x.end,
        }),
      ),
  };
}
