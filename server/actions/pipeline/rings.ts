/**
 * What the records of the review and evaluation rings need without a database: the three evaluations an assessment
 * input carries (S6), the chain with one more evaluator, and who pre-examines at which level (S7). Kept apart from
 * the actions so records.ts and evaluations.ts both use them without importing each other.
 */
import type * as z from 'zod';
import type { Evaluations } from '../../../typings/actions/dossier';
import type { Person, Role } from '../../../typings/domain';
import type { PreExamLevel } from '../../../typings/vocabulary';
import { DomainError } from '../../domain/errors';
import { positionIsActive } from '../../domain/org/permissions';
import type { CaseDoc } from './docs';

type EvaluationsInput = z.output<typeof Evaluations>;

/** S6: the evaluations of an assessment input; an activity record carries none (BAD_INPUT). */
export function assessmentEvaluations(input: {
  kind: 'assessment' | 'activity';
  evaluations?: EvaluationsInput;
}): EvaluationsInput | null {
  if (!input.evaluations) return null;
  if (input.kind !== 'assessment') {
    throw new DomainError('BAD_INPUT', '活动表现记录不填写三评', { evaluations: '三评只随考察记录填写' });
  }
  return input.evaluations;
}

export function addName(list: readonly string[] | undefined, name: string): string[] {
  const l = list ?? [];
  return l.includes(name) ? [...l] : [...l, name];
}

/** The chain with one more evaluator (S6). */
export function withEvaluator(chain: CaseDoc['chain'], name: string): CaseDoc['chain'] {
  return { ...chain, evaluatedBy: addName(chain.evaluatedBy, name) };
}

/** S7: the roles that pre-examine at each level, held in a unit above the branch in the party line. */
const LEVEL_ROLES: Record<PreExamLevel, readonly Role[]> = {
  college: ['college_officer'],
  school: ['party_committee_admin', 'school_admin'],
};

/** Whether the person pre-examines this case at `level` today (an office of that level over the branch). */
export function preExaminesAt(person: Person | null, c: CaseDoc, level: PreExamLevel, today: string): boolean {
  return (person?.positions ?? []).some(
    (p) =>
      positionIsActive(p, today) &&
      LEVEL_ROLES[level].includes(p.role) &&
      p.unitId !== c.branchId &&
      c.scope.includes(p.unitId),
  );
}
