import {
  ballotSpecFor,
  type ExpectedExclusion,
  freezeRoster,
  type Mark,
  ruleSetFor,
  tally,
  type WrittenOpinion,
} from '../../../server/domain/votes';
import type { VoteKind } from '../../../typings/actions/votes';
import {
  AFTER_START,
  AT_START,
  ballots,
  formalMembers,
  ids,
  leagueMembers,
  MEETING_START,
  member,
  noFor,
  opinion,
  yesFor,
} from './fixtures';

/** A branch of `formal` formal members and one development candidate c1; the first `present` check in. */
function acceptanceCount(args: {
  formal: number;
  present: number;
  ballots: Mark[][];
  opinions?: WrittenOpinion[];
  exclusions?: ExpectedExclusion[];
  kind?: VoteKind;
  candidates?: string[];
}) {
  const ruleSet = ruleSetFor(args.kind ?? 'acceptance');
  const members = [...formalMembers(args.formal), member('p1', 'probationary_member')];
  const roster = freezeRoster(ruleSet, 'party_branch', members, args.exclusions ?? []);
  const spec = ballotSpecFor(ruleSet, args.candidates ?? ['c1'], null);
  return tally({
    ruleSet,
    roster,
    spec,
    checkedIn: ids(formalMembers(args.present)),
    ballots: args.ballots,
    writtenOpinions: args.opinions ?? [],
    cutoff: MEETING_START,
  });
}

const outcomeOf = (r: ReturnType<typeof tally>, id = 'c1') => r.candidates.find((c) => c.candidateId === id)?.outcome;

describe('acceptance: 11 expected, 6 present', () => {
  it('fails acceptance with 5 yes of 11 expected even when only 6 are present', () => {
    const r = acceptanceCount({ formal: 11, present: 6, ballots: [...ballots(5, yesFor('c1')), noFor('c1')] });
    expect(r.quorumHolds).toBe(true);
    expect(r.outcome).toBe('counted');
    expect(r.expected).toBe(11);
    expect(r.present).toBe(6);
    expect(outcomeOf(r)).toBe('failed');
  });

  it('passes acceptance with 6 yes of 11 expected', () => {
    const r = acceptanceCount({ formal: 11, present: 6, ballots: ballots(6, yesFor('c1')) });
    expect(outcomeOf(r)).toBe('passed');
    expect(r.candidates[0].room).toEqual({ yes: 6, no: 0, abstain: 0, invalid: 0 });
  });

  it('passes with 5 yes in the room and 1 written yes given before the meeting', () => {
    const r = acceptanceCount({
      formal: 11,
      present: 6,
      ballots: [...ballots(5, yesFor('c1')), noFor('c1')],
      opinions: [opinion('f11', yesFor('c1'))],
    });
    expect(r.writtenOpinions).toBe(1);
    expect(r.candidates[0].written).toEqual({ yes: 1, no: 0, abstain: 0 });
    expect(r.candidates[0].totalYes).toBe(6);
    expect(outcomeOf(r)).toBe('passed');
  });

  it('fails with 5 yes in the room when the written yes came at the meeting start', () => {
    const r = acceptanceCount({
      formal: 11,
      present: 6,
      ballots: ballots(5, yesFor('c1')),
      opinions: [opinion('f11', yesFor('c1'), AT_START)],
    });
    expect(r.writtenOpinions).toBe(0);
    expect(r.setAside.late).toBe(1);
    expect(outcomeOf(r)).toBe('failed');
  });

  it('fails with 5 yes in the room when the written yes came after the start', () => {
    const r = acceptanceCount({
      formal: 11,
      present: 6,
      ballots: ballots(5, yesFor('c1')),
      opinions: [opinion('f11', yesFor('c1'), AFTER_START)],
    });
    expect(outcomeOf(r)).toBe('failed');
  });

  it('does not let written opinions make anyone present: 5 present plus 2 written is still no quorum', () => {
    const r = acceptanceCount({
      formal: 11,
      present: 5,
      ballots: ballots(5, yesFor('c1')),
      opinions: [opinion('f10', yesFor('c1')), opinion('f11', yesFor('c1'))],
    });
    expect(r.quorumHolds).toBe(false);
    expect(r.outcome).toBe('inquorate');
    expect(outcomeOf(r)).toBeNull();
  });

  it('drops the written opinion of a member who came after all and voted in the room', () => {
    const r = acceptanceCount({
      formal: 11,
      present: 6,
      ballots: ballots(5, yesFor('c1')),
      opinions: [opinion('f06', yesFor('c1'))],
    });
    expect(r.setAside.superseded).toBe(1);
    expect(r.candidates[0].totalYes).toBe(5);
  });

  it('counts one written opinion per member', () => {
    const r = acceptanceCount({
      formal: 11,
      present: 6,
      ballots: ballots(5, yesFor('c1')),
      opinions: [opinion('f11', yesFor('c1')), opinion('f11', yesFor('c1'))],
    });
    expect(r.writtenOpinions).toBe(1);
    expect(r.setAside.duplicate).toBe(1);
  });

  it('ignores a written opinion from a probationary member', () => {
    const r = acceptanceCount({ formal: 11, present: 6, ballots: [], opinions: [opinion('p1', yesFor('c1'))] });
    expect(r.setAside.notExpected).toBe(1);
  });

  it('keeps written 反对 and 弃权 on their own line', () => {
    const r = acceptanceCount({
      formal: 11,
      present: 6,
      ballots: ballots(6, yesFor('c1')),
      opinions: [opinion('f10', noFor('c1')), opinion('f11', [{ candidateId: 'c1', choice: 'abstain' }])],
    });
    expect(r.candidates[0].written).toEqual({ yes: 0, no: 1, abstain: 1 });
  });
});

describe('exactly half', () => {
  it('fails acceptance with 5 yes of 10 expected, all present', () => {
    const r = acceptanceCount({
      formal: 10,
      present: 10,
      ballots: [...ballots(5, yesFor('c1')), ...ballots(5, noFor('c1'))],
    });
    expect(outcomeOf(r)).toBe('failed');
  });

  it('has no quorum with 5 present of 10', () => {
    expect(acceptanceCount({ formal: 10, present: 5, ballots: ballots(5, yesFor('c1')) }).outcome).toBe('inquorate');
  });

  it('passes with 6 yes of 10 expected', () => {
    expect(outcomeOf(acceptanceCount({ formal: 10, present: 6, ballots: ballots(6, yesFor('c1')) }))).toBe('passed');
  });
});

describe('应到 with approved exclusions (A15)', () => {
  const abroad: ExpectedExclusion = {
    personId: 'f11',
    reason: 'abroad_private',
    higherApproval: '院党委批复 2026-05',
    meetingAgreed: true,
  };

  it('passes 6 yes of 10 expected once one of 11 is approved out', () => {
    const r = acceptanceCount({ formal: 11, present: 7, ballots: ballots(6, yesFor('c1')), exclusions: [abroad] });
    expect(r.expected).toBe(10);
    expect(outcomeOf(r)).toBe('passed');
  });

  it('does not count an excluded member who checks in anyway', () => {
    const ruleSet = ruleSetFor('acceptance');
    const roster = freezeRoster(ruleSet, 'party_branch', formalMembers(11), [abroad]);
    const r = tally({
      ruleSet,
      roster,
      spec: ballotSpecFor(ruleSet, ['c1'], null),
      checkedIn: ['f11', 'f01', 'f02', 'f03', 'f04', 'f05'],
      ballots: [],
      writtenOpinions: [],
      cutoff: MEETING_START,
    });
    expect(r.present).toBe(5);
    expect(r.quorumHolds).toBe(false);
  });
});

describe('conversion, extension and cancellation use the acceptance rules', () => {
  it.each(['conversion', 'extension', 'cancellation'] as const)(
    'fails %s with 5 yes of 11 and passes with 6',
    (kind) => {
      expect(outcomeOf(acceptanceCount({ kind, formal: 11, present: 6, ballots: ballots(5, yesFor('c1')) }))).toBe(
        'failed',
      );
      expect(outcomeOf(acceptanceCount({ kind, formal: 11, present: 6, ballots: ballots(6, yesFor('c1')) }))).toBe(
        'passed',
      );
    },
  );
});

describe('two candidates are counted separately (A14)', () => {
  it('passes one and fails the other on the same ballots', () => {
    const r = acceptanceCount({
      formal: 9,
      present: 9,
      candidates: ['c1', 'c2'],
      ballots: [...ballots(4, yesFor('c1', 'c2')), ...ballots(5, [...yesFor('c1'), ...noFor('c2')])],
    });
    expect(outcomeOf(r, 'c1')).toBe('passed');
    expect(outcomeOf(r, 'c2')).toBe('failed');
  });
});

describe('void rounds (F2: more ballots returned than issued)', () => {
  it('voids the vote when 7 ballots come back from 6 voters checked in', () => {
    const r = acceptanceCount({ formal: 11, present: 6, ballots: ballots(7, yesFor('c1')) });
    expect(r.outcome).toBe('void');
    expect(r.ballotsIssued).toBe(6);
    expect(r.ballotsReturned).toBe(7);
    expect(outcomeOf(r)).toBeNull();
  });

  it('keeps the vote when fewer ballots come back than were issued', () => {
    const r = acceptanceCount({ formal: 11, present: 7, ballots: ballots(6, yesFor('c1')) });
    expect(r.outcome).toBe('counted');
    expect(outcomeOf(r)).toBe('passed');
  });

  it('counts spoilt sections as 无效 without voiding the round', () => {
    const spoilt: Mark[] = [
      { candidateId: 'c1', choice: 'yes' },
      { candidateId: 'c1', choice: 'no' },
    ];
    const r = acceptanceCount({ formal: 11, present: 7, ballots: [...ballots(6, yesFor('c1')), spoilt] });
    expect(r.candidates[0].room).toEqual({ yes: 6, no: 0, abstain: 0, invalid: 1 });
    expect(r.ballotsInvalid).toBe(0);
  });

  it('counts an empty ballot as 弃权', () => {
    const r = acceptanceCount({ formal: 11, present: 7, ballots: [...ballots(6, yesFor('c1')), []] });
    expect(r.candidates[0].room.abstain).toBe(1);
  });
});

describe('推优', () => {
  it('sends on candidates above half of the League members expected, and stops one at exactly half', () => {
    const ruleSet = ruleSetFor('tuiyou');
    const members = [
      ...leagueMembers(10),
      member('a1', 'party_applicant', { leagueMember: true }),
      member('a2', 'party_applicant', { leagueMember: true }),
    ];
    const roster = freezeRoster(ruleSet, 'league_branch', members);
    expect(roster.expected).toBe(12);
    const r = tally({
      ruleSet,
      roster,
      spec: ballotSpecFor(ruleSet, ['a1', 'a2'], null),
      checkedIn: roster.voters,
      ballots: [...ballots(6, yesFor('a1', 'a2')), ...ballots(1, [...yesFor('a1'), ...noFor('a2')]), ...ballots(5, [])],
      writtenOpinions: [],
      cutoff: MEETING_START,
    });
    expect(outcomeOf(r, 'a1')).toBe('passed');
    expect(outcomeOf(r, 'a2')).toBe('failed');
  });
});

describe('elections', () => {
  function leagueElection(args: {
    members: number;
    present: number;
    seats: number;
    candidates: string[];
    ballots: Mark[][];
  }) {
    const ruleSet = ruleSetFor('league_branch_election');
    const roster = freezeRoster(ruleSet, 'league_branch', leagueMembers(args.members));
    return tally({
      ruleSet,
      roster,
      spec: ballotSpecFor(ruleSet, args.candidates, args.seats),
      checkedIn: roster.voters.slice(0, args.present),
      ballots: args.ballots,
      writtenOpinions: [],
      cutoff: MEETING_START,
    });
  }

  it('elects the most-voted candidates above half of 实到, up to the seats', () => {
    const r = leagueElection({
      members: 10,
      present: 10,
      seats: 2,
      candidates: ['l01', 'l02', 'l03'],
      ballots: [...ballots(6, yesFor('l01', 'l02')), ...ballots(3, yesFor('l01', 'l03')), ...ballots(1, yesFor('l03'))],
    });
    expect(r.election?.elected).toEqual(['l01', 'l02']);
    expect(r.election?.ranking).toEqual(['l01', 'l02']);
    expect(outcomeOf(r, 'l03')).toBe('not_elected');
  });

  it('does not elect a candidate with exactly half of 实到', () => {
    const r = leagueElection({
      members: 10,
      present: 10,
      seats: 2,
      candidates: ['l01', 'l02', 'l03'],
      ballots: [...ballots(5, yesFor('l01', 'l02')), ...ballots(5, yesFor('l01', 'l03'))],
    });
    expect(r.election?.elected).toEqual(['l01']);
    expect(r.election?.unfilledSeats).toBe(1);
  });

  it('elects two candidates tied on votes when both fit in the seats', () => {
    const r = leagueElection({
      members: 10,
      present: 10,
      seats: 2,
      candidates: ['l01', 'l02', 'l03', 'l04'],
      ballots: [
        ...ballots(4, yesFor('l01', 'l02')),
        ...ballots(3, yesFor('l01', 'l03')),
        ...ballots(3, yesFor('l02', 'l03')),
      ],
    });
    // l01 7, l02 7, l03 6: l01 and l02 tie, but both fit in 2 seats.
    expect(r.election?.elected).toEqual(['l01', 'l02']);
    expect(r.election?.runoff).toEqual([]);
    expect(outcomeOf(r, 'l03')).toBe('not_elected');
  });

  it('leaves the tied candidates for a runoff when they straddle the last seat', () => {
    const r = leagueElection({
      members: 10,
      present: 10,
      seats: 2,
      candidates: ['l01', 'l02', 'l03', 'l04'],
      ballots: [
        ...ballots(4, yesFor('l01', 'l02')),
        ...ballots(4, yesFor('l01', 'l03')),
        ...ballots(2, yesFor('l02', 'l03')),
      ],
    });
    // l01 8, l02 6, l03 6: one seat left for two with 6 each.
    expect(r.election?.elected).toEqual(['l01']);
    expect(r.election?.runoff).toEqual(['l02', 'l03']);
    expect(r.election?.runoffSeats).toBe(1);
    expect(r.election?.unfilledSeats).toBe(0);
    expect(outcomeOf(r, 'l02')).toBe('runoff');
    expect(outcomeOf(r, 'l04')).toBe('not_elected');
  });

  it('spoils an over-marked ballot entered from paper for every candidate', () => {
    const r = leagueElection({
      members: 10,
      present: 10,
      seats: 2,
      candidates: ['l01', 'l02', 'l03'],
      ballots: [...ballots(9, yesFor('l01', 'l02')), yesFor('l01', 'l02', 'l03')],
    });
    expect(r.ballotsInvalid).toBe(1);
    expect(r.candidates.map((c) => c.room.invalid)).toEqual([1, 1, 1]);
    expect(r.candidates[0].room.yes).toBe(9);
  });

  it('has no quorum with 8 of 10 present (4/5 must be exceeded)', () => {
    const r = leagueElection({
      members: 10,
      present: 8,
      seats: 1,
      candidates: ['l01', 'l02'],
      ballots: ballots(8, yesFor('l01')),
    });
    expect(r.outcome).toBe('inquorate');
    expect(r.election).toBeNull();
  });

  it('counts a party branch election against 实到: 5 yes of 9 present elects though 应到 is 10', () => {
    const ruleSet = ruleSetFor('party_branch_election');
    const roster = freezeRoster(ruleSet, 'party_branch', formalMembers(10));
    const r = tally({
      ruleSet,
      roster,
      spec: ballotSpecFor(ruleSet, ['f01', 'f02'], 1),
      checkedIn: roster.voters.slice(0, 9),
      ballots: [...ballots(5, yesFor('f01')), ...ballots(4, yesFor('f02'))],
      writtenOpinions: [],
      cutoff: MEETING_START,
    });
    expect(r.election?.elected).toEqual(['f01']);
  });

  it('counts a 评优 vote against 应到 by default: 5 yes of 9 present with 10 expected does not elect', () => {
    const ruleSet = ruleSetFor('honor');
    const roster = freezeRoster(ruleSet, 'league_branch', leagueMembers(10));
    const r = tally({
      ruleSet,
      roster,
      spec: ballotSpecFor(ruleSet, ['l01', 'l02'], 1),
      checkedIn: roster.voters.slice(0, 9),
      ballots: [...ballots(5, yesFor('l01')), ...ballots(4, yesFor('l02'))],
      writtenOpinions: [],
      cutoff: MEETING_START,
    });
    expect(r.election?.elected).toEqual([]);
    expect(r.election?.unfilledSeats).toBe(1);
  });
});

describe('evaluations: grade tally per person', () => {
  it('counts how many raters gave each grade, blanks as 弃权', () => {
    const ruleSet = ruleSetFor('league_evaluation');
    const roster = freezeRoster(ruleSet, 'league_branch', leagueMembers(3));
    const r = tally({
      ruleSet,
      roster,
      spec: ballotSpecFor(ruleSet, roster.subjects, null),
      checkedIn: roster.voters,
      ballots: [
        [
          { candidateId: 'l01', choice: 'excellent' },
          { candidateId: 'l02', choice: 'qualified' },
        ],
        [
          { candidateId: 'l01', choice: 'excellent' },
          { candidateId: 'l02', choice: 'basically_qualified' },
          { candidateId: 'l03', choice: 'unqualified' },
        ],
        [{ candidateId: 'l01', choice: 'qualified' }],
      ],
      writtenOpinions: [],
      cutoff: MEETING_START,
    });
    const l01 = r.candidates.find((c) => c.candidateId === 'l01')!;
    const l03 = r.candidates.find((c) => c.candidateId === 'l03')!;
    expect(l01.grades).toEqual({ excellent: 2, qualified: 1, basically_qualified: 0, unqualified: 0 });
    expect(l03.grades).toEqual({ excellent: 0, qualified: 0, basically_qualified: 0, unqualified: 1 });
    expect(l03.room.abstain).toBe(2);
    expect(l01.outcome).toBeNull();
  });

  it('needs more than 2/3 present: 6 of 9 League members is not enough, 7 is', () => {
    const ruleSet = ruleSetFor('league_evaluation');
    const roster = freezeRoster(ruleSet, 'league_branch', leagueMembers(9));
    const run = (n: number) =>
      tally({
        ruleSet,
        roster,
        spec: ballotSpecFor(ruleSet, roster.subjects, null),
        checkedIn: roster.voters.slice(0, n),
        ballots: [],
        writtenOpinions: [],
        cutoff: MEETING_START,
      }).outcome;
    expect(run(6)).toBe('inquorate');
    expect(run(7)).toBe('counted');
  });
});

describe('rule versions', () => {
  it('decides the same ballots the same way under 2014 and 2026.05 and records which', () => {
    for (const version of ['2014', '2026.05'] as const) {
      const ruleSet = ruleSetFor('acceptance', version);
      const roster = freezeRoster(ruleSet, 'party_branch', formalMembers(11));
      const r = tally({
        ruleSet,
        roster,
        spec: ballotSpecFor(ruleSet, ['c1'], null),
        checkedIn: roster.voters.slice(0, 6),
        ballots: ballots(5, yesFor('c1')),
        writtenOpinions: [],
        cutoff: MEETING_START,
      });
      expect(ruleSet.version).toBe(version);
      expect(outcomeOf(r)).toBe('failed');
    }
  });
});
