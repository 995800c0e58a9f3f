/** Attempt limits on the meeting check-in code (server/domain/votes/checkin.ts). */
import {
  afterWrongCode,
  CHECK_IN_TRIES_PER_PERSON,
  CHECK_IN_WRONG_CODES_PER_VOTE,
  type CheckInGuard,
  checkInCodeGate,
  wrongCodeAnswer,
} from '../../../server/domain/votes/checkin';

function wrong(times: number, who: (i: number) => string, digest = 'd1', start: CheckInGuard | null = null) {
  let g = start;
  for (let i = 0; i < times; i++) g = afterWrongCode(g, who(i), digest);
  return g as CheckInGuard;
}

describe('check-in code attempts', () => {
  it(`locks a member out of code entry after ${CHECK_IN_TRIES_PER_PERSON} wrong codes for the vote`, () => {
    const four = wrong(CHECK_IN_TRIES_PER_PERSON - 1, () => 'p1');
    expect(wrongCodeAnswer(four, 'p1')).toBe('CHECK_IN_CODE_INVALID');
    expect(checkInCodeGate(four, 'p1', 'd1')).toBe('open');
    const five = afterWrongCode(four, 'p1', 'd1');
    expect(wrongCodeAnswer(five, 'p1')).toBe('CHECK_IN_LOCKED');
    expect(checkInCodeGate(five, 'p1', 'd1')).toBe('CHECK_IN_LOCKED');
    expect(checkInCodeGate(five, 'p2', 'd1')).toBe('open');
  });

  it('keeps the member locked when the code changes', () => {
    const five = wrong(CHECK_IN_TRIES_PER_PERSON, () => 'p1');
    expect(checkInCodeGate(five, 'p1', 'd2')).toBe('CHECK_IN_LOCKED');
  });

  it(`stops code entry for everyone after ${CHECK_IN_WRONG_CODES_PER_VOTE} wrong codes, until a new code is shown`, () => {
    const many = wrong(CHECK_IN_WRONG_CODES_PER_VOTE, (i) => `p${i}`);
    expect(wrongCodeAnswer(many, `p${CHECK_IN_WRONG_CODES_PER_VOTE - 1}`)).toBe('CHECK_IN_CODE_EXHAUSTED');
    expect(checkInCodeGate(many, 'someone_else', 'd1')).toBe('CHECK_IN_CODE_EXHAUSTED');
    expect(checkInCodeGate(many, 'someone_else', 'd2')).toBe('open');
    expect(afterWrongCode(many, 'x', 'd2').wrongForCode).toBe(1);
  });
});
