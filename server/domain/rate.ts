/**
 * Per-person rate limits on what other people must read and handle (an objection, a claim an officer reviews):
 * one person cannot bury the officers under fifty objections in a second. A fixed window per person and kind,
 * kept in one small document that the writing transaction reads and writes, so two concurrent submissions by the
 * same person conflict and one is retried against the updated count (race-safe without a lock).
 *
 * The window stores its start and a count, never the instants of the submissions, so a limiter document cannot
 * be matched instant by instant against the records it counted.
 */

export interface RateRule {
  /** Submissions admitted per window. */
  limit: number;
  /** Window length in milliseconds; windows are aligned to the epoch (a minute window is a clock minute). */
  windowMs: number;
}

export interface RateState {
  /** Start of the current window, epoch milliseconds. */
  windowStart: number;
  count: number;
}

/** The rules in force, by kind. A kind not listed here is not limited. */
export const RATE_RULES = {
  /** Objections to notices: 10 per person per minute (real-name and anonymous are counted apart, see notices.object). */
  objection: { limit: 10, windowMs: 60_000 },
} as const satisfies Record<string, RateRule>;

export type RateKind = keyof typeof RATE_RULES;

/**
 * Admits one more submission: the next state, or null when the window's limit is already reached (refuse and
 * write nothing). A state from an earlier window starts a new one.
 */
export function admitSubmission(state: RateState | null, now: Date, rule: RateRule): RateState | null {
  const windowStart = now.getTime() - (now.getTime() % rule.windowMs);
  if (!state || state.windowStart !== windowStart) return { windowStart, count: 1 };
  if (state.count >= rule.limit) return null;
  return { windowStart, count: state.count + 1 };
}
