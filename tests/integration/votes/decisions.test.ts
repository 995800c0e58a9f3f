/**
 * After the count: the committee's own decision, kept apart from it and held to the quotas — 推优 at most 20% of
 * the branch's League members (B3) and only among those who passed (B4, 考察不唯票); 民主评议 优秀 at most 1/3 of
 * the formal members, probationary members rating but not graded (C2). Also 评优 with a named ballot (the rules
 * leave the method open there), its seat limit on a ballot (F2), and the 公示 draft built from a closed vote.
 */

import type { DecisionDoc, ResultsDoc, VoteDoc } from '../../../server/actions/votes/docs';
import { noticeDraftFromVote } from '../../../server/domain/votes';
import type { DecisionView, Input, ResolutionView } from '../../../typings/actions';
import { errorCode, expectOk, startTestEmulator, type TestEmulator } from '../support';
import { addMembers, addUnit, lineOf, type Member, screenToken, seedGrades, sh, stored } from './fixtures';

let emu: TestEmulator;
const OFFICER = 'sport_officer';

beforeAll(async () => {
  emu = await startTestEmulator();
  emu.host.setClock(sh('2026-11-09 14:00'));
});
afterAll(() => emu.close());

async function runVote(
  manager: string,
  create: Record<string, unknown>,
  voters: { who: string; marks: { candidateId: string; choice: string }[] }[],
  officials: [string, string],
): Promise<{ voteId: string; sheet: ResolutionView }> {
  const { voteId } = expectOk(
    await emu.as<{ voteId: string }>(manager, 'votes.create', { scheduledStart: sh('2026-11-09 14:00'), ...create }),
  );
  expectOk(
    await emu.as(manager, 'votes.open', {
      voteId,
      scrutineerIds: [officials[0]],
      tellerIds: [officials[1]],
    }),
  );
  const token = await screenToken(emu, manager, voteId);
  for (const v of voters) expectOk(await emu.as(v.who, 'votes.checkIn', { voteId, token }));
  for (const v of voters) expectOk(await emu.as(v.who, 'votes.cast', { voteId, marks: v.marks }));
  const sheet = expectOk(await emu.as<ResolutionView>(manager, 'votes.close', { voteId }));
  return { voteId, sheet };
}

describe('推优 (B2–B5)', () => {
  let voteId: string;
  let c: Member[];

  beforeAll(async () => {
    const unit = await addUnit(emu, 'u_t_lb', 'league_branch', 'u_sport');
    const members = await addMembers(emu, unit, 10, 'L', 'league_member');
    c = await addMembers(emu, unit, 4, 'LC', 'activist');
    const all = [...members, ...c];
    // c1..c3: everyone for; c4: only 5 of 14 for (5·2 = 10 ≤ 14: fails).
    const ballots = all.map((v, i) => ({
      who: v.who,
      marks: [
        ...c.slice(0, 3).map((x) => ({ candidateId: x.id, choice: 'yes' })),
        { candidateId: c[3].id, choice: i < 5 ? 'yes' : 'no' },
      ],
    }));
    ({ voteId } = await runVote(
      OFFICER,
      {
        unitId: unit._id,
        kind: 'tuiyou',
        title: '2026年秋季推优（发展对象）',
        candidateIds: c.map((x) => x.id),
        tuiyouTarget: 'development_candidate',
      },
      ballots,
      [members[0].id, members[1].id],
    ));
  });

  const decide = (recommended: string[], declined: { candidateId: string; reason: string }[] = []) =>
    emu.as<DecisionView>(OFFICER, 'votes.recordDecision', {
      voteId,
      decidedOn: '2026-11-10',
      minutesRef: '团支委会〔2026〕5号',
      decision: { type: 'tuiyou', recommended, declined },
    });

  it('shows who passed the vote: yes above half of the 14 League members expected', async () => {
    const r = expectOk(await emu.as<ResolutionView>(OFFICER, 'votes.resolution', { voteId }));
    expect(r).toMatchObject({ expected: 14, present: 14, outcome: 'counted', decision: null });
    expect(r.lines.map((l) => l.outcome)).toEqual(['passed', 'passed', 'passed', 'failed']);
    expect(lineOf(r, c[3].id)).toMatchObject({ yes: 5, no: 9 });
  });

  it('refuses to recommend someone the vote did not pass: DECISION_NOT_PASSED', async () => {
    expect(errorCode(await decide([c[0].id, c[3].id], [{ candidateId: c[1].id, reason: '考察未完成' }]))).toBe(
      'DECISION_NOT_PASSED',
    );
  });

  it('refuses three of 14 members, over the 20% quota: QUOTA_EXCEEDED', async () => {
    const res = await decide([c[0].id, c[1].id, c[2].id]);
    expect(errorCode(res)).toBe('QUOTA_EXCEEDED');
    expect(res.ok ? '' : res.error.message).toBe('推荐人数不超过 2 名');
  });

  it('needs a decision on everyone who passed: DECISION_INCOMPLETE', async () => {
    expect(errorCode(await decide([c[0].id, c[1].id]))).toBe('DECISION_INCOMPLETE');
  });

  it('refuses a reason for declining that the content check finds risky, and records nothing', async () => {
    const db = emu.server.db;
    const [decisions, audit] = [await db.collection('vote_decisions').count(), await db.collection('audit').count()];
    const res = await decide([c[0].id, c[1].id], [{ candidateId: c[2].id, reason: '据反映参与赌博' }]);
    expect(errorCode(res)).toBe('CONTENT_REJECTED');
    expect(await db.collection('vote_decisions').count()).toBe(decisions);
    expect(await db.collection('audit').count()).toBe(audit);
  });

  it('records two recommended and one declined with a reason, apart from the count, once', async () => {
    const d = expectOk(
      await decide([c[0].id, c[1].id], [{ candidateId: c[2].id, reason: '考察期间表现需进一步观察' }]),
    );
    expect(d.recommended.map((x) => x.id)).toEqual([c[0].id, c[1].id]);
    expect(d.declined).toMatchObject([{ id: c[2].id, reason: '考察期间表现需进一步观察' }]);
    const r = expectOk(await emu.as<ResolutionView>(OFFICER, 'votes.resolution', { voteId }));
    expect(r.decision?.minutesRef).toBe('团支委会〔2026〕5号');
    expect(r.lines.map((l) => l.outcome)).toEqual(['passed', 'passed', 'passed', 'failed']); // the count is unchanged
    expect(errorCode(await decide([c[0].id], [{ candidateId: c[1].id, reason: '改变主意' }]))).toBe(
      'DECISION_ALREADY_RECORDED',
    );
  });

  it('builds the 公示 draft from the committee decision: the recommended, for 5 working days (B5)', async () => {
    const vote = (await emu.server.db.collection('votes').findOne({ _id: voteId })) as unknown as VoteDoc;
    const results = (await emu.server.db.collection('vote_results').findOne({ voteId })) as unknown as ResultsDoc;
    const decision = (await emu.server.db.collection('vote_decisions').findOne({ voteId })) as unknown as DecisionDoc;
    const draft = noticeDraftFromVote(vote, results, decision, '2026-11-11');
    expect(draft).toMatchObject({
      unitId: 'u_t_lb',
      kind: 'tuiyou',
      subjects: [{ personId: c[0].id }, { personId: c[1].id }],
      window: { start: '2026-11-11', length: 5, unit: 'workday' },
    });
    expect(draft.body).toContain('推荐为发展对象');
    expect(() => noticeDraftFromVote(vote, results, null, '2026-11-11')).toThrow();
  });

  it('turns the committee decision into a 公示 draft that notices.create accepts as it is', async () => {
    const draft = expectOk(await emu.as<Input<'notices.create'>>(OFFICER, 'votes.noticeDraft', { voteId }));
    expect(draft).toMatchObject({ kind: 'tuiyou', subjects: [{ personId: c[0].id }, { personId: c[1].id }] });
    const { noticeId } = expectOk(await emu.as<{ noticeId: string }>(OFFICER, 'notices.create', draft));
    const notice = expectOk(await emu.as<{ kind: string; state: string }>(OFFICER, 'notices.get', { noticeId }));
    expect(notice).toMatchObject({ kind: 'tuiyou', state: 'draft' });
    // A member of the branch cannot ask for the draft.
    expect(errorCode(await emu.as('sport_league1', 'votes.noticeDraft', { voteId }))).toBe('FORBIDDEN');
  });

  it('takes no written opinions on a 推优 (they count only on the formal party votes): WRITTEN_OPINION_NOT_ALLOWED', async () => {
    const { voteId: later } = expectOk(
      await emu.as<{ voteId: string }>(OFFICER, 'votes.create', {
        unitId: 'u_t_lb',
        kind: 'tuiyou',
        title: '下一次推优',
        scheduledStart: sh('2026-12-01 14:00'),
        candidateIds: [c[2].id],
        tuiyouTarget: 'development_candidate',
      }),
    );
    const marks = [{ candidateId: c[2].id, choice: 'yes' }];
    expect(errorCode(await emu.as('openid:o_L0001', 'votes.addWrittenOpinion', { voteId: later, marks }))).toBe(
      'WRITTEN_OPINION_NOT_ALLOWED',
    );
  });
});

describe('民主评议党员 (C1, C2)', () => {
  const formal = ['2022010101', '2022010102', '2022010103', '2022010104', '2022010105'].map((n) => `p_${n}`);
  const probationary = 'p_2023010101';
  let voteId: string;

  beforeAll(async () => {
    const raters = ['sport_pb_sec', 'sport_pb_cm', 'sport_full1', 'sport_prob1'];
    ({ voteId } = await runVote(
      'sport_pb_sec',
      { unitId: 'u_sport_pb', kind: 'party_evaluation', title: '2026年度民主评议党员' },
      raters.map((who, i) => ({
        who,
        marks: formal.map((id, k) => ({ candidateId: id, choice: k === 0 && i < 3 ? 'excellent' : 'qualified' })),
      })),
      [formal[1], formal[2]],
    ));
  });

  // The secretary is graded too: the college officer above the branch records the grades (nobody decides about themselves).
  const grade = (grades: { personId: string; grade: string }[], who = OFFICER) =>
    emu.as(who, 'votes.recordDecision', {
      voteId,
      decidedOn: '2026-11-10',
      minutesRef: '体院党支〔2026〕9号',
      decision: { type: 'grades', grades },
    });

  it('rates the five formal members, with the probationary members rating but not rated', async () => {
    const r = expectOk(await emu.call('sport_pb_sec', 'votes.resolution', { voteId }));
    // 应到 and 实到 count the formal members only; the probationary member rated without a vote (C2, 党章 第七条).
    expect(r).toMatchObject({ expected: 5, present: 3, ratersWithoutVote: 1, outcome: 'counted' });
    expect(r.lines.map((l) => l.candidateId)).toEqual(formal);
    // The grades form and the 优秀 limit of the five graded (at most 1/3, C2) come with the resolution.
    expect(r).toMatchObject({ ballotForm: 'grades', excellentLimit: 1 });
    expect(lineOf(r, formal[0]).grades).toEqual({ excellent: 3, qualified: 1, basically_qualified: 0, unqualified: 0 });
  });

  it('refuses the graded secretary recording the grades of an evaluation she is graded in: SELF_DECISION, nothing written', async () => {
    const before = await emu.server.db.collection('vote_decisions').count();
    const audit = await emu.server.db.collection('audit').count();
    const grades = formal.map((personId) => ({ personId, grade: 'qualified' }));
    expect(errorCode(await grade(grades, 'sport_pb_sec'))).toBe('SELF_DECISION');
    expect(await emu.server.db.collection('vote_decisions').count()).toBe(before);
    expect(await emu.server.db.collection('audit').count()).toBe(audit);
  });

  it('refuses two 优秀 among five formal members (at most 1/3): QUOTA_EXCEEDED', async () => {
    const grades = formal.map((personId, i) => ({ personId, grade: i < 2 ? 'excellent' : 'qualified' }));
    expect(errorCode(await grade(grades))).toBe('QUOTA_EXCEEDED');
  });

  it('refuses a grade for a probationary member: NOT_GRADED', async () => {
    const grades = [
      ...formal.map((personId) => ({ personId, grade: 'qualified' })),
      { personId: probationary, grade: 'qualified' },
    ];
    expect(errorCode(await grade(grades))).toBe('NOT_GRADED');
  });

  it('refuses grades that leave someone out: DECISION_INCOMPLETE', async () => {
    expect(errorCode(await grade(formal.slice(1).map((personId) => ({ personId, grade: 'qualified' }))))).toBe(
      'DECISION_INCOMPLETE',
    );
  });

  it('records one 优秀 and four 合格', async () => {
    const d = expectOk(
      await grade(formal.map((personId, i) => ({ personId, grade: i === 0 ? 'excellent' : 'qualified' }))),
    ) as DecisionView;
    expect(d.grades.map((g) => g.gradeLabel)).toEqual(['优秀', '合格', '合格', '合格', '合格']);
  });
});

describe('评优 (seats, a named ballot where the rules allow it)', () => {
  it('refuses more 赞成 than seats on one ballot (F2): TOO_MANY_MARKS, writing nothing', async () => {
    const [a, b] = ['p_2023010108', 'p_2023010109']; // 蒋文博, 沈可欣
    // C3: both were graded 优秀 in the class branch's 团员教育评议 this year.
    await seedGrades(emu, 'u_sport_lb1', 'league_evaluation', '2026-06-20', [
      { personId: a, grade: 'excellent' },
      { personId: b, grade: 'excellent' },
    ]);
    const { voteId } = expectOk(
      await emu.as<{ voteId: string }>('sport_lb_sec', 'votes.create', {
        unitId: 'u_sport_lb1',
        kind: 'honor',
        title: '优秀团员评选',
        scheduledStart: sh('2026-11-09 14:00'),
        candidateIds: [a, b],
        seats: 1,
        secret: false,
      }),
    );
    expectOk(
      await emu.as('sport_lb_sec', 'votes.open', {
        voteId,
        scrutineerIds: ['p_2023010105'],
        tellerIds: ['p_2023010107'],
      }),
    );
    const token = await screenToken(emu, 'sport_lb_sec', voteId);
    const voters = [
      'sport_pb_sec',
      'sport_pb_cm',
      'sport_prob1',
      'sport_prob2',
      'bball_pres',
      'sport_lb_sec',
      'bball_backbone',
    ];
    for (const who of voters) expectOk(await emu.as(who, 'votes.checkIn', { voteId, token }));
    const before = JSON.stringify(await stored(emu, voteId));
    const both = [
      { candidateId: a, choice: 'yes' },
      { candidateId: b, choice: 'yes' },
    ];
    expect(errorCode(await emu.as('sport_pb_sec', 'votes.cast', { voteId, marks: both }))).toBe('TOO_MANY_MARKS');
    expect(JSON.stringify(await stored(emu, voteId))).toBe(before);

    for (const who of voters)
      expectOk(await emu.as(who, 'votes.cast', { voteId, marks: [{ candidateId: a, choice: 'yes' }] }));
    // 记名投票: the ballot names its voter.
    const { ballots } = await stored(emu, voteId);
    expect(ballots.map((x) => x.voterId).filter(Boolean)).toHaveLength(7);
    const r = expectOk(await emu.as<ResolutionView>('sport_lb_sec', 'votes.close', { voteId }));
    // 12 League members at home in the class branch (one not yet bound to WeChat): 7 yes elect (7·2 > 12).
    expect(r).toMatchObject({ method: '记名投票', expected: 12, present: 7 });
    expect(r.election).toMatchObject({ seats: 1, elected: [a] });

    const vote = (await emu.server.db.collection('votes').findOne({ _id: voteId })) as unknown as VoteDoc;
    const results = (await emu.server.db.collection('vote_results').findOne({ voteId })) as unknown as ResultsDoc;
    expect(noticeDraftFromVote(vote, results, null, '2026-11-11')).toMatchObject({
      kind: 'honor',
      subjects: [{ personId: a, name: '蒋文博' }],
      window: { length: 3, unit: 'calendar_day' },
    });
  });
});
