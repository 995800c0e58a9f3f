/** Objections: the handling as its author and the officers read it (我的异议, 异议处理). */
import type { MyObjectionView, ObjectionHandlingView, OfficerObjectionView } from '../../../typings/actions/notices';
import { OBJECTION_OUTCOME_LABELS, type ObjectionOutcome } from '../../typings/vocabulary';
import { formatDateTime, shanghaiDate } from '../format';
import type { TagTheme } from './common';

const OUTCOME_THEMES: Record<ObjectionOutcome, TagTheme> = { upheld: 'danger', dismissed: 'success' };

export interface HandlingVM {
  investigation: string;
  outcomeLabel: string;
  outcomeTheme: TagTheme;
  /** `王老师 · 2026-11-20 10:30`. */
  handledText: string;
}

export function toHandlingVM(h: ObjectionHandlingView): HandlingVM {
  return {
    investigation: h.investigation,
    outcomeLabel: h.outcomeLabel,
    outcomeTheme: OUTCOME_THEMES[h.outcome],
    handledText: [h.handledByName, formatDateTime(h.handledAt)].filter(Boolean).join(' · '),
  };
}

/** The handling just recorded by the reader themselves, before any reload. */
export function justHandledVM(investigation: string, outcome: ObjectionOutcome, now: number = Date.now()): HandlingVM {
  return {
    investigation,
    outcomeLabel: OBJECTION_OUTCOME_LABELS[outcome],
    outcomeTheme: OUTCOME_THEMES[outcome],
    handledText: `本人 · ${formatDateTime(new Date(now).toISOString())}`,
  };
}

export interface MyObjectionVM {
  id: string;
  noticeId: string;
  noticeTitle: string;
  text: string;
  /** `匿名提交 · 2026-11-20 10:32`. */
  metaText: string;
  anonymous: boolean;
  statusLabel: string;
  statusTheme: TagTheme;
  handling: HandlingVM | null;
}

export function toMyObjectionVM(o: MyObjectionView): MyObjectionVM {
  return {
    id: o.id,
    noticeId: o.noticeId,
    noticeTitle: o.noticeTitle,
    text: o.text,
    metaText: `${o.anonymous ? '匿名提交' : '实名提交'} · ${formatDateTime(o.submittedAt)}`,
    anonymous: o.anonymous,
    statusLabel: o.handling ? o.handling.outcomeLabel : '待核实',
    // For the one who objected, an upheld objection is a point taken, not an alarm.
    statusTheme: o.handling ? (o.handling.outcome === 'upheld' ? 'success' : 'default') : 'warning',
    handling: o.handling ? toHandlingVM(o.handling) : null,
  };
}

export interface OfficerObjectionVM {
  id: string;
  text: string;
  anonymous: boolean;
  /** The objector's name, or `匿名` — officers never learn who an anonymous objector is. */
  who: string;
  /** The day only: an exact time could be matched against other records to unmask an anonymous objector. */
  submittedOn: string;
  /** The content check flagged it for a human look: accepted, but to be read with care. */
  needsReview: boolean;
  handling: HandlingVM | null;
}

export function toOfficerObjectionVM(o: OfficerObjectionView): OfficerObjectionVM {
  return {
    id: o.id,
    text: o.text,
    anonymous: o.anonymous,
    who: o.anonymous || !o.objector ? '匿名' : o.objector.name,
    submittedOn: shanghaiDate(o.submittedAt),
    needsReview: o.needsReview,
    handling: o.handling ? toHandlingVM(o.handling) : null,
  };
}
