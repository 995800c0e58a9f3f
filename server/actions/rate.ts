/**
 * The store side of the rate limits (server/domain/rate.ts): one document per person and kind in `rate_limits`,
 * read and written inside the caller's write transaction, never audited (it is a counter, not a record).
 */
import { DomainError } from '../domain/errors';
import { admitSubmission, RATE_RULES, type RateKind, type RateState } from '../domain/rate';
import type { Store, Tx } from '../store';

export const RATE_LIMITS = 'rate_limits';

interface RateDoc extends RateState {
  _id: string;
  kind: RateKind;
}

/**
 * Counts one submission of `kind` by `subject` (a person id, or a keyed digest where the subject must stay
 * anonymous) and throws RATE_LIMITED when the window is full. Call it first in the write transaction, so a refusal
 * writes nothing; two concurrent submissions by one person conflict on this document and are serialised.
 */
export async function takeRate(tx: Tx, kind: RateKind, subject: string, now: Date): Promise<void> {
  const _id = `${kind}_${subject}`;
  const next = admitted(kind, await tx.get<RateDoc>(RATE_LIMITS, _id), now);
  await tx.put<RateDoc>(RATE_LIMITS, { _id, kind, ...next });
}

/**
 * The same check, read-only and before the transaction: a person over the limit is refused before anything is
 * sent out (the content check). `takeRate` in the transaction stays the guard that counts.
 */
export async function assertRateOpen(store: Store, kind: RateKind, subject: string, now: Date): Promise<void> {
  admitted(kind, await store.get<RateDoc>(RATE_LIMITS, `${kind}_${subject}`), now);
}

function admitted(kind: RateKind, state: RateState | null, now: Date): RateState {
  const rule = RATE_RULES[kind];
  const next = admitSubmission(state, now, rule);
  if (next) return next;
  const minutes = Math.round(rule.windowMs / 60_000);
  const per = minutes > 1 ? `每${minutes}分钟` : '每分钟';
  throw new DomainError('RATE_LIMITED', `您提交得太频繁了：${per}最多${rule.limit}次，请稍后再试`);
}
