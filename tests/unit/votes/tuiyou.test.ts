import {
  ballotSpecFor,
  checkTuiyouDecision,
  freezeRoster,
  type Mark,
  ruleSetFor,
  tally,
  tuiyouWithinQuota,
} from '../../../server/domain/votes';
import { ballots, codeOf, leagueMembers, MEETING_START, member, noFor, yesFor } from './fixtures';

describe('推优 quota (B3: at most 20% of the branch’s League members)', () => {
  it('allows 4 of 20 (4·5 = 20 ≤ 20) and refuses 5 of 20', () => {
    expect(tuiyouWithinQuota(4, 20)).toBe(true);
    expect(tuiyouWithinQuota(5, 20)).toBe(false);
  });
  it('allows 2 of 10 and refuses 3 of 10', () => {
    expect(tuiyouWithinQuota(2, 10)).toBe(true);
    expect(tuiyouWithinQuota(3, 10)).toBe(false);
  });
  it('allows 1 of 9 and refuses 2 of 9', () => {
    expect(tuiyouWithinQuota(1, 9)).toBe(true);
    expect(tuiyouWithinQuota(2, 9)).toBe(false);
  });
  it('allows 1 of 8 at a 13% school and refuses 2 of 8', () => {
    const q = { num: 13, den: 100 };
    expect(tuiyouWithinQuota(1, 8, q)).toBe(true);
    expect(tuiyouWithinQuota(2, 8, q)).toBe(false);
  });
});

describe('the committee decides after the vote (考察不唯票)', () => {
  const ruleSet = ruleSetFor('tuiyou');
  // 12 League members: 10 plain members and applicants a1–a2; a1 passes, a2 does not.
  const members = [
    ...leagueMembers(10),
    member('a1', 'party_applicant', { leagueMember: true }),
    member('a2', 'party_applicant', { leagueMember: true }),
  ];
  const roster = freezeRoster(ruleSet, 'league_branch', members);
  const count = (box: Mark[][], present = roster.voters.length) =>
    tally({
      ruleSet,
      roster,
      spec: ballotSpecFor(ruleSet, ['a1', 'a2'], null),
      checkedIn: roster.voters.slice(0, present),
      ballots: box,
      writtenOpinions: [],
      cutoff: MEETING_START,
    });
  const result = count([...ballots(7, [...yesFor('a1'), ...noFor('a2')]), ...ballots(5, [])]);

  it('records the recommendation of a candidate who passed', () => {
    expect(() => checkTuiyouDecision(ruleSet, roster, result, { recommended: ['a1'], declined: [] })).not.toThrow();
  });

  it('lets the committee decline a candidate who passed, with a reason', () => {
    expect(() =>
      checkTuiyouDecision(ruleSet, roster, result, {
        recommended: [],
        declined: [{ candidateId: 'a1', reason: '考察期间旷课多次' }],
      }),
    ).not.toThrow();
  });

  it('refuses declining a passed candidate without a reason', () => {
    expect(
      codeOf(() =>
        checkTuiyouDecision(ruleSet, roster, result, {
          recommended: [],
          declined: [{ candidateId: 'a1', reason: ' ' }],
        }),
      ),
    ).toBe('DECISION_REASON_REQUIRED');
  });

  it('refuses recommending a candidate who did not pass the vote', () => {
    expect(
      codeOf(() => checkTuiyouDecision(ruleSet, roster, result, { recommended: ['a1', 'a2'], declined: [] })),
    ).toBe('DECISION_NOT_PASSED');
  });

  it('refuses a decision that leaves a passed candidate out', () => {
    expect(codeOf(() => checkTuiyouDecision(ruleSet, roster, result, { recommended: [], declined: [] }))).toBe(
      'DECISION_INCOMPLETE',
    );
  });

  it('refuses recommending 2 of 12 at a 13% school although 20% allows it', () => {
    // Both pass. 20%: 5·2 = 10 ≤ 12. 13%: 100·2 = 200 > 13·12 = 156.
    const both = count(ballots(12, yesFor('a1', 'a2')));
    expect(() => checkTuiyouDecision(ruleSet, roster, both, { recommended: ['a1', 'a2'], declined: [] })).not.toThrow();
    const strict = ruleSetFor('tuiyou', '2014', { recommendQuota: { num: 13, den: 100 } });
    expect(codeOf(() => checkTuiyouDecision(strict, roster, both, { recommended: ['a1', 'a2'], declined: [] }))).toBe(
      'QUOTA_EXCEEDED',
    );
  });

  it('refuses any decision on a vote without a quorum', () => {
    const inquorate = count(ballots(6, yesFor('a1')), 6);
    expect(inquorate.outcome).toBe('inquorate');
    expect(codeOf(() => checkTuiyouDecision(ruleSet, roster, inquorate, { recommended: ['a1'], declined: [] }))).toBe(
      'VOTE_NOT_VALID',
    );
  });

  it('refuses a decision on someone who was not a candidate', () => {
    expect(
      codeOf(() => checkTuiyouDecision(ruleSet, roster, result, { recommended: ['a1', 'l01'], declined: [] })),
    ).toBe('BAD_INPUT');
  });
});
