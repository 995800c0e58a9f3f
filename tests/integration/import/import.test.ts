/**
 * `npm run import` for real: the template and an export of the demo school are written into a running emulator
 * through @cloudbase/node-sdk and the server's Store, audited, and a second import changes nothing. Every bad row is
 * reported with its sheet, row and column, and then nothing is written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { demoSchool } from '../../../emulator/demo/school';
import { runImport } from '../../../scripts/import';
import { expectOk, startTestEmulator, type TestEmulator } from '../support';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lingyan-import-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const NOW = () => new Date('2026-12-01T09:00:00+08:00');

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport(argv, {}, { out: (l) => out.push(l), err: (l) => err.push(l) }, NOW);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function counts(emu: TestEmulator) {
  const db = emu.server.db;
  return {
    units: await db.collection('units').count(),
    people: await db.collection('people').count(),
    audit: await db.collection('audit').count(),
  };
}

/** Where a change goes: a 1-based row, or the first row whose first column (编号 or 学号) holds this value. */
type At = number | string;
type Change = [sheet: string, at: At, column: string, value: unknown];

/** Edits cells of a workbook file. */
async function edit(file: string, out: string, changes: Change[]) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const [sheet, at, column, value] of changes) {
    const ws = wb.getWorksheet(sheet)!;
    let col = 0;
    ws.getRow(1).eachCell((c, n) => {
      if (c.value === column) col = n;
    });
    let row = typeof at === 'number' ? at : 0;
    if (typeof at === 'string') {
      ws.eachRow((r, n) => {
        if (!row && n > 1 && r.getCell(1).value === at) row = n;
      });
    }
    expect(row).toBeGreaterThan(1);
    ws.getRow(row).getCell(col).value = value as ExcelJS.CellValue;
  }
  await wb.xlsx.writeFile(out);
}

describe('into an empty environment', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ seed: false });
  });
  afterAll(() => emu.close());

  test('the template has the three sheets, one example row each and choice lists, and imports as it is', async () => {
    const file = path.join(dir, 'template.xlsx');
    expect((await run(['--template', file])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['组织', '人员', '职务']);
    for (const ws of wb.worksheets) expect(ws.actualRowCount).toBe(2);
    const kinds = wb.getWorksheet('组织')!.getCell('B2').dataValidation;
    expect(kinds.type).toBe('list');
    expect(kinds.formulae?.[0]).toContain('临时党支部');
    expect(wb.getWorksheet('人员')!.getCell('F3').dataValidation.formulae?.[0]).toContain('发展对象');
    expect(wb.getWorksheet('职务')!.getCell('B3').dataValidation.formulae?.[0]).toContain('支部书记');

    const res = await run([file, '--local', emu.url]);
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).toContain('组织：新增 1');
    expect(await counts(emu)).toEqual({ units: 1, people: 1, audit: 2 });
    const admin = await emu.server.db.collection('people').findOne({ _id: 'p_T0001' });
    expect(admin).toMatchObject({
      name: '王建国',
      openid: null,
      status: 'full_member',
      birthDate: '1986-03-12',
      memberOf: ['u_school'],
      reach: ['u_school'],
      positions: [
        { role: 'school_admin', unitId: 'u_school', unitScope: ['u_school'], start: '2026-09-01', end: null },
      ],
    });
    const entries = await emu.server.db.collection('audit').find({});
    expect(entries.map((e) => (e as { action?: string }).action).sort()).toEqual([
      'import.person.create',
      'import.unit.create',
    ]);

    const again = await run([file, '--local', emu.url]);
    expect(again.out).toContain('组织：新增 0，更新 0，不变 1；人员：新增 0，更新 0，不变 1');
    expect(await counts(emu)).toEqual({ units: 1, people: 1, audit: 2 });
  });
});

describe('the demo school', () => {
  let emu: TestEmulator;
  let exported: string;
  beforeAll(async () => {
    emu = await startTestEmulator();
    exported = path.join(dir, 'demo.xlsx');
    const res = await run(['--export', exported, '--local', emu.url]);
    expect(res.code).toBe(0);
  });
  afterAll(() => emu.close());

  test('exported to the workbook format, it imports back cleanly and changes nothing', async () => {
    const demo = demoSchool();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    expect(wb.getWorksheet('组织')!.actualRowCount).toBe(demo.units.length + 1);
    expect(wb.getWorksheet('人员')!.actualRowCount).toBe(demo.people.length + 1);
    expect(wb.getWorksheet('职务')!.actualRowCount).toBe(demo.people.reduce((n, p) => n + p.positions.length, 0) + 1);
    const before = await counts(emu);
    const res = await run([exported, '--local', emu.url]);
    expect(res.err).toBe('');
    expect(res.out).toContain(`组织：新增 0，更新 0，不变 ${demo.units.length}`);
    expect(res.out).toContain(`人员：新增 0，更新 0，不变 ${demo.people.length}`);
    expect(await counts(emu)).toEqual(before);
  });

  test('into an empty environment the export recreates the demo school exactly (ancestors, reach, positions)', async () => {
    const fresh = await startTestEmulator({ seed: false });
    try {
      const res = await run([exported, '--local', fresh.url]);
      expect(res.code).toBe(0);
      const demo = demoSchool();
      for (const u of demo.units) expect(await fresh.server.db.collection('units').findOne({ _id: u._id })).toEqual(u);
      for (const p of demo.people) {
        const got = (await fresh.server.db.collection('people').findOne<Record<string, unknown>>({ _id: p._id }))!;
        const { openid, positions, memberOf, reach, ...rest } = p;
        expect(got).toMatchObject({ ...rest, openid: null });
        expect([...(got.memberOf as string[])].sort()).toEqual([...memberOf].sort());
        expect([...(got.reach as string[])].sort()).toEqual([...reach].sort());
        for (const x of got.positions as { id: string }[]) expect(x.id).toMatch(/^pos_imp_/);
        expect((got.positions as unknown[]).map((x) => ({ ...(x as object), id: 'x' }))).toEqual(
          positions.map((x) => ({ ...x, id: 'x' })),
        );
      }
    } finally {
      await fresh.close();
    }
  });

  test('a changed row updates that person alone, keeps their WeChat binding and is audited', async () => {
    const changed = path.join(dir, 'changed.xlsx');
    // T0001 is the demo system administrator (王建国), bound to demo_admin.
    await edit(exported, changed, [['人员', 'T0001', '姓名', '王建民']]);
    const before = await counts(emu);
    const res = await run([changed, '--local', emu.url]);
    expect(res.out).toContain('人员：新增 0，更新 1');
    const person = await emu.server.db
      .collection('people')
      .findOne<{ name: string; openid: string }>({ _id: 'p_T0001' });
    expect(person).toMatchObject({ name: '王建民', openid: 'demo_admin' });
    expect(await counts(emu)).toEqual({ ...before, audit: before.audit + 1 });
    const last = await emu.server.db
      .collection('audit')
      .find<{ action: string; target: string; actorId: string | null }>({}, { sort: { seq: -1 }, limit: 1 });
    expect(last[0]).toMatchObject({ action: 'import.person.update', target: 'people/p_T0001', actorId: null });
    // The chain the actions keep still verifies with the import's entries in it.
    const verify = await emu.as<{ ok: boolean }>('admin', 'audit.verify', {});
    expect(verify).toMatchObject({ ok: true, data: { ok: true } });
  });

  test('a different birth date changes nothing and is reported by row; the committee corrects it in the app (A1)', async () => {
    // The first import that carries it sets it (the demo roster has none).
    const first = path.join(dir, 'birth-set.xlsx');
    await edit(exported, first, [['人员', '2022010101', '出生日期', '2004-03-05']]);
    expect((await run([first, '--local', emu.url])).code).toBe(0);
    const stored = await emu.server.db.collection('people').findOne<{ birthDate: string }>({ _id: 'p_2022010101' });
    expect(stored?.birthDate).toBe('2004-03-05');
    const changed = path.join(dir, 'birth.xlsx');
    const other = '2004-03-06';
    await edit(exported, changed, [
      ['人员', '2022010101', '出生日期', other],
      ['人员', 'T0001', '姓名', '王建华'],
    ]);
    const before = await counts(emu);
    const people = JSON.stringify(await emu.server.db.collection('people').find({}));
    const res = await run([changed, '--local', emu.url]);
    expect(res.code).toBe(1);
    expect(res.err).toContain('未写入任何数据');
    expect(res.err).toMatch(/「人员」第 \d+ 行「出生日期」：学号 2022010101（.+）已登记出生日期/);
    expect(await counts(emu)).toEqual(before);
    expect(JSON.stringify(await emu.server.db.collection('people').find({}))).toBe(people);
    // The committee corrects it, with its reason and audited; the workbook then imports with that row unchanged.
    expectOk(
      await emu.as('party_admin', 'pipeline.correctBirthDate', {
        personId: 'p_2022010101',
        birthDate: other,
        reason: '经核对身份证件，原登记有误',
      }),
    );
    const again = await run([changed, '--local', emu.url]);
    expect(again.code).toBe(0);
    expect(again.out).toContain('人员：新增 0，更新 1');
    const after = await emu.server.db.collection('people').findOne<{ birthDate: string }>({ _id: 'p_2022010101' });
    expect(after?.birthDate).toBe(other);
  });

  test("an office's export holds its own people and their positions, and imports as it is", async () => {
    const file = path.join(dir, 'info.xlsx');
    const res = await run(['--export', file, '--local', emu.url, '--unit', 'u_info']);
    expect(res.code).toBe(0);
    const demo = demoSchool();
    const mine = demo.people.filter((p) => p.reach.includes('u_info'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const numbers: string[] = [];
    wb.getWorksheet('人员')!.eachRow((r, n) => {
      if (n > 1) numbers.push(String(r.getCell(1).value));
    });
    expect(numbers.sort()).toEqual(mine.map((p) => p.studentNo).sort());
    expect(numbers).not.toContain('2022010101'); // 体育学院
    expect(wb.getWorksheet('职务')!.actualRowCount).toBe(mine.reduce((n, p) => n + p.positions.length, 0) + 1);
    expect((await run([file, '--check'])).code).toBe(0);
  });

  const bad: [string, Change[], RegExp][] = [
    [
      'a duplicate student number',
      [['人员', '2022010101', '学号', 'T0001']],
      /「人员」第 \d+ 行「学号」：学号「T0001」重复（第 \d+ 行已有）/,
    ],
    [
      'an unknown unit',
      [['人员', '2022010101', '团支部编号', 'u_nowhere']],
      /「人员」第 \d+ 行「团支部编号」：组织「u_nowhere」不存在/,
    ],
    [
      'a cycle in the tree',
      [['组织', 'u_party', '上级编号', 'u_sport']],
      /「组织」第 \d+ 行「上级编号」：组织关系成环：u_\w+ → u_\w+ → u_\w+/,
    ],
    [
      'a date that does not exist',
      [['职务', 'T0001', '任期开始', '2026-02-30']],
      /「职务」第 \d+ 行「任期开始」：日期「2026-02-30」不存在/,
    ],
    [
      'a status history out of order',
      [['人员', 'T0001', '面貌历程', '预备党员 2026-01-01；正式党员 2025-09-01']],
      /「人员」第 \d+ 行「面貌历程」：面貌历程顺序不对：正式党员（2025-09-01）早于前一项预备党员（2026-01-01）/,
    ],
    [
      'a position for someone ineligible by role and unit kind',
      [['职务', 'T0001', '职务', '支部书记']],
      /「职务」第 \d+ 行「职务」：支部书记不能在学校任职/,
    ],
  ];
  test.each(bad)('%s is reported with its place and nothing is written', async (_name, changes, message) => {
    const file = path.join(dir, `bad-${Math.random().toString(36).slice(2)}.xlsx`);
    await edit(exported, file, changes);
    const before = await counts(emu);
    const res = await run([file, '--local', emu.url]);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(message);
    expect(res.err).toContain('未写入任何数据');
    expect(await counts(emu)).toEqual(before);
  });

  test('every problem in a file is reported at once, not just the first', async () => {
    const file = path.join(dir, 'many.xlsx');
    await edit(exported, file, [
      ['人员', '2022010101', '出生日期', '2003-13-01'],
      ['人员', '2022010102', '团支部编号', 'u_gone'],
      ['职务', 'T0001', '组织编号', 'u_gone'],
    ]);
    const res = await run([file, '--check']);
    expect(res.code).toBe(1);
    expect(res.err).toContain('发现 3 个问题');
  });
});

test('without --local or credentials nothing is read or written and the message says why', async () => {
  const res = await run([path.join(dir, 'whatever.xlsx'), '--env', 'lingyan-4g2x9c0d1e']);
  expect(res.code).toBe(1);
  expect(res.err).toContain('TENCENTCLOUD_SECRETID');
});
