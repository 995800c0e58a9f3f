/**
 * The 公示 pages and their states, for the preview registry (pages.ts spreads these into PAGES). Every answer is the
 * demo world's own, recorded through the real actions (tests/support/world-views.ts); the personas are the world's
 * people: 彭悦 (sport_prob2, a student member of the sport party branch), 沈可欣 (sport_league2, who objected by
 * name), 马骁 (sport_pb_sec, the branch secretary), 陈志强 (sport_officer, the sport college's officer).
 */
import { demoPersonName } from '../../emulator/demo/school';
import { fail, ok } from '../../tests/component/harness';
import { worldReply, worldView } from '../../tests/support/world-views';
import type { PreviewPage } from './types';

const OBJECTION_TEXT = '名单中冯晨同志本学期的团员教育评议尚未完成，建议核实是否符合评选条件。';

/** 2026-11-25 → 11月25日 */
const md = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
/** 2026-11-25 → 2026年11月25日 */
const ymd = (date: string) => `${date.slice(0, 4)}年${md(date)}`;
/** An ISO instant → 2026-11-21 09:00 (Shanghai; the recorded instants carry +08:00). */
const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ');

const list = worldView('notices.list.league2');
const openCard = list.items.find((c) => c.state === 'open' && c.countdown?.unit === 'workday')!;
const calendarCard = list.items.find((c) => c.state === 'open' && c.countdown?.unit === 'calendar_day')!;
const infoList = worldView('notices.list.info_student');
const scheduledCard = infoList.items.find((c) => c.state === 'scheduled')!;
const open = worldView('notices.get.open.student');
const openOfficer = worldView('notices.get.open.officer');
const draft = worldView('notices.get.draft.secretary');
const scheduled = worldView('notices.get.scheduled.student');
const closed = worldView('notices.get.closed_pending.student');
const withdrawn = worldView('notices.get.withdrawn.student');
const myHandled = worldView('notices.myObjections.handled');
const myPending = worldView('notices.myObjections.pending');
const managed = worldView('notices.managed.officer');
const objections = worldView('notices.objections.closed_pending.secretary');
const objectionsOpen = worldView('notices.objections.open.officer');
const report = worldView('notices.closeReport.closed_handled');
const reportWindow = report.window!;
const reportPending = worldView('notices.closeReport.closed_pending');
const reportRefiled = worldView('notices.closeReport.refiled');
const reportClean = worldView('notices.closeReport.closed_clean');
const reportWithdrawn = worldView('notices.closeReport.withdrawn');
const handledObjection = myHandled.items[0];
const realName = objections.items.find((o) => !o.anonymous)!;

export const NOTICE_PAGES: PreviewPage[] = [
  {
    name: 'notices',
    path: 'pages/notices/index',
    states: [
      {
        name: 'list',
        title: '公示 · 学生看到的公示列表（公示中在前）',
        persona: 'sport_league2',
        responses: { 'notices.list': ok(list) },
        expect: [
          '我的异议',
          openCard.title,
          openCard.kindLabel,
          openCard.unitName,
          '公示中',
          `剩余 ${openCard.countdown!.remaining} 个工作日 · ${md(openCard.window.end)}截止`,
          `剩余 ${calendarCard.countdown!.remaining} 天`,
          '已撤回',
          '没有更多了',
        ],
      },
      {
        name: 'scheduled',
        title: '公示 · 待公示与已结束的公示',
        persona: 'info_prob1',
        responses: { 'notices.list': ok(infoList) },
        expect: ['待公示', `${md(scheduledCard.window.start)}开始公示`, '已结束'],
      },
      {
        name: 'has-more',
        title: '公示 · 还有下一页',
        persona: 'sport_prob2',
        responses: { 'notices.list': worldReply('notices.list.student_page1of2') },
        expect: ['加载更多'],
      },
      {
        name: 'empty',
        title: '公示 · 暂无公示',
        persona: 'sport_prob2',
        responses: { 'notices.list': ok({ ...list, items: [] }) },
        expect: ['暂无公示'],
      },
      {
        name: 'not-bound',
        title: '公示 · 未实名绑定',
        persona: 'applicant_new',
        responses: { 'notices.list': worldReply('notices.list.unbound') },
        expect: ['完成实名绑定后，才能查看所在组织的公示', '去实名绑定'],
      },
      {
        name: 'error',
        title: '公示 · 服务出错',
        persona: 'sport_prob2',
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
        persona: 'sport_prob2',
        query: { noticeId: open.id },
        responses: { 'notices.get': ok(open) },
        expect: [
          open.title,
          `剩余 ${open.countdown!.remaining} 天`,
          `${ymd(open.window.start)}至${md(open.window.end)}`,
          open.subjects.map((s) => s.name).join('、'),
          open.scope.map((s) => s.unitName).join('、'),
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
        persona: 'sport_prob2',
        query: { noticeId: open.id },
        responses: { 'notices.get': ok(open) },
        setup: async (p) => {
          await p.trigger('#objection-text', 'change', { value: OBJECTION_TEXT });
          await p.trigger('#anonymous-switch', 'change', { value: true });
        },
        expect: ['处理异议的工作人员看不到是谁提交的', '您本人仍可在「我的异议」中查看'],
      },
      {
        name: 'empty-objection',
        title: '公示详情 · 未填内容就提交',
        persona: 'sport_prob2',
        query: { noticeId: open.id },
        responses: { 'notices.get': ok(open) },
        setup: async (p) => {
          await p.tap('#submit-objection');
        },
        expect: ['请填写异议内容'],
      },
      {
        name: 'content-rejected',
        title: '公示详情 · 内容安全检测未通过',
        persona: 'sport_prob2',
        query: { noticeId: open.id },
        responses: { 'notices.get': ok(open), 'notices.object': fail('CONTENT_REJECTED') },
        setup: async (p) => {
          await p.trigger('#objection-text', 'change', { value: OBJECTION_TEXT });
          await p.tap('#submit-objection');
        },
        expect: ['内容含有不适宜的信息，请修改后重试'],
      },
      {
        name: 'submitted',
        title: '公示详情 · 异议提交成功',
        persona: 'sport_prob2',
        query: { noticeId: open.id },
        responses: { 'notices.get': ok(open), 'notices.object': worldReply('notices.object.submitted') },
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
        persona: 'sport_league2',
        query: { noticeId: open.id },
        responses: { 'notices.get': worldReply('notices.get.open.objector') },
        expect: ['您已对本公示提出 1 条异议'],
      },
      {
        name: 'officer-open',
        title: '公示详情 · 学院干部看公示中的公示（处理异议、撤回）',
        persona: 'sport_officer',
        query: { noticeId: openOfficer.id },
        responses: { 'notices.get': ok(openOfficer) },
        expect: [
          '管理',
          '异议处理',
          `待处理 ${openOfficer.objectionCounts!.pending} · 共 ${openOfficer.objectionCounts!.total}`,
          '撤回公示',
        ],
        absent: ['编辑草稿'],
      },
      {
        name: 'withdraw-dialog',
        title: '公示详情 · 撤回未填理由',
        persona: 'sport_officer',
        query: { noticeId: openOfficer.id },
        responses: { 'notices.get': ok(openOfficer) },
        setup: async (p) => {
          await p.tap('#admin-withdraw');
          await p.trigger('#withdraw-dialog >>> #reason-dialog', 'confirm');
        },
        expect: ['撤回公示', '撤回后公示停止', '请填写撤回理由，读者会看到它'],
      },
      {
        name: 'draft',
        title: '公示详情 · 支部书记看草稿（编辑、发布）',
        persona: 'sport_pb_sec',
        query: { noticeId: draft.id },
        responses: { 'notices.get': ok(draft) },
        expect: ['草稿', '发布前只有本组织的管理人员能看到', '编辑草稿', '发布公示'],
        absent: ['提交异议'],
      },
      {
        name: 'publish-dialog',
        title: '公示详情 · 发布确认（发布后内容锁定）',
        persona: 'sport_pb_sec',
        query: { noticeId: draft.id },
        responses: { 'notices.get': ok(draft) },
        setup: async (p) => {
          await p.tap('#admin-publish');
        },
        expect: ['确认发布公示？', '不能再修改', '确认发布'],
      },
      {
        name: 'scheduled',
        title: '公示详情 · 待公示',
        persona: 'info_prob1',
        query: { noticeId: scheduled.id },
        responses: { 'notices.get': ok(scheduled) },
        expect: ['待公示', '尚未开始', `${ymd(scheduled.window.start)}开始公示，届时可在本页提出异议`],
        absent: ['提交异议'],
      },
      {
        name: 'closed',
        title: '公示详情 · 已结束（公示结果）',
        persona: 'sport_prob2',
        query: { noticeId: closed.id },
        responses: { 'notices.get': ok(closed) },
        expect: ['已结束', '公示期已结束', `公示结果：${closed.closed!.outcomeLabel}`],
        absent: ['提交异议'],
      },
      {
        name: 'withdrawn',
        title: '公示详情 · 已撤回（撤回理由）',
        persona: 'sport_league2',
        query: { noticeId: withdrawn.id },
        responses: { 'notices.get': ok(withdrawn) },
        expect: [
          '已撤回',
          `该公示已于${ymd(withdrawn.withdrawn!.at.slice(0, 10))}撤回`,
          `撤回理由：${withdrawn.withdrawn!.reason}`,
        ],
        absent: ['提交异议'],
      },
      {
        name: 'not-found',
        title: '公示详情 · 公示不存在',
        persona: 'sport_prob2',
        query: { noticeId: 'n_no_such_notice' },
        responses: { 'notices.get': worldReply('notices.get.missing') },
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
        title: '我的异议 · 已处理（异议成立）',
        persona: 'sport_prob2',
        responses: { 'notices.myObjections': ok(myHandled) },
        expect: [
          handledObjection.noticeTitle,
          `实名提交 · ${minute(handledObjection.submittedAt)}`,
          handledObjection.handling!.outcomeLabel,
          '核实情况',
          handledObjection.handling!.investigation,
          `${handledObjection.handling!.handledByName} · ${minute(handledObjection.handling!.handledAt)}`,
        ],
      },
      {
        name: 'pending',
        title: '我的异议 · 匿名提出，待核实',
        persona: 'sport_full3',
        responses: { 'notices.myObjections': ok(myPending) },
        expect: ['待核实', `匿名提交 · ${minute(myPending.items[0].submittedAt)}`, '负责的组织正在核实'],
      },
      {
        name: 'has-more',
        title: '我的异议 · 还有下一页',
        persona: 'sport_prob2',
        responses: { 'notices.myObjections': ok({ ...myHandled, hasMore: true }) },
        expect: ['加载更多'],
      },
      {
        name: 'empty',
        title: '我的异议 · 还没有提过',
        persona: 'sport_league1',
        responses: { 'notices.myObjections': worldReply('notices.myObjections.none') },
        expect: ['您还没有提出过异议'],
      },
      {
        name: 'error',
        title: '我的异议 · 网络异常',
        persona: 'sport_prob2',
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
        persona: 'sport_officer',
        responses: { 'notices.list': ok(managed) },
        expect: [
          '草稿',
          `拟于${md(managed.items.find((c) => c.state === 'draft')!.window.start)}开始`,
          '新建公示',
          `${Math.max(...managed.items.map((c) => c.pendingObjections ?? 0))} 条异议待处理`,
        ],
      },
      {
        name: 'empty',
        title: '公示管理 · 还没有公示',
        persona: 'sport_pb_sec',
        responses: { 'notices.list': ok({ ...managed, items: [] }) },
        expect: ['还没有公示', '新建公示'],
      },
      {
        name: 'forbidden',
        title: '公示管理 · 普通学生打开（无权限）',
        persona: 'sport_prob2',
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
        persona: 'sport_pb_sec',
        expect: [
          '公示类型',
          '请选择',
          '标题',
          '公示内容',
          '公示对象',
          '发布单位',
          draft.unitName,
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
        persona: 'sport_pb_sec',
        setup: async (p) => {
          await p.tap('#save-button');
        },
        expect: ['请选择公示类型', '请填写标题', '请填写公示内容'],
      },
      {
        name: 'filled',
        title: '新建公示 · 填好的表单（3 名公示对象）',
        persona: 'sport_officer',
        setup: async (p) => {
          const names = ['bball_pres', 'sport_prob1', 'sport_prob2'].map(demoPersonName);
          await p.trigger('#kind-picker', 'confirm', { value: ['development_candidate'], label: ['发展对象确定'] });
          await p.trigger('#title-input', 'change', { value: `关于确定${names[0]}等3名同志为发展对象的公示` });
          await p.trigger('#body-input', 'change', {
            value: '经体育学院学生党支部委员会研究，拟确定以下同志为发展对象……',
          });
          await p.trigger('#name-input', 'change', { value: names.join('、') });
          await p.tap('#add-name');
          await p.trigger('#scope-picker', 'confirm', { value: [draft.unitId], label: [draft.unitName] });
        },
        expect: [
          '发展对象确定',
          demoPersonName('bball_pres'),
          demoPersonName('sport_prob2'),
          '公示对象（3人）',
          draft.unitName,
          '5个工作日（开始当日计入）',
        ],
      },
      {
        name: 'scope-picker',
        title: '新建公示 · 选择公示范围（本单位及下级组织）',
        persona: 'sport_officer',
        setup: async (p) => {
          await p.tap('#scope-cell');
        },
        expect: ['体育学院', '体育学院学生党支部', '体育学院2023级1班团支部'],
      },
      {
        name: 'server-errors',
        title: '新建公示 · 开始日期早于今天（服务端校验）',
        persona: 'sport_pb_sec',
        responses: { 'notices.create': fail('WINDOW_START_IN_PAST') },
        setup: async (p) => {
          await p.trigger('#kind-picker', 'confirm', { value: ['acceptance'], label: ['接收预备党员'] });
          await p.trigger('#title-input', 'change', {
            value: `关于接收${demoPersonName('bball_pres')}同志为预备党员的公示`,
          });
          await p.trigger('#body-input', 'change', { value: '经体育学院学生党支部研究……' });
          await p.tap('#save-button');
        },
        expect: ['公示开始日期不能早于今天'],
      },
      {
        name: 'edit',
        title: '编辑公示 · 修改草稿',
        persona: 'sport_pb_sec',
        query: { noticeId: draft.id },
        responses: { 'notices.get': ok(draft) },
        expect: [draft.kindLabel, draft.subjects[0].name, draft.unitName, ymd(draft.window.start), '保存草稿'],
      },
      {
        name: 'published',
        title: '编辑公示 · 已发布的公示不能再改',
        persona: 'sport_officer',
        query: { noticeId: openOfficer.id },
        responses: { 'notices.get': ok(openOfficer) },
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
        title: '异议处理 · 实名与匿名异议（一条已处理，一条待处理）',
        persona: 'sport_pb_sec',
        query: { noticeId: reportPending.noticeId },
        responses: { 'notices.objections': ok(objections) },
        expect: [
          `${objections.items.filter((o) => !o.handling).length} 条待处理`,
          '实名',
          realName.objector!.name,
          '匿名',
          `${objections.items.find((o) => o.anonymous)!.submittedAt} 提交`,
          '处理',
          realName.handling!.outcomeLabel,
        ],
      },
      {
        name: 'form',
        title: '异议处理 · 填写调查核实情况',
        persona: 'sport_officer',
        query: { noticeId: openOfficer.id },
        responses: { 'notices.objections': ok(objectionsOpen) },
        setup: async (p) => {
          await p.tap('.handle-button');
          await p.trigger('#investigation-input', 'change', {
            value: '经与本人核对学籍信息，公示名单中姓名录入有误，已更正。',
          });
          await p.trigger('#outcome-radio', 'change', { value: 'upheld' });
        },
        expect: ['调查核实情况', '核实结论', '属实（异议成立）', '不属实（异议不成立）', '提交处理结果'],
      },
      {
        name: 'form-errors',
        title: '异议处理 · 未填写就提交',
        persona: 'sport_officer',
        query: { noticeId: openOfficer.id },
        responses: { 'notices.objections': ok(objectionsOpen) },
        setup: async (p) => {
          await p.tap('.handle-button');
          await p.tap('#submit-handling');
        },
        expect: ['请填写调查核实情况', '请选择核实结论'],
      },
      {
        name: 'empty',
        title: '异议处理 · 没有异议',
        persona: 'sport_pb_sec',
        query: { noticeId: draft.id },
        responses: { 'notices.objections': worldReply('notices.objections.draft.secretary') },
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
        title: '归档记录 · 公示结束，异议已处理',
        persona: 'robot_pres',
        query: { noticeId: report.noticeId },
        responses: { 'notices.closeReport': ok(report) },
        expect: [
          report.closed!.outcomeLabel,
          `共收到 ${report.objections.length} 条异议，已处理 ${report.objections.length} 条`,
          `${reportWindow.end} 公示期满`,
          `${ymd(reportWindow.start)}至${md(reportWindow.end)}`,
          `异议及处理（${report.objections.length}条）`,
          '第1条',
          report.objections[0].objector!.name,
          minute(report.objections[0].submittedAt),
          report.objections[0].handling!.outcomeLabel,
        ],
      },
      {
        name: 'pending',
        title: '归档记录 · 公示结束时尚有异议待处理（匿名者不显示身份）',
        persona: 'sport_pb_sec',
        query: { noticeId: reportPending.noticeId },
        responses: { 'notices.closeReport': ok(reportPending) },
        expect: [
          '尚有异议待处理',
          `共收到 ${reportPending.objections.length} 条异议，已处理 ${reportPending.objections.filter((o) => o.handling).length} 条`,
          '第2条',
          '匿名',
          reportPending.objections[1].submittedAt,
        ],
      },
      {
        name: 'refiled',
        title: '归档记录 · 结束后补充处理，第二次归档（首次归档保留）',
        persona: 'sport_pb_sec',
        query: { noticeId: reportRefiled.noticeId },
        responses: { 'notices.closeReport': ok(reportRefiled) },
        expect: [reportRefiled.closed!.outcomeLabel, `归档时：${reportRefiled.filedOutcomeLabel}`, '第 2 次归档'],
      },
      {
        name: 'no-objection',
        title: '归档记录 · 公示期间无异议',
        persona: 'info_prob1',
        query: { noticeId: reportClean.noticeId },
        responses: { 'notices.closeReport': ok(reportClean) },
        expect: ['公示期间无异议', '公示期间未收到异议'],
      },
      {
        name: 'withdrawn',
        title: '归档记录 · 已撤回的公示',
        persona: 'taiji_pres',
        query: { noticeId: reportWithdrawn.noticeId },
        responses: { 'notices.closeReport': ok(reportWithdrawn) },
        expect: ['已撤回', `撤回理由：${reportWithdrawn.withdrawn!.reason}`, '原定公示期', '撤回前未收到异议'],
      },
      {
        name: 'not-ended',
        title: '归档记录 · 公示尚未结束',
        persona: 'sport_officer',
        query: { noticeId: openOfficer.id },
        responses: { 'notices.closeReport': worldReply('notices.closeReport.open') },
        expect: ['公示期结束或撤回后，才会生成归档记录'],
      },
    ],
  },
];
