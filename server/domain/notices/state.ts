/**
 * The life of a notice: draft → published (scheduled / open by the clock) → closed, and draft or published →
 * withdrawn. Publishing freezes the text and the window (E2: the record is the text as posted).
 * Every function is pure: it returns a new notice or throws a DomainError for an illegal transition.
 */
import { type NoticeOutcome, type NoticeState, WINDOW_UNIT_LABELS } from '../../../typings/actions/notices';
import { DomainError } from '../errors';
import { shanghaiDate } from '../time';
import { officialCalendar, type WorkCalendar } from './calendar';
import type { Notice, Objection } from './model';
import {
  checkWindowMeetsMinimum,
  minimumWindowFor,
  PUBLICITY_REQUIREMENTS,
  type RequirementTable,
} from './requirements';
import { type PublicityWindow, publicityWindow, windowPhase } from './window';

/**
 * What a reader sees now. A published notice is scheduled before its window opens, open inside it and closed
 * after it, whether or not the scheduler has run yet, so a read never shows a stale state.
 */
export function effectiveState(notice: Notice, now: Date): NoticeState {
  switch (notice.status) {
    case 'draft':
      return 'draft';
    case 'withdrawn':
      return 'withdrawn';
    case 'closed':
      return 'closed';
    case 'published':
      return windowPhase(publishedWindow(notice), now);
  }
}

function publishedWindow(notice: Notice): PublicityWindow {
  if (!notice.published) throw new Error(`notice ${notice._id} is ${notice.status} without a published window`);
  return notice.published.window;
}

/** The window a notice has: the frozen one once published, otherwise what the draft's spec gives today. */
export function noticeWindow(notice: Notice, calendar: WorkCalendar = officialCalendar): PublicityWindow {
  return notice.published ? notice.published.window : publicityWindow(notice.spec, calendar);
}

/** Publishing freezes the text: only a draft may be edited. */
export function canEdit(notice: Notice): boolean {
  return notice.status === 'draft';
}

export type DraftFields = Pick<Notice, 'kind' | 'title' | 'body' | 'subjects' | 'scopeUnitIds' | 'spec'>;

export function createDraft(
  input: DraftFields & Pick<Notice, '_id' | 'unitId' | 'ruleVersion'> & { by: string },
  now: Date,
): Notice {
  const { by, ...fields } = input;
  return {
    ...fields,
    status: 'draft',
    createdBy: by,
    createdAt: now,
    updatedAt: now,
    published: null,
    withdrawn: null,
    closed: null,
  };
}

/** Only a draft may be edited; a withdrawn notice is not revived by editing. */
export function editDraft(notice: Notice, patch: Partial<DraftFields>, now: Date): Notice {
  if (notice.status === 'withdrawn') throw new DomainError('NOTICE_WITHDRAWN');
  if (!canEdit(notice)) throw new DomainError('NOTICE_NOT_DRAFT');
  return { ...notice, ...patch, updatedAt: now };
}

/**
 * Publishes a draft: the window is computed and frozen, must not start before today (a notice cannot be
 * backdated into days nobody could read it) and must meet the minimum for its kind and rule version (E2).
 */
export function publish(
  notice: Notice,
  now: Date,
  opts: { by: string; table?: RequirementTable; calendar?: WorkCalendar },
): Notice {
  if (notice.status === 'published') throw new DomainError('NOTICE_ALREADY_PUBLISHED');
  if (notice.status === 'closed') throw new DomainError('NOTICE_CLOSED');
  if (notice.status === 'withdrawn') throw new DomainError('NOTICE_WITHDRAWN');
  if (notice.spec.start < shanghaiDate(now)) {
    throw new DomainError('WINDOW_START_IN_PAST', undefined, { start: '不能早于今天' });
  }
  const calendar = opts.calendar ?? officialCalendar;
  const window = publicityWindow(notice.spec, calendar);
  const requirement = minimumWindowFor(notice.kind, notice.ruleVersion, opts.table ?? PUBLICITY_REQUIREMENTS);
  if (checkWindowMeetsMinimum(window, requirement, calendar)) {
    const min = requirement.minimum!;
    const shortest = `${min.length} ${WINDOW_UNIT_LABELS[min.unit]}`;
    throw new DomainError('WINDOW_TOO_SHORT', `该类公示至少 ${shortest}`, { length: `至少 ${shortest}` });
  }
  return { ...notice, status: 'published', updatedAt: now, published: { at: now, by: opts.by, window } };
}

/**
 * A draft or a published notice that has not ended may be withdrawn, with a reason that is kept on the record.
 * A notice whose window has passed is complete and cannot be withdrawn, even before the scheduler closes it.
 */
export function withdraw(notice: Notice, reason: string, now: Date, by: string): Notice {
  const state = effectiveState(notice, now);
  if (state === 'withdrawn') throw new DomainError('NOTICE_WITHDRAWN');
  if (state === 'closed') throw new DomainError('NOTICE_CLOSED', '公示期已结束，不能撤回');
  const trimmed = reason.trim();
  if (!trimmed) throw new DomainError('WITHDRAW_REASON_REQUIRED', undefined, { reason: '请填写撤回理由' });
  return { ...notice, status: 'withdrawn', updatedAt: now, withdrawn: { at: now, by, reason: trimmed } };
}

/** How a publicity ended: no objection received, every objection handled, or some still pending. */
export function closeOutcome(objections: readonly Objection[]): NoticeOutcome {
  return outcomeOfCounts({ total: objections.length, pending: objections.filter((o) => o.handling === null).length });
}

/** `closeOutcome` from the notice's objection counters (how many were raised, how many still wait for handling). */
export function outcomeOfCounts(counts: { total: number; pending: number }): NoticeOutcome {
  if (counts.total === 0) return 'no_objection';
  return counts.pending === 0 ? 'objections_handled' : 'objections_pending';
}

/** Closes a published notice once its window has passed, recording the outcome of its objections. */
export function close(notice: Notice, objections: readonly Objection[], now: Date): Notice {
  if (notice.status === 'draft') throw new DomainError('NOTICE_NOT_PUBLISHED');
  if (notice.status === 'withdrawn') throw new DomainError('NOTICE_WITHDRAWN');
  if (notice.status === 'closed') throw new DomainError('NOTICE_CLOSED');
  if (effectiveState(notice, now) !== 'closed') throw new DomainError('NOTICE_NOT_ENDED');
  return { ...notice, status: 'closed', updatedAt: now, closed: { at: now, outcome: closeOutcome(objections) } };
}

/**
 * Objections may still be handled after the window closes; the closed notice's outcome follows them
 * (objections_pending → objections_handled). The closing time stays.
 */
export function refreshOutcome(notice: Notice, objections: readonly Objection[], now: Date): Notice {
  if (notice.status !== 'closed' || !notice.closed) throw new DomainError('NOTICE_NOT_ENDED');
  const outcome = closeOutcome(objections);
  if (outcome === notice.closed.outcome) return notice;
  return { ...notice, updatedAt: now, closed: { ...notice.closed, outcome } };
}
