/** Workbook validation without a database: the tree, the people and the positions, each problem by place. */
import { type Cell, parseDate, problemText, type Row, validate, type Workbook } from '../../../scripts/import/model';

const row = (n: number, cells: Record<string, Cell>): Row => ({ row: n, cells });
const unitRows = (specs: [string, string, string, string | null, string?][]) =>
  specs.map(([id, kind, name, parent, also], i) =>
    row(i + 2, { 编号: id, 类型: kind, 名称: name, 上级编号: parent, 同时隶属: also ?? null }),
  );
const SCHOOL = unitRows([
  ['c2', '学院', '二院', 'pc', 'lc'],
  ['lb2', '团支部', '二院团支部', 'c2'],
  ['s', '学校', '大学', null],
  ['pc', '党委', '党委', 's'],
  ['lc', '团委', '团委', 's'],
  ['fed', '社团联合会', '社联', 'lc'],
  ['c1', '学院', '一院', 'pc', 'lc'],
  ['pb1', '党支部', '一院党支部', 'c1'],
  ['lb1', '团支部', '一院团支部', 'c1'],
  ['as1', '学生社团', '棋社', 'fed', 'c1'],
  ['as1_tpb', '临时党支部', '棋社临时党支部', 'as1'],
]);
const person = (n: number, no: string, extra: Record<string, Cell> = {}): Row =>
  row(n, {
    学号: no,
    姓名: '张三',
    学院编号: 'c1',
    团支部编号: 'lb1',
    党支部编号: null,
    政治面貌: '共青团员',
    面貌历程: '共青团员 2019-05-04',
    出生日期: '2005-01-02',
    其他所属组织: 'as1',
    ...extra,
  });
const wb = (w: Partial<Workbook>): Workbook => ({ units: SCHOOL, people: [], positions: [], ...w });
const problems = (w: Partial<Workbook>) => {
  const r = validate(wb(w));
  return r.ok ? [] : r.problems.map(problemText);
};

test('a well-formed school gives units with ancestors through parents and "also under", and people with reach', () => {
  const r = validate(
    wb({
      people: [person(2, '2023001')],
      positions: [row(2, { 学号: '2023001', 职务: '骨干', 组织编号: 'as1', 任期开始: '2026-09-01', 任期结束: null })],
    }),
  );
  if (!r.ok) throw new Error(r.problems.map(problemText).join('\n'));
  const as1 = r.value.units.find((u) => u._id === 'as1')!;
  expect(as1.ancestors).toEqual(['fed', 'lc', 's', 'c1', 'pc']);
  const p = r.value.people[0];
  expect(p).toMatchObject({ _id: 'p_2023001', memberOf: ['c1', 'lb1', 'as1'], birthDate: '2005-01-02' });
  expect(p.reach).toEqual(expect.arrayContaining(['c1', 'pc', 's', 'lc', 'lb1', 'as1', 'fed']));
  expect(p.positions[0]).toMatchObject({ role: 'backbone', unitScope: ['as1', 'fed', 'lc', 's', 'c1', 'pc'] });
});

test('a cycle through "also under" is found, not only through parents', () => {
  const units = SCHOOL.map((r) => (r.cells.编号 === 'c1' ? row(r.row, { ...r.cells, 同时隶属: 'as1_tpb' }) : r));
  expect(problems({ units }).join('\n')).toMatch(/「组织」第 \d 行「上级编号」：组织关系成环：/);
});

test('a unit under the wrong kind of parent, an unknown kind and a second school are reported', () => {
  const units = [
    ...SCHOOL,
    ...unitRows([
      ['x', '团支部', '挂错', 'as1'],
      ['y', '研究会', '未知类型', 's'],
      ['s2', '学校', '第二所', null],
    ]).map((r, i) => ({ ...r, row: 13 + i })),
  ];
  const text = problems({ units }).join('\n');
  expect(text).toContain('「组织」第 13 行「上级编号」：团支部不能隶属于学生社团（应为学院或团委）');
  expect(text).toContain('「组织」第 14 行「类型」：类型「研究会」不是可选的组织类型');
  expect(text).toContain('须有且只有一个学校（现有 2 个）');
});

test('a home branch of the wrong kind, a history before birth and a mismatched status are reported', () => {
  const text = problems({
    people: [
      person(2, '2023001', { 团支部编号: 'pb1' }),
      person(3, '2023002', { 面貌历程: '共青团员 2001-05-04' }),
      person(4, '2023003', { 政治面貌: '入党积极分子' }),
      person(5, '2023004', { 团支部编号: 'lb2' }),
    ],
  }).join('\n');
  expect(text).toContain('「人员」第 2 行「团支部编号」：「pb1」是党支部，应为团支部');
  expect(text).toContain('「人员」第 3 行「面貌历程」：面貌历程的日期 2001-05-04 早于出生日期 2005-01-02');
  expect(text).toContain('「人员」第 4 行「面貌历程」：面貌历程的最后一项是共青团员，与政治面貌「入党积极分子」不一致');
  expect(text).toContain('「人员」第 5 行「团支部编号」：「lb2」不在学院「c1」之下');
});

test('a term that ends before it starts, an unknown person and a repeated term are reported', () => {
  const pos = (n: number, no: string, start: string, end: string | null) =>
    row(n, { 学号: no, 职务: '社团负责人', 组织编号: 'as1', 任期开始: start, 任期结束: end });
  const text = problems({
    people: [person(2, '2023001')],
    positions: [
      pos(2, '2023001', '2026-09-01', '2026-08-01'),
      pos(3, '2099999', '2026-09-01', null),
      pos(4, '2023001', '2025-09-01', null),
      pos(5, '2023001', '2025-09-01', null),
    ],
  }).join('\n');
  expect(text).toContain('「职务」第 2 行「任期结束」：任期结束 2026-08-01 早于任期开始 2026-09-01');
  expect(text).toContain('「职务」第 3 行「学号」：学号「2099999」不在「人员」表中');
  expect(text).toContain('「职务」第 5 行「职务」：与第 4 行重复');
});

test('a position for someone the rules do not let hold it is reported, as positions.assign refuses it', () => {
  const text = problems({
    people: [person(2, '2023001')],
    positions: [
      // A League member is not a formal member of 一院党支部 (A15).
      row(2, { 学号: '2023001', 职务: '支部书记', 组织编号: 'pb1', 任期开始: '2026-09-01', 任期结束: null }),
    ],
  }).join('\n');
  expect(text).toContain('「职务」第 2 行「职务」：党支部书记、委员须为本支部的正式党员');
});

test('dates: days that exist in the usual spellings and Excel date cells; 29 February only in leap years', () => {
  expect(parseDate('2024-02-29')).toBe('2024-02-29');
  expect(parseDate('2023-02-29')).toBeNull();
  expect(parseDate('2026/9/1')).toBe('2026-09-01');
  expect(parseDate('2026年9月1日')).toBe('2026-09-01');
  expect(parseDate(new Date(Date.UTC(2026, 8, 1)))).toBe('2026-09-01');
  expect(parseDate('2026-04-31')).toBeNull();
  expect(parseDate('明天')).toBeNull();
});
