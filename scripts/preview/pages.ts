/**
 * Every page of the mini-program and the states worth seeing (not loading; empty, error, filled, forms with
 * validation errors are). A new page or feature adds its entry here: `npm run preview` draws it and
 * tests/component/preview.test.ts renders it on every test run, checking the `expect` text appears.
 *
 * Personas (tests/support/demo-views/org.ts): unbound, pending, rejected, student, secretary (支部书记), officer (学院党团干部), admin.
 */
import { fail, ok } from '../../tests/component/harness';
import { PENDING_BINDINGS } from '../../tests/support/demo-views/org';
import { HOME_FEED, HONOR_PAGES } from './pages-honors';
import { NOTICE_PAGES } from './pages-notices';
import { PIPELINE_PAGES } from './pages-pipeline';
import { TRAINING_PAGES } from './pages-trainings';
import { VOTE_PAGES } from './pages-votes';
import type { PreviewPage } from './types';

const list = (items = PENDING_BINDINGS, hasMore = false) => ok({ items, page: 1, pageSize: 20, hasMore });

/** Two claims for one student number (one carried the college's binding code), then the rest of the list. */
const COMPETING = [
  { ...PENDING_BINDINGS[0], competingWith: ['b-199'], secondFactor: 'verified' as const },
  {
    ...PENDING_BINDINGS[0],
    id: 'b-199',
    submittedAt: '2025-10-15T09:02:00.000+08:00',
    competingWith: [PENDING_BINDINGS[0].id],
    secondFactor: 'missing' as const,
  },
  ...PENDING_BINDINGS.slice(1, 3),
];

export const PAGES: PreviewPage[] = [
  {
    name: 'home',
    path: 'pages/home/index',
    states: [
      {
        name: 'unbound',
        title: '首页 · 新同学，尚未实名绑定',
        persona: 'unbound',
        responses: { 'home.feed': HOME_FEED.anonymous },
        expect: ['欢迎使用领雁', '您还没有实名绑定', '去实名绑定', '未绑定', '风采展示'],
      },
      {
        name: 'pending',
        title: '首页 · 绑定申请审核中',
        persona: 'pending',
        responses: { 'home.feed': HOME_FEED.anonymous },
        expect: ['实名绑定申请已提交，正在等待学院审核。', '审核中'],
        absent: ['去实名绑定'],
      },
      {
        name: 'rejected',
        title: '首页 · 绑定申请被驳回',
        persona: 'rejected',
        responses: { 'home.feed': HOME_FEED.anonymous },
        expect: ['实名绑定申请未通过', '查看并重新提交', '已驳回'],
      },
      {
        name: 'bound-student',
        title: '首页 · 已绑定的学生',
        persona: 'student',
        responses: { 'home.feed': HOME_FEED.student },
        expect: ['您好，张思远', '已绑定', '待我处理', '待参加的表决'],
        absent: ['绑定审核'],
      },
      {
        name: 'bound-officer',
        title: '首页 · 学院党团干部（可审核绑定）',
        persona: 'officer',
        responses: { 'home.feed': HOME_FEED.officer },
        expect: ['您好，吴欣然', '绑定审核', '审核学生的实名绑定申请'],
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
        persona: 'unbound',
        expect: ['未实名绑定', '尚未绑定', '去实名绑定'],
      },
      {
        name: 'pending',
        title: '我的 · 绑定审核中',
        persona: 'pending',
        expect: ['审核中', '已于 2025-10-14 09:32 提交，等待学院审核'],
        absent: ['去实名绑定'],
      },
      {
        name: 'rejected',
        title: '我的 · 绑定被驳回（带理由）',
        persona: 'rejected',
        expect: ['已驳回', '驳回理由：学号与学院花名册不一致，请核对学号后重新提交', '修改后重新提交'],
      },
      {
        name: 'bound-no-position',
        title: '我的 · 已绑定、暂无职务的学生',
        persona: 'student',
        expect: ['张思远', '共青团员', '学号 2023110215', '信息学院', '暂无任职'],
      },
      {
        name: 'bound-secretary',
        title: '我的 · 临时党支部书记（两项职务）',
        persona: 'secretary',
        expect: ['李雨桐', '预备党员', '体育学院', '支部书记', '篮球协会临时党支部', '2025年9月', '骨干', '篮球协会'],
        absent: ['绑定审核'],
      },
      {
        name: 'bound-officer',
        title: '我的 · 学院党团干部（职务 + 管理入口）',
        persona: 'officer',
        expect: ['吴欣然', '正式党员', '学院党团干部', '信息学院本科生第一党支部', '绑定审核'],
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
        persona: 'unbound',
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
        persona: 'unbound',
        responses: { 'bindings.submit': fail('SECOND_FACTOR_REQUIRED') },
        setup: async (p) => {
          await p.trigger('#name-input', 'change', { value: '陈佳怡' });
          await p.trigger('#student-no-input', 'change', { value: '2024110118' });
          await p.trigger('#college-picker', 'confirm', { value: ['college-info'], label: ['信息学院'] });
          await p.tap('#submit-button');
        },
        expect: ['绑定码', '请填写学院发放的绑定码或身份证号后几位', '仅可使用一次'],
      },
      {
        name: 'required-errors',
        title: '实名绑定 · 什么都没填就提交',
        persona: 'unbound',
        setup: async (p) => {
          await p.tap('#submit-button');
        },
        expect: ['请输入姓名', '请输入学号', '请选择学院'],
      },
      {
        name: 'server-errors',
        title: '实名绑定 · 学号格式不对（服务端校验）',
        persona: 'unbound',
        responses: {
          'bindings.submit': fail('BAD_INPUT', { fields: { studentNo: '学号应为 4–20 位字母或数字' } }),
        },
        setup: async (p) => {
          await p.trigger('#name-input', 'change', { value: '陈佳怡' });
          await p.trigger('#student-no-input', 'change', { value: '2024-11' });
          await p.trigger('#college-picker', 'confirm', { value: ['college-info'], label: ['信息学院'] });
          await p.tap('#submit-button');
        },
        expect: ['陈佳怡', '2024-11', '信息学院', '学号应为 4–20 位字母或数字'],
      },
      {
        name: 'college-picker',
        title: '实名绑定 · 选择学院',
        persona: 'unbound',
        setup: async (p) => {
          await p.trigger('#name-input', 'change', { value: '陈佳怡' });
          await p.tap('#college-cell');
        },
        expect: ['选择学院', '体育学院', '信息学院', '经济管理学院'],
      },
      {
        name: 'resubmit',
        title: '实名绑定 · 被驳回后重新填写',
        persona: 'rejected',
        expect: ['上次申请未通过', '学号与学院花名册不一致，请核对学号后重新提交', '请输入真实姓名'],
      },
      {
        name: 'submitted',
        title: '实名绑定 · 提交成功',
        persona: 'unbound',
        responses: { 'bindings.submit': ok({ bindingId: 'b-new', state: 'pending' }) },
        setup: async (p) => {
          await p.trigger('#name-input', 'change', { value: '陈佳怡' });
          await p.trigger('#student-no-input', 'change', { value: '2024110118' });
          await p.trigger('#college-picker', 'confirm', { value: ['college-info'], label: ['信息学院'] });
          await p.tap('#submit-button');
        },
        expect: ['已提交，等待学院审核', '返回我的'],
        absent: ['提交审核'],
      },
      {
        name: 'already-bound',
        title: '实名绑定 · 已绑定的人打开此页',
        persona: 'secretary',
        expect: ['您已完成实名绑定', '返回我的'],
      },
      {
        name: 'error',
        title: '实名绑定 · 学院列表加载失败',
        persona: 'unbound',
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
        persona: 'officer',
        responses: { 'bindings.listPending': list() },
        expect: ['陈佳怡', '学号 2024110118', '信息学院', '花名册已匹配', '花名册无此人', '驳回', '通过', '没有更多了'],
      },
      {
        name: 'competing',
        title: '绑定审核 · 同一学号的两份申请（身份存疑）',
        persona: 'officer',
        responses: { 'bindings.listPending': list(COMPETING) },
        expect: ['身份存疑', '同一学号另有 1 份待审核申请', '已核验绑定码', '未核验绑定码', '发放绑定码', '撤销绑定'],
      },
      {
        name: 'competing-confirm',
        title: '绑定审核 · 确认通过存疑申请中的一份',
        persona: 'officer',
        responses: { 'bindings.listPending': list(COMPETING) },
        setup: async (p) => {
          await p.tap('.approve-button');
        },
        expect: ['确认通过 陈佳怡 的申请', '其余 1 份将被驳回', '确认通过'],
      },
      {
        name: 'issued-code',
        title: '绑定审核 · 为学生发放绑定码',
        persona: 'officer',
        responses: {
          'bindings.listPending': list(),
          'bindings.issueCode': ok({
            personId: 'p-chenjy',
            code: 'K7M2Q9XA',
            expiresAt: '2025-10-22T09:00:00.000+08:00',
          }),
        },
        setup: async (p) => {
          await p.trigger('#tool-student-no', 'change', { value: '2024110118' });
          await p.tap('#issue-code-button');
        },
        expect: ['K7M2Q9XA', '仅可使用一次'],
      },
      {
        name: 'revoke-dialog',
        title: '绑定审核 · 撤销一位学生的绑定',
        persona: 'officer',
        responses: { 'bindings.listPending': list() },
        setup: async (p) => {
          await p.trigger('#tool-student-no', 'change', { value: '2024110118' });
          await p.tap('#revoke-button');
        },
        expect: ['撤销学号 2024110118 的实名绑定', '学生需重新申请绑定', '撤销绑定'],
      },
      {
        name: 'has-more',
        title: '绑定审核 · 还有下一页',
        persona: 'officer',
        responses: { 'bindings.listPending': list(PENDING_BINDINGS.slice(0, 3), true) },
        expect: ['加载更多'],
      },
      {
        name: 'reject-dialog',
        title: '绑定审核 · 驳回未填理由',
        persona: 'officer',
        responses: { 'bindings.listPending': list() },
        setup: async (p) => {
          await p.tap('.reject-button');
          await p.trigger('#reject-dialog >>> #reason-dialog', 'confirm');
        },
        expect: ['驳回 陈佳怡 的申请', '请填写驳回理由，申请人会看到它', '取消'],
      },
      {
        name: 'approved',
        title: '绑定审核 · 通过一条之后',
        persona: 'officer',
        responses: {
          'bindings.listPending': list(),
          'bindings.decide': ok({ state: 'approved', personId: 'p-chenjy', rejectedCompeting: [] }),
        },
        setup: async (p) => {
          await p.tap('.approve-button');
        },
        expect: ['已通过', '欧阳明轩'],
        absent: ['陈佳怡'],
      },
      {
        name: 'empty',
        title: '绑定审核 · 没有待审核的申请',
        persona: 'officer',
        responses: { 'bindings.listPending': list([]) },
        expect: ['暂无待审核的绑定申请'],
      },
      {
        name: 'forbidden',
        title: '绑定审核 · 普通学生打开（无权限）',
        persona: 'student',
        responses: { 'bindings.listPending': fail('FORBIDDEN') },
        expect: ['您没有审核绑定申请的权限'],
      },
      {
        name: 'error',
        title: '绑定审核 · 服务出错',
        persona: 'officer',
        responses: { 'bindings.listPending': fail('INTERNAL', { id: 'R5T0W4' }) },
        expect: ['系统繁忙，请稍后重试（编号 R5T0W4）', '重新加载'],
      },
    ],
  },
  ...NOTICE_PAGES,
  ...VOTE_PAGES,
  ...TRAINING_PAGES,
  ...HONOR_PAGES,
  ...PIPELINE_PAGES,
];
