/**
 * Every page of the mini-program and the states worth seeing (not loading; empty, error, filled, forms with
 * validation errors are). A new page or feature adds its entry here: `npm run preview` draws it and
 * tests/component/preview.test.ts renders it on every test run, checking the `expect` text appears.
 *
 * Personas are people of the demo world (tests/support/world-views.ts WORLD_PERSONAS): `newcomer` (never claimed),
 * `applicant_wei` (claim waiting), `applicant_bai` (claim rejected with a reason), `applicant_qin` (bound, in no
 * branch), `sport_prob2` (彭悦, a student), `info_pb_sec` (林思远, a branch secretary with two positions),
 * `sport_officer` / `info_officer` (college officers), `admin`. The home, 我的, binding and 绑定审核 states show their
 * recorded answers, successes and refusals.
 */
import { fail, ok } from '../../tests/component/harness';
import { worldInput, worldReply, worldView } from '../../tests/support/world-views';
import { ACTIVIST_PAGES } from './pages-activists';
import { HOME_FEED, HONOR_PAGES } from './pages-honors';
import { NOTICE_PAGES } from './pages-notices';
import { PIPELINE_PAGES } from './pages-pipeline';
import { TRAINING_PAGES } from './pages-trainings';
import { VOTE_PAGES } from './pages-votes';
import type { LoadedPage, PreviewPage } from './types';

const REJECTED = worldView('me.get.applicant_bai').binding!;
const PENDING = worldView('me.get.applicant_wei').binding!;
const INFO_LIST = worldView('bindings.listPending.info_officer').items;
const SPORT_LIST = worldView('bindings.listPending.sport_officer').items;
/** 范思琪's claim that carried the college's binding code (it competes with one that did not). */
const CODED = SPORT_LIST.find((b) => b.secondFactor === 'verified')!;
const ISSUED = worldView('bindings.issueCode.fan');
const REVOKE_NO = worldInput('bindings.revoke.qin').studentNo;

/** `2026-11-22T12:00:00.000+08:00` as the page shows it. */
const shown = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

/** Types the recorded claim into the binding form and submits it. */
const submitClaim = (key: 'bindings.submit.no_factor' | 'bindings.submit.bad_student_no' | 'bindings.submit.new') => {
  const input = worldInput(key);
  const college = worldView('org.tree.newcomer').units.find((u) => u.id === input.collegeId)!;
  return async (p: LoadedPage) => {
    await p.trigger('#name-input', 'change', { value: input.name });
    await p.trigger('#student-no-input', 'change', { value: input.studentNo });
    await p.trigger('#college-picker', 'confirm', { value: [college.id], label: [college.name] });
    await p.tap('#submit-button');
  };
};

export const PAGES: PreviewPage[] = [
  {
    name: 'home',
    path: 'pages/home/index',
    states: [
      {
        name: 'unbound',
        title: '首页 · 新同学，尚未实名绑定',
        persona: 'newcomer',
        responses: { 'home.feed': HOME_FEED.anonymous },
        expect: ['欢迎使用领雁', '您还没有实名绑定', '去实名绑定', '未绑定', '风采展示'],
      },
      {
        name: 'pending',
        title: '首页 · 绑定申请审核中',
        persona: 'applicant_wei',
        responses: { 'home.feed': HOME_FEED.anonymous },
        expect: ['实名绑定申请已提交，正在等待学院审核。', '审核中'],
        absent: ['去实名绑定'],
      },
      {
        name: 'rejected',
        title: '首页 · 绑定申请被驳回',
        persona: 'applicant_bai',
        responses: { 'home.feed': HOME_FEED.anonymous },
        expect: ['实名绑定申请未通过', '查看并重新提交', '已驳回'],
      },
      {
        name: 'bound-student',
        title: '首页 · 已绑定的学生（彭悦）',
        persona: 'sport_prob2',
        responses: { 'home.feed': HOME_FEED.student },
        expect: [
          `您好，${worldView('me.get.sport_prob2').person!.name}`,
          '已绑定',
          '待我处理',
          '待参加的表决',
          '我的荣誉',
        ],
        absent: ['绑定审核'],
      },
      {
        name: 'bound-officer',
        title: '首页 · 学院党团干部（可审核绑定、以学院名义授予荣誉）',
        persona: 'sport_officer',
        responses: { 'home.feed': HOME_FEED.college },
        expect: [
          `您好，${worldView('me.get.sport_officer').person!.name}`,
          '绑定审核',
          '审核学生的实名绑定申请',
          '授予荣誉',
          '以体育学院名义',
        ],
      },
      {
        name: 'federation-officer',
        title: '首页 · 社联干部（待审核的展示、发布、授予荣誉）',
        responses: { 'me.get': worldReply('me.get.fed_chair'), 'home.feed': HOME_FEED.officer },
        expect: ['待审核的风采展示', '发布风采展示', '授予荣誉', '以校学生社团联合会名义', '查看全部'],
      },
      {
        name: 'error',
        title: '首页 · 服务出错',
        responses: { 'me.get': fail('INTERNAL', { id: 'E7Q2K9' }), 'home.feed': HOME_FEED.anonymous },
        expect: ['系统繁忙，请稍后重试（编号 E7Q2K9）', '重新加载'],
      },
    ],
  },
  {
    name: 'me',
    path: 'pages/me/index',
    states: [
      {
        name: 'unbound',
        title: '我的 · 尚未实名绑定',
        persona: 'newcomer',
        expect: ['未实名绑定', '尚未绑定', '去实名绑定'],
      },
      {
        name: 'pending',
        title: '我的 · 绑定审核中',
        persona: 'applicant_wei',
        expect: ['审核中', `已于 ${shown(PENDING.submittedAt)} 提交，等待学院审核`],
        absent: ['去实名绑定'],
      },
      {
        name: 'rejected',
        title: '我的 · 绑定被驳回（带理由）',
        persona: 'applicant_bai',
        expect: ['已驳回', `驳回理由：${REJECTED.reason}`, '修改后重新提交'],
      },
      {
        name: 'bound-no-position',
        title: '我的 · 已绑定、暂无职务的学生',
        persona: 'sport_prob2',
        expect: ['彭悦', '预备党员', '学号 2023010102', '体育学院', '体育学院学生党支部', '暂无任职'],
      },
      {
        name: 'bound-no-unit',
        title: '我的 · 花名册外新绑定的学生（未加入支部或社团）',
        persona: 'applicant_qin',
        expect: ['秦朗', '群众', '信息学院', '暂未加入支部或社团', '暂无任职'],
      },
      {
        name: 'bound-secretary',
        title: '我的 · 党支部书记（两项职务）',
        persona: 'info_pb_sec',
        expect: [
          '林思远',
          '正式党员',
          '信息学院',
          '支部书记',
          '信息学院学生党支部',
          '2026年9月',
          '机器人创新协会临时党支部',
          // D6: the temporary branch's secretary sends assessments home.
          '临时支部考察',
        ],
        absent: ['绑定审核'],
      },
      {
        name: 'bound-officer',
        title: '我的 · 学院党团干部（职务 + 管理入口）',
        persona: 'sport_officer',
        expect: ['陈志强', '正式党员', '学院党团干部', '体育学院', '绑定审核'],
      },
      {
        name: 'error',
        title: '我的 · 网络异常',
        responses: { 'me.get': fail('INTERNAL', { message: '网络异常，请稍后重试' }) },
        expect: ['网络异常，请稍后重试', '重新加载'],
      },
    ],
  },
  {
    name: 'binding',
    path: 'pages/binding/index',
    states: [
      {
        name: 'empty-form',
        title: '实名绑定 · 空表单',
        persona: 'newcomer',
        expect: [
          '请填写与学校登记一致的信息',
          '姓名',
          '请输入真实姓名',
          '学号',
          '请输入学号',
          '学院',
          '请选择',
          '提交审核',
        ],
      },
      {
        name: 'second-factor',
        title: '实名绑定 · 学院要求填写绑定码',
        persona: 'newcomer',
        responses: { 'bindings.submit': worldReply('bindings.submit.no_factor') },
        setup: submitClaim('bindings.submit.no_factor'),
        expect: ['绑定码', '请填写学院发放的绑定码或身份证号后几位', '仅可使用一次'],
      },
      {
        name: 'required-errors',
        title: '实名绑定 · 什么都没填就提交',
        persona: 'newcomer',
        setup: async (p) => {
          await p.tap('#submit-button');
        },
        expect: ['请输入姓名', '请输入学号', '请选择学院'],
      },
      {
        name: 'server-errors',
        title: '实名绑定 · 学号格式不对（服务端校验）',
        persona: 'newcomer',
        responses: { 'bindings.submit': worldReply('bindings.submit.bad_student_no') },
        setup: submitClaim('bindings.submit.bad_student_no'),
        expect: [
          worldInput('bindings.submit.bad_student_no').name,
          worldInput('bindings.submit.bad_student_no').studentNo,
          '信息学院',
          '学号应为 4–20 位字母或数字',
        ],
      },
      {
        name: 'college-picker',
        title: '实名绑定 · 选择学院',
        persona: 'newcomer',
        setup: async (p) => {
          await p.trigger('#name-input', 'change', { value: '魏来' });
          await p.tap('#college-cell');
        },
        expect: ['选择学院', '体育学院', '信息学院'],
      },
      {
        name: 'resubmit',
        title: '实名绑定 · 被驳回后重新填写',
        persona: 'applicant_bai',
        expect: ['上次申请未通过', REJECTED.reason!, '请输入真实姓名'],
      },
      {
        name: 'submitted',
        title: '实名绑定 · 提交成功',
        persona: 'newcomer',
        responses: { 'bindings.submit': worldReply('bindings.submit.new') },
        setup: submitClaim('bindings.submit.new'),
        expect: ['已提交，等待学院审核', '返回我的'],
        absent: ['提交审核'],
      },
      {
        name: 'already-bound',
        title: '实名绑定 · 已绑定的人打开此页',
        persona: 'info_pb_sec',
        expect: ['您已完成实名绑定', '返回我的'],
      },
      {
        name: 'error',
        title: '实名绑定 · 学院列表加载失败',
        persona: 'newcomer',
        responses: { 'org.tree': fail('INTERNAL', { id: 'K3M8P1' }) },
        expect: ['系统繁忙，请稍后重试（编号 K3M8P1）', '重新加载'],
      },
    ],
  },
  {
    name: 'admin-bindings',
    path: 'packages/admin/bindings/index',
    states: [
      {
        name: 'list',
        title: '绑定审核 · 待审核列表（学院党团干部）',
        persona: 'info_officer',
        responses: { 'bindings.listPending': worldReply('bindings.listPending.info_officer') },
        expect: [
          INFO_LIST[0].name,
          `学号 ${INFO_LIST[0].studentNo}`,
          '信息学院',
          '花名册已匹配',
          '花名册无此人',
          '驳回',
          '通过',
          '没有更多了',
        ],
      },
      {
        name: 'competing',
        title: '绑定审核 · 同一学号的两份申请（一份凭学院发放的绑定码）',
        persona: 'sport_officer',
        responses: { 'bindings.listPending': worldReply('bindings.listPending.sport_officer') },
        expect: ['身份存疑', '同一学号另有 1 份待审核申请', '已核验绑定码', '未核验绑定码', '发放绑定码', '撤销绑定'],
      },
      {
        name: 'competing-confirm',
        title: '绑定审核 · 确认通过存疑申请中凭绑定码的一份',
        persona: 'sport_officer',
        responses: { 'bindings.listPending': worldReply('bindings.listPending.sport_officer') },
        setup: async (p) => {
          await p.tap(`#binding-${CODED.id} .approve-button`);
        },
        expect: [`确认通过 ${CODED.name} 的申请`, '其余 1 份将被驳回', '确认通过'],
      },
      {
        name: 'issued-code',
        title: '绑定审核 · 为学生发放绑定码',
        persona: 'sport_officer',
        responses: {
          'bindings.listPending': worldReply('bindings.listPending.sport_officer'),
          'bindings.issueCode': worldReply('bindings.issueCode.fan'),
        },
        setup: async (p) => {
          await p.trigger('#tool-student-no', 'change', { value: worldInput('bindings.issueCode.fan').studentNo });
          await p.tap('#issue-code-button');
        },
        expect: [ISSUED.code, '仅可使用一次'],
      },
      {
        name: 'revoke-dialog',
        title: '绑定审核 · 撤销一位学生的绑定',
        persona: 'info_officer',
        responses: { 'bindings.listPending': worldReply('bindings.listPending.info_officer') },
        setup: async (p) => {
          await p.trigger('#tool-student-no', 'change', { value: REVOKE_NO });
          await p.tap('#revoke-button');
        },
        expect: [`撤销学号 ${REVOKE_NO} 的实名绑定`, '学生需重新申请绑定', '撤销绑定'],
      },
      {
        name: 'has-more',
        title: '绑定审核 · 还有下一页',
        persona: 'sport_officer',
        responses: { 'bindings.listPending': worldReply('bindings.listPending.sport_officer.page1of2') },
        expect: ['加载更多'],
      },
      {
        name: 'reject-dialog',
        title: '绑定审核 · 驳回未填理由',
        persona: 'info_officer',
        responses: { 'bindings.listPending': worldReply('bindings.listPending.info_officer') },
        setup: async (p) => {
          await p.tap('.reject-button');
          await p.trigger('#reject-dialog >>> #reason-dialog', 'confirm');
        },
        expect: [`驳回 ${INFO_LIST[0].name} 的申请`, '请填写驳回理由，申请人会看到它', '取消'],
      },
      {
        name: 'approved',
        title: '绑定审核 · 通过一条之后',
        persona: 'info_officer',
        responses: {
          'bindings.listPending': worldReply('bindings.listPending.info_officer'),
          'bindings.decide': worldReply('bindings.decide.approve'),
        },
        setup: async (p) => {
          await p.tap('.approve-button');
        },
        expect: ['已通过', INFO_LIST[1].name],
        absent: [INFO_LIST[0].name],
      },
      {
        name: 'empty',
        title: '绑定审核 · 没有待审核的申请',
        persona: 'info_officer',
        responses: { 'bindings.listPending': worldReply('bindings.listPending.info_officer.empty') },
        expect: ['暂无待审核的绑定申请'],
      },
      {
        name: 'forbidden',
        title: '绑定审核 · 普通学生打开（无权限）',
        persona: 'sport_prob2',
        responses: { 'bindings.listPending': worldReply('bindings.listPending.student') },
        expect: ['您没有审核绑定申请的权限'],
      },
      {
        name: 'error',
        title: '绑定审核 · 服务出错',
        persona: 'info_officer',
        responses: { 'bindings.listPending': fail('INTERNAL', { id: 'R5T0W4' }) },
        expect: ['系统繁忙，请稍后重试（编号 R5T0W4）', '重新加载'],
      },
    ],
  },
  ...NOTICE_PAGES,
  ...VOTE_PAGES,
  ...TRAINING_PAGES,
  ...HONOR_PAGES,
  ...ACTIVIST_PAGES,
  ...PIPELINE_PAGES,
];
