/**
 * The demo world after the roster: 公示 in every phase with real-name and anonymous objections, 票决 of every kind
 * in draft, open (people checked in, some ballots cast, a written opinion), closed (resolution, the committee's
 * decision, the 公示 drafted from it) and cancelled, vote settings a committee changed, and real-name bindings in
 * every state: two competing claims on one student number (one carrying the binding code the college issued), a
 * claim waiting, one rejected with its reason, and a student the roster lacked, approved.
 *
 * The world keeps the rules a real school keeps: the 监票人 and 计票人 are voters who do not stand; grades of an
 * evaluation are recorded by the college officer (the secretary is graded too); 评优 follows the year's 团员评议
 * that graded the candidates 优秀; 确定入党积极分子 and 确定发展对象 follow the League branch's 推优; development 公示
 * come from the home party branch and 骨干选任 公示 from the association's temporary League branch; nothing is done
 * after `now` (a step planned for later happens ten minutes before now).
 *
 * Nothing here writes to the database: every step is a real action called through the `api` function as the
 * persona a real school would use (the branch secretary for the branch's votes, the League branch secretary for
 * 推优, the college officer for the college's 公示 …), with the emulator's clock pinned to the instant the step
 * happens, and the scheduler's own tick closes windows. So the stored documents are exactly what the handlers
 * write, audit chain included. Every instant is relative to `now` (the day the world is seeded), so what is open
 * is open whenever the demo runs.
 */
import { semesterOf } from '../../server/domain/activists';
import { publicityWindow } from '../../server/domain/notices';
import { addDays, shanghaiDate, startOfShanghaiDay } from '../../server/domain/time';
import type { ActionName, Input, Output } from '../../typings/actions';
import type { MarkValue, VoteKind, VoteView } from '../../typings/actions/votes';
import type { Ctx, DemoWorldIds, WorldHost } from './context';
import { demoOpenid, demoPersonId, demoPersonName, demoStudentNo } from './school';
import { seedDossier } from './world-dossier';
import { seedFreshmen } from './world-freshmen';
import { seedHonors } from './world-honors';
import { AT_CANDIDATE_MEETINGS, seedMembers } from './world-members';
import { seedTrainings } from './world-trainings';

export type { Ctx, DemoWorldIds, WorldHost };

interface Step {
  at: Date;
  /** Order among steps at the same instant. */
  seq: number;
  run: () => Promise<void>;
}

const pid = demoPersonId;

export async function seedWorld(host: WorldHost, now: Date): Promise<DemoWorldIds> {
  const today = shanghaiDate(now);
  const ids: DemoWorldIds = {
    now: now.toISOString(),
    notices: {},
    votes: {},
    objections: {},
    honors: {},
    posts: {},
    trainings: {},
  };
  const steps: Step[] = [];
  let seq = 0;
  const at = (date: string, hours: number) => new Date(startOfShanghaiDay(date).getTime() + hours * 3600_000);
  /** `days` days from today at hh (Shanghai); never later than ten minutes before now. */
  const day = (days: number, hours: number) => {
    const t = at(addDays(today, days), hours);
    return new Date(Math.min(t.getTime(), now.getTime() - 10 * 60_000));
  };
  const step = (when: Date, run: () => Promise<void>) => steps.push({ at: when, seq: seq++, run });
  /** A step planned for later than now happens now (ten minutes ago): nothing in the world is done in the future. */
  const past = (d: Date) => new Date(Math.min(d.getTime(), now.getTime() - 10 * 60_000));

  async function call<A extends ActionName>(who: string, action: A, input: Input<A>): Promise<Output<A>> {
    const r = await host.invoke('api', { action, input }, { openid: demoOpenid(who) });
    const env = r.result as { ok: boolean; data?: unknown; error?: { code: string; message: string } };
    if (!env?.ok) throw new Error(`demo world: ${who} ${action} failed: ${JSON.stringify(env?.error ?? env)}`);
    return env.data as Output<A>;
  }

  // ------------------------------------------------------------------------------------------ settings
  // The party committee asks for two thirds present at an acceptance meeting (stricter than the national half).
  step(day(-30, 9), async () => {
    await call('party_admin', 'votes.setRuleSettings', {
      kind: 'acceptance',
      overrides: { quorum: { num: 2, den: 3 } },
    });
  });
  // The League committee lowers the 推优 share to 13% mid-semester (the rules fix a ceiling of 20%; a school may only
  // go lower). Votes created before keep the share they were created under (a class of six recommended one).
  step(day(-9, 10), async () => {
    await call('league_admin', 'votes.setRuleSettings', {
      kind: 'tuiyou',
      overrides: { recommendQuota: { num: 13, den: 100 } },
    });
  });

  // ------------------------------------------------------------------------------------------ 公示
  seedNotices({ today, day, at, past, step, call, ids, host });

  // ------------------------------------------------------------------------------------------ 积极分子档案
  seedActivists({ today, day, at, past, step, call, ids, host });

  // ------------------------------------------------------------------------------------------ 票决
  seedVotes({ today, day, at, past, step, call, ids, host });

  // ------------------------------------------------------------------------------------------ 培训
  seedTrainings({ now, today, at, past, step, call, ids });
  // ------------------------------------------------------------------------------------------ 新生信息库（四早）
  seedFreshmen({ today, at, past, step, call, ids, host });
  // ------------------------------------------------------------------------------------------ 荣誉与风采展示
  seedHonors({ today, day, at, past, step, call, ids, host });
  // ------------------------------------------------------------------------------------------ 发展党员
  seedPipeline({ today, day, at, past, step, call, ids, host });
  seedDossier({ today, day, at, past, step, call, ids, host });
  seedMembers({ today, day, at, past, step, call, ids, host });

  // ------------------------------------------------------------------------------------------ 实名绑定
  seedBindings({ today, day, at, past, step, call, ids, host });

  steps.sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
  for (const s of steps) {
    host.setClock(s.at.toISOString());
    await s.run();
  }
  // The scheduler's tick at `now`: windows that ended are closed and filed, those that began are opened.
  host.setClock(now.toISOString());
  await host.fireTimers();
  host.setClock(null);
  return ids;
}

// ---------------------------------------------------------------------------------------------- bindings

/**
 * WeChat accounts the roster does not know yet (openid `demo_<slug>`, not on the roster): the claims a college
 * officer meets. The roster itself brings three pending claims (emulator/demo/school.ts: 范思琪 by `applicant_fan`,
 * 陆子墨 by `applicant_new`, 施洋 by `applicant_shi`); a WeChat user who never claimed anyone is `newcomer`.
 */
export const DEMO_APPLICANTS = {
  /** 范思琪 again, from her own phone, with the binding code the college issued her: competes with `applicant_fan`. */
  fan2: 'applicant_fan2',
  /** 秦朗, a student not on the roster, approved by the college: bound, in no branch, no position. */
  qin: 'applicant_qin',
  /** 白杨, a student number the roster lacks: rejected with the reason. */
  bai: 'applicant_bai',
  /** 魏来, not on the roster, waiting for the college (submitted yesterday). */
  wei: 'applicant_wei',
} as const;

/** The officer finds the pending claim of `studentNo` in their list and decides it. */
async function decideClaim(
  c: Ctx,
  officer: string,
  studentNo: string,
  decision: { approve: boolean; reason?: string },
): Promise<void> {
  const { items } = await c.call(officer, 'bindings.listPending', { page: 1, pageSize: 50 });
  const claim = items.find((b) => b.studentNo === studentNo);
  if (!claim) throw new Error(`demo world: no pending claim of ${studentNo} for ${officer}`);
  await c.call(officer, 'bindings.decide', { bindingId: claim.id, ...decision });
}

function seedBindings(c: Ctx): void {
  const fan = {
    name: demoPersonName('sport_unbound'),
    studentNo: demoStudentNo('sport_unbound'),
    collegeId: 'u_sport',
  };
  let fanCode = '';
  // Six days ago 秦朗 (new this term, not yet on the roster) claimed from his phone; the info college's officer
  // checked his enrolment and approved the next morning: the server adds him as 群众 in his college.
  c.step(c.day(-6, 19), async () => {
    await c.call(DEMO_APPLICANTS.qin, 'bindings.submit', {
      name: '秦朗',
      studentNo: '2026020101',
      collegeId: 'u_info',
    });
  });
  c.step(c.day(-5, 9), () => decideClaim(c, 'info_officer', '2026020101', { approve: true }));
  // 白杨 typed a student number the roster does not have: the officer rejects it with the reason he reads.
  c.step(c.day(-4, 20), async () => {
    await c.call(DEMO_APPLICANTS.bai, 'bindings.submit', {
      name: '白杨',
      studentNo: '2024020299',
      collegeId: 'u_info',
    });
  });
  c.step(c.day(-3, 9), () =>
    decideClaim(c, 'info_officer', '2024020299', {
      approve: false,
      reason: '学号与学院花名册不一致，请核对学号后重新提交',
    }),
  );
  // Yesterday 范思琪 came to the sport college's office with her student card: the claim of 20 November on her
  // number was not hers. The officer issued her a binding code; that evening she claimed with it from her own phone.
  // The officer now sees the two claims side by side, one with the code and one without.
  c.step(c.day(-1, 16), async () => {
    fanCode = (await c.call('sport_officer', 'bindings.issueCode', { studentNo: fan.studentNo })).code;
  });
  c.step(c.day(-1, 21.5), async () => {
    await c.call(DEMO_APPLICANTS.fan2, 'bindings.submit', { ...fan, secondFactor: fanCode });
  });
  // 魏来 (not on the roster) claimed yesterday at noon: he waits for the info college.
  c.step(c.day(-1, 12), async () => {
    await c.call(DEMO_APPLICANTS.wei, 'bindings.submit', {
      name: '魏来',
      studentNo: '2024020206',
      collegeId: 'u_info',
    });
  });
}

// ---------------------------------------------------------------------------------------------- notices

type Window = { length: number; unit: 'workday' | 'calendar_day' };

/** The start day of a window that ended at least `daysAgo` days before today (the latest such start). */
function startEndedBefore(today: string, daysAgo: number, w: Window): string {
  const latestEnd = addDays(today, -daysAgo);
  for (let back = daysAgo; ; back++) {
    const start = addDays(today, -back);
    if (publicityWindow({ start, ...w, counting: 'inclusive' }).end <= latestEnd) return start;
  }
}

interface NoticeSpec {
  key: string;
  who: string;
  unitId: string;
  kind: Input<'notices.create'>['kind'];
  title: string;
  body: string;
  subjects: string[];
  scope: string[];
  window: Window;
  start: { in: number } | { endedDaysAgo: number };
  fate: 'draft' | 'published' | 'withdrawn';
  withdrawReason?: string;
  objections?: {
    key: string;
    who: string;
    anonymous: boolean;
    text: string;
    handled?: { who: string; outcome: 'upheld' | 'dismissed'; investigation: string };
  }[];
}

const NOTICES: NoticeSpec[] = [
  {
    key: 'draft',
    who: 'sport_pb_sec',
    unitId: 'u_sport_pb',
    kind: 'development_candidate',
    title: '关于拟确定罗浩然同志为发展对象的公示',
    body: '经体育学院学生党支部委员会研究，并报上级党委同意，拟确定罗浩然同志为发展对象。公示期间，如有异议，请通过“领雁”小程序实名或匿名反映。',
    subjects: ['bball_pres'],
    scope: ['u_sport_pb'],
    window: { length: 5, unit: 'workday' },
    start: { in: 5 },
    fate: 'draft',
  },
  {
    key: 'open_objected',
    who: 'sport_officer',
    unitId: 'u_sport',
    kind: 'honor',
    title: '2026年度体育学院优秀团员评选结果公示',
    body: '根据团员教育评议结果，经学院团委审核，拟评定何静、冯晨、沈可欣等同志为2026年度优秀团员。现予公示。',
    subjects: ['sport_pb_cm', 'sport_prob1', 'sport_league2'],
    scope: ['u_sport'],
    window: { length: 7, unit: 'calendar_day' },
    start: { in: -2 },
    fate: 'published',
    objections: [
      {
        key: 'real_name',
        who: 'sport_league2',
        anonymous: false,
        text: '本人名字写错了，应为“沈可欣”，请核对后更正。',
      },
      {
        key: 'anonymous',
        who: 'sport_masses',
        anonymous: true,
        text: '名单中有同学本学期团日活动多次缺席，建议核实评议过程。',
      },
    ],
  },
  {
    key: 'scheduled',
    who: 'info_pb_sec',
    unitId: 'u_info_pb',
    kind: 'conversion',
    title: '关于杨帆同志预备党员转正的公示',
    body: '杨帆同志预备期即将期满，本人已提出转正申请。经支部委员会审查，拟提交支部大会讨论其转正问题。现予公示。',
    subjects: ['info_prob1'],
    scope: ['u_info_pb'],
    window: { length: 5, unit: 'workday' },
    start: { in: 2 },
    fate: 'published',
  },
  {
    key: 'closed_clean',
    who: 'info_lb1_sec',
    unitId: 'u_info_lb1',
    kind: 'tuiyou',
    title: '信息学院2023级1班团支部推优名单公示',
    body: '经团支部大会无记名投票，推荐朱晓雯同志作为入党积极分子人选。现予公示。',
    subjects: ['vol_pres'],
    scope: ['u_info_lb1'],
    window: { length: 5, unit: 'workday' },
    start: { endedDaysAgo: 12 },
    fate: 'published',
  },
  {
    // 骨干选任 is association business: the association's temporary League branch publishes it, not its temporary
    // party branch (the association line).
    key: 'closed_handled',
    who: 'robot_pres',
    unitId: 'u_as_robot_tlb',
    kind: 'backbone',
    title: '机器人创新协会骨干选任公示',
    body: '经社团推荐、临时团支部考察，拟选任任一鸣同志为机器人创新协会骨干。现予公示。',
    subjects: ['robot_backbone'],
    scope: ['u_as_robot_tlb'],
    window: { length: 5, unit: 'workday' },
    start: { endedDaysAgo: 6 },
    fate: 'published',
    objections: [
      {
        key: 'dismissed',
        who: 'info_lb2_sec',
        anonymous: false,
        text: '任一鸣同志上学期参加社团活动的情况是否核实过？',
        handled: {
          who: 'robot_pres',
          outcome: 'dismissed',
          investigation: '经核对社团活动记录，任一鸣同志上学期参加社团活动出勤率为92%，符合骨干选任条件，异议不成立。',
        },
      },
    ],
  },
  {
    key: 'closed_pending',
    who: 'sport_pb_sec',
    unitId: 'u_sport_pb',
    kind: 'activist',
    title: '关于拟确定黄子豪同志为入党积极分子的公示',
    body: '经团组织推优、支部委员会研究，拟确定黄子豪同志为入党积极分子。现予公示。',
    subjects: ['sport_lb_sec'],
    scope: ['u_sport_pb'],
    window: { length: 5, unit: 'workday' },
    start: { endedDaysAgo: 2 },
    fate: 'published',
    objections: [
      {
        key: 'upheld',
        who: 'sport_prob2',
        anonymous: false,
        text: '建议补充黄子豪同志的思想汇报情况。',
        handled: {
          who: 'sport_pb_sec',
          outcome: 'upheld',
          investigation: '经核实，黄子豪同志缺交一篇思想汇报，已要求本人补交，补交后材料齐全。',
        },
      },
      {
        key: 'pending',
        who: 'sport_full3',
        anonymous: true,
        text: '该同志在班级事务中有不实表现，请组织进一步了解。',
      },
    ],
  },
  {
    key: 'withdrawn',
    who: 'taiji_pres',
    unitId: 'u_as_taiji_tlb',
    kind: 'backbone',
    title: '太极拳社骨干选任公示',
    body: '经社团推荐、临时团支部考察，拟选任许嘉同志为太极拳社骨干。现予公示。',
    subjects: ['taiji_backbone'],
    scope: ['u_as_taiji_tlb'],
    window: { length: 5, unit: 'workday' },
    start: { in: -1 },
    fate: 'withdrawn',
    withdrawReason: '公示对象信息有误，更正后重新发布。',
  },
];

function seedNotices(c: Ctx): void {
  for (const spec of NOTICES) {
    const start =
      'in' in spec.start
        ? addDays(c.today, spec.start.in)
        : startEndedBefore(c.today, spec.start.endedDaysAgo, spec.window);
    const window = { start, ...spec.window, counting: 'inclusive' as const };
    const w = publicityWindow(window);
    // A draft kept for later was written this morning; the others the day before their window.
    const drafted = spec.fate === 'draft' ? c.day(0, 9) : c.past(c.at(addDays(start, -1), 10));
    c.step(drafted, async () => {
      const subjects = spec.subjects.map((slug) => ({ personId: pid(slug), name: demoPersonName(slug) }));
      const r = await c.call(spec.who, 'notices.create', {
        unitId: spec.unitId,
        kind: spec.kind,
        title: spec.title,
        body: spec.body,
        subjects,
        scopeUnitIds: spec.scope,
        window,
      });
      c.ids.notices[spec.key] = r.noticeId;
    });
    if (spec.fate === 'draft') continue;
    c.step(c.past(c.at(addDays(start, -1), 11)), async () => {
      await c.call(spec.who, 'notices.publish', { noticeId: c.ids.notices[spec.key] });
    });
    const opensAt = startOfShanghaiDay(w.start);
    const closesAt = startOfShanghaiDay(addDays(w.end, 1));
    for (const [i, o] of (spec.objections ?? []).entries()) {
      const submitted = new Date(opensAt.getTime() + (9 + 5 * i) * 3600_000);
      c.step(submitted, async () => {
        const r = await c.call(o.who, 'notices.object', {
          noticeId: c.ids.notices[spec.key],
          text: o.text,
          anonymous: o.anonymous,
        });
        c.ids.objections[`${spec.key}.${o.key}`] = r.objectionId;
      });
      if (o.handled) {
        const handled = o.handled;
        const when = new Date(Math.min(submitted.getTime() + 26 * 3600_000, closesAt.getTime() - 3600_000));
        c.step(when, async () => {
          await c.call(handled.who, 'notices.handleObjection', {
            objectionId: c.ids.objections[`${spec.key}.${o.key}`],
            outcome: handled.outcome,
            investigation: handled.investigation,
          });
        });
      }
    }
    if (spec.fate === 'withdrawn') {
      c.step(c.day(0, 8), async () => {
        await c.call(spec.who, 'notices.withdraw', { noticeId: c.ids.notices[spec.key], reason: spec.withdrawReason });
      });
    }
    // The scheduler's tick when the window ends closes it and files the record, as in production.
    if ('endedDaysAgo' in spec.start) {
      c.step(new Date(closesAt.getTime() + 60_000), async () => {
        await c.host.fireTimers();
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------- votes

interface VoteSpec {
  key: string;
  who: string;
  unitId: string;
  kind: VoteKind;
  title: string;
  /** Candidates (slugs) in ballot order; evaluations take theirs from the roster. */
  candidates?: string[];
  seats?: number;
  tuiyouTarget?: 'activist' | 'development_candidate';
  /** Meeting day and hour relative to today. */
  meeting: [days: number, hours: number];
  /** Days between the draft and the meeting (3 unless said). */
  draftedBefore?: number;
  fate: 'draft' | 'open' | 'closed' | 'cancelled';
  cancelReason?: string;
  scrutineer: string;
  teller: string;
  /** Who comes (checks in with the code on the screen); the rest of the roster stays away. */
  present?: string[];
  /** Who casts, and how (by candidate slug or, on an evaluation, by position in the roster). */
  ballots?: [who: string, marks: (view: VoteView) => { candidateId: string; choice: MarkValue }[]][];
  /** An absent voter's written opinion, the day before the meeting. */
  written?: [who: string, marks: (view: VoteView) => { candidateId: string; choice: MarkValue }[]];
  /** After the close: the committee's decision, then the 公示 drafted from the vote. */
  decision?: (view: VoteView) => Input<'votes.recordDecision'>['decision'];
  /**
   * Who records the decision, when not `who`: nobody records a decision about themselves, so an evaluation's grades
   * (the secretary is graded too) are recorded by the college officer.
   */
  recorder?: string;
  notice?: string;
}

/** Marks every candidate with `choice`, except those named in `except`. */
const all =
  (choice: MarkValue, except: Record<string, MarkValue> = {}) =>
  (v: VoteView) =>
    v.candidates.map((cand) => ({
      candidateId: cand.id,
      choice: (Object.entries(except).find(([slug]) => pid(slug) === cand.id)?.[1] ?? choice) as MarkValue,
    }));

const VOTES: VoteSpec[] = [
  {
    key: 'acceptance_open',
    who: 'sport_pb_sec',
    unitId: 'u_sport_pb',
    kind: 'acceptance',
    title: '接收预备党员表决：罗浩然',
    candidates: ['bball_pres'],
    meeting: [0, 0],
    fate: 'open',
    scrutineer: 'sport_pb_cm',
    teller: 'sport_full1',
    present: ['sport_pb_sec', 'sport_pb_cm', 'sport_full1', 'sport_full2'],
    ballots: [
      ['sport_pb_cm', all('yes')],
      ['sport_full1', all('yes')],
    ],
    written: ['sport_full3', all('yes')],
  },
  {
    key: 'extension_cancelled',
    who: 'sport_pb_sec',
    unitId: 'u_sport_pb',
    kind: 'extension',
    title: '延长预备期表决：彭悦',
    candidates: ['sport_prob2'],
    meeting: [3, 15],
    fate: 'cancelled',
    cancelReason: '支部委员会复议后认为不需延长预备期，本次会议取消。',
    scrutineer: 'sport_pb_cm',
    teller: 'sport_full1',
  },
  {
    key: 'party_evaluation_closed',
    who: 'sport_pb_sec',
    unitId: 'u_sport_pb',
    kind: 'party_evaluation',
    title: '2026年度民主评议党员',
    meeting: [-9, 14.5],
    fate: 'closed',
    scrutineer: 'sport_pb_cm',
    teller: 'sport_full3',
    present: ['sport_pb_sec', 'sport_pb_cm', 'sport_full1', 'sport_full2', 'sport_full3'],
    ballots: [
      ['sport_pb_sec', all('qualified', { sport_pb_cm: 'excellent' })],
      ['sport_pb_cm', all('qualified', { sport_full1: 'excellent' })],
      ['sport_full1', all('qualified', { sport_pb_cm: 'excellent' })],
      ['sport_full2', all('qualified', { sport_pb_cm: 'excellent' })],
      ['sport_full3', all('qualified', { sport_full2: 'basically_qualified' })],
    ],
    decision: (v) => ({
      type: 'grades',
      grades: v.candidates.map((cand) => ({
        personId: cand.id,
        grade: cand.id === pid('sport_pb_cm') ? 'excellent' : 'qualified',
      })),
    }),
    recorder: 'sport_officer',
  },
  {
    // The class League branch's annual 团员教育评议: its 优秀 are the ones who may stand for 优秀团员 (C3, C5).
    key: 'league_evaluation_closed',
    who: 'sport_lb_sec',
    unitId: 'u_sport_lb1',
    kind: 'league_evaluation',
    title: '2026年度团员教育评议',
    meeting: [-16, 19],
    fate: 'closed',
    scrutineer: 'sport_pb_cm',
    teller: 'bball_backbone',
    present: [
      'sport_pb_sec',
      'sport_pb_cm',
      'sport_prob1',
      'sport_lb_sec',
      'bball_backbone',
      'taiji_backbone',
      'sport_league1',
      'sport_league2',
      'bball_pres',
      'taiji_pres',
    ],
    ballots: [
      ['sport_pb_sec', all('qualified', { sport_league2: 'excellent', sport_league1: 'excellent' })],
      ['sport_pb_cm', all('qualified', { sport_league2: 'excellent', taiji_backbone: 'excellent' })],
      ['sport_prob1', all('qualified', { sport_league1: 'excellent' })],
      ['sport_lb_sec', all('qualified', { sport_league2: 'excellent', taiji_backbone: 'excellent' })],
      ['bball_backbone', all('qualified', { sport_league1: 'excellent' })],
      ['taiji_backbone', all('qualified', { sport_league2: 'excellent' })],
      ['sport_league1', all('qualified', { taiji_backbone: 'excellent' })],
      ['sport_league2', all('qualified', { sport_league1: 'excellent', taiji_backbone: 'excellent' })],
      ['bball_pres', all('qualified', { sport_league2: 'excellent' })],
      ['taiji_pres', all('qualified', { taiji_backbone: 'excellent' })],
    ],
    decision: (v) => ({
      type: 'grades',
      grades: v.candidates.map((cand) => ({
        personId: cand.id,
        grade: [pid('sport_league2'), pid('sport_league1'), pid('taiji_backbone')].includes(cand.id)
          ? 'excellent'
          : 'qualified',
      })),
    }),
    recorder: 'sport_officer',
  },
  {
    key: 'conversion_draft',
    who: 'info_pb_sec',
    unitId: 'u_info_pb',
    kind: 'conversion',
    title: '预备党员转正表决：杨帆',
    candidates: ['info_prob1'],
    meeting: [10, 14.5],
    fate: 'draft',
    scrutineer: 'info_pb_cm',
    teller: 'info_full1',
  },
  {
    key: 'party_branch_election_closed',
    who: 'info_pb_sec',
    unitId: 'u_info_pb',
    kind: 'party_branch_election',
    title: '信息学院学生党支部委员会换届选举',
    // F3: the 监票人 and 计票人 are voters who do not stand, so five formal members elect two of three.
    candidates: ['info_pb_sec', 'info_pb_cm', 'info_full1'],
    seats: 2,
    meeting: [-14, 15],
    fate: 'closed',
    scrutineer: 'fed_chair',
    teller: 'info_full2',
    present: ['fed_chair', 'info_pb_sec', 'info_pb_cm', 'info_full1', 'info_full2'],
    ballots: [
      ['fed_chair', all('yes', { info_full1: 'no' })],
      ['info_pb_sec', all('yes', { info_full1: 'abstain' })],
      ['info_pb_cm', all('yes', { info_full1: 'no' })],
      ['info_full1', all('yes', { info_pb_cm: 'no' })],
      ['info_full2', all('yes', { info_full1: 'abstain' })],
    ],
  },
  {
    key: 'tuiyou_closed',
    who: 'sport_lb_sec',
    unitId: 'u_sport_lb1',
    kind: 'tuiyou',
    title: '2026年秋季学期推优入党',
    candidates: ['taiji_pres'],
    tuiyouTarget: 'activist',
    meeting: [-5, 19],
    fate: 'closed',
    scrutineer: 'sport_league1',
    teller: 'sport_league2',
    present: [
      'sport_pb_sec',
      'sport_pb_cm',
      'sport_prob1',
      'sport_prob2',
      'bball_pres',
      'sport_lb_sec',
      'bball_backbone',
      'taiji_backbone',
      'sport_league1',
      'sport_league2',
    ],
    ballots: [
      ['sport_pb_sec', all('yes')],
      ['sport_pb_cm', all('yes')],
      ['sport_prob1', all('yes')],
      ['sport_prob2', all('yes')],
      ['bball_pres', all('yes')],
      ['sport_lb_sec', all('yes')],
      ['bball_backbone', all('abstain')],
      ['taiji_backbone', all('yes')],
      ['sport_league1', all('no')],
      ['sport_league2', all('yes')],
    ],
    decision: (v) => ({ type: 'tuiyou', recommended: v.candidates.map((cand) => cand.id), declined: [] }),
    notice: 'tuiyou_open',
  },
  {
    // 推优 toward 发展对象: the League branch recommends its activist before the party branch may discuss him (B1, B3).
    key: 'tuiyou_development_closed',
    who: 'info_lb1_sec',
    unitId: 'u_info_lb1',
    kind: 'tuiyou',
    title: '2026年秋季学期推优：推荐发展对象人选',
    candidates: ['robot_pres'],
    tuiyouTarget: 'development_candidate',
    meeting: [-11, 19],
    fate: 'closed',
    scrutineer: 'vol_backbone',
    teller: 'info_prob1',
    present: ['info_lb1_sec', 'vol_backbone', 'info_prob1', 'vol_pres', 'robot_backbone', 'robot_pres'],
    ballots: [
      ['info_lb1_sec', all('yes')],
      ['vol_backbone', all('yes')],
      ['info_prob1', all('yes')],
      ['vol_pres', all('yes')],
      ['robot_backbone', all('abstain')],
      ['robot_pres', all('yes')],
    ],
    decision: (v) => ({ type: 'tuiyou', recommended: v.candidates.map((cand) => cand.id), declined: [] }),
  },
  {
    // 确定发展对象 (A7): an activist of more than a year, recommended by his League branch, discussed at the meeting.
    key: 'development_candidate_determination_open',
    who: 'info_pb_sec',
    unitId: 'u_info_pb',
    kind: 'development_candidate_determination',
    title: '确定发展对象表决：秦子轩',
    candidates: ['robot_pres'],
    meeting: [0, 0],
    fate: 'open',
    scrutineer: 'info_pb_cm',
    teller: 'info_full1',
    present: ['info_pb_sec', 'info_pb_cm', 'info_full1', 'fed_chair'],
    ballots: [
      ['info_pb_cm', all('yes')],
      ['fed_chair', all('yes')],
    ],
  },
  {
    // 确定入党积极分子 (A4): the applicant the League branch recommended last week.
    key: 'activist_determination_closed',
    who: 'sport_pb_sec',
    unitId: 'u_sport_pb',
    kind: 'activist_determination',
    title: '确定入党积极分子表决：唐诗雨',
    candidates: ['taiji_pres'],
    meeting: [-2, 14.5],
    // Drafted once the League committee's recommendation was on file (the day after the 推优 meeting).
    draftedBefore: 1,
    fate: 'closed',
    scrutineer: 'sport_pb_cm',
    teller: 'sport_full3',
    present: ['sport_pb_sec', 'sport_pb_cm', 'sport_full1', 'sport_full2', 'sport_full3'],
    ballots: [
      ['sport_pb_sec', all('yes')],
      ['sport_pb_cm', all('yes')],
      ['sport_full1', all('yes')],
      ['sport_full2', all('abstain')],
      ['sport_full3', all('yes')],
    ],
  },
  {
    key: 'league_branch_election_draft',
    who: 'sport_lb_sec',
    unitId: 'u_sport_lb1',
    kind: 'league_branch_election',
    title: '体育学院2023级1班团支部委员会换届选举',
    candidates: ['sport_lb_sec', 'sport_league1', 'sport_league2', 'taiji_backbone'],
    seats: 3,
    meeting: [4, 19],
    fate: 'draft',
    scrutineer: 'sport_pb_cm',
    teller: 'bball_backbone',
  },
  {
    key: 'league_evaluation_open',
    who: 'info_lb1_sec',
    unitId: 'u_info_lb1',
    kind: 'league_evaluation',
    title: '2026年度团员教育评议',
    meeting: [0, 0],
    fate: 'open',
    scrutineer: 'vol_backbone',
    teller: 'robot_backbone',
    present: ['info_lb1_sec', 'vol_backbone', 'robot_backbone', 'robot_pres', 'vol_pres'],
    ballots: [
      ['vol_backbone', all('qualified', { info_lb1_sec: 'excellent' })],
      ['robot_pres', all('qualified')],
    ],
  },
  {
    key: 'tuiyou_open',
    who: 'info_lb2_sec',
    unitId: 'u_info_lb2',
    kind: 'tuiyou',
    title: '2026年秋季学期推优入党',
    candidates: ['info_league2'],
    tuiyouTarget: 'activist',
    meeting: [0, 0],
    fate: 'open',
    scrutineer: 'info_league1',
    teller: 'info_lb2_sec',
    present: ['info_lb2_sec', 'info_league1'],
    ballots: [['info_league1', all('yes')]],
  },
  {
    key: 'honor_closed',
    who: 'sport_lb_sec',
    unitId: 'u_sport_lb1',
    kind: 'honor',
    title: '2026年度优秀团员评选',
    candidates: ['sport_league2', 'sport_league1', 'taiji_backbone'],
    seats: 2,
    meeting: [-8, 19],
    fate: 'closed',
    scrutineer: 'sport_pb_cm',
    teller: 'bball_backbone',
    present: [
      'sport_pb_sec',
      'sport_pb_cm',
      'sport_lb_sec',
      'bball_backbone',
      'taiji_backbone',
      'sport_league1',
      'sport_league2',
      'bball_pres',
    ],
    ballots: [
      ['sport_pb_sec', all('yes', { taiji_backbone: 'abstain' })],
      ['sport_pb_cm', all('yes', { sport_league1: 'abstain' })],
      ['sport_lb_sec', all('yes', { taiji_backbone: 'abstain' })],
      ['bball_backbone', all('yes', { taiji_backbone: 'abstain' })],
      ['taiji_backbone', all('yes', { sport_league1: 'abstain' })],
      ['sport_league1', all('yes', { taiji_backbone: 'abstain' })],
      ['sport_league2', all('yes', { taiji_backbone: 'abstain' })],
      ['bball_pres', all('yes', { sport_league1: 'abstain' })],
    ],
  },
  {
    key: 'backbone_election_open',
    who: 'sport_officer',
    unitId: 'u_as_bball',
    kind: 'backbone_election',
    title: '篮球协会骨干换届选举',
    candidates: ['bball_backbone', 'sport_league1', 'sport_masses'],
    seats: 2,
    meeting: [0, 0],
    fate: 'open',
    scrutineer: 'sport_pb_cm',
    teller: 'sport_full2',
    present: ['bball_pres', 'bball_backbone', 'sport_league1', 'sport_masses', 'sport_pb_cm', 'sport_full2'],
    ballots: [['bball_pres', all('yes', { sport_masses: 'abstain' })]],
  },
];

function seedVotes(c: Ctx): void {
  for (const spec of VOTES) {
    const [d, h] = spec.meeting;
    const meeting = spec.fate === 'open' ? openMeetingStart(c) : c.at(addDays(c.today, d), h);
    const created = c.past(new Date(meeting.getTime() - (spec.draftedBefore ?? 3) * 24 * 3600_000));
    const scheduledStart = isoShanghai(meeting);
    const voteId = () => c.ids.votes[spec.key];
    c.step(created, async () => {
      const r = await c.call(spec.who, 'votes.create', {
        unitId: spec.unitId,
        kind: spec.kind,
        title: spec.title,
        ruleVersion: '2014',
        scheduledStart,
        candidateIds: (spec.candidates ?? []).map(pid),
        secret: true,
        ...(spec.seats ? { seats: spec.seats } : {}),
        ...(spec.tuiyouTarget ? { tuiyouTarget: spec.tuiyouTarget } : {}),
      });
      c.ids.votes[spec.key] = r.voteId;
    });
    if (spec.fate === 'draft') continue;
    if (spec.fate === 'cancelled') {
      c.step(c.past(new Date(created.getTime() + 24 * 3600_000)), async () => {
        await c.call(spec.who, 'votes.cancel', { voteId: voteId(), reason: spec.cancelReason ?? '会议取消' });
      });
      continue;
    }
    const written = spec.written;
    if (written) {
      c.step(new Date(meeting.getTime() - 20 * 3600_000), async () => {
        const view = await c.call(written[0], 'votes.get', { voteId: voteId() });
        await c.call(written[0], 'votes.addWrittenOpinion', { voteId: voteId(), marks: written[1](view) });
      });
    }
    c.step(meeting, async () => {
      await c.call(spec.who, 'votes.open', {
        voteId: voteId(),
        scrutineerIds: [pid(spec.scrutineer)],
        tellerIds: [pid(spec.teller)],
      });
    });
    // Each arrival scans the code the meeting screen shows at that moment (the manager's screen fetches it).
    for (const [i, who] of (spec.present ?? []).entries()) {
      c.step(new Date(meeting.getTime() + (i + 1) * 20_000), async () => {
        const { token } = await c.call(spec.who, 'votes.checkInToken', { voteId: voteId() });
        await c.call(who, 'votes.checkIn', { voteId: voteId(), token });
      });
    }
    for (const [i, [who, marks]] of (spec.ballots ?? []).entries()) {
      c.step(new Date(meeting.getTime() + 10 * 60_000 + i * 30_000), async () => {
        const view = await c.call(who, 'votes.get', { voteId: voteId() });
        await c.call(who, 'votes.cast', { voteId: voteId(), marks: marks(view) });
      });
    }
    if (spec.fate === 'open') continue;
    const closed = new Date(meeting.getTime() + 40 * 60_000);
    c.step(closed, async () => {
      await c.call(spec.who, 'votes.close', { voteId: voteId() });
    });
    const decision = spec.decision;
    if (decision) {
      c.step(new Date(closed.getTime() + 24 * 3600_000), async () => {
        const recorder = spec.recorder ?? spec.who;
        const view = await c.call(recorder, 'votes.get', { voteId: voteId() });
        await c.call(recorder, 'votes.recordDecision', {
          voteId: voteId(),
          decidedOn: shanghaiDate(new Date(closed.getTime() + 24 * 3600_000)),
          minutesRef: `支委会记录 ${shanghaiDate(closed).slice(0, 4)}-${String(10 + VOTES.indexOf(spec)).padStart(3, '0')}`,
          decision: decision(view),
        });
      });
    }
    const notice = spec.notice;
    if (notice) {
      // The 公示 the system drafts from the vote, published the day after the decision (it is open today).
      c.step(new Date(closed.getTime() + 26 * 3600_000), async () => {
        const draft = await c.call(spec.who, 'votes.noticeDraft', { voteId: voteId() });
        const r = await c.call(spec.who, 'notices.create', draft);
        c.ids.notices[notice] = r.noticeId;
        await c.call(spec.who, 'notices.publish', { noticeId: r.noticeId });
      });
    }
  }
}

/** An open meeting began an hour ago when that is in the day (08:00–22:00), else at 19:00 the evening before. */
function openMeetingStart(c: Ctx): Date {
  const hourAgo = new Date(new Date(c.ids.now).getTime() - 3600_000);
  const hour = (hourAgo.getUTCHours() + 8) % 24;
  if (hour >= 8 && hour < 22) return hourAgo;
  const evening = c.at(addDays(shanghaiDate(hourAgo), hour < 8 ? -1 : 0), 19);
  return evening;
}

/** An instant as ISO-8601 with +08:00 (what votes.create accepts). */
function isoShanghai(d: Date): string {
  const local = new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19);
  return `${local}+08:00`;
}

// ---------------------------------------------------------------------------------------------- activist files

/**
 * 体育学院学生党支部 keeps the files of its two activists: 黄子豪 (contact 邓凯) and 谢天宇 (contacts 邓凯 and 韩冬), whose
 * cases are carried over from paper at the activist stage (the contacts are the cases'; each was assessed by the branch
 * and 谢天宇's league service reported by the basketball association's temporary League branch).
 * The branch weighs reports 40, attendance 30, exams 20, contributions 10 and allows one 优秀 in two. 黄子豪 wrote two
 * reports (the first marked 优, the second waits for 邓凯), led the freshmen volunteers (90 points with a photo);
 * 谢天宇 wrote two marked 良. Two days ago the grades of this semester were computed and the committee decided them as
 * computed (黄子豪 优秀, 谢天宇 合格); last night 谢天宇 appealed, and the appeal waits for the secretary.
 */
function seedActivists(c: Ctx): void {
  const { day, step, call } = c;
  const term = semesterOf(c.today);
  const HUANG = pid('sport_lb_sec');
  const XIE = pid('bball_backbone');
  const text = (topic: string) =>
    `近期我认真学习了${topic}，对照党员标准查找了自身在理论学习和服务同学方面的不足。今后我将坚持每周参加支部理论学习，主动承担班级和社团的服务工作，在实践中端正入党动机，以实际行动争取早日加入党组织。`;
  step(day(-70, 9), async () => {
    await call('sport_pb_sec', 'activists.setGradingSettings', {
      branchId: 'u_sport_pb',
      weights: { attendance: 30, reports: 40, exams: 20, contributions: 10 },
      excellentShare: 50,
      reportsExpected: 2,
      bands: { excellent: 90, good: 80, pass: 60 },
    });
  });
  // Their development began on paper (the roster has them as activists since 2025-09-01): the branch carries their
  // cases over, which opens their files, and names the contacts once, on the case (A5).
  step(day(-69, 10), async () => {
    const on = addDays(c.today, -69);
    await call('sport_pb_sec', 'activists.open', { personId: HUANG });
    await call('sport_pb_sec', 'pipeline.setContacts', { caseId: `pc_${HUANG}`, contactIds: [pid('sport_full3')], on });
    await call('sport_pb_sec', 'activists.open', { personId: XIE });
    await call('sport_pb_sec', 'pipeline.setContacts', {
      caseId: `pc_${XIE}`,
      contactIds: [pid('sport_full3'), pid('sport_full1')],
      on,
    });
  });
  // The half-yearly assessments are the cases' records, one of them sent home by the basketball association's
  // temporary League branch (its secretary 黄子豪 on 谢天宇's league service, D6); the files show them.
  step(day(-25, 16), async () => {
    const on = addDays(c.today, -25);
    for (const personId of [HUANG, XIE]) {
      await call('sport_pb_sec', 'pipeline.recordAssessment', {
        personId,
        unitId: 'u_sport_pb',
        kind: 'assessment',
        on,
        content: '本半年理论学习、思想汇报、志愿服务和学业情况',
        opinion: '表现良好，继续培养',
      });
    }
  });
  step(day(-16, 18), async () => {
    await call('sport_lb_sec', 'pipeline.recordAssessment', {
      personId: XIE,
      unitId: 'u_as_bball_tlb',
      kind: 'activity',
      on: addDays(c.today, -16),
      content: '担任校篮球联赛裁判组志愿者，组织赛事服务',
      opinion: '工作认真负责，服务意识强',
    });
  });
  const reviewLatest = async (who: string, personId: string, mark: 'excellent' | 'good', comment: string) => {
    const file = await call(who, 'activists.file', { personId });
    const report = file.reports.find((r) => r.mayReview);
    if (report) await call(who, 'activists.reviewReport', { reportId: report.id, mark, comment });
  };
  step(day(-40, 20), async () => {
    await call('sport_lb_sec', 'activists.submitReport', { title: '学习党章的体会', text: text('《中国共产党章程》') });
  });
  step(day(-38, 9), async () => {
    await reviewLatest('sport_full3', HUANG, 'excellent', '联系实际，认识深刻，继续保持。');
  });
  step(day(-33, 21), async () => {
    await call('bball_backbone', 'activists.submitReport', { title: '第三季度思想汇报', text: text('党的基本理论') });
  });
  step(day(-31, 9), async () => {
    await reviewLatest('sport_full1', XIE, 'good', '态度端正，可多结合社团工作谈体会。');
  });
  step(day(-20, 15), async () => {
    await call('sport_pb_sec', 'activists.recordContribution', {
      personId: HUANG,
      title: '组织新生志愿服务',
      description: '策划并带领二十名志愿者完成学院迎新服务，受到学院通报表扬。',
      evidence: ['cloud://lingyan-demo.bucket/activists/evidence-welcome.jpg'],
      points: 90,
    });
  });
  step(day(-19, 16), async () => {
    await call('sport_pb_sec', 'activists.addNote', { personId: HUANG, text: '组织观念强，理论学习需更系统。' });
  });
  step(day(-15, 21), async () => {
    await call('bball_backbone', 'activists.submitReport', {
      title: '参加联赛服务的收获',
      text: text('为人民服务的宗旨'),
    });
  });
  step(day(-14, 9), async () => {
    await reviewLatest('sport_full3', XIE, 'good', '能结合实际，仍需加强理论深度。');
  });
  step(day(-12, 21), async () => {
    await call('sport_lb_sec', 'activists.submitReport', {
      title: '学习二十大精神的体会',
      text: text('党的二十大报告'),
    });
  });
  step(day(-2, 10), async () => {
    const sheet = await call('sport_pb_sec', 'activists.computeGrades', { branchId: 'u_sport_pb', term });
    for (const f of sheet.files) {
      if (f.grade)
        await call('sport_pb_sec', 'activists.decideGrade', { gradeId: f.grade.id, grade: f.grade.computed });
    }
  });
  step(day(-1, 20), async () => {
    const file = await call('bball_backbone', 'activists.file', { personId: XIE });
    const grade = file.grades.find((g) => g.term === term);
    if (grade?.mayAppeal) {
      await call('bball_backbone', 'activists.appeal', {
        gradeId: grade.id,
        reason: '本学期两份思想汇报均按时提交，并担任联赛服务工作，请求复核等次。',
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------- development pipeline

/**
 * Students on the development pipeline, every step a real action: 吕航 applied 45 days ago and nobody has talked with
 * him yet (the talk is overdue on the secretary's and committee member's to-do lists); 沈可欣 applied and had her
 * talk; 白露 was named an activist of the 信息学院 branch after the members recommended her and the branch voted,
 * with a cultivation contact. 陶然 is a 发展对象 (seedCandidate); the stages after it are world-members.ts's.
 */
function seedPipeline(c: Ctx): void {
  const cases: Record<string, string> = {};
  c.ids.cases = cases;
  const talk = (caseId: string, on: string) => ({
    caseId,
    kind: 'application' as const,
    on,
    topics: '入党动机、对党的认识',
    content: '了解入党动机和学习、生活情况，介绍党的基本知识',
    opinion: '入党动机端正，建议列入入党积极分子人选',
  });

  c.step(c.day(-45, 10), async () => {
    const v = await c.call('sport_masses', 'pipeline.apply', {
      branchId: 'u_sport_pb',
      statement: '我志愿加入中国共产党，愿意为共产主义事业奋斗终身。',
      birthDate: '2005-04-18',
    });
    cases.applicant_overdue = v.caseId;
  });

  c.step(c.day(-12, 10), async () => {
    const v = await c.call('sport_league2', 'pipeline.apply', {
      branchId: 'u_sport_pb',
      statement: '我志愿加入中国共产党，在学习和工作中以党员标准严格要求自己。',
      birthDate: '2005-09-02',
    });
    cases.applicant_talked = v.caseId;
  });
  c.step(c.day(-6, 15), async () => {
    await c.call('sport_pb_cm', 'pipeline.recordTalk', talk(cases.applicant_talked, addDays(c.today, -6)));
  });

  c.step(c.day(-60, 10), async () => {
    const v = await c.call('info_masses', 'pipeline.apply', {
      branchId: 'u_info_pb',
      statement: '我志愿加入中国共产党，拥护党的纲领，遵守党的章程。',
      birthDate: '2005-11-23',
    });
    cases.activist = v.caseId;
  });
  c.step(c.day(-55, 15), async () => {
    await c.call('info_pb_cm', 'pipeline.recordTalk', talk(cases.activist, addDays(c.today, -55)));
    await c.call('info_pb_sec', 'pipeline.recordRecommendation', {
      caseId: cases.activist,
      on: addDays(c.today, -55),
      recommenderIds: [pid('info_full1'), pid('info_full2')],
      content: '志愿服务表现突出，推荐为入党积极分子人选',
    });
  });
  const meeting = addDays(c.today, -40);
  c.step(c.at(meeting, 13), async () => {
    const { voteId } = await c.call('info_pb_sec', 'votes.create', {
      unitId: 'u_info_pb',
      kind: 'activist_determination',
      title: '确定入党积极分子',
      scheduledStart: isoShanghai(c.at(meeting, 14)),
      candidateIds: [pid('info_masses')],
    });
    c.ids.votes.pipeline_activist_closed = voteId;
  });
  c.step(c.at(meeting, 14), async () => {
    const voteId = c.ids.votes.pipeline_activist_closed;
    await c.call('info_pb_sec', 'votes.open', {
      voteId,
      scrutineerIds: [pid('info_full1')],
      tellerIds: [pid('info_full2')],
    });
    // The secretary's screen shows the rotating code; each member scans it.
    const { token } = await c.call('info_pb_sec', 'votes.checkInToken', { voteId });
    for (const who of ['fed_chair', 'info_pb_sec', 'info_pb_cm', 'info_full1', 'info_full2']) {
      await c.call(who, 'votes.checkIn', { voteId, token });
      await c.call(who, 'votes.cast', { voteId, marks: [{ candidateId: pid('info_masses'), choice: 'yes' }] });
    }
    await c.call('info_pb_sec', 'votes.close', { voteId });
  });
  c.step(c.at(meeting, 16), async () => {
    await c.call('info_pb_sec', 'pipeline.takeStep', {
      caseId: cases.activist,
      step: 'determine_activist',
      meetingRef: '支委会会议记录',
      voteId: c.ids.votes.pipeline_activist_closed,
    });
    await c.call('info_pb_sec', 'pipeline.setContacts', {
      caseId: cases.activist,
      contactIds: [pid('info_full1')],
      on: meeting,
    });
  });

  seedCandidate(c, cases, talk);
}

/**
 * 陶然 (info_cand) became a 发展对象 of the 信息学院 branch after a year as an activist: every record entered on the
 * day it happened, with the world's clock set back to that day, by the branch's secretary 林思远, who has held the
 * post since September 2024 (the roster says so). Application, talk and the members' recommendation, the branch's
 * vote and decision, a contact, an assessment each half year, the talk before the decision, the second vote.
 */
function seedCandidate(
  c: Ctx,
  cases: Record<string, string>,
  talk: (caseId: string, on: string) => Input<'pipeline.recordTalk'>,
): void {
  const SEC = 'info_pb_sec';
  const d = (days: number) => addDays(c.today, days);
  const voters = ['fed_chair', 'info_pb_sec', 'info_pb_cm', 'info_full1', 'info_full2'];
  // Two students a year behind her were decided at the same meetings (world-members.ts takes their steps).
  const candidates = ['info_cand', ...AT_CANDIDATE_MEETINGS].map(pid);
  /** A branch vote on `day`, everyone present voting yes on every candidate; its id under `name`. */
  const vote = (day: number, kind: VoteKind, title: string, name: string) => {
    c.step(c.day(day, 13), async () => {
      const { voteId } = await c.call(SEC, 'votes.create', {
        unitId: 'u_info_pb',
        kind,
        title,
        scheduledStart: isoShanghai(c.day(day, 14)),
        candidateIds: candidates,
      });
      c.ids.votes[name] = voteId;
    });
    c.step(c.day(day, 14), async () => {
      const voteId = c.ids.votes[name];
      await c.call(SEC, 'votes.open', { voteId, scrutineerIds: [pid('info_full1')], tellerIds: [pid('info_full2')] });
      const { token } = await c.call(SEC, 'votes.checkInToken', { voteId });
      for (const who of voters) {
        await c.call(who, 'votes.checkIn', { voteId, token });
        await c.call(who, 'votes.cast', {
          voteId,
          marks: candidates.map((candidateId) => ({ candidateId, choice: 'yes' as const })),
        });
      }
      await c.call(SEC, 'votes.close', { voteId });
    });
  };

  c.step(c.day(-700, 10), async () => {
    const v = await c.call('info_cand', 'pipeline.apply', {
      branchId: 'u_info_pb',
      statement: '我志愿加入中国共产党，拥护党的纲领，遵守党的章程，履行党员义务。',
      birthDate: '2004-10-15',
      attachments: [],
    });
    cases.candidate = v.caseId;
  });
  c.step(c.day(-690, 15), async () => {
    await c.call(SEC, 'pipeline.recordTalk', talk(cases.candidate, d(-690)));
    await c.call(SEC, 'pipeline.recordRecommendation', {
      caseId: cases.candidate,
      on: d(-690),
      recommenderIds: [pid('info_full1'), pid('info_full2')],
      content: '学习刻苦，积极参加志愿服务，推荐为入党积极分子人选',
    });
  });
  vote(-670, 'activist_determination', '确定入党积极分子', 'pipeline_candidate_activist_closed');
  c.step(c.day(-670, 16), async () => {
    await c.call(SEC, 'pipeline.takeStep', {
      caseId: cases.candidate,
      step: 'determine_activist',
      meetingRef: '支委会会议记录',
      voteId: c.ids.votes.pipeline_candidate_activist_closed,
      attachments: [],
    });
    await c.call(SEC, 'pipeline.setContacts', {
      caseId: cases.candidate,
      contactIds: [pid('info_full1')],
      on: d(-670),
    });
  });
  for (const day of [-560, -380]) {
    c.step(c.day(day, 10), async () => {
      await c.call(SEC, 'pipeline.recordAssessment', {
        personId: pid('info_cand'),
        unitId: 'u_info_pb',
        kind: 'assessment',
        on: d(day),
        content: '按时参加支部组织生活和党课学习，按时提交思想汇报',
        opinion: '表现良好，继续培养',
        attachments: [],
      });
    });
  }
  c.step(c.day(-300, 15), async () => {
    await c.call(SEC, 'pipeline.recordTalk', {
      ...talk(cases.candidate, d(-300)),
      kind: 'before_candidate',
      topics: '对党的认识、入党动机、培养期间的表现',
      opinion: '入党动机端正，具备发展对象条件',
    });
  });
  vote(-295, 'development_candidate_determination', '确定发展对象', 'pipeline_candidate_closed');
  c.step(c.day(-295, 16), async () => {
    await c.call(SEC, 'pipeline.takeStep', {
      caseId: cases.candidate,
      step: 'determine_candidate',
      meetingRef: '支委会会议记录',
      voteId: c.ids.votes.pipeline_candidate_closed,
      attachments: [],
    });
  });
}
