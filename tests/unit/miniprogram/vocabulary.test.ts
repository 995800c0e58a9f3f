/**
 * The one vocabulary both sides share (typings/vocabulary.ts): the mini-program's copy is the source verbatim, and
 * the words and shapes in it say what the schemas and the server's rules say.
 */
import fs from 'node:fs';
import { copyVocabulary, VOCABULARY_COPY, VOCABULARY_SOURCE, vocabularyCopyText } from '../../../scripts/build-mp-npm';
import { ruleSetFor } from '../../../server/domain/votes';
import { votesSchemas } from '../../../typings/actions/votes';
import * as v from '../../../typings/vocabulary';

describe('the shared vocabulary', () => {
  it('loads on its own, so its copy runs in the mini-program: no import, no zod', () => {
    const source = fs.readFileSync(VOCABULARY_SOURCE, 'utf8');
    expect(source).not.toMatch(/^\s*(import|export \* from|export \{[^}]*\} from)\b/m);
    expect(source).not.toMatch(/\brequire\(|\bz\./);
  });

  it('is copied into the mini-program verbatim by the build', () => {
    copyVocabulary();
    const copy = fs.readFileSync(VOCABULARY_COPY, 'utf8');
    expect(copy).toBe(vocabularyCopyText());
    expect(copy.endsWith(fs.readFileSync(VOCABULARY_SOURCE, 'utf8'))).toBe(true);
  });

  it('offers every kind exactly once and labels every mark a ballot can carry', () => {
    expect([...v.VOTE_KIND_PICKER_ORDER].sort()).toEqual([...v.VOTE_KINDS].sort());
    expect(Object.keys(v.MARK_LABELS).sort()).toEqual([...v.MARK_VALUES].sort());
  });

  it('asks the create form for what each kind’s rules need', () => {
    for (const kind of v.VOTE_KINDS) {
      const rules = ruleSetFor(kind);
      expect({ kind, ...v.VOTE_KIND_FORM[kind] }).toEqual({
        kind,
        candidates: rules.mode !== 'grades',
        seats: rules.mode === 'seats',
        tuiyou: rules.decision === 'tuiyou',
      });
    }
  });

  it('checks codes and bounds as the schemas do', () => {
    const verify = votesSchemas['votes.verifyBallot'];
    for (const code of ['K7Q2M9XP', 'ABCDEFGH', 'K7Q2M9X', 'K7Q2M9X0', 'O7Q2M9XP']) {
      expect({ code, ok: v.BALLOT_CODE_PATTERN.test(code) }).toEqual({
        code,
        ok: verify.safeParse({ voteId: 'v', code }).success,
      });
    }
    const create = votesSchemas['votes.create'];
    const base = { unitId: 'u', kind: 'acceptance' as const, scheduledStart: '2026-11-26T14:30:00+08:00' };
    expect(create.safeParse({ ...base, title: 'x'.repeat(v.VOTE_TITLE_MIN) }).success).toBe(true);
    expect(create.safeParse({ ...base, title: 'x'.repeat(v.VOTE_TITLE_MIN - 1) }).success).toBe(false);
    expect(create.safeParse({ ...base, title: 'x'.repeat(v.VOTE_TITLE_MAX) }).success).toBe(true);
    expect(create.safeParse({ ...base, title: 'x'.repeat(v.VOTE_TITLE_MAX + 1) }).success).toBe(false);
    expect(create.safeParse({ ...base, title: '表决', seats: v.SEATS_MAX }).success).toBe(true);
    expect(create.safeParse({ ...base, title: '表决', seats: v.SEATS_MAX + 1 }).success).toBe(false);
    const decide = votesSchemas['votes.recordDecision'];
    const decision = (minutesRef: string, reason: string) => ({
      voteId: 'v',
      decidedOn: '2026-11-16',
      minutesRef,
      decision: { type: 'tuiyou' as const, recommended: [], declined: [{ candidateId: 'c', reason }] },
    });
    expect(decide.safeParse(decision('x'.repeat(v.MINUTES_REF_MIN), 'x'.repeat(v.VOTE_REASON_MIN))).success).toBe(true);
    expect(decide.safeParse(decision('x'.repeat(v.MINUTES_REF_MAX + 1), '理由充分')).success).toBe(false);
    expect(decide.safeParse(decision('记录', 'x'.repeat(v.VOTE_REASON_MAX + 1))).success).toBe(false);
    const open = votesSchemas['votes.open'];
    const exclusion = (higherApproval: string) => ({
      voteId: 'v',
      scrutineerIds: ['a'],
      tellerIds: ['b'],
      exclusions: [{ personId: 'p', reason: 'bedridden' as const, higherApproval, meetingAgreed: true as const }],
    });
    expect(open.safeParse(exclusion('x'.repeat(v.APPROVAL_REF_MIN))).success).toBe(true);
    expect(open.safeParse(exclusion('x'.repeat(v.APPROVAL_REF_MAX + 1))).success).toBe(false);
  });
});
