import type { DomainError } from '../../../server/domain/errors';
import {
  assertHonorGateOpen,
  DEFAULT_TITLE_TABLE,
  type GateInput,
  honorGateGaps,
  titleEntitledFor,
} from '../../../server/domain/honors';

const rule = titleEntitledFor(DEFAULT_TITLE_TABLE, 'party_committee', '优秀共产党员')!;
const vote = {
  kind: 'honor',
  state: 'closed',
  outcome: 'counted',
  elected: ['p1'],
  unitScope: ['u_pb', 'u_college', 'u_party'],
};
const publicity = {
  kind: 'honor',
  unitId: 'u_party',
  status: 'closed',
  subjectPersonIds: ['p1'],
  subjectNames: ['张三'],
  raisesNoBar: true,
};
const base: GateInput = {
  rule,
  awardingUnitId: 'u_party',
  recipientId: 'p1',
  recipientName: '张三',
  recipientIsPerson: true,
  vote,
  publicity,
};

describe('the gate before an honor is conferred (C3, C7)', () => {
  it('opens when the 评优 vote elected the recipient and the 公示 closed with no upheld objection', () => {
    expect(honorGateGaps(base)).toEqual([]);
  });

  it('names both steps when both are missing', () => {
    const gaps = honorGateGaps({ ...base, vote: null, publicity: null });
    expect(gaps.map((g) => g.code)).toEqual(['HONOR_VOTE_REQUIRED', 'HONOR_PUBLICITY_REQUIRED']);
    try {
      assertHonorGateOpen({ ...base, vote: null, publicity: null });
      throw new Error('not refused');
    } catch (e) {
      expect((e as DomainError).code).toBe('HONOR_VOTE_REQUIRED');
      expect(Object.keys((e as DomainError).fields ?? {})).toEqual(['vote', 'publicity']);
    }
  });

  it('refuses a vote that did not count, is not 评优, did not elect the recipient or belongs to another line', () => {
    const code = (v: Partial<typeof vote>) => honorGateGaps({ ...base, vote: { ...vote, ...v } })[0]?.code;
    expect(code({ outcome: 'inquorate' })).toBe('HONOR_VOTE_FAILED');
    expect(code({ kind: 'tuiyou' })).toBe('HONOR_VOTE_FAILED');
    expect(code({ elected: ['p2'] })).toBe('HONOR_VOTE_FAILED');
    expect(code({ state: 'open' })).toBe('HONOR_VOTE_FAILED');
    expect(code({ unitScope: ['u_lb', 'u_league'] })).toBe('HONOR_VOTE_FAILED');
  });

  it('refuses a 公示 still open, with an upheld objection, by another unit or not naming the recipient', () => {
    const code = (p: Partial<typeof publicity>) =>
      honorGateGaps({ ...base, publicity: { ...publicity, ...p } })[0]?.code;
    expect(code({ status: 'published' })).toBe('HONOR_PUBLICITY_FAILED');
    expect(code({ raisesNoBar: false })).toBe('HONOR_PUBLICITY_FAILED');
    expect(code({ unitId: 'u_league' })).toBe('HONOR_PUBLICITY_FAILED');
    expect(code({ subjectPersonIds: ['p9'] })).toBe('HONOR_PUBLICITY_FAILED');
  });

  it('asks no vote of a title that needs none, and matches a unit recipient by name', () => {
    const star = titleEntitledFor(DEFAULT_TITLE_TABLE, 'federation', '五星社团')!;
    const gaps = honorGateGaps({
      ...base,
      rule: star,
      awardingUnitId: 'u_fed',
      recipientId: 'u_as',
      recipientName: '篮球协会',
      recipientIsPerson: false,
      vote: null,
      publicity: { ...publicity, unitId: 'u_fed', subjectPersonIds: [], subjectNames: ['篮球协会'] },
    });
    expect(gaps).toEqual([]);
  });
});
