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
  };
}
