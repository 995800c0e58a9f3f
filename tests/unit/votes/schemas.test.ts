import { votesSchemas } from '../../../typings/actions/votes';

describe('votes action schemas', () => {
  it('defaults a new vote to the 2014 rules, a secret ballot and no candidates', () => {
    const parsed = votesSchemas['votes.create'].parse({
      unitId: 'pb1',
      kind: 'party_evaluation',
      title: '2026年度民主评议党员',
      scheduledStart: '2026-06-10T14:00:00+08:00',
    });
    expect(parsed).toMatchObject({ ruleVersion: '2014', secret: true, candidateIds: [] });
  });

  it('refuses unknown fields', () => {
    const r = votesSchemas['votes.cast'].safeParse({ voteId: 'v1', marks: [], voterId: 'f01' });
    expect(r.success).toBe(false);
  });

  it('refuses a mark value that no form offers', () => {
    const r = votesSchemas['votes.cast'].safeParse({ voteId: 'v1', marks: [{ candidateId: 'c1', choice: 'maybe' }] });
    expect(r.success).toBe(false);
  });

  it('leaves duplicate marks to the domain, which answers BALLOT_MALFORMED', () => {
    const r = votesSchemas['votes.cast'].safeParse({
      voteId: 'v1',
      marks: [
        { candidateId: 'c1', choice: 'yes' },
        { candidateId: 'c1', choice: 'no' },
      ],
    });
    expect(r.success).toBe(true);
  });

  it('checks in either by the scanned code or by person, not both or neither, and takes no typed code', () => {
    const s = votesSchemas['votes.checkIn'];
    expect(s.safeParse({ voteId: 'v1', token: 'vote.v1.178977600.abc' }).success).toBe(true);
    expect(s.safeParse({ voteId: 'v1', personId: 'f01' }).success).toBe(true);
    expect(s.safeParse({ voteId: 'v1' }).success).toBe(false);
    expect(s.safeParse({ voteId: 'v1', token: 'vote.v1.1.abc', personId: 'f01' }).success).toBe(false);
    expect(s.safeParse({ voteId: 'v1', code: '123456' }).success).toBe(false);
  });

  it('requires the meeting’s agreement for an exclusion from 应到', () => {
    const base = { voteId: 'v1', scrutineerIds: ['f01'], tellerIds: ['f02'] };
    const e = { personId: 'f11', reason: 'abroad_private', higherApproval: '院党委〔2026〕3号' };
    expect(votesSchemas['votes.open'].safeParse({ ...base, exclusions: [{ ...e, meetingAgreed: true }] }).success).toBe(
      true,
    );
    expect(
      votesSchemas['votes.open'].safeParse({ ...base, exclusions: [{ ...e, meetingAgreed: false }] }).success,
    ).toBe(false);
  });

  it('requires a scrutineer and a teller to open', () => {
    expect(votesSchemas['votes.open'].safeParse({ voteId: 'v1', scrutineerIds: [], tellerIds: ['f02'] }).success).toBe(
      false,
    );
  });

  it('normalises a ballot code to upper case', () => {
    expect(votesSchemas['votes.verifyBallot'].parse({ voteId: 'v1', code: 'abcd2345' }).code).toBe('ABCD2345');
    expect(votesSchemas['votes.verifyBallot'].safeParse({ voteId: 'v1', code: 'ABCD0123' }).success).toBe(false);
  });

  it('takes a 推优 decision or committee grades', () => {
    const s = votesSchemas['votes.recordDecision'];
    const base = { voteId: 'v1', decidedOn: '2026-06-12', minutesRef: '团支委会记录 6 号' };
    expect(
      s.safeParse({
        ...base,
        decision: { type: 'tuiyou', recommended: ['a1'], declined: [{ candidateId: 'a2', reason: '考察期未满' }] },
      }).success,
    ).toBe(true);
    expect(
      s.safeParse({ ...base, decision: { type: 'grades', grades: [{ personId: 'f01', grade: 'excellent' }] } }).success,
    ).toBe(true);
    expect(
      s.safeParse({
        ...base,
        decision: { type: 'tuiyou', recommended: [], declined: [{ candidateId: 'a2', reason: '' }] },
      }).success,
    ).toBe(false);
  });

  it('lists votes a page at a time', () => {
    expect(votesSchemas['votes.list'].parse({ unitId: 'pb1' })).toMatchObject({ page: 1, pageSize: 20 });
    expect(votesSchemas['votes.listMine'].safeParse({ pageSize: 51 }).success).toBe(false);
  });
});
