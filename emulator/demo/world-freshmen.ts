/**
 * 新生信息库 in the one demo world (四早): 体育学院's officer 陈志强 downloads the freshmen template, fills it with the
 * college's 2026 freshmen and uploads it (the workbook is made by the same template code and stored as the
 * mini-program's upload would); a first attempt with mistakes is refused and names every problem by sheet, row and
 * column. He marks two students to watch with the reason, and names the college's 入党积极分子培训班 (from the world's
 * trainings) as its first lesson, so the list shows who attended it.
 */

import { freshmanId } from '../../server/actions/activists/docs';
import { freshmenWorkbook } from '../../server/actions/activists/workbook';
import { addDays } from '../../server/domain/time';
import type { ActionName, Input, Output } from '../../typings/actions';
import { demoPersonName, demoStudentNo } from './school';

export interface FreshmenCtx {
  today: string;
  at(date: string, hours: number): Date;
  past(d: Date): Date;
  step(when: Date, run: () => Promise<void>): void;
  call<A extends ActionName>(who: string, action: A, input: Input<A>): Promise<Output<A>>;
  ids: { trainings: Record<string, string>; freshmen?: Record<string, string> };
  host: { putFile(cloudPath: string, content: Buffer): string };
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙'];
const GIVEN = ['子涵', '雨轩', '浩然', '欣怡', '梓萱', '宇航', '思远', '佳琪', '俊杰', '若曦', '明哲', '诗涵'];
const CLASSES = ['体育教育2026级1班', '体育教育2026级2班', '运动训练2026级1班'];
const ORIGINS = ['福建福州', '福建厦门', '福建泉州', '江西南昌', '浙江温州', '广东汕头'];

/** 24 freshmen (more than one page of the list): generated, plus 谢天宇, who is already bound in the app. */
export function demoFreshmenRows(): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < 23; i++) {
    const no = `20260101${String(i + 1).padStart(2, '0')}`;
    rows.push([
      no,
      `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 5) % GIVEN.length]}`,
      i % 2 === 0 ? '男' : '女',
      CLASSES[i % CLASSES.length]!,
      2026,
      i % 7 === 3 ? '群众' : '共青团员',
      ORIGINS[i % ORIGINS.length]!,
      i === 0 ? '高中学生会主席' : i === 4 ? '团支部书记' : '',
      '',
    ]);
  }
  // A student the app already knows (matched by student number): attended the college's first lesson.
  rows.push([
    demoStudentNo('bball_backbone'),
    demoPersonName('bball_backbone'),
    '男',
    '运动训练2026级1班',
    2026,
    '共青团员',
    '福建龙岩',
    '校篮球队队长',
    '转专业',
  ]);
  return rows;
}

/** The first attempt: a repeated student number, a missing name, a gender and a year the sheet does not allow. */
export function demoFreshmenBadRows(): (string | number)[][] {
  return [
    ['2026010101', '王子涵', '男', '体育教育2026级1班', 2026, '共青团员', '福建福州', '', ''],
    ['2026010101', '李欣怡', '女', '体育教育2026级2班', 2026, '共青团员', '', '', ''],
    ['2026010103', '', '未知', '运动训练2026级1班', 26, '共青团员', '', '', ''],
  ];
}

export function seedFreshmen(c: FreshmenCtx): void {
  const f: Record<string, string> = {};
  c.ids.freshmen = f;
  const day = (d: number, h: number) => c.past(c.at(addDays(c.today, d), h));
  const officer = 'sport_officer';
  const collegeId = 'u_sport';

  // Early September: the template, a first upload with mistakes (refused, nothing written), then the corrected one.
  c.step(day(-75, 9), async () => {
    await c.call(officer, 'freshmen.template', { collegeId });
    f.badFile = c.host.putFile('imports/demo/sport-freshmen-draft.xlsx', await freshmenWorkbook(demoFreshmenBadRows()));
    f.file = c.host.putFile('imports/demo/sport-freshmen.xlsx', await freshmenWorkbook(demoFreshmenRows()));
    const checked = await c.call(officer, 'freshmen.import', { collegeId, fileID: f.badFile, check: true });
    if (checked.problems.length === 0) throw new Error('demo world: the bad freshmen workbook passed its check');
    await c.call(officer, 'freshmen.import', { collegeId, fileID: f.file });
  });
  // After the first weeks: two students to watch, with the reason.
  c.step(day(-50, 16), async () => {
    const first = await c.call(officer, 'freshmen.watch', {
      freshmanId: freshmanId(collegeId, '2026010101'),
      watch: true,
      reason: '高中任学生会主席，军训期间主动担任连队通讯员，组织能力强',
    });
    f.watchedLeader = first.id;
    const second = await c.call(officer, 'freshmen.watch', {
      freshmanId: freshmanId(collegeId, demoStudentNo('bball_backbone')),
      watch: true,
      reason: '递交入党申请书时间早，在社团活动中表现突出',
    });
    f.watchedBackbone = second.id;
  });
  // The college's 入党积极分子培训班 (its sessions in world-trainings.ts) is the freshmen's first lesson.
  c.step(day(-39, 10), async () => {
    const set = await c.call(officer, 'freshmen.setFirstLesson', { collegeId, programId: c.ids.trainings.activists! });
    f.firstLesson = set.programId;
  });
}
