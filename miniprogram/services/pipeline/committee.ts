/**
 * The party committee's pages beside the cases: the filings waiting for its acknowledgement (A4/A7) and the people of
 * its scope with their 留党察看 and birth date (A8/A1). What may be done comes from the server (`may`); this module only
 * words it.
 */
import type { FilingView, PartyRecordView } from '../../../typings/actions/pipeline';
import { formatChineseDate } from '../format';

export interface FilingLineVM {
  id: string;
  caseId: string;
  name: string;
  meta: string;
  decisions: { decision: string; text: string }[];
}

export function toFilingLineVM(f: FilingView): FilingLineVM {
  return {
    id: f.caseId,
    caseId: f.caseId,
    name: f.personName,
    meta: `${f.stageLabel} · ${f.branchName}`,
    decisions: f.decisions.map((d) => ({
      decision: d.decision,
      text: `${d.label}（${formatChineseDate(d.decidedOn)}支部决定）`,
    })),
  };
}

export type MemberForm = 'impose' | 'restore' | 'birthDate';

export interface MemberVM {
  id: string;
  name: string;
  meta: string;
  birthDate: string;
  discipline: string;
  disciplineInForce: boolean;
  actions: { form: MemberForm; text: string }[];
}

export const MEMBER_FORM_TITLES: Record<MemberForm, string> = {
  impose: '记录留党察看',
  restore: '恢复党员权利（解除留党察看）',
  birthDate: '更正出生日期',
};

export function toMemberVM(p: PartyRecordView): MemberVM {
  const d = p.discipline;
  const discipline = !d
    ? '无留党察看记录'
    : d.inForce
      ? `留党察看中（自 ${d.since} 起）：${d.reason}`
      : `曾受留党察看（${d.since} 至 ${d.restoredOn ?? ''}），已恢复党员权利`;
  const actions: MemberVM['actions'] = [];
  if (p.may.impose) actions.push({ form: 'impose', text: MEMBER_FORM_TITLES.impose });
  if (p.may.restore) actions.push({ form: 'restore', text: MEMBER_FORM_TITLES.restore });
  if (p.may.birthDate) actions.push({ form: 'birthDate', text: MEMBER_FORM_TITLES.birthDate });
  return {
    id: p.personId,
    name: p.name,
    meta: [p.studentNo, p.statusLabel, p.branchName].filter(Boolean).join(' · '),
    birthDate: p.birthDate ? `出生日期：${p.birthDate}` : '出生日期：未登记',
    discipline,
    disciplineInForce: !!d?.inForce,
    actions,
  };
}
