/**
 * The store side of the rate limits (server/domain/rate.ts): one document per person and kind in `rate_limits`,
 * read and written inside the caller's write transaction, never audited (it is a counter, not a record).
 */
import { admitSubmission, RATE_RULES, type RateKind, type RateState } from '../domain/rate';
import { DomainError } from '../domain/errors';
import type { Tx } from '../store';

export const RATE_LIMITS = 'rate_limits';

interface RateDoc extends RateState {
  _id: string;
  kind: RateKind;
}

/**
 * Counts one submission of `kind` by `subject` (a person id, or a keyed digest where the subject must stay
 * anonymous) and throws RATE_LIMITED when the window is full. Call it first in the write transaction, so a refusal
 * writes nothing.
 */
export async function takeRate(tx: Tx, kind: RateKind, subject: string, now: Date): Promise<void> {
  const _id = `${kind}_${subject}`;
  const before = await tx.get<RateDoc>(RATE_LIMITS, _id);
  const rule = RATE_RULES[kind];
  const next = admitSubmission(before, now, rule);
  if (!next) {
    const minutes = Math.round(rule.windowMs / 60_000);
    throw new DomainError(
      'RATE_LIMITED',
      `您提交得太频繁了：每${minutes > 1 ? `${minutes}分钟` : '分钟'}最多${rule.limit}次，请稍后再试`,
    );
  }
  await tx.put<RateDoc>(RATE_LIMITS, { _id, kind, ...next });
}
