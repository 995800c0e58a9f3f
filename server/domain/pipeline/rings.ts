/**
 * The review and evaluation rings of the "4453" model (S6, S7) and the records handed over with the file (A23):
 * plain functions on facts the caller loaded, no clock, no database.
 */
import type { DossierForm, EvaluationResult, PreExamConclusion, PreExamLevel } from '../../../typings/vocabulary';

export interface PreExamFacts {
  college?: { conclusion: PreExamConclusion } | undefined;
  school?: { conclusion: PreExamConclusion } | undefined;
}

/**
 * S7 (the review ring: two-level pre-examination): the college's party committee pre-examines first; the school's
 * follows only a college pre-examination that passed, and not twice once it has passed. A level that returned the
 * case for more material may examine it again. Answers null when the level may be recorded, or what is missing.
 */
export function preExamInOrder(level: PreExamLevel, held: PreExamFacts): string | null {
  if (held.school?.conclusion === 'passed') return '两级预审均已通过';
  if (level === 'school' && held.college?.conclusion !== 'passed') return '须先经学院党委（党总支）预审通过';
  if (level === 'college' && held.college?.conclusion === 'passed') return '学院党委（党总支）预审已通过';
  return null;
}

/** S6 (the evaluation ring): an evaluation below 一般 asks the branch to help the person (帮扶). */
export function evaluatedPoorly(results: readonly EvaluationResult[]): boolean {
  return results.includes('poor');
}

/** What each paper form of the dossier is made from (A23: cultivation and assessment records go with the file). */
export interface FormMaterial {
  tuiyou: number;
  recommendations: number;
  assessments: number;
  resolutions: number;
  publicity: number;
  talks: number;
}

/** A23: whether the dossier holds what `form` is made from; null when it does, else what is missing. */
export function formMissing(form: DossierForm, m: FormMaterial): string | null {
  switch (form) {
    case 'tuiyou':
      return m.tuiyou + m.recommendations > 0 ? null : '尚无团组织推优或党员推荐记录';
    case 'assessment':
      return m.assessments > 0 ? null : '尚无考察记录';
    case 'resolution':
      return m.resolutions > 0 ? null : '尚无支部表决结果';
    case 'publicity':
      return m.publicity > 0 ? null : '尚无关联的公示';
    case 'talks':
      return m.talks > 0 ? null : '尚无谈话记录';
  }
}
