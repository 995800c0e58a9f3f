/**
 * The development pipeline's pages for the preview registry (pages.ts spreads these into PAGES). Every answer is the
 * demo world's own (tests/support/world-views.ts): 吕航 (sport_masses), whose talk after applying is overdue; 白露
 * (info_masses), an activist of the 信息学院 branch with a cultivation contact; 陶然 (info_cand), a 发展对象 of the same
 * branch after a year as an activist; and past it (emulator/demo/world-members.ts), 顾晨阳 (info_convert) a 正式党员
 * through conversion, 江雪 (info_extend) whose probation was extended, 苏婉 (info_sworn) a 预备党员 who took the oath and
 * 叶舟 (info_approved) one approved who has not yet.
 */
import { ok } from '../../tests/component/harness';
import { worldInput, worldReply, worldView } from '../../tests/support/world-views';
import type { PreviewPage } from './types';

const overdue = worldView('pipeline.mine.applicant_overdue')!;
const activist = worldView('pipeline.mine.activist')!;
const fullMember = worldView('pipeline.mine.full_member')!;
const extended = worldView('pipeline.mine.extended')!;
const sworn = worldView('pipeline.mine.probationary')!;
const notSworn = worldView('pipeline.mine.probationary_no_oath')!;

export const PIPELINE_PAGES: PreviewPage[] = [
  {
    name: 'pipeline-journey',
    path: 'packages/pipeline/journey/index',
    states: [
      {
        name: 'applicant-overdue',
        title: '我的入党历程 · 入党申请人（谈话已逾期）',
        responses: { 'pipeline.mine': ok(overdue) },
        expect: ['入党申请人', '递交申请后一个月内谈话', '已逾期', '递交入党申请书'],
      },
      {
        name: 'activist',
        title: '我的入党历程 · 入党积极分子（培养联系人）',
        responses: { 'pipeline.mine': ok(activist) },
        expect: ['入党积极分子', '半年一次考察', '培养联系人', activist.chain.cultivatedBy[0] ?? ''],
      },
      {
        name: 'candidate',
        title: '我的入党历程 · 发展对象（积极分子满一年后确定）',
        responses: { 'pipeline.mine': worldReply('pipeline.mine.candidate') },
        expect: ['发展对象', '党委预审', '确定为发展对象', '确定发展对象前谈话'],
      },
      {
        name: 'probationary',
        title: '我的入党历程 · 预备党员（已面向党旗宣誓）',
        responses: { 'pipeline.mine': ok(sworn) },
        expect: ['预备党员', '支部大会讨论转正', '面向党旗进行入党宣誓', '党委审批接收预备党员'],
      },
      {
        name: 'probationary-no-oath',
        title: '我的入党历程 · 预备党员（党委已审批，尚未宣誓）',
        responses: { 'pipeline.mine': ok(notSworn) },
        expect: ['预备党员', '入党宣誓', '尚无入党宣誓记录', '党委审批接收预备党员'],
      },
      {
        name: 'extended',
        title: '我的入党历程 · 预备党员（预备期延长六个月）',
        responses: { 'pipeline.mine': ok(extended) },
        expect: ['预备党员', '党委审批延长预备期', '支部大会讨论转正'],
      },
      {
        name: 'full-member',
        title: '我的入党历程 · 正式党员（按期转正，党龄自预备期满之日起算）',
        responses: { 'pipeline.mine': ok(fullMember) },
        expect: ['正式党员', '发展程序已完成', '党龄自', '党委审批转正', '转正前谈话'],
      },
      {
        name: 'none',
        title: '我的入党历程 · 尚未申请',
        responses: { 'pipeline.mine': ok(null) },
        expect: ['您还没有递交入党申请'],
      },
    ],
  },
];

const todo = worldView('pipeline.todo.secretary');
const secretaryCase = worldView('pipeline.get.activist.secretary');

PIPELINE_PAGES.push(
  {
    name: 'pipeline-todo',
    path: 'packages/pipeline/todo/index',
    states: [
      {
        name: 'secretary',
        title: '发展党员待办 · 支部书记（谈话已逾期）',
        persona: 'sport_pb_sec',
        responses: {
          'pipeline.todo': ok(todo),
          'pipeline.reminderStatus': worldReply('pipeline.reminderStatus.secretary'),
        },
        expect: ['递交申请后一个月内谈话', '已逾期', '到期时微信提醒我'],
      },
      {
        name: 'empty',
        title: '发展党员待办 · 暂无到期事项',
        responses: {
          'pipeline.todo': ok([]),
          'pipeline.reminderStatus': worldReply('pipeline.reminderStatus.secretary'),
        },
        expect: ['30 天内没有到期的发展党员事项'],
      },
    ],
  },
  {
    name: 'pipeline-case',
    path: 'packages/pipeline/case/index',
    states: [
      {
        name: 'activist',
        title: '发展档案 · 入党积极分子（支部书记查看）',
        persona: 'info_pb_sec',
        query: { caseId: secretaryCase.caseId },
        responses: { 'pipeline.get': ok(secretaryCase) },
        expect: ['入党积极分子', '确定为入党积极分子', '培养联系人'],
      },
      {
        name: 'full-member',
        title: '发展档案 · 正式党员（支部书记查看，发展程序已完成）',
        persona: 'info_pb_sec',
        query: { caseId: fullMember.caseId },
        responses: { 'pipeline.get': worldReply('pipeline.get.full_member.secretary') },
        expect: ['正式党员', '发展程序已完成', '支部大会讨论转正', '党委审批转正'],
      },
      {
        name: 'extended',
        title: '发展档案 · 预备党员（延长预备期已获批准）',
        persona: 'info_pb_sec',
        query: { caseId: extended.caseId },
        responses: { 'pipeline.get': worldReply('pipeline.get.extended.secretary') },
        expect: ['预备党员', '延长预备期', '支部大会讨论转正'],
      },
      {
        name: 'probationary-no-oath',
        title: '发展档案 · 预备党员（待入党宣誓）',
        persona: 'info_pb_sec',
        query: { caseId: notSworn.caseId },
        responses: { 'pipeline.get': worldReply('pipeline.get.probationary_no_oath.secretary') },
        expect: ['预备党员', '入党宣誓', '尚无入党宣誓记录'],
      },
    ],
  },
);

const dossier = worldView('pipeline.dossier.activist.secretary');
const applicantDossier = worldView('pipeline.dossier.applicant.secretary');

PIPELINE_PAGES.push({
  name: 'pipeline-dossier',
  path: 'packages/pipeline/dossier/index',
  states: [
    {
      name: 'activist',
      title: '发展档案全卷 · 入党积极分子（支部书记查看，含三评和表决结果）',
      persona: 'info_pb_sec',
      query: { caseId: dossier.caseId },
      responses: { 'pipeline.dossier': ok(dossier) },
      expect: [dossier.personName, '纸质表格', '谈话记录', '所在单位民主评议', '应到'],
    },
    {
      name: 'applicant',
      title: '发展档案全卷 · 入党申请人（尚无表决结果）',
      persona: 'sport_pb_sec',
      query: { caseId: applicantDossier.caseId },
      responses: { 'pipeline.dossier': ok(applicantDossier) },
      expect: [applicantDossier.personName, '尚无支部表决结果'],
    },
    {
      name: 'full-member',
      title: '发展档案全卷 · 正式党员（从申请到转正，含两次公示）',
      persona: 'info_pb_sec',
      query: { caseId: fullMember.caseId },
      responses: { 'pipeline.dossier': worldReply('pipeline.dossier.full_member.secretary') },
      expect: [fullMember.personName, '转为正式党员', '党委审批转正', '公示'],
    },
  ],
});

// The branch's forms, the application and the case list: the world's own answers, refusals included.
const overdueCase = worldView('pipeline.get.overdue.secretary');
const talkedCase = worldView('pipeline.get.talked.committee');
const activistCase = worldView('pipeline.get.activist.info_secretary');
const gateRefusal = worldReply('pipeline.takeStep.gate.secretary');
const underage = worldReply('pipeline.apply.underage');
const tempAssessment = worldInput('pipeline.recordAssessment.temp_branch');

PIPELINE_PAGES.push(
  {
    name: 'pipeline-apply',
    path: 'packages/pipeline/apply/index',
    states: [
      {
        name: 'form',
        title: '递交入党申请 · 团员（向所在学院党支部）',
        persona: 'sport_league1',
        expect: ['体育学院学生党支部', '递交入党申请'],
      },
      {
        name: 'underage',
        title: '递交入党申请 · 未满十八周岁（A1 的回答）',
        persona: 'sport_league1',
        responses: { 'pipeline.apply': underage },
        setup: async (p) => {
          const sent = worldInput('pipeline.apply.underage');
          await p.trigger('#statement-input', 'change', { value: sent.statement });
          await p.trigger('#birth-picker', 'confirm', { value: sent.birthDate });
          await p.tap('#submit-button');
        },
        expect: ['A1', '未满十八周岁'],
      },
      {
        name: 'unbound',
        title: '递交入党申请 · 尚未实名绑定',
        persona: 'newcomer',
        expect: ['请先完成实名绑定'],
      },
    ],
  },
  {
    name: 'pipeline-act',
    path: 'packages/pipeline/act/index',
    states: [
      {
        name: 'step-refused',
        title: '办理发展步骤 · 谈话逾期，确定积极分子被 A3 拒绝',
        persona: 'sport_pb_sec',
        query: { caseId: overdueCase.caseId, form: 'step' },
        responses: { 'pipeline.get': ok(overdueCase), 'pipeline.takeStep': gateRefusal },
        setup: async (p) => {
          await p.trigger('#meeting-input', 'change', { value: '支委会会议记录' });
          await p.tap('#submit-button');
        },
        expect: ['吕航', 'A3', '《中国共产党发展党员工作细则》（2014）第七条'],
      },
      {
        name: 'talk',
        title: '记录谈话 · 支委记录定期谈话',
        persona: 'sport_pb_cm',
        query: { caseId: talkedCase.caseId, form: 'talk' },
        responses: { 'pipeline.get': ok(talkedCase) },
        expect: ['沈可欣', '谈话提纲', '定期谈话'],
      },
      {
        name: 'contacts',
        title: '确定培养联系人 · 信息学院党支部的党员',
        persona: 'info_pb_sec',
        query: { caseId: activistCase.caseId, form: 'contacts' },
        responses: {
          'pipeline.get': ok(activistCase),
          'people.list': worldReply('people.list.info_pb.secretary'),
        },
        expect: ['白露', '正式党员'],
      },
      {
        name: 'review',
        title: '记录政治审查',
        persona: 'sport_pb_sec',
        query: { caseId: overdueCase.caseId, form: 'review' },
        responses: { 'pipeline.get': ok(overdueCase) },
        expect: ['政治审查结论', '合格'],
      },
      {
        name: 'temp-assessment',
        title: '记录考察 · 临时团支部报送活动表现（记入本人所在党支部档案）',
        persona: 'taiji_pres',
        query: {
          form: 'assessment',
          personId: tempAssessment.personId,
          unitId: tempAssessment.unitId,
          personName: '沈可欣',
        },
        expect: ['沈可欣', '报送其所在党支部'],
      },
    ],
  },
  {
    name: 'pipeline-cases',
    path: 'packages/pipeline/cases/index',
    states: [
      {
        name: 'all',
        title: '本支部发展档案 · 支部书记（逾期在前）',
        persona: 'sport_pb_sec',
        query: { branchId: 'u_sport_pb', branchName: '体育学院学生党支部' },
        responses: { 'pipeline.list': worldReply('pipeline.list.sport.secretary') },
        expect: ['吕航', '已逾期', '沈可欣'],
      },
      {
        name: 'info-all-stages',
        title: '本支部发展档案 · 信息学院党支部（积极分子到正式党员）',
        persona: 'info_pb_sec',
        query: { branchId: 'u_info_pb', branchName: '信息学院学生党支部' },
        responses: { 'pipeline.list': worldReply('pipeline.list.info.secretary') },
        expect: ['入党积极分子', '发展对象', '预备党员', '正式党员', '入党宣誓'],
      },
      {
        name: 'empty',
        title: '本支部发展档案 · 该阶段暂无',
        persona: 'sport_pb_sec',
        query: { branchId: 'u_sport_pb', branchName: '体育学院学生党支部' },
        responses: { 'pipeline.list': worldReply('pipeline.list.sport.candidates') },
        expect: ['没有符合条件的发展档案'],
      },
    ],
  },
);
