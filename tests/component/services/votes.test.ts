/**
 * The mini-program's copies of the 票决 vocabulary (miniprogram/strings/votes.ts, services/votes.ts) equal the
 * contract and the server's rules: the copies exist only because typings/ and server/ cannot load at run time.
 */
import { ruleSetFor } from '../../../server/domain/votes';
import { ROLE_PERMISSIONS } from '../../../server/domain/org/permissions';
import {
  BallotCode,
  CheckInCode,
  CHOICE_LABELS,
  EXCLUSION_REASON_LABELS,
  EXCLUSION_REASONS,
  GRADE_LABELS,
  MARK_VALUES,
  TUIYOU_TARGET_LABELS,
  TUIYOU_TARGETS,
  VOTE_KIND_LABELS,
  VOTE_KINDS,
  VOTE_STATE_LABELS,
  votesSchemas,
} from '../../../typings/actions/votes';
import { ROLES, RULE_VERSION_LABELS, RULE_VERSIONS } from '../../../typings/domain';
import * as s from '../../../miniprogram/strings/votes';

describe('票决 strings mirror the contract', () => {
  it('copies every label as the typings spell it', () => {
    expect(s.VOTE_KIND_LABELS).toEqual(VOTE_KIND_LABELS);
    expect(s.VOTE_STATE_LABELS).toEqual(VOTE_STATE_LABELS);
    expect(s.CHOICE_LABELS).toEqual(CHOICE_LABELS);
    expect(s.GRADE_LABELS).toEqual(GRADE_LABELS);
    expect(s.EXCLUSION_REASON_LABELS).toEqual(EXCLUSION_REASON_LABELS);
    expect(s.TUIYOU_TARGET_LABELS).toEqual(TUIYOU_TARGET_LABELS);
    expect(s.RULE_VERSION_LABELS).toEqual(RULE_VERSION_LABELS);
    expect(Object.keys(s.MARK_LABELS).sort()).toEqual([...MARK_VALUES].sort());
  });

  it('offers every kind, reason, target and version exactly once', () => {
    expect([...s.VOTE_KIND_ORDER].sort()).toEqual([...VOTE_KINDS].sort());
    expect(s.EXCLUSION_REASONS).toEqual(EXCLUSION_REASONS);
    expect(s.TUIYOU_TARGETS).toEqual(TUIYOU_TARGETS);
    expect(s.RULE_VERSIONS).toEqual(RULE_VERSIONS);
  });

  it('asks the create form for what each kind’s rules need', () => {
    for (const kind of VOTE_KINDS) {
      const rules = ruleSetFor(kind);
      expect({ kind, ...s.KIND_FORM[kind] }).toEqual({
        kind,
        candidates: rules.mode !== 'grades',
        seats: rules.mode === 'seats',
        tuiyou: rules.decision === 'tuiyou',
      });
    }
  });

  it('uses each kind’s national default quorum for the presence indicator', () => {
    for (const kind of VOTE_KINDS)
      expect({ kind, q: s.DEFAULT_QUORUM[kind] }).toEqual({ kind, q: ruleSetFor(kind).quorum });
  });

  it('checks codes and bounds as the schemas do', () => {
    for (const code of ['K7Q2M9XP', 'ABCDEFGH', 'K7Q2M9X', 'K7Q2M9X0', 'O7Q2M9XP', 'k7q2m9xp']) {
      expect({ code, ok: s.BALLOT_CODE_PATTERN.test(code) }).toEqual({
        code,
        ok: BallotCode.safeParse(code).success && code === code.toUpperCase(),
      });
    }
    for (const code of ['482913', '48291', '4829134', 'a82913']) {
      expect({ code, ok: s.CHECK_IN_CODE_PATTERN.test(code) }).toEqual({
        code,
        ok: CheckInCode.safeParse(code).success,
      });
    }
    const create = votesSchemas['votes.create'];
    const base = { unitId: 'u', kind: 'acceptance' as const, scheduledStart: '2026-11-26T14:30:00+08:00' };
    expect(create.safeParse({ ...base, title: 'x'.repeat(s.TITLE_MIN) }).success).toBe(true);
    expect(create.safeParse({ ...base, title: 'x'.repeat(s.TITLE_MIN - 1) }).success).toBe(false);
    expect(create.safeParse({ ...base, title: 'x'.repeat(s.TITLE_MAX) }).success).toBe(true);
    expect(create.safeParse({ ...base, title: 'x'.repeat(s.TITLE_MAX + 1) }).success).toBe(false);
    expect(create.safeParse({ ...base, title: '表决', seats: s.SEATS_MAX + 1 }).success).toBe(false);
    const decide = votesSchemas['votes.recordDecision'];
    const decision = (minutesRef: string, reason: string) => ({
      voteId: 'v',
      decidedOn: '2026-11-16',
      minutesRef,
      decision: { type: 'tuiyou' as const, recommended: [], declined: [{ candidateId: 'c', reason }] },
    });
    expect(decide.safeParse(decision('x'.repeat(s.MINUTES_REF_MIN), 'x'.repeat(s.REASON_MIN))).success).toBe(true);
    expect(decide.safeParse(decision('x'.repeat(s.MINUTES_REF_MAX + 1), '理由充分')).success).toBe(false);
    expect(decide.safeParse(decision('记录', 'x'.repeat(s.REASON_MAX + 1))).success).toBe(false);
    const open = votesSchemas['votes.open'];
    const exclusion = (higherApproval: string) => ({
      voteId: 'v',
      scrutineerIds: ['a'],
      tellerIds: ['b'],
      exclusions: [{ personId: 'p', reason: 'bedridden' as const, higherApproval, meetingAgreed: true as const }],
    });
    expect(open.safeParse(exclusion('x'.repeat(s.APPROVAL_REF_MIN))).success).toBe(true);
    expect(open.safeParse(exclusion('x'.repeat(s.APPROVAL_REF_MAX + 1))).success).toBe(false);
  });

  it('knows which roles run votes as the grants table says', () => {
    expect([...s.VOTE_MANAGER_ROLES].sort()).toEqual(
      ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('vote.manage')).sort(),
    );
  });
});
