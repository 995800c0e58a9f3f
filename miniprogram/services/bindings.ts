/** View models for binding applications (the officers' 绑定审核 list). */
import type { BindingView } from '../../typings/actions';
import { formatDateTime } from './format';

export interface PendingBindingVM {
  id: string;
  name: string;
  studentNo: string;
  collegeName: string;
  submittedAt: string;
  matchLabel: string;
  matchTheme: 'success' | 'warning';
  /** Ids of the other pending claims for the same student number; approving needs the officer's explicit choice. */
  competingWith: string[];
  /** The warning shown on a competing claim; '' when there is none. */
  competingWarning: string;
  /** '' when the student has no second factor; else whether this claim carried the right one. */
  factorLabel: string;
  factorTheme: 'success' | 'danger';
}

export function toPendingBindingVM(b: BindingView): PendingBindingVM {
  return {
    id: b.id,
    name: b.name,
    studentNo: b.studentNo,
    collegeName: b.collegeName,
    submittedAt: formatDateTime(b.submittedAt),
    // A roster match is the usual case; without one, approving creates a new person record.
    matchLabel: b.rosterMatch ? '花名册已匹配' : '花名册无此人',
    matchTheme: b.rosterMatch ? 'success' : 'warning',
    competingWith: b.competingWith,
    competingWarning: b.competingWith.length
      ? `同一学号另有 ${b.competingWith.length} 份待审核申请，可能有人冒用身份。请当面核对学生证后再选择通过其中一份`
      : '',
    factorLabel: b.secondFactor === 'verified' ? '已核验绑定码' : b.secondFactor === 'missing' ? '未核验绑定码' : '',
    factorTheme: b.secondFactor === 'verified' ? 'success' : 'danger',
  };
}
