import {
  acceptWrittenOpinion,
  ballotSpecFor,
  ruleSetFor,
  writtenOpinionCutoff,
  writtenOpinionOnTime,
} from '../../../server/domain/votes';
import { AFTER_START, AT_START, BEFORE_START, codeOf, MEETING_START, member, yesFor } from './fixtures';

const acceptance = ruleSetFor('acceptance');
const spec = ballotSpecFor(acceptance, ['c1'], null);
const base = {
  ruleSet: acceptance,
  unitKind: 'party_branch' as const,
  voter: member('f01', 'full_member'),
  spec,
  marks: yesFor('c1'),
  cutoff: MEETING_START,
};

describe('written opinions (细则 第二十一条, F3)', () => {
  it('accepts an opinion submitted a second before the meeting starts', () => {
    expect(acceptWrittenOpinion({ ...base, submittedAt: BEFORE_START })).toEqual([
      { candidateId: 'c1', choice: 'yes' },
    ]);
  });

  it('rejects an opinion submitted at the very moment the meeting starts', () => {
    expect(codeOf(() => acceptWrittenOpinion({ ...base, submittedAt: AT_START }))).toBe('WRITTEN_OPINION_TOO_LATE');
  });

  it('rejects an opinion submitted after the meeting started', () => {
    expect(codeOf(() => acceptWrittenOpinion({ ...base, submittedAt: AFTER_START }))).toBe('WRITTEN_OPINION_TOO_LATE');
  });

  it('rejects an opinion from a probationary member, who has no vote', () => {
    expect(
      codeOf(() =>
        acceptWrittenOpinion({ ...base, voter: member('p1', 'probationary_member'), submittedAt: BEFORE_START }),
      ),
    ).toBe('NOT_ON_ROSTER');
  });

  it('refuses written opinions in an election', () => {
    const rs = ruleSetFor('party_branch_election');
    expect(
      codeOf(() =>
        acceptWrittenOpinion({
          ...base,
          ruleSet: rs,
          spec: ballotSpecFor(rs, ['c1', 'c2'], 1),
          submittedAt: BEFORE_START,
        }),
      ),
    ).toBe('WRITTEN_OPINION_NOT_ALLOWED');
  });

  it('rejects a malformed opinion like a malformed ballot', () => {
    expect(codeOf(() => acceptWrittenOpinion({ ...base, marks: yesFor('c1', 'c1'), submittedAt: BEFORE_START }))).toBe(
      'BALLOT_MALFORMED',
    );
  });

  it('starts the meeting at the scheduled time when it is opened late', () => {
    expect(writtenOpinionCutoff(MEETING_START, AFTER_START)).toBe(MEETING_START);
  });

  it('starts the meeting when it is opened early', () => {
    expect(writtenOpinionCutoff(AFTER_START, MEETING_START)).toBe(MEETING_START);
    expect(writtenOpinionOnTime(BEFORE_START, writtenOpinionCutoff(AFTER_START, MEETING_START))).toBe(true);
  });
});
