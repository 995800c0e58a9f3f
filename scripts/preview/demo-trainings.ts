/**
 * Demo content of the 培训 pages: 体育学院's 发展对象集中培训 (three days, 24 学时), seen by a candidate on the
 * waitlist, by an enrolled one, and by the college officer who organises it.
 */
import type {
  AttendanceView,
  CheckinTokenView,
  CreateOptionsView,
  EnrolmentView,
  ExamView,
  HoursView,
  ProgramCardView,
  ProgramView,
  ReportView,
  SessionView,
  TrainerView,
} from '../../typings/actions';

export const CANDIDATE_CARD: ProgramCardView = {
  id: 'tp_demo_candidates',
  title: '2026年秋季发展对象集中培训',
  level: 'development_candidate',
  levelLabel: '发展对象培训',
  category: 'political',
  categoryLabel: '政治觉悟',
  unitId: 'college-pe',
  unitName: '体育学院',
  term: '2026-2027-1',
  admission: 'open',
  admissionLabel: '自由报名',
  capacity: 40,
  remaining: 0,
  sessions: 3,
  hoursOffered: 24,
};

export const LEAGUE_CARD: ProgramCardView = {
  ...CANDIDATE_CARD,
  id: 'tp_demo_league',
  title: '入团积极分子团课（第一期）',
  level: 'league_class',
  levelLabel: '团课（入团积极分子）',
  categoryLabel: '思想素质',
  category: 'ideology',
  unitId: 'league',
  unitName: '校团委',
  capacity: 120,
  remaining: 37,
  sessions: 4,
  hoursOffered: 8,
};

const session = (n: number, day: string, mine: SessionView['mine']): SessionView => ({
  id: `ts_demo_${n}`,
  title: ['党章学习', '党的历史与优良传统', '入党誓词与党员义务'][n - 1],
  start: `2026-10-${day}T09:00:00+08:00`,
  end: `2026-10-${day}T17:00:00+08:00`,
  place: '体育学院党员活动室',
  online: false,
  hours: 8,
  trainerName: '王建华',
  mine,
});

const present = {
  state: 'present' as const,
  stateLabel: '已签到',
  checkedInAt: '2026-10-10T08:56:00+08:00',
  checkedOutAt: '2026-10-10T17:02:00+08:00',
  leave: null,
  leaveLabel: null,
  rated: false,
};
const expected = {
  ...present,
  state: 'expected' as const,
  stateLabel: '未签到',
  checkedInAt: null,
  checkedOutAt: null,
};

export const WAITLISTED_VIEW: ProgramView = {
  ...CANDIDATE_CARD,
  description: '学习党章、党的基本理论和入党誓词，三天集中培训，结业考试合格后方可列入发展。',
  hoursMode: 'session',
  hoursModeLabel: '按课时计',
  enrolled: 40,
  waitlistLimit: 10,
  waitlistLength: 3,
  sessionList: [session(1, '10', null), session(2, '11', null), session(3, '12', null)],
  me: { state: 'waitlisted', stateLabel: '候补中', waitlistPosition: 2, canSignUp: false },
  exam: { deadline: '2026-10-13T18:00:00+08:00', passMark: 60, total: 100, offline: false, questions: 20 },
  canManage: false,
};

export const ENROLLED_VIEW: ProgramView = {
  ...WAITLISTED_VIEW,
  sessionList: [session(1, '10', present), session(2, '11', expected), session(3, '12', expected)],
  me: { state: 'enrolled', stateLabel: '已报名', waitlistPosition: null, canSignUp: false },
};

export const ORGANISER_VIEW: ProgramView = {
  ...WAITLISTED_VIEW,
  me: { state: null, stateLabel: null, waitlistPosition: null, canSignUp: false },
  canManage: true,
};

export const OPEN_VIEW: ProgramView = {
  ...WAITLISTED_VIEW,
  ...LEAGUE_CARD,
  enrolled: 83,
  waitlistLength: 0,
  sessionList: [],
  exam: null,
  me: { state: null, stateLabel: null, waitlistPosition: null, canSignUp: true },
};

export const CANDIDATE_HOURS: HoursView = {
  year: '2026',
  lines: [
    {
      id: 'candidate_training',
      label: '发展对象集中培训',
      rule: 'A10',
      source: '《中国共产党发展党员工作细则》（2014）发展对象培训条款',
      required: 24,
      requiredDays: 3,
      earned: 8,
      days: 1,
      met: false,
      shortfall: 16,
      yearly: false,
      sessions: [{ sessionId: 'ts_demo_1', title: '党章学习', date: '2026-10-10', hours: 8 }],
    },
  ],
};

export const MEMBER_HOURS: HoursView = {
  year: '2026',
  lines: [
    {
      id: 'member_yearly',
      label: '党员年度学习培训',
      rule: 'D7',
      source: '《全国党员教育培训工作规划》党员每年集中学习培训学时要求',
      required: 32,
      requiredDays: null,
      earned: 34,
      days: 9,
      met: true,
      shortfall: 0,
      yearly: true,
      sessions: [{ sessionId: 'ts_demo_9', title: '学习贯彻党的二十大精神', date: '2026-03-14', hours: 4 }],
    },
  ],
};

export const TOKEN: CheckinTokenView = {
  token: 'tp_demo_candidates.ts_demo_1.in.178977600.q3V0hB8m1kJ2t9sXwYz0aLcD4eFgHiJkLmNoPqRsTuU',
  purpose: 'in',
  refreshInMs: 7000,
  slotMs: 10000,
};

export const ATTENDANCE: AttendanceView = {
  sessionId: 'ts_demo_1',
  title: '党章学习',
  start: '2026-10-10T09:00:00+08:00',
  end: '2026-10-10T17:00:00+08:00',
  hours: 8,
  enrolled: 3,
  present: 1,
  onLeave: 1,
  noShows: 1,
  rows: [
    {
      personId: 'p-liyt',
      name: '李雨桐',
      state: 'present',
      stateLabel: '已签到',
      checkedInAt: '2026-10-10T08:56:00+08:00',
      checkedOutAt: '2026-10-10T17:02:00+08:00',
      hours: 8,
      handMarked: false,
      leaveReason: null,
      leave: null,
    },
    {
      personId: 'p-wanghr',
      name: '王浩然',
      state: 'leave',
      stateLabel: '已请假',
      checkedInAt: null,
      checkedOutAt: null,
      hours: 0,
      handMarked: false,
      leaveReason: '参加省运会集训',
      leave: 'approved',
    },
    {
      personId: 'p-zhoujj',
      name: '周俊杰',
      state: 'absent',
      stateLabel: '缺勤',
      checkedInAt: null,
      checkedOutAt: null,
      hours: 0,
      handMarked: false,
      leaveReason: '发烧就医',
      leave: 'pending',
    },
  ],
};

export const REPORT: ReportView = {
  programId: 'tp_demo_candidates',
  title: '2026年秋季发展对象集中培训',
  enrolled: 40,
  waitlisted: 3,
  sessionsHeld: 3,
  attendanceRate: 94.2,
  hoursDelivered: 904,
  exam: {
    submitted: 38,
    passed: 36,
    passRate: 94.7,
    total: 100,
    bands: [
      { label: '<60%', count: 2 },
      { label: '60–69%', count: 5 },
      { label: '70–79%', count: 9 },
      { label: '80–89%', count: 14 },
      { label: '≥90%', count: 8 },
    ],
  },
  sessions: [
    {
      sessionId: 'ts_demo_1',
      title: '党章学习',
      present: 39,
      ratings: 31,
      rating: { n: 31, content: 4.6, delivery: 4.4, usefulness: 4.5, overall: 4.5 },
    },
    { sessionId: 'ts_demo_2', title: '党的历史与优良传统', present: 38, ratings: 2, rating: null },
  ],
  trainers: [
    {
      trainerId: 'tt_demo_1',
      name: '王建华',
      ratings: 33,
      rating: { n: 33, content: 4.6, delivery: 4.4, usefulness: 4.5, overall: 4.5 },
    },
  ],
  comments: [{ sessionId: 'ts_demo_1', texts: ['案例讲得很生动', '希望多一些讨论时间'] }],
  minRatingsShown: 3,
};

export const EXAM: ExamView = {
  programId: 'tp_demo_candidates',
  deadline: '2026-10-13T18:00:00+08:00',
  passMark: 60,
  total: 100,
  offline: false,
  questions: [
    {
      id: 'q1',
      kind: 'single',
      kindLabel: '单选题',
      text: '党的最高理想和最终目标是什么？',
      options: ['实现共产主义', '全面建成小康社会'],
      points: 50,
    },
    {
      id: 'q2',
      kind: 'multiple',
      kindLabel: '多选题',
      text: '入党誓词中包括哪些内容？',
      options: ['拥护党的纲领', '遵守党的章程', '随时准备为党和人民牺牲一切'],
      points: 30,
    },
    {
      id: 'q3',
      kind: 'truefalse',
      kindLabel: '判断题',
      text: '发展对象须经过集中培训。',
      options: ['正确', '错误'],
      points: 20,
    },
  ],
  mine: null,
};

export const EXAM_DONE: ExamView = {
  ...EXAM,
  questions: [],
  mine: { score: 80, passed: true, submittedAt: '2026-10-12T20:00:00+08:00' },
};

const row = (personId: string, name: string, state: 'enrolled' | 'waitlisted' | 'pending', place: number | null) => ({
  personId,
  name,
  state,
  stateLabel: { enrolled: '已报名', waitlisted: '候补中', pending: '待审核' }[state],
  waitlistPosition: place,
});

export const ENROLMENT: EnrolmentView = {
  programId: 'tp_demo_candidates',
  capacity: 40,
  remaining: 0,
  enrolled: [row('p-liyt', '李雨桐', 'enrolled', null), row('p-wanghr', '王浩然', 'enrolled', null)],
  waitlist: [row('p-zhoujj', '周俊杰', 'waitlisted', 1), row('p-sunmy', '孙梦瑶', 'waitlisted', 2)],
  pending: [row('p-ouyang', '欧阳明轩', 'pending', null)],
};

export const CREATE_OPTIONS: CreateOptionsView = {
  units: [
    { value: 'college-pe', label: '体育学院' },
    { value: 'pb-pe', label: '体育学院学生党支部' },
  ],
  levels: [
    { value: 'activist', label: '入党积极分子培训' },
    { value: 'development_candidate', label: '发展对象培训' },
    { value: 'league_class', label: '团课（入团积极分子）' },
  ],
  categories: [
    { value: 'ideology', label: '思想素质' },
    { value: 'political', label: '政治觉悟' },
  ],
  admissions: [
    { value: 'open', label: '自由报名' },
    { value: 'invite', label: '指定名单' },
    { value: 'review', label: '报名审核' },
  ],
  hoursModes: [
    { value: 'session', label: '按课时计' },
    { value: 'measured', label: '按签到签退时长计' },
  ],
  trainerKinds: [
    { value: 'full_time', label: '专职讲师' },
    { value: 'part_time', label: '兼职讲师' },
    { value: 'outside', label: '外聘讲师' },
  ],
  questionKinds: [
    { value: 'single', label: '单选题' },
    { value: 'multiple', label: '多选题' },
    { value: 'truefalse', label: '判断题' },
  ],
};

export const TRAINERS: TrainerView[] = [
  { id: 'tt_demo_1', name: '王建华', kind: 'full_time', kindLabel: '专职讲师', profile: '学院党委组织员' },
  { id: 'tt_demo_2', name: '赵明', kind: 'outside', kindLabel: '外聘讲师', profile: '市委党校副教授' },
];
