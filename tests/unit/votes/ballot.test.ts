import { ballotSpecFor, readBallot, ruleSetFor, validateBallot } from '../../../server/domain/votes';
import { codeOf, yesFor } from './fixtures';

const acceptance = ballotSpecFor(ruleSetFor('acceptance'), ['c1', 'c2'], null);
const election = ballotSpecFor(ruleSetFor('league_branch_election'), ['a', 'b', 'c', 'd'], 2);
const evaluation = ballotSpecFor(ruleSetFor('party_evaluation'), ['f01', 'f02'], null);

describe('validating a ballot at submission', () => {
  it('fills a candidate left unmarked with 弃权', () => {
    expect(validateBallot([{ candidateId: 'c2', choice: 'yes' }], acceptance)).toEqual([
      { candidateId: 'c1', choice: 'abstain' },
      { candidateId: 'c2', choice: 'yes' },
    ]);
  });

  it('takes an empty ballot as 弃权 on every candidate', () => {
    expect(validateBallot([], acceptance).map((m) => m.choice)).toEqual(['abstain', 'abstain']);
  });

  it('rejects two marks for one candidate (F2: 多选 is invalid on paper; refused here before casting)', () => {
    const marks = [
      { candidateId: 'c1', choice: 'yes' as const },
      { candidateId: 'c1', choice: 'no' as const },
    ];
    expect(codeOf(() => validateBallot(marks, acceptance))).toBe('BALLOT_MALFORMED');
  });

  it('rejects the same mark given twice for one candidate', () => {
    expect(codeOf(() => validateBallot(yesFor('c1', 'c1'), acceptance))).toBe('BALLOT_MALFORMED');
  });

  it('rejects a mark for someone not on the ballot', () => {
    expect(codeOf(() => validateBallot(yesFor('zz'), acceptance))).toBe('BALLOT_MALFORMED');
  });

  it('rejects a grade on a 赞成/反对 ballot and a 赞成 on an evaluation form', () => {
    expect(codeOf(() => validateBallot([{ candidateId: 'c1', choice: 'excellent' }], acceptance))).toBe(
      'BALLOT_MALFORMED',
    );
    expect(codeOf(() => validateBallot(yesFor('f01'), evaluation))).toBe('BALLOT_MALFORMED');
  });

  it('accepts a grade, and 弃权, on an evaluation form', () => {
    expect(
      validateBallot(
        [
          { candidateId: 'f01', choice: 'excellent' },
          { candidateId: 'f02', choice: 'abstain' },
        ],
        evaluation,
      ),
    ).toHaveLength(2);
  });

  it('accepts as many 赞成 as seats in an election', () => {
    expect(() => validateBallot(yesFor('a', 'b'), election)).not.toThrow();
  });

  it('rejects more 赞成 than seats in an election with TOO_MANY_MARKS', () => {
    expect(codeOf(() => validateBallot(yesFor('a', 'b', 'c'), election))).toBe('TOO_MANY_MARKS');
  });

  it('allows any number of 反对 in an election', () => {
    expect(() =>
      validateBallot(
        [...yesFor('a', 'b'), { candidateId: 'c', choice: 'no' }, { candidateId: 'd', choice: 'no' }],
        election,
      ),
    ).not.toThrow();
  });

  it('lets each acceptance candidate take 赞成 without a cap', () => {
    expect(() => validateBallot(yesFor('c1', 'c2'), acceptance)).not.toThrow();
  });
});

describe('reading a ballot at count time (paper rules, never throws)', () => {
  it('spoils only the section with two marks', () => {
    const read = readBallot(
      [
        { candidateId: 'c1', choice: 'yes' },
        { candidateId: 'c1', choice: 'no' },
        { candidateId: 'c2', choice: 'yes' },
      ],
      acceptance,
    );
    expect(read.invalid).toBe(false);
    expect(read.values.get('c1')).toBe('invalid');
    expect(read.values.get('c2')).toBe('yes');
  });

  it('spoils the whole ballot when it names more than the seats', () => {
    const read = readBallot(yesFor('a', 'b', 'c'), election);
    expect(read.invalid).toBe(true);
    expect([...read.values.values()]).toEqual(['invalid', 'invalid', 'invalid', 'invalid']);
  });

  it('spoils the whole ballot when it names someone not on it', () => {
    expect(readBallot(yesFor('c1', 'zz'), acceptance).invalid).toBe(true);
  });

  it('reads a blank section as 弃权', () => {
    expect(readBallot(yesFor('a'), election).values.get('b')).toBe('abstain');
  });
});
