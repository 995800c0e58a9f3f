/** View mappers of the notice actions: the window, a card, a closing, a handling and the filed archive. */
import {
  NOTICE_KIND_LABELS,
  NOTICE_OUTCOME_LABELS,
  NOTICE_STATE_LABELS,
  type NoticeArchiveView,
  type NoticeCardView,
  type NoticeOutcome,
  type NoticeWindowView,
  OBJECTION_OUTCOME_LABELS,
  type ObjectionHandlingView,
} from '../../../typings/actions';
import {
  daysRemaining,
  effectiveState,
  type Notice,
  noticeWindow,
  outcomeOfCounts,
  type PublicityWindow,
  shownWindow,
} from '../../domain/notices';
import { shanghaiDate, shanghaiIso } from '../../domain/time';
import type { ArchiveDoc, NoticeCardDoc, ObjectionDoc, StoredHandling } from './docs';

export function windowView(w: PublicityWindow): NoticeWindowView {
  return shownWindow(w);
}

/** A filed window as shown: the archive keeps which calendar counted it, the view does not. */
function filedWindowView({ calendarSource: _source, ...shown }: NonNullable<ArchiveDoc['window']>): NoticeWindowView {
  return shown;
}

/** `effectiveState` and `noticeWindow` read only status, spec and published, which a card document has. */
function asNotice(n: NoticeCardDoc): Notice {
  return n as unknown as Notice;
}

export function cardView(n: NoticeCardDoc, now: Date, managed = false): NoticeCardView {
  const state = effectiveState(asNotice(n), now);
  const window = noticeWindow(asNotice(n));
  return {
    id: n._id,
    kind: n.kind,
    kindLabel: NOTICE_KIND_LABELS[n.kind],
    title: n.title,
    unitId: n.unitId,
    unitName: n.unitName,
    state,
    stateLabel: NOTICE_STATE_LABELS[state],
    window: windowView(window),
    countdown:
      state === 'scheduled' || state === 'open' ? { remaining: daysRemaining(window, now), unit: window.unit } : null,
    publishedAt: n.published ? shanghaiIso(n.published.at) : null,
    closed: closedView(n, now),
    pendingObjections: managed ? n.objectionCounts.pending : null,
  };
}

/**
 * The closing as shown: the recorded one, or, for a notice whose window has passed before the scheduler filed it,
 * what the filing will record (the window's end and the outcome of the objections so far).
 */
export function closedView(n: NoticeCardDoc, now: Date) {
  let closed: { at: Date; outcome: NoticeOutcome } | null = n.closed;
  if (!closed && n.status === 'published' && n.published && effectiveState(asNotice(n), now) === 'closed') {
    closed = { at: n.published.window.closesAt, outcome: outcomeOfCounts(n.objectionCounts) };
  }
  return (
    closed && {
      at: shanghaiIso(closed.at),
      outcome: closed.outcome,
      outcomeLabel: NOTICE_OUTCOME_LABELS[closed.outcome],
    }
  );
}

/** A handling as shown; `handledAt` is a Date when read from an objection, ISO text when read from an archive. */
export function handlingView(
  h: Pick<StoredHandling, 'investigation' | 'outcome'> & { handledAt: Date | string },
  name: string,
): ObjectionHandlingView {
  return {
    investigation: h.investigation,
    outcome: h.outcome,
    outcomeLabel: OBJECTION_OUTCOME_LABELS[h.outcome],
    handledAt: typeof h.handledAt === 'string' ? h.handledAt : shanghaiIso(h.handledAt),
    handledByName: name,
  };
}

/** The officer's and the archive's rule: an anonymous objection is dated by day only (an instant could be matched to logs). */
export function submittedShown(o: Pick<ObjectionDoc, 'anonymous' | 'submittedAt'>): string {
  return o.anonymous ? shanghaiDate(o.submittedAt) : shanghaiIso(o.submittedAt);
}

export function archiveView(a: ArchiveDoc): NoticeArchiveView {
  return {
    noticeId: a.noticeId,
    kind: a.kind,
    kindLabel: a.kindLabel,
    ruleVersion: a.ruleVersion,
    title: a.title,
    body: a.body,
    subjects: a.subjects.map((s) => ({ name: s.name })),
    scopeUnitIds: a.scopeUnitIds,
    window: a.window && filedWindowView(a.window),
    publishedAt: a.published?.at ?? null,
    withdrawn: a.withdrawn && { at: a.withdrawn.at, reason: a.withdrawn.reason },
    closed: a.closed && { ...a.closed, outcomeLabel: NOTICE_OUTCOME_LABELS[a.closed.outcome] },
    revision: a.revision,
    // Older records (before filedOutcome existed) were filed with the outcome they still show.
    filedOutcomeLabel: a.closed ? NOTICE_OUTCOME_LABELS[a.filedOutcome ?? a.closed.outcome] : null,
    objections: a.objections.map((o) => ({
      no: o.no,
      anonymous: o.anonymous,
      objector: o.anonymous ? null : o.objector,
      text: o.text,
      submittedAt: o.anonymous ? o.submittedOn : o.submittedAt,
      handling: o.handling && handlingView(o.handling, a.handlerNames[o.handling.handledBy] ?? ''),
    })),
  };
}
