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
const notSwornCase = worldView('pipeline.get.probationary_no_oath.secretary')!;

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
        name: 'cancelled',
        title: '我的入党历程 · 预备党员资格已取消（支部大会决定、党委审批）',
        responses: { 'pipeline.mine': worldReply('pipeline.mine.cancelled') },
        expect: ['已取消预备党员资格', '预备党员资格已取消，发展程序终止', '党委审批取消预备党员资格'],
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
        name: 'attachments',
        title: '发展档案 · 谈话记录附有会议记录 PDF 和照片（支委查看，点开时取临时链接）',
        persona: 'sport_pb_cm',
        query: { caseId: worldView('pipeline.get.attached.committee').caseId },
        responses: { 'pipeline.get': worldReply('pipeline.get.attached.committee') },
        expect: ['.pdf', '.jpg'],
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
/** The reminder offered as the sport branch's officers record (one consent, one message). */
const sportReminder = { 'pipeline.reminderStatus': worldReply('pipeline.reminderStatus.secretary') };
const robotSteps = worldView('pipeline.stepOptions.robot.secretary');
const candidateSteps = worldView('pipeline.stepOptions.candidate.secretary');
const noVoteSteps = worldView('pipeline.stepOptions.activist.secretary');
const notBeforeSteps = worldView('pipeline.stepOptions.probationary.secretary');
const taijiAssessable = worldView('pipeline.assessable.taiji_secretary');

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
        responses: {
          'pipeline.stepOptions': worldReply('pipeline.stepOptions.overdue.secretary'),
          'pipeline.takeStep': gateRefusal,
          ...sportReminder,
        },
        setup: async (p) => {
          await p.trigger('#meeting-input', 'change', { value: '支委会会议记录' });
          await p.tap('#submit-button');
        },
        expect: ['吕航', 'A3', '《中国共产党发展党员工作细则》（2014）第七条'],
      },
      {
        name: 'step-pick-vote',
        title: '办理发展步骤 · 只列可办理的下一步，从本支部已结束的表决中选择',
        persona: 'info_pb_sec',
        query: { caseId: robotSteps.caseId, form: 'step' },
        responses: {
          'pipeline.stepOptions': ok(robotSteps),
          'pipeline.reminderStatus': worldReply('pipeline.reminderStatus.info_secretary'),
        },
        expect: ['秦子轩', '确定为发展对象', robotSteps.steps[0].votes[0]?.title ?? '表决', '本人通过'],
        absent: ['表决编号', '公示编号'],
      },
      {
        name: 'step-committee',
        title: '办理发展步骤 · 党委预审须由上级党委办理（支部书记看到原因）',
        persona: 'info_pb_sec',
        query: { caseId: candidateSteps.caseId, form: 'step' },
        responses: {
          'pipeline.stepOptions': ok(candidateSteps),
          'pipeline.reminderStatus': worldReply('pipeline.reminderStatus.info_secretary'),
        },
        expect: ['陶然', '党委预审', candidateSteps.steps[0].reason ?? ''],
      },
      {
        name: 'step-not-before',
        title: '办理发展步骤 · 预备期未满，转正讨论有最早日期',
        persona: 'info_pb_sec',
        query: { caseId: notBeforeSteps.caseId, form: 'step' },
        responses: {
          'pipeline.stepOptions': ok(notBeforeSteps),
          'pipeline.reminderStatus': worldReply('pipeline.reminderStatus.info_secretary'),
        },
        setup: async (p) => {
          await p.trigger('#step-kind', 'change', { value: 'branch_convert' });
        },
        expect: [notBeforeSteps.personName, '支部大会讨论转正', '起方可办理'],
      },
      {
        name: 'step-no-vote',
        title: '办理发展步骤 · 本支部尚无可用的表决',
        persona: 'info_pb_sec',
        query: { caseId: noVoteSteps.caseId, form: 'step' },
        responses: {
          'pipeline.stepOptions': ok(noVoteSteps),
          'pipeline.reminderStatus': worldReply('pipeline.reminderStatus.info_secretary'),
        },
        expect: ['白露', '本支部尚无可用的表决，请先在票决中发起', '去票决管理'],
      },
      {
        name: 'talk',
        title: '记录谈话 · 支委记录定期谈话',
        persona: 'sport_pb_cm',
        query: { caseId: talkedCase.caseId, form: 'talk' },
        responses: { 'pipeline.get': ok(talkedCase), ...sportReminder },
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
          'pipeline.reminderStatus': worldReply('pipeline.reminderStatus.info_secretary'),
        },
        expect: ['白露', '正式党员'],
      },
      {
        name: 'review',
        title: '记录政治审查',
        persona: 'sport_pb_sec',
        query: { caseId: overdueCase.caseId, form: 'review' },
        responses: { 'pipeline.get': ok(overdueCase), ...sportReminder },
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
    name: 'pipeline-assess',
    path: 'packages/pipeline/assess/index',
    states: [
      {
        name: 'members',
        title: '临时支部考察 · 临时团支部书记的成员（仅姓名与所在党支部）',
        persona: 'taiji_pres',
        responses: { 'pipeline.assessable': ok(taijiAssessable) },
        expect: ['沈可欣', '体育学院学生党支部', '太极拳社临时团支部', '报送'],
      },
      {
        name: 'empty',
        title: '临时支部考察 · 暂无正在培养考察的成员',
        responses: { 'pipeline.assessable': worldReply('pipeline.assessable.vol_secretary') },
        expect: ['本临时支部暂无正在培养考察的成员'],
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

// The committee's pages beside the cases and the oath form (the world's own answers, refusals included): 李红梅
// (party_admin) with the 信息学院 and 体育学院 branches' filings, 邓凯 and 吕航 found by name and number; 林思远
// (info_pb_sec) opening the oath form on 陶然's case, a 发展对象, whose refusal says the oath comes after approval.
const committeeCase = worldView('pipeline.get.candidate.party_admin');
const candidateCase = worldView('pipeline.get.candidate.info_secretary');
const oathRefusal = worldReply('pipeline.recordOath.out_of_order');
const filings = worldView('pipeline.filings.party_admin');
const activistForCommittee = worldView('pipeline.get.activist.party_admin');

PIPELINE_PAGES.push(
  {
    name: 'pipeline-case-committee',
    path: 'packages/pipeline/case/index',
    states: [
      {
        name: 'filings',
        title: '发展档案 · 党委查看发展对象（确认两项备案）',
        persona: 'party_admin',
        query: { caseId: committeeCase.caseId },
        responses: { 'pipeline.get': ok(committeeCase) },
        expect: ['陶然', '确认备案：确定入党积极分子', '确认备案：确定发展对象'],
      },
    ],
  },
  {
    name: 'pipeline-oath',
    path: 'packages/pipeline/oath/index',
    states: [
      {
        name: 'form',
        title: '记录入党宣誓 · 支部书记（党委已审批接收的预备党员）',
        persona: 'info_pb_sec',
        query: { caseId: notSwornCase.caseId },
        responses: {
          'pipeline.get': ok(notSwornCase),
          'pipeline.reminderStatus': worldReply('pipeline.reminderStatus.info_secretary'),
        },
        expect: [notSwornCase.personName, '宣誓地点', '领誓人', '到期微信提醒'],
      },
      {
        name: 'out-of-order',
        title: '记录入党宣誓 · 尚未审批接收为预备党员（服务器的回答）',
        persona: 'info_pb_sec',
        query: { caseId: candidateCase.caseId },
        responses: {
          'pipeline.get': ok(candidateCase),
          'pipeline.reminderStatus': worldReply('pipeline.reminderStatus.info_secretary'),
          'pipeline.recordOath': oathRefusal,
        },
        setup: async (p) => {
          const sent = worldInput('pipeline.recordOath.out_of_order');
          await p.trigger('#place-input', 'change', { value: sent.place });
          await p.trigger('#leader-input', 'change', { value: sent.leaderName });
          await p.tap('#submit-button');
        },
        expect: ['暂不能记录入党宣誓', '党委审批接收为预备党员之后'],
      },
    ],
  },
  {
    name: 'pipeline-filings',
    path: 'packages/pipeline/filings/index',
    states: [
      {
        name: 'committee',
        title: '备案确认 · 党委（待确认的支部决定）',
        persona: 'party_admin',
        responses: { 'pipeline.filings': ok(filings) },
        expect: [filings.items[0]?.personName ?? '', '确认备案'],
      },
      {
        name: 'secretary',
        title: '备案确认 · 支部书记（非上级党委）',
        persona: 'info_pb_sec',
        responses: { 'pipeline.filings': worldReply('pipeline.filings.secretary') },
        expect: ['上级党委'],
      },
    ],
  },
  {
    name: 'pipeline-filing',
    path: 'packages/pipeline/filing/index',
    states: [
      {
        name: 'confirm',
        title: '确认备案 · 确定入党积极分子',
        persona: 'party_admin',
        query: { caseId: activistForCommittee.caseId, decision: 'activist' },
        responses: { 'pipeline.get': ok(activistForCommittee) },
        expect: ['白露', '确定入党积极分子', '备案意见'],
      },
      {
        name: 'again',
        title: '确认备案 · 已确认过（服务器的回答）',
        persona: 'party_admin',
        query: { caseId: activistForCommittee.caseId, decision: 'activist' },
        responses: {
          'pipeline.get': ok(activistForCommittee),
          'pipeline.acknowledgeFiling': worldReply('pipeline.acknowledgeFiling.again'),
        },
        setup: async (p) => {
          await p.tap('#submit-button');
        },
        expect: ['未能确认备案', '该决定已确认备案'],
      },
    ],
  },
  {
    name: 'pipeline-members',
    path: 'packages/pipeline/members/index',
    states: [
      {
        name: 'search',
        title: '留党察看与出生日期 · 查找',
        persona: 'party_admin',
        expect: ['姓名或学号'],
      },
      {
        name: 'member',
        title: '留党察看与出生日期 · 正式党员（可记录留党察看）',
        persona: 'party_admin',
        responses: { 'pipeline.people': worldReply('pipeline.people.member') },
        setup: async (p) => {
          await p.trigger('#query-input', 'change', { value: '邓凯' });
          await p.tap('#search-button');
          await p.tap('#open-impose');
        },
        expect: ['邓凯', '无留党察看记录', '记录留党察看', '处分日期'],
      },
      {
        name: 'in-force',
        title: '留党察看与出生日期 · 留党察看中（再次记录被拒绝）',
        persona: 'party_admin',
        responses: {
          'pipeline.people': worldReply('pipeline.people.member'),
          'pipeline.recordDiscipline': worldReply('pipeline.recordDiscipline.impose_again'),
        },
        setup: async (p) => {
          const sent = worldInput('pipeline.recordDiscipline.impose_again');
          await p.trigger('#query-input', 'change', { value: '邓凯' });
          await p.tap('#search-button');
          await p.tap('#open-impose');
          await p.trigger('#date-picker', 'confirm', { value: sent.on });
          await p.trigger('#reason-input', 'change', { value: sent.reason });
          await p.tap('#submit-button');
        },
        expect: ['未能办理', '已有未恢复党员权利的留党察看记录'],
      },
      {
        name: 'birth-date',
        title: '留党察看与出生日期 · 更正入党申请人的出生日期',
        persona: 'party_admin',
        responses: { 'pipeline.people': worldReply('pipeline.people.applicant') },
        setup: async (p) => {
          await p.trigger('#query-input', 'change', { value: worldInput('pipeline.people.applicant').query });
          await p.tap('#search-button');
          await p.tap('#open-birthDate');
        },
        expect: ['吕航', '出生日期：2005-04-18', '更正理由'],
      },
    ],
  },
);
