/**
 * 培训 in the demo world, made by the real actions as the school's people (emulator/demo/world.ts runs the steps
 * with the clock pinned to each instant):
 *
 * - the training team: 王建华 (full-time, the party school), 赵磊 and 周涛 (part-time; teachers of the school with
 *   their own accounts, so they see their ratings), 赵明 (outside, the city party school);
 * - `candidates`: the party committee's 发展对象集中培训 for an invitation list, three days three weeks ago, finished:
 *   scans in and out, a no-show, an online exam (passed, failed, not taken), ratings (3 raters on the first day, 2 on
 *   the second: hidden);
 * - `spring`: the sport party branch's 预备党员培训 in the autumn term, four days, finished;
 * - `activists`: the sport college's 入党积极分子培训班, one afternoon, finished, with an offline exam whose scores the
 *   college officer entered;
 * - `members`: the sport party branch's 学生党员集中轮训, in progress, hours measured between check-in and check-out:
 *   two sessions held (scans, one who left early, a hand mark with its reason, a leave approved, no-shows), one under
 *   way now (three scanned in), one to come (a leave request waiting), an online exam open until next week;
 * - `league`: the League committee's 团课, open sign-up, full with a full waitlist (one withdrawal promoted the first
 *   in line);
 * - `backbone`: the federation's 骨干培训班 with sign-ups under review, two admitted and two waiting.
 *
 * So ledgers meet and miss: 罗浩然 has his 24 学时 of 发展对象 training, 朱晓雯 missed a day; 冯晨 has her 32 学时 of the
 * year, 彭悦 and the branch's officers fall short; 吕航, on the 团课, has none of his 8 yet.
 */
import { addDays, shanghaiIso } from '../../server/domain/time';
import type { ActionName, Input, Output } from '../../typings/actions';
import { demoPersonId } from './school';

/** What the world's sections share (emulator/demo/world.ts). */
export interface TrainingsCtx {
  /** The instant the world is seeded at. */
  now: Date;
  today: string;
  at(date: string, hours: number): Date;
  past(d: Date): Date;
  step(when: Date, run: () => Promise<void>): void;
  call<A extends ActionName>(who: string, action: A, input: Input<A>): Promise<Output<A>>;
  ids: { trainings: Record<string, string> };
}

const pid = demoPersonId;
const MIN = 60_000;

interface TrainerSpec {
  key: string;
  who: string;
  unitId: string;
  name: string;
  kind: Input<'trainings.createTrainer'>['kind'];
  profile: string;
  person?: string;
}

const TRAINERS: TrainerSpec[] = [
  {
    key: 'wang',
    who: 'party_admin',
    unitId: 'u_party',
    name: '王建华',
    kind: 'full_time',
    profile: '校党委党校专职教师，讲授党的基本理论和党章党规。',
  },
  {
    key: 'zhao_ming',
    who: 'admin',
    unitId: 'u_school',
    name: '赵明',
    kind: 'outside',
    profile: '市委党校副教授，研究党史和党的建设。',
  },
  {
    key: 'zhao_lei',
    who: 'sport_officer',
    unitId: 'u_sport',
    name: '赵磊',
    kind: 'part_time',
    profile: '体育学院教师、篮球协会指导教师，兼职党课讲师。',
    person: 'advisor_bball',
  },
  {
    key: 'zhou_tao',
    who: 'sport_officer',
    unitId: 'u_sport',
    name: '周涛',
    kind: 'part_time',
    profile: '体育学院教师、太极拳社指导教师，兼职党课讲师。',
    person: 'advisor_taiji',
  },
];

interface SessionSpec {
  title: string;
  /** Under way as the world is seeded: began half an hour before `now` (then `day`, `from` and `to` are ignored). */
  live?: boolean;
  /** Day relative to today, start and end hour (Shanghai). */
  day: number;
  from: number;
  to: number;
  hours: number;
  place: string;
  trainer?: string;
  /** Scan in before the start and out after the end (minutes late for the check-out: negative leaves early). */
  scans?: [who: string, outShift?: number | null][];
  /** Marked present by hand afterwards, with the reason. */
  handMarks?: [who: string, reason: string][];
  /** Leave asked for two days before, and decided the next day (undefined: still waiting). */
  leaves?: [who: string, reason: string, approve?: boolean][];
  /** Ratings given the evening after: content, delivery, usefulness, comment. */
  ratings?: [who: string, c: number, d: number, u: number, comment?: string][];
}

interface ProgramSpec {
  key: string;
  who: string;
  unitId: string;
  title: string;
  description: string;
  level: Input<'trainings.createProgram'>['level'];
  category: Input<'trainings.createProgram'>['category'];
  capacity: number;
  waitlistLimit?: number;
  admission: 'open' | 'invite' | 'review';
  invitees?: string[];
  hoursMode?: 'session' | 'measured';
  /** Created this many days before today. */
  created: number;
  /** Who signs up, in order, the day after creation (an hour apart). */
  signUps: string[];
  /** Sign-ups under review the organiser decides two days after creation. */
  reviews?: [who: string, approve: boolean][];
  /** Withdrawals three days after creation. */
  withdrawals?: string[];
  /** Sign-ups four days after creation (after the withdrawals). */
  laterSignUps?: string[];
  sessions: SessionSpec[];
  exam?: {
    /** Set the day after creation; deadline relative to today at 18:00. */
    deadline: number;
    passMark: number;
    questions?: Input<'trainings.setExam'>['questions'];
    /** Submissions (answers per question id) the day after the last session held, or the day before the deadline. */
    submissions?: [who: string, answers: Record<string, number[]>][];
    offlineTotal?: number;
    /** Offline scores, entered the day after the last session. */
    scores?: [who: string, score: number][];
  };
}

const TERM = '2026-2027-1';

const CANDIDATE_PAPER: Input<'trainings.setExam'>['questions'] = [
  {
    id: 'q1',
    kind: 'single',
    text: '党的最高理想和最终目标是什么？',
    options: ['实现共产主义', '全面建成小康社会', '实现中华民族伟大复兴'],
    answer: [0],
    points: 40,
  },
  {
    id: 'q2',
    kind: 'multiple',
    text: '发展对象培训的主要内容包括哪些？',
    options: ['党的基本理论', '党的基本路线', '党的章程', '社团活动组织技巧'],
    answer: [0, 1, 2],
    points: 30,
  },
  {
    id: 'q3',
    kind: 'truefalse',
    text: '发展对象未经培训的，除个别特殊情况外，不能发展入党。',
    options: ['正确', '错误'],
    answer: [0],
    points: 30,
  },
];

const MEMBERS_PAPER: Input<'trainings.setExam'>['questions'] = [
  {
    id: 'q1',
    kind: 'single',
    text: '党员应当按照规定交纳党费，这是党员的什么？',
    options: ['义务', '权利', '荣誉'],
    answer: [0],
    points: 50,
  },
  {
    id: 'q2',
    kind: 'truefalse',
    text: '党支部应当每月相对固定一天开展主题党日。',
    options: ['正确', '错误'],
    answer: [0],
    points: 50,
  },
];

const PROGRAMS: ProgramSpec[] = [
  {
    key: 'candidates',
    who: 'party_admin',
    unitId: 'u_party',
    title: '2026年秋季发展对象集中培训（第一期）',
    description: '学习党的基本理论、党章和入党誓词，三天集中培训，结业考试合格后方可提交支部讨论接收。',
    level: 'development_candidate',
    category: 'political',
    capacity: 30,
    admission: 'invite',
    invitees: ['bball_pres', 'vol_pres', 'robot_pres'],
    created: -35,
    signUps: ['bball_pres', 'vol_pres', 'robot_pres'],
    sessions: [
      {
        title: '党章学习',
        day: -24,
        from: 9,
        to: 17,
        hours: 8,
        place: '校党校报告厅',
        trainer: 'wang',
        scans: [['bball_pres'], ['vol_pres'], ['robot_pres']],
        ratings: [
          ['bball_pres', 5, 5, 5, '案例讲得很生动'],
          ['vol_pres', 5, 4, 5, '希望多一些讨论时间'],
          ['robot_pres', 4, 4, 4],
        ],
      },
      {
        title: '党的历史与优良传统',
        day: -23,
        from: 9,
        to: 17,
        hours: 8,
        place: '校党校报告厅',
        trainer: 'zhao_ming',
        scans: [['bball_pres'], ['vol_pres'], ['robot_pres']],
        ratings: [
          ['bball_pres', 4, 5, 4],
          ['robot_pres', 3, 4, 4],
        ],
      },
      {
        title: '入党誓词与党员义务',
        day: -22,
        from: 9,
        to: 17,
        hours: 8,
        place: '校党校报告厅',
        trainer: 'wang',
        scans: [['bball_pres'], ['robot_pres']],
        ratings: [['bball_pres', 5, 5, 5]],
      },
    ],
    exam: {
      deadline: -20,
      passMark: 60,
      questions: CANDIDATE_PAPER,
      submissions: [
        ['bball_pres', { q1: [0], q2: [0, 1, 2], q3: [0] }],
        ['robot_pres', { q1: [0], q2: [0, 3], q3: [1] }],
      ],
    },
  },
  {
    key: 'spring',
    who: 'sport_pb_sec',
    unitId: 'u_sport_pb',
    title: '2026年预备党员培训班',
    description: '预备期内的集中教育：党的理论、党员义务和党性修养，四天。',
    level: 'probationary_member',
    category: 'ideology',
    capacity: 10,
    admission: 'open',
    created: -70,
    signUps: ['sport_prob1', 'sport_prob2'],
    sessions: [-60, -59, -58, -57].map((day, i) => ({
      title: ['党的创新理论', '党员的义务和权利', '党的纪律与规矩', '党性修养'][i],
      day,
      from: 9,
      to: 17,
      hours: 8,
      place: '体育学院党员活动室',
      trainer: i % 2 === 0 ? 'zhao_lei' : 'wang',
      scans: i === 2 ? [['sport_prob1']] : [['sport_prob1'], ['sport_prob2']],
    })),
  },
  {
    key: 'activists',
    who: 'sport_officer',
    unitId: 'u_sport',
    title: '2026年秋季入党积极分子培训班',
    description: '入党积极分子的基础培训：党的基本知识、入党动机和程序。',
    level: 'activist',
    category: 'ideology',
    capacity: 40,
    admission: 'open',
    created: -40,
    signUps: ['sport_lb_sec', 'bball_backbone'],
    sessions: [
      {
        title: '端正入党动机',
        day: -30,
        from: 14,
        to: 17,
        hours: 4,
        place: '体育学院报告厅',
        trainer: 'zhao_lei',
        scans: [['sport_lb_sec'], ['bball_backbone']],
        ratings: [
          ['sport_lb_sec', 5, 5, 4],
          ['bball_backbone', 4, 4, 4],
        ],
      },
    ],
    exam: {
      deadline: -28,
      passMark: 60,
      offlineTotal: 100,
      scores: [
        ['sport_lb_sec', 86],
        ['bball_backbone', 55],
      ],
    },
  },
  {
    key: 'members',
    who: 'sport_pb_sec',
    unitId: 'u_sport_pb',
    title: '2026年冬季学生党员集中轮训',
    description: '学习贯彻党的创新理论，三次专题学习，按签到签退时长计学时。',
    level: 'party_member',
    category: 'political',
    capacity: 20,
    admission: 'open',
    hoursMode: 'measured',
    created: -12,
    signUps: ['sport_pb_sec', 'sport_pb_cm', 'sport_full1', 'sport_full2', 'sport_full3', 'sport_prob1', 'sport_prob2'],
    sessions: [
      {
        title: '学习党的创新理论',
        day: -7,
        from: 14,
        to: 17,
        hours: 4,
        place: '体育学院党员活动室',
        trainer: 'zhao_lei',
        scans: [['sport_pb_sec'], ['sport_pb_cm'], ['sport_full2'], ['sport_full3', -60]],
        handMarks: [['sport_prob1', '手机没电无法扫码，现场核实到场']],
        leaves: [['sport_prob2', '参加省大学生运动会集训', true]],
        ratings: [
          ['sport_pb_sec', 5, 4, 5, '联系支部实际，讲得透彻'],
          ['sport_pb_cm', 4, 4, 5],
          ['sport_full2', 5, 5, 4],
          ['sport_full3', 3, 4, 3, '时间有点长'],
        ],
      },
      {
        title: '党章党规专题学习',
        day: -1,
        from: 14,
        to: 17,
        hours: 4,
        place: '体育学院党员活动室',
        trainer: 'zhou_tao',
        scans: [['sport_pb_sec'], ['sport_pb_cm'], ['sport_full2'], ['sport_prob1'], ['sport_prob2']],
        ratings: [
          ['sport_pb_cm', 4, 5, 4],
          ['sport_prob2', 5, 5, 5],
        ],
      },
      {
        title: '专题研讨：在社团中发挥党员作用',
        live: true,
        day: 0,
        from: 0,
        to: 0,
        hours: 4,
        place: '体育学院党员活动室',
        trainer: 'zhou_tao',
        scans: [
          ['sport_pb_sec', null],
          ['sport_pb_cm', null],
          ['sport_full3', null],
        ],
      },
      {
        title: '主题党日：重温入党誓词',
        day: 6,
        from: 14,
        to: 17,
        hours: 4,
        place: '体育学院党员活动室',
        trainer: 'zhao_lei',
        leaves: [['sport_full1', '当天在外参加比赛']],
      },
    ],
    exam: {
      deadline: 7,
      passMark: 60,
      questions: MEMBERS_PAPER,
      submissions: [['sport_full2', { q1: [0], q2: [0] }]],
    },
  },
  {
    key: 'league',
    who: 'league_admin',
    unitId: 'u_league',
    title: '2026年冬季团课：学习团章',
    description: '为入团积极分子和团员开设的团课，两次课共 4 学时。',
    level: 'league_class',
    category: 'ideology',
    capacity: 3,
    waitlistLimit: 2,
    admission: 'open',
    created: -6,
    signUps: ['sport_masses', 'info_masses2', 'sport_league2', 'sport_league1', 'info_league1'],
    withdrawals: ['sport_league2'],
    laterSignUps: ['info_lb2_sec'],
    sessions: [
      { title: '团章第一讲：团的性质和任务', day: 2, from: 19, to: 21, hours: 2, place: '校团委报告厅' },
      { title: '团章第二讲：团员的义务和权利', day: 9, from: 19, to: 21, hours: 2, place: '校团委报告厅' },
    ],
  },
  {
    key: 'backbone',
    who: 'fed_chair',
    unitId: 'u_fed',
    title: '2026年社团临时党团支部骨干培训班',
    description: '社团临时党支部、临时团支部骨干的履职培训：组织生活、发展工作程序和社团活动中的思想引领。',
    level: 'backbone',
    category: 'skills',
    capacity: 20,
    admission: 'review',
    created: -5,
    signUps: ['bball_backbone', 'vol_backbone', 'sport_full2', 'taiji_backbone', 'robot_backbone'],
    reviews: [
      ['bball_backbone', true],
      ['vol_backbone', true],
      ['sport_full2', true],
    ],
    sessions: [
      {
        title: '临时党团支部的组织生活',
        day: 5,
        from: 9,
        to: 12,
        hours: 3,
        place: '大学生活动中心 201',
        trainer: 'zhao_ming',
      },
    ],
  },
];

/** An instant as ISO-8601 with +08:00 (what the actions take). */
const iso = (d: Date) => shanghaiIso(d);

export function seedTrainings(c: TrainingsCtx): void {
  const t = c.ids.trainings;
  const day = (d: number, h: number) => c.at(addDays(c.today, d), h);

  for (const tr of TRAINERS) {
    c.step(c.past(day(-80, 10)), async () => {
      const r = await c.call(tr.who, 'trainings.createTrainer', {
        unitId: tr.unitId,
        name: tr.name,
        kind: tr.kind,
        profile: tr.profile,
        ...(tr.person ? { personId: pid(tr.person) } : {}),
      });
      t[`trainer.${tr.key}`] = r.trainerId;
    });
  }

  for (const p of PROGRAMS) {
    const created = day(p.created, 9);
    c.step(c.past(created), async () => {
      const r = await c.call(p.who, 'trainings.createProgram', {
        unitId: p.unitId,
        title: p.title,
        description: p.description,
        level: p.level,
        category: p.category,
        term: TERM,
        capacity: p.capacity,
        waitlistLimit: p.waitlistLimit ?? 0,
        admission: p.admission,
        inviteeIds: (p.invitees ?? []).map(pid),
        hoursMode: p.hoursMode ?? 'session',
      });
      t[p.key] = r.programId;
    });
    for (const [i, s] of p.sessions.entries()) {
      c.step(c.past(new Date(created.getTime() + (10 + i) * MIN)), async () => {
        const r = await c.call(p.who, 'trainings.addSession', {
          programId: t[p.key],
          title: s.title,
          start: iso(startOf(c, s)),
          end: iso(endOf(c, s)),
          place: s.place,
          hours: s.hours,
          ...(s.trainer ? { trainerId: t[`trainer.${s.trainer}`] } : {}),
        });
        t[`${p.key}.s${i + 1}`] = r.sessionId;
      });
    }
    const exam = p.exam;
    if (exam) {
      c.step(c.past(day(p.created + 1, 8)), async () => {
        await c.call(p.who, 'trainings.setExam', {
          programId: t[p.key],
          passMark: exam.passMark,
          deadline: iso(day(exam.deadline, 18)),
          ...(exam.offlineTotal
            ? { offline: true, offlineTotal: exam.offlineTotal }
            : { questions: exam.questions ?? [] }),
        });
      });
    }
    for (const [i, who] of p.signUps.entries()) {
      c.step(c.past(day(p.created + 1, 10 + i)), async () => {
        await c.call(who, 'trainings.signUp', { programId: t[p.key] });
      });
    }
    for (const [i, [who, approve]] of (p.reviews ?? []).entries()) {
      c.step(c.past(day(p.created + 2, 10 + i / 4)), async () => {
        await c.call(p.who, 'trainings.review', { programId: t[p.key], personId: pid(who), approve });
      });
    }
    for (const who of p.withdrawals ?? []) {
      c.step(c.past(day(p.created + 3, 12)), async () => {
        await c.call(who, 'trainings.withdraw', { programId: t[p.key] });
      });
    }
    for (const [i, who] of (p.laterSignUps ?? []).entries()) {
      c.step(c.past(day(p.created + 4, 10 + i)), async () => {
        await c.call(who, 'trainings.signUp', { programId: t[p.key] });
      });
    }
    for (const [i, s] of p.sessions.entries()) seedSession(c, p, s, `${p.key}.s${i + 1}`);

    const held = p.sessions.filter((s) => s.day < 0);
    const lastHeld = held.length ? Math.max(...held.map((s) => s.day)) : null;
    for (const [i, [who, answers]] of (exam?.submissions ?? []).entries()) {
      const when = lastHeld !== null && lastHeld + 1 < exam!.deadline ? lastHeld + 1 : exam!.deadline - 1;
      c.step(c.past(day(Math.min(when, 0), 20 + i / 4)), async () => {
        await c.call(who, 'trainings.submitExam', {
          programId: t[p.key],
          answers: Object.entries(answers).map(([questionId, choice]) => ({ questionId, choice })),
        });
      });
    }
    if (exam?.scores && lastHeld !== null) {
      const scores = exam.scores;
      c.step(c.past(day(lastHeld + 1, 15)), async () => {
        await c.call(p.who, 'trainings.recordScores', {
          programId: t[p.key],
          scores: scores.map(([who, score]) => ({ personId: pid(who), score })),
        });
      });
    }
  }
}

const startOf = (c: TrainingsCtx, s: SessionSpec) =>
  s.live ? new Date(c.now.getTime() - 30 * MIN) : c.at(addDays(c.today, s.day), s.from);
const endOf = (c: TrainingsCtx, s: SessionSpec) =>
  s.live ? new Date(c.now.getTime() + 150 * MIN) : c.at(addDays(c.today, s.day), s.to);

/** One session: leave before it, scans with the code the organiser's screen fetched, hand marks, ratings. */
function seedSession(c: TrainingsCtx, p: ProgramSpec, s: SessionSpec, key: string): void {
  const t = c.ids.trainings;
  const start = startOf(c, s);
  const end = endOf(c, s);
  const sessionId = () => t[key];
  for (const [i, [who, reason, approve]] of (s.leaves ?? []).entries()) {
    c.step(c.past(new Date(start.getTime() - 2 * 24 * 60 * MIN + i * MIN)), async () => {
      await c.call(who, 'trainings.requestLeave', { sessionId: sessionId(), reason });
    });
    if (approve !== undefined) {
      c.step(c.past(new Date(start.getTime() - 24 * 60 * MIN + i * MIN)), async () => {
        await c.call(p.who, 'trainings.decideLeave', { sessionId: sessionId(), personId: pid(who), approve });
      });
    }
  }
  if (start.getTime() > c.now.getTime()) return;
  // The organiser's screen shows the rotating code; each trainee scans the one on it at that moment.
  const scan = (who: string, when: Date, purpose: 'in' | 'out') =>
    c.step(when, async () => {
      const { token } = await c.call(p.who, 'trainings.checkinToken', { sessionId: sessionId(), purpose });
      await c.call(who, 'trainings.checkIn', { token });
    });
  for (const [i, [who, outShift]] of (s.scans ?? []).entries()) {
    scan(who, new Date(start.getTime() + (s.live ? 2 * MIN : -8 * MIN) + i * 40_000), 'in');
    if (outShift === null) continue;
    scan(who, new Date(end.getTime() + ((outShift ?? 0) + 2) * MIN + i * 20_000), 'out');
  }
  for (const [i, [who, reason]] of (s.handMarks ?? []).entries()) {
    c.step(new Date(end.getTime() + 20 * MIN + i * MIN), async () => {
      await c.call(p.who, 'trainings.mark', { sessionId: sessionId(), personId: pid(who), present: true, reason });
    });
  }
  for (const [i, [who, content, delivery, usefulness, comment]] of (s.ratings ?? []).entries()) {
    c.step(c.past(new Date(end.getTime() + (180 + 7 * i) * MIN)), async () => {
      await c.call(who, 'trainings.rate', {
        sessionId: sessionId(),
        content,
        delivery,
        usefulness,
        ...(comment ? { comment } : {}),
      });
    });
  }
}
