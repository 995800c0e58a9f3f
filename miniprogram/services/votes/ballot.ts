/** The ballot and the 书面意见 form: the buttons of each section, the marks in hand, the review before casting. */
import type { CandidateView } from '../../../typings/actions/votes';
import { MARK_LABELS, type MarkValue } from '../../typings/vocabulary';

export interface MarkOption {
  value: MarkValue;
  label: string;
}

/** The buttons of one ballot section, in the contract's order (grades end with 弃权). */
export function markOptions(values: readonly MarkValue[]): MarkOption[] {
  return values.map((value) => ({ value, label: MARK_LABELS[value] }));
}

export type Marks = Record<string, MarkValue>;

export function yesCount(marks: Marks): number {
  return Object.values(marks).filter((m) => m === 'yes').length;
}

/**
 * Whether `value` may be put against `candidateId` given the other marks: on an election ballot 赞成 is closed once
 * the view's `maxYes` is reached, except on a candidate who already has it (the server spoils nothing: it refuses
 * an over-marked ballot, F2).
 */
export function markAllowed(value: MarkValue, candidateId: string, marks: Marks, maxYes: number | null): boolean {
  if (value !== 'yes' || maxYes === null) return true;
  return marks[candidateId] === 'yes' || yesCount(marks) < maxYes;
}

/** The marks in ballot order, as votes.cast takes them. */
export function castMarks(
  candidates: readonly CandidateView[],
  marks: Marks,
): { candidateId: string; choice: MarkValue }[] {
  return candidates.filter((c) => marks[c.id]).map((c) => ({ candidateId: c.id, choice: marks[c.id] }));
}

export interface ReviewRowVM {
  id: string;
  index: number;
  name: string;
  label: string;
  value: MarkValue;
}

export function reviewRows(candidates: readonly CandidateView[], marks: Marks): ReviewRowVM[] {
  return candidates.map((c, i) => ({
    id: c.id,
    index: i,
    name: c.name,
    value: marks[c.id],
    label: marks[c.id] ? MARK_LABELS[marks[c.id]] : '未选择',
  }));
}

/** `赞成 3 · 反对 1 · 弃权 1` for the confirm dialog: counts only, in the form's order. */
export function marksSummary(values: readonly MarkValue[], marks: Marks): string {
  const all = Object.values(marks);
  return values
    .map((v) => ({ v, n: all.filter((m) => m === v).length }))
    .filter((x) => x.n > 0)
    .map((x) => `${MARK_LABELS[x.v]} ${x.n}`)
    .join(' · ');
}
