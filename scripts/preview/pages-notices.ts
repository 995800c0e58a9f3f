/**
 * The 公示 pages and their states, for the preview registry (pages.ts spreads these into PAGES). Demo content
 * lives in tests/support/demo-views/notices.ts; personas in tests/support/demo-views/org.ts (student 张思远, secretary 李雨桐, officer 吴欣然).
 */
import { fail, ok } from '../../tests/component/harness';
import {
  ARCHIVE,
  ARCHIVE_NO_OBJECTION,
  ARCHIVE_PENDING,
  ARCHIVE_REFILED,
  ARCHIVE_WITHDRAWN,
  DETAIL_CLOSED,
  DETAIL_DRAFT,
  DETAIL_OPEN,
  DETAIL_OPEN_OBJECTED,
  DETAIL_OPEN_OFFICER,
  DETAIL_SCHEDULED,
  DETAIL_WITHDRAWN,
  MANAGED_CARDS,
  MY_OBJECTIONS,
  myObjectionsPage,
  NOTICE_CARDS,
  noticePage,
  objectionsPage,
} from '../../tests/support/demo-views/notices';
import type { PreviewPage } from './types';

const OBJECTION_TEXT = '王浩然同志上学期有两门专业课缺考，与公示中“学习成绩良好”的表述不符，请支部核实。';

export const NOTICE_PAGES: PreviewPage[] = [
  {
    name: 'notices',
    path: 'pages/notices/index',
    states: [
      {
        name: 'list',
        title: '公示 · 学生看到的公示列表（公示中在前）',
        persona: 'student',
        responses: { 'notices.list': ok(noticePage()) },
        expect: [
          '我的异议',
          '关于确定王浩然等3名同志为入党积极分子的公示',
          '入党积极分子确定',
          '体育学院学生党支部',
          '公示中',
          '剩余 3 个工作日 · 11月25日截止',
          '剩余 7 天',
          '待公示',
          '11月26日开始公示',
          '（节假日安排未公布，暂按法定节假日推算）',
          '已结束',
          '已撤回',
          '没有更多了',
        ],
      },
      {
        name: 'has-more',
        title: '公示 · 还有下一页',
        persona: 'student',
        responses: { 'notices.list': ok(noticePage(NOTICE_CARDS.slice(0, 3), true)) },
        expect: ['加载更多'],
      },
      {
        name: 'empty',
        title: '公示 · 暂无公示',
        persona: 'student',
        responses: { 'notices.list': ok(noticePage([])) },
        expect: ['暂无公示'],
      },
      {
        name: 'not-bound',
        title: '公示 · 未实名绑定',
        persona: 'unbound',
        responses: { 'notices.list': fail('NOT_BOUND') },
        expect: ['完成实名绑定后，才能查看所在组织的公示', '去实名绑定'],
      },
      {
        name: 'error',
        title: '公示 · 服务出错',
        persona: 'student',
        responses: { 'notices.list': fail('INTERNAL', { id: 'N4P7Q2' }) },
        expect: ['系统繁忙，请稍后重试（编号 N4P7Q2）', '重新加载'],
      },
    ],
  },
  {
    name: 'notice-detail',
    path: 'packages/notices/detail/index',
    states: [
      {
        name: 'open',
        title: '公示详情 · 公示中，学生可提出异议',
        persona: 'student',
        query: { noticeId: DETAIL_OPEN.id },
        responses: { 'notices.get': ok(DETAIL_OPEN) },
        expect: [
          '关于确定王浩然等3名同志为入党积极分子的公示',
          '剩余 3 个工作日',
          '2026年11月19日至11月25日',
          '自2026年11月19日起5个工作日（开始当日计入）',
          '王浩然、周俊杰、张思远',
          '体育学院学生党支部、篮球协会',
          '提出异议',
          '匿名提交',
          '处理异议的工作人员会看到您的姓名',
          '提交异议',
        ],
        absent: ['管理（仅本组织管理人员可见）', '撤回公示'],
      },
      {
        name: 'anonymous',
        title: '公示详情 · 打开匿名，看匿名的含义',
        persona: 'student',
        query: { noticeId: DETAIL_OPEN.id },
        responses: { 'notices.get': ok(DETAIL_OPEN) },
        setup: async (p) => {
          await p.trigger('#objection-text', 'change', { value: OBJECTION_TEXT });
          await p.trigger('#anonymous-switch', 'change', { value: true });
        },
        expect: ['处理异议的工作人员看不到是谁提交的', '您本人仍可在「我的异议」中查看'],
      },
      {
        name: 'empty-objection',
        title: '公示详情 · 未填内容就提交',
        persona: 'student',
        query: { noticeId: DETAIL_OPEN.id },
        responses: { 'notices.get': ok(DETAIL_OPEN) },
        setup: async (p) => {
          await p.tap('#submit-objection');
        },
        expect: ['请填写异议内容'],
      },
      {
        name: 'content-rejected',
        title: '公示详情 · 内容安全检测未通过',
        persona: 'student',
        query: { noticeId: DETAIL_OPEN.id },
        responses: { 'notices.get': ok(DETAIL_OPEN), 'notices.object': fail('CONTENT_REJECTED') },
        setup: async (p) => {
          await p.trigger('#objection-text', 'change', { value: OBJECTION_TEXT });
          await p.tap('#submit-objection');
        },
        expect: ['内容含有不适宜的信息，请修改后重试'],
      },
      {
        name: 'submitted',
        title: '公示详情 · 异议提交成功',
        persona: 'student',
        query: { noticeId: DETAIL_OPEN.id },
        responses: {
          'notices.get': ok(DETAIL_OPEN),
          'notices.object': ok({ objectionId: 'o-new', submittedAt: '2026-11-23T10:20:00+08:00' }),
        },
        setup: async (p) => {
          await p.trigger('#objection-text', 'change', { value: OBJECTION_TEXT });
          await p.tap('#submit-objection');
        },
        expect: ['异议已提交', '查看我的异议'],
        absent: ['提交异议'],
      },
      {
        name: 'objected-before',
        title: '公示详情 · 已提过一条异议',
        persona: 'student',
        query: { noticeId: DETAIL_OPEN.id },
        responses: { 'notices.get': ok(DETAIL_OPEN_OBJECTED) },
        expect: ['您已对本公示提出 1 条异议'],
      },
      {
        name: 'officer-open',
        title: '公示详情 · 支部书记看公示中的公示（处理异议、撤回）',
        persona: 'secretary',
        query: { noticeId: DETAIL_OPEN_OFFICER.id },
        responses: { 'notices.get': ok(DETAIL_OPEN_OFFICER) },
        expect: ['管理', '异议处理', '待处理 1 · 共 3', '撤回公示'],
        absent: ['编辑草稿'],
      },
      {
        name: 'withdraw-dialog',
        title: '公示详情 · 撤回未填理由',
        persona: 'secretary',
        query: { noticeId: DETAIL_OPEN_OFFICER.id },
        responses: { 'notices.get': ok(DETAIL_OPEN_OFFICER) },
        setup: async (p) => {
          await p.tap('#admin-withdraw');
          await p.trigger('#withdraw-dialog >>> #reason-dialog', 'confirm');
        },
        expect: ['撤回公示', '撤回后公示停止', '请填写撤回理由，读者会看到它'],
      },
      {
        name: 'draft',
        title: '公示详情 · 学院干部看草稿（编辑、发布）',
        persona: 'officer',
        query: { noticeId: DETAIL_DRAFT.id },
        responses: { 'notices.get': ok(DETAIL_DRAFT) },
        expect: ['草稿', '发布前只有本组织的管理人员能看到', '编辑草稿', '发布公示'],
        absent: ['提交异议'],
      },
      {
        name: 'publish-dialog',
        title: '公示详情 · 发布确认（发布后内容锁定）',
        persona: 'officer',
        query: { noticeId: DETAIL_DRAFT.id },
        responses: { 'notices.get': ok(DETAIL_DRAFT) },
        setup: async (p) => {
          await p.tap('#admin-publish');
        },
        expect: ['确认发布公示？', '不能再修改', '确认发布'],
      },
      {
        name: 'scheduled',
        title: '公示详情 · 待公示，公示期跨入节假日未公布的年份',
        persona: 'student',
        query: { noticeId: DETAIL_SCHEDULED.id },
        responses: { 'notices.get': ok(DETAIL_SCHEDULED) },
        expect: [
          '待公示',
          '尚未开始',
          '2026年12月28日开始公示，届时可在本页提出异议',
          '（节假日安排未公布，暂按法定节假日推算）',
        ],
        absent: ['提交异议'],
      },
      {
        name: 'closed',
        title: '公示详情 · 已结束（公示结果）',
        persona: 'student',
        query: { noticeId: DETAIL_CLOSED.id },
        responses: { 'notices.get': ok(DETAIL_CLOSED) },
        expect: ['已结束', '公示期已结束', '公示结果：公示期间无异议'],
        absent: ['提交异议'],
      },
      {
        name: 'withdrawn',
        title: '公示详情 · 已撤回（撤回理由）',
        persona: 'student',
        query: { noticeId: DETAIL_WITHDRAWN.id },
        responses: { 'notices.get': ok(DETAIL_WITHDRAWN) },
        expect: ['已撤回', '该公示已于2026年10月13日撤回', '撤回理由：公示名单中副会长人选有误'],
        absent: ['提交异议'],
      },
      {
        name: 'not-found',
        title: '公示详情 · 公示不存在',
        persona: 'student',
        query: { noticeId: 'n-gone' },
        responses: { 'notices.get': fail('NOT_FOUND') },
        expect: ['这条公示不存在或已被删除'],
      },
    ],
  },
  {
    name: 'my-objections',
    path: 'packages/notices/my-objections/index',
    states: [
      {
        name: 'list',
        title: '我的异议 · 待核实与已处理',
        persona: 'student',
        responses: { 'notices.myObjections': ok(myObjectionsPage()) },
        expect: [
          '待核实',
          '匿名提交 · 2026-11-21 21:18',
          '负责的组织正在核实',
          '异议成立',
          '核实情况',
          '经查阅入党申请书原件',
          '吴欣然 · 2026-11-05 09:30',
        ],
      },
      {
        name: 'has-more',
        title: '我的异议 · 还有下一页',
        persona: 'student',
        responses: { 'notices.myObjections': ok(myObjectionsPage(MY_OBJECTIONS.slice(0, 1), true)) },
        expect: ['加载更多'],
      },
      {
        name: 'empty',
        title: '我的异议 · 还没有提过',
        persona: 'student',
        responses: { 'notices.myObjections': ok(myObjectionsPage([])) },
        expect: ['您还没有提出过异议'],
      },
      {
        name: 'error',
        title: '我的异议 · 网络异常',
        persona: 'student',
        responses: { 'notices.myObjections': fail('INTERNAL', { message: '网络异常，请稍后重试' }) },
        expect: ['网络异常，请稍后重试', '重新加载'],
      },
    ],
  },
  {
    name: 'notices-manage',
    path: 'packages/notices-admin/manage/index',
    states: [
      {
        name: 'list',
        title: '公示管理 · 学院干部的公示（含草稿）',
        persona: 'officer',
        responses: { 'notices.list': ok(noticePage(MANAGED_CARDS)) },
        expect: ['草稿', '拟于12月28日开始', '新建公示', '2 条异议待处理'],
      },
      {
        name: 'empty',
        title: '公示管理 · 还没有公示',
        persona: 'secretary',
        responses: { 'notices.list': ok(noticePage([])) },
        expect: ['还没有公示', '新建公示'],
      },
      {
        name: 'forbidden',
        title: '公示管理 · 普通学生打开（无权限）',
        persona: 'student',
        responses: { 'notices.list': fail('FORBIDDEN') },
        expect: ['您没有管理公示的权限'],
        absent: ['新建公示'],
      },
    ],
  },
  {
    name: 'notice-edit',
    path: 'packages/notices-admin/edit/index',
    states: [
      {
        name: 'create',
        title: '新建公示 · 支部书记的空表单',
        persona: 'secretary',
        expect: [
          '公示类型',
          '请选择',
          '标题',
          '公示内容',
          '公示对象',
          '发布单位',
          '篮球协会临时党支部',
          '公示范围',
          '开始日期',
          '公示天数',
          '工作日',
          '自然日',
          '保存草稿',
        ],
      },
      {
        name: 'required-errors',
        title: '新建公示 · 什么都没填就保存',
        persona: 'secretary',
        setup: async (p) => {
          await p.tap('#save-button');
        },
        expect: ['请选择公示类型', '请填写标题', '请填写公示内容'],
      },
      {
        name: 'filled',
        title: '新建公示 · 填好的表单（3 名公示对象）',
        persona: 'officer',
        setup: async (p) => {
          await p.trigger('#kind-picker', 'confirm', { value: ['development_candidate'], label: ['发展对象确定'] });
          await p.trigger('#title-input', 'change', { value: '关于确定赵一鸣等3名同志为发展对象的公示' });
          await p.trigger('#body-input', 'change', {
            value: '经信息学院本科生第一党支部委员会研究，拟确定以下同志为发展对象……',
          });
          await p.trigger('#name-input', 'change', { value: '赵一鸣、陈佳怡、欧阳明轩' });
          await p.tap('#add-name');
          await p.trigger('#scope-picker', 'confirm', { value: ['pb-info-1'], label: ['信息学院本科生第一党支部'] });
        },
        expect: [
          '发展对象确定',
          '赵一鸣',
          '欧阳明轩',
          '公示对象（3人）',
          '信息学院本科生第一党支部',
          '5个工作日（开始当日计入）',
        ],
      },
      {
        name: 'scope-picker',
        title: '新建公示 · 选择公示范围（本单位及下级组织）',
        persona: 'officer',
        setup: async (p) => {
          await p.tap('#scope-cell');
        },
        expect: ['信息学院', '信息学院本科生第一党支部', '计算机科学与技术2301班团支部'],
      },
      {
        name: 'server-errors',
        title: '新建公示 · 开始日期早于今天（服务端校验）',
        persona: 'secretary',
        responses: { 'notices.create': fail('WINDOW_START_IN_PAST') },
        setup: async (p) => {
          await p.trigger('#kind-picker', 'confirm', { value: ['acceptance'], label: ['接收预备党员'] });
          await p.trigger('#title-input', 'change', { value: '关于接收李雨桐同志为预备党员的公示' });
          await p.trigger('#body-input', 'change', { value: '经篮球协会临时党支部研究……' });
          await p.tap('#save-button');
        },
        expect: ['公示开始日期不能早于今天'],
      },
      {
        name: 'edit',
        title: '编辑公示 · 修改草稿',
        persona: 'officer',
        query: { noticeId: DETAIL_DRAFT.id },
        responses: { 'notices.get': ok(DETAIL_DRAFT) },
        expect: ['发展对象确定', '赵一鸣', '信息学院本科生第一党支部', '2026年12月28日', '保存草稿'],
      },
      {
        name: 'published',
        title: '编辑公示 · 已发布的公示不能再改',
        persona: 'officer',
        query: { noticeId: DETAIL_OPEN_OFFICER.id },
        responses: { 'notices.get': ok(DETAIL_OPEN_OFFICER) },
        expect: ['公示已发布，内容不能再修改'],
      },
    ],
  },
  {
    name: 'notice-objections',
    path: 'packages/notices-admin/objections/index',
    states: [
      {
        name: 'list',
        title: '异议处理 · 实名与匿名异议',
        persona: 'secretary',
        query: { noticeId: DETAIL_OPEN_OFFICER.id },
        responses: { 'notices.objections': ok(objectionsPage()) },
        expect: ['1 条待处理', '实名', '孙梦瑶', '匿名', '2026-11-20 提交', '处理', '异议不成立', '异议成立'],
      },
      {
        name: 'form',
        title: '异议处理 · 填写调查核实情况',
        persona: 'secretary',
        query: { noticeId: DETAIL_OPEN_OFFICER.id },
        responses: { 'notices.objections': ok(objectionsPage()) },
        setup: async (p) => {
          await p.tap('.handle-button');
          await p.trigger('#investigation-input', 'change', {
            value: '经查询教务系统，两门课程为因伤病办理的缓考，已参加补考且成绩合格。',
          });
          await p.trigger('#outcome-radio', 'change', { value: 'dismissed' });
        },
        expect: ['调查核实情况', '核实结论', '属实（异议成立）', '不属实（异议不成立）', '提交处理结果'],
      },
      {
        name: 'form-errors',
        title: '异议处理 · 未填写就提交',
        persona: 'secretary',
        query: { noticeId: DETAIL_OPEN_OFFICER.id },
        responses: { 'notices.objections': ok(objectionsPage()) },
        setup: async (p) => {
          await p.tap('.handle-button');
          await p.tap('#submit-handling');
        },
        expect: ['请填写调查核实情况', '请选择核实结论'],
      },
      {
        name: 'empty',
        title: '异议处理 · 没有异议',
        persona: 'secretary',
        query: { noticeId: DETAIL_OPEN_OFFICER.id },
        responses: { 'notices.objections': ok(objectionsPage([])) },
        expect: ['这条公示还没有收到异议'],
      },
    ],
  },
  {
    name: 'notice-report',
    path: 'packages/notices-admin/report/index',
    states: [
      {
        name: 'closed',
        title: '归档记录 · 公示结束，异议已处理（匿名者不显示身份）',
        persona: 'secretary',
        query: { noticeId: ARCHIVE.noticeId },
        responses: { 'notices.closeReport': ok(ARCHIVE) },
        expect: [
          '异议已核实处理',
          '共收到 3 条异议，已处理 3 条',
          '2026-11-25 公示期满',
          '2026年11月19日至11月25日',
          '体育学院学生党支部、篮球协会',
          '异议及处理（3条）',
          '第1条',
          '孙梦瑶',
          '第2条',
          '匿名',
          '2026-11-20',
          '2026-11-20 14:32',
          '异议不成立',
        ],
      },
      {
        name: 'pending',
        title: '归档记录 · 公示结束时尚有异议待处理',
        persona: 'secretary',
        query: { noticeId: ARCHIVE_PENDING.noticeId },
        responses: { 'notices.closeReport': ok(ARCHIVE_PENDING) },
        expect: ['尚有异议待处理', '共收到 3 条异议，已处理 2 条'],
      },
      {
        name: 'refiled',
        title: '归档记录 · 结束后补充处理，第二次归档（首次归档保留）',
        persona: 'secretary',
        query: { noticeId: ARCHIVE_REFILED.noticeId },
        responses: { 'notices.closeReport': ok(ARCHIVE_REFILED) },
        expect: ['异议已核实处理', '归档时：尚有异议待处理', '第 2 次归档'],
      },
      {
        name: 'no-objection',
        title: '归档记录 · 公示期间无异议',
        persona: 'secretary',
        query: { noticeId: ARCHIVE_NO_OBJECTION.noticeId },
        responses: { 'notices.closeReport': ok(ARCHIVE_NO_OBJECTION) },
        expect: ['公示期间无异议', '公示期间未收到异议'],
      },
      {
        name: 'withdrawn',
        title: '归档记录 · 已撤回的公示',
        persona: 'officer',
        query: { noticeId: ARCHIVE_WITHDRAWN.noticeId },
        responses: { 'notices.closeReport': ok(ARCHIVE_WITHDRAWN) },
        expect: ['已撤回', '撤回理由：公示名单中副会长人选有误', '原定公示期', '撤回前未收到异议'],
      },
      {
        name: 'not-ended',
        title: '归档记录 · 公示尚未结束',
        persona: 'officer',
        query: { noticeId: DETAIL_OPEN.id },
        responses: { 'notices.closeReport': fail('NOTICE_NOT_ENDED') },
        expect: ['公示期结束或撤回后，才会生成归档记录'],
      },
    ],
  },
];
