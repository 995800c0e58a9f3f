/**
 * View models of the 积极分子档案 pages. Every score, weight, quota and permission comes from the server's views
 * (activists.file, activists.branchFiles); this module only words them. The one transport is services/api.ts.
 */
import type {
  ActivistFileView,
  BranchFileRow,
  BranchFilesView,
  IdeologicalReportView,
  SemesterGradeView,
} from '../../../typings/actions';

export interface ComponentVM {
  label: string;
  text: string;
}

export interface GradeVM {
  id: string;
  termLabel: string;
  score: string;
  computed: string;
  decided: string;
  decisionReason: string;
  components: ComponentVM[];
  appeal: { reason: string; on: string; answer: string; answerOn: string; changedTo: string } | null;
  mayAppeal: boolean;
}

export function toGradeVM(g: SemesterGradeView): GradeVM {
  return {
    id: g.id,
    termLabel: g.termLabel,
    score: `${g.score} 分`,
    computed: `计算等次：${g.computedLabel}`,
    decided: g.decision ? `支委会确定：${g.decision.label}（${g.decision.on}）` : '支委会尚未确定等次',
    decisionReason: g.decision?.reason ? `理由：${g.decision.reason}` : '',
    components: g.components.map((c) => ({
      label: c.label,
      text: c.score === null ? `权重 ${c.weight}% · 本学期无此项，已分摊` : `${c.score} 分 · 权重 ${c.weight}%`,
    })),
    appeal: g.appeal
      ? {
          reason: g.appeal.reason,
          on: g.appeal.on,
          answer: g.appeal.answer ? g.appeal.answer.text : '',
          answerOn: g.appeal.answer ? g.appeal.answer.on : '',
          changedTo: g.appeal.answer?.changedTo ? `等次调整为：${g.appeal.answer.changedTo}` : '',
        }
      : null,
    mayAppeal: g.mayAppeal,
  };
}

export interface ReportVM {
  id: string;
  title: string;
  meta: string;
  text: string;
  review: string;
  comment: string;
  mayReview: boolean;
}

export function toReportVM(r: IdeologicalReportView): ReportVM {
  return {
    id: r.id,
    title: r.title,
    meta: `提交于 ${r.submittedOn}`,
    text: r.text,
    review: r.review ? `质量评定：${r.review.markLabel} · ${r.review.by} ${r.review.on}` : '等待培养联系人审阅',
    comment: r.review?.comment ?? '',
    mayReview: r.mayReview,
  };
}

export interface FileVM {
  name: string;
  branch: string;
  contacts: string;
  attendance: string;
  hours: string;
  firstLesson: string;
  exams: { id: string; text: string }[];
  contributions: { id: string; title: string; text: string; evidence: number }[];
  /** The development case's assessments and activity records (a temporary branch's flow home). */
  assessments: { id: string; title: string; meta: string; text: string }[];
  notes: { text: string; meta: string }[] | null;
  grades: GradeVM[];
  reports: ReportVM[];
  pendingReviews: number;
}

export function toFileVM(f: ActivistFileView): FileVM {
  const a = f.attendance;
  return {
    name: f.name,
    branch: `${f.branchName} · 建档于 ${f.openedOn}`,
    contacts: `培养联系人：${f.contacts.map((c) => c.name).join('、') || '未指定'}`,
    attendance: `出勤 ${a.present} 次 · 请假 ${a.onLeave} 次 · 缺勤 ${a.absent} 次`,
    hours: `累计培训 ${a.hours} 学时`,
    firstLesson: f.firstLesson
      ? `入党第一课「${f.firstLesson.title}」：${f.firstLesson.attended ? '已参加' : '未参加'}`
      : '',
    exams: f.exams.map((x) => ({
      id: x.programId,
      text: `${x.title}：${x.score}/${x.total} 分 · ${x.passed ? '通过' : '未通过'}`,
    })),
    contributions: f.contributions.map((c) => ({
      id: c.id,
      title: c.title,
      text: `${c.on} · ${c.points} 分 · ${c.description}`,
      evidence: c.evidence.length,
    })),
    assessments: f.assessments.map((x) => ({
      id: x.id,
      title: `${x.kindLabel} · ${x.on}`,
      meta: `${x.fromUnitName}${x.fromTemporary ? '（临时支部报送）' : ''} · ${x.by}`,
      text: x.text,
    })),
    notes: f.notes ? f.notes.map((n) => ({ text: n.text, meta: `${n.by} ${n.on}` })) : null,
    grades: f.grades.map(toGradeVM),
    reports: f.reports.map(toReportVM),
    pendingReviews: f.reports.filter((r) => r.mayReview).length,
  };
}

export interface GradingRowVM {
  personId: string;
  name: string;
  reports: string;
  score: string;
  computed: string;
  decided: string;
  appeal: string;
  gradeId: string;
  /** What the secretary can still do on this row. */
  canDecide: boolean;
  canAnswer: boolean;
}

export function toGradingRowVM(row: BranchFileRow): GradingRowVM {
  const g = row.grade;
  return {
    personId: row.personId,
    name: row.name,
    reports: `本学期思想汇报 ${row.reports} 份 · 考察 ${row.assessments} 次${row.lastAssessedOn ? `（最近 ${row.lastAssessedOn}）` : ''}`,
    score: g ? `${g.score} 分` : '尚未计算',
    computed: g ? `计算：${g.computedLabel}` : '',
    decided: g?.decision ? `确定：${g.decision.label}` : g ? '待支委会确定' : '',
    appeal: g?.appeal ? (g.appeal.answer ? '申诉已答复' : `申诉待答复：${g.appeal.reason}`) : '',
    gradeId: g?.id ?? '',
    canDecide: g !== null && g.appeal === null,
    canAnswer: g !== null && g.appeal !== null && g.appeal.answer === null,
  };
}

export interface GradingVM {
  title: string;
  quota: string;
  rows: GradingRowVM[];
  decidedAny: boolean;
}

export function toGradingVM(v: BranchFilesView): GradingVM {
  return {
    title: `${v.branchName} · ${v.termLabel}`,
    quota:
      v.excellentLimit === null
        ? `已评定 ${v.graded} 人 · 本支部未设优秀比例`
        : `已评定 ${v.graded} 人 · 优秀 ${v.excellentDecided} / 上限 ${v.excellentLimit}`,
    rows: v.files.map(toGradingRowVM),
    decidedAny: v.files.some((f) => f.grade?.decision),
  };
}
