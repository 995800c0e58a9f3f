import { admitSubmission } from '../../../server/domain/rate';

const rule = { limit: 3, windowMs: 60_000 };
const at = (s: string) => new Date(`2026-09-30T10:${s}+08:00`);

describe('a fixed window per person', () => {
  it('admits up to the limit within one clock minute and refuses the next', () => {
    let state = admitSubmission(null, at('00:01'), rule);
    state = admitSubmission(state, at('00:02'), rule);
    state = admitSubmission(state, at('00:59.999'), rule);
    expect(state).toEqual({ windowStart: at('00:00').getTime(), count: 3 });
    expect(admitSubmission(state, at('00:59.999'), rule)).toBeNull();
  });

  it('starts a new window in the next minute', () => {
    const full = { windowStart: at('00:00').getTime(), count: 3 };
    expect(admitSubmission(full, at('01:00'), rule)).toEqual({ windowStart: at('01:00').getTime(), count: 1 });
  });
});
