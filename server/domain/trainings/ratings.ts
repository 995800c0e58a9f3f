/**
 * Ratings of sessions and trainers (a product decision): content, delivery and usefulness from 1 to 5. Only
 * aggregates are kept and shown, never who said what, and no aggregate from fewer than 3 ratings (a smaller group
 * would let a trainer guess the rater).
 */
import type { RatingDimension } from '../../../typings/vocabulary';

export const MIN_RATINGS_SHOWN = 3;

export interface RatingTotals {
  n: number;
  sums: Record<RatingDimension, number>;
}

export const EMPTY_TOTALS: RatingTotals = { n: 0, sums: { content: 0, delivery: 0, usefulness: 0 } };

export function addTotals(a: RatingTotals, b: RatingTotals): RatingTotals {
  return {
    n: a.n + b.n,
    sums: {
      content: a.sums.content + b.sums.content,
      delivery: a.sums.delivery + b.sums.delivery,
      usefulness: a.sums.usefulness + b.sums.usefulness,
    },
  };
}

export interface RatingAggregate {
  n: number;
  content: number;
  delivery: number;
  usefulness: number;
  overall: number;
}

/** Averages to one decimal, or null (hidden) below MIN_RATINGS_SHOWN ratings. */
export function ratingAggregate(t: RatingTotals): RatingAggregate | null {
  if (t.n < MIN_RATINGS_SHOWN) return null;
  const avg = (x: number) => Math.round((x / t.n) * 10) / 10;
  return {
    n: t.n,
    content: avg(t.sums.content),
    delivery: avg(t.sums.delivery),
    usefulness: avg(t.sums.usefulness),
    overall: avg((t.sums.content + t.sums.delivery + t.sums.usefulness) / 3),
  };
}
