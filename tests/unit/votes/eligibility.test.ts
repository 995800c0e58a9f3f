/**
 * Rules that reach beyond one vote, at their boundaries: a 推优 recommendation is valid two years (B3), the 推优
 * quota holds per semester (B3), probation ends a year after acceptance and is extended once (A19, A20), a
 * 发展对象 has been an activist a year (A7), an honor goes to someone graded 优秀 (C3), one evaluation a year (C1),
 * the officials of a meeting are its voters and not its candidates (F3), and nobody decides about themselves.
 */
import {
  activistOneYear,
  addMonthsClamped,
  assertNotOwnDecision,
  ballotSpecFor,
  type CandidateHistory,
  checkCandidateHistory,
  checkCandidates,
  checkOfficials,
  checkTuiyouPeriodQuota,
  countsTowardQuorum,
  evaluationHeldInYear,
  extensionAllowed,
  extensionMonthsValid,
  freezeRoster,
  gradedExcellentForHonor,
  probationEnd,
  probationEnded,
  recommendationValid,
  ruleSetFor,
  TWENTY_PERCENT,
  tally,
  tuiyouPeriodOf,
} from '../../../server/domain/votes';
import type { VoteKind } from '../../../typings/actions/votes';
import { ballots, codeOf, formalMembers, ids, MEETING_START, member, yesFor } from './fixtures';

const history = (h: Partial<CandidateHistory> = {}): CandidateHistory => ({
  probationSince: null,
  activistSince: null,
  extensions: [],
  recommendations: [],
  grades: [],
  leagueMember: false,
  ...h,
});
const check = (
  kind: VoteKind,
  h: CandidateHistory,
  on: string,
  unit: 'party_branch' | 'league_branch' = 'party_branch',
) => codeOf(() => checkCandidateHistory(ruleSetFor(kind), unit, 'c1', h, on));

describe('calendar months (民法典 第二百零二条)', () => {
  it('ends on the matching date, or the last day of a shorter month', () => {
    expect(addMonthsClamped('2025-11-10', 12)).toBe('2026-11-10');
    expect(addMonthsClamped('2025-08-31', 6)).toBe('2026-02-28');
    expect(addMonthsClamped('2024-02-29', 24)).toBe('2026-02-28');
    expect(addMonthsClamped('2023-12-15', 2)).toBe('2024-02-15');
  });
});

describe('a 推优 recommendation is valid for two years (B3)', () => {
  it('is usable two years minus a day after the decision', () => {
    expect(recommendationValid('2024-11-10', '2026-11-09')).toBe(true);
  });
  it('has expired on the second anniversary and two years plus a day after', () => {
    expect(recommendationValid('2024-11-10', '2026-11-10')).toBe(false);
    expect(recommendationValid('2024-11-10', '2026-11-11')).toBe(false);
  });
  it('is not usable before the decision was taken', () => {
    expect(recommendationValid('2026-11-10', '2026-11-09')).toBe(false);
  });
  it('makes a League member without a valid one ineligible to be determined an activist: TUIYOU_REQUIRED', () => {
    const rec = { target: 'activist' as const, decidedOn: '2024-11-10' };
    const h = history({ leagueMember: true, recommendations: [rec] });
    expect(check('activist_determination', h, '2026-11-09')).toBeUndefined();
    expect(check('activist_determination', h, '2026-11-11')).toBe('TUIYOU_REQUIRED');
  });
  it('counts only a recommendation of the matching target (B2)', () => {
    const rec = { target: 'activist' as const, decidedOn: '2026-03-01' };
    const h = history({ leagueMember: true, recommendations: [rec], activistSince: '2025-01-01' });
    expect(check('development_candidate_determination', h, '2026-11-09')).toBe('TUIYOU_REQUIRED');
  });
  it('asks no 推优 of an applicant who is not a League member', () => {
    expect(check('activist_determination', history({ leagueMember: false }), '2026-11-09')).toBeUndefined();
  });
});

describe('the 推优 quota holds across the semester (B3)', () => {
  it('splits the year into a spring semester (Feb–Jul) and an autumn semester (Aug–Jan)', () => {
    expect(tuiyouPeriodOf('2026-01-31')).toBe('2025-autumn');
    expect(tuiyouPeriodOf('2026-02-01')).toBe('2026-spring');
    expect(tuiyouPeriodOf('2026-07-31')).toBe('2026-spring');
    expect(tuiyouPeriodOf('2026-08-01')).toBe('2026-autumn');
  });
  it('allows 2 of 10 League members over two votes and refuses a third: QUOTA_EXCEEDED', () => {
    const base = { leagueMembers: 10, quota: TWENTY_PERCENT, period: '2026-autumn' };
    expect(codeOf(() => checkTuiyouPeriodQuota({ ...base, earlierInPeriod: 1, now: 1 }))).toBeUndefined();
    expect(codeOf(() => checkTuiyouPeriodQuota({ ...base, earlierInPeriod: 2, now: 1 }))).toBe('QUOTA_EXCEEDED');
    expect(codeOf(() => checkTuiyouPeriodQuota({ ...base, earlierInPeriod: 0, now: 3 }))).toBe('QUOTA_EXCEEDED');
  });
});

describe('probation (A19, A20)', () => {
  it('ends one year after the acceptance meeting, plus any extension', () => {
    expect(probationEnd('2025-11-10', null)).toBe('2026-11-10');
    expect(probationEnd('2025-11-10', 6)).toBe('2027-05-10');
  });
  it('allows conversion on the day probation ends, not the day before: PROBATION_NOT_ENDED', () => {
    const h = history({ probationSince: '2025-11-10' });
    expect(check('conversion', h, '2026-11-09')).toBe('PROBATION_NOT_ENDED');
    expect(check('conversion', h, '2026-11-10')).toBeUndefined();
    expect(probationEnded('2025-11-10', null, '2026-11-10')).toBe(true);
  });
  it('after an extension of 6 months, allows conversion only when the extension ends', () => {
    const h = history({ probationSince: '2025-11-10', extensions: [{ months: 6 }] });
    expect(check('conversion', h, '2027-05-09')).toBe('PROBATION_NOT_ENDED');
    expect(check('conversion', h, '2027-05-10')).toBeUndefined();
  });
  it('extends once only: EXTENSION_ALREADY_USED', () => {
    expect(extensionAllowed(0)).toBe(true);
    expect(extensionAllowed(1)).toBe(false);
    const h = history({ probationSince: '2025-11-10', extensions: [{ months: 6 }] });
    expect(check('extension', h, '2027-05-10')).toBe('EXTENSION_ALREADY_USED');
  });
  it('decides an extension only once probation has ended', () => {
    const h = history({ probationSince: '2025-11-10' });
    expect(check('extension', h, '2026-11-09')).toBe('PROBATION_NOT_ENDED');
    expect(check('extension', h, '2026-11-10')).toBeUndefined();
  });
  it('extends by at least 6 months and at most a year', () => {
    expect([5, 6, 12, 13].map(extensionMonthsValid)).toEqual([false, true, true, false]);
  });
  it('does not hold an unrecorded acceptance day against the member', () => {
    expect(check('conversion', history(), '2026-01-01')).toBeUndefined();
  });
});

describe('a 发展对象 has been an activist for a year (A7)', () => {
  it('refuses a year minus a day and allows the anniversary: ACTIVIST_TOO_RECENT', () => {
    expect(activistOneYear('2025-11-10', '2026-11-09')).toBe(false);
    expect(activistOneYear('2025-11-10', '2026-11-10')).toBe(true);
    expect(check('development_candidate_determination', history({ activistSince: '2025-11-10' }), '2026-11-09')).toBe(
      'ACTIVIST_TOO_RECENT',
    );
  });
});

describe('an honor only for those graded 优秀 (C3, C5)', () => {
  const g = (decidedOn: string, grade: 'excellent' | 'qualified', kind = 'league_evaluation' as const) => ({
    kind,
    decidedOn,
    grade,
  });
  it('takes the grade of the honor year, or the previous year while this year has none', () => {
    expect(gradedExcellentForHonor([g('2025-12-20', 'excellent')], 'league_branch', '2026-05-01')).toBe(true);
    expect(gradedExcellentForHonor([g('2024-12-20', 'excellent')], 'league_branch', '2026-05-01')).toBe(false);
    expect(
      gradedExcellentForHonor(
        [g('2025-12-20', 'excellent'), g('2026-06-01', 'qualified')],
        'league_branch',
        '2026-11-01',
      ),
    ).toBe(false);
  });
  it('reads the party evaluation for a party branch honor and the League one for a League branch', () => {
    const league = [g('2026-06-01', 'excellent')];
    expect(gradedExcellentForHonor(league, 'league_branch', '2026-11-01')).toBe(true);
    expect(gradedExcellentForHonor(league, 'party_branch', '2026-11-01')).toBe(false);
    expect(gradedExcellentForHonor(league, 'association', '2026-11-01')).toBe(true);
  });
  it('refuses a candidate graded 合格 or not graded: NOT_GRADED_EXCELLENT', () => {
    expect(check('honor', history(), '2026-11-01', 'league_branch')).toBe('NOT_GRADED_EXCELLENT');
    expect(check('honor', history({ grades: [g('2026-06-01', 'qualified')] }), '2026-11-01', 'league_branch')).toBe(
      'NOT_GRADED_EXCELLENT',
    );
    expect(
      check('honor', history({ grades: [g('2026-06-01', 'excellent')] }), '2026-11-01', 'league_branch'),
    ).toBeUndefined();
  });
});

describe('one evaluation per branch per year (C1)', () => {
  const v = (
    state: 'draft' | 'open' | 'closed' | 'cancelled',
    outcome: 'counted' | 'inquorate' | null,
    at: string,
  ) => ({
    kind: 'party_evaluation' as const,
    state,
    outcome,
    scheduledStart: `${at}T14:00:00+08:00`,
  });
  it('counts a planned, running or counted evaluation of the same year', () => {
    expect(evaluationHeldInYear('party_evaluation', [v('closed', 'counted', '2026-01-05')], '2026')).toBe(true);
    expect(evaluationHeldInYear('party_evaluation', [v('draft', null, '2026-12-31')], '2026')).toBe(true);
    expect(evaluationHeldInYear('party_evaluation', [v('closed', 'counted', '2025-12-31')], '2026')).toBe(false);
  });
  it('lets a branch hold it again after a cancelled draft or an inquorate meeting', () => {
    expect(evaluationHeldInYear('party_evaluation', [v('cancelled', null, '2026-03-01')], '2026')).toBe(false);
    expect(evaluationHeldInYear('party_evaluation', [v('closed', 'inquorate', '2026-03-01')], '2026')).toBe(false);
  });
});

describe('民主评议党员: probationary members rate but are not in the quorum (C2, 党章 第七条)', () => {
  const members = [...formalMembers(4), member('p1', 'probationary_member'), member('p2', 'probationary_member')];
  const rs = ruleSetFor('party_evaluation');
  const roster = freezeRoster(rs, 'party_branch', members);

  it('gives them a ballot but leaves them out of 应到', () => {
    expect(roster.voters).toEqual(expect.arrayContaining(['p1', 'p2']));
    expect(roster.ratesOnly).toEqual(['p1', 'p2']);
    expect(roster.expected).toBe(4);
    expect(countsTowardQuorum(roster, 'p1')).toBe(false);
    expect(countsTowardQuorum(roster, 'f01')).toBe(true);
  });

  it('is inquorate with 2 of 4 formal members and both probationary members present', () => {
    const spec = ballotSpecFor(rs, roster.subjects, null);
    const marks = roster.subjects.map((candidateId) => ({ candidateId, choice: 'qualified' as const }));
    const r = tally({
      ruleSet: rs,
      roster,
      spec,
      checkedIn: ['f01', 'f02', 'p1', 'p2'],
      ballots: ballots(4, marks),
      writtenOpinions: [],
      cutoff: MEETING_START,
    });
    expect(r).toMatchObject({ outcome: 'inquorate', present: 2, ratersWithoutVote: 2, ballotsIssued: 4 });
  });

  it('is quorate with 3 of 4 formal members, whatever the probationary members do', () => {
    const spec = ballotSpecFor(rs, roster.subjects, null);
    const r = tally({
      ruleSet: rs,
      roster,
      spec,
      checkedIn: ['f01', 'f02', 'f03'],
      ballots: ballots(3, []),
      writtenOpinions: [],
      cutoff: MEETING_START,
    });
    expect(r).toMatchObject({ outcome: 'counted', present: 3, ratersWithoutVote: 0 });
  });

  it('needs three formal members however many probationary members rate: TOO_FEW_VOTERS', () => {
    const few = [...formalMembers(2), member('p1', 'probationary_member'), member('p2', 'probationary_member')];
    expect(codeOf(() => freezeRoster(rs, 'party_branch', few))).toBe('TOO_FEW_VOTERS');
  });
});

describe('监票人 and 计票人 (F3)', () => {
  const rs = ruleSetFor('acceptance');
  const members = [...formalMembers(5), member('c1', 'development_candidate'), member('p1', 'probationary_member')];
  const roster = freezeRoster(rs, 'party_branch', members);
  const officials = (s: string, t: string) => ({ scrutineerIds: [s], tellerIds: [t] });

  it('are voters of the meeting', () => {
    expect(codeOf(() => checkOfficials(roster, ['c1'], officials('f01', 'f02')))).toBeUndefined();
    expect(codeOf(() => checkOfficials(roster, ['c1'], officials('p1', 'f02')))).toBe('OFFICIAL_NOT_VOTER');
    expect(codeOf(() => checkOfficials(roster, ['c1'], officials('f01', 'stranger')))).toBe('OFFICIAL_NOT_VOTER');
  });
  it('are not candidates in it', () => {
    const election = freezeRoster(ruleSetFor('party_branch_election'), 'party_branch', formalMembers(6));
    expect(codeOf(() => checkOfficials(election, ids(formalMembers(2)), officials('f01', 'f05')))).toBe(
      'OFFICIAL_IS_CANDIDATE',
    );
    expect(codeOf(() => checkOfficials(election, ids(formalMembers(2)), officials('f05', 'f01')))).toBe(
      'OFFICIAL_IS_CANDIDATE',
    );
  });
  it('are not a probationary rater of an evaluation, who holds no vote', () => {
    const ev = freezeRoster(ruleSetFor('party_evaluation'), 'party_branch', members);
    expect(codeOf(() => checkOfficials(ev, [], officials('p1', 'f01')))).toBe('OFFICIAL_NOT_VOTER');
    expect(codeOf(() => checkOfficials(ev, [], officials('f01', 'f02')))).toBeUndefined();
  });
});

describe('nobody records a decision about themselves', () => {
  it('refuses a recorder among the subjects: SELF_DECISION', () => {
    expect(codeOf(() => assertNotOwnDecision(['c1', 'c2'], 'c2'))).toBe('SELF_DECISION');
    expect(codeOf(() => assertNotOwnDecision(['c1', 'c2'], 'sec'))).toBeUndefined();
  });
});

describe('确定入党积极分子 and 确定发展对象 as branch votes (A4, A7)', () => {
  it('pass with yes above half of 应到, like the branch meeting', () => {
    const rs = ruleSetFor('activist_determination');
    const members = [...formalMembers(5), member('a1', 'party_applicant')];
    const roster = freezeRoster(rs, 'party_branch', members);
    expect(roster.voters).not.toContain('a1');
    const spec = ballotSpecFor(rs, ['a1'], null);
    const run = (yes: number) =>
      tally({
        ruleSet: rs,
        roster,
        spec,
        checkedIn: ids(formalMembers(5)),
        ballots: [...ballots(yes, yesFor('a1')), ...ballots(5 - yes, [])],
        writtenOpinions: [],
        cutoff: MEETING_START,
      }).candidates[0].outcome;
    expect(run(3)).toBe('passed');
    expect(run(2)).toBe('failed');
  });
  it('are held only by a party branch, not a temporary one (D6)', () => {
    const rs = ruleSetFor('development_candidate_determination');
    expect(codeOf(() => freezeRoster(rs, 'temp_party_branch', formalMembers(5)))).toBe('TEMP_BRANCH_CANNOT_HOLD');
    expect(codeOf(() => freezeRoster(rs, 'league_branch', formalMembers(5)))).toBe('UNIT_KIND_INVALID');
  });
});

describe('who stands in the determination votes (A4, A7)', () => {
  const members = [
    ...formalMembers(5),
    member('ap', 'party_applicant'),
    member('ac', 'activist'),
    member('away', 'party_applicant', { home: false }),
  ];
  const setup = (candidateIds: string[]) => ({ candidateIds, seats: null, tuiyouTarget: null, on: '2026-11-09' });
  it('takes applicants of the home branch as activists, and activists as 发展对象', () => {
    const activist = ruleSetFor('activist_determination');
    const dev = ruleSetFor('development_candidate_determination');
    expect(codeOf(() => checkCandidates(activist, 'party_branch', members, setup(['ap'])))).toBeUndefined();
    expect(codeOf(() => checkCandidates(activist, 'party_branch', members, setup(['ac'])))).toBe(
      'CANDIDATE_NOT_ELIGIBLE',
    );
    expect(codeOf(() => checkCandidates(activist, 'party_branch', members, setup(['away'])))).toBe(
      'CANDIDATE_NOT_ELIGIBLE',
    );
    expect(codeOf(() => checkCandidates(dev, 'party_branch', members, setup(['ac'])))).toBeUndefined();
    expect(codeOf(() => checkCandidates(dev, 'party_branch', members, setup(['ap'])))).toBe('CANDIDATE_NOT_ELIGIBLE');
  });
});
