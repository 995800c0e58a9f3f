/**
 * 我的入党历程: the student's own case as the server sends it — stage, rule version, the next item with its due day,
 * the gates of the next step with what is missing, the records in order and who was responsible. Nothing here
 * decides a rule: the view carries the dates and the gates' verdicts; this module only words them.
 */
import type { CaseView, GateView, ReminderStatusView, TodoView } from '../../../typings/actions/pipeline';
import { formatChineseDate } from '../format';
import { type AttachmentVM, toAttachmentVMs } from './attachments';

export interface GateVM {
  id: string;
  label: string;
  /** 已满足 / 有提醒 / 未满足 / 办理时核验. */
  status: string;
  statusClass: 'met' | 'warned' | 'missing' | 'pending';
  detail: string;
}

export interface RecordVM {
  id: string;
  date: string;
  title: string;
  meta: string;
  attachments: AttachmentVM[];
}

export interface ChainLineVM {
  label: string;
  names: string;
}

export interface JourneyVM {
  stageLabel: string;
  versionLabel: string;
  appliedText: string;
  nextText: string;
  dueText: string;
  overdue: boolean;
  gates: GateVM[];
  records: RecordVM[];
  chain: ChainLineVM[];
  standingText: string;
  /** The server's word that the person applies again (A1: the application was made under 18). */
  reapply: boolean;
}

const GATE_STATUS: Record<GateView['state'], { status: string; statusClass: GateVM['statusClass'] }> = {
  pass: { status: '已满足', statusClass: 'met' },
  fail: { status: '未满足', statusClass: 'missing' },
  at_step: { status: '办理时核验', statusClass: 'pending' },
};

function dueText(v: CaseView): string {
  const n = v.next;
  if (!n) return '';
  if (n.due) return `${n.overdue ? '已逾期，' : ''}应于${formatChineseDate(n.due)}前完成`;
  if (n.notBefore) return `${formatChineseDate(n.notBefore)}起可以办理`;
  return '';
}

/** Who was responsible, link by link (the links nobody holds yet are left out). */
export function chainLines(chain: CaseView['chain']): ChainLineVM[] {
  return [
    { label: '入党介绍人', names: chain.introducedBy.join('、') },
    { label: '培养联系人', names: chain.cultivatedBy.join('、') },
    { label: '谈话人', names: chain.talkedBy.join('、') },
    { label: '考察评议', names: (chain.evaluatedBy ?? []).join('、') },
    { label: '审查、预审', names: chain.reviewedBy.join('、') },
    { label: '两级预审', names: (chain.preExaminedBy ?? []).join('、') },
    { label: '审批', names: chain.approvedBy.join('、') },
  ].filter((l) => l.names);
}

/** What a case with no next step says: it ended as a full member, or its probationary membership was cancelled. */
export function endedText(stage: CaseView['stage']): string {
  return stage === 'cancelled' ? '预备党员资格已取消，发展程序终止' : '发展程序已完成';
}

export function toJourneyVM(v: CaseView): JourneyVM {
  const chain = chainLines(v.chain);
  return {
    stageLabel: v.stageLabel,
    versionLabel: v.ruleVersionLabel,
    appliedText: `${formatChineseDate(v.appliedOn)}递交入党申请 · ${v.branchName}`,
    nextText: v.next ? v.next.label : endedText(v.stage),
    dueText: dueText(v),
    overdue: v.next?.overdue ?? false,
    gates: v.gates.map((g, i) => ({
      id: `${g.rule}-${i}`,
      label: `${g.label}（${g.rule}）`,
      // A gate that passes with a warning (a filing not yet acknowledged, a late talk) says so, not just 已满足.
      ...(g.state === 'pass' && g.warning
        ? { status: '有提醒', statusClass: 'warned' as const }
        : GATE_STATUS[g.state]),
      detail: g.missing ?? g.warning ?? '',
    })),
    records: [...v.records].reverse().map((r) => ({
      id: r.id,
      date: formatChineseDate(r.on),
      title: r.title,
      meta: [r.label, r.byName, r.fromUnitName].filter(Boolean).join(' · '),
      attachments: toAttachmentVMs(r.attachments),
    })),
    chain,
    standingText: v.standingSince ? `党龄自${formatChineseDate(v.standingSince)}起算` : '',
    reapply: v.mayReapply,
  };
}

export interface TodoVM {
  id: string;
  caseId: string;
  who: string;
  what: string;
  due: string;
  overdue: boolean;
}

/** One line of the to-do list: whose case, what is due, by when. */
export function toTodoVM(t: TodoView, i: number): TodoVM {
  const due = t.next.due ? `${t.next.overdue ? '已逾期 · ' : ''}${formatChineseDate(t.next.due)}前` : '';
  return {
    id: `${t.caseId}-${i}`,
    caseId: t.caseId,
    who: `${t.personName} · ${t.branchName}${t.role === 'contact' ? ' · 我是培养联系人' : ''}`,
    what: t.next.label,
    due,
    overdue: t.next.overdue,
  };
}

/** The reminder offer on the to-do page: how many reminders the consents given so far still allow. */
export interface RemindVM {
  templateId: string;
  text: string;
}

export function toRemindVM(v: ReminderStatusView): RemindVM {
  return {
    templateId: v.templateId,
    text: v.available > 0 ? `还可提醒 ${v.available} 次` : '未订阅时，请以本页待办为准',
  };
}
