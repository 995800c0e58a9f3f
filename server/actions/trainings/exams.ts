/**
 * Exams: the organiser sets a paper (single, multiple, true/false) with a pass mark and a deadline, or an offline
 * exam whose scores they enter. Trainees see the paper without its key, submit once before the deadline, and are
 * scored on the server.
 */
import { QUESTION_KIND_LABELS } from '../../../typings/vocabulary';
import { defineAction } from '../../action';
import { DomainError } from '../../domain/errors';
import { assertExamOpen, assertExamWellFormed, scoreExam, totalPoints } from '../../domain/trainings';
import { existsOnce } from '../../store';
import { assertManage, canManage } from './access';
import {
  ENROLMENTS,
  type EnrolmentDoc,
  EXAMS,
  type ExamDef,
  type ExamSubmissionDoc,
  enrolmentId,
  examId,
  PROGRAMS,
} from './docs';
import { requireProgram } from './load';

export const trainingsSetExam = defineAction({
  name: 'trainings.setExam',
  summary: '设置结业考试：线上试卷（单选、多选、判断，服务器评分）或线下考试，及格分和截止时间',
  access: { kind: 'permission', permission: 'training.manage' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'EXAM_MALFORMED'],
  async run({ actor, store, write }, input) {
    const program = await requireProgram(store, input.programId);
    assertManage(actor, program);
    let exam: ExamDef;
    if (input.offline) {
      if (!input.offlineTotal || input.questions.length > 0) {
        throw new DomainError('EXAM_MALFORMED', '线下考试须填写总分，且不设线上试题');
      }
      if (input.passMark > input.offlineTotal) throw new DomainError('EXAM_MALFORMED', '及格分高于总分');
      exam = {
        questions: [],
        passMark: input.passMark,
        total: input.offlineTotal,
        deadline: input.deadline,
        offline: true,
      };
    } else {
      assertExamWellFormed(input.questions, input.passMark);
      exam = {
        questions: input.questions,
        passMark: input.passMark,
        total: totalPoints(input.questions),
        deadline: input.deadline,
        offline: false,
      };
    }
    await write(async (tx) => {
      await tx.patch(PROGRAMS, program._id, { exam: store.command.set(exam) });
      tx.audit('trainings.setExam', `${PROGRAMS}/${program._id}`, program.exam, exam);
    });
    return { questions: exam.questions.length, total: exam.total };
  },
});

export const trainingsExam = defineAction({
  name: 'trainings.exam',
  summary: '考试：试题（不含答案）与我的成绩',
  access: { kind: 'member' },
  errors: ['NOT_FOUND', 'NOT_ENROLLED', 'EXAM_NOT_SET'],
  async run({ actor, store }, { programId }) {
    const me = actor.requirePerson();
    const program = await requireProgram(store, programId);
    const [enrolment, mine] = await Promise.all([
      store.get<EnrolmentDoc>(ENROLMENTS, enrolmentId(programId, me._id)),
      store.get<ExamSubmissionDoc>(EXAMS, examId(programId, me._id)),
    ]);
    if (enrolment?.state !== 'enrolled' && !canManage(actor, program)) throw new DomainError('NOT_ENROLLED');
    if (!program.exam) throw new DomainError('EXAM_NOT_SET');
    const exam = program.exam;
    return {
      programId,
      deadline: exam.deadline,
      passMark: exam.passMark,
      total: exam.total,
      offline: exam.offline,
      // The key stays on the server: only id, kind, text, options and points leave it.
      questions: mine
        ? []
        : exam.questions.map((q) => ({
            id: q.id,
            kind: q.kind,
            kindLabel: QUESTION_KIND_LABELS[q.kind],
            text: q.text,
            options: q.options,
            points: q.points,
          })),
      mine: mine ? { score: mine.score, passed: mine.passed, submittedAt: mine.submittedAt } : null,
    };
  },
});

export const trainingsSubmitExam = defineAction({
  name: 'trainings.submitExam',
  summary: '提交答卷（截止前一次），服务器评分',
  access: { kind: 'member' },
  errors: ['NOT_FOUND', 'NOT_ENROLLED', 'EXAM_NOT_SET', 'EXAM_CLOSED', 'EXAM_ALREADY_SUBMITTED', 'EXAM_ANSWER_UNKNOWN'],
  async run({ actor, store, write, now, nowIso }, { programId, answers }) {
    const me = actor.requirePerson();
    const program = await requireProgram(store, programId);
    const enrolment = await store.get<EnrolmentDoc>(ENROLMENTS, enrolmentId(programId, me._id));
    if (enrolment?.state !== 'enrolled') throw new DomainError('NOT_ENROLLED');
    if (!program.exam || program.exam.offline) throw new DomainError('EXAM_NOT_SET');
    assertExamOpen(program.exam.deadline, now);
    const result = scoreExam(program.exam.questions, answers, program.exam.passMark);
    const doc: ExamSubmissionDoc = {
      _id: examId(programId, me._id),
      programId,
      personId: me._id,
      score: result.score,
      total: result.total,
      passed: result.passed,
      submittedAt: nowIso,
      offline: false,
      recordedBy: me._id,
    };
    await existsOnce('EXAM_ALREADY_SUBMITTED', () =>
      write(async (tx) => {
        await tx.create('trainings.submitExam', EXAMS, doc);
      }),
    );
    return { score: result.score, total: result.total, passed: result.passed };
  },
});

export const trainingsRecordScores = defineAction({
  name: 'trainings.recordScores',
  summary: '录入线下考试成绩（记入审计）',
  access: { kind: 'permission', permission: 'training.manage' },
  errors: ['NOT_FOUND', 'OUT_OF_SCOPE', 'EXAM_NOT_SET', 'NOT_ENROLLED'],
  async run({ actor, store, write, nowIso }, { programId, scores }) {
    const me = actor.requirePerson();
    const program = await requireProgram(store, programId);
    assertManage(actor, program);
    const exam = program.exam;
    if (!exam?.offline) throw new DomainError('EXAM_NOT_SET', '该项目没有设置线下考试');
    const over = scores.findIndex((s) => s.score > exam.total);
    if (over >= 0) throw new DomainError('BAD_INPUT', undefined, { [`scores.${over}.score`]: '成绩高于总分' });
    const enrolments = await store.byIds<EnrolmentDoc>(
      ENROLMENTS,
      scores.map((s) => enrolmentId(programId, s.personId)),
    );
    const missing = scores.find((s) => enrolments.get(enrolmentId(programId, s.personId))?.state !== 'enrolled');
    if (missing) throw new DomainError('NOT_ENROLLED', '名单中有人员未报名此培训');
    await write(async (tx) => {
      for (const s of scores) {
        const id = examId(programId, s.personId);
        const before = await tx.get<ExamSubmissionDoc>(EXAMS, id);
        const doc: ExamSubmissionDoc = {
          _id: id,
          programId,
          personId: s.personId,
          score: s.score,
          total: exam.total,
          passed: s.score >= exam.passMark,
          submittedAt: nowIso,
          offline: true,
          recordedBy: me._id,
        };
        await tx.put(EXAMS, doc);
        tx.audit('trainings.recordScore', `${EXAMS}/${id}`, before, doc);
      }
    });
    return { recorded: scores.length };
  },
});
