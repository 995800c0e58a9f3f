/** View mappers of activist files, grades, reports and freshmen. */
import type {
  FileAssessmentView,
  FreshmanView,
  IdeologicalReportView,
  SemesterGradeView,
} from '../../../typings/actions/activists';
import {
  ACTIVIST_GRADE_LABELS,
  GRADE_COMPONENT_LABELS,
  GRADE_COMPONENTS,
  PIPELINE_RECORD_LABELS,
  REPORT_MARK_LABELS,
} from '../../../typings/vocabulary';
import { semesterLabel } from '../../domain/activists';
import type { RecordDoc } from '../pipeline/docs';
import type { FreshmanDoc, GradeDoc, ReportDoc } from './docs';

export function gradeView(g: GradeDoc, viewerId: string | null): SemesterGradeView {
  return {
    id: g._id,
    term: g.term,
    termLabel: semesterLabel(g.term),
    components: GRADE_COMPONENTS.map((k) => ({
      component: k,
      label: GRADE_COMPONENT_LABELS[k],
      score: g.components[k],
      weight: g.weights[k],
    })),
    score: g.score,
    computed: g.computed,
    computedLabel: ACTIVIST_GRADE_LABELS[g.computed],
    decision: g.decision
      ? {
          grade: g.decision.grade,
          label: ACTIVIST_GRADE_LABELS[g.decision.grade],
          reason: g.decision.reason,
          on: g.decision.on,
        }
      : null,
    appeal: g.appeal
      ? {
          reason: g.appeal.reason,
          on: g.appeal.on,
          answer: g.appeal.answer
            ? {
                text: g.appeal.answer.text,
                on: g.appeal.answer.on,
                changedTo: g.appeal.answer.changedTo ? ACTIVIST_GRADE_LABELS[g.appeal.answer.changedTo] : null,
              }
            : null,
        }
      : null,
    mayAppeal: viewerId === g.personId && g.decision !== null && g.appeal === null,
  };
}

/** `contactIds`: the file's contacts now (a report may be reviewed by whoever is the contact when it is read). */
export function reportView(
  r: ReportDoc,
  viewerId: string | null,
  contactIds: readonly string[],
): IdeologicalReportView {
  return {
    id: r._id,
    title: r.title,
    text: r.text,
    submittedOn: r.submittedOn,
    term: r.term,
    review: r.review
      ? {
          mark: r.review.mark,
          markLabel: REPORT_MARK_LABELS[r.review.mark],
          comment: r.review.comment,
          by: r.review.byName,
          on: r.review.on,
        }
      : null,
    mayReview: r.review === null && viewerId !== null && contactIds.includes(viewerId),
  };
}

export function freshmanView(f: FreshmanDoc, firstLessonAttended: boolean | null): FreshmanView {
  return {
    id: f._id,
    studentNo: f.studentNo,
    name: f.name,
    gender: f.gender,
    className: f.className,
    enrolYear: f.enrolYear,
    politicalStatus: f.politicalStatus,
    origin: f.origin,
    offices: f.offices,
    remark: f.remark,
    watch: f.watch ? { reason: f.watch.reason, on: f.watch.on } : null,
    firstLessonAttended,
  };
}

/** A6/D6: an assessment or activity record of the case, as the file shows it (`branchId`: the home branch). */
export function assessmentView(r: RecordDoc, branchId: string): FileAssessmentView {
  const kind = r.kind === 'activity' ? 'activity' : 'assessment';
  return {
    id: r._id,
    kind,
    kindLabel: PIPELINE_RECORD_LABELS[kind],
    on: r.on,
    text: r.text ?? '',
    by: r.byName,
    fromUnitName: r.fromUnitName,
    fromTemporary: r.fromUnitId !== branchId,
  };
}
