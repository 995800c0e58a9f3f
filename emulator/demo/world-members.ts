/**
 * The demo world's students past 发展对象, so that every stage of the development pipeline has someone in the one
 * demo world: five students of the 信息学院 branch (u_info_pb) in two classes of the same journey, every record entered
 * on the day it happened by the person a real school would use, with the world's clock set back to that day.
 *
 * - 顾晨阳 (info_convert), 江雪 (info_extend) and 梁欣 (info_cancel) applied about two years and two months ago.
 *   Application, the talk within the month and the members' recommendation, the branch's vote (one meeting for all three) and decision, the
 *   filing acknowledged by the college, a contact each, an assessment each half year, the talk before the 发展对象
 *   decision, the second vote, its filing; introducers (two formal members), the political review, the party
 *   committee's three-day 发展对象 training (real sessions they scanned into), the two-level pre-examination
 *   (college, then school) and the committee's 预审; the 志愿书, the branch meeting on acceptance, a 公示 of five
 *   working days closed by the scheduler's tick without objection, the committee's talk and approval, the oath.
 *   After a year of probation 顾晨阳 had his talk, the branch meeting voted on conversion, a 公示 closed clean and the
 *   committee approved it ten minutes ago: a 正式党员 whose standing counts from the end of probation (A22). 江雪's branch
 *   meeting extended her probation by six months the same day, and the committee approved the extension (A20); the
 *   same day it cancelled 梁欣's probationary membership, and the committee approved that too (A20).
 * - 苏婉 (info_sworn) and 叶舟 (info_approved) applied a few months later and were decided activists and 发展对象 at the
 *   meetings that decided 陶然 (world.ts: seedCandidate), then went the same way and were accepted at one branch
 *   meeting ten weeks ago: 苏婉 was approved and took the oath; 叶舟 was approved only last week and has not taken it.
 *
 * Seven meetings in all (each a real vote: created, opened, every member checked in with the code on the screen and
 * voting, closed), one for several candidates wherever the kind allows it, so the world stays quick to seed.
 *
 * The branch's secretary 林思远 has held his post since September 2024; the college's officer 刘芳 (the college's
 * committee: filings, the college's pre-examination, the talk before approval) and the party committee's 李红梅 (the
 * school's pre-examination, 预审, approvals, the training) since the same day (emulator/demo/school.ts).
 */
import { publicityWindow } from '../../server/domain/notices';
import { addDays, shanghaiIso, startOfShanghaiDay } from '../../server/domain/time';
import { probationEnd } from '../../server/domain/votes';
import type { Input } from '../../typings/actions';
import type { VoteKind } from '../../typings/actions/votes';
import type { Ctx } from './context';
import { demoPersonId, demoPersonName } from './school';

const pid = demoPersonId;
const SEC = 'info_pb_sec';
const BRANCH = 'u_info_pb';
/** The college's committee: filings, the college's pre-examination, the talk before approval. */
const COLLEGE = 'info_officer';
/** The party committee: the school's pre-examination, 预审 and approvals, the 发展对象 training. */
const SCHOOL = 'party_admin';
/** The branch's formal members: every one comes to its meetings and votes yes. */
const VOTERS = ['fed_chair', 'info_pb_sec', 'info_pb_cm', 'info_full1', 'info_full2'];

/** The journey two students share up to the committee's approval, in days relative to today. */
interface Cohort {
  key: string;
  /**
   * Slug, birth date, contact; the day the committee approves (the talk the day before; two days after the 公示 ended
   * unless said) and the oath, days after the approval (null: not yet).
   */
  people: { slug: string; birthDate: string; contact: string; approved?: number; oath: number | null }[];
  introducers: [string, string];
  /**
   * The branch's meetings on activists and 发展对象 the cohort was decided at, when they are meetings the world holds
   * for someone else too (their names in `c.ids.votes`); else the cohort's own meetings on `activist` and `candidate`.
   */
  meetings?: { activist: string; candidate: string };
  applied: number;
  activist: number;
  assessments: [number, number];
  candidate: number;
  training: [number, number, number];
  preExam: number;
  acceptance: number;
}

const COHORTS: Cohort[] = [
  {
    key: 'a',
    people: [
      { slug: 'info_convert', birthDate: '2004-03-16', contact: 'info_full1', oath: 5 },
      { slug: 'info_extend', birthDate: '2004-07-08', contact: 'info_full2', oath: 5 },
      { slug: 'info_cancel', birthDate: '2004-05-20', contact: 'info_full2', oath: 5 },
    ],
    introducers: ['info_full1', 'info_full2'],
    applied: -790,
    activist: -780,
    assessments: [-700, -500],
    candidate: -410,
    training: [-404, -403, -402],
    preExam: -400,
    acceptance: -392,
  },
  {
    key: 'b',
    people: [
      { slug: 'info_sworn', birthDate: '2005-01-27', contact: 'info_full1', oath: 5 },
      { slug: 'info_approved', birthDate: '2005-05-30', contact: 'fed_chair', approved: -5, oath: null },
    ],
    introducers: ['info_full2', 'fed_chair'],
    // Decided at 陶然's meetings (world.ts: seedCandidate puts them on its ballots).
    meetings: { activist: 'pipeline_candidate_activist_closed', candidate: 'pipeline_candidate_closed' },
    applied: -702,
    activist: -670,
    assessments: [-560, -380],
    candidate: -295,
    training: [-85, -84, -83],
    preExam: -80,
    acceptance: -70,
  },
];

/** The demo's case names (`c.ids.cases`) of the four. */
const CASE_NAMES: Record<string, string> = {
  info_convert: 'full_member',
  info_extend: 'extended',
  info_cancel: 'cancelled',
  info_sworn: 'probationary',
  info_approved: 'probationary_no_oath',
};

/** Students decided at 陶然's meetings on activists and 发展对象 besides her (world.ts: seedCandidate). */
export const AT_CANDIDATE_MEETINGS = COHORTS.filter((k) => k.meetings).flatMap((k) => k.people.map((p) => p.slug));

export function seedMembers(c: Ctx): void {
  const cases = c.ids.cases ?? {};
  c.ids.cases = cases;
  const caseOf = (slug: string) => cases[CASE_NAMES[slug]];
  const d = (days: number) => addDays(c.today, days);

  /** A meeting of the branch on `day` at `hour`, every member present voting yes; its id as `votes[name]`. */
  const vote = (
    day: number,
    hour: number,
    kind: VoteKind,
    title: string,
    slugs: string[],
    name: string,
    extra: Partial<Input<'votes.create'>> = {},
  ) => {
    c.step(c.day(day, hour - 1), async () => {
      const { voteId } = await c.call(SEC, 'votes.create', {
        unitId: BRANCH,
        kind,
        title,
        scheduledStart: shanghaiIso(c.day(day, hour)),
        candidateIds: slugs.map(pid),
        ...extra,
      });
      c.ids.votes[name] = voteId;
    });
    c.step(c.day(day, hour), async () => {
      const voteId = c.ids.votes[name];
      await c.call(SEC, 'votes.open', { voteId, scrutineerIds: [pid('info_full1')], tellerIds: [pid('info_full2')] });
      const { token } = await c.call(SEC, 'votes.checkInToken', { voteId });
      const marks = slugs.map((s) => ({ candidateId: pid(s), choice: 'yes' as const }));
      for (const who of VOTERS) {
        await c.call(who, 'votes.checkIn', { voteId, token });
        await c.call(who, 'votes.cast', { voteId, marks });
      }
      await c.call(SEC, 'votes.close', { voteId });
    });
  };

  /**
   * A 公示 of five working days from `startDay`, drafted and published the day before, closed by the scheduler's tick
   * when it ends (no objection); answers the day after it ended (the first day a step may rest on it).
   */
  const notice = (kind: 'acceptance' | 'conversion', slugs: string[], startDay: number, name: string): string => {
    const window = { start: d(startDay), length: 5, unit: 'workday' as const, counting: 'inclusive' as const };
    const end = publicityWindow(window).end;
    const names = slugs.map(demoPersonName).join('、');
    const [title, body] =
      kind === 'acceptance'
        ? [
            `关于拟接收${names}同志为预备党员的公示`,
            `经信息学院学生党支部支部大会讨论、无记名投票表决通过，拟接收${names}同志为中共预备党员。公示期间，如有异议，请通过“领雁”小程序实名或匿名反映。`,
          ]
        : [
            `关于${names}同志预备党员转正的公示`,
            `${names}同志预备期已满，经信息学院学生党支部支部大会讨论、无记名投票表决通过，拟按期转为中共正式党员。公示期间，如有异议，请通过“领雁”小程序实名或匿名反映。`,
          ];
    c.step(c.day(startDay - 1, 10), async () => {
      const r = await c.call(SEC, 'notices.create', {
        unitId: BRANCH,
        kind,
        title,
        body,
        subjects: slugs.map((s) => ({ personId: pid(s), name: demoPersonName(s) })),
        scopeUnitIds: [BRANCH],
        window,
      });
      c.ids.notices[name] = r.noticeId;
      await c.call(SEC, 'notices.publish', { noticeId: r.noticeId });
    });
    c.step(new Date(startOfShanghaiDay(addDays(end, 1)).getTime() + 60_000), async () => {
      await c.host.fireTimers();
    });
    return addDays(end, 1);
  };
  const dayOf = (date: string) =>
    Math.round((startOfShanghaiDay(date).getTime() - startOfShanghaiDay(c.today).getTime()) / 86_400_000);

  for (const k of COHORTS) {
    const slugs = k.people.map((p) => p.slug);
    const forEach = (day: number, hour: number, run: (slug: string, caseId: string) => Promise<void>) =>
      c.step(c.day(day, hour), async () => {
        for (const slug of slugs) await run(slug, caseOf(slug));
      });
    /** A step by whoever takes it: the party committee (预审, approvals) or the branch (its committee, its meeting). */
    const step = (
      caseId: string,
      s: Input<'pipeline.takeStep'>['step'],
      extra: Partial<Input<'pipeline.takeStep'>>,
    ) => {
      const committee = s.startsWith('approve') || s === 'pre_examine';
      return c.call(committee ? SCHOOL : SEC, 'pipeline.takeStep', {
        caseId,
        step: s,
        meetingRef: committee ? '党委会议纪要' : s.startsWith('determine') ? '支委会会议记录' : '支部大会会议记录',
        attachments: [],
        ...extra,
      });
    };

    // Application, the talk within the month, the members' recommendation.
    for (const p of k.people) {
      c.step(c.day(k.applied, 10), async () => {
        const v = await c.call(p.slug, 'pipeline.apply', {
          branchId: BRANCH,
          statement: '我志愿加入中国共产党，拥护党的纲领，遵守党的章程，履行党员义务，执行党的决定。',
          birthDate: p.birthDate,
          attachments: [],
        });
        cases[CASE_NAMES[p.slug]] = v.caseId;
      });
    }
    forEach(k.applied + 5, 15, async (_, caseId) => {
      await c.call(
        SEC,
        'pipeline.recordTalk',
        talk(caseId, 'application', k.applied + 5, '入党动机、对党的认识', '入党动机端正，建议列入入党积极分子人选'),
      );
      await c.call(SEC, 'pipeline.recordRecommendation', {
        caseId,
        on: d(k.applied + 5),
        recommenderIds: [pid('info_full1'), pid('info_full2')],
        content: '学习刻苦，积极参加志愿服务，推荐为入党积极分子人选',
      });
    });
    // 确定入党积极分子: one meeting for both; the college acknowledges the filing the next day.
    const activistVote = k.meetings?.activist ?? `members_${k.key}_activist_closed`;
    if (!k.meetings) vote(k.activist, 14, 'activist_determination', '确定入党积极分子', slugs, activistVote);
    for (const p of k.people) {
      c.step(c.day(k.activist, 16), async () => {
        const caseId = caseOf(p.slug);
        await step(caseId, 'determine_activist', { voteId: c.ids.votes[activistVote] });
        await c.call(SEC, 'pipeline.setContacts', { caseId, contactIds: [pid(p.contact)], on: d(k.activist) });
      });
    }
    forEach(k.activist + 1, 10, async (_, caseId) => {
      await c.call(COLLEGE, 'pipeline.acknowledgeFiling', { caseId, decision: 'activist' });
    });
    for (const day of k.assessments) {
      forEach(day, 10, async (slug) => {
        await c.call(SEC, 'pipeline.recordAssessment', {
          personId: pid(slug),
          unitId: BRANCH,
          kind: 'assessment',
          on: d(day),
          content: '按时参加支部组织生活和党课学习，按时提交思想汇报，积极参加志愿服务',
          opinion: '表现良好，继续培养',
          attachments: [],
        });
      });
    }
    // 确定发展对象 after a year as activists, the talk before it; the filing acknowledged.
    forEach(k.candidate - 2, 15, async (_, caseId) => {
      await c.call(
        SEC,
        'pipeline.recordTalk',
        talk(
          caseId,
          'before_candidate',
          k.candidate - 2,
          '对党的认识、入党动机、培养期间的表现',
          '入党动机端正，具备发展对象条件',
        ),
      );
    });
    const candidateVote = k.meetings?.candidate ?? `members_${k.key}_candidate_closed`;
    if (!k.meetings) {
      vote(k.candidate, 14, 'development_candidate_determination', '确定发展对象', slugs, candidateVote);
    }
    forEach(k.candidate, 16, async (_, caseId) => {
      await step(caseId, 'determine_candidate', { voteId: c.ids.votes[candidateVote] });
    });
    forEach(k.candidate + 1, 10, async (_, caseId) => {
      await c.call(COLLEGE, 'pipeline.acknowledgeFiling', { caseId, decision: 'candidate' });
    });
    // Introducers and the political review.
    forEach(k.candidate + 5, 10, async (_, caseId) => {
      await c.call(SEC, 'pipeline.setIntroducers', {
        caseId,
        introducerIds: k.introducers.map(pid),
        on: d(k.candidate + 5),
      });
      await c.call(SEC, 'pipeline.recordReview', {
        caseId,
        on: d(k.candidate + 5),
        conclusion: 'qualified',
        summary: '经与本人谈话、函询家庭所在地党组织，政治历史清楚，拥护党的路线方针政策，现实表现好',
        attachments: [],
      });
    });
    seedTraining(c, k, slugs);
    // The two-level pre-examination in writing (college, then school), then the committee's 预审.
    forEach(k.preExam, 10, async (_, caseId) => {
      await c.call(COLLEGE, 'pipeline.recordPreExam', {
        caseId,
        level: 'college',
        on: d(k.preExam),
        conclusion: 'passed',
        opinion: '材料齐全，培养考察程序规范，同意报校党委预审',
        attachments: [],
      });
    });
    forEach(k.preExam + 1, 10, async (_, caseId) => {
      await c.call(SCHOOL, 'pipeline.recordPreExam', {
        caseId,
        level: 'school',
        on: d(k.preExam + 1),
        conclusion: 'passed',
        opinion: '经审查，符合发展条件，同意发放《入党志愿书》',
        attachments: [],
      });
    });
    forEach(k.preExam + 2, 15, async (_, caseId) => {
      await step(caseId, 'pre_examine', {});
    });
    // The branch meeting on acceptance (the 志愿书 issued after 预审), its 公示, the step, the committee's talk and
    // approval, the oath.
    vote(k.acceptance, 14, 'acceptance', '接收预备党员', slugs, `members_${k.key}_acceptance_closed`);
    const acceptName = `members_${k.key}_acceptance`;
    const after = dayOf(notice('acceptance', slugs, k.acceptance + 2, acceptName));
    forEach(after, 10, async (_, caseId) => {
      await step(caseId, 'branch_accept', {
        voteId: c.ids.votes[`members_${k.key}_acceptance_closed`],
        noticeId: c.ids.notices[acceptName],
        formIssuedOn: d(k.preExam + 3),
      });
    });
    for (const p of k.people) {
      const approved = p.approved ?? after + 2;
      c.step(c.day(approved - 1, 15), async () => {
        await c.call(
          COLLEGE,
          'pipeline.recordTalk',
          talk(
            caseOf(p.slug),
            'before_approval',
            approved - 1,
            '对党的认识、入党动机、党员义务',
            '入党动机端正，同意接收为预备党员',
          ),
        );
      });
      c.step(c.day(approved, 10), async () => {
        await step(caseOf(p.slug), 'approve_acceptance', {});
      });
      if (p.oath !== null) {
        const oath = approved + p.oath;
        c.step(c.day(oath, 19), async () => {
          await c.call(SEC, 'pipeline.recordOath', {
            caseId: caseOf(p.slug),
            on: d(oath),
            place: '信息学院党员活动室',
            leaderName: demoPersonName(SEC),
            attachments: [],
          });
        });
      }
    }
  }

  // 顾晨阳: a year of probation from the meeting, the talk before conversion, the meeting, a clean 公示, the committee's
  // approval ten minutes ago. 江雪: the same meeting day, her probation extended by six months and the extension approved.
  const a = COHORTS[0];
  // A19: a year from the meeting that accepted him; the branch meets five days after it ends.
  const meeting = dayOf(probationEnd(d(a.acceptance), null)) + 5;
  c.step(c.day(meeting - 2, 15), async () => {
    await c.call(
      SEC,
      'pipeline.recordTalk',
      talk(
        caseOf('info_convert'),
        'before_conversion',
        meeting - 2,
        '预备期的表现、党员义务、今后努力方向',
        '预备期表现良好，同意提交支部大会讨论转正',
      ),
    );
  });
  vote(meeting, 14, 'conversion', '预备党员转正', ['info_convert'], 'members_conversion_closed');
  const converted = dayOf(notice('conversion', ['info_convert'], meeting + 2, 'members_conversion'));
  c.step(c.day(converted, 10), async () => {
    await c.call(SEC, 'pipeline.takeStep', {
      caseId: caseOf('info_convert'),
      step: 'branch_convert',
      meetingRef: '支部大会会议记录',
      voteId: c.ids.votes.members_conversion_closed,
      noticeId: c.ids.notices.members_conversion,
      attachments: [],
    });
  });
  // Ten minutes ago, after every meeting of the branch was opened (so none of them counts him among its voters).
  c.step(c.past(c.day(0, 23)), async () => {
    await c.call(SCHOOL, 'pipeline.takeStep', {
      caseId: caseOf('info_convert'),
      step: 'approve_conversion',
      meetingRef: '党委会议纪要',
      attachments: [],
    });
  });
  vote(meeting, 15.5, 'extension', '延长预备期', ['info_extend'], 'members_extension_closed', { extensionMonths: 6 });
  c.step(c.day(meeting, 17), async () => {
    await c.call(SEC, 'pipeline.takeStep', {
      caseId: caseOf('info_extend'),
      step: 'extend_probation',
      meetingRef: '支部大会会议记录',
      voteId: c.ids.votes.members_extension_closed,
      extensionMonths: 6,
      attachments: [],
    });
  });
  c.step(c.day(meeting + 7, 10), async () => {
    await c.call(SCHOOL, 'pipeline.takeStep', {
      caseId: caseOf('info_extend'),
      step: 'approve_extension',
      meetingRef: '党委会议纪要',
      attachments: [],
    });
  });
  // 梁欣: the same meeting day, the branch cancelled her probationary membership, and the committee approved it (A20).
  vote(meeting, 16.5, 'cancellation', '取消预备党员资格', ['info_cancel'], 'members_cancellation_closed');
  c.step(c.day(meeting, 17.5), async () => {
    await c.call(SEC, 'pipeline.takeStep', {
      caseId: caseOf('info_cancel'),
      step: 'cancel',
      meetingRef: '支部大会会议记录',
      voteId: c.ids.votes.members_cancellation_closed,
      attachments: [],
    });
  });
  c.step(c.day(meeting + 7, 10.5), async () => {
    await c.call(SCHOOL, 'pipeline.takeStep', {
      caseId: caseOf('info_cancel'),
      step: 'approve_cancellation',
      meetingRef: '党委会议纪要',
      attachments: [],
    });
  });

  function talk(
    caseId: string,
    kind: Input<'pipeline.recordTalk'>['kind'],
    on: number,
    topics: string,
    opinion: string,
  ): Input<'pipeline.recordTalk'> {
    return {
      caseId,
      kind,
      on: d(on),
      topics,
      content: '了解思想、学习和工作情况，介绍党的基本知识和有关要求，指出不足和努力方向',
      opinion,
      attachments: [],
    };
  }
}

/**
 * The party committee's 发展对象 training for the cohort (A10): three days of eight 学时, by invitation, created a week
 * before; each student signs up the next day and scans the code on the organiser's screen every morning.
 */
function seedTraining(c: Ctx, k: Cohort, slugs: string[]): void {
  const name = `members_${k.key}_training`;
  const t = c.ids.trainings;
  const first = addDays(c.today, k.training[0]);
  const [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  const term = m >= 9 ? `${y}-${y + 1}-1` : m <= 1 ? `${y - 1}-${y}-1` : `${y - 1}-${y}-2`;
  c.step(c.day(k.training[0] - 7, 9), async () => {
    const r = await c.call(SCHOOL, 'trainings.createProgram', {
      unitId: 'u_party',
      title: `${y}年发展对象集中培训（信息学院）`,
      description: '学习党的基本理论、党章和入党誓词，三天集中培训。',
      level: 'development_candidate',
      category: 'political',
      term,
      capacity: 30,
      waitlistLimit: 0,
      admission: 'invite',
      inviteeIds: slugs.map(pid),
      hoursMode: 'session',
    });
    t[name] = r.programId;
    for (const [i, day] of k.training.entries()) {
      const r2 = await c.call(SCHOOL, 'trainings.addSession', {
        programId: r.programId,
        title: ['党的基本理论', '党章与党的纪律', '入党誓词与党员义务'][i],
        start: shanghaiIso(c.day(day, 9)),
        end: shanghaiIso(c.day(day, 17)),
        place: '校党校报告厅',
        online: false,
        hours: 8,
      });
      t[`${name}.s${i + 1}`] = r2.sessionId;
    }
  });
  c.step(c.day(k.training[0] - 6, 10), async () => {
    for (const slug of slugs) await c.call(slug, 'trainings.signUp', { programId: t[name] });
  });
  for (const [i, day] of k.training.entries()) {
    c.step(new Date(c.day(day, 9).getTime() - 8 * 60_000), async () => {
      const sessionId = t[`${name}.s${i + 1}`];
      for (const slug of slugs) {
        const { token } = await c.call(SCHOOL, 'trainings.checkinToken', { sessionId, purpose: 'in' });
        await c.call(slug, 'trainings.checkIn', { token });
      }
    });
  }
}
