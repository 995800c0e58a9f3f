/**
 * The review and evaluation rings as records of the case: the three evaluations of an assessment (S6: teacher and
 * student representatives, democratic evaluation in the unit, self-evaluation), entered with the assessment, and the
 * two-level pre-examination (S7: the college's party committee, then the school's), each level in writing by its
 * own committee. Both show on the case's responsibility chain and in the dossier.
 */
import type { Evaluations } from '../../../typings/actions/dossier';
import type { Person, Role } from '../../../typings/domain';
import { PRE_EXAM_CONCLUSION_LABELS, PRE_EXAM_LEVEL_LABELS, type PreExamLevel } from '../../../typings/vocabulary';
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { positionIsActive } from '../../domain/org/permissions';
import { preExamInOrder } from '../../domain/pipeline';
import { assertSees } from './access';
import type { CaseDoc } from './docs';
import { requireCase } from './load';
import { assertRecordDate, baseRecord, saveWithCase } from './records';

type EvaluationsInput = import('zod').output<typeof Evaluations>;

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

function addName(list: readonly string[] | undefined, name: string): string[] {
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

const LEVEL_SHORT: Record<PreExamLevel, string> = { college: '学院', school: '学校' };

export const pipelineRecordPreExam = defineAction({
  name: 'pipeline.recordPreExam',
  summary:
    '记录两级预审：先由学院党委（党总支）、再由学校党委组织部书面预审，各由本级办理（S7）；预审意见记入发展档案和责任链',
  access: { kind: 'member' },
  errors: [
    'CASE_NOT_FOUND',
    'OUT_OF_SCOPE',
    'NOT_COMMITTEE',
    'STEP_OUT_OF_ORDER',
    'RECORD_BACKDATED',
    'RECORD_IN_FUTURE',
    'CONFLICT',
  ],
  async run({ actor, store, today, nowIso, write }, input) {
    const c = await requireCase(store, input.caseId);
    assertSees(actor, c, today);
    if (!preExaminesAt(actor.person, c, input.level, today)) throw new DomainError('NOT_COMMITTEE');
    if (c.stage !== 'development_candidate' || c.preExamOn) {
      throw new DomainError('STEP_OUT_OF_ORDER', '预审在确定为发展对象之后、党委预审结论之前进行');
    }
    const missing = preExamInOrder(input.level, c.preExams ?? {});
    if (missing) throw new DomainError('STEP_OUT_OF_ORDER', missing);
    assertRecordDate(input.on, today);
    const by = actor.requirePerson();
    const record = baseRecord(c, by, nowIso, {
      kind: 'pre_exam',
      on: input.on,
      title: `${PRE_EXAM_LEVEL_LABELS[input.level]}：${PRE_EXAM_CONCLUSION_LABELS[input.conclusion]}`,
      text: input.opinion,
      attachments: input.attachments,
      preExam: { level: input.level, conclusion: input.conclusion },
    });
    await saveWithCase(
      write,
      c,
      record,
      (cur) => {
        // Read inside the transaction: a level recorded meanwhile makes this one wait its turn.
        const again = preExamInOrder(input.level, cur.preExams ?? {});
        if (again) throw new DomainError('STEP_OUT_OF_ORDER', again);
        return {
          ...cur,
          preExams: {
            ...cur.preExams,
            [input.level]: { on: input.on, conclusion: input.conclusion, byName: by.name },
          },
          chain: {
            ...cur.chain,
            preExaminedBy: addName(cur.chain.preExaminedBy, `${by.name}（${LEVEL_SHORT[input.level]}）`),
          },
        };
      },
      nowIso,
    );
    return { recordId: record._id, caseId: record.caseId };
  },
});
