import {
  acceptancePasses,
  ballotsExceedIssued,
  conversionPasses,
  electionCandidatePasses,
  electionQuorumHolds,
  enoughCandidates,
  fewestCandidates,
  leagueEvaluationQuorumHolds,
  marginAtLeast,
  overMarked,
  partyElectionCandidatePasses,
  probationDecisionPasses,
  quorumHolds,
  SIX_FIFTHS,
  tuiyouPasses,
  WHOLE,
} from '../../../server/domain/votes';

describe('quorum of a branch meeting (细则 第二十条: present must exceed half of 应到)', () => {
  it('holds with 6 present of 11 expected', () => expect(quorumHolds(6, 11)).toBe(true));
  it('fails with 5 present of 11 expected', () => expect(quorumHolds(5, 11)).toBe(false));
  it('fails with exactly half present: 5 of 10', () => expect(quorumHolds(5, 10)).toBe(false));
  it('holds with one more than half: 6 of 10', () => expect(quorumHolds(6, 10)).toBe(true));
  it('holds with 2 of 3 and fails with 1 of 3', () => {
    expect(quorumHolds(2, 3)).toBe(true);
    expect(quorumHolds(1, 3)).toBe(false);
  });
  it('takes a stricter school quorum of 2/3 (F5, local option)', () => {
    expect(quorumHolds(6, 9, { num: 2, den: 3 })).toBe(false);
    expect(quorumHolds(7, 9, { num: 2, den: 3 })).toBe(true);
  });
});

describe('acceptance majority (细则 第二十一条: yes must exceed half of 应到, never of 实到)', () => {
  it('fails acceptance with 5 yes of 11 expected even when only 6 are present', () => {
    expect(quorumHolds(6, 11)).toBe(true);
    expect(acceptancePasses(5, 11)).toBe(false);
  });
  it('passes acceptance with 6 yes of 11 expected', () => expect(acceptancePasses(6, 11)).toBe(true));
  it('fails acceptance with exactly half: 5 yes of 10 expected', () => expect(acceptancePasses(5, 10)).toBe(false));
  it('passes acceptance with 6 yes of 10 expected', () => expect(acceptancePasses(6, 10)).toBe(true));
  it('holds conversion to the same majority as acceptance (第三十三条)', () => {
    expect(conversionPasses(5, 10)).toBe(false);
    expect(conversionPasses(6, 10)).toBe(true);
  });
  it('holds extension and cancellation to the same majority (A20, lsnu 票决制)', () => {
    expect(probationDecisionPasses(4, 8)).toBe(false);
    expect(probationDecisionPasses(5, 8)).toBe(true);
  });
});

describe('推优 (B4: yes above half of the League members who should attend)', () => {
  it('sends a candidate on with 11 yes of 20 expected', () => expect(tuiyouPasses(11, 20)).toBe(true));
  it('stops a candidate with exactly 10 yes of 20 expected', () => expect(tuiyouPasses(10, 20)).toBe(false));
});

describe('团员教育评议 quorum (C4: more than 2/3 of those who should attend)', () => {
  it('fails with exactly 2/3: 6 of 9', () => expect(leagueEvaluationQuorumHolds(6, 9)).toBe(false));
  it('holds with 7 of 9', () => expect(leagueEvaluationQuorumHolds(7, 9)).toBe(true));
  it('holds with 7 of 10 (21 > 20)', () => expect(leagueEvaluationQuorumHolds(7, 10)).toBe(true));
  it('fails with 6 of 10 although 6 is more than half', () => {
    expect(quorumHolds(6, 10)).toBe(true);
    expect(leagueEvaluationQuorumHolds(6, 10)).toBe(false);
  });
  it('fails with 20 of 30 and holds with 21 of 30', () => {
    expect(leagueEvaluationQuorumHolds(20, 30)).toBe(false);
    expect(leagueEvaluationQuorumHolds(21, 30)).toBe(true);
  });
});

describe('elections (基层组织选举工作条例)', () => {
  it('needs more than 4/5 present: 8 of 10 is not enough, 9 of 10 is', () => {
    expect(electionQuorumHolds(8, 10)).toBe(false);
    expect(electionQuorumHolds(9, 10)).toBe(true);
  });
  it('elects a party branch candidate with yes above half of 实到, not of 应到', () => {
    // 9 present of 10 expected: 5 yes is above half of 9 but not of 10.
    expect(partyElectionCandidatePasses(5, 9)).toBe(true);
    expect(electionCandidatePasses(5, 10)).toBe(false);
  });
  it('does not elect with exactly half of 实到 (sz.gov.cn Q&A)', () =>
    expect(partyElectionCandidatePasses(5, 10)).toBe(false));
  it('treats a ballot with more 赞成 than seats as over-marked, and one with exactly the seats as fine', () => {
    expect(overMarked(4, 3)).toBe(true);
    expect(overMarked(3, 3)).toBe(false);
  });
});

describe('competitive elections (B7: candidates ≥ 1.2 × seats, rounded up)', () => {
  const b7 = { ratio: SIX_FIFTHS, strict: false };
  it('refuses 1 candidate for 1 seat and accepts 2', () => {
    expect(enoughCandidates(1, 1, b7)).toBe(false);
    expect(enoughCandidates(2, 1, b7)).toBe(true);
  });
  it('refuses 3 candidates for 3 seats and accepts 4 (3.6 rounds up to 4)', () => {
    expect(enoughCandidates(3, 3, b7)).toBe(false);
    expect(enoughCandidates(4, 3, b7)).toBe(true);
    expect(fewestCandidates(3, b7)).toBe(4);
  });
  it('accepts exactly 6 candidates for 5 seats and refuses 5', () => {
    expect(enoughCandidates(6, 5, b7)).toBe(true);
    expect(enoughCandidates(5, 5, b7)).toBe(false);
    expect(fewestCandidates(5, b7)).toBe(6);
  });
  it('with D5 (more candidates than seats) accepts 6 for 5 and refuses 5 for 5', () => {
    const d5 = { ratio: WHOLE, strict: true };
    expect(enoughCandidates(6, 5, d5)).toBe(true);
    expect(enoughCandidates(5, 5, d5)).toBe(false);
    expect(fewestCandidates(5, d5)).toBe(6);
  });
  it('ranks 1.2× as at least as demanding as "more than the seats", and not the reverse', () => {
    expect(marginAtLeast(b7, { ratio: WHOLE, strict: true })).toBe(true);
    expect(marginAtLeast({ ratio: WHOLE, strict: true }, b7)).toBe(false);
    expect(marginAtLeast(null, b7)).toBe(false);
    expect(marginAtLeast(b7, null)).toBe(true);
  });
});

describe('ballots returned against ballots issued (F2)', () => {
  it('is void when more ballots come back than were issued', () => expect(ballotsExceedIssued(7, 6)).toBe(true));
  it('is fine when as many come back as were issued', () => expect(ballotsExceedIssued(6, 6)).toBe(false));
  it('is fine when fewer come back', () => expect(ballotsExceedIssued(5, 6)).toBe(false));
});
