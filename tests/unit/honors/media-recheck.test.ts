import { MEDIA_RECHECK, nextMediaCheckStep } from '../../../server/domain/honors';

describe('a media check WeChat has not answered (D10)', () => {
  const due = 1_000_000;
  const check = (attempt: number) => ({ attempt, dueAt: due });

  it('waits until it is due', () => {
    expect(nextMediaCheckStep(check(1), 'pending', due - 1)).toBe('wait');
  });

  it('is submitted again when due, until the last attempt', () => {
    for (let a = 1; a < MEDIA_RECHECK.attempts; a++)
      expect(nextMediaCheckStep(check(a), 'pending', due)).toBe('resubmit');
  });

  it('is given up when the last attempt went unanswered', () => {
    expect(nextMediaCheckStep(check(MEDIA_RECHECK.attempts), 'pending', due)).toBe('fail');
  });

  it('is settled once the image has a verdict, or its post is gone', () => {
    for (const state of ['pass', 'rejected', 'failed', undefined] as const) {
      expect(nextMediaCheckStep(check(1), state, due + 1)).toBe('settled');
    }
  });
});
