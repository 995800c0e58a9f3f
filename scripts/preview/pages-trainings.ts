/** The 培训 pages and their states, for the preview registry (pages.ts spreads these into PAGES). */
import { fail, ok } from '../../tests/component/harness';
import {
  ATTENDANCE,
  CANDIDATE_CARD,
  CANDIDATE_HOURS,
  CREATE_OPTIONS,
  ENROLLED_VIEW,
  ENROLMENT,
  EXAM,
  EXAM_DONE,
  LEAGUE_CARD,
  MEMBER_HOURS,
  OPEN_VIEW,
  ORGANISER_VIEW,
  REPORT,
  TOKEN,
  TRAINERS,
  WAITLISTED_VIEW,
} from './demo-trainings';
import type { PreviewPage } from './types';

const page = <T>(items: T[]) => ok({ items, page: 1, pageSize: 50, hasMore: false });

export const TRAINING_PAGES: PreviewPage[] = [
  {
    name: 'trainings-list',
    path: 'packages/trainings/list/index',
    states: [
      {
        name: 'student',
        title: '培训 · 学生看到的可参加培训',
        persona: 'sport_prob2',
        responses: { 'trainings.listOpen': page([CANDIDATE_CARD, LEAGUE_CARD]) },
        expect: ['扫码签到 / 签退', '我的学时', '2026年秋季发展对象集中培训', '名额已满（40人）', '剩余名额 37/120'],
        absent: ['我组织的培训'],
      },
      {
        name: 'officer',
        title: '培训 · 学院党团干部（组织者）',
        persona: 'sport_officer',
        responses: {
          'trainings.listOpen': page([]),
          'trainings.listManaged': page([CANDIDATE_CARD]),
        },
        expect: ['发起培训项目', '我组织的培训', '2026年秋季发展对象集中培训', '暂无可参加的培训'],
      },
      {
        name: 'error',
        title: '培训 · 服务出错',
        persona: 'sport_prob2',
        responses: { 'trainings.listOpen': fail('INTERNAL', { id: 'T3K9Q1' }) },
        expect: ['系统繁忙，请稍后重试（编号 T3K9Q1）', '重新加载'],
      },
    ],
  },
  {
    name: 'trainings-program',
    path: 'packages/trainings/program/index',
    states: [
      {
        name: 'open',
        title: '培训项目 · 可报名',
        query: { id: LEAGUE_CARD.id },
        responses: { 'trainings.get': ok(OPEN_VIEW) },
        expect: ['入团积极分子团课（第一期）', '剩余 37 个名额', '未报名', '报名', '尚未安排场次'],
      },
      {
        name: 'waitlisted',
        title: '培训项目 · 候补中（第 2 位）',
        query: { id: CANDIDATE_CARD.id },
        responses: { 'trainings.get': ok(WAITLISTED_VIEW) },
        expect: ['候补中', '您在候补名单第 2 位', '名额已满（40人），候补 3/10', '退出', '党章学习'],
      },
      {
        name: 'enrolled',
        title: '培训项目 · 已报名，第一天已签到',
        query: { id: CANDIDATE_CARD.id },
        responses: { 'trainings.get': ok(ENROLLED_VIEW) },
        expect: ['已报名', '扫码签到 / 签退', '已签到', '未签到', '评价本场培训', '结业考试：满分 100，60 分及格'],
      },
      {
        name: 'organiser',
        title: '培训项目 · 组织者（各场次签到码入口）',
        query: { id: CANDIDATE_CARD.id },
        responses: { 'trainings.get': ok(ORGANISER_VIEW) },
        expect: ['签到码', '签退码', '考勤', '添加场次', '报名名单', '项目报告', '讲师：王建华'],
      },
    ],
  },
  {
    name: 'trainings-hours',
    path: 'packages/trainings/hours/index',
    states: [
      {
        name: 'candidate',
        title: '我的学时 · 发展对象（未达到）',
        responses: { 'trainings.myHours': ok(CANDIDATE_HOURS) },
        expect: ['发展对象集中培训', '8 / 24 学时（或 3 天，已 1 天）', '还差 16 学时', 'A10', '党章学习'],
      },
      {
        name: 'member',
        title: '我的学时 · 党员（年度已达到）',
        responses: { 'trainings.myHours': ok(MEMBER_HOURS) },
        expect: ['党员年度学习培训（2026年度）', '34 / 32 学时', '已达到要求'],
      },
      {
        name: 'none',
        title: '我的学时 · 没有适用的要求',
        responses: { 'trainings.myHours': ok({ year: '2026', lines: [] }) },
        expect: ['目前没有适用于您的培训学时要求'],
      },
    ],
  },
  {
    name: 'trainings-screen',
    path: 'packages/trainings/screen/index',
    states: [
      {
        name: 'live',
        title: '现场签到码 · 每 10 秒更换',
        query: { sessionId: 'ts_demo_1', purpose: 'in' },
        responses: { 'trainings.checkinToken': ok(TOKEN) },
        expect: ['签到码', '每 10 秒自动更换'],
        // The code is drawn, not printed: no page takes a typed code.
        absent: [TOKEN.token],
      },
      {
        name: 'not-live',
        title: '现场签到码 · 不在签到时段',
        query: { sessionId: 'ts_demo_1', purpose: 'in' },
        responses: { 'trainings.checkinToken': fail('SESSION_NOT_LIVE') },
        expect: ['不在本场培训的签到时段内', '重试'],
      },
    ],
  },
  {
    name: 'trainings-attendance',
    path: 'packages/trainings/attendance/index',
    states: [
      {
        name: 'sheet',
        title: '考勤 · 签到、请假与缺勤',
        query: { sessionId: 'ts_demo_1' },
        responses: { 'trainings.attendance': ok(ATTENDANCE) },
        expect: [
          '应到 3 人，已签到 1 人，请假 1 人，缺勤 1 人',
          '李雨桐',
          '请假待批准：发烧就医',
          '批准请假',
          '登记到场',
        ],
      },
      {
        name: 'mark-dialog',
        title: '考勤 · 手工登记须写明理由',
        query: { sessionId: 'ts_demo_1' },
        responses: { 'trainings.attendance': ok(ATTENDANCE) },
        setup: async (p) => {
          await p.tap('.mark-present', 1);
          await p.trigger('#mark-dialog', 'confirm', { reason: '' });
        },
        expect: ['登记为到场', '手工登记会记入审计记录', '手工登记考勤须写明理由'],
      },
    ],
  },
  {
    name: 'trainings-report',
    path: 'packages/trainings/report/index',
    states: [
      {
        name: 'report',
        title: '培训项目报告 · 满意度不足 3 人评价时不显示',
        query: { programId: 'tp_demo_candidates' },
        responses: { 'trainings.report': ok(REPORT) },
        expect: [
          '出勤率',
          '94.2%',
          '通过率',
          '综合 4.5',
          '2 人评价，不足 3 人，暂不显示',
          '案例讲得很生动',
          '导出 Excel 报告',
        ],
      },
    ],
  },
  {
    name: 'trainings-rate',
    path: 'packages/trainings/rate/index',
    states: [
      {
        name: 'form',
        title: '评价培训 · 三项打分和意见',
        query: { sessionId: 'ts_demo_1', title: '党章学习' },
        expect: ['讲师和组织者看不到是谁评价的', '党章学习', '内容', '讲授', '收获', '提交评价'],
      },
      {
        name: 'missing',
        title: '评价培训 · 未打分就提交',
        query: { sessionId: 'ts_demo_1', title: '党章学习' },
        setup: async (p) => {
          await p.tap('#submit-button');
        },
        expect: ['请为三项都打分'],
      },
    ],
  },
  {
    name: 'trainings-exam',
    path: 'packages/trainings/exam/index',
    states: [
      {
        name: 'paper',
        title: '结业考试 · 试卷（不含答案），已选一项',
        query: { programId: 'tp_demo_candidates' },
        responses: { 'trainings.exam': ok(EXAM) },
        setup: async (p) => {
          await p.tap('.option', 0);
        },
        expect: [
          '满分 100，60 分及格',
          '只能提交一次',
          '1. 党的最高理想和最终目标是什么？（单选题，50 分）',
          '提交答卷',
        ],
      },
      {
        name: 'result',
        title: '结业考试 · 已提交，显示成绩',
        query: { programId: 'tp_demo_candidates' },
        responses: { 'trainings.exam': ok(EXAM_DONE) },
        expect: ['80 分（满分 100），合格'],
        absent: ['提交答卷'],
      },
    ],
  },
  {
    name: 'trainings-enrolment',
    path: 'packages/trainings/enrolment/index',
    states: [
      {
        name: 'list',
        title: '报名名单 · 已报名、候补顺序和待审核',
        query: { programId: 'tp_demo_candidates' },
        responses: { 'trainings.enrolment': ok(ENROLMENT) },
        expect: ['名额 40，已报名 2，剩余 0；候补 2 人，待审核 1 人', '欧阳明轩', '通过', '第 2 位', '李雨桐'],
      },
    ],
  },
  {
    name: 'trainings-create',
    path: 'packages/trainings/create/index',
    states: [
      {
        name: 'form',
        title: '发起培训项目 · 空表单',
        responses: { 'trainings.createOptions': ok(CREATE_OPTIONS) },
        expect: [
          '组织单位',
          '培训层级',
          '培训类别',
          '学期',
          '名额',
          '候补名额',
          '自由报名',
          '按课时计',
          '创建培训项目',
        ],
      },
      {
        name: 'required',
        title: '发起培训项目 · 未填必填项',
        responses: { 'trainings.createOptions': ok(CREATE_OPTIONS) },
        setup: async (p) => {
          await p.tap('#save-button');
        },
        expect: ['请选择组织单位', '请选择培训层级', '请选择培训类别', '请填写名额（整数）'],
      },
    ],
  },
  {
    name: 'trainings-session',
    path: 'packages/trainings/session/index',
    states: [
      {
        name: 'form',
        title: '添加场次 · 空表单',
        query: { programId: 'tp_demo_candidates', unitId: 'college-pe' },
        responses: { 'trainings.listTrainers': ok(TRAINERS) },
        expect: ['时间按北京时间填写', '主题', '日期', '开始', '结束', '地点', '学时', '添加场次'],
      },
      {
        name: 'invalid',
        title: '添加场次 · 格式有误',
        query: { programId: 'tp_demo_candidates', unitId: 'college-pe' },
        responses: { 'trainings.listTrainers': ok(TRAINERS) },
        setup: async (p) => {
          await p.tap('#save-button');
        },
        expect: ['日期格式应为 2026-10-10', '时间格式应为 09:00', '学时为整数或半学时'],
      },
    ],
  },
  {
    name: 'trainings-trainer',
    path: 'packages/trainings/trainer/index',
    states: [
      {
        name: 'form',
        title: '新增讲师 · 表单',
        query: { unitId: 'college-pe' },
        responses: { 'trainings.createOptions': ok(CREATE_OPTIONS) },
        expect: ['讲师信息', '姓名', '类型', '简介', '保存'],
      },
    ],
  },
  {
    name: 'trainings-exam-setup',
    path: 'packages/trainings/exam-setup/index',
    states: [
      {
        name: 'online',
        title: '考试设置 · 线上试卷',
        query: { programId: 'tp_demo_candidates' },
        responses: { 'trainings.createOptions': ok(CREATE_OPTIONS) },
        expect: ['线上试卷', '线下考试', '及格分', '截止时间', '第 1 题', '单选题', '答案只保存在服务器上', '添加题目'],
      },
      {
        name: 'offline',
        title: '考试设置 · 线下考试',
        query: { programId: 'tp_demo_candidates' },
        responses: { 'trainings.createOptions': ok(CREATE_OPTIONS) },
        setup: async (p) => {
          await p.tap('#mode-offline');
        },
        expect: ['满分', '线下考试的成绩在考试后由组织者录入'],
        absent: ['添加题目'],
      },
    ],
  },
  {
    name: 'trainings-scores',
    path: 'packages/trainings/scores/index',
    states: [
      {
        name: 'form',
        title: '录入成绩 · 线下考试',
        query: { programId: 'tp_demo_candidates' },
        responses: { 'trainings.enrolment': ok(ENROLMENT) },
        expect: ['线下考试成绩录入后记入审计记录', '李雨桐', '王浩然', '保存成绩'],
      },
    ],
  },
];
