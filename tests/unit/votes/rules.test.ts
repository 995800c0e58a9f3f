import {
  assertSchoolOverrides,
  paramsOf,
  resolveSecrecy,
  ruleSetFor,
  ruleSetWithParams,
  settingsOwner,
} from '../../../server/domain/votes';
import { VOTE_KINDS } from '../../../typings/actions/votes';
import { codeOf } from './fixtures';

describe('rule sets per kind and version', () => {
  it('defaults to the 2014 细则 and records the version on the rule set', () => {
    const rs = ruleSetFor('acceptance');
    expect(rs.version).toBe('2014');
    expect(rs.verified).toBe(true);
  });

  it('offers the reported 2026.05 revision as an alternative, flagged unverified', () => {
    const rs = ruleSetFor('acceptance', '2026.05');
    expect(rs.version).toBe('2026.05');
    expect(rs.verified).toBe(false);
  });

  it('cites 第二十一条 under 2014 and 第二十条 under 2026.05 for the acceptance majority, with the same threshold', () => {
    const old = ruleSetFor('acceptance', '2014');
    const rev = ruleSetFor('acceptance', '2026.05');
    expect(old.sources.pass).toContain('第二十一条');
    expect(rev.sources.pass).toContain('第二十条');
    expect(rev.sources.quorum).toContain('第十九条');
    expect(rev.pass).toEqual(old.pass);
    expect(rev.quorum).toEqual(old.quorum);
  });

  it('cites 第三十三条 (2014) and 第三十二条 (2026.05) for conversion', () => {
    expect(ruleSetFor('conversion', '2014').sources.pass).toContain('第三十三条');
    expect(ruleSetFor('conversion', '2026.05').sources.pass).toContain('第三十二条');
  });

  it('uses 应到 as the pass base for the formal votes and 推优', () => {
    for (const kind of ['acceptance', 'conversion', 'extension', 'cancellation', 'tuiyou'] as const) {
      const rs = ruleSetFor(kind);
      expect(rs.passBase).toBe('expected');
      expect(rs.pass).toEqual({ num: 1, den: 2 });
      expect(rs.quorum).toEqual({ num: 1, den: 2 });
    }
  });

  it('locks the secret ballot for acceptance, conversion, extension and cancellation (F1)', () => {
    for (const kind of ['acceptance', 'conversion', 'extension', 'cancellation'] as const) {
      expect(ruleSetFor(kind).secretRequired).toBe(true);
    }
  });

  it('counts written opinions only in the formal party votes', () => {
    const counting = VOTE_KINDS.filter((k) => ruleSetFor(k).writtenOpinions);
    expect(counting.sort()).toEqual(['acceptance', 'cancellation', 'conversion', 'extension']);
  });

  it('sets the League evaluation quorum at 2/3 and its 优秀 quota at 30%', () => {
    const rs = ruleSetFor('league_evaluation');
    expect(rs.quorum).toEqual({ num: 2, den: 3 });
    expect(rs.excellentQuota).toEqual({ num: 3, den: 10 });
  });

  it('sets the party evaluation 优秀 quota at 1/3 and 推优 at 20%', () => {
    expect(ruleSetFor('party_evaluation').excellentQuota).toEqual({ num: 1, den: 3 });
    expect(ruleSetFor('tuiyou').recommendQuota).toEqual({ num: 1, den: 5 });
  });

  it('counts party branch elections against 实到 with a 4/5 quorum and a 20% candidate margin', () => {
    const rs = ruleSetFor('party_branch_election');
    expect(rs.passBase).toBe('present');
    expect(rs.quorum).toEqual({ num: 4, den: 5 });
    expect(rs.candidateMargin).toEqual({ ratio: { num: 6, den: 5 }, strict: false });
  });

  it('gives every kind a minimum of voters and a source for it', () => {
    for (const kind of VOTE_KINDS) {
      const rs = ruleSetFor(kind);
      expect(rs.minVoters).toBeGreaterThanOrEqual(3);
      expect(rs.sources.minVoters).toBeTruthy();
    }
  });
});

describe('school settings (overrides)', () => {
  it('accepts a stricter 2/3 quorum for acceptance (F5 local option)', () => {
    const rs = ruleSetFor('acceptance', '2014', { quorum: { num: 2, den: 3 } });
    expect(rs.quorum).toEqual({ num: 2, den: 3 });
  });

  it('refuses a quorum looser than the national half', () => {
    expect(codeOf(() => ruleSetFor('acceptance', '2014', { quorum: { num: 1, den: 3 } }))).toBe('RULE_OVERRIDE_LOOSER');
  });

  it('refuses counting acceptance against 实到', () => {
    expect(codeOf(() => ruleSetFor('acceptance', '2014', { passBase: 'present' }))).toBe('RULE_OVERRIDE_LOOSER');
  });

  it('lets a school set its own 推优 share, 13% (bztcny.com) or 25%, but never drop the quota', () => {
    expect(ruleSetFor('tuiyou', '2014', { recommendQuota: { num: 13, den: 100 } }).recommendQuota).toEqual({
      num: 13,
      den: 100,
    });
    expect(ruleSetFor('tuiyou', '2014', { recommendQuota: { num: 1, den: 4 } }).recommendQuota).toEqual({
      num: 1,
      den: 4,
    });
    expect(codeOf(() => ruleSetFor('tuiyou', '2014', { recommendQuota: null }))).toBe('BAD_INPUT');
  });

  it('lets a school set the League 优秀 share of "about 30%" to 35% (xszwb.com), but never drop it', () => {
    expect(ruleSetFor('league_evaluation', '2014', { excellentQuota: { num: 35, den: 100 } }).excellentQuota).toEqual({
      num: 35,
      den: 100,
    });
    expect(codeOf(() => ruleSetFor('league_evaluation', '2014', { excellentQuota: null }))).toBe('BAD_INPUT');
  });

  it('keeps the national floors fixed: the party 优秀 third and the League quorum only tighten', () => {
    expect(codeOf(() => ruleSetFor('party_evaluation', '2014', { excellentQuota: { num: 2, den: 5 } }))).toBe(
      'RULE_OVERRIDE_LOOSER',
    );
    expect(codeOf(() => ruleSetFor('league_evaluation', '2014', { quorum: { num: 1, den: 2 } }))).toBe(
      'RULE_OVERRIDE_LOOSER',
    );
    expect(codeOf(() => ruleSetFor('tuiyou', '2014', { pass: { num: 1, den: 3 } }))).toBe('RULE_OVERRIDE_LOOSER');
  });

  it('leaves the figures of the activist and 发展对象 votes to the school, but not the three-member floor', () => {
    for (const kind of ['activist_determination', 'development_candidate_determination'] as const) {
      expect(ruleSetFor(kind, '2014', { quorum: { num: 2, den: 3 }, pass: { num: 2, den: 3 } }).pass).toEqual({
        num: 2,
        den: 3,
      });
      expect(codeOf(() => ruleSetFor(kind, '2014', { minVoters: 2 }))).toBe('RULE_OVERRIDE_LOOSER');
      expect(ruleSetFor(kind).secretRequired).toBe(true);
      expect(settingsOwner(kind)).toBe('party_committee');
    }
  });

  it('lets a school loosen what the rules leave open, such as the backbone election base', () => {
    const rs = ruleSetFor('backbone_election', '2014', { passBase: 'present', quorum: { num: 1, den: 3 } });
    expect(rs.passBase).toBe('present');
    expect(rs.quorum).toEqual({ num: 1, den: 3 });
  });

  it('refuses a setting the kind does not have', () => {
    expect(codeOf(() => ruleSetFor('acceptance', '2014', { excellentQuota: { num: 1, den: 4 } }))).toBe('BAD_INPUT');
    expect(codeOf(() => ruleSetFor('acceptance', '2014', { candidateMargin: null }))).toBe('BAD_INPUT');
  });

  it('refuses a malformed share', () => {
    expect(codeOf(() => ruleSetFor('acceptance', '2014', { quorum: { num: 3, den: 2 } }))).toBe('BAD_INPUT');
    expect(codeOf(() => ruleSetFor('acceptance', '2014', { pass: { num: 1.5, den: 3 } }))).toBe('BAD_INPUT');
    expect(
      codeOf(() => ruleSetFor('honor', '2014', { candidateMargin: { ratio: { num: 1, den: 2 }, strict: false } })),
    ).toBe('BAD_INPUT');
  });

  it('refuses dropping the League branch candidate margin and accepts a larger one', () => {
    expect(codeOf(() => ruleSetFor('league_branch_election', '2014', { candidateMargin: null }))).toBe(
      'RULE_OVERRIDE_LOOSER',
    );
    const rs = ruleSetFor('league_branch_election', '2014', {
      candidateMargin: { ratio: { num: 3, den: 2 }, strict: false },
    });
    expect(rs.candidateMargin?.ratio).toEqual({ num: 3, den: 2 });
  });

  it('refuses lowering the minimum of voters below the branch minimum', () => {
    expect(codeOf(() => ruleSetFor('acceptance', '2014', { minVoters: 2 }))).toBe('RULE_OVERRIDE_LOOSER');
    expect(ruleSetFor('acceptance', '2014', { minVoters: 5 }).minVoters).toBe(5);
  });
});

describe('secret ballot (F1)', () => {
  it('refuses a named acceptance vote', () => {
    expect(codeOf(() => resolveSecrecy(ruleSetFor('acceptance'), false))).toBe('SECRET_BALLOT_REQUIRED');
  });
  it('refuses a named conversion, extension or cancellation vote', () => {
    for (const kind of ['conversion', 'extension', 'cancellation'] as const) {
      expect(codeOf(() => resolveSecrecy(ruleSetFor(kind), false))).toBe('SECRET_BALLOT_REQUIRED');
    }
  });
  it('keeps a secret acceptance vote secret', () => expect(resolveSecrecy(ruleSetFor('acceptance'), true)).toBe(true));
  it('allows a named 评优 vote, where the rules are silent', () => {
    expect(resolveSecrecy(ruleSetFor('honor'), false)).toBe(false);
  });
});

describe('school settings', () => {
  it('gives the party votes to the party committee, the League votes to the League committee, the rest to either', () => {
    for (const kind of ['acceptance', 'conversion', 'extension', 'cancellation', 'party_evaluation'] as const) {
      expect(settingsOwner(kind)).toBe('party_committee');
    }
    for (const kind of ['tuiyou', 'league_evaluation', 'league_branch_election'] as const) {
      expect(settingsOwner(kind)).toBe('league_committee');
    }
    expect(settingsOwner('honor')).toBeNull();
    expect(settingsOwner('backbone_election')).toBeNull();
  });

  it('checks a setting under every rule version a vote may choose', () => {
    expect(() => assertSchoolOverrides('acceptance', { quorum: { num: 2, den: 3 } })).not.toThrow();
    expect(codeOf(() => assertSchoolOverrides('acceptance', { quorum: { num: 1, den: 3 } }))).toBe(
      'RULE_OVERRIDE_LOOSER',
    );
  });

  it("rebuilds a vote's rules from the parameters it stored, whatever the settings say later", () => {
    const tightened = ruleSetFor('acceptance', '2014', { quorum: { num: 2, den: 3 }, minVoters: 5 });
    const rebuilt = ruleSetWithParams('acceptance', '2014', paramsOf(tightened));
    expect(rebuilt).toEqual(tightened);
    expect(ruleSetWithParams('acceptance', '2014', null)).toEqual(ruleSetFor('acceptance', '2014'));
  });
});
