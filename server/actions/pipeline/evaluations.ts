/**
 * The review ring as records of the case: the two-level pre-examination (S7: the college's party committee, then the
 * school's), each level in writing by its own committee, shown on the case's responsibility chain and in the
 * dossier. (The evaluation ring's three evaluations, S6, come with an assessment: records.ts and rings.ts.)
 */
import { PRE_EXAM_CONCLUSION_LABELS, PRE_EXAM_LEVEL_LABELS, type PreExamLevel } from '../../../typings/vocabulary';
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { preExamInOrder } from '../../domain/pipeline';
import { assertSees } from './access';
import { ATTACHMENT_ERRORS, assertAttachments } from './attachments';
import { requireCase } from './load';
import { assertRecordDate, baseRecord, saveWithCase } from './records';
import { addName, preExaminesAt } from './rings';

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
    ...ATTACHMENT_ERRORS,
  ],
  async run({ actor, store, ports, today, nowIso, write }, input) {
    const c = await requireCase(store, input.caseId);
    assertSees(actor, c, today);
    if (!preExaminesAt(actor.person, c, input.level, today)) throw new DomainError('NOT_COMMITTEE');
    if (c.stage !== 'development_candidate' || c.preExamOn) {
      throw new DomainError('STEP_OUT_OF_ORDER', '预审在确定为发展对象之后、党委预审结论之前进行');
    }
    const missing = preExamInOrder(input.level, c.preExams ?? {});
    if (missing) throw new DomainError('STEP_OUT_OF_ORDER', missing);
    assertRecordDate(input.on, today);
    await assertAttachments(ports.files, c._id, input.attachments);
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
