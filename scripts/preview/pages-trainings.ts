/**
 * The 培训 pages and their states, for the preview registry (pages.ts spreads these into PAGES). Every answer is the
 * demo world's own, recorded through the real actions (tests/support/world-views.ts): the sport party branch's
 * members' 轮训 under way (马骁 organises it, 曹宁 is on it), the party committee's finished 发展对象 training, the
 * League committee's full 团课 with its waitlist, the federation's 骨干培训 under review, and the trainers 赵磊 and 周涛.
 */
import { fail, ok } from '../../tests/component/harness';
import { worldIds, worldInput, worldReply, worldView } from '../../tests/support/world-views';
import type { PreviewPage } from './types';

const ids = () => worldIds().trainings;
const OPEN = worldView('trainings.listOpen.student');
const MANAGED = worldView('trainings.listManaged.party_admin');
const ENROLLED = worldView('trainings.get.members.enrolled');
const ORGANISER = worldView('trainings.get.members.organiser');
const WAITLISTED = worldView('trainings.get.league.waitlisted');
const SIGN_UP = worldView('trainings.get.backbone.open');
const FINISHED = worldView('trainings.get.candidates.finished');
const TOKEN = worldView('trainings.checkinToken.live');
const HELD = worldView('trainings.attendance.held');
const REPORT = worldView('trainings.report.candidates');
const PAPER = worldView('trainings.exam.members.paper');
const DONE = worldView('trainings.exam.members.done');
const BACKBONE_LIST = worldView('trainings.enrolment.backbone');
const RECORD = worldView('trainings.record.secretary');
const ZHAO = worldView('trainings.myRatings.zhao_lei');
const BACKBONES = worldView('trainings.backbones.advisor');

export const TRAINING_PAGES: PreviewPage[] = [
  {
    name: 'trainings-list',
    path: 'packages/trainings/list/index',
    states: [
      {
        name: 'student',
        title: '培训 · 预备党员彭悦看到的可参加培训',
        persona: 'sport_prob2',
        responses: { 'trainings.listOpen': worldReply('trainings.listOpen.student') },
        expect: ['扫码签到 / 签退', '我的学时', '我的授课评价', ...OPEN.items.map((p) => p.title), '名额已满（3人）'],
        absent: ['我组织的培训'],
      },
      {
        name: 'officer',
        title: '培训 · 校党委组织的培训（组织者）',
        responses: {
          'me.get': worldReply('trainings.me.party_admin'),
          'trainings.listOpen': worldReply('trainings.listOpen.party_admin'),
          'trainings.listManaged': worldReply('trainings.listManaged.party_admin'),
          // The party committee is not in the association line: no backbones to look after.
          'trainings.backboneAssociations': worldReply('trainings.backboneAssociations.party_admin'),
        },
        expect: ['发起培训项目', '我组织的培训', MANAGED.items[0].title, '暂无可参加的培训'],
        absent: ['社团骨干培训档案'],
      },
      {
        name: 'advisor',
        title: '培训 · 社团指导老师（社团骨干培训档案入口）',
        responses: {
          'me.get': worldReply('me.get.advisor_bball'),
          'trainings.listOpen': worldReply('trainings.listOpen.advisor_bball'),
          'trainings.backboneAssociations': worldReply('trainings.backboneAssociations.advisor'),
        },
        expect: ['社团骨干培训档案', '扫码签到 / 签退'],
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
        title: '培训项目 · 可报名（报名审核）',
        query: { id: SIGN_UP.id },
        responses: { 'trainings.get': ok(SIGN_UP) },
        expect: [SIGN_UP.title, '报名审核', '未报名', '报名', SIGN_UP.sessionList[0].title],
      },
      {
        name: 'waitlisted',
        title: '培训项目 · 团课名额已满，候补中',
        query: { id: WAITLISTED.id },
        responses: { 'trainings.get': ok(WAITLISTED) },
        expect: [
          '候补中',
          `您在候补名单第 ${WAITLISTED.me.waitlistPosition} 位`,
          `名额已满（${WAITLISTED.capacity}人），候补 ${WAITLISTED.waitlistLength}/${WAITLISTED.waitlistLimit}`,
          '退出',
        ],
      },
      {
        name: 'enrolled',
        title: '培训项目 · 已报名，签到、评价、请假和考试',
        query: { id: ENROLLED.id },
        responses: { 'trainings.get': ok(ENROLLED) },
        expect: ['已报名', '扫码签到 / 签退', '已签到', '未签到', '评价本场培训', '结业考试：满分 100，60 分及格'],
      },
      {
        name: 'finished',
        title: '培训项目 · 已结束的发展对象培训（指定名单）',
        query: { id: FINISHED.id },
        responses: { 'trainings.get': ok(FINISHED) },
        expect: [FINISHED.title, '指定名单', '已签到', '讲师：王建华'],
      },
      {
        name: 'organiser',
        title: '培训项目 · 组织者（各场次签到码入口）',
        query: { id: ORGANISER.id },
        responses: { 'trainings.get': ok(ORGANISER) },
        expect: ['签到码', '签退码', '考勤', '添加场次', '报名名单', '项目报告', '讲师：赵磊'],
      },
    ],
  },
  {
    name: 'trainings-hours',
    path: 'packages/trainings/hours/index',
    states: [
      {
        name: 'candidate',
        title: '我的学时 · 发展对象（缺一天，未达到）',
        responses: { 'trainings.myHours': worldReply('trainings.myHours.candidate_short') },
        expect: [
          '我的培训档案',
          '发展对象集中培训',
          '16 / 24 学时（或 3 天，已 2 天）',
          '还差 8 学时',
          'A10',
          '党章学习',
        ],
      },
      {
        name: 'member',
        title: '我的学时 · 党员（年度已达到）',
        responses: { 'trainings.myHours': worldReply('trainings.myHours.member_met') },
        expect: ['党员年度学习培训（2026年度）', '40 / 32 学时', '已达到要求'],
      },
      {
        name: 'league',
        title: '我的学时 · 团课（尚无学时）',
        responses: { 'trainings.myHours': worldReply('trainings.myHours.league') },
        expect: ['入团积极分子团课', '0 / 8 学时', '还差 8 学时', 'B6'],
      },
      {
        name: 'none',
        title: '我的学时 · 没有适用的要求',
        responses: { 'trainings.myHours': worldReply('trainings.myHours.none') },
        expect: ['目前没有适用于您的培训学时要求'],
      },
    ],
  },
  {
    name: 'trainings-record',
    path: 'packages/trainings/record/index',
    states: [
      {
        name: 'secretary',
        title: '培训档案 · 支部书记查看骨干曹宁的档案',
        query: { personId: RECORD.personId },
        responses: { 'trainings.record': worldReply('trainings.record.secretary') },
        expect: [
          '曹宁',
          '党组织书记和班子成员年度培训（2026年度）',
          '还差',
          '已结束的场次：出勤 2 场，请假 0 场，缺勤 0 场',
          '2026年冬季学生党员集中轮训',
          '100 分（满分 100），合格',
        ],
      },
      {
        name: 'advisor',
        title: '培训档案 · 社团指导老师查看骨干谢天宇的档案',
        query: { personId: worldView('trainings.record.advisor').personId },
        responses: { 'trainings.record': worldReply('trainings.record.advisor') },
        expect: ['谢天宇', '目前没有适用的培训学时要求', '出勤 1 场', '55 分（满分 100），不合格'],
      },
      {
        name: 'refused',
        title: '培训档案 · 其他学院的支部书记无权查看',
        query: { personId: RECORD.personId },
        responses: { 'trainings.record': worldReply('trainings.record.refused') },
        expect: ['该对象不在您的管理范围内'],
      },
    ],
  },
  {
    name: 'trainings-ratings',
    path: 'packages/trainings/ratings/index',
    states: [
      {
        name: 'trainer',
        title: '我的授课评价 · 讲师赵磊（汇总，不足 3 人不显示）',
        responses: { 'trainings.myRatings': worldReply('trainings.myRatings.zhao_lei') },
        expect: [
          '讲师：赵磊（兼职讲师）',
          '不显示评价人',
          ZHAO.programs[0].title,
          '本项目合计',
          '综合 4.3',
          '2 人评价，不足 3 人，暂不显示',
          '暂无评价',
        ],
      },
      {
        name: 'hidden',
        title: '我的授课评价 · 讲师周涛（评价人数不足）',
        responses: { 'trainings.myRatings': worldReply('trainings.myRatings.zhou_tao') },
        expect: ['讲师：周涛（兼职讲师）', '2 人评价，不足 3 人，暂不显示'],
        absent: ['综合'],
      },
      {
        name: 'none',
        title: '我的授课评价 · 不是讲师',
        responses: { 'trainings.myRatings': worldReply('trainings.myRatings.none') },
        expect: ['您不在培训师资库中，没有授课评价'],
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
        query: worldInput('trainings.checkinToken.live'),
        responses: { 'trainings.checkinToken': ok(TOKEN) },
        expect: ['签到码', '每 10 秒自动更换'],
        // The code is drawn, not printed: no page takes a typed code.
        absent: [TOKEN.token],
      },
      {
        name: 'not-live',
        title: '现场签到码 · 不在签到时段',
        query: worldInput('trainings.checkinToken.ended'),
        responses: { 'trainings.checkinToken': worldReply('trainings.checkinToken.ended') },
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
        title: '考勤 · 扫码签到签退、手工登记、请假与缺勤',
        query: { sessionId: HELD.sessionId },
        responses: { 'trainings.attendance': ok(HELD) },
        expect: [
          `应到 ${HELD.enrolled} 人，已签到 ${HELD.present} 人，请假 ${HELD.onLeave} 人，缺勤 ${HELD.noShows} 人`,
          '手工登记',
          '请假已批准：参加省大学生运动会集训',
          '2.5 学时',
          '登记到场',
        ],
      },
      {
        name: 'live',
        title: '考勤 · 进行中的场次（已扫码签到，尚未签退）',
        query: { sessionId: ids()['members.s3'] },
        responses: { 'trainings.attendance': worldReply('trainings.attendance.live') },
        expect: ['专题研讨：在社团中发挥党员作用', '已签到 3 人', '未签到'],
      },
      {
        name: 'leave',
        title: '考勤 · 待批准的请假',
        query: { sessionId: ids()['members.s4'] },
        responses: { 'trainings.attendance': worldReply('trainings.attendance.coming') },
        expect: ['请假待批准：当天在外参加比赛', '批准请假'],
      },
      {
        name: 'mark-dialog',
        title: '考勤 · 手工登记须写明理由',
        query: { sessionId: HELD.sessionId },
        responses: { 'trainings.attendance': ok(HELD) },
        setup: async (p) => {
          await p.tap('.mark-present', 0);
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
        query: { programId: REPORT.programId },
        responses: { 'trainings.report': ok(REPORT) },
        expect: [
          '出勤率',
          `${REPORT.attendanceRate}%`,
          '通过率',
          `综合 ${REPORT.sessions[0].rating?.overall}`,
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
        query: { sessionId: ids()['members.s2'], title: '党章党规专题学习' },
        expect: ['讲师和组织者看不到是谁评价的', '党章党规专题学习', '内容', '讲授', '收获', '提交评价'],
      },
      {
        name: 'missing',
        title: '评价培训 · 未打分就提交',
        query: { sessionId: ids()['members.s2'], title: '党章党规专题学习' },
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
        query: { programId: PAPER.programId },
        responses: { 'trainings.exam': ok(PAPER) },
        setup: async (p) => {
          await p.tap('.option', 0);
        },
        expect: ['满分 100，60 分及格', '只能提交一次', `1. ${PAPER.questions[0].text}（单选题，50 分）`, '提交答卷'],
      },
      {
        name: 'result',
        title: '结业考试 · 已提交，显示成绩',
        query: { programId: DONE.programId },
        responses: { 'trainings.exam': ok(DONE) },
        expect: ['100 分（满分 100），合格'],
        absent: ['提交答卷'],
      },
      {
        name: 'failed',
        title: '结业考试 · 未通过',
        query: { programId: FINISHED.id },
        responses: { 'trainings.exam': worldReply('trainings.exam.candidates.failed') },
        expect: ['40 分（满分 100），不合格'],
      },
    ],
  },
  {
    name: 'trainings-enrolment',
    path: 'packages/trainings/enrolment/index',
    states: [
      {
        name: 'review',
        title: '报名名单 · 报名审核：已通过和待审核',
        query: { programId: BACKBONE_LIST.programId },
        responses: { 'trainings.enrolment': ok(BACKBONE_LIST) },
        expect: [
          `名额 ${BACKBONE_LIST.capacity}，已报名 ${BACKBONE_LIST.enrolled.length}，剩余 ${BACKBONE_LIST.remaining}；候补 0 人，待审核 ${BACKBONE_LIST.pending.length} 人`,
          ...BACKBONE_LIST.pending.map((r) => r.name),
          '通过',
          '曹宁',
        ],
      },
      {
        name: 'waitlist',
        title: '报名名单 · 名额已满，候补按顺序递补',
        query: { programId: ids().league },
        responses: { 'trainings.enrolment': worldReply('trainings.enrolment.league') },
        expect: ['剩余 0；候补 2 人', '第 1 位', '第 2 位', '袁梦'],
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
        responses: { 'trainings.createOptions': worldReply('trainings.createOptions.officer') },
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
        responses: { 'trainings.createOptions': worldReply('trainings.createOptions.officer') },
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
        query: { programId: ORGANISER.id, unitId: 'u_sport' },
        responses: { 'trainings.listTrainers': worldReply('trainings.listTrainers.sport') },
        expect: ['时间按北京时间填写', '主题', '日期', '开始', '结束', '地点', '学时', '添加场次'],
      },
      {
        name: 'invalid',
        title: '添加场次 · 格式有误',
        query: { programId: ORGANISER.id, unitId: 'u_sport' },
        responses: { 'trainings.listTrainers': worldReply('trainings.listTrainers.sport') },
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
        query: { unitId: 'u_sport' },
        responses: { 'trainings.createOptions': worldReply('trainings.createOptions.officer') },
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
        query: { programId: ORGANISER.id },
        responses: { 'trainings.createOptions': worldReply('trainings.createOptions.officer') },
        expect: ['线上试卷', '线下考试', '及格分', '截止时间', '第 1 题', '单选题', '答案只保存在服务器上', '添加题目'],
      },
      {
        name: 'offline',
        title: '考试设置 · 线下考试',
        query: { programId: ORGANISER.id },
        responses: { 'trainings.createOptions': worldReply('trainings.createOptions.officer') },
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
        query: { programId: ids().activists },
        responses: { 'trainings.enrolment': worldReply('trainings.enrolment.activists') },
        expect: ['线下考试成绩录入后记入审计记录', '黄子豪', '谢天宇', '保存成绩'],
      },
    ],
  },
  {
    name: 'training-backbones',
    path: 'packages/trainings/backbones/index',
    states: [
      {
        name: 'advisor',
        title: '社团骨干培训档案 · 篮球协会指导老师（骨干及其职务）',
        responses: {
          'trainings.backboneAssociations': worldReply('trainings.backboneAssociations.advisor'),
          'trainings.backbones': worldReply('trainings.backbones.advisor'),
        },
        expect: [
          `${BACKBONES.associationName} · 骨干 ${BACKBONES.backbones.length} 人`,
          ...BACKBONES.backbones.map((b) => b.name),
        ],
      },
      {
        name: 'choose',
        title: '社团骨干培训档案 · 学院干部选择社团',
        responses: { 'trainings.backboneAssociations': worldReply('trainings.backboneAssociations.sport_officer') },
        expect: ['请选择社团', '篮球协会', '太极拳社'],
      },
      {
        name: 'forbidden',
        title: '社团骨干培训档案 · 其他社团的指导老师',
        query: { associationId: 'u_as_bball' },
        responses: { 'trainings.backbones': worldReply('trainings.backbones.other_advisor') },
        expect: ['您没有查看该社团骨干培训档案的权限'],
      },
    ],
  },
];
