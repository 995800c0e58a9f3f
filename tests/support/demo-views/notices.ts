/**
 * Demo 公示 for previews, component tests and the setData bench: notices of the demo school (demo-data.ts units
 * and people) in every state, with realistic Chinese titles and bodies so that wrapping and length show up as
 * they would in use. "Today" in this data is Monday 2026-11-23.
 */
import type {
  MyObjectionView,
  NoticeArchiveView,
  NoticeCardView,
  NoticeDetailView,
  NoticeKind,
  NoticeOutcome,
  NoticeState,
  NoticeWindowView,
  OfficerObjectionView,
  Page,
  WindowUnit,
} from '../../../typings/actions';
import {
  NOTICE_KIND_LABELS,
  NOTICE_OUTCOME_LABELS,
  NOTICE_STATE_LABELS,
  OBJECTION_OUTCOME_LABELS,
} from '../../../typings/actions/notices';
import { UNITS } from './org';

const unitName = (id: string) => UNITS.find((u) => u.id === id)?.name ?? id;

function window(start: string, end: string, length: number, unit: WindowUnit = 'workday', provisional = false) {
  const next = new Date(`${end}T00:00:00+08:00`);
  next.setUTCDate(next.getUTCDate() + 1);
  const closes = new Date(next.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const w: NoticeWindowView = {
    start,
    end,
    length,
    unit,
    counting: 'inclusive',
    opensAt: `${start}T00:00:00+08:00`,
    closesAt: `${closes}T00:00:00+08:00`,
    provisional,
  };
  return w;
}

interface CardSpec {
  id: string;
  kind: NoticeKind;
  title: string;
  unitId: string;
  state: NoticeState;
  window: NoticeWindowView;
  remaining?: number;
  /** How a closed one ended (default 无异议). */
  outcome?: NoticeOutcome;
}

function card(s: CardSpec): NoticeCardView {
  return {
    id: s.id,
    kind: s.kind,
    kindLabel: NOTICE_KIND_LABELS[s.kind],
    title: s.title,
    unitId: s.unitId,
    unitName: unitName(s.unitId),
    state: s.state,
    stateLabel: NOTICE_STATE_LABELS[s.state],
    window: s.window,
    countdown:
      s.state === 'open' || s.state === 'scheduled'
        ? { remaining: s.remaining ?? s.window.length, unit: s.window.unit }
        : null,
    publishedAt: s.state === 'draft' ? null : `${s.window.start}T09:00:00+08:00`,
    closed:
      s.state === 'closed'
        ? {
            at: s.window.closesAt,
            outcome: s.outcome ?? 'no_objection',
            outcomeLabel: NOTICE_OUTCOME_LABELS[s.outcome ?? 'no_objection'],
          }
        : null,
    pendingObjections: null,
  };
}

/** What the 公示 tab lists for a student of 信息学院 / a member of the basketball association: open ones first. */
export const NOTICE_CARDS: NoticeCardView[] = [
  card({
    id: 'n-activist-pe',
    kind: 'activist',
    title: '关于确定王浩然等3名同志为入党积极分子的公示',
    unitId: 'pb-pe-1',
    state: 'open',
    window: window('2026-11-19', '2026-11-25', 5),
    remaining: 3,
  }),
  card({
    id: 'n-tuiyou-2301',
    kind: 'tuiyou',
    title: '关于推荐计算机科学与技术2301班陈佳怡、欧阳明轩2名优秀共青团员作为入党积极分子人选的公示',
    unitId: 'lb-info-2301',
    state: 'open',
    window: window('2026-11-20', '2026-11-26', 5),
    remaining: 4,
  }),
  card({
    id: 'n-acceptance-bb',
    kind: 'acceptance',
    title: '关于接收李雨桐同志为预备党员的公示',
    unitId: 'tpb-basketball',
    state: 'open',
    window: window('2026-11-23', '2026-11-29', 7, 'calendar_day'),
    remaining: 7,
  }),
  card({
    id: 'n-honor-league',
    kind: 'honor',
    title: '2026年度优秀共青团员、优秀共青团干部评选结果公示',
    unitId: 'league-committee',
    state: 'scheduled',
    window: window('2026-11-26', '2026-12-02', 5),
  }),
  card({
    id: 'n-candidate-info',
    kind: 'development_candidate',
    title: '关于确定赵一鸣同志为发展对象的公示',
    unitId: 'pb-info-1',
    state: 'scheduled',
    window: window('2026-12-28', '2027-01-04', 5, 'workday', true),
  }),
  card({
    id: 'n-activist-lit',
    kind: 'activist',
    title: '关于确定刘子涵等4名同志为入党积极分子的公示',
    unitId: 'pb-info-1',
    state: 'closed',
    window: window('2026-11-02', '2026-11-06', 5),
  }),
  card({
    id: 'n-conversion',
    kind: 'conversion',
    title: '关于吴欣然同志预备党员转正的公示',
    unitId: 'pb-info-1',
    state: 'closed',
    outcome: 'objections_handled',
    window: window('2026-10-19', '2026-10-23', 5),
  }),
  card({
    id: 'n-backbone-robot',
    kind: 'backbone',
    title: '机器人创新实践协会2026—2027学年骨干选任结果公示',
    unitId: 'assoc-robotics',
    state: 'withdrawn',
    window: window('2026-10-12', '2026-10-16', 5),
  }),
  card({
    id: 'n-tuiyou-volunteer',
    kind: 'tuiyou',
    title: '志愿服务协会临时团支部推荐周俊杰同志为入党积极分子人选的公示',
    unitId: 'tlb-volunteer',
    state: 'closed',
    window: window('2026-09-21', '2026-09-25', 5),
  }),
  card({
    id: 'n-other-eval',
    kind: 'other',
    title: '2026年春季学期学生党员民主评议结果公示',
    unitId: 'college-info',
    state: 'closed',
    window: window('2026-06-15', '2026-06-19', 5),
  }),
];

/** A page of the tab's list. */
export function noticePage(items: NoticeCardView[] = NOTICE_CARDS, hasMore = false, page = 1): Page<NoticeCardView> {
  return { items, page, pageSize: 10, hasMore };
}

/** More notices for a second page, older ones. */
export const OLDER_NOTICE_CARDS: NoticeCardView[] = [
  card({
    id: 'n-older-1',
    kind: 'activist',
    title: '关于确定孙梦瑶等2名同志为入党积极分子的公示',
    unitId: 'pb-info-1',
    state: 'closed',
    window: window('2026-05-11', '2026-05-15', 5),
  }),
  card({
    id: 'n-older-2',
    kind: 'honor',
    title: '2025—2026学年“五四红旗团支部”评选结果公示',
    unitId: 'league-committee',
    state: 'closed',
    window: window('2026-04-27', '2026-05-06', 5),
  }),
];

const cardById = (id: string) => {
  const c = [...NOTICE_CARDS, ...OLDER_NOTICE_CARDS].find((x) => x.id === id);
  if (!c) throw new Error(`demo notice ${id}`);
  return c;
};

const ACTIVIST_BODY = `经体育学院学生党支部委员会研究，并征求党员和群众意见，拟确定以下3名同志为入党积极分子：

王浩然，男，汉族，2005年3月出生，体育学院2023级运动训练专业学生，2025年10月递交入党申请书。
周俊杰，男，汉族，2004年11月出生，体育学院2023级社会体育指导与管理专业学生，2025年9月递交入党申请书。
张思远，男，汉族，2005年6月出生，信息学院2023级计算机科学与技术专业学生，篮球协会会员，2025年10月递交入党申请书。

公示期间，党员和群众如有不同意见，可在本页面提出异议，也可向体育学院学生党支部反映。反映问题应实事求是、具体明确。`;

const none = { edit: false, publish: false, withdraw: false, object: false, handleObjections: false };

function detail(id: string, extra: Partial<NoticeDetailView> = {}): NoticeDetailView {
  const c = cardById(id);
  return {
    ...c,
    body: ACTIVIST_BODY,
    ruleVersion: '2026.05',
    subjects: [{ name: '王浩然' }, { name: '周俊杰' }, { name: '张思远' }],
    scope: [{ unitId: c.unitId, unitName: c.unitName }],
    withdrawn: null,
    closed: null,
    can: { ...none },
    objectionCounts: null,
    myObjectionCount: 0,
    ...extra,
  };
}

function closedAt(id: string, outcome: NoticeOutcome) {
  return { at: cardById(id).window.closesAt, outcome, outcomeLabel: NOTICE_OUTCOME_LABELS[outcome] };
}

/** An open notice as a student reads it: the objection form is offered. */
export const DETAIL_OPEN: NoticeDetailView = detail('n-activist-pe', {
  scope: [
    { unitId: 'pb-pe-1', unitName: unitName('pb-pe-1') },
    { unitId: 'assoc-basketball', unitName: unitName('assoc-basketball') },
  ],
  can: { ...none, object: true },
});

/** The same notice, after the reader objected once. */
export const DETAIL_OPEN_OBJECTED: NoticeDetailView = { ...DETAIL_OPEN, myObjectionCount: 1 };

/** The same notice as its branch secretary sees it: objections to handle, withdraw. */
export const DETAIL_OPEN_OFFICER: NoticeDetailView = {
  ...DETAIL_OPEN,
  can: { ...none, object: true, withdraw: true, handleObjections: true },
  objectionCounts: { total: 3, pending: 1 },
};

/** A draft as its officer sees it: edit and publish. */
export const DETAIL_DRAFT: NoticeDetailView = {
  ...detail('n-candidate-info', {
    title: '关于确定赵一鸣同志为发展对象的公示',
    body: `经信息学院本科生第一党支部委员会研究，拟确定赵一鸣同志为发展对象。

赵一鸣，男，汉族，2004年8月出生，信息学院2022级软件工程专业学生，2023年10月递交入党申请书，2024年11月被确定为入党积极分子，经过一年以上培养考察，已参加学校党校培训并结业。

公示期间如有不同意见，请在本页面提出异议，或向信息学院党委反映。`,
    subjects: [{ name: '赵一鸣' }],
    can: { ...none, edit: true, publish: true },
    objectionCounts: { total: 0, pending: 0 },
  }),
  state: 'draft',
  stateLabel: NOTICE_STATE_LABELS.draft,
  countdown: null,
  publishedAt: null,
};

/** Scheduled, with a window reaching into 2027 (no holiday notice yet): provisional. */
export const DETAIL_SCHEDULED: NoticeDetailView = {
  ...DETAIL_DRAFT,
  state: 'scheduled',
  stateLabel: NOTICE_STATE_LABELS.scheduled,
  countdown: { remaining: 5, unit: 'workday' },
  publishedAt: '2026-11-23T10:12:00+08:00',
  can: { ...none },
  objectionCounts: null,
};

/** Closed without objections. */
export const DETAIL_CLOSED: NoticeDetailView = detail('n-activist-lit', {
  title: '关于确定刘子涵等4名同志为入党积极分子的公示',
  body: `经信息学院本科生第一党支部委员会研究，拟确定刘子涵、孙梦瑶、欧阳明轩、陈佳怡4名同志为入党积极分子。

公示期间，党员和群众如有不同意见，可在本页面提出异议，也可向信息学院本科生第一党支部反映。`,
  subjects: [{ name: '刘子涵' }, { name: '孙梦瑶' }, { name: '欧阳明轩' }, { name: '陈佳怡' }],
  closed: closedAt('n-activist-lit', 'no_objection'),
});

/** Withdrawn, with the reason readers see. */
export const DETAIL_WITHDRAWN: NoticeDetailView = detail('n-backbone-robot', {
  body: '经协会会员大会选举，拟任命以下同学为机器人创新实践协会2026—2027学年骨干：会长 周俊杰，副会长 孙梦瑶、欧阳明轩。',
  subjects: [{ name: '周俊杰' }, { name: '孙梦瑶' }, { name: '欧阳明轩' }],
  withdrawn: { at: '2026-10-13T16:20:00+08:00', reason: '公示名单中副会长人选有误，更正后重新公示。' },
});

/** The objections to DETAIL_OPEN_OFFICER as the secretary sees them. */
export const OFFICER_OBJECTIONS: OfficerObjectionView[] = [
  {
    id: 'o-1',
    text: '王浩然同志上学期有两门专业课缺考，与“学习成绩良好”的表述不符，请支部核实。',
    anonymous: false,
    objector: { personId: 'p-sunmy', name: '孙梦瑶' },
    submittedAt: '2026-11-20T14:32:00+08:00',
    needsReview: false,
    handling: null,
  },
  {
    id: 'o-2',
    text: '周俊杰同志在协会换届中有拉票行为，希望组织了解情况后再确定。',
    anonymous: true,
    objector: null,
    submittedAt: '2026-11-20',
    needsReview: true,
    handling: {
      investigation: '支部与协会指导老师及5名会员逐一谈话，并查阅了换届选举记录。换届按章程进行，未发现拉票行为。',
      outcome: 'dismissed',
      outcomeLabel: OBJECTION_OUTCOME_LABELS.dismissed,
      handledAt: '2026-11-22T10:05:00+08:00',
      handledByName: '李雨桐',
    },
  },
  {
    id: 'o-3',
    text: '公示中张思远同志的出生年月写错了，应为2005年8月。',
    anonymous: true,
    objector: null,
    submittedAt: '2026-11-21',
    needsReview: false,
    handling: {
      investigation: '经核对学籍档案，张思远同志出生年月为2005年8月，公示材料录入有误，已更正并在支部内说明。',
      outcome: 'upheld',
      outcomeLabel: OBJECTION_OUTCOME_LABELS.upheld,
      handledAt: '2026-11-22T15:40:00+08:00',
      handledByName: '李雨桐',
    },
  },
];

export function objectionsPage(items = OFFICER_OBJECTIONS, hasMore = false): Page<OfficerObjectionView> {
  return { items, page: 1, pageSize: 20, hasMore };
}

/** The objections 张思远 raised. */
export const MY_OBJECTIONS: MyObjectionView[] = [
  {
    id: 'mo-1',
    noticeId: 'n-tuiyou-2301',
    noticeTitle: NOTICE_CARDS[1].title,
    text: '欧阳明轩同志本学期团员教育评议尚未完成，建议核实是否符合推优条件。',
    anonymous: true,
    submittedAt: '2026-11-21T21:18:00+08:00',
    handling: null,
  },
  {
    id: 'mo-2',
    noticeId: 'n-activist-lit',
    noticeTitle: '关于确定刘子涵等4名同志为入党积极分子的公示',
    text: '刘子涵同志的入党申请书递交时间应为2025年3月，公示写成了2025年5月。',
    anonymous: false,
    submittedAt: '2026-11-03T12:40:00+08:00',
    handling: {
      investigation: '经查阅入党申请书原件，递交时间为2025年3月12日，公示录入有误，已在支部大会上更正。',
      outcome: 'upheld',
      outcomeLabel: OBJECTION_OUTCOME_LABELS.upheld,
      handledAt: '2026-11-05T09:30:00+08:00',
      handledByName: '吴欣然',
    },
  },
];

export function myObjectionsPage(items = MY_OBJECTIONS, hasMore = false): Page<MyObjectionView> {
  return { items, page: 1, pageSize: 20, hasMore };
}

/** The filed record of the activist notice after it closed, objections handled. */
export const ARCHIVE: NoticeArchiveView = {
  noticeId: 'n-activist-pe',
  kind: 'activist',
  kindLabel: NOTICE_KIND_LABELS.activist,
  ruleVersion: '2026.05',
  title: DETAIL_OPEN.title,
  body: ACTIVIST_BODY,
  subjects: DETAIL_OPEN.subjects,
  scopeUnitIds: ['pb-pe-1', 'assoc-basketball'],
  window: DETAIL_OPEN.window,
  publishedAt: '2026-11-19T09:00:00+08:00',
  withdrawn: null,
  closed: {
    at: '2026-11-26T00:00:00+08:00',
    outcome: 'objections_handled',
    outcomeLabel: NOTICE_OUTCOME_LABELS.objections_handled,
  },
  revision: 1,
  filedOutcomeLabel: '异议已核实处理',
  objections: [
    {
      no: 1,
      anonymous: false,
      objector: { personId: 'p-sunmy', name: '孙梦瑶' },
      text: OFFICER_OBJECTIONS[0].text,
      submittedAt: '2026-11-20T14:32:00+08:00',
      handling: {
        investigation: '经核查教务系统，王浩然同志两门课程为缓考（因伤病办理），已参加补考且成绩合格，不属缺考。',
        outcome: 'dismissed',
        outcomeLabel: OBJECTION_OUTCOME_LABELS.dismissed,
        handledAt: '2026-11-24T11:20:00+08:00',
        handledByName: '李雨桐',
      },
    },
    {
      no: 2,
      anonymous: true,
      objector: null,
      text: OFFICER_OBJECTIONS[1].text,
      submittedAt: '2026-11-20',
      handling: OFFICER_OBJECTIONS[1].handling,
    },
    {
      no: 3,
      anonymous: true,
      objector: null,
      text: OFFICER_OBJECTIONS[2].text,
      submittedAt: '2026-11-21',
      handling: OFFICER_OBJECTIONS[2].handling,
    },
  ],
};

/** A withdrawn notice's record: no objections had arrived. */
/** The same notice as filed at the close, while its last objection was still being investigated. */
export const ARCHIVE_PENDING: NoticeArchiveView = {
  ...ARCHIVE,
  closed: { ...ARCHIVE.closed!, outcome: 'objections_pending', outcomeLabel: '尚有异议待处理' },
  filedOutcomeLabel: '尚有异议待处理',
  objections: ARCHIVE.objections.map((o, i) => (i === ARCHIVE.objections.length - 1 ? { ...o, handling: null } : o)),
};

/** After that objection was handled: the second filing, the first kept. */
export const ARCHIVE_REFILED: NoticeArchiveView = { ...ARCHIVE, revision: 2, filedOutcomeLabel: '尚有异议待处理' };

/** A publicity that ended with no objection at all. */
export const ARCHIVE_NO_OBJECTION: NoticeArchiveView = {
  ...ARCHIVE,
  closed: { ...ARCHIVE.closed!, outcome: 'no_objection', outcomeLabel: '公示期间无异议' },
  filedOutcomeLabel: '公示期间无异议',
  objections: [],
};

export const ARCHIVE_WITHDRAWN: NoticeArchiveView = {
  ...ARCHIVE,
  noticeId: 'n-backbone-robot',
  kind: 'backbone',
  kindLabel: NOTICE_KIND_LABELS.backbone,
  title: DETAIL_WITHDRAWN.title,
  body: DETAIL_WITHDRAWN.body,
  subjects: DETAIL_WITHDRAWN.subjects,
  scopeUnitIds: ['assoc-robotics'],
  window: DETAIL_WITHDRAWN.window,
  publishedAt: '2026-10-12T08:30:00+08:00',
  withdrawn: DETAIL_WITHDRAWN.withdrawn,
  closed: null,
  objections: [],
};

/** The managed list of the 信息学院 officer: a draft first, then the rest. */
export const MANAGED_CARDS: NoticeCardView[] = [
  {
    ...cardById('n-candidate-info'),
    state: 'draft',
    stateLabel: NOTICE_STATE_LABELS.draft,
    countdown: null,
    publishedAt: null,
  },
  // Two objections to the 推优 list are still being looked into.
  { ...cardById('n-tuiyou-2301'), pendingObjections: 2 },
  cardById('n-activist-lit'),
  cardById('n-conversion'),
  cardById('n-other-eval'),
];
