/**
 * The record filed when a notice ends (E2, tccu: "opinions are collected, checked and filed";
 * S3: "documentary records of the whole journey"). A frozen, JSON-plain object: times as ISO-8601
 * +08:00 strings. Anonymous objections carry no objector identity at all: no person id, no name, no objection
 * id (an id may be derived from the person), and only the day it was submitted (an exact instant could be
 * matched against access logs).
 */
import {
  NOTICE_KIND_LABELS,
  type NoticeKind,
  type NoticeOutcome,
  type ObjectionOutcome,
} from '../../../typings/actions/notices';
import type { RuleVersion } from '../../../typings/domain';
import { DomainError } from '../errors';
import { shanghaiDate, shanghaiIso } from '../time';
import type { Notice, Objection } from './model';
import { shownWindow, type WindowCounting, type WindowUnit } from './window';

interface ArchivedHandling {
  investigation: string;
  outcome: ObjectionOutcome;
  handledBy: string;
  handledAt: string;
}

export type ArchivedObjection =
  | {
      no: number;
      anonymous: false;
      objectionId: string;
      objector: { personId: string; name: string };
      text: string;
      submittedAt: string;
      handling: ArchivedHandling | null;
    }
  | {
      no: number;
      anonymous: true;
      text: string;
      /** YYYY-MM-DD only. */
      submittedOn: string;
      handling: ArchivedHandling | null;
    };

export interface NoticeArchive {
  noticeId: string;
  unitId: string;
  kind: NoticeKind;
  kindLabel: string;
  ruleVersion: RuleVersion;
  title: string;
  body: string;
  subjects: { personId: string | null; name: string }[];
  scopeUnitIds: string[];
  window: {
    start: string;
    end: string;
    length: number;
    unit: WindowUnit;
    counting: WindowCounting;
    opensAt: string;
    closesAt: string;
    provisional: boolean;
    calendarSource: string | null;
  } | null;
  published: { at: string; by: string } | null;
  withdrawn: { at: string; by: string; reason: string } | null;
  closed: { at: string; outcome: NoticeOutcome } | null;
  objections: ArchivedObjection[];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function archivedHandling(o: Objection): ArchivedHandling | null {
  if (!o.handling) return null;
  const { investigation, outcome, handledBy, handledAt } = o.handling;
  return { investigation, outcome, handledBy, handledAt: shanghaiIso(handledAt) };
}

function archivedObjection(o: Objection, no: number): ArchivedObjection {
  if (o.anonymous) {
    return {
      no,
      anonymous: true,
      text: o.text,
      submittedOn: shanghaiDate(o.submittedAt),
      handling: archivedHandling(o),
    };
  }
  return {
    no,
    anonymous: false,
    objectionId: o._id,
    objector: { personId: o.objectorId, name: o.objectorName ?? '' },
    text: o.text,
    submittedAt: shanghaiIso(o.submittedAt),
    handling: archivedHandling(o),
  };
}

/** E2: the filed record of a closed or withdrawn notice with every objection and its handling, numbered in order. */
export function archiveSnapshot(notice: Notice, objections: readonly Objection[]): Readonly<NoticeArchive> {
  if (notice.status !== 'closed' && notice.status !== 'withdrawn') throw new DomainError('NOTICE_NOT_ENDED');
  const foreign = objections.find((o) => o.noticeId !== notice._id);
  if (foreign) throw new Error(`objection ${foreign._id} does not belong to notice ${notice._id}`);
  const ordered = [...objections].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const w = notice.published?.window ?? null;
  const snapshot: NoticeArchive = {
    noticeId: notice._id,
    unitId: notice.unitId,
    kind: notice.kind,
    kindLabel: NOTICE_KIND_LABELS[notice.kind],
    ruleVersion: notice.ruleVersion,
    title: notice.title,
    body: notice.body,
    subjects: notice.subjects.map((s) => ({ personId: s.personId, name: s.name })),
    scopeUnitIds: [...notice.scopeUnitIds],
    window: w && { ...shownWindow(w), calendarSource: w.calendarSource },
    published: notice.published && { at: shanghaiIso(notice.published.at), by: notice.published.by },
    withdrawn: notice.withdrawn && { ...notice.withdrawn, at: shanghaiIso(notice.withdrawn.at) },
    closed: notice.closed && { at: shanghaiIso(notice.closed.at), outcome: notice.closed.outcome },
    objections: ordered.map((o, i) => archivedObjection(o, i + 1)),
  };
  return deepFreeze(snapshot);
}
