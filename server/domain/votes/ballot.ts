/**
 * Ballots. One section per candidate (F2): 赞成 / 反对 / 弃权, or a grade on an evaluation form. A section
 * left blank is 弃权.
 *
 * Paper rules (F2; 基层组织选举工作条例) make some ballots 无效 after the fact. An electronic ballot can refuse
 * them before they are cast, so `validateBallot` rejects at submission (BALLOT_MALFORMED / TOO_MANY_MARKS)
 * and the voter corrects the form:
 *   - a mark for a candidate not on the ballot            → rejected
 *   - two marks for one candidate (F2: 多选 = 无效)         → rejected
 *   - a value the form does not offer (a grade on 赞成/反对) → rejected
 *   - more 赞成 than seats in an election (F2: 无效票)      → rejected (TOO_MANY_MARKS)
 * `readBallot`, used when counting, applies the paper rules to anything that still arrives malformed
 * (a ballot entered from paper, or stored under older checks): a bad section is 无效 for that candidate,
 * an over-marked or foreign ballot is 无效 for every candidate. It never throws.
 */
import type { MarkValue } from '../../../typings/actions/votes';
import { CHOICES, GRADES } from '../../../typings/actions/votes';
import { DomainError } from '../errors';
import type { BallotForm, RuleSet } from './rules';
import { overMarked } from './thresholds';

export interface Mark {
  candidateId: string;
  choice: MarkValue;
}

export interface BallotSpec {
  form: BallotForm;
  /** Candidates (or evaluation subjects) in ballot order. */
  candidateIds: readonly string[];
  /** At most this many 赞成 on one ballot (elections, 评优); null when each candidate stands alone. */
  maxYes: number | null;
}

/** The form a vote's ballots follow. Elections cap 赞成 at the number of seats. */
export function ballotSpecFor(ruleSet: RuleSet, candidateIds: readonly string[], seats: number | null): BallotSpec {
  return {
    form: ruleSet.ballotForm,
    candidateIds: [...candidateIds],
    maxYes: ruleSet.mode === 'seats' ? seats : null,
  };
}

const GRADE_FORM: readonly MarkValue[] = [...GRADES, 'abstain'];

/** Values the form offers against each candidate. */
export function valuesOnForm(form: BallotForm): readonly MarkValue[] {
  return form === 'grades' ? GRADE_FORM : CHOICES;
}

export type BallotProblem =
  | { problem: 'unknown_candidate'; candidateId: string }
  | { problem: 'duplicate_mark'; candidateId: string }
  | { problem: 'value_not_on_form'; candidateId: string }
  | { problem: 'over_marked'; yes: number; seats: number };

/** Everything wrong with a ballot, in the order found. An empty list means the ballot is well formed. */
export function ballotProblems(marks: readonly Mark[], spec: BallotSpec): BallotProblem[] {
  const problems: BallotProblem[] = [];
  const known = new Set(spec.candidateIds);
  const offered = valuesOnForm(spec.form);
  const seen = new Map<string, number>();
  for (const m of marks) seen.set(m.candidateId, (seen.get(m.candidateId) ?? 0) + 1);
  for (const [candidateId, n] of seen) {
    if (!known.has(candidateId)) problems.push({ problem: 'unknown_candidate', candidateId });
    else if (n > 1) problems.push({ problem: 'duplicate_mark', candidateId });
  }
  for (const m of marks) {
    if (known.has(m.candidateId) && !offered.includes(m.choice)) {
      problems.push({ problem: 'value_not_on_form', candidateId: m.candidateId });
    }
  }
  if (spec.maxYes !== null) {
    const yes = marks.filter((m) => m.choice === 'yes' && known.has(m.candidateId) && seen.get(m.candidateId) === 1);
    if (overMarked(yes.length, spec.maxYes))
      problems.push({ problem: 'over_marked', yes: yes.length, seats: spec.maxYes });
  }
  return problems;
}

/**
 * Checks a ballot at submission and fills blank sections with 弃权. Returns one mark per candidate in
 * ballot order: the form that is stored (without the voter).
 */
export function validateBallot(marks: readonly Mark[], spec: BallotSpec): Mark[] {
  const problems = ballotProblems(marks, spec);
  const over = problems.find((p) => p.problem === 'over_marked');
  if (over && over.problem === 'over_marked') {
    throw new DomainError('TOO_MANY_MARKS', `赞成人数不能超过应选名额 ${over.seats} 名`, {
      marks: `选了 ${over.yes} 名`,
    });
  }
  if (problems.length > 0) {
    const fields: Record<string, string> = {};
    for (const p of problems) if (p.problem !== 'over_marked') fields[p.candidateId] = PROBLEM_TEXT[p.problem];
    throw new DomainError('BALLOT_MALFORMED', undefined, fields);
  }
  const byCandidate = new Map(marks.map((m) => [m.candidateId, m.choice]));
  return spec.candidateIds.map((candidateId) => ({ candidateId, choice: byCandidate.get(candidateId) ?? 'abstain' }));
}

const PROBLEM_TEXT = {
  unknown_candidate: '不在候选人名单中',
  duplicate_mark: '只能选择一项',
  value_not_on_form: '选项不正确',
} as const;

/** How one ballot reads at count time. */
export interface ReadBallot {
  /** The whole ballot is 无效 (over-marked, or it names someone not on the ballot). */
  invalid: boolean;
  /** Per candidate: the value, or 'invalid' for a spoilt section. Blank sections read 弃权. */
  values: Map<string, MarkValue | 'invalid'>;
}

/** F2 paper rules at count time; never throws. */
export function readBallot(marks: readonly Mark[], spec: BallotSpec): ReadBallot {
  const problems = ballotProblems(marks, spec);
  const values = new Map<string, MarkValue | 'invalid'>();
  const whole = problems.some((p) => p.problem === 'over_marked' || p.problem === 'unknown_candidate');
  const spoilt = new Set(
    problems.flatMap((p) =>
      p.problem === 'duplicate_mark' || p.problem === 'value_not_on_form' ? [p.candidateId] : [],
    ),
  );
  const byCandidate = new Map(marks.map((m) => [m.candidateId, m.choice]));
  for (const id of spec.candidateIds) {
    values.set(id, whole || spoilt.has(id) ? 'invalid' : (byCandidate.get(id) ?? 'abstain'));
  }
  return { invalid: whole, values };
}
