/**
 * Early identification (四早, S5) through the api function: a college imports its freshmen from a workbook (every row
 * checked, problems by sheet, row and column, nothing written unless all pass), marks students to watch with the
 * reason, and names its "first lesson", whose attendance the list shows.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FreshmanView, Page } from '../../../typings/actions';
import { expectOk, startTestEmulator, type TestEmulator } from '../support';
import { refused, seedTraining } from './support';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock('2026-10-08T09:00:00+08:00');
});
afterAll(() => emu.close());

const HEADER = ['学号', '姓名', '性别', '班级', '入学年份', '政治面貌', '生源地', '高中任职', '备注'];

/** Puts a workbook where the mini-program's upload would (the emulator's storage) and returns its fileID. */
async function upload(name: string, rows: (string | number)[][], header = HEADER, sheet = '新生名单'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  const file = path.join(emu.dataDir, 'storage', 'imports', name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return `cloud://local.bucket/imports/${name}`;
}

const GOOD: (string | number)[][] = [
  ['2026010101', '李明', '男', '体育教育2026级1班', 2026, '共青团员', '福建厦门', '高中学生会主席', ''],
  ['2026010102', '王芳', '女', '体育教育2026级1班', 2026, '共青团员', '福建泉州', '', ''],
  // 蒋文博's number: a freshman who is already bound in the app (attendance is matched by student number).
  ['2023010108', '蒋文博', '男', '运动训练2026级1班', 2026, '共青团员', '福建福州', '班长', '转专业'],
];

describe('importing a college’s freshmen', () => {
  it('hands out a template that imports as it is (after its example row is checked)', async () => {
    const t = expectOk(await emu.call('sport_officer', 'freshmen.template', { collegeId: 'u_sport' }));
    expect(t.fileName).toBe('领雁-新生名单模板.xlsx');
    const checked = expectOk(
      await emu.call('sport_officer', 'freshmen.import', { collegeId: 'u_sport', fileID: t.fileID, check: true }),
    );
    expect(checked).toEqual({ checked: 1, written: 0, problems: [] });
    await refused(emu, 'info_officer', 'freshmen.template', { collegeId: 'u_sport' }, 'OUT_OF_SCOPE');
  });

  it('names every problem by sheet, row and column and writes nothing', async () => {
    const fileID = await upload('bad.xlsx', [
      ['2026010101', '李明', '男', '体育教育2026级1班', 2026, '共青团员', '', '', ''],
      ['2026010101', '王芳', '女', '', 2026, '', '', '', ''],
      ['20-26', '', '未知', '', 26, '少先队员', '', '', ''],
    ]);
    const checked = expectOk(
      await emu.call('sport_officer', 'freshmen.import', { collegeId: 'u_sport', fileID, check: true }),
    );
    expect(checked.written).toBe(0);
    expect(checked.problems.map((p) => `${p.sheet}/${p.row}/${p.column}`)).toEqual([
      '新生名单/3/学号',
      '新生名单/4/学号',
      '新生名单/4/姓名',
      '新生名单/4/性别',
      '新生名单/4/入学年份',
      '新生名单/4/政治面貌',
    ]);
    expect(checked.problems[0]!.message).toBe('与第 2 行重复');
    const res = await refused(
      emu,
      'sport_officer',
      'freshmen.import',
      { collegeId: 'u_sport', fileID },
      'FRESHMEN_IMPORT_INVALID',
    );
    expect(res.ok ? '' : res.error.fields?.problems).toContain('「新生名单」第 3 行「学号」：与第 2 行重复');
  });

  it('refuses a workbook without the sheet or a column', async () => {
    const noSheet = await upload('nosheet.xlsx', GOOD, HEADER, 'Sheet1');
    const r1 = expectOk(
      await emu.call('sport_officer', 'freshmen.import', { collegeId: 'u_sport', fileID: noSheet, check: true }),
    );
    expect(r1.problems[0]!.message).toBe('缺少工作表「新生名单」');
    const noColumn = await upload('nocol.xlsx', [['2026010101', '李明']], ['学号', '姓名']);
    const r2 = expectOk(
      await emu.call('sport_officer', 'freshmen.import', { collegeId: 'u_sport', fileID: noColumn, check: true }),
    );
    expect(r2.problems.map((p) => p.column)).toContain('政治面貌');
  });

  it('refuses another college’s officer, and a party branch secretary at the gate', async () => {
    const fileID = await upload('good.xlsx', GOOD);
    await refused(emu, 'info_officer', 'freshmen.import', { collegeId: 'u_sport', fileID }, 'OUT_OF_SCOPE');
    await refused(emu, 'sport_pb_sec', 'freshmen.import', { collegeId: 'u_sport', fileID }, 'FORBIDDEN');
  });

  it('writes every row of a clean workbook, audited', async () => {
    const fileID = await upload('good.xlsx', GOOD);
    const audit = await emu.server.db.collection('audit').count();
    const r = expectOk(await emu.call('sport_officer', 'freshmen.import', { collegeId: 'u_sport', fileID }));
    expect(r).toEqual({ checked: 3, written: 3, problems: [] });
    expect(await emu.server.db.collection('freshmen').count()).toBe(3);
    expect(await emu.server.db.collection('audit').count()).toBe(audit + 1);
  });
});

describe('students to watch and the first lesson', () => {
  const list = async (watchedOnly = false) =>
    expectOk<Page<FreshmanView>>(await emu.as('sport_officer', 'freshmen.list', { collegeId: 'u_sport', watchedOnly }));

  it('shows the list to the college’s officers only', async () => {
    expect((await list()).items).toHaveLength(3);
    await refused(emu, 'info_officer', 'freshmen.list', { collegeId: 'u_sport' }, 'OUT_OF_SCOPE');
  });

  it('needs a reason to mark a student, and refuses another college', async () => {
    await refused(
      emu,
      'sport_officer',
      'freshmen.watch',
      { freshmanId: 'fr_u_sport_2026010101', watch: true },
      'BAD_INPUT',
    );
    await refused(
      emu,
      'info_officer',
      'freshmen.watch',
      { freshmanId: 'fr_u_sport_2026010101', watch: true, reason: '表现突出' },
      'OUT_OF_SCOPE',
    );
  });

  it('marks a student with the reason, and a second import keeps the mark', async () => {
    const f = expectOk(
      await emu.call('sport_officer', 'freshmen.watch', {
        freshmanId: 'fr_u_sport_2026010101',
        watch: true,
        reason: '政治立场坚定，担任临时班长，主动递交入党申请书',
      }),
    );
    expect(f.watch?.reason).toBe('政治立场坚定，担任临时班长，主动递交入党申请书');
    const fileID = await upload('again.xlsx', GOOD);
    expectOk(await emu.call('sport_officer', 'freshmen.import', { collegeId: 'u_sport', fileID }));
    expect((await list(true)).items.map((x) => x.name)).toEqual(['李明']);
  });

  it('shows who attended the college’s first lesson once one is named', async () => {
    expect((await list()).items.every((x) => x.firstLessonAttended === null)).toBe(true);
    const programId = await seedTraining(emu, 'first', 'p_2023010108', {
      title: '新生入党启蒙教育第一课',
      dates: ['2026-09-20'],
      present: 1,
    });
    await refused(emu, 'info_officer', 'freshmen.setFirstLesson', { collegeId: 'u_sport', programId }, 'OUT_OF_SCOPE');
    expectOk(await emu.call('sport_officer', 'freshmen.setFirstLesson', { collegeId: 'u_sport', programId }));
    const rows = (await list()).items;
    expect(rows.map((x) => [x.name, x.firstLessonAttended])).toEqual([
      ['蒋文博', true],
      ['李明', false],
      ['王芳', false],
    ]);
  });
});

describe('what the list costs', () => {
  it('reads a page with its first-lesson attendance in the same round trips for 3 freshmen and for 40', async () => {
    const cost = async () =>
      (await emu.invoke('freshmen.list', { collegeId: 'u_sport', pageSize: 50 }, 'sport_officer')).roundTrips;
    const few = await cost();
    const many: (string | number)[][] = Array.from({ length: 40 }, (_, i) => [
      `20260199${String(i).padStart(2, '0')}`,
      '新生',
      i % 2 ? '女' : '男',
      '体育教育2026级3班',
      2026,
      '共青团员',
      '',
      '',
      '',
    ]);
    const fileID = await upload('many.xlsx', many);
    expectOk(await emu.call('sport_officer', 'freshmen.import', { collegeId: 'u_sport', fileID }));
    expect(await cost()).toBe(few);
  });
});
